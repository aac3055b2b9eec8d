//! A comparison written out for people and programs outside Parallax, one format per file:
//!
//! - `html`: one self-contained page (inline style, no script, a policy that forbids any)
//!   with the sentences side by side as the window lays them out.
//! - `markdown`: the same content as readable Markdown.
//! - `json`: the report as it is.
//! - `csv`: the entity x article matrix.
//!
//! Every format names each article's source (outlet, byline, headline, date, address and
//! when it entered the library) and shows a fact-checker's notes beside what they annotate,
//! with verdict, author and time.
//!
//! [`write_file`] saves an export whole or not at all, with progress, and can be cancelled.
//!
//! Article text and note text are hostile: every format escapes them for its own syntax.

use std::fmt;
use std::str::FromStr;

use parallax_core::entities::EntityKind;

use crate::article::ReportArticle;
use crate::report::CompareReport;
use crate::Error;
use parallax_library::Note;

mod csv;
mod file;
mod html;
mod json;
mod markdown;

pub use file::{write_file, PartialFile, Written};

/// A format a comparison can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One self-contained HTML page that opens offline in any browser.
    Html,
    /// Markdown: headings, lists of aligned sentences, tables.
    Markdown,
    /// The report as pretty-printed JSON.
    Json,
    /// The entity x article matrix as CSV.
    Csv,
}

impl ExportFormat {
    /// Every format, in the order the help lists them.
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::Html,
        ExportFormat::Markdown,
        ExportFormat::Json,
        ExportFormat::Csv,
    ];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ExportFormat::Html => "html",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        })
    }
}

impl FromStr for ExportFormat {
    type Err = Error;

    /// Reads a format's name (`html`, `markdown`, `json`, `csv`) or its extension (`htm`, `md`),
    /// in any case.
    fn from_str(name: &str) -> Result<ExportFormat, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "html" | "htm" => Ok(ExportFormat::Html),
            "markdown" | "md" => Ok(ExportFormat::Markdown),
            "json" => Ok(ExportFormat::Json),
            "csv" => Ok(ExportFormat::Csv),
            _ => Err(Error::UnknownExportFormat(name.to_string())),
        }
    }
}

/// Writes `report` in `format`.
pub fn export(report: &CompareReport, format: ExportFormat) -> String {
    match format {
        ExportFormat::Html => html::write(report),
        ExportFormat::Markdown => markdown::write(report),
        ExportFormat::Json => json::write(report),
        ExportFormat::Csv => csv::write(report),
    }
}

/// How an article is named in headings and column heads: its outlet, else its title, else the
/// name the user gave it. Two articles of one outlet get their reference added, so columns stay
/// apart.
fn article_labels(report: &CompareReport) -> Vec<String> {
    let short: Vec<String> = report.articles.iter().map(short_label).collect();
    short
        .iter()
        .zip(&report.articles)
        .map(|(label, article)| {
            if short.iter().filter(|other| *other == label).count() > 1 {
                format!("{label} ({})", article.reference)
            } else {
                label.clone()
            }
        })
        .collect()
}

fn short_label(article: &ReportArticle) -> String {
    [article.outlet.as_deref(), Some(article.title.as_str())]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|s| !s.is_empty())
        .unwrap_or(article.reference.as_str())
        .to_string()
}

/// The headline the export opens with: the first article's title.
fn report_title(report: &CompareReport) -> String {
    report
        .articles
        .first()
        .map(|a| a.title.trim())
        .filter(|t| !t.is_empty())
        .unwrap_or("Comparison")
        .to_string()
}

/// The notes on article `k` as a whole.
fn article_notes(report: &CompareReport, k: usize) -> Vec<&Note> {
    let id = report.articles[k].id;
    report
        .notes
        .iter()
        .filter(|n| n.kind == "article" && id.is_some() && n.article == id)
        .collect()
}

/// The notes on sentence `s` of article `k`: on the sentence itself, or on a pair it is in.
fn sentence_notes(report: &CompareReport, k: usize, s: usize) -> Vec<&Note> {
    let Some(id) = report.articles[k].id else {
        return Vec::new();
    };
    report
        .notes
        .iter()
        .filter(|n| {
            (n.article == Some(id) && n.sentence == Some(s))
                || (n.kind == "pair" && n.other_article == Some(id) && n.other_sentence == Some(s))
        })
        .collect()
}

/// The notes on the events of the compared articles.
fn event_notes(report: &CompareReport) -> Vec<&Note> {
    report.notes.iter().filter(|n| n.kind == "event").collect()
}

/// `wrong · Ana Checker · 2026-12-03T08:00:00Z`: a note's verdict (if any), author and time
/// (edited, when it was).
fn note_byline(note: &Note) -> String {
    let mut parts = Vec::new();
    if let Some(verdict) = &note.verdict {
        parts.push(verdict.clone());
    }
    parts.push(note.author.clone());
    parts.push(match &note.edited {
        Some(edited) => format!("{} (edited {edited})", note.created),
        None => note.created.clone(),
    });
    parts.join(" · ")
}

/// What a note annotates, in words: `the event`, `The Ledger`, `The Ledger, sentence 4`, or a
/// pair `The Ledger, sentence 4 and Daily Wire, sentence 2` (sentences numbered from 1).
fn note_place(report: &CompareReport, labels: &[String], note: &Note) -> String {
    let label = |id: Option<i64>| {
        report
            .articles
            .iter()
            .position(|a| a.id.is_some() && a.id == id)
            .map(|k| labels[k].clone())
            .unwrap_or_else(|| match id {
                Some(id) => format!("article {id}"),
                None => "an article no longer in the library".into(),
            })
    };
    let sentence = |n: Option<usize>| match n {
        Some(n) => format!(", sentence {}", n + 1),
        None => String::new(),
    };
    match note.kind.as_str() {
        "event" => format!(
            "the event {}",
            note.event_title.as_deref().unwrap_or_default()
        )
        .trim_end()
        .to_string(),
        "pair" => format!(
            "{}{} and {}{}",
            label(note.article),
            sentence(note.sentence),
            label(note.other_article),
            sentence(note.other_sentence)
        ),
        _ => format!("{}{}", label(note.article), sentence(note.sentence)),
    }
}

/// `YYYY-MM-DD` of an ISO 8601 date-time.
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_read_by_name_or_extension_in_any_case() {
        assert_eq!("HTML".parse::<ExportFormat>().unwrap(), ExportFormat::Html);
        assert_eq!(
            "md".parse::<ExportFormat>().unwrap(),
            ExportFormat::Markdown
        );
        for format in ExportFormat::ALL {
            assert_eq!(format.to_string().parse::<ExportFormat>().unwrap(), format);
        }
        let error = "pdf".parse::<ExportFormat>().unwrap_err();
        assert!(error.to_string().contains("html, markdown, json or csv"));
    }
}
