//! A fact-checker's notes: free text with an optional verdict from a small scale the library
//! keeps (accurate, misleading, wrong, unverified to start with), on an article, one of its
//! sentences (a disputed fact is checked on the sentence that states it), an aligned pair of
//! sentences, or an event; each with its author and time.
//!
//! A note names its article by content hash and its sentence by normalised text, as the
//! alignment corrections do ([`crate::overrides`]), so it stays with the text through the
//! trash, a re-import and a JSON Lines round trip; where the article is now, and which index
//! its sentence has, is worked out each time notes are read. Deleting a note moves it to the
//! trash (restore brings it back); an edit keeps the version before it, so it can be undone.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use parallax_core::text::{normalize, split_sentences};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::overrides::ArticleSentence;
use crate::Error;

/// What a note is about, as a person names it: `12` (article 12), `12:3` (its sentence 3, as
/// `compare` numbers them; a disputed fact by the sentence that states it), `12:3,14:5` (an
/// aligned pair) or `event:4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NoteTarget {
    /// A whole article.
    Article {
        /// Its library id.
        article: i64,
    },
    /// One sentence of an article.
    Sentence {
        /// Its library id.
        article: i64,
        /// The sentence's index.
        sentence: usize,
    },
    /// Two sentences of two articles, side by side.
    Pair {
        /// The first article's sentence.
        left: ArticleSentence,
        /// The second article's sentence.
        right: ArticleSentence,
    },
    /// An event.
    Event {
        /// Its id.
        event: i64,
    },
}

impl FromStr for NoteTarget {
    type Err = Error;

    fn from_str(value: &str) -> Result<NoteTarget, Error> {
        let invalid = || Error::InvalidNoteTarget(value.to_string());
        let value = value.trim();
        let sentence = |part: &str| -> Result<ArticleSentence, Error> {
            let (article, sentence) = part.split_once(':').ok_or_else(invalid)?;
            Ok(ArticleSentence {
                article: article.trim().parse().map_err(|_| invalid())?,
                sentence: sentence.trim().parse().map_err(|_| invalid())?,
            })
        };
        if let Some(event) = value.strip_prefix("event:") {
            return Ok(NoteTarget::Event {
                event: event.trim().parse().map_err(|_| invalid())?,
            });
        }
        if let Some((left, right)) = value.split_once(',') {
            return Ok(NoteTarget::Pair {
                left: sentence(left)?,
                right: sentence(right)?,
            });
        }
        if value.contains(':') {
            let s = sentence(value)?;
            return Ok(NoteTarget::Sentence {
                article: s.article,
                sentence: s.sentence,
            });
        }
        Ok(NoteTarget::Article {
            article: value.parse().map_err(|_| invalid())?,
        })
    }
}

impl fmt::Display for NoteTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteTarget::Article { article } => write!(f, "{article}"),
            NoteTarget::Sentence { article, sentence } => write!(f, "{article}:{sentence}"),
            NoteTarget::Pair { left, right } => write!(
                f,
                "{}:{},{}:{}",
                left.article, left.sentence, right.article, right.sentence
            ),
            NoteTarget::Event { event } => write!(f, "event:{event}"),
        }
    }
}

/// A note as the library shows it: what it says, and where what it annotates is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Its id: edit, delete or restore it by this id.
    pub id: i64,
    /// What it annotates: `article`, `sentence`, `pair` or `event`.
    pub kind: String,
    /// The target as `note add` takes it (`12:3`), or null while its article is not in the
    /// library (deleted, or not loaded).
    pub target: Option<String>,
    /// The annotated article's id now.
    pub article: Option<i64>,
    /// Its headline.
    pub article_title: Option<String>,
    /// The annotated sentence's index now (null when the article no longer splits into it).
    pub sentence: Option<usize>,
    /// That sentence's text.
    pub sentence_text: Option<String>,
    /// A pair's second article.
    pub other_article: Option<i64>,
    /// A pair's second sentence.
    pub other_sentence: Option<usize>,
    /// That sentence's text.
    pub other_sentence_text: Option<String>,
    /// The event of the annotated article, or the annotated event.
    pub event: Option<i64>,
    /// That event's name.
    pub event_title: Option<String>,
    /// What the note says.
    pub text: String,
    /// Its verdict, one of the scale's ([`Library::verdict_scale`](crate::Library::verdict_scale)).
    pub verdict: Option<String>,
    /// Who wrote it.
    pub author: String,
    /// When it was written (UTC, ISO 8601).
    pub created: String,
    /// When it was last edited.
    pub edited: Option<String>,
    /// When it was deleted: it is in the trash.
    pub deleted: Option<String>,
    /// True when its last edit can be undone.
    pub undoable: bool,
}

