//! Sentence alignment: which sentences of two articles say the same thing.
//!
//! Outlets paraphrase, reorder, merge and split sentences, so alignment does not follow the
//! order of either text. Each sentence is a bag of stemmed terms weighted by how rare they are
//! among all the sentences compared (names and numbers up, function words down), and two
//! sentences are as alike as the cosine of their bags. Candidates come from an inverted index of
//! rare terms, never from all pairs, so long articles stay cheap; one long sentence may match two
//! adjacent short ones when together they match better than either alone. Two sentences less
//! alike than that are still matched when they stand between aligned neighbours. A sentence the
//! other article tells twice is matched with both tellings, each in an alignment of its own.

use super::index::{Index, IndexedArticle, SentenceTerms, TermKind};

/// One or two sentences of the left article matched with one or two of the right (a sentence
/// told twice by the other article is in two of these).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Matched {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub score: f64,
}

/// The lowest similarity at which two sentences are said to say the same thing.
const ALIGN_MIN: f32 = 0.3;
/// The lowest similarity kept as material for merges.
const CANDIDATE_MIN: f32 = 0.12;
/// How much better a merge must match than its best single sentence.
const MERGE_GAIN: f32 = 0.05;
/// The similarity needed when the sentences share a single content word that is not a name.
/// Names pin a sentence to a person, not to a statement: "Mr. Boutrous said Mr. Sellers was
/// trying to have it both ways." and "\"There is absolutely no way...,\" Boutrous said." share
/// a name and "way", and no more.
const ONE_WORD_MATCH_MIN: f32 = 0.5;
/// The similarity needed when they share no content word but names: only sentences made of
/// nearly the same words, such as short quotes ("I wish I didn't have to do it.").
const SHORT_MATCH_MIN: f32 = 0.7;
/// The similarity enough for two sentences that stand between aligned neighbours (the sentences
/// before them aligned with each other, or the sentences after) and share a content word that
/// is not a name: the order of the telling confirms what the words alone leave unsure.
const CONTEXT_MATCH_MIN: f32 = 0.2;
/// Two sentences of one speaker that are less alike than this once the words of the attribution
/// are left out are two statements of that speaker, however alike the names make them.
const SPEAKER_APART_MIN: f32 = 0.1;
/// The similarity needed, the attribution left out, by two sentences of one speaker that share a
/// single content word: the speaker stands for the shared name the word would otherwise need.
const SAME_SPEAKER_ONE_WORD_MIN: f32 = 0.4;
/// A term proposes candidates only while it is rare: while the number of sentence pairs it
/// links stays below this. Frequent terms still count in the similarity of candidates.
const RARE_TERM_PAIRS_MAX: usize = 128;

