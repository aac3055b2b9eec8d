//! The articles a comparison takes and gives back: [`ComparedInput`] in (a file, or an article
//! of the library), [`ReportArticle`] out, with its sentences and where they stand in its text.

use std::path::Path;

use parallax_core::ingest::{self, ExtractedArticle};
use serde::{Deserialize, Serialize};

use crate::Error;

/// An article to compare: from the library (with its id) or from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedInput {
    /// How the user named it: a library id or a file path.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Its library id, when it comes from the library.
    pub id: Option<i64>,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// The file it came from, when known: it names the article when the outlet is unknown.
    #[serde(default)]
    pub path: Option<String>,
    /// Its body text.
    pub text: String,
    /// Where it comes from, for the sources an export cites; its publication date also orders
    /// the timeline and tells which of two articles sharing a passage came first.
    #[serde(default)]
    pub citation: SourceDetails,
}

impl ComparedInput {
    /// A file to compare, named `reference` (the path as the user wrote it): the article the
    /// engine reads out of it, as `parallax compare FILE ...` compares it.
    pub fn from_file(reference: String) -> Result<ComparedInput, Error> {
        let article = read_article_file(Path::new(&reference))?;
        Ok(ComparedInput {
            id: None,
            title: article.title,
            outlet: article.outlet,
            path: Some(reference.clone()),
            reference,
            text: article.text,
            citation: SourceDetails {
                byline: article.byline,
                published: article.published,
                url: article.url,
                imported: None,
            },
        })
    }

    /// A library article to compare, named `reference`, with all an export cites of it.
    pub fn from_record(
        reference: String,
        record: parallax_library::ArticleRecord,
    ) -> ComparedInput {
        ComparedInput {
            reference,
            id: Some(record.id),
            title: record.title,
            outlet: record.outlet,
            path: record.path,
            text: record.text,
            citation: SourceDetails {
                byline: record.byline,
                published: record.published,
                url: record.url,
                imported: Some(record.imported).filter(|i| !i.is_empty()),
            },
        }
    }
}

/// What an export cites of an article besides its headline and outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDetails {
    /// The author line, when known.
    #[serde(default)]
    pub byline: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    #[serde(default)]
    pub published: Option<String>,
    /// Its address on the web, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// When it entered the library (UTC, ISO 8601); none for a file compared directly.
    #[serde(default)]
    pub imported: Option<String>,
}

/// A compared article, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportArticle {
    /// How the user named it: a library id or a file path.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Its library id, when it comes from the library.
    pub id: Option<i64>,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Where it comes from, as the window names it: see [`parallax_library::source_name`].
    pub source: String,
    /// Its sentences; the pairs' sentence indices index this list.
    pub sentences: Vec<String>,
    /// Its body text; passage offsets are character offsets into it.
    pub text: String,
    /// `[start, end)` character offsets of each sentence in `text`.
    pub sentence_spans: Vec<[usize; 2]>,
    /// The paragraph each sentence belongs to.
    pub paragraphs: Vec<usize>,
    /// Its byline, date, address and when it entered the library: the source an export cites.
    #[serde(flatten)]
    pub citation: SourceDetails,
}

/// Reads the article out of a file, as `parallax extract` and `compare` show it: the file is
/// refused by its size before it is read ([`ingest::MAX_FILE_BYTES`]).
pub fn read_article_file(path: &Path) -> Result<ExtractedArticle, Error> {
    let bytes = ingest::read_file_limited(path).map_err(|reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ingest::extract(&bytes, &name).map_err(|e| Error::NoArticle {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

/// Three reports of one ferry sinking, for the tests of the timeline and its exports: an
/// evening report (id 1), an undated wire (2) and a morning report (3) published `morning`.
#[cfg(test)]
pub(crate) fn ferry_reports(morning: &str) -> Vec<ComparedInput> {
    let sank = "The ferry sank near the harbour wall.";
    vec![
        dated_input(
            Some(1),
            "Evening Post",
            Some("2025-11-20T18:00:00Z"),
            &format!("{sank} Nobody was hurt."),
        ),
        dated_input(Some(2), "Undated Wire", None, sank),
        dated_input(Some(3), "Morning Star", Some(morning), sank),
    ]
}

/// An article of a test: named `name` (its headline and outlet), dated or not.
#[cfg(test)]
pub(crate) fn dated_input(
    id: Option<i64>,
    name: &str,
    published: Option<&str>,
    text: &str,
) -> ComparedInput {
    ComparedInput {
        reference: name.into(),
        id,
        title: name.into(),
        outlet: Some(name.into()),
        path: None,
        text: text.into(),
        citation: SourceDetails {
            published: published.map(str::to_string),
            ..Default::default()
        },
    }
}
