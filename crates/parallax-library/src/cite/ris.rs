//! RIS: one `TY  - NEWS` record per article, each line `TAG  - value`, records closed by
//! `ER  - `. Lines end in CR LF, as the format's specification asks.

use super::{date_parts, Author, Citation};

/// Writes the citations as RIS records.
pub(crate) fn write(citations: &[Citation]) -> String {
    let mut out = String::new();
    for citation in citations {
        let mut line = |tag: &str, value: &str| {
            // A value is one line: line breaks inside it would start a new tag.
            let value: String = value
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            out.push_str(&format!("{tag}  - {}\r\n", value.trim()));
        };
        line("TY", "NEWS");
        line("ID", &citation.key);
        line("TI", &citation.title);
        if let Some(outlet) = &citation.outlet {
            line("T2", outlet);
        }
        for author in &citation.authors {
            match author {
                Author::Person { family, given } => line("AU", &format!("{family}, {given}")),
                Author::Literal { literal } => line("AU", literal),
            }
        }
        if let Some(published) = citation.published.as_deref() {
            let parts = date_parts(published);
            if let Some(year) = parts.first() {
                line("PY", &year.to_string());
                line("DA", &ris_date(&parts));
            }
        }
        if let Some(url) = &citation.url {
            line("UR", url);
        }
        let accessed = date_parts(&citation.imported);
        if !accessed.is_empty() {
            line("Y2", &ris_date(&accessed));
        }
        if let Some(language) = &citation.language {
            line("LA", language);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

/// `2025/11/20/`: RIS's date, year/month/day/other, empty parts left empty.
fn ris_date(parts: &[u32]) -> String {
    let part = |i: usize| parts.get(i).map(|n| format!("{n:02}")).unwrap_or_default();
    format!(
        "{}/{}/{}/",
        parts.first().copied().unwrap_or(0),
        part(1),
        part(2)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_with_slashes() {
        assert_eq!(ris_date(&[2025, 11, 2]), "2025/11/02/");
        assert_eq!(ris_date(&[2025]), "2025///");
    }
}
