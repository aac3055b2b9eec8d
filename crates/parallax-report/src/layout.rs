//! Lays a comparison out in rows for showing side by side (the window, the HTML report): each
//! row holds, for every article, the sentences that say the same thing, so aligned sentences
//! face each other.
//!
//! The first article is the spine: its sentences keep their order, and every other article's
//! aligned sentences join their row (marked as moved when they stand elsewhere in their own
//! article). Sentences the spine does not cover get rows of their own after the sentence that
//! precedes them in their article, shared with other articles that say the same.

use std::collections::{BTreeSet, HashMap};

use parallax_core::compare::{Alignment, Coverage, DiffOp, DiffRun, PairComparison, Span};

use serde::{Deserialize, Serialize};

use crate::article::ReportArticle;

/// One line of the side-by-side table: a cell per article, empty where it says nothing here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// One cell per article, in the order of the report's articles.
    pub cells: Vec<Option<Cell>>,
    /// Something differs in this row: an article is silent, words differ or a fact conflicts.
    pub different: bool,
}

/// What one article says in a row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Its sentence indices, in order.
    pub sentences: Vec<usize>,
    /// The text to show, with the words other articles lack marked.
    pub runs: Vec<DiffRun>,
    /// How the cell relates to the other articles.
    pub state: CellState,
    /// The sentences stand earlier in their article than the previous row's.
    pub moved: bool,
    /// Part of a passage another article shares word for word.
    pub copied: bool,
    /// States a fact another article states differently.
    pub conflict: bool,
}

/// How a cell relates to the other articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CellState {
    /// Another article says the same in this row.
    Aligned,
    /// No other article says it.
    Only,
    /// Another article says it, but in a row of its own (not aligned with the spine here).
    Elsewhere,
}

/// An alignment of the spine with article `k`, as it applies to one row.
struct RowAlignment<'a> {
    alignment: &'a Alignment,
    /// The pair has article `k` on its left (never, while pairs are `left < right`).
    flipped: bool,
}

/// A row under construction: cells hold sentence indices until the runs are made.
struct Draft<'a> {
    cells: Vec<Option<Vec<usize>>>,
    alignments: Vec<Vec<RowAlignment<'a>>>,
}

/// What the layout reads of a comparison.
struct Laid<'a> {
    articles: &'a [ReportArticle],
    pairs: &'a [PairComparison],
    coverage: &'a Coverage,
}

/// Lays the compared `articles` out in rows, from their `pairs` and which sentences other
/// articles cover (`coverage`).
pub(crate) fn build_rows(
    articles: &[ReportArticle],
    pairs: &[PairComparison],
    coverage: &Coverage,
) -> Vec<Row> {
    let laid = Laid {
        articles,
        pairs,
        coverage,
    };
    let report = &laid;
    let count = report.articles.len();
    if count == 0 {
        return Vec::new();
    }
    let mut drafts = spine_rows(report);
    let mut placed: Vec<HashMap<usize, usize>> = vec![HashMap::new(); count];
    for (r, draft) in drafts.iter().enumerate() {
        for (k, cell) in draft.cells.iter().enumerate() {
            for &s in cell.iter().flatten() {
                placed[k].insert(s, r);
            }
        }
    }
    for k in 1..count {
        for j in 0..report.articles[k].sentences.len() {
            if placed[k].contains_key(&j) {
                continue;
            }
            let r = joinable_row(&drafts, report, k, j)
                .unwrap_or_else(|| insert_after_predecessor(&mut drafts, &mut placed, k, j));
            drafts[r].cells[k] = Some(vec![j]);
            placed[k].insert(j, r);
        }
    }
    let mut rows: Vec<Row> = drafts.iter().map(|d| runs_of(report, d)).collect();
    finish(&mut rows, report);
    rows
}

fn pair_of<'a>(report: &Laid<'a>, a: usize, b: usize) -> Option<&'a PairComparison> {
    report
        .pairs
        .iter()
        .find(|p| (p.left == a && p.right == b) || (p.left == b && p.right == a))
}

