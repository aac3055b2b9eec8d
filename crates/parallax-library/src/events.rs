//! Events as the library stores them: one row per event, every article in exactly one, and the
//! engine's [`EventIndex`] rebuilt from the stored article profiles.

use std::cell::RefCell;

use parallax_core::events::{ArticleProfile, EventIndex, Fold, Split};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Error;

/// One event and the articles that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    /// Its id in the library.
    pub id: i64,
    /// Its name: the headline of its first article, unless a person renamed it.
    pub title: String,
    /// Its articles' ids, earliest publication first.
    pub articles: Vec<i64>,
    /// The outlets that reported it, in the order of `articles`, each once.
    pub outlets: Vec<String>,
    /// The earliest publication date among its articles, when known.
    pub first_published: Option<String>,
}

/// Why an article is in its event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grouping {
    /// The article.
    pub article: i64,
    /// Its event.
    pub event: i64,
    /// The earlier article it was found closest to, when it joined an existing event.
    pub grouped_with: Option<i64>,
    /// Their similarity (TF-IDF cosine of their profiles, 0 to 1).
    pub similarity: Option<f64>,
    /// The words they share that weigh most.
    pub shared_terms: Vec<String>,
    /// True when a person put the article in this event.
    pub placed_by_user: bool,
    /// When grouping cut the article's first event in two: the event that holds the other part
    /// (the article left it, or the article it was closest to did).
    pub split_from: Option<i64>,
    /// The mean link (date-weighted similarity) between the two parts of that event, below the
    /// least at which an event stays whole.
    pub split_link: Option<f64>,
    /// The title of the event `split_from` names, while it exists (a later merge may have
    /// folded it into another).
    pub split_from_title: Option<String>,
    /// When grouping folded the article's first event, a small one, into this one: that event's
    /// name.
    pub folded_from_title: Option<String>,
    /// The mean link between the articles of the two events, at or above the least at which a
    /// small event is folded.
    pub fold_link: Option<f64>,
}

/// Creates an event named after its first article.
pub(crate) fn create(connection: &Connection, title: &str) -> Result<i64, Error> {
    connection
        .prepare_cached("INSERT INTO events (title) VALUES (?1)")?
        .execute([title])?;
    Ok(connection.last_insert_rowid())
}

/// The event index with the library state it reflects. It stays true without anyone having to
/// forget it: any write since it was kept (by another connection, which moves `data_version`,
/// or by this one, which moves its count of changed rows) makes the next import rebuild it.
pub(crate) struct CachedIndex {
    pub index: EventIndex,
    /// `PRAGMA data_version` when the index was last in step with the file: it changes when
    /// another connection (the window, a command) commits.
    data_version: i64,
    /// This connection's count of rows changed ever, when the index was kept: an edit, a move,
    /// a deletion through this connection changes it.
    total_changes: u64,
}

/// The event index kept between imports through one connection, so a single new file is
/// grouped at once.
#[derive(Default)]
pub(crate) struct IndexCache(RefCell<Option<CachedIndex>>);

impl IndexCache {
    /// Takes the cached index if no connection wrote since it was built, else rebuilds it. Call
    /// inside the write transaction on the connection the cache belongs to; give it back with
    /// [`IndexCache::keep`] after a commit, or drop it after a rollback.
    pub(crate) fn take(&self, connection: &Connection) -> Result<CachedIndex, Error> {
        let data_version: i64 =
            connection.pragma_query_value(None, "data_version", |row| row.get(0))?;
        let total_changes = connection.total_changes();
        match self.0.borrow_mut().take() {
            Some(cached)
                if cached.data_version == data_version && cached.total_changes == total_changes =>
            {
                Ok(cached)
            }
            _ => Ok(CachedIndex {
                index: load_index(connection)?,
                data_version,
                total_changes,
            }),
        }
    }

    /// Keeps the index for the next import through `connection`, once the writes it follows
    /// are committed.
    pub(crate) fn keep(&self, connection: &Connection, mut cached: CachedIndex) {
        cached.total_changes = connection.total_changes();
        *self.0.borrow_mut() = Some(cached);
    }
}

/// Rebuilds the engine's index from every stored article, in import order.
fn load_index(connection: &Connection) -> Result<EventIndex, Error> {
    let mut index = EventIndex::new();
    let mut statement = connection.prepare(
        "SELECT id, event_id, published, profile, placed_by_user FROM articles ORDER BY id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let published: Option<String> = row.get(2)?;
        let encoded: String = row.get(3)?;
        let profile = decode_profile(&encoded, published.as_deref());
        let id = row.get(0)?;
        index.insert(id, row.get(1)?, &profile);
        // What a person placed stays where they put it, whatever a second pass finds.
        if row.get(4)? {
            index.pin(id);
        }
    }
    Ok(index)
}