/// Changes to a note: `None` leaves a field; an empty verdict clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteEdit {
    /// The new text.
    pub text: Option<String>,
    /// The new verdict, or `""` for none.
    pub verdict: Option<String>,
}

/// Which notes to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteFilter {
    /// Only the notes of this event: on its articles, their sentences, or the event itself.
    pub event: Option<i64>,
    /// Only the notes of this article (pairs it is in included).
    pub article: Option<i64>,
    /// Only the notes whose text, verdict or author hold these words (the last also as a
    /// prefix; `"quoted words"` as a phrase).
    pub search: Option<String>,
    /// The deleted notes (the trash) instead of the others.
    pub deleted: bool,
}

/// A note as a JSON Lines export writes it, on the line of the article it annotates (an event
/// note on the line of the event's first article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpedNote {
    /// `article`, `sentence`, `pair` or `event`.
    pub kind: String,
    /// The sentence's index when the note was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    /// The sentence's normalised text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence_text: Option<String>,
    /// A pair's other article, by content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// A pair's other sentence index.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_sentence: Option<usize>,
    /// That sentence's normalised text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_sentence_text: Option<String>,
    /// What the note says.
    pub text: String,
    /// Its verdict.
    #[serde(default)]
    pub verdict: Option<String>,
    /// Who wrote it.
    pub author: String,
    /// When (UTC, ISO 8601).
    pub created: String,
    /// When it was last edited.
    #[serde(default)]
    pub edited: Option<String>,
}

/// A row of `notes`.
struct Stored {
    id: i64,
    kind: String,
    article_hash: Option<String>,
    sentence: Option<usize>,
    sentence_text: Option<String>,
    other_hash: Option<String>,
    other_sentence: Option<usize>,
    other_sentence_text: Option<String>,
    event_id: Option<i64>,
    event_title: Option<String>,
    event_members: Option<String>,
    text: String,
    verdict: Option<String>,
    author: String,
    created: String,
    edited: Option<String>,
    previous: Option<String>,
    deleted: Option<String>,
}

const COLUMNS: &str = "id, target, article_hash, sentence, sentence_text, other_hash, other_sentence, \
    other_sentence_text, event_id, event_title, event_members, text, verdict, author, created, edited, \
    previous, deleted";

fn stored(row: &Row) -> rusqlite::Result<Stored> {
    let index = |i: usize| -> rusqlite::Result<Option<usize>> {
        Ok(row.get::<_, Option<i64>>(i)?.map(|n| n as usize))
    };
    Ok(Stored {
        id: row.get(0)?,
        kind: row.get(1)?,
        article_hash: row.get(2)?,
        sentence: index(3)?,
        sentence_text: row.get(4)?,
        other_hash: row.get(5)?,
        other_sentence: index(6)?,
        other_sentence_text: row.get(7)?,
        event_id: row.get(8)?,
        event_title: row.get(9)?,
        event_members: row.get(10)?,
        text: row.get(11)?,
        verdict: row.get(12)?,
        author: row.get(13)?,
        created: row.get(14)?,
        edited: row.get(15)?,
        previous: row.get(16)?,
        deleted: row.get(17)?,
    })
}