/// Aligns the sentences of two indexed articles.
pub(super) fn align_sentences(index: &Index, left: usize, right: usize) -> Vec<Matched> {
    let a = &index.articles[left];
    let b = &index.articles[right];
    let candidates = single_candidates(index, a, b);

    let mut by_left: Vec<Vec<(usize, f32)>> = vec![Vec::new(); a.sentences.len()];
    let mut by_right: Vec<Vec<(usize, f32)>> = vec![Vec::new(); b.sentences.len()];
    for &(i, j, m) in &candidates {
        by_left[i].push((j, m.cosine));
        by_right[j].push((i, m.cosine));
    }

    // Best first; between equals, the one nearer the same place in both articles.
    let (na, nb) = (
        a.sentences.len().max(1) as f32,
        b.sentences.len().max(1) as f32,
    );
    let rank =
        |c: &Candidate| c.score - 0.01 * (c.left[0] as f32 / na - c.right[0] as f32 / nb).abs();
    let by_rank = |x: &Candidate, y: &Candidate| rank(y).total_cmp(&rank(x));

    // The one-to-one candidates alike enough by `keep`, best first.
    let ranked = |keep: fn(&Likeness) -> bool| -> Vec<Candidate> {
        let mut found: Vec<Candidate> = candidates
            .iter()
            .filter(|(_, _, m)| keep(m))
            .map(|&(i, j, m)| Candidate {
                left: vec![i],
                right: vec![j],
                score: m.cosine,
            })
            .collect();
        found.sort_by(by_rank);
        found
    };
    // First one sentence to one sentence, each taken by its best match.
    let mut chosen = Chosen::new(a.sentences.len(), b.sentences.len());
    for c in ranked(Likeness::is_alignment) {
        if chosen.left[c.left[0]].is_none() && chosen.right[c.right[0]].is_none() {
            chosen.add(c);
        }
    }

    // Then merges, which may only absorb sentences left over, so that a merge never takes a
    // sentence from a better partner: "Mayor Brook said the closure would last six months."
    // must not join the Mayor's quote when another sentence speaks of the six months.
    let mut merged = Vec::new();
    for (i, matches) in by_left.iter_mut().enumerate() {
        for (j, k, score) in merges(index, &a.sentences[i], &b.sentences, matches) {
            merged.push(Candidate {
                left: vec![i],
                right: vec![j, k],
                score,
            });
        }
    }
    for (j, matches) in by_right.iter_mut().enumerate() {
        for (i, k, score) in merges(index, &b.sentences[j], &a.sentences, matches) {
            merged.push(Candidate {
                left: vec![i, k],
                right: vec![j],
                score,
            });
        }
    }
    merged.sort_by(by_rank);
    for c in merged {
        chosen.merge(c);
    }
    for c in same_plain_words(index, a, b, &chosen) {
        chosen.add(c);
    }
    // Last, sentences alike only loosely, where their neighbours agree.
    for c in ranked(Likeness::is_alignment_in_context) {
        let (i, j) = (c.left[0], c.right[0]);
        if chosen.left[i].is_none() && chosen.right[j].is_none() && chosen.between_aligned(i, j) {
            chosen.add(c);
        }
    }

    // Then sentences told twice by the other article: see `second_partners`.
    for (c, free) in second_partners(index, a, b, &chosen, &candidates) {
        chosen.add_second(c, free);
    }

    let mut matched: Vec<Matched> = chosen
        .alignments
        .into_iter()
        .flatten()
        .map(|c| Matched {
            left: c.left,
            right: c.right,
            score: f64::from(c.score.min(1.0)),
        })
        .collect();
    matched.sort_by_key(|m| (m.left[0], m.right[0]));
    matched
}

#[derive(Debug, Clone)]
struct Candidate {
    left: Vec<usize>,
    right: Vec<usize>,
    score: f32,
}

/// The alignments chosen so far, and which one holds each sentence.
struct Chosen {
    alignments: Vec<Option<Candidate>>,
    left: Vec<Option<usize>>,
    right: Vec<Option<usize>>,
}

impl Chosen {
    fn new(left: usize, right: usize) -> Chosen {
        Chosen {
            alignments: Vec::new(),
            left: vec![None; left],
            right: vec![None; right],
        }
    }

    fn add(&mut self, c: Candidate) {
        let n = self.alignments.len();
        c.left.iter().for_each(|&i| self.left[i] = Some(n));
        c.right.iter().for_each(|&j| self.right[j] = Some(n));
        self.alignments.push(Some(c));
    }

    /// Adds an alignment of a sentence left over with one already aligned, which stays held by
    /// its first alignment: only the `free` side's sentence is marked as held by the new one.
    fn add_second(&mut self, c: Candidate, free: Side) {
        let n = self.alignments.len();
        match free {
            Side::Left => c.left.iter().for_each(|&i| self.left[i] = Some(n)),
            Side::Right => c.right.iter().for_each(|&j| self.right[j] = Some(n)),
        }
        self.alignments.push(Some(c));
    }

    /// Whether the sentences before `i` and `j`, or the sentences after them, are aligned with
    /// each other.
    fn between_aligned(&self, i: usize, j: usize) -> bool {
        let together = |i: usize, j: usize| match (self.left.get(i), self.right.get(j)) {
            (Some(Some(x)), Some(Some(y))) => x == y,
            _ => false,
        };
        (i > 0 && j > 0 && together(i - 1, j - 1)) || together(i + 1, j + 1)
    }

    /// Takes a merge if its sentences are free or held only by one alignment inside the merge,
    /// which the merge then replaces.
    fn merge(&mut self, c: Candidate) {
        let holders: Vec<usize> = c
            .left
            .iter()
            .map(|&i| self.left[i])
            .chain(c.right.iter().map(|&j| self.right[j]))
            .flatten()
            .collect();
        let Some(&first) = holders.first() else {
            self.add(c);
            return;
        };
        if holders.iter().any(|&h| h != first) {
            return;
        }
        let inside = self.alignments[first].as_ref().is_some_and(|held| {
            held.left.iter().all(|i| c.left.contains(i))
                && held.right.iter().all(|j| c.right.contains(j))
        });
        if inside {
            self.alignments[first] = None;
            self.add(c);
        }
    }
}