/// Cuts an event in two as the index found it: the articles that leave go to a new event,
/// named after the first of them, and both parts record why. Returns the new event.
pub(crate) fn split(
    connection: &Connection,
    index: &mut EventIndex,
    split: &Split,
) -> Result<i64, Error> {
    let first = split.leaving.first().copied().unwrap_or_default();
    let title: String =
        connection.query_row("SELECT title FROM articles WHERE id = ?1", [first], |row| {
            row.get(0)
        })?;
    let event = create(connection, &title)?;
    let leaving = serde_json::to_string(&split.leaving).expect("numbers serialise");
    connection.execute(
        "UPDATE articles SET event_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
        rusqlite::params![event, leaving],
    )?;
    connection.execute(
        "INSERT OR REPLACE INTO article_splits (article_id, split_from, split_link)
         SELECT value, ?1, ?2 FROM json_each(?3)",
        rusqlite::params![split.event, split.link, leaving],
    )?;
    // An article whose closest article is now in the other part says so instead.
    let crossed = "FROM articles WHERE event_id IN (?1, ?2) AND grouped_with IS NOT NULL
           AND (SELECT o.event_id FROM articles o WHERE o.id = articles.grouped_with) != articles.event_id";
    connection.execute(
        &format!(
            "INSERT OR REPLACE INTO article_splits (article_id, split_from, split_link)
             SELECT id, CASE event_id WHEN ?1 THEN ?2 ELSE ?1 END, ?3 {crossed}"
        ),
        rusqlite::params![split.event, event, split.link],
    )?;
    connection.execute(
        &format!(
            "UPDATE articles SET grouped_with = NULL, grouping_similarity = NULL, grouping_terms = NULL
             WHERE id IN (SELECT id {crossed})"
        ),
        rusqlite::params![split.event, event],
    )?;
    index.apply_split(split, event);
    Ok(event)
}

/// Folds a small event into an older one as the index found it ([`EventIndex::fold_of`]): its
/// articles move there, keeping the article each was grouped with (which moves with them), and
/// the emptied event is removed. An event a person named stays as it is: returns whether the
/// fold was made.
pub(crate) fn fold(
    connection: &Connection,
    index: &mut EventIndex,
    fold: &Fold,
) -> Result<bool, Error> {
    let named: bool = connection.query_row(
        "SELECT named_by_user FROM events WHERE id = ?1",
        [fold.event],
        |row| row.get(0),
    )?;
    if named {
        return Ok(false);
    }
    connection.execute(
        "INSERT OR REPLACE INTO article_folds (article_id, folded_title, fold_link)
         SELECT a.id, e.title, ?2 FROM articles a JOIN events e ON e.id = a.event_id WHERE a.event_id = ?1",
        rusqlite::params![fold.event, fold.link],
    )?;
    connection.execute(
        "UPDATE articles SET event_id = ?1 WHERE event_id = ?2",
        [fold.into, fold.event],
    )?;
    connection.execute("DELETE FROM events WHERE id = ?1", [fold.event])?;
    index.apply_fold(fold);
    Ok(true)
}

/// Stores a profile's terms compactly: `term:count` entries separated by tabs.
pub(crate) fn encode_profile(profile: &ArticleProfile) -> String {
    let mut out = String::new();
    for (i, (term, count)) in profile.terms.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(term);
        out.push(':');
        out.push_str(&count.to_string());
    }
    out
}

fn decode_profile(encoded: &str, published: Option<&str>) -> ArticleProfile {
    let terms = encoded
        .split('\t')
        .filter_map(|entry| {
            let (term, count) = entry.rsplit_once(':')?;
            Some((term.to_string(), count.parse().ok()?))
        })
        .collect();
    ArticleProfile::from_terms(terms, published)
}

/// Every event with its articles, most recent first.
pub(crate) fn list(connection: &Connection) -> Result<Vec<EventSummary>, Error> {
    let mut statement = connection.prepare(
        "SELECT e.id, e.title, a.id, a.outlet, a.published FROM events e JOIN articles a ON a.event_id = e.id
         ORDER BY e.id, a.published IS NULL, a.published, a.id",
    )?;
    let mut rows = statement.query([])?;
    let mut events: Vec<EventSummary> = Vec::new();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if events.last().is_none_or(|e| e.id != id) {
            events.push(EventSummary {
                id,
                title: row.get(1)?,
                articles: Vec::new(),
                outlets: Vec::new(),
                first_published: row.get(4)?,
            });
        }
        let event = events.last_mut().expect("pushed above");
        event.articles.push(row.get(2)?);
        if let Some(outlet) = row.get::<_, Option<String>>(3)? {
            if !event.outlets.contains(&outlet) {
                event.outlets.push(outlet);
            }
        }
    }
    events.sort_by(|a, b| {
        b.first_published
            .cmp(&a.first_published)
            .then(a.id.cmp(&b.id))
    });
    Ok(events)
}

