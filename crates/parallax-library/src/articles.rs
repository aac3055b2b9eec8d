//! What the library holds: article summaries for lists, whole records for reading.

use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::Error;

/// An article as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Its id in the library.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// The file it was imported from.
    pub path: Option<String>,
    /// Words in its text.
    pub word_count: usize,
    /// The event it belongs to.
    pub event: Option<i64>,
}

/// An article with everything the library knows of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Its id in the library.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// The file it was imported from.
    pub path: Option<String>,
    /// Words in its text.
    pub word_count: usize,
    /// The event it belongs to.
    pub event: Option<i64>,
    /// The author line, when known.
    pub byline: Option<String>,
    /// Its address on the web, when known.
    pub url: Option<String>,
    /// Its language tag, when known.
    pub language: Option<String>,
    /// The format of the file it came from (`text`, `markdown`, `html`, ...).
    pub format: String,
    /// Its body text, paragraphs separated by a blank line.
    pub text: String,
}

const SUMMARY_COLUMNS: &str = "id, title, outlet, published, path, word_count, event_id";

fn summary(row: &Row) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        outlet: row.get(2)?,
        published: row.get(3)?,
        path: row.get(4)?,
        word_count: row.get::<_, i64>(5)? as usize,
        event: row.get(6)?,
    })
}

/// Every article, newest publication first (undated last).
pub(crate) fn list(connection: &Connection) -> Result<Vec<ArticleSummary>, Error> {
    let mut statement = connection.prepare(&format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY published IS NULL, published DESC, id"
    ))?;
    let articles = statement
        .query_map([], summary)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(articles)
}

/// One article with its text.
pub(crate) fn get(connection: &Connection, id: i64) -> Result<ArticleRecord, Error> {
    connection
        .query_row(
            &format!("SELECT {SUMMARY_COLUMNS}, byline, url, language, format, text FROM articles WHERE id = ?1"),
            [id],
            |row| {
                let s = summary(row)?;
                Ok(ArticleRecord {
                    id: s.id,
                    title: s.title,
                    outlet: s.outlet,
                    published: s.published,
                    path: s.path,
                    word_count: s.word_count,
                    event: s.event,
                    byline: row.get(7)?,
                    url: row.get(8)?,
                    language: row.get(9)?,
                    format: row.get(10)?,
                    text: row.get(11)?,
                })
            },
        )
        .optional()?
        .ok_or(Error::NoSuchArticle(id))
}