/// Which article of the pair a sentence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// One outlet often tells in two sentences what the other tells in one, or repeats a statement
/// ("Romney said in a statement: \"... exit the Senate race.\"" and, further down, the quote
/// again on its own). The first is matched; the second is left over though it matches the same
/// sentence well enough on its own, because that sentence is taken. Such a sentence left over
/// becomes a second partner of the taken sentence when it is an alignment with it by the usual
/// thresholds and adds to what it says: the taken sentence matches its partners and this one
/// together better, by [`MERGE_GAIN`], than its partners alone. Each sentence left over takes
/// one second partner, and each taken sentence one more, the best alike first.
fn second_partners(
    index: &Index,
    a: &IndexedArticle,
    b: &IndexedArticle,
    chosen: &Chosen,
    candidates: &[(usize, usize, Likeness)],
) -> Vec<(Candidate, Side)> {
    let mut proposed: Vec<(usize, usize, f32, Side)> = Vec::new();
    for &(i, j, m) in candidates {
        if !m.is_alignment() {
            continue;
        }
        let (held, free) = match (chosen.left[i], chosen.right[j]) {
            (None, Some(held)) => (held, Side::Left),
            (Some(held), None) => (held, Side::Right),
            _ => continue,
        };
        let Some(alignment) = &chosen.alignments[held] else {
            continue;
        };
        // The free sentence, the taken one, and the taken one's partners (the free one's side).
        let (free_sentence, taken, partners) = match free {
            Side::Left => (&a.sentences[i], &b.sentences[j], bag_of(a, &alignment.left)),
            Side::Right => (
                &b.sentences[j],
                &a.sentences[i],
                bag_of(b, &alignment.right),
            ),
        };
        let before = likeness(index, &partners.terms, partners.norm, taken).cosine;
        let (terms, norm) = union(&partners, free_sentence);
        let after = likeness(index, &terms, norm, taken).cosine;
        if after >= before + MERGE_GAIN {
            proposed.push((i, j, m.cosine, free));
        }
    }
    proposed.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let (mut left_used, mut right_used) = (
        vec![false; a.sentences.len()],
        vec![false; b.sentences.len()],
    );
    let mut found = Vec::new();
    for (i, j, score, free) in proposed {
        if left_used[i] || right_used[j] {
            continue;
        }
        left_used[i] = true;
        right_used[j] = true;
        found.push((
            Candidate {
                left: vec![i],
                right: vec![j],
                score,
            },
            free,
        ));
    }
    found
}

/// The sentences `which` of `article` read as one bag.
fn bag_of(article: &IndexedArticle, which: &[usize]) -> SentenceTerms {
    let mut bag = SentenceTerms::default();
    for &k in which {
        let (terms, norm) = union(&bag, &article.sentences[k]);
        bag = SentenceTerms { terms, norm };
    }
    bag
}

/// Sentences made of function words alone ("Why?", "How are you?") have no rare term to be
/// found by, so no candidate: two such sentences left over, one in each article, with the same
/// words and no other sentence left over with those words, say the same thing.
fn same_plain_words(
    index: &Index,
    a: &IndexedArticle,
    b: &IndexedArticle,
    chosen: &Chosen,
) -> Vec<Candidate> {
    let key = |sentence: &SentenceTerms| -> Option<Vec<u32>> {
        let all_function = sentence
            .terms
            .iter()
            .all(|&(t, _)| index.kind(t) == TermKind::Function);
        (!sentence.terms.is_empty() && all_function)
            .then(|| sentence.terms.iter().map(|&(t, _)| t).collect())
    };
    let leftover = |article: &IndexedArticle, held: &[Option<usize>]| {
        let mut by_words: rustc_hash::FxHashMap<Vec<u32>, Vec<usize>> = Default::default();
        for (i, sentence) in article.sentences.iter().enumerate() {
            if held[i].is_none() {
                if let Some(words) = key(sentence) {
                    by_words.entry(words).or_default().push(i);
                }
            }
        }
        by_words
    };
    let (left, right) = (leftover(a, &chosen.left), leftover(b, &chosen.right));
    let mut found: Vec<Candidate> = left
        .iter()
        .filter_map(|(words, is)| {
            let js = right.get(words)?;
            let (&[i], &[j]) = (is.as_slice(), js.as_slice()) else {
                return None;
            };
            let sentence = &a.sentences[i];
            let likeness = likeness(index, &sentence.terms, sentence.norm, &b.sentences[j]);
            Some(Candidate {
                left: vec![i],
                right: vec![j],
                score: likeness.cosine,
            })
        })
        .collect();
    found.sort_by_key(|c| c.left[0]);
    found
}

