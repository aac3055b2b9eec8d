//! A person's alignment corrections, stored and loaded here; the engine applies them where it
//! aligns the two articles ([`parallax_core::compare::compare_corrected`]).
//!
//! A correction names each article by its content hash, not its id, so it stays with the text
//! through the trash and a JSON Lines round trip.

use parallax_core::compare::{AlignmentOverride, PairCorrections};
use parallax_core::text::{split_sentences, Sentence};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::Error;

/// One sentence of a library article: its id and its index in the comparison's `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSentence {
    /// The article's library id.
    pub article: i64,
    /// The sentence's index.
    pub sentence: usize,
}

/// A correction as the library keeps it, told from the side of the articles asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceOverride {
    /// The first article's sentence.
    pub left: ArticleSentence,
    /// The second article's sentence.
    pub right: ArticleSentence,
    /// True for a link (they say the same), false for an unlink (they do not).
    pub linked: bool,
    /// The first sentence's text.
    pub left_text: String,
    /// The second sentence's text.
    pub right_text: String,
}

/// An article as corrections see it: its content hash and sentences.
struct Side {
    id: i64,
    hash: String,
    sentences: Vec<Sentence>,
}

fn side(connection: &Connection, id: i64) -> Result<Side, Error> {
    let (hash, text) = crate::articles::hash_and_text(connection, id)?;
    Ok(Side {
        id,
        hash,
        sentences: split_sentences(&text),
    })
}

fn check_sentence(side: &Side, sentence: usize) -> Result<(), Error> {
    if sentence < side.sentences.len() {
        return Ok(());
    }
    Err(Error::NoSuchSentence {
        article: side.id,
        sentence,
        last: side.sentences.len().saturating_sub(1),
    })
}

