//! Full-text search: SQLite FTS5 over title, outlet, byline and text, ranked by BM25, with
//! the matched words marked in a snippet.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::Error;

/// How many hits a search returns.
pub(crate) const DEFAULT_LIMIT: usize = 50;

/// Marks around matched words in FTS5 snippets: private-use characters no article contains.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// One article found by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Its id in the library.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// A passage around the matched words, as plain text.
    pub snippet: String,
    /// The matched words in `snippet`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
}

/// Narrows and orders a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchOptions {
    /// Only articles of this outlet (exact name).
    pub outlet: Option<String>,
    /// Only articles published on or after this ISO 8601 date.
    pub since: Option<String>,
    /// Only articles published on or before this ISO 8601 date (the whole day counts).
    pub until: Option<String>,
    /// Only articles of this event.
    pub event: Option<i64>,
    /// The order of the hits.
    pub sort: SearchSort,
    /// At most this many hits.
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            outlet: None,
            since: None,
            until: None,
            event: None,
            sort: SearchSort::Relevance,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// The order of search hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchSort {
    /// Best match first (BM25, headline words weigh most).
    Relevance,
    /// Latest publication first.
    Newest,
    /// Earliest publication first.
    Oldest,
}

/// Searches the library; an empty query finds nothing.
pub(crate) fn search(
    connection: &Connection,
    query: &str,
    options: &SearchOptions,
) -> Result<Vec<SearchHit>, Error> {
    let Some(expression) = match_expression(query) else {
        return Ok(Vec::new());
    };
    // Column weights: a word in the headline says more than one in the body.
    let order = match options.sort {
        SearchSort::Relevance => "bm25(articles_fts, 8.0, 2.0, 2.0, 1.0), a.id",
        SearchSort::Newest => "a.published IS NULL, a.published DESC, a.id",
        SearchSort::Oldest => "a.published IS NULL, a.published, a.id",
    };
    let mut statement = connection.prepare_cached(&format!(
        "SELECT a.id, a.title, a.outlet, snippet(articles_fts, -1, '{OPEN}', '{CLOSE}', '…', 24)
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ?1
           AND (?3 IS NULL OR a.outlet = ?3)
           AND (?4 IS NULL OR a.published >= ?4)
           AND (?5 IS NULL OR substr(a.published, 1, length(?5)) <= ?5)
           AND (?6 IS NULL OR a.event_id = ?6)
         ORDER BY {order}
         LIMIT ?2"
    ))?;
    let parameters = rusqlite::params![
        expression,
        options.limit as i64,
        options.outlet,
        options.since,
        options.until,
        options.event
    ];
    let hits = statement
        .query_map(parameters, |row| {
            let marked: String = row.get(3)?;
            let (snippet, highlights) = unmark(&marked);
            Ok(SearchHit {
                id: row.get(0)?,
                title: row.get(1)?,
                outlet: row.get(2)?,
                snippet,
                highlights,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(hits)
}

/// Turns what a person types into an FTS5 expression that cannot be a syntax error: every
/// word quoted, `"quoted words"` kept as phrases, and the last word also matched as a prefix
/// unless the query ends with a space (so results follow typing).
fn match_expression(query: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let words: Vec<&str> = chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            parts.push(format!("\"{}\"", words.join(" ")));
        } else {
            parts.extend(words.iter().map(|w| format!("\"{w}\"")));
        }
    }
    let last_is_open_word = query.chars().last().is_some_and(char::is_alphanumeric)
        && query.matches('"').count() & 1 == 0;
    if last_is_open_word {
        if let Some(last) = parts.last_mut() {
            last.push('*');
        }
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Removes the snippet marks, returning the plain text and the marked ranges in characters.
fn unmark(marked: &str) -> (String, Vec<[usize; 2]>) {
    let mut text = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut chars = 0;
    let mut open = None;
    for c in marked.chars() {
        match c {
            OPEN => open = Some(chars),
            CLOSE => {
                if let Some(start) = open.take() {
                    highlights.push([start, chars]);
                }
            }
            c => {
                text.push(c);
                chars += 1;
            }
        }
    }
    (text, highlights)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_queries_become_safe_expressions() {
        assert_eq!(
            match_expression("Kyiv deleg").as_deref(),
            Some("\"Kyiv\" \"deleg\"*")
        );
        assert_eq!(match_expression("Kyiv ").as_deref(), Some("\"Kyiv\""));
        assert_eq!(
            match_expression("\"peace plan\" Witkoff").as_deref(),
            Some("\"peace plan\" \"Witkoff\"*")
        );
        assert_eq!(
            match_expression("AND OR NOT ( * :").as_deref(),
            Some("\"AND\" \"OR\" \"NOT\"")
        );
        assert_eq!(match_expression("  -- "), None);
    }

    #[test]
    fn snippet_marks_become_character_ranges() {
        let (text, ranges) = unmark("the \u{E000}Kyiv\u{E001} talks in \u{E000}Kyïv\u{E001}");
        assert_eq!(text, "the Kyiv talks in Kyïv");
        assert_eq!(ranges, vec![[4, 8], [18, 22]]);
    }
}