/// How alike two bags are.
#[derive(Debug, Clone, Copy)]
struct Likeness {
    cosine: f32,
    /// Content terms in both that are not names.
    shared_plain: usize,
    /// Both sentences report the same speaker; the likeness leaves out the words that say so.
    same_speaker: bool,
}

impl Likeness {
    /// Whether two sentences this alike say the same thing.
    fn is_alignment(&self) -> bool {
        let needed = match (self.shared_plain, self.same_speaker) {
            (0, _) => SHORT_MATCH_MIN,
            (1, false) => ONE_WORD_MATCH_MIN,
            (1, true) => SAME_SPEAKER_ONE_WORD_MIN,
            _ => ALIGN_MIN,
        };
        self.cosine >= needed
    }

    /// Whether two sentences this alike, standing between aligned neighbours, say the same
    /// thing though they are not alike enough on their own.
    fn is_alignment_in_context(&self) -> bool {
        self.cosine >= CONTEXT_MATCH_MIN && self.shared_plain >= 1 && !self.is_alignment()
    }
}

/// Every sentence pair that shares a rare term, with its similarity.
fn single_candidates(
    index: &Index,
    a: &IndexedArticle,
    b: &IndexedArticle,
) -> Vec<(usize, usize, Likeness)> {
    let mut seen = vec![false; b.sentences.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut found = Vec::new();
    // Two sentences of one speaker are candidates even with no rare term in common: "Well,
    // which is it?" and "\"Well, which is it?\" Scalia asked." share only the speaker's name.
    let mut by_speaker: rustc_hash::FxHashMap<&str, Vec<u32>> = Default::default();
    for (j, speaker) in b.speakers.iter().enumerate() {
        if let Some(speaker) = speaker {
            by_speaker
                .entry(speaker.surname.as_str())
                .or_default()
                .push(j as u32);
        }
    }
    for (i, sentence) in a.sentences.iter().enumerate() {
        if let Some(speaker) = &a.speakers[i] {
            for &j in by_speaker
                .get(speaker.surname.as_str())
                .into_iter()
                .flatten()
            {
                if !seen[j as usize] {
                    seen[j as usize] = true;
                    touched.push(j);
                }
            }
        }
        for &(term, _) in &sentence.terms {
            let (Some(here), Some(there)) = (a.postings.get(&term), b.postings.get(&term)) else {
                continue;
            };
            if here.len() * there.len() > RARE_TERM_PAIRS_MAX {
                continue;
            }
            for &(j, _) in there {
                if !seen[j as usize] {
                    seen[j as usize] = true;
                    touched.push(j);
                }
            }
        }
        for j in touched.drain(..) {
            seen[j as usize] = false;
            let likeness = likeness(
                index,
                &sentence.terms,
                sentence.norm,
                &b.sentences[j as usize],
            );
            let Some(likeness) = heard(index, a, i, b, j as usize, likeness) else {
                continue;
            };
            if likeness.cosine >= CANDIDATE_MIN {
                found.push((i, j as usize, likeness));
            }
        }
    }
    found
}

/// Merges of two adjacent sentences of the other article that match `one` better together
/// than either alone: (first, second, score).
fn merges(
    index: &Index,
    one: &SentenceTerms,
    others: &[SentenceTerms],
    matches: &mut [(usize, f32)],
) -> Vec<(usize, usize, f32)> {
    matches.sort_unstable_by_key(|&(j, _)| j);
    let mut found = Vec::new();
    for pair in matches.windows(2) {
        let ((j, first), (k, second)) = (pair[0], pair[1]);
        if k != j + 1 {
            continue;
        }
        let (terms, norm) = union(&others[j], &others[k]);
        let together = likeness(index, &terms, norm, one);
        if together.is_alignment() && together.cosine >= first.max(second) + MERGE_GAIN {
            found.push((j, k, together.cosine));
        }
    }
    found
}

/// The bag of two sentences read as one: each term at its higher weight.
fn union(x: &SentenceTerms, y: &SentenceTerms) -> (Vec<(u32, f32)>, f32) {
    let mut terms = Vec::with_capacity(x.terms.len() + y.terms.len());
    let (mut i, mut j) = (0, 0);
    while i < x.terms.len() || j < y.terms.len() {
        match (x.terms.get(i), y.terms.get(j)) {
            (Some(&(s, v)), Some(&(t, w))) if s == t => {
                terms.push((s, v.max(w)));
                i += 1;
                j += 1;
            }
            (Some(&(s, v)), Some(&(t, _))) if s < t => {
                terms.push((s, v));
                i += 1;
            }
            (Some(&(s, v)), None) => {
                terms.push((s, v));
                i += 1;
            }
            (_, Some(&(t, w))) => {
                terms.push((t, w));
                j += 1;
            }
            (None, None) => break,
        }
    }
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    (terms, norm)
}

fn likeness(index: &Index, terms: &[(u32, f32)], norm: f32, other: &SentenceTerms) -> Likeness {
    let (mut i, mut j) = (0, 0);
    let (mut dot, mut shared_plain) = (0.0f32, 0usize);
    while i < terms.len() && j < other.terms.len() {
        let ((s, v), (t, w)) = (terms[i], other.terms[j]);
        if s == t {
            dot += v * w;
            if index.kind(s) == TermKind::Plain {
                shared_plain += 1;
            }
            i += 1;
            j += 1;
        } else if s < t {
            i += 1;
        } else {
            j += 1;
        }
    }
    let denominator = norm * other.norm;
    let cosine = if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    };
    Likeness {
        cosine,
        shared_plain,
        same_speaker: false,
    }
}

