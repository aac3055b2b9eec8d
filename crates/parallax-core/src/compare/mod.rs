//! Comparison of two or more articles: sentence alignment, word differences, shared passages
//! and conflicting facts.

use serde::{Deserialize, Serialize};

mod align;
mod conflicts;
mod coverage;
mod diff;
mod disjoint_sets;
mod disputes;
mod groups;
mod index;
mod overrides;
mod passages;
mod quotes;
mod things;

pub use coverage::{statements, Coverage, SentenceRef, Statement};
pub use diff::word_diff;
pub use disputes::{DisputedFact, DisputedValue};
pub use groups::{coverage_by_group, GroupCoverage, GroupShare, GroupStatement};
pub use overrides::{AlignmentOverride, PairCorrections, USER_ALIGNMENT_SCORE};
pub use quotes::{find_quotes, Quote, QuoteLink};

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
    /// The direct quotations of each article, in the order the articles were given.
    pub quotes: Vec<Vec<Quote>>,
    /// The same quotation in two articles (conflicting wording is also in the pair's conflicts).
    pub quote_links: Vec<QuoteLink>,
    /// The pairs' conflicts gathered per fact: each value once, with the articles that give it.
    pub disputed_facts: Vec<DisputedFact>,
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
    /// Share of the left article's words inside shared passages, from 0 to 1.
    pub left_copied_share: f64,
    /// Share of the right article's words inside shared passages, from 0 to 1.
    pub right_copied_share: f64,
    /// Facts the two articles state differently.
    pub conflicts: Vec<Conflict>,
}

/// One or two sentences of the left article matched with one or two of the right. A sentence
/// is in two alignments of a pair when the other article tells it twice (in two sentences, or
/// once more further down): each of the two is matched with it in an alignment of its own.
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
    /// True when a person linked these sentences ([`compare_corrected`]), not the engine.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_user: bool,
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
    /// The article (`left` or `right` of the pair) published first, when the two dates tell
    /// ([`crate::timeline::mark_copy_direction`]): the likely source of the copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<usize>,
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
///
/// Each article is read once (sentences, words, weighted terms); every pair is then aligned,
/// diffed, searched for shared passages and conflicts, and the alignments of all pairs give
/// each sentence its support.
pub fn compare(texts: &[&str]) -> Comparison {
    compare_corrected(texts, &[])
}

/// [`compare`] with a person's corrections of the alignment applied where each pair is aligned,
/// so conflicts, similarity and coverage all follow the corrected alignment.
pub fn compare_corrected(texts: &[&str], corrections: &[PairCorrections]) -> Comparison {
    compare_with_progress(texts, corrections, &mut |_, _| true)
        .expect("a comparison no one stops runs to the end")
}