/// A sentence as notes find it again: case, typographic marks and spacing folded.
pub(crate) fn sentence_key(text: &str) -> String {
    normalize(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A live article as notes see it.
struct Anchor {
    id: i64,
    title: String,
    event: i64,
    sentences: Vec<String>,
}

/// Finds articles by content hash, once each.
struct Resolver<'c> {
    connection: &'c Connection,
    articles: HashMap<String, Option<Anchor>>,
}

impl<'c> Resolver<'c> {
    fn new(connection: &'c Connection) -> Resolver<'c> {
        Resolver {
            connection,
            articles: HashMap::new(),
        }
    }

    fn article(&mut self, hash: &str) -> Result<Option<&Anchor>, Error> {
        if !self.articles.contains_key(hash) {
            let found = self
                .connection
                .query_row(
                    "SELECT id, title, event_id, text FROM articles WHERE content_hash = ?1",
                    [hash],
                    |row| {
                        Ok((
                            row.get::<_, i64>(0)?,
                            row.get::<_, String>(1)?,
                            row.get::<_, i64>(2)?,
                            row.get::<_, String>(3)?,
                        ))
                    },
                )
                .optional()?;
            let anchor = found.map(|(id, title, event, text)| Anchor {
                id,
                title,
                event,
                sentences: split_sentences(&text).into_iter().map(|s| s.text).collect(),
            });
            self.articles.insert(hash.to_string(), anchor);
        }
        Ok(self.articles[hash].as_ref())
    }

    /// The event an event note annotates now: its own, else the one holding most of the
    /// articles it held (after a merge or a reload).
    fn event(&self, note: &Stored) -> Result<Option<(i64, String)>, Error> {
        if let Some(id) = note.event_id {
            let found = self
                .connection
                .query_row("SELECT id, title FROM events WHERE id = ?1", [id], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })
                .optional()?;
            if found.is_some() {
                return Ok(found);
            }
        }
        let members = note.event_members.as_deref().unwrap_or("[]");
        Ok(self
            .connection
            .query_row(
                "SELECT e.id, e.title FROM articles a JOIN events e ON e.id = a.event_id
                 WHERE a.content_hash IN (SELECT value FROM json_each(?1))
                 GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1",
                [members],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    fn resolve(&mut self, note: Stored) -> Result<Note, Error> {
        let mut shown = Note {
            id: note.id,
            kind: note.kind.clone(),
            target: None,
            article: None,
            article_title: None,
            sentence: None,
            sentence_text: note.sentence_text.clone(),
            other_article: None,
            other_sentence: None,
            other_sentence_text: note.other_sentence_text.clone(),
            event: None,
            event_title: None,
            text: note.text.clone(),
            verdict: note.verdict.clone(),
            author: note.author.clone(),
            created: note.created.clone(),
            edited: note.edited.clone(),
            deleted: note.deleted.clone(),
            undoable: note.previous.is_some(),
        };
        if note.kind == "event" {
            if let Some((event, title)) = self.event(&note)? {
                shown.event = Some(event);
                shown.event_title = Some(title);
                shown.target = Some(NoteTarget::Event { event }.to_string());
            } else {
                shown.event_title = note.event_title.clone();
            }
            return Ok(shown);
        }
        let hash = note.article_hash.as_deref().unwrap_or_default();
        let Some(anchor) = self.article(hash)? else {
            return Ok(shown);
        };
        let (id, event) = (anchor.id, anchor.event);
        shown.article = Some(id);
        shown.article_title = Some(anchor.title.clone());
        if let (Some(key), Some(index)) = (&note.sentence_text, note.sentence) {
            shown.sentence = find_sentence(&anchor.sentences, key, index);
            if let Some(i) = shown.sentence {
                shown.sentence_text = Some(anchor.sentences[i].clone());
            }
        }
        shown.event = Some(event);
        shown.event_title = self
            .connection
            .query_row("SELECT title FROM events WHERE id = ?1", [event], |row| {
                row.get(0)
            })
            .optional()?;
        if let Some(other) = note.other_hash.as_deref() {
            if let Some(anchor) = self.article(other)? {
                shown.other_article = Some(anchor.id);
                if let (Some(key), Some(index)) = (&note.other_sentence_text, note.other_sentence) {
                    shown.other_sentence = find_sentence(&anchor.sentences, key, index);
                    if let Some(i) = shown.other_sentence {
                        shown.other_sentence_text = Some(anchor.sentences[i].clone());
                    }
                }
            }
        }
        shown.target = match (note.kind.as_str(), shown.sentence) {
            ("article", _) => Some(NoteTarget::Article { article: id }.to_string()),
            ("sentence", Some(sentence)) => Some(
                NoteTarget::Sentence {
                    article: id,
                    sentence,
                }
                .to_string(),
            ),
            ("pair", Some(sentence)) => match (shown.other_article, shown.other_sentence) {
                (Some(other), Some(other_sentence)) => Some(
                    NoteTarget::Pair {
                        left: ArticleSentence {
                            article: id,
                            sentence,
                        },
                        right: ArticleSentence {
                            article: other,
                            sentence: other_sentence,
                        },
                    }
                    .to_string(),
                ),
                _ => None,
            },
            _ => None,
        };
        Ok(shown)
    }
}

/// The index of the sentence whose folded text is `key`, the one nearest `index` when the
/// article says it more than once; none when no sentence reads so any more.
fn find_sentence(sentences: &[String], key: &str, index: usize) -> Option<usize> {
    sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| sentence_key(s) == key)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(index))
}

/// An article's content hash and sentences, the article required to be in the library.
fn live_article(connection: &Connection, id: i64) -> Result<(String, Vec<String>), Error> {
    let (hash, text) = crate::articles::hash_and_text(connection, id)?;
    Ok((
        hash,
        split_sentences(&text).into_iter().map(|s| s.text).collect(),
    ))
}

/// The content hash of an article and the folded text of its sentence `sentence`.
fn sentence_anchor(
    connection: &Connection,
    at: ArticleSentence,
) -> Result<(String, String), Error> {
    let (hash, sentences) = live_article(connection, at.article)?;
    let text = sentences
        .get(at.sentence)
        .ok_or_else(|| Error::NoSuchSentence {
            article: at.article,
            sentence: at.sentence,
            last: sentences.len().saturating_sub(1),
        })?;
    Ok((hash, sentence_key(text)))
}

/// The verdict as the scale spells it; an unknown one is refused with the scale.
fn check_verdict(connection: &Connection, verdict: &str) -> Result<String, Error> {
    let found: Option<String> = connection
        .query_row(
            "SELECT name FROM verdicts WHERE name = ?1",
            [verdict.trim()],
            |row| row.get(0),
        )
        .optional()?;
    found.ok_or_else(|| match scale(connection) {
        Ok(scale) => Error::UnknownVerdict {
            verdict: verdict.trim().to_string(),
            scale: scale.join(", "),
        },
        Err(error) => error,
    })
}

fn check_text(text: &str) -> Result<&str, Error> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::Empty("a note's text"));
    }
    Ok(text)
}

