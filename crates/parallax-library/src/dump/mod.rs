//! The whole library as records, one article each with everything a person added to it
//! (corrections, tags, the event it is in, notes, passages shared with other articles), and the
//! way back: loading such records re-creates the articles, recognising those already held by
//! their text and honouring events by name.
//!
//! One reading of the library ([`each_article`]) and one loading ([`load_records`]) serve every
//! format: JSON Lines here, Parquet in [`parquet`] (the same records, for pandas and Spark), and
//! passim's input in [`passim`] (a load reads its `series` and `date` as the outlet and date; a
//! text-reuse run's clusters come back through [`crate::passages`]).

pub(crate) mod parquet;
pub(crate) mod passim;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Write};

use parallax_core::events::ArticleProfile;
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::import::{content_hash, DuplicateFile, FailedFile, ImportReport, ImportedArticle};
use crate::notes::DumpedNote;
use crate::passages::DumpedPassage;
use crate::{articles, edits, events, trash, Error};

/// How many lines are written in one transaction.
const BATCH: usize = 256;
/// How many lines are read and prepared at a time.
const CHUNK: usize = 16 * BATCH;

/// One line of a JSON Lines export: an article with all the library knows of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DumpedArticle {
    /// Its id in the library it was exported from (a load gives it a new one); an id that is
    /// no number (another tool's, `"nyt-12"`) is read as none.
    #[serde(default, deserialize_with = "id_if_number")]
    pub id: Option<i64>,
    /// Its headline.
    pub title: String,
    /// Its outlet (passim's `series` is read as one).
    #[serde(default, alias = "series")]
    pub outlet: Option<String>,
    /// Its author line.
    #[serde(default)]
    pub byline: Option<String>,
    /// Its publication date or date-time (ISO 8601; passim's `date` is read as one).
    #[serde(default, alias = "date")]
    pub published: Option<String>,
    /// Its address on the web.
    #[serde(default)]
    pub url: Option<String>,
    /// Its language tag.
    #[serde(default)]
    pub language: Option<String>,
    /// The file it was imported from.
    #[serde(default)]
    pub path: Option<String>,
    /// The format of that file.
    #[serde(default = "text_format")]
    pub format: String,
    /// Its body text.
    pub text: String,
    /// Words in its text (counted again on load).
    #[serde(default)]
    pub word_count: usize,
    /// sha256 of its normalised text (computed again on load).
    #[serde(default)]
    pub content_hash: Option<String>,
    /// When it was first imported (UTC, ISO 8601).
    #[serde(default)]
    pub imported: Option<String>,
    /// Its event's id in the library it was exported from.
    #[serde(default)]
    pub event: Option<i64>,
    /// Its event's name: a load puts it in the event of that name.
    #[serde(default)]
    pub event_title: Option<String>,
    /// True when a person named that event.
    #[serde(default)]
    pub event_named_by_user: bool,
    /// True when a person put the article in its event.
    #[serde(default)]
    pub placed_by_user: bool,
    /// Its tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The fields a person corrected, with the values they replaced.
    #[serde(default)]
    pub corrected: BTreeMap<String, Option<String>>,
    /// A person's alignment corrections between this article and others (each correction is
    /// written once, on one of its two articles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alignment_overrides: Vec<DumpedOverride>,
    /// Its outlet's groups (`{"leaning": "right"}`); a load adds those the outlet lacks.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub outlet_groups: BTreeMap<String, String>,
    /// The notes on this article, its sentences and pairs it leads, and (on the line of an
    /// event's first article) on its event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<DumpedNote>,
    /// Passages a text-reuse tool found this article shares with others (`passages import`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reuse_passages: Vec<DumpedPassage>,
}

/// The formats the library is dumped in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DumpFormat {
    /// JSON Lines, one article a line: everything, and `load` reads it back.
    Jsonl,
    /// Parquet, one article a row: the same records, columns for pandas, Spark and DuckDB.
    Parquet,
    /// passim's input: JSON Lines of `id`, `series` (the outlet), `date`, `title`, `text`.
    Passim,
}

impl std::str::FromStr for DumpFormat {
    type Err = Error;

