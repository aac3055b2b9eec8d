//! A person's corrections of an alignment, applied where the engine aligns a pair of articles:
//! two sentences linked that the engine missed, or a pair it matched wrongly unlinked.
//!
//! A link wins over the engine: a sentence a person linked leaves any alignment the engine put
//! it in, and the sentences a person linked together (directly or through a shared sentence)
//! become one alignment marked [`Alignment::by_user`]. An unlink removes that pair of sentences
//! from the engine's alignment; what else the alignment held stays aligned ("A and B say X" is
//! still matched with "X" once "A" is unlinked from it).

use serde::{Deserialize, Serialize};

use super::{diff, Alignment};
use crate::text::Sentence;

/// One correction of a pair's alignment, in the pair's orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AlignmentOverride {
    /// The left article's sentence index.
    pub left: usize,
    /// The right article's sentence index.
    pub right: usize,
    /// True when the two sentences say the same (a link), false when they do not (an unlink).
    pub linked: bool,
}

/// A person's corrections of the alignment of two of the compared articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairCorrections {
    /// Index of the article the corrections' `left` sentences belong to.
    pub left: usize,
    /// Index of the article the corrections' `right` sentences belong to.
    pub right: usize,
    /// The corrections, oldest first: of two corrections of the same sentences the later counts.
    pub overrides: Vec<AlignmentOverride>,
}

/// The score of an alignment a person made: they say the sentences say the same.
pub const USER_ALIGNMENT_SCORE: f64 = 1.0;

/// The corrections of the pair of articles `left < right`, turned to that orientation.
pub(super) fn corrections_of(
    corrections: &[PairCorrections],
    left: usize,
    right: usize,
) -> Vec<AlignmentOverride> {
    let mut found = Vec::new();
    for pair in corrections {
        if (pair.left, pair.right) == (left, right) {
            found.extend(pair.overrides.iter().copied());
        } else if (pair.left, pair.right) == (right, left) {
            found.extend(pair.overrides.iter().map(|o| AlignmentOverride {
                left: o.right,
                right: o.left,
                linked: o.linked,
            }));
        }
    }
    found
}

/// Applies a person's corrections to the engine's alignments of the articles whose sentences are
/// `left` and `right`. Corrections naming a sentence the articles do not have are ignored; of two
/// corrections of the same two sentences, the later one counts.
pub(super) fn correct_alignments(
    engine: Vec<Alignment>,
    left: &[Sentence],
    right: &[Sentence],
    overrides: &[AlignmentOverride],
) -> Vec<Alignment> {
    let mut latest: Vec<AlignmentOverride> = Vec::new();
    for o in overrides
        .iter()
        .filter(|o| o.left < left.len() && o.right < right.len())
    {
        latest.retain(|kept| (kept.left, kept.right) != (o.left, o.right));
        latest.push(*o);
    }
    if latest.is_empty() {
        return engine;
    }
    let links: Vec<(usize, usize)> = latest
        .iter()
        .filter(|o| o.linked)
        .map(|o| (o.left, o.right))
        .collect();
    let unlinks: Vec<(usize, usize)> = latest
        .iter()
        .filter(|o| !o.linked)
        .map(|o| (o.left, o.right))
        .collect();

    let mut alignments: Vec<Alignment> = Vec::new();
    for alignment in engine {
        let mut kept = alignment.clone();
        kept.left.retain(|&i| !links.iter().any(|&(l, _)| l == i));
        kept.right.retain(|&j| !links.iter().any(|&(_, r)| r == j));
        for &(i, j) in &unlinks {
            if !(kept.left.contains(&i) && kept.right.contains(&j)) {
                continue;
            }
            // Of a merge (two sentences matched with one), only the unlinked one leaves.
            let (one_left, one_right) = (kept.left.len() == 1, kept.right.len() == 1);
            if one_left || !one_right {
                kept.right.retain(|&r| r != j);
            }
            if one_right || !one_left {
                kept.left.retain(|&l| l != i);
            }
        }
        if kept.left.is_empty() || kept.right.is_empty() {
            continue;
        }
        if kept.left != alignment.left || kept.right != alignment.right {
            kept.diff = diff_of(left, right, &kept.left, &kept.right);
        }
        alignments.push(kept);
    }
    alignments.extend(user_alignments(left, right, &links));
    alignments.sort_by_key(|a| (a.left[0], a.right[0]));
    alignments
}