/// What a note is written on, as the notes table stores it: the columns of its kind set, the
/// others empty.
#[derive(Default)]
struct NoteRow {
    target: &'static str,
    article_hash: Option<String>,
    sentence: Option<i64>,
    sentence_text: Option<String>,
    other_hash: Option<String>,
    other_sentence: Option<i64>,
    other_sentence_text: Option<String>,
    event_id: Option<i64>,
    event_title: Option<String>,
    event_members: Option<String>,
}

/// The content hashes of an event's articles, in import order, as a JSON array: how an event
/// note finds its event again after a merge or a reload.
fn event_members(connection: &Connection, event: i64) -> Result<String, Error> {
    Ok(connection.query_row(
        "SELECT json_group_array(content_hash) FROM (SELECT content_hash FROM articles
         WHERE event_id = ?1 ORDER BY id)",
        [event],
        |row| row.get(0),
    )?)
}

/// Writes a note; returns its id.
pub(crate) fn add(
    connection: &Connection,
    target: &NoteTarget,
    text: &str,
    verdict: Option<&str>,
    author: &str,
) -> Result<i64, Error> {
    let text = check_text(text)?;
    let author = author.trim();
    if author.is_empty() {
        return Err(Error::Empty("a note's author"));
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let verdict = verdict
        .filter(|v| !v.trim().is_empty())
        .map(|v| check_verdict(&transaction, v))
        .transpose()?;
    let row = match *target {
        NoteTarget::Article { article } => NoteRow {
            target: "article",
            article_hash: Some(live_article(&transaction, article)?.0),
            ..NoteRow::default()
        },
        NoteTarget::Sentence { article, sentence } => {
            let (hash, key) = sentence_anchor(&transaction, ArticleSentence { article, sentence })?;
            NoteRow {
                target: "sentence",
                article_hash: Some(hash),
                sentence: Some(sentence as i64),
                sentence_text: Some(key),
                ..NoteRow::default()
            }
        }
        NoteTarget::Pair { left, right } => {
            if left.article == right.article {
                return Err(Error::SameArticle(left.article));
            }
            let (hash, key) = sentence_anchor(&transaction, left)?;
            let (other, other_key) = sentence_anchor(&transaction, right)?;
            NoteRow {
                target: "pair",
                article_hash: Some(hash),
                sentence: Some(left.sentence as i64),
                sentence_text: Some(key),
                other_hash: Some(other),
                other_sentence: Some(right.sentence as i64),
                other_sentence_text: Some(other_key),
                ..NoteRow::default()
            }
        }
        NoteTarget::Event { event } => {
            let title: String = transaction
                .query_row("SELECT title FROM events WHERE id = ?1", [event], |row| {
                    row.get(0)
                })
                .optional()?
                .ok_or(Error::NoSuchEvent(event))?;
            NoteRow {
                target: "event",
                event_id: Some(event),
                event_title: Some(title),
                event_members: Some(event_members(&transaction, event)?),
                ..NoteRow::default()
            }
        }
    };
    transaction.execute(
        "INSERT INTO notes (target, article_hash, sentence, sentence_text, other_hash, other_sentence,
                            other_sentence_text, event_id, event_title, event_members, text, verdict, author)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            row.target,
            row.article_hash,
            row.sentence,
            row.sentence_text,
            row.other_hash,
            row.other_sentence,
            row.other_sentence_text,
            row.event_id,
            row.event_title,
            row.event_members,
            text,
            verdict,
            author
        ],
    )?;
    let id = transaction.last_insert_rowid();
    transaction.commit()?;
    Ok(id)
}