/// The stored orientation: the article with the smaller content hash on the left.
fn stored_order<'a>(
    a: (&'a Side, usize),
    b: (&'a Side, usize),
) -> ((&'a str, usize), (&'a str, usize)) {
    let (a, b) = if a.0.hash < b.0.hash { (a, b) } else { (b, a) };
    ((a.0.hash.as_str(), a.1), (b.0.hash.as_str(), b.1))
}

/// Records a link (`linked`) or an unlink of two sentences, replacing any correction of the
/// same two sentences; returns the corrections of the pair.
pub(crate) fn set(
    connection: &Connection,
    a: ArticleSentence,
    b: ArticleSentence,
    linked: bool,
) -> Result<Vec<SentenceOverride>, Error> {
    if a.article == b.article {
        return Err(Error::SameArticle(a.article));
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let (left, right) = (
        side(&transaction, a.article)?,
        side(&transaction, b.article)?,
    );
    check_sentence(&left, a.sentence)?;
    check_sentence(&right, b.sentence)?;
    let ((lh, ls), (rh, rs)) = stored_order((&left, a.sentence), (&right, b.sentence));
    transaction.execute(
        "INSERT INTO alignment_overrides (left_hash, left_sentence, right_hash, right_sentence, linked)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT DO UPDATE SET linked = excluded.linked, created = excluded.created",
        params![lh, ls as i64, rh, rs as i64, linked],
    )?;
    let listed = list_of(&transaction, &left, &right)?;
    transaction.commit()?;
    Ok(listed)
}

/// Removes the correction of two sentences; returns whether there was one.
pub(crate) fn remove(
    connection: &Connection,
    a: ArticleSentence,
    b: ArticleSentence,
) -> Result<bool, Error> {
    let (left, right) = (side(connection, a.article)?, side(connection, b.article)?);
    let ((lh, ls), (rh, rs)) = stored_order((&left, a.sentence), (&right, b.sentence));
    let removed = connection.execute(
        "DELETE FROM alignment_overrides WHERE left_hash = ?1 AND left_sentence = ?2 AND right_hash = ?3 AND right_sentence = ?4",
        params![lh, ls as i64, rh, rs as i64],
    )?;
    Ok(removed > 0)
}

/// Removes every correction of two articles' alignment; returns how many there were.
pub(crate) fn clear(connection: &Connection, a: i64, b: i64) -> Result<usize, Error> {
    let (left, right) = (side(connection, a)?, side(connection, b)?);
    let (lh, rh) = ordered_hashes(&left, &right);
    Ok(connection.execute(
        "DELETE FROM alignment_overrides WHERE left_hash = ?1 AND right_hash = ?2",
        [lh, rh],
    )?)
}

fn ordered_hashes<'a>(a: &'a Side, b: &'a Side) -> (&'a str, &'a str) {
    if a.hash < b.hash {
        (&a.hash, &b.hash)
    } else {
        (&b.hash, &a.hash)
    }
}

/// The corrections of two articles' alignment, told with `a` first, in sentence order.
pub(crate) fn list(
    connection: &Connection,
    a: i64,
    b: i64,
) -> Result<Vec<SentenceOverride>, Error> {
    let (left, right) = (side(connection, a)?, side(connection, b)?);
    list_of(connection, &left, &right)
}

fn list_of(connection: &Connection, a: &Side, b: &Side) -> Result<Vec<SentenceOverride>, Error> {
    let text = |side: &Side, i: usize| {
        side.sentences
            .get(i)
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    let mut listed: Vec<SentenceOverride> = stored(connection, &a.hash, &b.hash)?
        .into_iter()
        .map(|o| SentenceOverride {
            left: ArticleSentence {
                article: a.id,
                sentence: o.left,
            },
            right: ArticleSentence {
                article: b.id,
                sentence: o.right,
            },
            linked: o.linked,
            left_text: text(a, o.left),
            right_text: text(b, o.right),
        })
        .collect();
    listed.sort_by_key(|o| (o.left.sentence, o.right.sentence));
    Ok(listed)
}

/// The stored corrections of the texts hashed `a` and `b`, oriented with `a` on the left.
fn stored(connection: &Connection, a: &str, b: &str) -> Result<Vec<AlignmentOverride>, Error> {
    let flipped = b < a;
    let (lh, rh) = if flipped { (b, a) } else { (a, b) };
    let overrides = connection
        .prepare_cached(
            "SELECT left_sentence, right_sentence, linked FROM alignment_overrides
             WHERE left_hash = ?1 AND right_hash = ?2 ORDER BY created, left_sentence, right_sentence",
        )?
        .query_map([lh, rh], |row| {
            let (l, r): (i64, i64) = (row.get(0)?, row.get(1)?);
            let (left, right) = if flipped { (r, l) } else { (l, r) };
            Ok(AlignmentOverride {
                left: left as usize,
                right: right as usize,
                linked: row.get(2)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(overrides)
}

/// The corrections of every pair of compared articles that come from the library (`ids[k]` is
/// article `k`'s library id, if it has one), for the engine to apply.
pub(crate) fn load(
    connection: &Connection,
    ids: &[Option<i64>],
) -> Result<Vec<PairCorrections>, Error> {
    let mut hashes: Vec<Option<String>> = Vec::with_capacity(ids.len());
    for id in ids {
        hashes.push(match id {
            Some(id) => Some(crate::articles::content_hash(connection, *id)?),
            None => None,
        });
    }
    let mut corrections = Vec::new();
    for (left, a) in hashes.iter().enumerate() {
        for (right, b) in hashes.iter().enumerate().skip(left + 1) {
            let (Some(a), Some(b)) = (a, b) else { continue };
            let overrides = stored(connection, a, b)?;
            if !overrides.is_empty() {
                corrections.push(PairCorrections {
                    left,
                    right,
                    overrides,
                });
            }
        }
    }
    Ok(corrections)
}

/// Removes the corrections of texts neither the library nor its trash holds; returns how many.
pub(crate) fn forget_orphans(connection: &Connection) -> Result<usize, Error> {
    Ok(connection.execute(
        "DELETE FROM alignment_overrides
         WHERE NOT EXISTS (SELECT 1 FROM articles WHERE content_hash = left_hash)
               AND NOT EXISTS (SELECT 1 FROM trash WHERE content_hash = left_hash)
            OR NOT EXISTS (SELECT 1 FROM articles WHERE content_hash = right_hash)
               AND NOT EXISTS (SELECT 1 FROM trash WHERE content_hash = right_hash)",
        [],
    )?)
}
