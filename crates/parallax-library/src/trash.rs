//! Deleting with undo. A deleted article moves whole (text, metadata, corrections, tags, its
//! place in its event) from `articles` into the `trash` table, so lists, search, events and
//! event grouping stop seeing it at once; restoring moves it back, into its event; emptying the
//! trash deletes for good.
//!
//! Its event stays while the trash holds the article, so it comes back where it was, even
//! when it was the event's last article (an event without live articles is never listed). An
//! event merged into another takes its trashed articles along; one removed otherwise (its last
//! article moved elsewhere) is started again under its name.

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::import::{DuplicateFile, ImportReport};
use crate::{articles, events, Error};

/// An article in the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrashedArticle {
    /// Its id: restore it by this id.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its publication date, when known.
    pub published: Option<String>,
    /// When it was deleted (UTC, ISO 8601).
    pub trashed: String,
    /// The event it was in, when that event still exists.
    pub event: Option<i64>,
    /// That event's name.
    pub event_title: String,
}

/// An article brought back from the trash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoredArticle {
    /// Its id now: the one it had, unless another article took that id meanwhile.
    pub id: i64,
    /// The id it had in the trash.
    pub trashed_id: i64,
    /// The event it is in.
    pub event: i64,
    /// True when its event was gone and was started again.
    pub new_event: bool,
}

/// What emptying the trash deleted for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmptiedTrash {
    /// Articles deleted.
    pub articles: usize,
    /// Events left without any article, removed.
    pub events: usize,
    /// Alignment corrections of articles no longer in the library, removed.
    pub alignment_overrides: usize,
    /// Deleted notes, and notes of articles no longer in the library, removed.
    #[serde(default)]
    pub notes: usize,
    /// Shared passages (passim's) of articles no longer in the library, removed.
    #[serde(default)]
    pub reuse_passages: usize,
}

/// The columns `articles` and `trash` share, in one order.
const ARTICLE_COLUMNS: &str = "title, outlet, byline, published, url, language, path, format, text, \
     word_count, content_hash, imported, profile, grouped_with, grouping_similarity, grouping_terms, \
     placed_by_user, corrected";

/// Moves articles to the trash in one transaction; an id that is no article fails them all.
pub(crate) fn delete(connection: &Connection, ids: &[i64]) -> Result<Vec<i64>, Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let mut trashed = Vec::new();
    for &id in ids {
        if trashed.contains(&id) {
            continue;
        }
        crate::articles::require(&transaction, id)?;
        // The trash can hold this id already when a new article took the id of a trashed one
        // (SQLite gives a new row the highest id plus one): that older entry moves aside.
        if crate::articles::in_trash(&transaction, id)? {
            transaction.execute(
                "UPDATE trash SET id = (SELECT max(m) + 1 FROM (SELECT max(id) AS m FROM articles
                                                               UNION ALL SELECT max(id) FROM trash))
                 WHERE id = ?1",
                [id],
            )?;
        }
        transaction.execute(
            &format!(
                "INSERT INTO trash (id, event_id, event_title, event_named_by_user, tags, grouped_here,
                                    split_from, split_link, folded_title, fold_link, {ARTICLE_COLUMNS})
                 SELECT a.id, a.event_id, e.title, e.named_by_user,
                        (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags WHERE article_id = a.id ORDER BY tag)),
                        (SELECT json_group_array(id) FROM articles WHERE grouped_with = a.id),
                        s.split_from, s.split_link, f.folded_title, f.fold_link,
                        {}
                 FROM articles a JOIN events e ON e.id = a.event_id
                 LEFT JOIN article_splits s ON s.article_id = a.id
                 LEFT JOIN article_folds f ON f.article_id = a.id
                 WHERE a.id = ?1",
                prefixed("a.")
            ),
            [id],
        )?;
        transaction.execute("DELETE FROM articles WHERE id = ?1", [id])?;
        trashed.push(id);
    }
    transaction.commit()?;
    Ok(trashed)
}