    fn from_str(name: &str) -> Result<DumpFormat, Error> {
        match name.to_ascii_lowercase().as_str() {
            "jsonl" | "json-lines" | "ndjson" => Ok(DumpFormat::Jsonl),
            "parquet" => Ok(DumpFormat::Parquet),
            "passim" => Ok(DumpFormat::Passim),
            _ => Err(Error::UnknownDumpFormat(name.to_string())),
        }
    }
}

impl std::fmt::Display for DumpFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DumpFormat::Jsonl => "jsonl",
            DumpFormat::Parquet => "parquet",
            DumpFormat::Passim => "passim",
        })
    }
}

/// Writes every article of the library in `format`; returns how many.
pub(crate) fn dump_as(
    connection: &Connection,
    format: DumpFormat,
    out: &mut (dyn Write + Send),
) -> Result<usize, Error> {
    match format {
        DumpFormat::Jsonl => Ok(dump(connection, out, &mut |_, _| true)?
            .expect("an export that is never stopped is written whole")),
        DumpFormat::Parquet => parquet::dump(connection, out),
        DumpFormat::Passim => passim::dump(connection, out),
    }
}

/// The error of a write to an export.
pub(crate) fn write_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::File {
        action: "write",
        path: what.into(),
        detail: e.to_string(),
    }
}

/// An alignment correction between the article of its line and another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpedOverride {
    /// This article's sentence index.
    pub sentence: usize,
    /// The other article's content hash.
    pub other: String,
    /// The other article's sentence index.
    pub other_sentence: usize,
    /// True for a link, false for an unlink.
    pub linked: bool,
}

/// An id given as a number, or as a string of one; anything else is no id.
fn id_if_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_i64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

fn text_format() -> String {
    "text".into()
}

