//! Shared passages: runs of words two articles share word for word, as wire copy leaves them.
//!
//! Words are compared folded (case and quote style ignored); punctuation and dashes between
//! them are not compared at all. Every run of [`PASSAGE_MIN_WORDS`] words is hashed once per
//! article; a run of the right article whose hash the left one knows is checked word by word and
//! grown to its full length, so only real matches are ever reported.

use super::index::{gram_hash, IndexedArticle, Word, PASSAGE_MIN_WORDS};
use super::{SharedPassage, Span};

/// Chains longer than this (a phrase repeated throughout an article) are not followed further.
const CHAIN_MAX: usize = 16;

/// The passages two articles share, and for each article the share of its words inside them.
pub(super) struct Passages {
    pub passages: Vec<SharedPassage>,
    pub left_copied_share: f64,
    pub right_copied_share: f64,
}

/// Finds the maximal runs of at least [`PASSAGE_MIN_WORDS`] words both articles share.
/// Passages never overlap one another in either article; longer runs win.
pub(super) fn shared_passages(left_text: &str, a: &IndexedArticle, b: &IndexedArticle) -> Passages {
    let (l, r) = (&a.words, &b.words);
    let grams = a.grams();
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for q in 0..r.len().saturating_sub(PASSAGE_MIN_WORDS - 1) {
        let Some(&first) = grams.first.get(&gram_hash(&r[q..])) else {
            continue;
        };
        let mut p = first;
        let mut followed = 0;
        while p != u32::MAX && followed < CHAIN_MAX {
            let start = p as usize;
            p = grams.next[start];
            followed += 1;
            // Inside a run found from an earlier position: not a start.
            if start > 0 && q > 0 && l[start - 1].form == r[q - 1].form {
                continue;
            }
            let length = common_length(&l[start..], &r[q..]);
            if length >= PASSAGE_MIN_WORDS {
                runs.push((start, q, length));
            }
        }
    }

    runs.sort_by_key(|&(p, q, length)| (std::cmp::Reverse(length), p, q));
    let mut taken_left = vec![false; l.len()];
    let mut taken_right = vec![false; r.len()];
    let mut kept = Vec::new();
    for (p, q, length) in runs {
        if taken_left[p..p + length].iter().any(|&t| t)
            || taken_right[q..q + length].iter().any(|&t| t)
        {
            continue;
        }
        taken_left[p..p + length].iter_mut().for_each(|t| *t = true);
        taken_right[q..q + length]
            .iter_mut()
            .for_each(|t| *t = true);
        kept.push((p, q, length));
    }
    kept.sort_unstable();

    let left_chars = CharIndex::new(left_text);
    let passages = kept
        .into_iter()
        .map(|(p, q, length)| {
            let left = span(&l[p..p + length]);
            SharedPassage {
                text: left_chars.slice(left).to_string(),
                words: length,
                left,
                right: span(&r[q..q + length]),
                earlier: None,
            }
        })
        .collect();
    Passages {
        passages,
        left_copied_share: share(&taken_left),
        right_copied_share: share(&taken_right),
    }
}

fn common_length(x: &[Word], y: &[Word]) -> usize {
    x.iter()
        .zip(y)
        .take_while(|(u, v)| u.form == v.form)
        .count()
}

fn span(words: &[Word]) -> Span {
    Span {
        start: words[0].start as usize,
        end: words[words.len() - 1].end as usize,
    }
}

fn share(taken: &[bool]) -> f64 {
    if taken.is_empty() {
        0.0
    } else {
        taken.iter().filter(|&&t| t).count() as f64 / taken.len() as f64
    }
}

/// Maps character offsets of a text to byte offsets, for texts that are not all ASCII.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of every character, when the text is not ASCII.
    bytes: Option<Vec<usize>>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> CharIndex<'a> {
        let bytes = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        CharIndex { text, bytes }
    }

    fn slice(&self, span: Span) -> &'a str {
        match &self.bytes {
            None => &self.text[span.start..span.end],
            Some(bytes) => &self.text[bytes[span.start]..bytes[span.end]],
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::compare::compare;

    #[test]
    fn a_phrase_repeated_in_one_article_is_shared_once() {
        let phrase = "the council voted to close the old harbour bridge to lorries";
        let left = format!("On Tuesday {phrase}. Later {phrase} again.");
        let right = format!("Reports say {phrase}.");
        let comparison = compare(&[&left, &right]);
        let passages = &comparison.pairs[0].shared_passages;
        assert_eq!(passages.len(), 1, "{passages:?}");
        assert_eq!(passages[0].text, phrase);
        assert_eq!(passages[0].words, 11);
        assert!((comparison.pairs[0].right_copied_share - 11.0 / 13.0).abs() < 1e-9);
    }
}