fn row_of(connection: &Connection, id: i64) -> Result<Stored, Error> {
    connection
        .query_row(
            &format!("SELECT {COLUMNS} FROM notes WHERE id = ?1"),
            [id],
            stored,
        )
        .optional()?
        .ok_or(Error::NoSuchNote(id))
}

/// One note, deleted or not.
pub(crate) fn get(connection: &Connection, id: i64) -> Result<Note, Error> {
    let row = row_of(connection, id)?;
    Resolver::new(connection).resolve(row)
}

/// Changes a note's text or verdict, keeping the version before for [`undo_edit`].
pub(crate) fn edit(connection: &Connection, id: i64, edit: &NoteEdit) -> Result<Note, Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let row = row_of(&transaction, id)?;
    if row.deleted.is_some() {
        return Err(Error::NoteDeleted(id));
    }
    let text = match &edit.text {
        Some(text) => check_text(text)?.to_string(),
        None => row.text.clone(),
    };
    let verdict = match edit.verdict.as_deref().map(str::trim) {
        Some("") => None,
        Some(verdict) => Some(check_verdict(&transaction, verdict)?),
        None => row.verdict.clone(),
    };
    if text == row.text && verdict == row.verdict {
        drop(transaction);
        return get(connection, id);
    }
    let previous =
        serde_json::json!({ "text": row.text, "verdict": row.verdict, "edited": row.edited });
    transaction.execute(
        "UPDATE notes SET text = ?2, verdict = ?3, previous = ?4,
                          edited = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
         WHERE id = ?1",
        params![id, text, verdict, previous.to_string()],
    )?;
    transaction.commit()?;
    get(connection, id)
}

/// Puts back the version of a note before its last edit; undoing again redoes the edit.
pub(crate) fn undo_edit(connection: &Connection, id: i64) -> Result<Note, Error> {
    #[derive(Deserialize)]
    struct Version {
        text: String,
        verdict: Option<String>,
        edited: Option<String>,
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let row = row_of(&transaction, id)?;
    if row.deleted.is_some() {
        return Err(Error::NoteDeleted(id));
    }
    let Some(previous) = row.previous.as_deref() else {
        return Err(Error::NothingToUndo(id));
    };
    let before: Version = serde_json::from_str(previous)
        .map_err(|e| Error::Migration(format!("note {id} keeps an unreadable version: {e}")))?;
    // The scale may have lost the old verdict meanwhile: it comes back onto the scale.
    if let Some(verdict) = &before.verdict {
        ensure_verdict(&transaction, verdict)?;
    }
    let now = serde_json::json!({ "text": row.text, "verdict": row.verdict, "edited": row.edited });
    transaction.execute(
        "UPDATE notes SET text = ?2, verdict = ?3, edited = ?4, previous = ?5 WHERE id = ?1",
        params![
            id,
            before.text,
            before.verdict,
            before.edited,
            now.to_string()
        ],
    )?;
    transaction.commit()?;
    get(connection, id)
}

/// Moves a note to the trash.
pub(crate) fn delete(connection: &Connection, id: i64) -> Result<Note, Error> {
    row_of(connection, id)?;
    connection.execute(
        "UPDATE notes SET deleted = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1 AND deleted IS NULL",
        [id],
    )?;
    get(connection, id)
}

/// Brings a note back from the trash.
pub(crate) fn restore(connection: &Connection, id: i64) -> Result<Note, Error> {
    if row_of(connection, id)?.deleted.is_none() {
        return Err(Error::NoteNotDeleted(id));
    }
    connection.execute("UPDATE notes SET deleted = NULL WHERE id = ?1", [id])?;
    get(connection, id)
}

/// The notes the filter lets through, oldest first.
pub(crate) fn list(connection: &Connection, filter: &NoteFilter) -> Result<Vec<Note>, Error> {
    let rows: Vec<Stored> = match filter.search.as_deref().map(crate::search::match_query) {
        Some(None) => return Ok(Vec::new()),
        Some(Some(query)) => connection
            .prepare(&format!(
                "SELECT {COLUMNS} FROM notes WHERE (deleted IS NOT NULL) = ?1
                 AND id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?2)
                 ORDER BY created, id"
            ))?
            .query_map(params![filter.deleted, query.all], stored)?
            .collect::<Result<_, _>>()?,
        None => connection
            .prepare(&format!(
                "SELECT {COLUMNS} FROM notes WHERE (deleted IS NOT NULL) = ?1 ORDER BY created, id"
            ))?
            .query_map([filter.deleted], stored)?
            .collect::<Result<_, _>>()?,
    };
    let mut resolver = Resolver::new(connection);
    let mut notes = Vec::with_capacity(rows.len());
    for row in rows {
        let note = resolver.resolve(row)?;
        if filter.event.is_some_and(|e| note.event != Some(e)) {
            continue;
        }
        if let Some(article) = filter.article {
            if note.article != Some(article) && note.other_article != Some(article) {
                continue;
            }
        }
        notes.push(note);
    }
    Ok(notes)
}

