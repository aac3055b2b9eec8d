//! The entity x article matrix as CSV: one row per entity (name, kind, aliases joined with
//! "; "), one column of mention counts per article, headed by its outlet or title. Below the
//! entities, in the same columns: the sources cited (kind `source`, one row per field: outlet,
//! byline, title, published, url, imported) and the notes (kind `note: VERDICT`, the note's
//! text as name, author and time as aliases, and in the annotated article's column what it
//! annotates: `article`, `sentence 4`, or `event`).

use crate::report::{CompareReport, ReportArticle};

use super::{article_labels, kind_name, note_byline};

/// Writes the entity matrix of `report` as CSV with a header row.
pub(crate) fn write(report: &CompareReport) -> String {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut header = vec!["name".to_string(), "kind".into(), "aliases".into()];
    header.extend(article_labels(report).iter().map(|label| inert(label)));
    let columns = header.len();
    // Writing to memory cannot fail, and every record has the header's length.
    writer.write_record(&header).expect("writes to memory");
    for entity in &report.entities {
        let mut record = vec![
            inert(&entity.name),
            kind_name(entity.kind).to_string(),
            inert(&entity.aliases.join("; ")),
        ];
        record.extend(
            (0..report.articles.len())
                .map(|k| entity.mentions.get(k).copied().unwrap_or(0).to_string()),
        );
        debug_assert_eq!(record.len(), columns);
        writer.write_record(&record).expect("writes to memory");
    }
    let articles = &report.articles;
    for field in ["outlet", "byline", "title", "published", "url", "imported"] {
        let mut record = vec![field.to_string(), "source".into(), String::new()];
        record.extend(
            articles
                .iter()
                .map(|article| inert(source_field(article, field).unwrap_or_default())),
        );
        writer.write_record(&record).expect("writes to memory");
    }
    for note in &report.notes {
        let kind = match &note.verdict {
            Some(verdict) => format!("note: {}", inert(verdict)),
            None => "note".into(),
        };
        let mut record = vec![inert(&note.text), kind, inert(&note_byline(note))];
        record.extend(articles.iter().map(|article| {
            let Some(id) = article.id else {
                return String::new();
            };
            if note.kind == "event" {
                return "event".into();
            }
            let sentence = if note.article == Some(id) {
                note.sentence
            } else if note.other_article == Some(id) {
                note.other_sentence
            } else {
                return String::new();
            };
            match sentence {
                Some(s) => format!("sentence {}", s + 1),
                None => "article".into(),
            }
        }));
        writer.write_record(&record).expect("writes to memory");
    }
    let bytes = writer.into_inner().expect("writes to memory");
    String::from_utf8(bytes).expect("the records are strings")
}

/// One field of the source an article cites.
fn source_field<'a>(article: &'a ReportArticle, field: &str) -> Option<&'a str> {
    let cited = &article.citation;
    match field {
        "outlet" => article.outlet.as_deref(),
        "byline" => cited.byline.as_deref(),
        "title" => Some(&article.title),
        "published" => cited.published.as_deref(),
        "url" => cited.url.as_deref(),
        _ => cited.imported.as_deref(),
    }
}

/// `text`, kept from being read as a formula by a spreadsheet: a cell that opens with `=`, `+`,
/// `-`, `@` or a tab gets a leading apostrophe (an outlet named `=HYPERLINK(...)` stays text).
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_looks_like_a_formula_stays_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM"), "'@SUM");
        assert_eq!(inert("Reuters"), "Reuters");
    }
}
