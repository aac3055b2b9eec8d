//! Which entities every outlet names and which only some do: per pair of articles and for a
//! whole event, with a per-kind score and the entity x article matrix.

use serde::{Deserialize, Serialize};

use super::{EntityKind, ResolvedEntity};

/// How much the articles of an event agree on whom and what they name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    /// Number of articles.
    pub articles: usize,
    /// Indices (into the resolved entities given) of the entities every article names.
    pub shared: Vec<usize>,
    /// Indices of the entities some articles name and others leave out.
    pub partial: Vec<usize>,
    /// Per kind: entities every article names over entities any article names.
    pub by_kind: Vec<KindOverlap>,
    /// Overlap of all kinds together, from 0 to 1.
    pub score: f64,
    /// Mention counts: one row per entity, one column per article.
    pub matrix: Vec<Vec<usize>>,
    /// The same, for each pair of articles.
    pub pairs: Vec<PairOverlap>,
}

/// The overlap of one kind of entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindOverlap {
    /// The kind.
    pub kind: EntityKind,
    /// Entities of this kind named by every article considered.
    pub shared: usize,
    /// Entities of this kind named by any of them.
    pub named: usize,
    /// `shared / named` (1 when none is named).
    pub score: f64,
}

/// The overlap of two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairOverlap {
    /// Index of the left article.
    pub left: usize,
    /// Index of the right article.
    pub right: usize,
    /// Entities both name.
    pub shared: Vec<usize>,
    /// Entities only the left article names.
    pub left_only: Vec<usize>,
    /// Entities only the right article names.
    pub right_only: Vec<usize>,
    /// Per-kind overlap of the two.
    pub by_kind: Vec<KindOverlap>,
    /// Overlap of all kinds together, from 0 to 1.
    pub score: f64,
}

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

fn ratio(shared: usize, named: usize) -> f64 {
    if named == 0 {
        1.0
    } else {
        shared as f64 / named as f64
    }
}

/// Overlap of the given articles (`members`) over the resolved entities.
fn over(
    entities: &[ResolvedEntity],
    members: &[usize],
) -> (Vec<usize>, Vec<usize>, Vec<KindOverlap>, f64) {
    let named_by = |e: &ResolvedEntity| {
        members
            .iter()
            .filter(|&&a| e.mentions.get(a).copied().unwrap_or(0) > 0)
            .count()
    };
    let mut shared = Vec::new();
    let mut partial = Vec::new();
    for (i, e) in entities.iter().enumerate() {
        match named_by(e) {
            0 => {}
            n if n == members.len() => shared.push(i),
            _ => partial.push(i),
        }
    }
    let by_kind = KINDS
        .iter()
        .map(|&kind| {
            let shared = shared.iter().filter(|&&i| entities[i].kind == kind).count();
            let named = shared
                + partial
                    .iter()
                    .filter(|&&i| entities[i].kind == kind)
                    .count();
            KindOverlap {
                kind,
                shared,
                named,
                score: ratio(shared, named),
            }
        })
        .collect();
    let score = ratio(shared.len(), shared.len() + partial.len());
    (shared, partial, by_kind, score)
}

/// Computes the overlap of `articles` articles from entities resolved across them
/// ([`resolve_across`](super::resolve_across)).
pub fn overlap(entities: &[ResolvedEntity], articles: usize) -> Overlap {
    let all: Vec<usize> = (0..articles).collect();
    let (shared, partial, by_kind, score) = over(entities, &all);
    let matrix = entities
        .iter()
        .map(|e| {
            (0..articles)
                .map(|a| e.mentions.get(a).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for left in 0..articles {
        for right in left + 1..articles {
            let (shared, partial, by_kind, score) = over(entities, &[left, right]);
            let (left_only, right_only) = partial
                .into_iter()
                .partition(|&i| entities[i].mentions[left] > 0);
            pairs.push(PairOverlap {
                left,
                right,
                shared,
                left_only,
                right_only,
                by_kind,
                score,
            });
        }
    }
    Overlap {
        articles,
        shared,
        partial,
        by_kind,
        score,
        matrix,
        pairs,
    }
}