/// The notes a comparison of these library articles shows: on the articles, their sentences,
/// pairs among them, and their events.
pub(crate) fn for_articles(connection: &Connection, ids: &[i64]) -> Result<Vec<Note>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut events = Vec::new();
    for &id in ids {
        if let Some(event) = connection
            .query_row("SELECT event_id FROM articles WHERE id = ?1", [id], |row| {
                row.get::<_, i64>(0)
            })
            .optional()?
        {
            events.push(event);
        }
    }
    // Only the rows that can concern these articles are read and resolved: a comparison is
    // made often, and the library may hold many notes on other articles.
    let rows: Vec<Stored> = connection
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM notes WHERE deleted IS NULL AND (target = 'event'
                 OR article_hash IN (SELECT content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?1)))
                 OR other_hash IN (SELECT content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?1))))
             ORDER BY created, id"
        ))?
        .query_map([serde_json::to_string(ids).expect("numbers serialise")], stored)?
        .collect::<Result<_, _>>()?;
    let mut resolver = Resolver::new(connection);
    let mut notes = Vec::new();
    for row in rows {
        let note = resolver.resolve(row)?;
        let shown = match note.kind.as_str() {
            "event" => note.event.is_some_and(|e| events.contains(&e)),
            _ => {
                note.article.is_some_and(|a| ids.contains(&a))
                    || note.other_article.is_some_and(|a| ids.contains(&a))
            }
        };
        if shown {
            notes.push(note);
        }
    }
    Ok(notes)
}

/// The verdict scale, in its order.
pub(crate) fn scale(connection: &Connection) -> Result<Vec<String>, Error> {
    let names = connection
        .prepare("SELECT name FROM verdicts ORDER BY position, name")?
        .query_map([], |row| row.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(names)
}

/// Puts a verdict at the end of the scale unless it is there (in any case).
fn ensure_verdict(connection: &Connection, verdict: &str) -> Result<(), Error> {
    connection.execute(
        "INSERT OR IGNORE INTO verdicts (name, position)
         SELECT ?1, coalesce(max(position), 0) + 1 FROM verdicts",
        [verdict],
    )?;
    Ok(())
}

/// Adds a verdict at the end of the scale; returns the scale.
pub(crate) fn add_verdict(connection: &Connection, verdict: &str) -> Result<Vec<String>, Error> {
    let verdict = verdict.trim();
    if verdict.is_empty() {
        return Err(Error::Empty("a verdict"));
    }
    ensure_verdict(connection, verdict)?;
    scale(connection)
}

/// Takes a verdict off the scale; one that notes still give is kept. Returns the scale.
pub(crate) fn remove_verdict(connection: &Connection, verdict: &str) -> Result<Vec<String>, Error> {
    let verdict = check_verdict(connection, verdict)?;
    let used: i64 = connection.query_row(
        "SELECT count(*) FROM notes WHERE verdict = ?1 COLLATE NOCASE",
        [&verdict],
        |row| row.get(0),
    )?;
    if used > 0 {
        return Err(Error::VerdictInUse {
            verdict,
            notes: used as usize,
        });
    }
    connection.execute("DELETE FROM verdicts WHERE name = ?1", [&verdict])?;
    scale(connection)
}

/// Deletes for good the notes in the trash and those of texts neither the library nor its
/// trash holds; returns how many.
pub(crate) fn forget_deleted_and_orphans(connection: &Connection) -> Result<usize, Error> {
    let held = |column: &str| {
        format!(
            "(EXISTS (SELECT 1 FROM articles WHERE content_hash = {column})
              OR EXISTS (SELECT 1 FROM trash WHERE content_hash = {column}))"
        )
    };
    Ok(connection.execute(
        &format!(
            "DELETE FROM notes WHERE deleted IS NOT NULL
             OR target <> 'event' AND NOT {}
             OR target = 'pair' AND NOT {}
             OR target = 'event' AND NOT EXISTS (SELECT 1 FROM events WHERE id = event_id)
                AND NOT EXISTS (SELECT 1 FROM articles WHERE content_hash IN (SELECT value FROM json_each(event_members)))
                AND NOT EXISTS (SELECT 1 FROM trash WHERE content_hash IN (SELECT value FROM json_each(event_members)))",
            held("article_hash"),
            held("other_hash")
        ),
        [],
    )?)
}

