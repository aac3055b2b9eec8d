//! The N-way view of an event: which articles report each sentence, and what all, most or only
//! one of them report.

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
}

/// One statement of the event as several articles make it: sentences linked by alignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        let articles = sentence_counts.len();
        let mut support: Vec<Vec<Vec<usize>>> = sentence_counts
            .iter()
            .map(|&n| vec![Vec::new(); n])
            .collect();
        let offsets: Vec<usize> = sentence_counts
            .iter()
            .scan(0, |total, &n| {
                let offset = *total;
                *total += n;
                Some(offset)
            })
            .collect();
        let mut statements = DisjointSets::new(sentence_counts.iter().sum());
        for pair in pairs {
            for alignment in &pair.alignments {
                for &i in &alignment.left {
                    support[pair.left][i].push(pair.right);
                }
                for &j in &alignment.right {
                    support[pair.right][j].push(pair.left);
                }
                let anchor = offsets[pair.left] + alignment.left[0];
                for &i in &alignment.left {
                    statements.join(anchor, offsets[pair.left] + i);
                }
                for &j in &alignment.right {
                    statements.join(anchor, offsets[pair.right] + j);
                }
            }
        }
        for article in &mut support {
            for others in article.iter_mut() {
                others.sort_unstable();
                others.dedup();
            }
        }

        // Group the sentences by statement, in reading order of the first article that makes it.
        let mut groups: Vec<Vec<SentenceRef>> = Vec::new();
        let mut group_of_root = vec![usize::MAX; statements.len()];
        let mut reported_by_one = Vec::new();
        for (article, others) in support.iter().enumerate() {
            for (sentence, who) in others.iter().enumerate() {
                let here = SentenceRef { article, sentence };
                if who.is_empty() {
                    reported_by_one.push(here);
                    continue;
                }
                let root = statements.find(offsets[article] + sentence);
                if group_of_root[root] == usize::MAX {
                    group_of_root[root] = groups.len();
                    groups.push(Vec::new());
                }
                groups[group_of_root[root]].push(here);
            }
        }
        let (mut reported_by_all, mut reported_by_most) = (Vec::new(), Vec::new());
        for sentences in groups {
            let mut who: Vec<usize> = sentences.iter().map(|s| s.article).collect();
            who.dedup();
            let statement = Statement {
                articles: who,
                sentences,
            };
            if statement.articles.len() == articles {
                reported_by_all.push(statement);
            } else if statement.articles.len() * 2 > articles {
                reported_by_most.push(statement);
            }
        }
        Coverage {
            support,
            reported_by_all,
            reported_by_most,
            reported_by_one,
        }
    }
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