/// Writes every article of the library (the trash left out) as JSON Lines, in id order, from one
/// consistent read of the file; returns how many, or `None` once `progress` (told the articles
/// written and the articles in all after each) answers `false`.
pub(crate) fn dump(
    connection: &Connection,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<usize>, Error> {
    each_article_until(
        connection,
        &mut |article| {
            let line = serde_json::to_string(&article).expect("an article serialises");
            writeln!(out, "{line}").map_err(|e| write_error("the JSON Lines export", e))
        },
        progress,
    )
}

/// Hands every article of the library (the trash left out) to `each`, in id order, from one
/// consistent read of the file; returns how many.
pub(crate) fn each_article(
    connection: &Connection,
    each: &mut dyn FnMut(DumpedArticle) -> Result<(), Error>,
) -> Result<usize, Error> {
    let handed = each_article_until(connection, each, &mut |_, _| true)?;
    Ok(handed.expect("a reading that is never stopped reads every article"))
}

/// [`each_article`], telling `progress` the articles handed and the articles in all after each;
/// stops, returning `None`, once it answers `false`.
fn each_article_until(
    connection: &Connection,
    each: &mut dyn FnMut(DumpedArticle) -> Result<(), Error>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<usize>, Error> {
    // One read transaction: a window writing meanwhile changes nothing of what is written.
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Deferred)?;
    let total: i64 = transaction.query_row(
        "SELECT count(*) FROM articles a JOIN events e ON e.id = a.event_id",
        [],
        |row| row.get(0),
    )?;
    let total = total as usize;
    if !progress(0, total) {
        return Ok(None);
    }
    let mut statement = transaction.prepare(
        "SELECT a.id, a.title, a.outlet, a.byline, a.published, a.url, a.language, a.path, a.format,
                a.text, a.word_count, a.content_hash, a.imported, a.event_id, e.title, e.named_by_user,
                a.placed_by_user, a.corrected,
                (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags WHERE article_id = a.id ORDER BY tag)),
                (SELECT json_group_object(dimension, name) FROM outlet_groups WHERE outlet = a.outlet)
         FROM articles a JOIN events e ON e.id = a.event_id ORDER BY a.id",
    )?;
    let mut overrides = transaction.prepare(
        "SELECT left_sentence, right_hash, right_sentence, linked FROM alignment_overrides
         WHERE left_hash = ?1 ORDER BY right_hash, left_sentence, right_sentence",
    )?;
    let mut notes = crate::notes::for_dump(&transaction)?;
    let mut passages = crate::passages::for_dump(&transaction)?;
    let mut rows = statement.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let tags: String = row.get(18)?;
        let outlet_groups: Option<String> = row.get(19)?;
        let hash: String = row.get(11)?;
        let alignment_overrides = overrides
            .query_map([&hash], |row| {
                Ok(DumpedOverride {
                    sentence: row.get::<_, i64>(0)? as usize,
                    other: row.get(1)?,
                    other_sentence: row.get::<_, i64>(2)? as usize,
                    linked: row.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let id: i64 = row.get(0)?;
        let article = DumpedArticle {
            id: Some(id),
            title: row.get(1)?,
            outlet: row.get(2)?,
            byline: row.get(3)?,
            published: row.get(4)?,
            url: row.get(5)?,
            language: row.get(6)?,
            path: row.get(7)?,
            format: row.get(8)?,
            text: row.get(9)?,
            word_count: row.get::<_, i64>(10)? as usize,
            content_hash: Some(hash.clone()),
            imported: row.get(12)?,
            event: row.get(13)?,
            event_title: row.get(14)?,
            event_named_by_user: row.get(15)?,
            placed_by_user: row.get(16)?,
            corrected: crate::articles::parse_corrected(row.get(17)?),
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            alignment_overrides,
            outlet_groups: outlet_groups
                .and_then(|g| serde_json::from_str(&g).ok())
                .unwrap_or_default(),
            notes: notes.remove(&id).unwrap_or_default(),
            reuse_passages: passages.remove(&hash).unwrap_or_default(),
        };
        each(article)?;
        count += 1;
        if !progress(count, total) {
            return Ok(None);
        }
    }
    drop(rows);
    drop(statement);
    drop(overrides);
    transaction.commit()?;
    Ok(Some(count))
}

/// A line read and checked, ready to be written.
struct Loaded {
    place: String,
    article: DumpedArticle,
    hash: String,
    profile: ArticleProfile,
}

/// One record to load, as read: a JSON Lines line, or a row already turned into a JSON object
/// (a Parquet row).
pub(crate) enum Record {
    /// A line of JSON Lines (blank lines are skipped).
    Line(String),
    /// A record's fields.
    Object(serde_json::Map<String, serde_json::Value>),
}

/// Loads a JSON Lines export: each line an article. Lines that cannot be read are reported as
/// failed (`source:line`), the others loaded; articles the library already holds (same text)
/// are duplicates, and one in the trash is restored and reported as a duplicate of itself.
pub(crate) fn load(
    connection: &Connection,
    index: &events::IndexCache,
    input: &mut dyn BufRead,
    source: &str,
) -> Result<ImportReport, Error> {
    let mut records = input.lines().enumerate().map(|(n, line)| {
        line.map(|line| (format!("{source}:{}", n + 1), Record::Line(line)))
            .map_err(|e| Error::File {
                action: "read",
                path: source.into(),
                detail: e.to_string(),
            })
    });
    load_records(connection, index, &mut records)
}

/// Loads records, each named by its place (`file:line`, `file:row`) for the report: what
/// [`load`] does for JSON Lines, for records read in any format.
pub(crate) fn load_records(
    connection: &Connection,
    index: &events::IndexCache,
    records: &mut dyn Iterator<Item = Result<(String, Record), Error>>,
) -> Result<ImportReport, Error> {
    let mut report = ImportReport::default();
    let mut events_by_key: HashMap<String, i64> = HashMap::new();
    let mut overrides: Vec<(String, Vec<DumpedOverride>)> = Vec::new();
    let mut notes: Vec<(String, Vec<DumpedNote>)> = Vec::new();
    let mut passages: Vec<(String, Vec<DumpedPassage>)> = Vec::new();
    loop {
        // A chunk of records is read and prepared (parsed, hashed, profiled) on every core,
        // then written in batches by this thread.
        let mut chunk = Vec::with_capacity(CHUNK);
        for record in (&mut *records).take(CHUNK) {
            chunk.push(record?);
        }
        if chunk.is_empty() {
            break;
        }
        let prepared: Vec<Option<Result<Loaded, FailedFile>>> = chunk
            .into_par_iter()
            .map(|(place, record)| {
                let read = match record {
                    Record::Line(line) if line.trim().is_empty() => return None,
                    Record::Line(line) => read_line(&line),
                    Record::Object(fields) => read_object(fields),
                };
                Some(match read {
                    Ok(article) => Ok(Loaded {
                        hash: content_hash(&article.text),
                        profile: ArticleProfile::new(
                            &article.title,
                            &article.text,
                            article.published.as_deref(),
                        ),
                        place,
                        article,
                    }),
                    Err(error) => Err(FailedFile { path: place, error }),
                })
            })
            .collect();
        let mut loaded = Vec::with_capacity(prepared.len());
        for line in prepared.into_iter().flatten() {
            match line {
                Ok(line) => loaded.push(line),
                Err(failed) => report.failed.push(failed),
            }
        }
        for batch in loaded.chunks(BATCH) {
            write_batch(connection, index, batch, &mut report, &mut events_by_key)?;
        }
        let grouped: Vec<&Loaded> = loaded
            .iter()
            .filter(|l| l.article.outlet.is_some() && !l.article.outlet_groups.is_empty())
            .collect();
        if !grouped.is_empty() {
            let transaction =
                Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
            for line in grouped {
                let outlet = line.article.outlet.as_deref().expect("filtered above");
                crate::groups::add_missing(&transaction, outlet, &line.article.outlet_groups)?;
            }
            transaction.commit()?;
        }
        notes.extend(
            loaded
                .iter()
                .filter(|l| !l.article.notes.is_empty())
                .map(|l| (l.hash.clone(), l.article.notes.clone())),
        );
        passages.extend(
            loaded
                .iter()
                .filter(|l| !l.article.reuse_passages.is_empty())
                .map(|l| (l.hash.clone(), l.article.reuse_passages.clone())),
        );
        overrides.extend(
            loaded
                .into_iter()
                .filter(|l| !l.article.alignment_overrides.is_empty())
                .map(|l| (l.hash, l.article.alignment_overrides)),
        );
    }
    load_overrides(connection, &overrides)?;
    crate::notes::load(connection, &notes)?;
    crate::passages::load(connection, &passages)?;
    Ok(report)
}

/// Writes one batch of prepared lines in one transaction.
fn write_batch(
    connection: &Connection,
    index: &events::IndexCache,
    batch: &[Loaded],
    report: &mut ImportReport,
    events_by_key: &mut HashMap<String, i64>,
) -> Result<(), Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let mut cached = index.take(&transaction)?;
    let mut restored_any = false;
    let mut inserted = Vec::with_capacity(batch.len());
    for loaded in batch {
        let existing = articles::with_hash(&transaction, &loaded.hash)?;
        let trashed: Option<i64> = transaction
            .query_row(
                "SELECT id FROM trash WHERE content_hash = ?1",
                [&loaded.hash],
                |row| row.get(0),
            )
            .optional()?;
        let existing = match (existing, trashed) {
            (Some(id), _) => Some(id),
            (None, Some(id)) => {
                restored_any = true;
                Some(trash::restore_one(&transaction, id)?.id)
            }
            (None, None) => None,
        };
        if let Some(existing_id) = existing {
            report.duplicates.push(DuplicateFile {
                path: loaded.place.clone(),
                existing_id,
            });
            continue;
        }
        let article = &loaded.article;
        let event = match &article.event_title {
            Some(title) => {
                let key = match article.event {
                    Some(id) => format!("id {id}"),
                    None => format!("title {title}"),
                };
                match events_by_key.get(&key) {
                    Some(&event) => event,
                    None => {
                        let event = event_named(&transaction, title, article.event_named_by_user)?;
                        events_by_key.insert(key, event);
                        event
                    }
                }
            }
            None => match cached.index.assign(&loaded.profile).event {
                Some(event) => event,
                None => events::create(&transaction, &article.title)?,
            },
        };
        let corrected = (!article.corrected.is_empty())
            .then(|| serde_json::to_string(&article.corrected).expect("strings serialise"));
        let id = crate::articles::insert(
            &transaction,
            &crate::articles::NewArticle {
                title: &article.title,
                outlet: article.outlet.as_deref(),
                byline: article.byline.as_deref(),
                published: article.published.as_deref(),
                url: article.url.as_deref(),
                language: article.language.as_deref(),
                path: article.path.as_deref(),
                format: &article.format,
                text: &article.text,
                word_count: parallax_core::text::word_count(&article.text),
                content_hash: &loaded.hash,
                event,
                profile: &events::encode_profile(&loaded.profile),
                imported: article.imported.as_deref(),
                grouped_with: None,
                placed_by_user: article.placed_by_user,
                corrected: corrected.as_deref(),
            },
        )?;
        inserted.push(id);
        for tag in &article.tags {
            transaction.execute(
                "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?1, ?2)",
                params![id, tag],
            )?;
        }
        cached.index.insert(id, event, &loaded.profile);
        report.imported.push(ImportedArticle {
            id,
            path: loaded.place.clone(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            event,
        });
    }
    crate::schema::index_for_search(&transaction, &inserted)?;
    transaction.commit()?;
    // Articles brought back from the trash are not in the index: it is kept only without them.
    if !restored_any {
        index.keep(connection, cached);
    }
    Ok(())
}

/// Stores the alignment corrections of the loaded lines whose two articles the library holds
/// (loaded now or before), replacing a correction of the same two sentences.
fn load_overrides(
    connection: &Connection,
    lines: &[(String, Vec<DumpedOverride>)],
) -> Result<(), Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    for (hash, overrides) in lines {
        for o in overrides {
            let (mine, theirs) = (
                (hash.as_str(), o.sentence),
                (o.other.as_str(), o.other_sentence),
            );
            let ((lh, ls), (rh, rs)) = if mine.0 < theirs.0 {
                (mine, theirs)
            } else {
                (theirs, mine)
            };
            if lh == rh {
                continue;
            }
            transaction.execute(
                "INSERT INTO alignment_overrides (left_hash, left_sentence, right_hash, right_sentence, linked)
                 SELECT ?1, ?2, ?3, ?4, ?5
                 WHERE (EXISTS (SELECT 1 FROM articles WHERE content_hash = ?1) OR EXISTS (SELECT 1 FROM trash WHERE content_hash = ?1))
                   AND (EXISTS (SELECT 1 FROM articles WHERE content_hash = ?3) OR EXISTS (SELECT 1 FROM trash WHERE content_hash = ?3))
                 ON CONFLICT DO UPDATE SET linked = excluded.linked",
                params![lh, ls as i64, rh, rs as i64, o.linked],
            )?;
        }
    }
    transaction.commit()?;
    Ok(())
}

/// Reads one line: a JSON object with at least a headline and a text, its date ISO 8601.
fn read_line(line: &str) -> Result<DumpedArticle, String> {
    let article: DumpedArticle =
        serde_json::from_str(line).map_err(|e| format!("not an exported article: {e}"))?;
    checked(article)
}

/// Reads one record's fields, as [`read_line`] reads a line.
fn read_object(
    fields: serde_json::Map<String, serde_json::Value>,
) -> Result<DumpedArticle, String> {
    let article: DumpedArticle = serde_json::from_value(serde_json::Value::Object(fields))
        .map_err(|e| format!("not an exported article: {e}"))?;
    checked(article)
}

/// The article with its headline trimmed, if it has a headline, a text, a date Parallax
/// reads and no empty tag.
fn checked(mut article: DumpedArticle) -> Result<DumpedArticle, String> {
    article.title = article.title.trim().to_string();
    if article.title.is_empty() {
        return Err("the article has no headline".into());
    }
    if article.text.trim().is_empty() {
        return Err("the article has no text".into());
    }
    if let Some(date) = &article.published {
        edits::check_published(date).map_err(|e| e.to_string())?;
    }
    if article.tags.iter().any(|t| t.trim().is_empty()) {
        return Err("a tag is empty".into());
    }
    Ok(article)
}

/// The event of this name (the oldest, if several have it), or a new one.
fn event_named(connection: &Connection, title: &str, named_by_user: bool) -> Result<i64, Error> {
    let found: Option<i64> = connection
        .query_row(
            "SELECT id FROM events WHERE title = ?1 ORDER BY id LIMIT 1",
            [title],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(event) = found {
        return Ok(event);
    }
    let event = events::create(connection, title)?;
    if named_by_user {
        connection.execute("UPDATE events SET named_by_user = 1 WHERE id = ?1", [event])?;
    }
    Ok(event)
}
