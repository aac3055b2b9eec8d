//! Full-text search: SQLite FTS5 over title, outlet, byline and text, ranked by closeness (the
//! query as a phrase first, its words near each other next) and then BM25, with
//! the matched words marked in a snippet; and the library narrowed by outlet, dates and event,
//! a page at a time, with or without words to search for; and the tags to narrow by.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use serde::{Deserialize, Serialize};

use crate::articles::{source_name, split_tags};
use crate::Error;

/// How many hits a search returns.
pub(crate) const DEFAULT_LIMIT: usize = 50;

/// Marks around matched words in FTS5 snippets: private-use characters no article contains.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

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
    /// Only articles with this tag (case ignored).
    pub tag: Option<String>,
    /// Only articles whose outlet is in this group: `(dimension, group)`, as
    /// [`crate::parse_group`] reads `leaning=right`.
    pub group: Option<(String, String)>,
    /// The order of the hits.
    pub sort: SearchSort,
    /// At most this many articles (`usize::MAX`: all of them).
    pub limit: usize,
}

/// The most characters a search takes.
pub const MAX_QUERY_CHARS: usize = 500;

impl SearchOptions {
    /// No filter, newest first, no limit: the whole library as the list shows it.
    pub fn every_article() -> SearchOptions {
        SearchOptions {
            sort: SearchSort::Newest,
            limit: usize::MAX,
            ..SearchOptions::default()
        }
    }

    /// Checks a search and these options before any is run: the query's length and the filter
    /// dates (calendar days, `YYYY-MM-DD`), so every front end refuses the same input.
    pub fn check(&self, query: &str) -> Result<(), Error> {
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(Error::QueryTooLong {
                limit: MAX_QUERY_CHARS,
            });
        }
        for date in [&self.since, &self.until].into_iter().flatten() {
            let bytes = date.as_bytes();
            let shaped = bytes.len() == 10
                && bytes.iter().enumerate().all(|(i, b)| match i {
                    4 | 7 => *b == b'-',
                    _ => b.is_ascii_digit(),
                });
            if !shaped {
                return Err(Error::InvalidFilterDate(date.clone()));
            }
        }
        Ok(())
    }
}