/// What the speakers of sentence `i` of `a` and `j` of `b` tell of their likeness `plain`
/// (`None`: they are not one statement).
///
/// Two sentences that quote or report one speaker share the speaker's name and title whatever
/// they say, so what they say is read apart from the attribution: when that shares next to
/// nothing ("Theodore J. Boutrous Jr., a lawyer for Wal-Mart, said the handful of women ...
/// did not have typical experiences" / "Wal-Mart lawyer Theodore Boutrous argued that every
/// member of the class couldn't ...") they are two statements; when it is alike, a quotation
/// and its paraphrase ("I'm getting whipsawed here," he told ... / Scalia said he felt
/// "whipsawed") need less than other sentences. Two sentences whose speakers differ, one of them
/// named beside the words, are two statements whatever words they share.
fn heard(
    index: &Index,
    a: &IndexedArticle,
    i: usize,
    b: &IndexedArticle,
    j: usize,
    plain: Likeness,
) -> Option<Likeness> {
    match (&a.speakers[i], &b.speakers[j]) {
        (Some(x), Some(y)) if x.surname == y.surname => {
            let apart = likeness_apart(index, &a.sentences[i], &b.sentences[j], &x.terms, &y.terms);
            if apart.cosine < SPEAKER_APART_MIN || (apart.is_alignment() && !plain.is_alignment()) {
                Some(apart)
            } else {
                Some(plain)
            }
        }
        (Some(x), Some(y)) if x.named || y.named => None,
        _ => Some(plain),
    }
}

/// The likeness of two sentences of one speaker with the words of both attributions left out.
fn likeness_apart(
    index: &Index,
    x: &SentenceTerms,
    y: &SentenceTerms,
    skip_x: &[u32],
    skip_y: &[u32],
) -> Likeness {
    let kept = |t: u32| skip_x.binary_search(&t).is_err() && skip_y.binary_search(&t).is_err();
    let keep = |s: &SentenceTerms| -> SentenceTerms {
        let terms: Vec<(u32, f32)> = s.terms.iter().copied().filter(|&(t, _)| kept(t)).collect();
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        SentenceTerms { terms, norm }
    };
    let (x, y) = (keep(x), keep(y));
    Likeness {
        same_speaker: true,
        ..likeness(index, &x.terms, x.norm, &y)
    }
}
