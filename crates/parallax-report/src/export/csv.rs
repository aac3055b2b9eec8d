//! The entity x article matrix as CSV: one row per entity (name, kind, aliases joined with
//! "; "), one column of mention counts per article, headed by its outlet or title. Below the
//! entities, in the same columns: the sources cited (kind `source`, one row per field: outlet,
//! byline, title, published, url, imported) and the notes (kind `note: VERDICT`, the note's
//! text as name, author and time as aliases, and in the annotated article's column what it
//! annotates: `article`, `sentence 4`, or `event`). Then the timeline: a row `order` (kind
//! `timeline`) with each article's place in order of publication (`1`, `2`... or `undated`), a
//! row `precision` (`minute`, `day` or empty), and one row per statement (kind `first report`,
//! the statement as name) with `first`, `tied` (may have been first) or `reported` in the
//! column of each article that makes it.

use parallax_core::timeline::Precision;

use crate::article::ReportArticle;
use crate::report::CompareReport;

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
    write_timeline(&mut writer, report);
    let bytes = writer.into_inner().expect("writes to memory");
    String::from_utf8(bytes).expect("the records are strings")
}

/// The timeline's rows: the order of publication, its precision, and who made each statement
/// first.
fn write_timeline(writer: &mut ::csv::Writer<Vec<u8>>, report: &CompareReport) {
    let timeline = &report.timeline;
    let count = report.articles.len();
    let mut order = vec![String::new(); count];
    let mut precision = vec![String::new(); count];
    for (place, article) in timeline.articles.iter().enumerate() {
        order[article.index] = match article.precision {
            Some(_) => (place + 1).to_string(),
            None => "undated".into(),
        };
        precision[article.index] = match article.precision {
            Some(Precision::Minute) => "minute".into(),
            Some(Precision::Day) => "day".into(),
            None => String::new(),
        };
    }
    for (name, cells) in [("order", order), ("precision", precision)] {
        let mut record = vec![name.to_string(), "timeline".into(), String::new()];
        record.extend(cells);
        writer.write_record(&record).expect("writes to memory");
    }
    for statement in &timeline.statements {
        let mut record = vec![inert(&statement.text), "first report".into(), String::new()];
        let tied: Vec<usize> = statement
            .first_tied
            .iter()
            .filter_map(|id| report.articles.iter().position(|a| a.id == Some(*id)))
            .collect();
        record.extend((0..count).map(|k| {
            if statement.first_article == Some(k) {
                "first"
            } else if tied.contains(&k) {
                "tied"
            } else if statement.articles.contains(&k) {
                "reported"
            } else {
                ""
            }
            .to_string()
        }));
        writer.write_record(&record).expect("writes to memory");
    }
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
    use crate::compare_texts;

    #[test]
    fn the_timeline_is_written_below_the_sources() {
        let report = compare_texts(crate::article::ferry_reports("2025-11-20"));
        let csv = write(&report);
        let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        let row = |name: &str, kind: &str| {
            rows.iter()
                .find(|r| r[0] == name && r[1] == kind)
                .unwrap_or_else(|| panic!("no row {name} / {kind} in {csv}"))
                .clone()
        };
        assert_eq!(row("order", "timeline")[3..], ["1", "undated", "2"]);
        assert_eq!(row("precision", "timeline")[3..], ["minute", "", "day"]);
        assert_eq!(
            row("The ferry sank near the harbour wall.", "first report")[3..],
            ["first", "reported", "tied"]
        );
        assert_eq!(
            row("Nobody was hurt.", "first report")[3..],
            ["first", "", ""]
        );
    }

    #[test]
    fn a_cell_that_looks_like_a_formula_stays_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM"), "'@SUM");
        assert_eq!(inert("Reuters"), "Reuters");
    }
}