impl Default for SearchOptions {
    fn default() -> SearchOptions {
        SearchOptions {
            outlet: None,
            since: None,
            until: None,
            event: None,
            tag: None,
            group: None,
            sort: SearchSort::Relevance,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// The order of search hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchSort {
    /// Best match first: the query as a phrase, then its words close together, then BM25
    /// (headline words weigh most).
    Relevance,
    /// Latest publication first.
    Newest,
    /// Earliest publication first.
    Oldest,
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
    /// Where it comes from, as the window names it: the outlet, else the file's name.
    pub source: String,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// The file it was imported from.
    pub path: Option<String>,
    /// Words in its text.
    pub word_count: usize,
    /// The event it belongs to.
    pub event: Option<i64>,
    /// The tags a person gave it, in alphabetical order.
    pub tags: Vec<String>,
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

/// The filters of [`SearchOptions`] that are set, as SQL over `articles a` with their values.
/// Only the clauses in use are written, so SQLite can use the event and publication indexes.
fn filter_clauses(options: &SearchOptions) -> (Vec<&'static str>, Vec<Value>) {
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    if let Some(outlet) = &options.outlet {
        clauses.push("a.outlet = ?");
        values.push(Value::Text(outlet.clone()));
    }
    if let Some(since) = &options.since {
        clauses.push("a.published >= ?");
        values.push(Value::Text(since.clone()));
    }
    if let Some(until) = &options.until {
        // The whole last day counts: `2025-11-20T16:45:00Z` is on or before `2025-11-20`.
        clauses.push("a.published < ? || char(0x7f)");
        values.push(Value::Text(until.clone()));
    }
    if let Some(event) = options.event {
        clauses.push("a.event_id = ?");
        values.push(Value::Integer(event));
    }
    if let Some(tag) = &options.tag {
        // `article_tags.tag` compares without case.
        clauses.push("a.id IN (SELECT article_id FROM article_tags WHERE tag = ?)");
        values.push(Value::Text(tag.trim().to_string()));
    }
    if let Some((dimension, name)) = &options.group {
        clauses.push(
            "a.outlet IN (SELECT outlet FROM outlet_groups WHERE dimension = ? AND name = ?)",
        );
        values.push(Value::Text(dimension.clone()));
        values.push(Value::Text(name.clone()));
    }
    (clauses, values)
}

/// A `LIMIT` or `OFFSET`, `usize::MAX` (all) kept within SQLite's integers.
fn sql_count(count: usize) -> Value {
    Value::Integer(i64::try_from(count).unwrap_or(i64::MAX))
}

/// `clauses` joined into a condition (always true when there is none).
fn condition(clauses: &[&str]) -> String {
    if clauses.is_empty() {
        "1".to_string()
    } else {
        clauses.join(" AND ")
    }
}

/// A tag and how many articles of the library carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    /// The tag, as first written.
    pub tag: String,
    /// Its articles (the trash not counted).
    pub articles: usize,
}

const LISTED_COLUMNS: &str = "a.id, a.title, a.outlet, a.published, a.word_count, a.event_id, a.path, \
    (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM article_tags WHERE article_id = a.id ORDER BY tag))";

/// Every tag with its number of articles, in alphabetical order (case ignored).
pub(crate) fn tag_counts(connection: &Connection) -> Result<Vec<TagCount>, Error> {
    let mut statement = connection
        .prepare_cached("SELECT min(tag), count(*) FROM article_tags GROUP BY tag ORDER BY tag")?;
    let tags = statement
        .query_map([], |row| {
            Ok(TagCount {
                tag: row.get(0)?,
                articles: row.get::<_, i64>(1)? as usize,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(tags)
}

/// See [`crate::Library::find_articles`].
pub(crate) fn find_articles(
    connection: &Connection,
    query: &str,
    options: &SearchOptions,
    offset: usize,
) -> Result<ArticlePage, Error> {
    options.check(query)?;
    if query.trim().is_empty() {
        return list_filtered(connection, options, offset);
    }
    let Some(expression) = match_query(query) else {
        return Ok(ArticlePage {
            total: 0,
            offset,
            articles: Vec::new(),
        });
    };
    search_page(connection, &expression, options, offset)
}

/// See [`crate::Library::listing_position`].
pub(crate) fn listing_position(
    connection: &Connection,
    id: i64,
    options: &SearchOptions,
) -> Result<Option<usize>, Error> {
    options.check("")?;
    let (clauses, values) = filter_clauses(options);
    let count = |extra: &str, more: &[Value]| -> Result<usize, Error> {
        let mut all: Vec<&str> = clauses.clone();
        all.push(extra);
        let mut values = values.clone();
        values.extend_from_slice(more);
        let found: i64 = connection
            .prepare_cached(&format!(
                "SELECT count(*) FROM articles a WHERE {}",
                condition(&all)
            ))?
            .query_row(params_from_iter(&values), |row| row.get(0))?;
        Ok(found as usize)
    };
    if count("a.id = ?", &[Value::Integer(id)])? == 0 {
        return Ok(None);
    }
    let published: Option<String> = connection.query_row(
        "SELECT published FROM articles WHERE id = ?1",
        [id],
        |row| row.get(0),
    )?;
    let position = match published {
        Some(published) => {
            let before = match options.sort {
                SearchSort::Relevance | SearchSort::Newest => {
                    "a.published IS NOT NULL AND (a.published > ? OR (a.published = ? AND a.id < ?))"
                }
                SearchSort::Oldest => {
                    "a.published IS NOT NULL AND (a.published < ? OR (a.published = ? AND a.id < ?))"
                }
            };
            count(
                before,
                &[
                    Value::Text(published.clone()),
                    Value::Text(published),
                    Value::Integer(id),
                ],
            )?
        }
        None => {
            count("a.published IS NOT NULL", &[])?
                + count("a.published IS NULL AND a.id < ?", &[Value::Integer(id)])?
        }
    };
    Ok(Some(position))
}

fn listed(row: &Row, snippet: Option<String>) -> rusqlite::Result<ListedArticle> {
    let (snippet, highlights) = match snippet {
        Some(marked) => {
            let (text, highlights) = unmark(&marked);
            (Some(text), highlights)
        }
        None => (None, Vec::new()),
    };
    let title: String = row.get(1)?;
    let outlet: Option<String> = row.get(2)?;
    let path: Option<String> = row.get(6)?;
    Ok(ListedArticle {
        id: row.get(0)?,
        source: source_name(outlet.as_deref(), path.as_deref(), &title),
        title,
        outlet,
        published: row.get(3)?,
        path,
        word_count: row.get::<_, i64>(4)? as usize,
        event: row.get(5)?,
        tags: split_tags(row.get(7)?),
        snippet,
        highlights,
    })
}

/// The articles the filters let through, without a query, newest first (undated last):
/// the dated articles along the publication index (backwards for newest first), then the
/// undated ones in import order. A page costs its offset, not a sort of the whole library.
fn list_filtered(
    connection: &Connection,
    options: &SearchOptions,
    offset: usize,
) -> Result<ArticlePage, Error> {
    let (clauses, values) = filter_clauses(options);
    let count = |extra: Option<&'static str>| -> Result<usize, Error> {
        let mut all = clauses.clone();
        all.extend(extra);
        let total: i64 = connection
            .prepare_cached(&format!(
                "SELECT count(*) FROM articles a WHERE {}",
                condition(&all)
            ))?
            .query_row(params_from_iter(&values), |row| row.get(0))?;
        Ok(total as usize)
    };
    let page = |extra: Option<&'static str>,
                order: &str,
                offset: usize,
                limit: usize|
     -> Result<Vec<ListedArticle>, Error> {
        let mut all = clauses.clone();
        all.extend(extra);
        let mut statement = connection.prepare_cached(&format!(
            "SELECT {LISTED_COLUMNS} FROM articles a WHERE {} ORDER BY {order} LIMIT ? OFFSET ?",
            condition(&all)
        ))?;
        let mut values = values.clone();
        values.extend([sql_count(limit), sql_count(offset)]);
        let articles = statement
            .query_map(params_from_iter(&values), |row| listed(row, None))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(articles)
    };
    let dated_order = match options.sort {
        SearchSort::Relevance | SearchSort::Newest => "a.published DESC, a.id",
        SearchSort::Oldest => "a.published, a.id",
    };
    let dated = count(Some("a.published IS NOT NULL"))?;
    let undated = count(Some("a.published IS NULL"))?;
    let mut articles = Vec::new();
    if offset < dated {
        articles = page(
            Some("a.published IS NOT NULL"),
            dated_order,
            offset,
            options.limit,
        )?;
    }
    if articles.len() < options.limit && offset + articles.len() < dated + undated {
        articles.extend(page(
            Some("a.published IS NULL"),
            "a.id",
            offset.saturating_sub(dated),
            options.limit - articles.len(),
        )?);
    }
    let total = dated + undated;
    Ok(ArticlePage {
        total,
        offset,
        articles,
    })
}

/// The articles matching an FTS5 expression and the filters, a page at a time, with the total.
fn search_page(
    connection: &Connection,
    expression: &MatchQuery,
    options: &SearchOptions,
    offset: usize,
) -> Result<ArticlePage, Error> {
    let (clauses, filter_values) = filter_clauses(options);
    let mut values = vec![Value::Text(expression.all.clone())];
    values.extend(filter_values);
    // Without filters the full-text index alone answers how many match.
    let count = if clauses.is_empty() {
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?".to_string()
    } else {
        let mut all = vec!["articles_fts MATCH ?"];
        all.extend(&clauses);
        format!(
            "SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE {}",
            condition(&all)
        )
    };
    let total: i64 = connection
        .prepare_cached(&count)?
        .query_row(params_from_iter(&values), |row| row.get(0))?;
    Ok(ArticlePage {
        total: total as usize,
        offset,
        articles: matching(connection, expression, options, offset)?,
    })
}

/// One page of the articles matching an FTS5 expression and the filters, in the order asked.
/// The page is chosen first and snippets made for its rows only: a word most articles contain
/// would otherwise have a snippet made for every one of them before the sort.
fn matching(
    connection: &Connection,
    query: &MatchQuery,
    options: &SearchOptions,
    offset: usize,
) -> Result<Vec<ListedArticle>, Error> {
    // Column weights: a word in the headline says more than one in the body.
    let order = match options.sort {
        SearchSort::Relevance => format!(
            "{}bm25(articles_fts, 8.0, 2.0, 2.0, 1.0), a.id",
            query.closeness_order()
        ),
        SearchSort::Newest => "a.published IS NULL, a.published DESC, a.id".to_string(),
        SearchSort::Oldest => "a.published IS NULL, a.published, a.id".to_string(),
    };
    let expression = query.all.as_str();
    let (clauses, filter_values) = filter_clauses(options);
    let mut all = vec!["articles_fts MATCH ?"];
    all.extend(&clauses);
    let mut statement = connection.prepare_cached(&format!(
        "SELECT {LISTED_COLUMNS}, snippet(articles_fts, -1, '{OPEN}', '{CLOSE}', '…', 24)
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE articles_fts MATCH ? AND a.id IN (
             SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
             WHERE {} ORDER BY {order} LIMIT ? OFFSET ?)
         ORDER BY {order}",
        condition(&all)
    ))?;
    let mut values = vec![
        Value::Text(expression.to_string()),
        Value::Text(expression.to_string()),
    ];
    values.extend(filter_values);
    values.extend([sql_count(options.limit), sql_count(offset)]);
    let articles = statement
        .query_map(params_from_iter(&values), |row| {
            listed(row, Some(row.get(8)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(articles)
}

/// What a typed query asks of the full-text index.
#[derive(Debug, PartialEq)]
pub(crate) struct MatchQuery {
    /// Every word and quoted phrase of the query: what an article must hold to match.
    pub(crate) all: String,
    /// With two parts or more, the whole query as one phrase and as words close together
    /// (FTS5 `NEAR`): articles matching these rank first, in this order, before BM25.
    phrase_and_near: Option<(String, String)>,
}

impl MatchQuery {
    /// The leading `ORDER BY` terms that put the whole phrase first and close words second.
    fn closeness_order(&self) -> String {
        let Some((phrase, near)) = &self.phrase_and_near else {
            return String::new();
        };
        // The expressions hold only letters, digits, spaces, quotes and stars (see
        // `match_query`); doubling single quotes keeps them string literals whatever changes.
        let literal = |expression: &str| format!("'{}'", expression.replace('\'', "''"));
        format!(
            "CASE WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {}) THEN 0 \
             WHEN a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {}) THEN 1 \
             ELSE 2 END, ",
            literal(phrase),
            literal(near)
        )
    }
}

/// Turns what a person types into FTS5 expressions that cannot be a syntax error: every
/// word quoted, `"quoted words"` kept as phrases, and the last word also matched as a prefix
/// unless the query ends with a space (so results follow typing).
pub(crate) fn match_query(query: &str) -> Option<MatchQuery> {
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let mut quoted: Vec<bool> = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let words: Vec<&str> = chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            parts.push(words);
            quoted.push(true);
        } else {
            for word in words {
                parts.push(vec![word]);
                quoted.push(false);
            }
        }
    }
    if parts.is_empty() {
        return None;
    }
    let last_is_open_word = query.chars().last().is_some_and(char::is_alphanumeric)
        && query.matches('"').count() & 1 == 0;
    let prefix = if last_is_open_word { "*" } else { "" };
    let phrase = |words: &[&str]| format!("\"{}\"", words.join(" "));
    let mut quoted_parts: Vec<String> = parts.iter().map(|words| phrase(words)).collect();
    if let Some(last) = quoted_parts.last_mut() {
        last.push_str(prefix);
    }
    let phrase_and_near = (parts.len() > 1).then(|| {
        let every_word: Vec<&str> = parts.iter().flatten().copied().collect();
        (
            format!("{}{prefix}", phrase(&every_word)),
            format!("NEAR({})", quoted_parts.join(" ")),
        )
    });
    Some(MatchQuery {
        all: quoted_parts.join(" "),
        phrase_and_near,
    })
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
    use crate::Library;

    /// Every article, as `parallax list` and the window's list give them: newest first.
    fn listed(library: &Library) -> Result<Vec<ListedArticle>, Error> {
        Ok(library
            .find_articles("", &SearchOptions::every_article(), 0)?
            .articles)
    }

    /// The articles a search finds, best first, as `parallax search` and the window's search box.
    fn found(library: &Library, query: &str) -> Result<Vec<ListedArticle>, Error> {
        Ok(library
            .find_articles(query, &SearchOptions::default(), 0)?
            .articles)
    }

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
    fn every_search_path_refuses_a_bad_filter_date_and_an_overlong_query_alike() {
        let (_folder, library) = sample_library();
        let dated = SearchOptions {
            since: Some("20 Nov".into()),
            ..SearchOptions::default()
        };
        for error in [
            library.find_articles("", &dated, 0).unwrap_err(),
            library
                .find_articles("Kyiv", &dated, 0)
                .map(|page| page.articles)
                .unwrap_err(),
            library.listing_position(1, &dated).unwrap_err(),
        ] {
            assert!(matches!(error, Error::InvalidFilterDate(ref d) if d == "20 Nov"));
            assert_eq!(error.kind(), crate::ErrorKind::Invalid);
        }
        let long = "kyiv ".repeat(101);
        let plain = SearchOptions::default();
        for error in [
            library.find_articles(&long, &plain, 0).unwrap_err(),
            library
                .find_articles(&long, &plain, 0)
                .map(|page| page.articles)
                .unwrap_err(),
        ] {
            assert!(matches!(error, Error::QueryTooLong { limit: 500 }));
        }
        assert!(library.find_articles("Kyiv", &plain, 0).unwrap().total > 0);
    }

    #[test]
    fn a_tag_narrows_the_listing_and_the_search_without_case() {
        let (_folder, library) = sample_library();
        let all = listed(&library).unwrap();
        let (first, second) = (all[0].id, all[3].id);
        library.add_tags(first, &["Kyiv grain".into()]).unwrap();
        library
            .add_tags(second, &["kyiv GRAIN".into(), "later".into()])
            .unwrap();
        let tagged = SearchOptions {
            tag: Some("KYIV grain".into()),
            limit: 100,
            ..SearchOptions::default()
        };
        let listed = library.find_articles("", &tagged, 0).unwrap();
        assert_eq!(listed.total, 2);
        let mut found = ids(&listed);
        found.sort_unstable();
        let mut expected = vec![first, second];
        expected.sort_unstable();
        assert_eq!(found, expected);
        let word = all[3].title.split_whitespace().next().unwrap().to_string();
        let searched = library.find_articles(&word, &tagged, 0).unwrap();
        assert!(ids(&searched).iter().all(|id| expected.contains(id)));
        assert!(ids(&searched).contains(&second));
        assert!(library.listing_position(second, &tagged).unwrap().is_some());
        assert_eq!(library.listing_position(all[1].id, &tagged).unwrap(), None);
        let counts = library.tag_counts().unwrap();
        assert_eq!(counts.len(), 2, "{counts:?}");
        assert_eq!(counts[0].tag.to_lowercase(), "kyiv grain");
        assert_eq!(counts[0].articles, 2);
        assert_eq!(counts[1].articles, 1);
        library.delete(&[second]).unwrap();
        assert_eq!(
            library.find_articles("", &tagged, 0).unwrap().total,
            1,
            "the trash is left out"
        );
        assert_eq!(library.tag_counts().unwrap().len(), 1);
    }

    #[test]
    fn an_empty_query_lists_every_article_a_page_at_a_time() {
        let (folder, library) = sample_library();
        // Undated articles, and two on the same day, sort as the full list sorts them.
        let files: Vec<std::path::PathBuf> = [
            ("a.txt", "Tram depot floods\n\nThe tram depot flooded after the storm on the river."),
            ("b.txt", "Orchard harvest begins\n\nPickers started the apple harvest in the valley orchards."),
            ("c.md", "---\ntitle: Ferry fares rise\npublished: 2025-10-15\n---\n\nFerry fares rose by a fifth for the winter timetable."),
            ("d.md", "---\ntitle: Bakery wins prize\npublished: 2025-10-15\n---\n\nA bakery on the quay won the regional bread prize."),
        ]
        .iter()
        .map(|(name, text)| {
            let path = folder.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
        let report = library.import_paths(
            &files,
            &mut |_| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        assert_eq!(report.imported.len(), 4, "{report:?}");
        let all = listed(&library).unwrap();
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
        for (index, id) in ids(&whole).into_iter().enumerate() {
            assert_eq!(
                library
                    .listing_position(id, &SearchOptions::default())
                    .unwrap(),
                Some(index),
                "article {id}"
            );
        }
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
        let oldest_first = SearchOptions {
            sort: SearchSort::Oldest,
            ..SearchOptions::default()
        };
        for (index, id) in ids(&oldest).into_iter().enumerate() {
            assert_eq!(
                library.listing_position(id, &oldest_first).unwrap(),
                Some(index)
            );
        }
        let one_outlet = SearchOptions {
            outlet: Some("Northgate Wire".into()),
            ..SearchOptions::default()
        };
        let elsewhere = all
            .iter()
            .find(|a| a.outlet.as_deref() != Some("Northgate Wire"))
            .unwrap();
        assert_eq!(
            library.listing_position(elsewhere.id, &one_outlet).unwrap(),
            None
        );
    }

    #[test]
    fn filters_narrow_the_listing_with_and_without_words() {
        let (_folder, library) = sample_library();
        let outlets = library.outlets().unwrap();
        let all = listed(&library).unwrap();
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
        let all = |query: &str| match_query(query).map(|q| q.all);
        assert_eq!(all("Kyiv deleg").as_deref(), Some("\"Kyiv\" \"deleg\"*"));
        assert_eq!(all("Kyiv ").as_deref(), Some("\"Kyiv\""));
        assert_eq!(
            all("\"peace plan\" Witkoff").as_deref(),
            Some("\"peace plan\" \"Witkoff\"*")
        );
        assert_eq!(
            all("AND OR NOT ( * :").as_deref(),
            Some("\"AND\" \"OR\" \"NOT\"")
        );
        assert_eq!(all("  -- "), None);
        assert_eq!(
            match_query("\"peace plan\" Witkoff")
                .unwrap()
                .phrase_and_near,
            Some((
                "\"peace plan Witkoff\"*".to_string(),
                "NEAR(\"peace plan\" \"Witkoff\"*)".to_string()
            ))
        );
        assert_eq!(match_query("\"peace plan\"").unwrap().phrase_and_near, None);
    }

    #[test]
    fn snippet_marks_become_character_ranges() {
        let (text, ranges) = unmark("the \u{E000}Kyiv\u{E001} talks in \u{E000}Kyïv\u{E001}");
        assert_eq!(text, "the Kyiv talks in Kyïv");
        assert_eq!(ranges, vec![[4, 8], [18, 22]]);
    }

    /// A library of the given (file name, text) articles only.
    fn library_of(articles: &[(&str, &str)]) -> (tempfile::TempDir, Library) {
        let folder = tempfile::tempdir().unwrap();
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        let files: Vec<std::path::PathBuf> = articles
            .iter()
            .map(|(name, text)| {
                let path = folder.path().join(name);
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect();
        let report = library.import_paths(
            &files,
            &mut |_| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        assert_eq!(report.imported.len(), articles.len(), "{report:?}");
        (folder, library)
    }

    const LAWSUIT_ARTICLES: &[(&str, &str)] = &[
        (
            "scattered.txt",
            "Nebraska and Oklahoma weigh federal rules\n\nOfficials in Oklahoma said on Monday that a review of the water rules would take months. Farmers there and in Nebraska have waited since spring. A federal grant, filed under the farm programme last year, is still pending.",
        ),
        (
            "phrase.txt",
            "Two states go to court over marijuana\n\nThe attorneys general of two neighbouring states acted on Thursday. Nebraska and Oklahoma filed a federal lawsuit against Colorado, saying its law lets marijuana cross their borders. Colorado officials said they would defend the law in court and expected a long case.",
        ),
        (
            "close.txt",
            "States sue over border trade\n\nNebraska and Oklahoma on Thursday filed, in a federal court in Denver, a suit over the trade that crosses their borders every day.",
        ),
    ];

    fn titles(page: &ArticlePage) -> Vec<&str> {
        page.articles.iter().map(|a| a.title.as_str()).collect()
    }

    #[test]
    fn an_article_holding_the_query_as_a_phrase_ranks_above_close_and_scattered_words() {
        let (_folder, library) = library_of(LAWSUIT_ARTICLES);
        let found = library
            .find_articles(
                "Nebraska and Oklahoma filed a federal",
                &SearchOptions::default(),
                0,
            )
            .unwrap();
        assert_eq!(
            titles(&found),
            vec![
                "Two states go to court over marijuana",
                "States sue over border trade",
                "Nebraska and Oklahoma weigh federal rules"
            ]
        );
    }

    #[test]
    fn quotes_match_only_articles_holding_the_exact_phrase() {
        let (_folder, library) = library_of(LAWSUIT_ARTICLES);
        let found = library
            .find_articles("\"filed a federal\"", &SearchOptions::default(), 0)
            .unwrap();
        assert_eq!(
            titles(&found),
            vec!["Two states go to court over marijuana"]
        );
        let words = library
            .find_articles("filed federal", &SearchOptions::default(), 0)
            .unwrap();
        assert_eq!(words.total, 3);
    }

    #[test]
    fn search_and_the_listing_search_rank_alike() {
        let (_folder, library) = library_of(LAWSUIT_ARTICLES);
        for query in [
            "Nebraska and Oklahoma filed a federal",
            "federal Oklahoma",
            "\"filed a federal\"",
        ] {
            let listing = library
                .find_articles(query, &SearchOptions::default(), 0)
                .unwrap();
            let hits = found(&library, query).unwrap();
            assert_eq!(
                hits.iter().map(|h| h.id).collect::<Vec<_>>(),
                ids(&listing),
                "{query}"
            );
        }
    }
}