/// The notes a JSON Lines export writes, by the id of the article on whose line each goes.
pub(crate) fn for_dump(connection: &Connection) -> Result<HashMap<i64, Vec<DumpedNote>>, Error> {
    let rows: Vec<Stored> = connection
        .prepare(&format!(
            "SELECT {COLUMNS} FROM notes WHERE deleted IS NULL ORDER BY created, id"
        ))?
        .query_map([], stored)?
        .collect::<Result<_, _>>()?;
    let mut resolver = Resolver::new(connection);
    let mut by_article: HashMap<i64, Vec<DumpedNote>> = HashMap::new();
    for row in rows {
        let line = if row.kind == "event" {
            match resolver.event(&row)? {
                Some((event, _)) => connection.query_row(
                    "SELECT min(id) FROM articles WHERE event_id = ?1",
                    [event],
                    |r| r.get::<_, Option<i64>>(0),
                )?,
                None => None,
            }
        } else {
            let hash = row.article_hash.clone().unwrap_or_default();
            resolver.article(&hash)?.map(|a| a.id)
        };
        let Some(line) = line else { continue };
        by_article.entry(line).or_default().push(DumpedNote {
            kind: row.kind,
            sentence: row.sentence,
            sentence_text: row.sentence_text,
            other: row.other_hash,
            other_sentence: row.other_sentence,
            other_sentence_text: row.other_sentence_text,
            text: row.text,
            verdict: row.verdict,
            author: row.author,
            created: row.created,
            edited: row.edited,
        });
    }
    Ok(by_article)
}

