//! The N-way view of an event: which articles report each sentence, and what all, most or only
//! one of them report.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::disjoint_sets::DisjointSets;
use super::PairComparison;

/// Which articles report each sentence: the N-way view of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    /// `support[a][s]` lists the other articles with a sentence aligned to sentence `s` of
    /// article `a`, in increasing order.
    pub support: Vec<Vec<Vec<usize>>>,
    /// Statements every article makes.
    pub reported_by_all: Vec<Statement>,
    /// Statements more than half of the articles make, but not all (empty for two articles).
    pub reported_by_most: Vec<Statement>,
    /// Sentences no other article says anything like.
    pub reported_by_one: Vec<SentenceRef>,
    /// For each dimension of outlet groups a person set (`leaning`, `country`, ...), what only
    /// one group reports and what every group reports ([`super::coverage_by_group`]). Empty
    /// unless the caller knows the articles' groups.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_group: BTreeMap<String, super::GroupCoverage>,
}

/// One statement of the event as several articles make it: sentences linked by alignment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// The articles that make it, in increasing order.
    pub articles: Vec<usize>,
    /// The sentences that make it, by article then sentence.
    pub sentences: Vec<SentenceRef>,
}

/// One sentence of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SentenceRef {
    /// Index of the article.
    pub article: usize,
    /// Index of the sentence in that article.
    pub sentence: usize,
}

impl Coverage {
    /// Gathers the support of every sentence from the alignments of every pair.
    pub(super) fn from_pairs(sentence_counts: &[usize], pairs: &[PairComparison]) -> Coverage {
        Coverage::with_statements(sentence_counts, pairs).0
    }

    /// The coverage, and every statement at least two articles make.
    fn with_statements(
        sentence_counts: &[usize],
        pairs: &[PairComparison],
    ) -> (Coverage, Vec<Statement>) {
        let articles = sentence_counts.len();
        let mut support: Vec<Vec<Vec<usize>>> = sentence_counts
            .iter()
            .map(|&n| vec![Vec::new(); n])
            .collect();
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
        let offsets = offsets_of(sentence_counts);
        let mut statements = DisjointSets::new(sentence_counts.iter().sum());
        join_aligned(&mut statements, &offsets, pairs);
        for article in &mut support {
            for others in article.iter_mut() {
                others.sort_unstable();
                others.dedup();
            }
        }

        let (groups, reported_by_one) = group_sentences(&support, &offsets, &mut statements);
        let (mut reported_by_all, mut reported_by_most) = (Vec::new(), Vec::new());
        for statement in &groups {
            if statement.articles.len() == articles {
                reported_by_all.push(statement.clone());
            } else if statement.articles.len() * 2 > articles {
                reported_by_most.push(statement.clone());
            }
        }
        let coverage = Coverage {
            support,
            reported_by_all,
            reported_by_most,
            reported_by_one,
            by_group: BTreeMap::new(),
        };
        (coverage, groups)
    }
}

/// Every statement of the compared articles: the sentences aligned with one another as one
/// statement, and each sentence no other article covers as a statement of its own. In reading
/// order of the first article that makes each one; the same alignment the coverage reads.
pub fn statements(sentence_counts: &[usize], pairs: &[PairComparison]) -> Vec<Statement> {
    let (coverage, groups) = Coverage::with_statements(sentence_counts, pairs);
    let mut first_of: Vec<(SentenceRef, Statement)> = groups
        .into_iter()
        .map(|s| (s.sentences[0], s))
        .chain(coverage.reported_by_one.into_iter().map(|here| {
            let statement = Statement {
                articles: vec![here.article],
                sentences: vec![here],
            };
            (here, statement)
        }))
        .collect();
    first_of.sort_by_key(|(first, _)| *first);
    first_of.into_iter().map(|(_, s)| s).collect()
}

/// Where each article's sentences start in one numbering of all sentences.
fn offsets_of(sentence_counts: &[usize]) -> Vec<usize> {
    sentence_counts
        .iter()
        .scan(0, |total, &n| {
            let offset = *total;
            *total += n;
            Some(offset)
        })
        .collect()
}

/// Joins the sentences every alignment of every pair links.
fn join_aligned(sets: &mut DisjointSets, offsets: &[usize], pairs: &[PairComparison]) {
    for pair in pairs {
        for alignment in &pair.alignments {
            let anchor = offsets[pair.left] + alignment.left[0];
            for &i in &alignment.left {
                sets.join(anchor, offsets[pair.left] + i);
            }
            for &j in &alignment.right {
                sets.join(anchor, offsets[pair.right] + j);
            }
        }
    }
}

/// Groups the supported sentences by statement, in reading order of the first article that
/// makes each; the sentences no other article supports come back apart.
fn group_sentences(
    support: &[Vec<Vec<usize>>],
    offsets: &[usize],
    sets: &mut DisjointSets,
) -> (Vec<Statement>, Vec<SentenceRef>) {
    let mut groups: Vec<Vec<SentenceRef>> = Vec::new();
    let mut group_of_root = vec![usize::MAX; sets.len()];
    let mut reported_by_one = Vec::new();
    for (article, others) in support.iter().enumerate() {
        for (sentence, who) in others.iter().enumerate() {
            let here = SentenceRef { article, sentence };
            if who.is_empty() {
                reported_by_one.push(here);
                continue;
            }
            let root = sets.find(offsets[article] + sentence);
            if group_of_root[root] == usize::MAX {
                group_of_root[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[group_of_root[root]].push(here);
        }
    }
    let statements = groups
        .into_iter()
        .map(|sentences| {
            let mut who: Vec<usize> = sentences.iter().map(|s| s.article).collect();
            who.dedup();
            Statement {
                articles: who,
                sentences,
            }
        })
        .collect();
    (statements, reported_by_one)
}

#[cfg(test)]
mod tests {
    use crate::compare::compare;

    #[test]
    fn a_statement_three_of_four_articles_make_is_reported_by_most() {
        let articles = [
            "Engineers found cracks in two steel supports of the harbour bridge.",
            "Inspectors found cracks in two of the harbour bridge's steel supports.",
            "Cracks were found in two steel supports of the harbour bridge.",
            "The mayor opened a new library in the old town.",
        ];
        let coverage = compare(&articles).coverage;
        assert!(coverage.reported_by_all.is_empty());
        assert_eq!(coverage.reported_by_most.len(), 1);
        assert_eq!(coverage.reported_by_most[0].articles, [0, 1, 2]);
        assert_eq!(coverage.reported_by_one.len(), 1);
        assert_eq!(coverage.reported_by_one[0].article, 3);
    }
}