fn prefixed(prefix: &str) -> String {
    ARTICLE_COLUMNS
        .split(", ")
        .map(|c| format!("{prefix}{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Brings articles back from the trash in one transaction.
pub(crate) fn restore(connection: &Connection, ids: &[i64]) -> Result<Vec<RestoredArticle>, Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let mut restored = Vec::new();
    for &id in ids {
        if restored
            .iter()
            .any(|r: &RestoredArticle| r.trashed_id == id)
        {
            continue;
        }
        restored.push(restore_one(&transaction, id)?);
    }
    transaction.commit()?;
    Ok(restored)
}

pub(crate) fn restore_one(connection: &Connection, id: i64) -> Result<RestoredArticle, Error> {
    type Entry = (Option<i64>, String, bool, String, String, String);
    let entry: Option<Entry> = connection
        .query_row(
            "SELECT event_id, event_title, event_named_by_user, tags, grouped_here, content_hash FROM trash WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?)),
        )
        .optional()?;
    let Some((event, event_title, named_by_user, tags, grouped_here, hash)) = entry else {
        return Err(Error::NotInTrash(id));
    };
    let live = articles::with_hash(connection, &hash)?;
    if let Some(live) = live {
        return Err(Error::RestoredTwice { trashed: id, live });
    }
    let (event, new_event) = match event {
        Some(event) => (event, false),
        None => {
            let event = events::create(connection, &event_title)?;
            if named_by_user {
                connection.execute("UPDATE events SET named_by_user = 1 WHERE id = ?1", [event])?;
            }
            (event, true)
        }
    };
    let id_taken = connection
        .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some();
    connection.execute(
        &format!(
            "INSERT INTO articles (id, event_id, {ARTICLE_COLUMNS})
             SELECT CASE WHEN ?2 THEN NULL ELSE id END, ?3, {ARTICLE_COLUMNS} FROM trash WHERE id = ?1"
        ),
        params![id, id_taken, event],
    )?;
    let new_id = connection.last_insert_rowid();
    crate::schema::index_for_search(connection, &[new_id])?;
    // What grouped it with an earlier article holds only while both are in the same event.
    connection.execute(
        "UPDATE articles SET grouped_with = NULL, grouping_similarity = NULL, grouping_terms = NULL
         WHERE id = ?1 AND (?2 OR grouped_with IS NOT NULL AND NOT EXISTS
             (SELECT 1 FROM articles o WHERE o.id = articles.grouped_with AND o.event_id = articles.event_id))",
        params![new_id, new_event],
    )?;
    if !id_taken {
        connection.execute(
            "UPDATE articles SET grouped_with = ?1
             WHERE id IN (SELECT value FROM json_each(?2)) AND grouped_with IS NULL AND event_id = ?3
               AND grouping_similarity IS NOT NULL",
            params![new_id, grouped_here, event],
        )?;
    }
    connection.execute(
        "INSERT OR IGNORE INTO article_tags (article_id, tag) SELECT ?1, value FROM json_each(?2)",
        params![new_id, tags],
    )?;
    if !new_event {
        restore_grouping_passes(connection, id, new_id)?;
    }
    connection.execute("DELETE FROM trash WHERE id = ?1", [id])?;
    Ok(RestoredArticle {
        id: new_id,
        trashed_id: id,
        event,
        new_event,
    })
}

/// Puts back why grouping's second or third pass placed the article (a split, a fold), which
/// holds again once it is back in the event it left; an event started again says neither.
fn restore_grouping_passes(connection: &Connection, trashed: i64, id: i64) -> Result<(), Error> {
    connection.execute(
        "INSERT OR REPLACE INTO article_splits (article_id, split_from, split_link)
         SELECT ?2, split_from, split_link FROM trash WHERE id = ?1 AND split_from IS NOT NULL",
        [trashed, id],
    )?;
    connection.execute(
        "INSERT OR REPLACE INTO article_folds (article_id, folded_title, fold_link)
         SELECT ?2, folded_title, fold_link FROM trash WHERE id = ?1 AND folded_title IS NOT NULL",
        [trashed, id],
    )?;
    Ok(())
}

/// The trashed articles of these events.
pub(crate) fn in_events(connection: &Connection, events: &[i64]) -> Result<Vec<i64>, Error> {
    let mut ids = Vec::new();
    for &event in events {
        let mut statement =
            connection.prepare_cached("SELECT id FROM trash WHERE event_id = ?1")?;
        for id in statement.query_map([event], |row| row.get(0))? {
            ids.push(id?);
        }
    }
    Ok(ids)
}

/// Puts trashed articles whose event was merged away into the event it was merged into.
pub(crate) fn follow_merge(connection: &Connection, ids: &[i64], into: i64) -> Result<(), Error> {
    for &id in ids {
        connection.execute(
            "UPDATE trash SET event_id = ?2 WHERE id = ?1 AND event_id IS NULL",
            [id, into],
        )?;
    }
    Ok(())
}

/// The trash, most recently deleted first.
pub(crate) fn list(connection: &Connection) -> Result<Vec<TrashedArticle>, Error> {
    let mut statement = connection.prepare(
        "SELECT id, title, outlet, published, trashed, event_id, event_title FROM trash ORDER BY trashed DESC, id DESC",
    )?;
    let trashed = statement
        .query_map([], |row| {
            Ok(TrashedArticle {
                id: row.get(0)?,
                title: row.get(1)?,
                outlet: row.get(2)?,
                published: row.get(3)?,
                trashed: row.get(4)?,
                event: row.get(5)?,
                event_title: row.get(6)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(trashed)
}

/// Deletes every trashed article for good, with the events left without articles and the
/// alignment corrections, notes and shared passages of texts the library no longer holds.
pub(crate) fn empty(connection: &Connection) -> Result<EmptiedTrash, Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let articles = transaction.execute("DELETE FROM trash", [])?;
    let events = transaction.execute(
        "DELETE FROM events WHERE NOT EXISTS (SELECT 1 FROM articles WHERE event_id = events.id)",
        [],
    )?;
    let alignment_overrides = crate::overrides::forget_orphans(&transaction)?;
    let notes = crate::notes::forget_deleted_and_orphans(&transaction)?;
    let reuse_passages = crate::passages::forget_orphans(&transaction)?;
    transaction.commit()?;
    Ok(EmptiedTrash {
        articles,
        events,
        alignment_overrides,
        notes,
        reuse_passages,
    })
}

/// An import stores a file whose text is in the trash as a new article (import looks only at
/// the live articles). This takes such articles back out and restores the trashed one in their
/// place, so re-importing a deleted article brings it back with its id, event, tags and
/// corrections, reported as a duplicate of it.
pub(crate) fn restore_reimported(
    connection: &Connection,
    report: &mut ImportReport,
) -> Result<(), Error> {
    if report.imported.is_empty() {
        return Ok(());
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let mut kept = Vec::new();
    for article in std::mem::take(&mut report.imported) {
        let trashed: Option<i64> = transaction
            .query_row(
                "SELECT t.id FROM trash t JOIN articles a ON a.content_hash = t.content_hash WHERE a.id = ?1",
                [article.id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(trashed) = trashed else {
            kept.push(article);
            continue;
        };
        transaction.execute("DELETE FROM articles WHERE id = ?1", [article.id])?;
        transaction.execute(
            "DELETE FROM events WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM articles WHERE event_id = ?1)
             AND NOT EXISTS (SELECT 1 FROM trash WHERE event_id = ?1)",
            [article.event],
        )?;
        let restored = restore_one(&transaction, trashed)?;
        report.duplicates.push(DuplicateFile {
            path: article.path,
            existing_id: restored.id,
        });
    }
    report.imported = kept;
    transaction.commit()?;
    Ok(())
}