/// The spine's rows: one per group of spine sentences that another article aligns together,
/// with the aligned sentences of every other article joined in.
fn spine_rows<'a>(report: &Laid<'a>) -> Vec<Draft<'a>> {
    let count = report.articles.len();
    let spine = &report.articles[0].sentences;
    // Spine sentences one alignment covers together (a 2:1 merge) share one row.
    let mut unit_of: Vec<usize> = (0..spine.len()).collect();
    for k in 1..count {
        let Some(pair) = pair_of(report, 0, k) else {
            continue;
        };
        for a in &pair.alignments {
            let left = if pair.left == 0 { &a.left } else { &a.right };
            let Some(&first) = left.first() else { continue };
            for &i in left {
                let unit = unit_of[first].min(unit_of[i]);
                unit_of[first] = unit;
                unit_of[i] = unit;
            }
        }
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut row_of_unit: HashMap<usize, usize> = HashMap::new();
    for (i, &unit) in unit_of.iter().enumerate() {
        let r = *row_of_unit.entry(unit).or_insert_with(|| {
            let mut cells = vec![None; count];
            cells[0] = Some(Vec::new());
            drafts.push(Draft {
                cells,
                alignments: (0..count).map(|_| Vec::new()).collect(),
            });
            drafts.len() - 1
        });
        drafts[r].cells[0].get_or_insert_with(Vec::new).push(i);
    }
    for k in 1..count {
        let Some(pair) = pair_of(report, 0, k) else {
            continue;
        };
        // A sentence of article `k` told twice by the spine is in two alignments: it joins the
        // row of the better one, and the other spine sentence keeps a row without it.
        let mut by_score: Vec<&Alignment> = pair.alignments.iter().collect();
        by_score.sort_by(|x, y| y.score.total_cmp(&x.score));
        let mut joined: BTreeSet<usize> = BTreeSet::new();
        for a in by_score {
            let (left, right) = if pair.left == 0 {
                (&a.left, &a.right)
            } else {
                (&a.right, &a.left)
            };
            let Some(&first) = left.first() else { continue };
            let Some(&r) = row_of_unit.get(&unit_of[first]) else {
                continue;
            };
            let new: Vec<usize> = right
                .iter()
                .copied()
                .filter(|&j| joined.insert(j))
                .collect();
            if new.is_empty() {
                continue;
            }
            let draft = &mut drafts[r];
            draft.cells[k].get_or_insert_with(Vec::new).extend(new);
            draft.alignments[k].push(RowAlignment {
                alignment: a,
                flipped: pair.left != 0,
            });
        }
    }
    for draft in &mut drafts {
        for cell in draft.cells.iter_mut().flatten() {
            cell.sort_unstable();
        }
    }
    drafts
}

/// A row without a spine sentence where another article already says what sentence `j` of
/// article `k` says.
fn joinable_row(drafts: &[Draft], report: &Laid, k: usize, j: usize) -> Option<usize> {
    drafts.iter().position(|draft| {
        if draft.cells[0].is_some() || draft.cells[k].is_some() {
            return false;
        }
        draft.cells.iter().enumerate().skip(1).any(|(m, cell)| {
            let (Some(cell), Some(pair)) = (cell, pair_of(report, m, k)) else {
                return false;
            };
            pair.alignments.iter().any(|a| {
                let (mine, theirs) = if pair.left == k {
                    (&a.left, &a.right)
                } else {
                    (&a.right, &a.left)
                };
                mine.contains(&j) && theirs.iter().any(|s| cell.contains(s))
            })
        })
    })
}

/// Opens a new row for sentence `j` of article `k` after the row of the sentence before it
/// (past any rows the spine does not hold), and returns its index.
fn insert_after_predecessor(
    drafts: &mut Vec<Draft>,
    placed: &mut [HashMap<usize, usize>],
    k: usize,
    j: usize,
) -> usize {
    let after = (0..j).rev().find_map(|p| placed[k].get(&p).copied());
    let mut at = after.map_or(0, |r| r + 1);
    while at < drafts.len() && drafts[at].cells[0].is_none() {
        at += 1;
    }
    let count = placed.len();
    drafts.insert(
        at,
        Draft {
            cells: vec![None; count],
            alignments: (0..count).map(|_| Vec::new()).collect(),
        },
    );
    for map in placed.iter_mut() {
        for r in map.values_mut() {
            if *r >= at {
                *r += 1;
            }
        }
    }
    at
}

