//! Articles found by id, in one place: a whole record ([`get`]), whether it is there
//! ([`require`]), its content hash and text, and why an id is missing ([`missing`]: in the
//! trash, or unknown); and the one way a new article is written ([`insert`]). Lists and searches
//! are `search.rs`'s.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Error;

/// A new article as import and load write it, in its event.
pub(crate) struct NewArticle<'a> {
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: Option<&'a str>,
    pub path: Option<&'a str>,
    pub format: &'a str,
    pub text: &'a str,
    pub word_count: usize,
    pub content_hash: &'a str,
    pub event: i64,
    /// The event profile, encoded (`events::encode_profile`).
    pub profile: &'a str,
    /// When it was first imported (a load keeps the export's); now when `None`.
    pub imported: Option<&'a str>,
    /// The earlier article grouping found it closest to, when it joined that one's event.
    pub grouped_with: Option<&'a parallax_core::events::Evidence>,
    pub placed_by_user: bool,
    /// What a person corrected (JSON), when anything.
    pub corrected: Option<&'a str>,
}

/// Writes a new article; returns its id. The search index is brought up to date by the caller
/// for the whole batch (`schema::index_for_search`).
pub(crate) fn insert(connection: &Connection, article: &NewArticle) -> Result<i64, Error> {
    let grouped = article.grouped_with;
    connection
        .prepare_cached(
            "INSERT INTO articles (title, outlet, byline, published, url, language, path, format, text,
                                   word_count, content_hash, imported, event_id, profile, grouped_with,
                                   grouping_similarity, grouping_terms, placed_by_user, corrected)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                     coalesce(?12, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?
        .execute(rusqlite::params![
            article.title,
            article.outlet,
            article.byline,
            article.published,
            article.url,
            article.language,
            article.path,
            article.format,
            article.text,
            article.word_count as i64,
            article.content_hash,
            article.imported,
            article.event,
            article.profile,
            grouped.map(|e| e.article),
            grouped.map(|e| e.similarity),
            grouped.map(|e| e.shared_terms.join("\t")),
            article.placed_by_user,
            article.corrected,
        ])?;
    Ok(connection.last_insert_rowid())
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
    /// The tags a person gave it, in alphabetical order.
    #[serde(default)]
    pub tags: Vec<String>,
    /// When it entered the library (UTC, ISO 8601).
    #[serde(default)]
    pub imported: String,
    /// The fields a person corrected (`title`, `outlet`, `byline`, `published`), each with the
    /// value it had before its first correction.
    #[serde(default)]
    pub corrected: BTreeMap<String, Option<String>>,
}

/// Tags as a query joins them (separated by the unit separator, U+001F).
pub(crate) fn split_tags(joined: Option<String>) -> Vec<String> {
    joined
        .map(|joined| joined.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}

/// One article with its text.
pub(crate) fn get(connection: &Connection, id: i64) -> Result<ArticleRecord, Error> {
    connection
        .query_row(
            "SELECT id, title, outlet, published, path, word_count, event_id, \
             (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM article_tags WHERE article_id = articles.id ORDER BY tag)), \
             byline, url, language, format, text, corrected, imported FROM articles WHERE id = ?1",
            [id],
            |row| {
                Ok(ArticleRecord {
                    id: row.get(0)?,
                    title: row.get(1)?,
                    outlet: row.get(2)?,
                    published: row.get(3)?,
                    path: row.get(4)?,
                    word_count: row.get::<_, i64>(5)? as usize,
                    event: row.get(6)?,
                    tags: split_tags(row.get(7)?),
                    byline: row.get(8)?,
                    url: row.get(9)?,
                    language: row.get(10)?,
                    format: row.get(11)?,
                    text: row.get(12)?,
                    corrected: parse_corrected(row.get(13)?),
                    imported: row.get(14)?,
                })
            },
        )
        .optional()?
        .map_or_else(|| Err(missing(connection, id)), Ok)
}

/// Fails unless `articles` holds article `id`.
pub(crate) fn require(connection: &Connection, id: i64) -> Result<(), Error> {
    let found = connection
        .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
        .optional()?;
    match found {
        Some(()) => Ok(()),
        None => Err(missing(connection, id)),
    }
}

/// Article `id`'s content hash (what names it through the trash and a dump) and text.
pub(crate) fn hash_and_text(connection: &Connection, id: i64) -> Result<(String, String), Error> {
    connection
        .query_row(
            "SELECT content_hash, text FROM articles WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| missing(connection, id))
}

/// Article `id`'s content hash.
pub(crate) fn content_hash(connection: &Connection, id: i64) -> Result<String, Error> {
    connection
        .query_row(
            "SELECT content_hash FROM articles WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| missing(connection, id))
}

/// The library article (not in the trash) whose text has this content hash, if any.
pub(crate) fn with_hash(connection: &Connection, hash: &str) -> Result<Option<i64>, Error> {
    Ok(connection
        .query_row(
            "SELECT id FROM articles WHERE content_hash = ?1",
            [hash],
            |row| row.get(0),
        )
        .optional()?)
}

/// True when the trash holds article `id`.
pub(crate) fn in_trash(connection: &Connection, id: i64) -> Result<bool, Error> {
    Ok(connection
        .query_row("SELECT 1 FROM trash WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The error for an article id `articles` does not hold: in the trash, or unknown.
pub(crate) fn missing(connection: &Connection, id: i64) -> Error {
    match in_trash(connection, id) {
        Ok(true) => Error::InTrash(id),
        Ok(false) => Error::NoSuchArticle(id),
        Err(error) => error,
    }
}

/// The `corrected` column: field name to the value before the first correction.
pub(crate) fn parse_corrected(stored: Option<String>) -> BTreeMap<String, Option<String>> {
    stored
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// The name that says where an article comes from: its outlet, else (when no outlet could be
/// found, as for a wire copy saved as plain text) its file's name without the extension, else
/// its headline. The one place the window and the reports get this fallback from.
pub fn source_name(outlet: Option<&str>, path: Option<&str>, title: &str) -> String {
    let file_stem = || {
        let name = path?.rsplit(['/', '\\']).next()?;
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        Some(stem.trim()).filter(|s| !s.is_empty())
    };
    outlet
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .or_else(file_stem)
        .unwrap_or(title)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_outlet_is_named_by_the_file_then_by_the_headline() {
        assert_eq!(
            source_name(Some("The Ledger"), Some("/a/wire.txt"), "Talks"),
            "The Ledger"
        );
        assert_eq!(
            source_name(None, Some("/a/kyiv-wire.txt"), "Talks"),
            "kyiv-wire"
        );
        assert_eq!(
            source_name(Some(" "), Some("C:\\notes\\wire.md"), "Talks"),
            "wire"
        );
        assert_eq!(source_name(None, None, "Talks"), "Talks");
    }
}
