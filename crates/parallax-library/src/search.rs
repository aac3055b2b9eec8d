//! Full-text search: SQLite FTS5 over title, outlet, byline and text, ranked by BM25, with
//! the matched words marked in a snippet; and the library narrowed by outlet, dates and event,
//! a page at a time, with or without words to search for.

use rusqlite::{Connection, Row};
use serde::{Deserialize, Serialize};

use crate::{Error, Library};

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

/// One article of a narrowed listing: what a list shows of it, and where a search found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedArticle {
    /// Its id in the library.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// Words in its text.
    pub word_count: usize,
    /// The event it belongs to.
    pub event: Option<i64>,
    /// A passage around the matched words, when words were searched for.
    pub snippet: Option<String>,
    /// The matched words in `snippet`, as `[start, end)` character offsets.
    pub highlights: Vec<[usize; 2]>,
}

/// One page of the articles that match a search and its filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlePage {
    /// How many articles match in all.
    pub total: usize,
    /// The position of the first article of this page among them.
    pub offset: usize,
    /// At most the asked limit of articles, from `offset` on.
    pub articles: Vec<ListedArticle>,
}

/// The filters of [`SearchOptions`] as SQL over `articles a`; parameters `?1` to `?4` are
/// outlet, since, until and event.
const FILTERS: &str = "(?1 IS NULL OR a.outlet = ?1)
           AND (?2 IS NULL OR a.published >= ?2)
           AND (?3 IS NULL OR substr(a.published, 1, length(?3)) <= ?3)
           AND (?4 IS NULL OR a.event_id = ?4)";

const LISTED_COLUMNS: &str = "a.id, a.title, a.outlet, a.published, a.word_count, a.event_id";

impl Library {
    /// The articles matching `query` and the filters of `options`, a page of at most
    /// `options.limit` from `offset` on, with the total. An empty query lists every article the
    /// filters let through (relevance then means newest first); a query with no word in it
    /// finds nothing.
    pub fn find_articles(
        &self,
        query: &str,
        options: &SearchOptions,
        offset: usize,
    ) -> Result<ArticlePage, Error> {
        if query.trim().is_empty() {
            return list_filtered(&self.connection, options, offset);
        }
        let Some(expression) = match_expression(query) else {
            return Ok(ArticlePage {
                total: 0,
                offset,
                articles: Vec::new(),
            });
        };
        search_page(&self.connection, &expression, options, offset)
    }
}

fn listed(row: &Row, snippet: Option<String>) -> rusqlite::Result<ListedArticle> {
    let (snippet, highlights) = match snippet {
        Some(marked) => {
            let (text, highlights) = unmark(&marked);
            (Some(text), highlights)
        }
        None => (None, Vec::new()),
    };
    Ok(ListedArticle {
        id: row.get(0)?,
        title: row.get(1)?,
        outlet: row.get(2)?,
        published: row.get(3)?,
        word_count: row.get::<_, i64>(4)? as usize,
        event: row.get(5)?,
        snippet,
        highlights,
    })
}

/// The articles the filters let through, without a query. Newest first walks the publication
/// index backwards (undated articles sort last there), so a page costs its offset, not a sort
/// of the whole library.
fn list_filtered(
    connection: &Connection,
    options: &SearchOptions,
    offset: usize,
) -> Result<ArticlePage, Error> {
    let order = match options.sort {
        SearchSort::Relevance | SearchSort::Newest => "a.published DESC, a.id DESC",
        SearchSort::Oldest => "a.published IS NULL, a.published, a.id",
    };
    let filters = rusqlite::params![options.outlet, options.since, options.until, options.event];
    let total: i64 = connection
        .prepare_cached(&format!("SELECT count(*) FROM articles a WHERE {FILTERS}"))?
        .query_row(filters, |row| row.get(0))?;
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {LISTED_COLUMNS} FROM articles a WHERE {FILTERS}
         ORDER BY {order} LIMIT ?5 OFFSET ?6"
    ))?;
    let articles = statement
        .query_map(
            rusqlite::params![
                options.outlet,
                options.since,
                options.until,
                options.event,
                options.limit as i64,
                offset as i64
            ],
            |row| listed(row, None),
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ArticlePage {
        total: total as usize,
        offset,
        articles,
    })
}