/// The runs each cell shows: an article aligned with the spine by exactly one alignment shows
/// the words the spine lacks as inserted; with two articles, the spine shows the words the
/// other lacks as deleted. Everything else is shown as it is.
fn runs_of(report: &Laid, draft: &Draft) -> Row {
    let count = report.articles.len();
    let mut cells: Vec<Option<Cell>> = draft
        .cells
        .iter()
        .enumerate()
        .map(|(k, sentences)| {
            let sentences = sentences.as_ref()?;
            let only = match draft.alignments[k].as_slice() {
                [one] => Some(one),
                _ => None,
            };
            let runs = match only {
                Some(one) if k > 0 => {
                    let hidden = if one.flipped {
                        DiffOp::Insert
                    } else {
                        DiffOp::Delete
                    };
                    shown_runs(&one.alignment.diff, hidden, DiffOp::Insert)
                }
                _ => vec![plain(&report.articles[k], sentences)],
            };
            Some(Cell {
                sentences: sentences.clone(),
                runs,
                state: CellState::Aligned,
                moved: false,
                copied: false,
                conflict: false,
            })
        })
        .collect();
    if count == 2 {
        if let ([one], Some(spine)) = (draft.alignments[1].as_slice(), cells[0].as_mut()) {
            let hidden = if one.flipped {
                DiffOp::Delete
            } else {
                DiffOp::Insert
            };
            spine.runs = shown_runs(&one.alignment.diff, hidden, DiffOp::Delete);
        }
    }
    Row {
        cells,
        different: false,
    }
}

/// The runs of `diff` without those of `hidden`, every changed run shown as `changed`.
fn shown_runs(diff: &[DiffRun], hidden: DiffOp, changed: DiffOp) -> Vec<DiffRun> {
    diff.iter()
        .filter(|d| d.op != hidden)
        .map(|d| DiffRun {
            op: if d.op == DiffOp::Equal {
                DiffOp::Equal
            } else {
                changed
            },
            text: d.text.clone(),
        })
        .collect()
}

fn plain(article: &ReportArticle, sentences: &[usize]) -> DiffRun {
    let text = sentences
        .iter()
        .filter_map(|&s| article.sentences.get(s).map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    DiffRun {
        op: DiffOp::Equal,
        text,
    }
}

/// Marks each cell as aligned, only here or said elsewhere; moved, copied or conflicting; and
/// each row as different when anything in it differs.
fn finish(rows: &mut [Row], report: &Laid) {
    let count = report.articles.len();
    let mut copied: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); count];
    let mut conflicted: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); count];
    for pair in report.pairs {
        for passage in &pair.shared_passages {
            mark_spans(
                &report.articles[pair.left],
                passage.left,
                &mut copied[pair.left],
            );
            mark_spans(
                &report.articles[pair.right],
                passage.right,
                &mut copied[pair.right],
            );
        }
        for c in &pair.conflicts {
            conflicted[pair.left].insert(c.left_sentence);
            conflicted[pair.right].insert(c.right_sentence);
        }
    }
    let support = &report.coverage.support;
    let supported = |k: usize, s: usize| {
        support
            .get(k)
            .and_then(|sentences| sentences.get(s))
            .is_some_and(|others| !others.is_empty())
    };
    let mut last_seen: Vec<Option<usize>> = vec![None; count];
    for row in rows {
        let filled = row.cells.iter().flatten().count();
        row.different = filled < row.cells.len();
        for (k, cell) in row.cells.iter_mut().enumerate() {
            let Some(cell) = cell else { continue };
            let alone = cell.sentences.iter().all(|&s| !supported(k, s));
            cell.state = if filled >= 2 {
                CellState::Aligned
            } else if alone {
                CellState::Only
            } else {
                CellState::Elsewhere
            };
            cell.moved = match (cell.sentences.first(), last_seen[k]) {
                (Some(&first), Some(last)) => first < last,
                _ => false,
            };
            if let Some(&highest) = cell.sentences.iter().max() {
                last_seen[k] = Some(last_seen[k].map_or(highest, |last| last.max(highest)));
            }
            cell.copied = cell.sentences.iter().any(|s| copied[k].contains(s));
            cell.conflict = cell.sentences.iter().any(|s| conflicted[k].contains(s));
            if cell.conflict || cell.runs.iter().any(|run| run.op != DiffOp::Equal) {
                row.different = true;
            }
        }
    }
}

