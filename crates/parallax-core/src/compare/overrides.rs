//! A person's corrections of an alignment, applied to one pair's comparison: two sentences
//! linked that the engine missed, or a pair it matched wrongly unlinked.
//!
//! A link wins over the engine: a sentence a person linked leaves any alignment the engine put
//! it in, and the sentences a person linked together (directly or through a shared sentence)
//! become one alignment marked [`Alignment::by_user`]. An unlink removes that pair of sentences
//! from the engine's alignment; what else the alignment held stays aligned ("A and B say X" is
//! still matched with "X" once "A" is unlinked from it).

use serde::{Deserialize, Serialize};

use super::{conflicts, diff, similarity, Alignment, Coverage, PairComparison};
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

/// The score of an alignment a person made: they say the sentences say the same.
pub const USER_ALIGNMENT_SCORE: f64 = 1.0;

/// Applies a person's corrections to one pair's comparison of the articles whose sentences are
/// `left` and `right`: its alignments, the sentences only one side has, its similarity and the
/// conflicts found in aligned sentences follow. Corrections naming a sentence the articles do
/// not have are ignored; of two corrections of the same two sentences, the later one counts.
pub fn apply_overrides(
    pair: &mut PairComparison,
    left: &[Sentence],
    right: &[Sentence],
    overrides: &[AlignmentOverride],
) {
    let mut latest: Vec<AlignmentOverride> = Vec::new();
    for o in overrides
        .iter()
        .filter(|o| o.left < left.len() && o.right < right.len())
    {
        latest.retain(|kept| (kept.left, kept.right) != (o.left, o.right));
        latest.push(*o);
    }
    if latest.is_empty() {
        return;
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
    let engine_conflicts = conflicts::find_conflicts(left, right, &pair.alignments);

    let mut alignments: Vec<Alignment> = Vec::new();
    for alignment in std::mem::take(&mut pair.alignments) {
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

    let (mut covered_left, mut covered_right) = (vec![false; left.len()], vec![false; right.len()]);
    for alignment in &alignments {
        alignment.left.iter().for_each(|&i| covered_left[i] = true);
        alignment
            .right
            .iter()
            .for_each(|&j| covered_right[j] = true);
    }
    pair.left_only = (0..left.len()).filter(|&i| !covered_left[i]).collect();
    pair.right_only = (0..right.len()).filter(|&j| !covered_right[j]).collect();
    pair.similarity = similarity(left, right, &alignments);

    // Conflicts the engine found outside the alignment (quotations worded differently) stay;
    // those found in aligned sentences are looked for again in the corrected alignment.
    let mut conflicts = conflicts::find_conflicts(left, right, &alignments);
    for conflict in std::mem::take(&mut pair.conflicts) {
        if !engine_conflicts.contains(&conflict) && !conflicts.contains(&conflict) {
            conflicts.push(conflict);
        }
    }
    pair.conflicts = conflicts;
    pair.alignments = alignments;
}

/// Counts again which articles report each sentence, after overrides changed the pairs'
/// alignments. `sentence_counts` holds each article's number of sentences.
pub fn recount_coverage(sentence_counts: &[usize], pairs: &[PairComparison]) -> Coverage {
    Coverage::from_pairs(sentence_counts, pairs)
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
    use super::super::{compare, DiffOp};
    use super::*;
    use crate::text::split_sentences;

    const LEFT: &str = "The storm closed the harbour on Monday. \
        Fishermen stayed ashore all week. \
        The mayor promised repairs within a month.";
    const RIGHT: &str = "A storm shut the harbour on Monday. \
        The town's boats did not sail until Sunday. \
        Repairs will take a month, the mayor said.";

    fn compared() -> (PairComparison, Vec<Sentence>, Vec<Sentence>) {
        let comparison = compare(&[LEFT, RIGHT]);
        let pair = comparison.pairs[0].clone();
        (pair, split_sentences(LEFT), split_sentences(RIGHT))
    }

    fn aligned(pair: &PairComparison, i: usize, j: usize) -> bool {
        pair.alignments
            .iter()
            .any(|a| a.left.contains(&i) && a.right.contains(&j))
    }

    #[test]
    fn a_link_makes_an_alignment_marked_as_the_users() {
        let (mut pair, left, right) = compared();
        assert!(!aligned(&pair, 1, 1), "the engine misses the paraphrase");
        assert!(pair.left_only.contains(&1) && pair.right_only.contains(&1));
        let before = pair.similarity;
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 1,
                right: 1,
                linked: true,
            }],
        );
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
        assert_eq!(rebuilt_left, left[1].text);
        assert!(!pair.left_only.contains(&1) && !pair.right_only.contains(&1));
        assert!(pair.similarity > before);
        assert!(pair.alignments.iter().filter(|a| a.by_user).count() == 1);
    }

    #[test]
    fn an_unlink_removes_the_pair_and_its_sentences_stand_alone() {
        let (mut pair, left, right) = compared();
        assert!(
            aligned(&pair, 0, 0),
            "the engine aligns the first sentences"
        );
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 0,
                right: 0,
                linked: false,
            }],
        );
        assert!(!aligned(&pair, 0, 0));
        assert!(pair.left_only.contains(&0) && pair.right_only.contains(&0));
    }

    #[test]
    fn a_linked_sentence_leaves_the_engines_alignment() {
        let (mut pair, left, right) = compared();
        assert!(aligned(&pair, 0, 0));
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 0,
                right: 2,
                linked: true,
            }],
        );
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
        let (mut pair, left, right) = compared();
        let link = |l, r| AlignmentOverride {
            left: l,
            right: r,
            linked: true,
        };
        apply_overrides(&mut pair, &left, &right, &[link(1, 1), link(2, 1)]);
        let user: Vec<&Alignment> = pair.alignments.iter().filter(|a| a.by_user).collect();
        assert_eq!(user.len(), 1);
        assert_eq!(
            (user[0].left.as_slice(), user[0].right.as_slice()),
            (&[1, 2][..], &[1][..])
        );
    }

    #[test]
    fn unlinking_one_sentence_of_a_merge_keeps_the_other() {
        let (mut pair, left, right) = compared();
        pair.alignments = vec![Alignment {
            left: vec![1, 2],
            right: vec![2],
            score: 0.6,
            diff: Vec::new(),
            by_user: false,
        }];
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 1,
                right: 2,
                linked: false,
            }],
        );
        assert_eq!(pair.alignments.len(), 1);
        assert_eq!(pair.alignments[0].left, [2]);
        assert_eq!(pair.alignments[0].right, [2]);
        assert!(
            !pair.alignments[0].diff.is_empty(),
            "the diff is made again"
        );
        assert_eq!(pair.left_only, [0, 1]);
    }

    #[test]
    fn overrides_naming_missing_sentences_change_nothing() {
        let (mut pair, left, right) = compared();
        let before = pair.clone();
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 40,
                right: 0,
                linked: true,
            }],
        );
        assert_eq!(pair, before);
    }

    #[test]
    fn coverage_follows_the_corrected_pairs() {
        let (mut pair, left, right) = compared();
        apply_overrides(
            &mut pair,
            &left,
            &right,
            &[AlignmentOverride {
                left: 1,
                right: 1,
                linked: true,
            }],
        );
        let coverage = recount_coverage(&[left.len(), right.len()], std::slice::from_ref(&pair));
        assert_eq!(coverage.support[0][1], [1]);
        assert_eq!(coverage.support[1][1], [0]);
    }
}