/// Renames an event; later imports keep the name.
pub(crate) fn rename(connection: &Connection, event: i64, title: &str) -> Result<(), Error> {
    let changed = connection.execute(
        "UPDATE events SET title = ?2, named_by_user = 1 WHERE id = ?1",
        rusqlite::params![event, title],
    )?;
    if changed == 0 {
        return Err(Error::NoSuchEvent(event));
    }
    Ok(())
}

/// Moves every article of `others` into `into` and removes the emptied events.
pub(crate) fn merge(connection: &Connection, into: i64, others: &[i64]) -> Result<(), Error> {
    let transaction =
        rusqlite::Transaction::new_unchecked(connection, rusqlite::TransactionBehavior::Immediate)?;
    for &event in std::iter::once(&into).chain(others) {
        exists(&transaction, event)?;
    }
    for &event in others.iter().filter(|&&e| e != into) {
        transaction.execute(
            "UPDATE articles SET event_id = ?1, placed_by_user = 1 WHERE event_id = ?2",
            [into, event],
        )?;
        transaction.execute("DELETE FROM events WHERE id = ?1", [event])?;
    }
    transaction.commit()?;
    Ok(())
}

/// Moves an article to another event, or to a new event of its own when `event` is `None`;
/// returns the event it is now in. An event left empty is removed.
pub(crate) fn move_article(
    connection: &Connection,
    article: i64,
    event: Option<i64>,
) -> Result<i64, Error> {
    let transaction =
        rusqlite::Transaction::new_unchecked(connection, rusqlite::TransactionBehavior::Immediate)?;
    let (previous, title): (i64, String) = transaction
        .query_row(
            "SELECT event_id, title FROM articles WHERE id = ?1",
            [article],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NoSuchArticle(article))?;
    let target = match event {
        Some(event) => {
            exists(&transaction, event)?;
            event
        }
        None => create(&transaction, &title)?,
    };
    transaction.execute(
        "UPDATE articles SET event_id = ?2, placed_by_user = 1, grouped_with = NULL, grouping_similarity = NULL, grouping_terms = NULL WHERE id = ?1",
        [article, target],
    )?;
    for table in ["article_splits", "article_folds"] {
        transaction.execute(
            &format!("DELETE FROM {table} WHERE article_id = ?1"),
            [article],
        )?;
    }
    transaction.execute("DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE event_id = ?1)", [previous])?;
    transaction.commit()?;
    Ok(target)
}

fn exists(connection: &Connection, event: i64) -> Result<(), Error> {
    let found: Option<i64> = connection
        .query_row("SELECT id FROM events WHERE id = ?1", [event], |row| {
            row.get(0)
        })
        .optional()?;
    found.map(|_| ()).ok_or(Error::NoSuchEvent(event))
}

/// Why an article is in its event.
pub(crate) fn grouping(connection: &Connection, article: i64) -> Result<Grouping, Error> {
    connection
        .query_row(
            "SELECT a.event_id, a.grouped_with, a.grouping_similarity, a.grouping_terms, a.placed_by_user, s.split_from, s.split_link, e.title, f.folded_title, f.fold_link
             FROM articles a LEFT JOIN article_splits s ON s.article_id = a.id LEFT JOIN events e ON e.id = s.split_from
             LEFT JOIN article_folds f ON f.article_id = a.id
             WHERE a.id = ?1",
            [article],
            |row| {
                let terms: Option<String> = row.get(3)?;
                Ok(Grouping {
                    article,
                    event: row.get(0)?,
                    grouped_with: row.get(1)?,
                    similarity: row.get(2)?,
                    shared_terms: terms.map(|t| t.split('\t').filter(|t| !t.is_empty()).map(str::to_string).collect()).unwrap_or_default(),
                    placed_by_user: row.get(4)?,
                    split_from: row.get(5)?,
                    split_link: row.get(6)?,
                    split_from_title: row.get(7)?,
                    folded_from_title: row.get(8)?,
                    fold_link: row.get(9)?,
                })
            },
        )
        .optional()?
        .ok_or(Error::NoSuchArticle(article))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_survive_storage() {
        let profile = ArticleProfile::new(
            "Farm bill passes",
            "The Senate passed the farm bill. Senator Jo Ann: yes.",
            Some("2012-06-21"),
        );
        let decoded = decode_profile(&encode_profile(&profile), Some("2012-06-21"));
        assert_eq!(decoded, profile);
    }
}