/// One alignment per group of sentences a person linked together, directly or through a
/// sentence two links share.
fn user_alignments(
    left: &[Sentence],
    right: &[Sentence],
    links: &[(usize, usize)],
) -> Vec<Alignment> {
    let mut groups: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for &(i, j) in links {
        let joined: Vec<usize> = (0..groups.len())
            .filter(|&g| groups[g].0.contains(&i) || groups[g].1.contains(&j))
            .collect();
        let mut group = (vec![i], vec![j]);
        for &g in joined.iter().rev() {
            let (l, r) = groups.remove(g);
            group.0.extend(l);
            group.1.extend(r);
        }
        groups.push(group);
    }
    groups
        .into_iter()
        .map(|(mut l, mut r)| {
            l.sort_unstable();
            l.dedup();
            r.sort_unstable();
            r.dedup();
            Alignment {
                diff: diff_of(left, right, &l, &r),
                left: l,
                right: r,
                score: USER_ALIGNMENT_SCORE,
                by_user: true,
            }
        })
        .collect()
}

/// The word diff of sentences read as one text each, joined by a space.
fn diff_of(
    left: &[Sentence],
    right: &[Sentence],
    which_left: &[usize],
    which_right: &[usize],
) -> Vec<super::DiffRun> {
    let join = |sentences: &[Sentence], which: &[usize]| {
        which
            .iter()
            .map(|&i| sentences[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    diff::word_diff(&join(left, which_left), &join(right, which_right))
}

#[cfg(test)]
mod tests {
    use super::super::{compare, compare_corrected, DiffOp, PairComparison};
    use super::*;
    use crate::text::split_sentences;

    const LEFT: &str = "The storm closed the harbour on Monday. \
        Fishermen stayed ashore all week. \
        The mayor promised repairs within a month.";
    const RIGHT: &str = "A storm shut the harbour on Monday. \
        The town's boats did not sail until Sunday. \
        Repairs will take a month, the mayor said.";

    fn engine() -> PairComparison {
        compare(&[LEFT, RIGHT]).pairs[0].clone()
    }

    fn corrected(overrides: &[AlignmentOverride]) -> PairComparison {
        let corrections = [PairCorrections {
            left: 0,
            right: 1,
            overrides: overrides.to_vec(),
        }];
        compare_corrected(&[LEFT, RIGHT], &corrections).pairs[0].clone()
    }

    fn link(left: usize, right: usize) -> AlignmentOverride {
        AlignmentOverride {
            left,
            right,
            linked: true,
        }
    }

    fn unlink(left: usize, right: usize) -> AlignmentOverride {
        AlignmentOverride {
            left,
            right,
            linked: false,
        }
    }

    fn aligned(pair: &PairComparison, i: usize, j: usize) -> bool {
        pair.alignments
            .iter()
            .any(|a| a.left.contains(&i) && a.right.contains(&j))
    }

    #[test]
    fn a_link_makes_an_alignment_marked_as_the_users() {
        let before = engine();
        assert!(!aligned(&before, 1, 1), "the engine misses the paraphrase");
        assert!(before.left_only.contains(&1) && before.right_only.contains(&1));
        let pair = corrected(&[link(1, 1)]);
        let made = pair
            .alignments
            .iter()
            .find(|a| a.left == [1] && a.right == [1])
            .expect("the link is an alignment");
        assert!(made.by_user);
        assert_eq!(made.score, USER_ALIGNMENT_SCORE);
        let rebuilt_left: String = made
            .diff
            .iter()
            .filter(|d| d.op != DiffOp::Insert)
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(rebuilt_left, split_sentences(LEFT)[1].text);
        assert!(!pair.left_only.contains(&1) && !pair.right_only.contains(&1));
        assert!(pair.similarity > before.similarity);
        assert!(pair.alignments.iter().filter(|a| a.by_user).count() == 1);
    }

    #[test]
    fn an_unlink_removes_the_pair_and_its_sentences_stand_alone() {
        assert!(
            aligned(&engine(), 0, 0),
            "the engine aligns the first sentences"
        );
        let pair = corrected(&[unlink(0, 0)]);
        assert!(!aligned(&pair, 0, 0));
        assert!(pair.left_only.contains(&0) && pair.right_only.contains(&0));
    }

    #[test]
    fn a_linked_sentence_leaves_the_engines_alignment() {
        assert!(aligned(&engine(), 0, 0));
        let pair = corrected(&[link(0, 2)]);
        assert!(
            !aligned(&pair, 0, 0),
            "sentence 0 left the engine's alignment"
        );
        assert!(aligned(&pair, 0, 2));
        assert!(pair.right_only.contains(&0));
        assert!(pair
            .alignments
            .iter()
            .all(|a| !a.right.contains(&2) || a.by_user));
    }

    #[test]
    fn links_sharing_a_sentence_make_one_alignment() {
        let pair = corrected(&[link(1, 1), link(2, 1)]);
        let user: Vec<&Alignment> = pair.alignments.iter().filter(|a| a.by_user).collect();
        assert_eq!(user.len(), 1);
        assert_eq!(
            (user[0].left.as_slice(), user[0].right.as_slice()),
            (&[1, 2][..], &[1][..])
        );
    }

    #[test]
    fn unlinking_one_sentence_of_a_merge_keeps_the_other() {
        let (left, right) = (split_sentences(LEFT), split_sentences(RIGHT));
        let merge = Alignment {
            left: vec![1, 2],
            right: vec![2],
            score: 0.6,
            diff: Vec::new(),
            by_user: false,
        };
        let alignments = correct_alignments(vec![merge], &left, &right, &[unlink(1, 2)]);
        assert_eq!(alignments.len(), 1);
        assert_eq!(alignments[0].left, [2]);
        assert_eq!(alignments[0].right, [2]);
        assert!(!alignments[0].diff.is_empty(), "the diff is made again");
    }

    #[test]
    fn overrides_naming_missing_sentences_change_nothing() {
        assert_eq!(corrected(&[link(40, 0)]), engine());
    }

    #[test]
    fn corrections_given_from_the_right_article_are_turned_round() {
        let corrections = [PairCorrections {
            left: 1,
            right: 0,
            overrides: vec![link(1, 2)],
        }];
        let pair = compare_corrected(&[LEFT, RIGHT], &corrections).pairs[0].clone();
        assert!(aligned(&pair, 2, 1));
    }

    #[test]
    fn coverage_follows_the_corrected_alignment() {
        let corrections = [PairCorrections {
            left: 0,
            right: 1,
            overrides: vec![link(1, 1)],
        }];
        let coverage = compare_corrected(&[LEFT, RIGHT], &corrections).coverage;
        assert_eq!(coverage.support[0][1], [1]);
        assert_eq!(coverage.support[1][1], [0]);
    }

    #[test]
    fn facts_of_sentences_a_person_linked_are_compared() {
        let (left, right) = (
            "The council met on Monday. The harbour reopens on Friday.",
            "Storm damage was severe. Boats may sail again from Thursday, port officials said.",
        );
        let corrections = [PairCorrections {
            left: 0,
            right: 1,
            overrides: vec![link(1, 1)],
        }];
        let pair = compare_corrected(&[left, right], &corrections).pairs[0].clone();
        assert!(pair
            .conflicts
            .iter()
            .any(|c| c.left == "Friday" && c.right == "Thursday"));
    }
}
