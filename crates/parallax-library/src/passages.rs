//! Passages a text-reuse tool found shared between articles: passim's clusters, imported from
//! its output and kept with the articles they were found in.
//!
//! passim writes one JSON record per reused passage: `cluster` (the cluster's id), `size` (its
//! passages), `id` and `series` (the document, as it was given), `begin` and `end` (where the
//! passage lies in the document's text) and `text` (the passage), with every other field of its
//! input echoed. A record is matched to an article by `content_hash` (which `dump --format
//! passim` writes, so a cluster finds its article in any library holding that text), else by
//! `id` as a library id. Each passage is kept by the article's content hash, as notes are, so
//! it follows the text through the trash and a dump and load; its span is character offsets
//! into the article's text, checked against the text passim quotes (passim reads its input
//! as XML and may shift offsets): where the quote is found elsewhere in the text, that span is
//! kept instead.

use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::Error;

/// A shared passage as a dump carries it, on its article's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpedPassage {
    /// The cluster it belongs to (passim's id, as text).
    pub cluster: String,
    /// How many passages the cluster had, as passim counted.
    #[serde(default)]
    pub size: Option<i64>,
    /// Character offset of the passage's first character in the article's text.
    pub start: usize,
    /// Character offset one past its last character.
    pub end: usize,
    /// The passage, as the tool quoted it.
    pub text: String,
    /// The tool that found it (`passim`).
    #[serde(default = "passim")]
    pub source: String,
}

fn passim() -> String {
    "passim".into()
}

/// What an import of passim's output did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageImport {
    /// Passages stored now.
    pub imported: usize,
    /// Passages the library already held (the same cluster, article and span).
    pub already_held: usize,
    /// Clusters the library holds after the import.
    pub clusters: usize,
    /// Records whose document is no article of the library.
    pub unmatched: Vec<UnmatchedPassage>,
    /// Records that are not passim's passages (`file:line` and why).
    pub failed: Vec<crate::FailedFile>,
}

/// A passage whose document the library does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnmatchedPassage {
    /// Where it was read (`file:line`).
    pub path: String,
    /// The document's id, as passim gave it.
    pub id: String,
    /// Its cluster.
    pub cluster: String,
}

/// A cluster of passages the library holds, with the articles they are in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReuseCluster {
    /// The cluster's id, as the tool gave it.
    pub cluster: String,
    /// How many passages the tool counted in it (some may be in articles not held).
    pub size: Option<i64>,
    /// The tool that found it.
    pub source: String,
    /// Its passages in articles of the library, earliest published first (undated last).
    pub passages: Vec<ReusedPassage>,
}

/// One passage of a cluster, in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReusedPassage {
    /// The article's library id.
    pub article: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication date.
    pub published: Option<String>,
    /// Character offset of the passage in the article's text.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
    /// The passage, as the tool quoted it.
    pub text: String,
}

/// One record of passim's output, as far as Parallax reads it.
#[derive(Deserialize)]
struct PassimRecord {
    cluster: serde_json::Value,
    #[serde(default)]
    size: Option<i64>,
    id: serde_json::Value,
    begin: usize,
    end: usize,
    text: String,
    #[serde(default)]
    content_hash: Option<String>,
}