/// The articles matching an FTS5 expression and the filters, a page at a time.
fn search_page(
    connection: &Connection,
    expression: &str,
    options: &SearchOptions,
    offset: usize,
) -> Result<ArticlePage, Error> {
    let order = match options.sort {
        SearchSort::Relevance => "bm25(articles_fts, 8.0, 2.0, 2.0, 1.0), a.id",
        SearchSort::Newest => "a.published DESC, a.id DESC",
        SearchSort::Oldest => "a.published IS NULL, a.published, a.id",
    };
    let total: i64 = connection
        .prepare_cached(&format!(
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE {FILTERS} AND articles_fts MATCH ?5"
        ))?
        .query_row(
            rusqlite::params![
                options.outlet,
                options.since,
                options.until,
                options.event,
                expression
            ],
            |row| row.get(0),
        )?;
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {LISTED_COLUMNS}, snippet(articles_fts, -1, '{OPEN}', '{CLOSE}', '…', 24)
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE {FILTERS} AND articles_fts MATCH ?5
         ORDER BY {order} LIMIT ?6 OFFSET ?7"
    ))?;
    let articles = statement
        .query_map(
            rusqlite::params![
                options.outlet,
                options.since,
                options.until,
                options.event,
                expression,
                options.limit as i64,
                offset as i64
            ],
            |row| listed(row, Some(row.get(6)?)),
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ArticlePage {
        total: total as usize,
        offset,
        articles,
    })
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

    fn sample_library() -> (tempfile::TempDir, Library) {
        let folder = tempfile::tempdir().unwrap();
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        library.add_samples().unwrap();
        (folder, library)
    }

    fn ids(page: &ArticlePage) -> Vec<i64> {
        page.articles.iter().map(|a| a.id).collect()
    }

    #[test]
    fn an_empty_query_lists_every_article_a_page_at_a_time() {
        let (_folder, library) = sample_library();
        let all = library.list().unwrap();
        let whole = library
            .find_articles(
                " ",
                &SearchOptions {
                    limit: 100,
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        assert_eq!(whole.total, all.len());
        assert_eq!(
            ids(&whole),
            all.iter().map(|a| a.id).collect::<Vec<_>>(),
            "newest first, as the list"
        );
        let mut paged = Vec::new();
        for offset in (0..all.len()).step_by(3) {
            let page = library
                .find_articles(
                    "",
                    &SearchOptions {
                        limit: 3,
                        ..SearchOptions::default()
                    },
                    offset,
                )
                .unwrap();
            assert_eq!((page.total, page.offset), (all.len(), offset));
            paged.extend(ids(&page));
        }
        assert_eq!(paged, ids(&whole));
        let oldest = library
            .find_articles(
                "",
                &SearchOptions {
                    sort: SearchSort::Oldest,
                    limit: 100,
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        let dates: Vec<&str> = oldest
            .articles
            .iter()
            .filter_map(|a| a.published.as_deref())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    }

    #[test]
    fn filters_narrow_the_listing_with_and_without_words() {
        let (_folder, library) = sample_library();
        let outlets = library.outlets().unwrap();
        let all = library.list().unwrap();
        assert_eq!(
            outlets.iter().map(|o| o.articles).sum::<usize>(),
            all.iter().filter(|a| a.outlet.is_some()).count()
        );
        let outlet = &outlets[0];
        let page = library
            .find_articles(
                "",
                &SearchOptions {
                    outlet: Some(outlet.outlet.clone()),
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        assert_eq!(page.total, outlet.articles);
        assert!(page
            .articles
            .iter()
            .all(|a| a.outlet.as_deref() == Some(outlet.outlet.as_str())));

        let event = &library.events().unwrap()[0];
        let page = library
            .find_articles(
                "",
                &SearchOptions {
                    event: Some(event.id),
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        let mut found = ids(&page);
        found.sort_unstable();
        let mut expected = event.articles.clone();
        expected.sort_unstable();
        assert_eq!(found, expected);

        let day = all.iter().find_map(|a| a.published.clone()).unwrap()[..10].to_string();
        let page = library
            .find_articles(
                "",
                &SearchOptions {
                    since: Some(day.clone()),
                    until: Some(day.clone()),
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        let on_that_day = all
            .iter()
            .filter(|a| a.published.as_deref().is_some_and(|p| p.starts_with(&day)))
            .count();
        assert_eq!(page.total, on_that_day);

        let bridge = library
            .find_articles("bridge", &SearchOptions::default(), 0)
            .unwrap();
        assert_eq!(bridge.total, 3);
        assert!(bridge
            .articles
            .iter()
            .all(|a| a.snippet.is_some() && !a.highlights.is_empty()));
        let kyiv_event = library
            .find_articles(
                "bridge",
                &SearchOptions {
                    event: Some(event.id),
                    ..SearchOptions::default()
                },
                0,
            )
            .unwrap();
        assert!(kyiv_event
            .articles
            .iter()
            .all(|a| a.event == Some(event.id)));
        assert_eq!(
            library
                .find_articles("--", &SearchOptions::default(), 0)
                .unwrap()
                .total,
            0
        );
    }

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