/// Adds to `into` every sentence of `article` that overlaps `span`.
fn mark_spans(article: &ReportArticle, span: Span, into: &mut BTreeSet<usize>) {
    for (s, [start, end]) in article.sentence_spans.iter().enumerate() {
        if *start < span.end && span.start < *end {
            into.insert(s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare_texts, ComparedInput};

    fn input(name: &str, text: &str) -> ComparedInput {
        ComparedInput {
            reference: name.into(),
            id: None,
            title: name.into(),
            outlet: None,
            path: None,
            text: text.into(),
            ..ComparedInput::default()
        }
    }

    #[test]
    fn every_sentence_of_every_article_is_in_exactly_one_row() {
        let report = compare_texts(vec![
            input(
                "a",
                "The bridge closed on Monday. Traffic moved to the ring road. Repairs cost $2 million.",
            ),
            input(
                "b",
                "Repairs cost $3 million. The bridge closed on Monday. Buses were cancelled.",
            ),
            input(
                "c",
                "Buses were cancelled across the city. The bridge was closed on Monday.",
            ),
        ]);
        let rows = build_rows(&report.articles, &report.pairs, &report.coverage);
        for (k, article) in report.articles.iter().enumerate() {
            let mut seen: Vec<usize> = rows
                .iter()
                .filter_map(|row| row.cells[k].as_ref())
                .flat_map(|cell| cell.sentences.iter().copied())
                .collect();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen, (0..article.sentences.len()).collect::<Vec<_>>());
        }
        let spine: Vec<usize> = rows
            .iter()
            .filter_map(|row| row.cells[0].as_ref())
            .flat_map(|cell| cell.sentences.iter().copied())
            .collect();
        assert!(
            spine.windows(2).all(|w| w[0] < w[1]),
            "spine keeps its order"
        );
    }

    /// Article `a` tells in sentences 0 and 2 what sentence 0 of `b` tells once.
    const TOLD_TWICE: [&str; 2] = [
        "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday, citing cracks in two \
         steel supports. The council will pay for the repairs, she said. \"The bridge will stay \
         closed to lorries for six months,\" Brook said in a statement.",
        "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday after engineers found \
         cracks, and said in a statement that it would stay closed for six months.",
    ];

    /// The rows holding sentence `s` of article `k`.
    fn rows_of(rows: &[Row], k: usize, s: usize) -> Vec<usize> {
        (0..rows.len())
            .filter(|&r| {
                rows[r].cells[k]
                    .as_ref()
                    .is_some_and(|c| c.sentences.contains(&s))
            })
            .collect()
    }

    #[test]
    fn a_sentence_the_spine_tells_twice_stands_in_one_row() {
        let report = compare_texts(vec![input("a", TOLD_TWICE[0]), input("b", TOLD_TWICE[1])]);
        assert_eq!(report.pairs[0].alignments.len(), 2);
        let rows = build_rows(&report.articles, &report.pairs, &report.coverage);
        let once = rows_of(&rows, 1, 0);
        assert_eq!(once.len(), 1, "{rows:#?}");
        assert_eq!(once, rows_of(&rows, 0, 0), "it faces the better telling");
        let second = &rows[rows_of(&rows, 0, 2)[0]];
        assert!(second.cells[1].is_none());
        let cell = second.cells[0]
            .as_ref()
            .expect("the spine's second telling");
        assert_eq!(cell.state, CellState::Elsewhere);
        let spine: Vec<usize> = rows
            .iter()
            .filter_map(|row| row.cells[0].as_ref())
            .flat_map(|cell| cell.sentences.iter().copied())
            .collect();
        assert_eq!(spine, [0, 1, 2]);
    }

    #[test]
    fn both_tellings_of_another_article_face_the_spine_sentence() {
        let report = compare_texts(vec![input("b", TOLD_TWICE[1]), input("a", TOLD_TWICE[0])]);
        let rows = build_rows(&report.articles, &report.pairs, &report.coverage);
        let row = &rows[rows_of(&rows, 0, 0)[0]];
        let cell = row.cells[1].as_ref().expect("the other article's cell");
        assert_eq!(cell.sentences, [0, 2]);
        assert_eq!(cell.state, CellState::Aligned);
        assert_eq!(rows_of(&rows, 1, 2).len(), 1);
        let only = &rows[rows_of(&rows, 1, 1)[0]];
        assert_eq!(
            only.cells[1].as_ref().map(|c| c.state),
            Some(CellState::Only)
        );
    }

    #[test]
    fn a_sentence_only_one_article_has_is_marked_only() {
        let report = compare_texts(vec![
            input("a", "The bridge closed on Monday. The mayor resigned."),
            input("b", "The bridge closed on Monday."),
        ]);
        let rows = build_rows(&report.articles, &report.pairs, &report.coverage);
        let only: Vec<&Cell> = rows
            .iter()
            .filter_map(|row| row.cells[0].as_ref())
            .filter(|cell| cell.state == CellState::Only)
            .collect();
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].sentences, vec![1]);
    }
}
