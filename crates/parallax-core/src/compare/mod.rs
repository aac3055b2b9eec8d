//! Comparison of two or more articles: sentence alignment, word differences, shared passages
//! and conflicting facts.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

mod conflicts;

use crate::entities::{self, ResolvedEntity};
use crate::text::{self, Sentence};

/// Everything Parallax finds when it compares articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The sentences of each article, in the order the articles were given.
    pub sentences: Vec<Vec<Sentence>>,
    /// One entry for every pair of articles (`left < right`).
    pub pairs: Vec<PairComparison>,
    /// The entities of all articles, resolved across them.
    pub entities: Vec<ResolvedEntity>,
    /// For every sentence, which other articles say the same.
    pub coverage: Coverage,
}

/// Which articles report each sentence: the N-way view of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// `support[a][s]` lists the other articles with a sentence aligned to sentence `s` of
    /// article `a`, in increasing order.
    pub support: Vec<Vec<Vec<usize>>>,
}

impl Coverage {
    fn from_pairs(sentences: &[Vec<Sentence>], pairs: &[PairComparison]) -> Coverage {
        let mut support: Vec<Vec<Vec<usize>>> =
            sentences.iter().map(|s| vec![Vec::new(); s.len()]).collect();
        for pair in pairs {
            for alignment in &pair.alignments {
                for &i in &alignment.left {
                    support[pair.left][i].push(pair.right);
                }
                for &j in &alignment.right {
                    support[pair.right][j].push(pair.left);
                }
            }
        }
        for article in &mut support {
            for others in article.iter_mut() {
                others.sort_unstable();
                others.dedup();
            }
        }
        Coverage { support }
    }
}

/// How two articles relate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairComparison {
    /// Index of the left article.
    pub left: usize,
    /// Index of the right article.
    pub right: usize,
    /// How alike the two articles are overall, from 0 to 1.
    pub similarity: f64,
    /// Sentences of the left article matched with sentences of the right one.
    pub alignments: Vec<Alignment>,
    /// Left sentences that no right sentence covers.
    pub left_only: Vec<usize>,
    /// Right sentences that no left sentence covers.
    pub right_only: Vec<usize>,
    /// Runs of words both articles share word for word.
    pub shared_passages: Vec<SharedPassage>,
    /// Facts the two articles state differently.
    pub conflicts: Vec<Conflict>,
}

/// One or two sentences of the left article matched with one or two of the right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Indices of the left article's sentences.
    pub left: Vec<usize>,
    /// Indices of the right article's sentences.
    pub right: Vec<usize>,
    /// How alike the matched sentences are, from 0 to 1.
    pub score: f64,
    /// Word-level differences from the left text to the right text.
    pub diff: Vec<DiffRun>,
}

/// What a run of a word diff does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both texts.
    Equal,
    /// Only in the right text.
    Insert,
    /// Only in the left text.
    Delete,
}

/// A run of text with one diff operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffRun {
    /// What the run does.
    pub op: DiffOp,
    /// The run's text, spaces included.
    pub text: String,
}

/// A character span `[start, end)` in an article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// A run of words two articles share word for word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// The passage as the left article writes it.
    pub text: String,
    /// How many words it has.
    pub words: usize,
    /// Where it stands in the left article.
    pub left: Span,
    /// Where it stands in the right article.
    pub right: Span,
}

/// The same fact stated differently by two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// What kind of fact: `money`, `number`, `percent`, `date`, `weekday`, `year`, `quote`...
    pub kind: String,
    /// The value as the left article states it.
    pub left: String,
    /// The value as the right article states it.
    pub right: String,
    /// The left sentence that states it.
    pub left_sentence: usize,
    /// The right sentence that states it.
    pub right_sentence: usize,
}

/// Compares every pair of the given article texts.
pub fn compare(texts: &[&str]) -> Comparison {
    let sentences: Vec<Vec<Sentence>> = texts.iter().map(|t| text::split_sentences(t)).collect();
    let mut pairs = Vec::new();
    for left in 0..texts.len() {
        for right in left + 1..texts.len() {
            pairs.push(compare_pair(left, right, &sentences[left], &sentences[right]));
        }
    }
    let found: Vec<_> = texts.iter().map(|t| entities::find_entities(t)).collect();
    let coverage = Coverage::from_pairs(&sentences, &pairs);
    Comparison { sentences, pairs, entities: entities::resolve_across(&found), coverage }
}

fn compare_pair(left: usize, right: usize, a: &[Sentence], b: &[Sentence]) -> PairComparison {
    let words_a: Vec<HashSet<String>> = a.iter().map(|s| content_words(&s.text)).collect();
    let words_b: Vec<HashSet<String>> = b.iter().map(|s| content_words(&s.text)).collect();
    let mut candidates = Vec::new();
    for (i, wa) in words_a.iter().enumerate() {
        for (j, wb) in words_b.iter().enumerate() {
            let score = jaccard(wa, wb);
            if score >= 0.3 {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let mut alignments = Vec::new();
    for (score, i, j) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        alignments.push(Alignment { left: vec![i], right: vec![j], score, diff: word_diff(&a[i].text, &b[j].text) });
    }
    alignments.sort_by_key(|al| al.left[0]);
    let conflicts = conflicts::find_conflicts(a, b, &alignments);
    let covered = alignments.len() * 2;
    let total = (a.len() + b.len()).max(1);
    PairComparison {
        left,
        right,
        similarity: covered as f64 / total as f64,
        alignments,
        left_only: (0..a.len()).filter(|&i| !used_a[i]).collect(),
        right_only: (0..b.len()).filter(|&j| !used_b[j]).collect(),
        shared_passages: Vec::new(),
        conflicts,
    }
}

fn content_words(sentence: &str) -> HashSet<String> {
    use unicode_segmentation::UnicodeSegmentation;
    text::normalize(sentence).unicode_words().map(str::to_string).collect()
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    if all == 0 { 0.0 } else { shared as f64 / all as f64 }
}

/// Word-level differences from one text to another, as runs of equal, inserted and deleted text.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffRun> {
    let diff = TextDiff::from_words(left, right);
    let mut runs: Vec<DiffRun> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Insert => DiffOp::Insert,
            ChangeTag::Delete => DiffOp::Delete,
        };
        match runs.last_mut() {
            Some(run) if run.op == op => run.text.push_str(change.value()),
            _ => runs.push(DiffRun { op, text: change.value().to_string() }),
        }
    }
    runs
}