/// Stores the notes of loaded lines (`hash` names each line's article); a note the library
/// holds already (same target, author, time and text) is not stored twice.
pub(crate) fn load(
    connection: &Connection,
    lines: &[(String, Vec<DumpedNote>)],
) -> Result<(), Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    for (hash, notes) in lines {
        for note in notes {
            if !matches!(
                note.kind.as_str(),
                "article" | "sentence" | "pair" | "event"
            ) {
                continue;
            }
            if let Some(verdict) = &note.verdict {
                ensure_verdict(&transaction, verdict)?;
            }
            let (article_hash, event, event_title, members) = if note.kind == "event" {
                let found: Option<(i64, String)> = transaction
                    .query_row(
                        "SELECT e.id, e.title FROM articles a JOIN events e ON e.id = a.event_id WHERE a.content_hash = ?1",
                        [hash],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?;
                let Some((event, title)) = found else {
                    continue;
                };
                let members = event_members(&transaction, event)?;
                (None, Some(event), Some(title), Some(members))
            } else {
                (Some(hash.as_str()), None, None, None)
            };
            let held: bool = transaction.query_row(
                "SELECT EXISTS (SELECT 1 FROM notes WHERE target = ?1 AND article_hash IS ?2 AND event_id IS ?3
                     AND sentence_text IS ?4 AND other_hash IS ?5 AND other_sentence_text IS ?6
                     AND author = ?7 AND created = ?8 AND text = ?9)",
                params![
                    note.kind, article_hash, event, note.sentence_text, note.other, note.other_sentence_text,
                    note.author, note.created, note.text
                ],
                |row| row.get(0),
            )?;
            if held {
                continue;
            }
            transaction.execute(
                "INSERT INTO notes (target, article_hash, sentence, sentence_text, other_hash, other_sentence,
                                    other_sentence_text, event_id, event_title, event_members, text, verdict,
                                    author, created, edited)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    note.kind,
                    article_hash,
                    note.sentence.map(|s| s as i64),
                    note.sentence_text,
                    note.other,
                    note.other_sentence.map(|s| s as i64),
                    note.other_sentence_text,
                    event,
                    event_title,
                    members,
                    note.text,
                    note.verdict,
                    note.author,
                    note.created,
                    note.edited,
                ],
            )?;
        }
    }
    transaction.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Library;

    /// A library of two reports of one ferry grounding that disagree on the passengers.
    fn ferry() -> (tempfile::TempDir, Library, i64, i64) {
        let folder = tempfile::tempdir().unwrap();
        let files = [
            ("wire.md", "---\ntitle: Ferry runs aground\noutlet: Northsea Wire\n---\n\nThe ferry Aurora ran aground off Kestrel Point on Tuesday with 120 passengers on board.\n\nNo one was hurt, the coastguard said."),
            ("gazette.md", "---\ntitle: Aurora grounded\noutlet: Kestrel Gazette\n---\n\nThe ferry Aurora ran aground off Kestrel Point on Tuesday with 150 passengers on board.\n\nNo one was hurt, the coastguard said."),
        ];
        let paths: Vec<_> = files
            .iter()
            .map(|(name, text)| {
                let path = folder.path().join(name);
                std::fs::write(&path, text).unwrap();
                path
            })
            .collect();
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        let report = library.import_paths(
            &paths,
            &mut |_| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        let id = |outlet: &str| {
            report
                .imported
                .iter()
                .find(|a| a.outlet.as_deref() == Some(outlet))
                .unwrap()
                .id
        };
        let (wire, gazette) = (id("Northsea Wire"), id("Kestrel Gazette"));
        (folder, library, wire, gazette)
    }

    #[test]
    fn an_event_note_follows_its_event_into_a_merge_and_emptying_the_trash_forgets_deleted_notes() {
        let (_folder, library, wire, gazette) = ferry();
        // Split the two into events of their own, note one, merge it into the other.
        let apart = library.move_article(gazette, None).unwrap();
        let kept = library.article(wire).unwrap().event.unwrap();
        let note = library
            .add_note(
                &NoteTarget::Event { event: apart },
                "Two counts of passengers",
                Some("unverified"),
                "Ana",
            )
            .unwrap();
        library.merge_events(kept, &[apart]).unwrap();
        let moved = library.note(note.id).unwrap();
        assert_eq!(moved.event, Some(kept));
        assert_eq!(
            moved.target.as_deref(),
            Some(format!("event:{kept}").as_str())
        );

        let gone = library
            .add_note(&NoteTarget::Article { article: wire }, "Draft", None, "Ana")
            .unwrap();
        library.delete_note(gone.id).unwrap();
        assert_eq!(library.empty_trash().unwrap().notes, 1);
        assert!(matches!(library.note(gone.id), Err(Error::NoSuchNote(_))));
        assert!(library.note(note.id).is_ok());
    }

    #[test]
    fn the_scale_is_edited_but_keeps_the_verdicts_notes_give() {
        let (_folder, library, wire, _) = ferry();
        assert_eq!(
            library
                .add_verdict("needs context")
                .unwrap()
                .last()
                .unwrap(),
            "needs context"
        );
        library
            .add_note(
                &NoteTarget::Article { article: wire },
                "Missing the tide tables",
                Some("needs context"),
                "Ana",
            )
            .unwrap();
        assert!(matches!(
            library.remove_verdict("needs context"),
            Err(Error::VerdictInUse { notes: 1, .. })
        ));
        assert_eq!(
            library.remove_verdict("unverified").unwrap(),
            ["accurate", "misleading", "wrong", "needs context"]
        );
        assert!(matches!(
            library.add_note(
                &NoteTarget::Article { article: wire },
                "x",
                Some("unverified"),
                "Ana"
            ),
            Err(Error::UnknownVerdict { .. })
        ));
    }

    #[test]
    fn targets_are_read_as_people_write_them() {
        assert_eq!(
            "12".parse::<NoteTarget>().unwrap(),
            NoteTarget::Article { article: 12 }
        );
        assert_eq!(
            "12:3".parse::<NoteTarget>().unwrap(),
            NoteTarget::Sentence {
                article: 12,
                sentence: 3
            }
        );
        assert_eq!(
            " 12:3 , 14:5".parse::<NoteTarget>().unwrap(),
            NoteTarget::Pair {
                left: ArticleSentence {
                    article: 12,
                    sentence: 3
                },
                right: ArticleSentence {
                    article: 14,
                    sentence: 5
                }
            }
        );
        assert_eq!(
            "event:4".parse::<NoteTarget>().unwrap(),
            NoteTarget::Event { event: 4 }
        );
        for target in ["12", "12:3", "12:3,14:5", "event:4"] {
            assert_eq!(target.parse::<NoteTarget>().unwrap().to_string(), target);
        }
        for wrong in ["", "x", "12:", "event:", "12:3,", "a:b"] {
            assert!(wrong.parse::<NoteTarget>().is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_sentence_is_found_by_its_text_nearest_where_it_was() {
        let sentences: Vec<String> = ["It rained.", "The ferry stopped.", "It rained."]
            .map(String::from)
            .to_vec();
        assert_eq!(find_sentence(&sentences, "it rained.", 2), Some(2));
        assert_eq!(find_sentence(&sentences, "it rained.", 0), Some(0));
        assert_eq!(
            find_sentence(&sentences, &sentence_key("The  ferry\u{a0}STOPPED."), 0),
            Some(1)
        );
        assert_eq!(find_sentence(&sentences, "the ferry sank.", 1), None);
    }
}