/// A JSON id (a string or a number) as text.
fn id_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Imports passim's output: JSON Lines, one reused passage a line.
pub(crate) fn import_passim(
    connection: &Connection,
    input: &mut dyn BufRead,
    source: &str,
) -> Result<PassageImport, Error> {
    let mut report = PassageImport::default();
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let mut texts: HashMap<String, Option<(String, String)>> = HashMap::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Error::File {
            action: "read",
            path: source.into(),
            detail: e.to_string(),
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("{source}:{}", n + 1);
        let record: PassimRecord = match serde_json::from_str(&line) {
            Ok(record) => record,
            Err(e) => {
                report.failed.push(crate::FailedFile {
                    path: place,
                    error: format!("not a passage of passim's output: {e}"),
                });
                continue;
            }
        };
        let (Some(cluster), Some(id)) = (id_text(&record.cluster), id_text(&record.id)) else {
            report.failed.push(crate::FailedFile {
                path: place,
                error: "a passage's cluster and id are a string or a number".into(),
            });
            continue;
        };
        let key = format!(
            "{}\u{0}{id}",
            record.content_hash.clone().unwrap_or_default()
        );
        if !texts.contains_key(&key) {
            let found = article_text(&transaction, record.content_hash.as_deref(), &id)?;
            texts.insert(key.clone(), found);
        }
        let Some((hash, text)) = texts[&key].as_ref() else {
            report.unmatched.push(UnmatchedPassage {
                path: place,
                id,
                cluster,
            });
            continue;
        };
        let (start, end) = locate(text, &record.text, record.begin, record.end);
        let added = transaction
            .prepare_cached(
                "INSERT OR IGNORE INTO reuse_passages (cluster, cluster_size, article_hash, start_char, end_char, text, source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'passim')",
            )?
            .execute(params![cluster, record.size, hash, start as i64, end as i64, record.text])?;
        if added == 1 {
            report.imported += 1;
        } else {
            report.already_held += 1;
        }
    }
    report.clusters = transaction.query_row(
        "SELECT count(DISTINCT cluster) FROM reuse_passages",
        [],
        |row| row.get::<_, i64>(0),
    )? as usize;
    transaction.commit()?;
    Ok(report)
}

