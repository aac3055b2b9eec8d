//! Word differences inside aligned sentences.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use rustc_hash::FxHashMap;

use super::{DiffOp, DiffRun};
use crate::text::{self, Sentence};

/// Word-level differences from one text to another, as runs of equal, inserted and deleted text.
///
/// Words, punctuation and spaces are tokens of their own (Unicode word boundaries), so a changed
/// comma is a change of one token. The equal and deleted runs rebuild `left` exactly, the equal
/// and inserted runs rebuild `right`. Spaces alone between two changes join the change, so that
/// a rewritten clause reads as one deletion and one insertion rather than a comb of fragments.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffRun> {
    let old: Vec<&str> = text::word_bounds(left).map(|(_, piece)| piece).collect();
    let new: Vec<&str> = text::word_bounds(right).map(|(_, piece)| piece).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old, &new);
    runs_of(&ops, &old, &new)
}

/// [`word_diff`] of texts already split into tokens, each token also given as an id (equal ids
/// for equal tokens), so that the diff compares integers rather than strings.
pub(super) fn token_diff(
    old_ids: &[u32],
    old: &[&str],
    new_ids: &[u32],
    new: &[&str],
) -> Vec<DiffRun> {
    let ops = capture_diff_slices(Algorithm::Myers, old_ids, new_ids);
    runs_of(&ops, old, new)
}

/// The diff tokens of the sentences compared (words, punctuation and spaces), as ids: equal
/// tokens get equal ids, so that diffs compare integers. A sentence is split when it is first
/// aligned; sentences no pair aligns are never split.
pub(super) struct DiffTokens<'t> {
    sentences: &'t [Vec<Sentence>],
    ids: FxHashMap<&'t str, u32>,
    texts: Vec<&'t str>,
    /// Each article's sentences' ids, once split.
    split: Vec<Vec<Option<Vec<u32>>>>,
}

impl<'t> DiffTokens<'t> {
    /// The id of the single space that joins two sentences read as one.
    const SPACE: u32 = 0;

    pub fn new(sentences: &'t [Vec<Sentence>]) -> DiffTokens<'t> {
        DiffTokens {
            sentences,
            ids: FxHashMap::from_iter([(" ", Self::SPACE)]),
            texts: vec![" "],
            split: sentences.iter().map(|s| vec![None; s.len()]).collect(),
        }
    }

    /// The tokens of one or two sentences of an article read as one text, joined by a space.
    pub fn of_sentences(&mut self, article: usize, which: &[usize]) -> Vec<u32> {
        let mut joined = Vec::new();
        for (n, &i) in which.iter().enumerate() {
            if n > 0 {
                joined.push(Self::SPACE);
            }
            joined.extend_from_slice(self.of_sentence(article, i));
        }
        joined
    }

    fn of_sentence(&mut self, article: usize, i: usize) -> &[u32] {
        let (ids, texts) = (&mut self.ids, &mut self.texts);
        let text = self.sentences[article][i].text.as_str();
        self.split[article][i].get_or_insert_with(|| {
            text::word_bounds(text)
                .map(|(_, token)| {
                    *ids.entry(token).or_insert_with(|| {
                        texts.push(token);
                        texts.len() as u32 - 1
                    })
                })
                .collect()
        })
    }

    /// The text of each token.
    pub fn texts(&self, ids: &[u32]) -> Vec<&'t str> {
        ids.iter().map(|&t| self.texts[t as usize]).collect()
    }
}