/// [`compare_corrected`], telling `progress` how far it is after each step (`done` of `total`:
/// reading each article, then comparing each pair), for a front end that shows it. `progress`
/// answers whether to go on: `false` stops the comparison, which then returns `None`.
pub fn compare_with_progress(
    texts: &[&str],
    corrections: &[PairCorrections],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<Comparison> {
    let pair_count = texts.len() * texts.len().saturating_sub(1) / 2;
    let total = texts.len() + pair_count;
    let mut done = 0;
    let mut step = |progress: &mut dyn FnMut(usize, usize) -> bool| {
        done += 1;
        progress(done, total)
    };
    // Each article is read once here; every pair and the coverage use these readings.
    let mut sentences: Vec<Vec<Sentence>> = Vec::with_capacity(texts.len());
    let mut facts: Vec<Vec<conflicts::Fact>> = Vec::with_capacity(texts.len());
    let mut found = Vec::with_capacity(texts.len());
    let mut quotes: Vec<Vec<Quote>> = Vec::with_capacity(texts.len());
    for text in texts {
        let read = text::split_sentences(text);
        if texts.len() > 1 {
            facts.push(conflicts::facts_of(&read));
        }
        let named = entities::find_entities(text);
        quotes.push(quotes::find_quotes_naming(text, &read, &named));
        sentences.push(read);
        found.push(named);
        if !step(progress) {
            return None;
        }
    }
    let mut index = index::Index::build(texts, &sentences);
    // Who each sentence quotes or reports, so that alignment reads what is said apart from who
    // says it.
    for (k, read) in sentences.iter().enumerate() {
        index.attribute(k, &quotes::sentence_speakers(read, &quotes[k], &found[k]));
    }
    let mut diff_tokens = diff::DiffTokens::new(&sentences);
    let quote_refs: Vec<&[Quote]> = quotes.iter().map(Vec::as_slice).collect();
    let quote_words = quotes::QuoteWords::of_articles(&quote_refs);
    let mut pairs = Vec::new();
    let mut quote_links = Vec::new();
    for left in 0..texts.len() {
        for right in left + 1..texts.len() {
            let mut pair = compare_pair(
                &index,
                &mut diff_tokens,
                &facts,
                texts,
                &sentences,
                &overrides::corrections_of(corrections, left, right),
                (left, right),
            );
            let (links, conflicts) = quotes::link_quote_words(
                left,
                right,
                &quotes[left],
                &quotes[right],
                &quote_words[left],
                &quote_words[right],
            );
            pair.conflicts.extend(conflicts);
            quote_links.extend(links);
            pairs.push(pair);
            if !step(progress) {
                return None;
            }
        }
    }
    let counts: Vec<usize> = sentences.iter().map(Vec::len).collect();
    let coverage = Coverage::from_pairs(&counts, &pairs);
    Some(Comparison {
        disputed_facts: disputes::disputed_facts(&pairs, &facts),
        sentences,
        pairs,
        entities: entities::resolve_across(&found),
        coverage,
        quotes,
        quote_links,
    })
}

fn compare_pair(
    index: &index::Index,
    diff_tokens: &mut diff::DiffTokens,
    facts: &[Vec<conflicts::Fact>],
    texts: &[&str],
    sentences: &[Vec<Sentence>],
    overrides: &[AlignmentOverride],
    (left, right): (usize, usize),
) -> PairComparison {
    let (a, b) = (&sentences[left], &sentences[right]);
    let engine: Vec<Alignment> = align::align_sentences(index, left, right)
        .into_iter()
        .map(|m| {
            let old = diff_tokens.of_sentences(left, &m.left);
            let new = diff_tokens.of_sentences(right, &m.right);
            let diff = diff::token_diff(
                &old,
                &diff_tokens.texts(&old),
                &new,
                &diff_tokens.texts(&new),
            );
            Alignment {
                left: m.left,
                right: m.right,
                score: m.score,
                diff,
                by_user: false,
            }
        })
        .collect();
    let alignments = overrides::correct_alignments(engine, a, b, overrides);
    let conflicts = conflicts::find_conflicts_in(&facts[left], &facts[right], &alignments);
    let passages =
        passages::shared_passages(texts[left], &index.articles[left], &index.articles[right]);

    let (mut covered_left, mut covered_right) = (vec![false; a.len()], vec![false; b.len()]);
    for alignment in &alignments {
        alignment.left.iter().for_each(|&i| covered_left[i] = true);
        alignment
            .right
            .iter()
            .for_each(|&j| covered_right[j] = true);
    }
    PairComparison {
        left,
        right,
        similarity: similarity(a, b, &alignments),
        left_only: (0..a.len()).filter(|&i| !covered_left[i]).collect(),
        right_only: (0..b.len()).filter(|&j| !covered_right[j]).collect(),
        alignments,
        shared_passages: passages.passages,
        left_copied_share: passages.left_copied_share,
        right_copied_share: passages.right_copied_share,
        conflicts,
    }
}

/// How much of both articles is aligned, weighted by sentence length and alignment score: 1 for
/// the same text twice, 0 for articles with nothing in common. A sentence in two alignments
/// counts once, at the better score.
fn similarity(a: &[Sentence], b: &[Sentence], alignments: &[Alignment]) -> f64 {
    let length = |s: &Sentence| (s.end - s.start) as f64;
    let total: f64 = a.iter().chain(b).map(length).sum();
    if total == 0.0 {
        return 0.0;
    }
    let (mut left, mut right) = (vec![0.0f64; a.len()], vec![0.0f64; b.len()]);
    for al in alignments {
        al.left
            .iter()
            .for_each(|&i| left[i] = left[i].max(al.score));
        al.right
            .iter()
            .for_each(|&j| right[j] = right[j].max(al.score));
    }
    let aligned: f64 = a
        .iter()
        .zip(&left)
        .chain(b.iter().zip(&right))
        .map(|(s, score)| length(s) * score)
        .sum();
    aligned / total
}