/// The content hash and text of the article a record names: by content hash when the library
/// holds that text (in the list or the trash), else by library id.
fn article_text(
    connection: &Connection,
    hash: Option<&str>,
    id: &str,
) -> Result<Option<(String, String)>, Error> {
    if let Some(hash) = hash {
        let found = connection
            .query_row(
                "SELECT content_hash, text FROM articles WHERE content_hash = ?1
                 UNION ALL SELECT content_hash, text FROM trash WHERE content_hash = ?1 LIMIT 1",
                [hash],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    let Ok(id) = id.trim().parse::<i64>() else {
        return Ok(None);
    };
    Ok(connection
        .query_row(
            "SELECT content_hash, text FROM articles WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// Where `quote` lies in `text`, in characters: passim's span when the text there is the quote
/// (spaces aside), else the occurrence of the quote nearest to it, else passim's span cut to
/// the text.
fn locate(text: &str, quote: &str, begin: usize, end: usize) -> (usize, usize) {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    let wanted = squeeze(quote);
    let (begin, end) = (begin.min(chars.len()), end.min(chars.len()));
    let there: String = chars[begin..end.max(begin)].iter().collect();
    if squeeze(&there) == wanted {
        return (begin, end.max(begin));
    }
    let trimmed = quote.trim();
    if !trimmed.is_empty() {
        let length = trimmed.chars().count();
        let nearest = text
            .match_indices(trimmed)
            .map(|(byte, _)| text[..byte].chars().count())
            .min_by_key(|start| start.abs_diff(begin));
        if let Some(start) = nearest {
            return (start, start + length);
        }
    }
    (begin, end.max(begin))
}

/// The clusters the library holds, each with its passages in articles of the list (the trash
/// left out); only those with a passage in one of `articles` when given. Ordered by cluster.
pub(crate) fn clusters(
    connection: &Connection,
    articles: Option<&[i64]>,
) -> Result<Vec<ReuseCluster>, Error> {
    for &id in articles.unwrap_or_default() {
        crate::articles::require(connection, id)?;
    }
    let articles = articles.map(|ids| serde_json::to_string(ids).expect("numbers serialise"));
    let mut statement = connection.prepare(
        "SELECT p.cluster, p.cluster_size, p.source, a.id, a.title, a.outlet, a.published,
                p.start_char, p.end_char, p.text
         FROM reuse_passages p JOIN articles a ON a.content_hash = p.article_hash
         WHERE ?1 IS NULL OR p.cluster IN (
             SELECT q.cluster FROM reuse_passages q JOIN articles b ON b.content_hash = q.article_hash
             WHERE b.id IN (SELECT value FROM json_each(?1)))
         ORDER BY p.cluster, a.published IS NULL, a.published, a.id, p.start_char",
    )?;
    let mut by_cluster: BTreeMap<String, ReuseCluster> = BTreeMap::new();
    let rows = statement.query_map([articles], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, Option<i64>>(1)?,
            row.get::<_, String>(2)?,
            ReusedPassage {
                article: row.get(3)?,
                title: row.get(4)?,
                outlet: row.get(5)?,
                published: row.get(6)?,
                start: row.get::<_, i64>(7)? as usize,
                end: row.get::<_, i64>(8)? as usize,
                text: row.get(9)?,
            },
        ))
    })?;
    for row in rows {
        let (cluster, size, source, passage) = row?;
        by_cluster
            .entry(cluster.clone())
            .or_insert_with(|| ReuseCluster {
                cluster,
                size,
                source,
                passages: Vec::new(),
            })
            .passages
            .push(passage);
    }
    let mut clusters: Vec<ReuseCluster> = by_cluster.into_values().collect();
    // passim's cluster ids are numbers: order them as numbers where they are.
    clusters.sort_by(
        |a, b| match (a.cluster.parse::<i128>(), b.cluster.parse::<i128>()) {
            (Ok(x), Ok(y)) => x.cmp(&y),
            _ => a.cluster.cmp(&b.cluster),
        },
    );
    Ok(clusters)
}

/// Forgets the passages of texts the library holds no more (neither listed nor in the trash);
/// returns how many.
pub(crate) fn forget_orphans(connection: &Connection) -> Result<usize, Error> {
    Ok(connection.execute(
        "DELETE FROM reuse_passages
         WHERE NOT EXISTS (SELECT 1 FROM articles WHERE content_hash = article_hash)
           AND NOT EXISTS (SELECT 1 FROM trash WHERE content_hash = article_hash)",
        [],
    )?)
}

/// Every passage of the library by its article's content hash, for a dump.
pub(crate) fn for_dump(
    connection: &Connection,
) -> Result<HashMap<String, Vec<DumpedPassage>>, Error> {
    let mut statement = connection.prepare(
        "SELECT article_hash, cluster, cluster_size, start_char, end_char, text, source
         FROM reuse_passages ORDER BY id",
    )?;
    let mut by_hash: HashMap<String, Vec<DumpedPassage>> = HashMap::new();
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            DumpedPassage {
                cluster: row.get(1)?,
                size: row.get(2)?,
                start: row.get::<_, i64>(3)? as usize,
                end: row.get::<_, i64>(4)? as usize,
                text: row.get(5)?,
                source: row.get(6)?,
            },
        ))
    })?;
    for row in rows {
        let (hash, passage) = row?;
        by_hash.entry(hash).or_default().push(passage);
    }
    Ok(by_hash)
}

/// Stores the passages of loaded lines (the library holds each line's article by now); one
/// already held is left as it is.
pub(crate) fn load(
    connection: &Connection,
    lines: &[(String, Vec<DumpedPassage>)],
) -> Result<(), Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    for (hash, passages) in lines {
        for p in passages {
            transaction
                .prepare_cached(
                    "INSERT OR IGNORE INTO reuse_passages (cluster, cluster_size, article_hash, start_char, end_char, text, source)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )?
                .execute(params![
                    p.cluster,
                    p.size,
                    hash,
                    p.start as i64,
                    p.end as i64,
                    p.text,
                    p.source
                ])?;
        }
    }
    transaction.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn a_span_that_holds_the_quote_is_kept() {
        assert_eq!(
            locate("The storm closed the port.", "closed  the", 10, 20),
            (10, 20)
        );
    }

    #[test]
    fn a_shifted_span_moves_to_the_quote() {
        let text = "Tom & Jerry said the storm closed the port.";
        assert_eq!(locate(text, "closed the port", 31, 46), (27, 42));
    }

    #[test]
    fn a_quote_not_in_the_text_keeps_the_span_cut_to_the_text() {
        assert_eq!(locate("Short text.", "elsewhere", 5, 99), (5, 11));
    }
}