fn runs_of(ops: &[similar::DiffOp], old: &[&str], new: &[&str]) -> Vec<DiffRun> {
    let mut runs: Vec<DiffRun> = Vec::new();
    for (n, op) in ops.iter().enumerate() {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let deleted: String = old[old_range.clone()].concat();
        let inserted: String = new[new_range].concat();
        let between_changes = n > 0 && n + 1 < ops.len();
        match tag {
            DiffTag::Equal if between_changes && deleted.trim().is_empty() => {
                push(&mut runs, DiffOp::Delete, &deleted);
                push(&mut runs, DiffOp::Insert, &deleted);
            }
            DiffTag::Equal => push(&mut runs, DiffOp::Equal, &deleted),
            DiffTag::Delete => push(&mut runs, DiffOp::Delete, &deleted),
            DiffTag::Insert => push(&mut runs, DiffOp::Insert, &inserted),
            DiffTag::Replace => {
                push(&mut runs, DiffOp::Delete, &deleted);
                push(&mut runs, DiffOp::Insert, &inserted);
            }
        }
    }
    runs
}

/// Appends text to the runs, joining it with a run of the same kind at the end of the current
/// change (a deletion after a deletion, or after the deletion that precedes an insertion).
fn push(runs: &mut Vec<DiffRun>, op: DiffOp, text: &str) {
    if text.is_empty() {
        return;
    }
    let n = runs.len();
    let target = match op {
        DiffOp::Equal => (n > 0 && runs[n - 1].op == DiffOp::Equal).then(|| n - 1),
        DiffOp::Insert => (n > 0 && runs[n - 1].op == DiffOp::Insert).then(|| n - 1),
        DiffOp::Delete => {
            if n > 0 && runs[n - 1].op == DiffOp::Delete {
                Some(n - 1)
            } else if n > 1 && runs[n - 1].op == DiffOp::Insert && runs[n - 2].op == DiffOp::Delete
            {
                Some(n - 2)
            } else {
                None
            }
        }
    };
    match target {
        Some(t) => runs[t].text.push_str(text),
        None if op == DiffOp::Delete && n > 0 && runs[n - 1].op == DiffOp::Insert => runs.insert(
            n - 1,
            DiffRun {
                op,
                text: text.to_string(),
            },
        ),
        None => runs.push(DiffRun {
            op,
            text: text.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rebuild(runs: &[DiffRun], keep: DiffOp) -> String {
        runs.iter()
            .filter(|r| r.op == DiffOp::Equal || r.op == keep)
            .map(|r| r.text.as_str())
            .collect()
    }

    #[test]
    fn runs_rebuild_both_texts_exactly() {
        let pairs = [
            (
                "The Army sent a delegation to Kyiv on Thursday.",
                "A delegation from the Army arrived in Kyiv on Thursday.",
            ),
            (
                "“We will not yield,” he said — twice.",
                "\"We won't yield\", he said.\n",
            ),
            ("", "Only on the right."),
            ("Only on the left.", ""),
            ("  Spaces   everywhere ", "Spaces everywhere"),
            (
                "Zelenskyy met Rubio in Geneva",
                "Rubio met Zelenskyy in Geneva on Sunday",
            ),
        ];
        for (left, right) in pairs {
            let runs = word_diff(left, right);
            assert_eq!(rebuild(&runs, DiffOp::Delete), left);
            assert_eq!(rebuild(&runs, DiffOp::Insert), right);
            assert!(runs.iter().all(|r| !r.text.is_empty()));
        }
    }

    #[test]
    fn a_changed_word_is_one_deletion_and_one_insertion() {
        let runs = word_diff("Five people died on Monday.", "Six people died on Monday.");
        assert_eq!(
            runs,
            [
                DiffRun {
                    op: DiffOp::Delete,
                    text: "Five".into()
                },
                DiffRun {
                    op: DiffOp::Insert,
                    text: "Six".into()
                },
                DiffRun {
                    op: DiffOp::Equal,
                    text: " people died on Monday.".into()
                },
            ]
        );
    }

    #[test]
    fn punctuation_is_a_token_of_its_own() {
        let runs = word_diff("He left, then.", "He left then.");
        assert!(runs.contains(&DiffRun {
            op: DiffOp::Delete,
            text: ",".into()
        }));
    }
}
