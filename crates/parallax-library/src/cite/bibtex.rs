//! BibTeX: one `@article` entry per article, with `journal` for BibTeX and `journaltitle`,
//! `date` and `urldate` for biblatex (Zotero reads both). Text is escaped for TeX: braces,
//! backslashes and the characters TeX gives a meaning (`% # & $ _ ^ ~`).

use super::{date_parts, Author, Citation};

/// Writes the citations as BibTeX entries.
pub(crate) fn write(citations: &[Citation]) -> String {
    let mut out = String::new();
    for citation in citations {
        out.push_str(&format!("@article{{{},\n", citation.key));
        let mut field = |name: &str, value: String| {
            out.push_str(&format!("  {name} = {{{value}}},\n"));
        };
        // Double braces keep the headline's capitals as written.
        field("title", format!("{{{}}}", escape(&citation.title)));
        if !citation.authors.is_empty() {
            let names: Vec<String> = citation
                .authors
                .iter()
                .map(|author| match author {
                    Author::Person { family, given } => {
                        format!("{}, {}", escape(family), escape(given))
                    }
                    // Braced, so "Reuters staff" stays one name, not a Mr Staff.
                    Author::Literal { literal } => format!("{{{}}}", escape(literal)),
                })
                .collect();
            field("author", names.join(" and "));
        }
        if let Some(outlet) = &citation.outlet {
            field("journal", escape(outlet));
            field("journaltitle", escape(outlet));
        }
        if let Some(published) = citation.published.as_deref() {
            let parts = date_parts(published);
            if let Some(year) = parts.first() {
                field("year", year.to_string());
                if let Some(month) = parts.get(1) {
                    field("month", month.to_string());
                }
                field("date", iso_date(&parts));
            }
        }
        if let Some(url) = &citation.url {
            field("url", url_value(url));
        }
        let accessed = date_parts(&citation.imported);
        if !accessed.is_empty() {
            field("urldate", iso_date(&accessed));
        }
        if let Some(language) = &citation.language {
            field("langid", escape(language));
        }
        out.push_str("}\n\n");
    }
    out
}

fn iso_date(parts: &[u32]) -> String {
    let mut date = parts.first().copied().unwrap_or(0).to_string();
    for part in parts.iter().skip(1) {
        date.push_str(&format!("-{part:02}"));
    }
    date
}

/// `text` as TeX reads it back: braces and backslashes as commands (so a stray brace cannot
/// end the field), the special characters escaped, line breaks as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            // BibTeX counts braces even after a backslash: `\{` would unbalance the field.
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '%' | '#' | '&' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An address as biblatex's verbatim `url` field takes it: braces, backslashes and spaces,
/// which would break the field, percent-encoded.
fn url_value(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tex_specials_are_escaped() {
        assert_eq!(
            escape("50% of {AT&T} #1 $5 a_b ^ ~ \\"),
            "50\\% of \\textbraceleft{}AT\\&T\\textbraceright{} \\#1 \\$5 a\\_b \\^{} \\~{} \\textbackslash{}"
        );
        assert_eq!(
            url_value("https://x.example/a b{c}"),
            "https://x.example/a%20b%7Bc%7D"
        );
    }
}
