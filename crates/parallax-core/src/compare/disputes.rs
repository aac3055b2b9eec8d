//! Disputed facts across all compared articles: the conflicts of every pair gathered into one
//! entry per fact, with each value once and the articles that give it.
//!
//! With five reports of one event, one amount given two ways is seven pairwise conflicts
//! ("$105 million (Northgate) vs $150 million (Continental)", then the same for each other
//! outlet); a reader wants one line: "$105 million: four outlets / $150 million: one".

use serde::{Deserialize, Serialize};

use super::conflicts::{same_value, Fact};
use super::disjoint_sets::DisjointSets;
use super::PairComparison;

/// One fact the articles state with different values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputedFact {
    /// What kind of fact: `money`, `number`, `date`, `weekday`, `year`, `quote`...
    pub kind: String,
    /// A short label of what is disputed, from the words around the values ("package amount").
    pub what: String,
    /// The values given, each once (equal values in other forms are one value), first seen first.
    pub values: Vec<DisputedValue>,
}

/// One value of a disputed fact and who gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputedValue {
    /// The value as the first article giving it writes it.
    pub text: String,
    /// The articles that give it, in increasing order.
    pub articles: Vec<usize>,
    /// `[article, sentence]` of every sentence that gives it, in order.
    pub sentences: Vec<[usize; 2]>,
}

/// One value stated in one sentence, as a conflict names it.
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    article: usize,
    sentence: usize,
    text: String,
}

/// Gathers the conflicts of all `pairs` into disputed facts: two values a conflict opposes
/// belong to one fact, and so, through a value they share, do the values of other conflicts.
pub(super) fn disputed_facts(pairs: &[PairComparison], facts: &[Vec<Fact>]) -> Vec<DisputedFact> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut kinds: Vec<String> = Vec::new();
    let mut id_of = |m: Mention, kind: &str, mentions: &mut Vec<Mention>| -> usize {
        if let Some(i) = mentions.iter().position(|known| *known == m) {
            return i;
        }
        mentions.push(m);
        kinds.push(kind.to_string());
        mentions.len() - 1
    };
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for pair in pairs {
        for c in &pair.conflicts {
            let left = Mention {
                article: pair.left,
                sentence: c.left_sentence,
                text: c.left.clone(),
            };
            let right = Mention {
                article: pair.right,
                sentence: c.right_sentence,
                text: c.right.clone(),
            };
            let (l, r) = (
                id_of(left, &c.kind, &mut mentions),
                id_of(right, &c.kind, &mut mentions),
            );
            joins.push((l, r));
        }
    }
    let mut sets = DisjointSets::new(mentions.len());
    for (l, r) in joins {
        sets.join(l, r);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_root: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| (mentions[m].article, mentions[m].sentence));
    for m in order {
        let root = sets.find(m);
        let g = *group_of_root[root].get_or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(m);
    }
    let fact_of = |m: &Mention| -> Option<&Fact> {
        facts
            .get(m.article)?
            .iter()
            .find(|f| f.sentence == m.sentence && f.quantity.text == m.text)
    };
    groups
        .into_iter()
        .map(|group| {
            let mut values: Vec<(Vec<usize>, DisputedValue)> = Vec::new();
            for &m in &group {
                let mention = &mentions[m];
                let same = values.iter().position(|(members, _)| {
                    let other = &mentions[members[0]];
                    other.text == mention.text
                        || match (fact_of(other), fact_of(mention)) {
                            (Some(x), Some(y)) => same_value(&x.quantity, &y.quantity),
                            _ => false,
                        }
                });
                let at = same.unwrap_or_else(|| {
                    values.push((
                        Vec::new(),
                        DisputedValue {
                            text: mention.text.clone(),
                            articles: Vec::new(),
                            sentences: Vec::new(),
                        },
                    ));
                    values.len() - 1
                });
                let (members, value) = &mut values[at];
                members.push(m);
                value.sentences.push([mention.article, mention.sentence]);
                if !value.articles.contains(&mention.article) {
                    value.articles.push(mention.article);
                }
            }
            let kind = kinds[group[0]].clone();
            let nearby: Vec<&Fact> = group
                .iter()
                .filter_map(|&m| fact_of(&mentions[m]))
                .collect();
            DisputedFact {
                what: label(&kind, &nearby),
                kind,
                values: values
                    .into_iter()
                    .map(|(_, mut value)| {
                        value.articles.sort_unstable();
                        value.sentences.sort_unstable();
                        value
                    })
                    .collect(),
            }
        })
        .collect()
}

/// "sea wall amount": the two words most of the statements put near the value (nearest first on
/// a tie), in the first statement's order and spelling, then what kind of value it is.
fn label(kind: &str, facts: &[&Fact]) -> String {
    let noun = match kind {
        "money" => "amount",
        "number" => "count",
        "casualties" => "toll",
        "percent" => "share",
        "date" => "date",
        "weekday" => "day",
        "year" => "year",
        "age" => "age",
        "quote" => "quotation",
        other => other,
    };
    let Some(first) = facts.first() else {
        return noun.to_string();
    };
    let mut ranked: Vec<(usize, usize, &(String, String, usize))> = first
        .nearby
        .iter()
        .map(|word| {
            let shared = facts
                .iter()
                .filter(|f| f.nearby.iter().any(|(_, stem, _)| *stem == word.1))
                .count();
            (shared, word.2.abs_diff(first.quantity.start), word)
        })
        .filter(|(shared, _, (written, stem, _))| {
            *shared * 2 >= facts.len()
                && *shared >= 2
                && !is_verb_form(written)
                && !VALUE_VERBS.contains(&stem.as_str())
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<&(String, String, usize)> = Vec::new();
    for (_, _, word) in ranked {
        if chosen.len() < 2 && !chosen.iter().any(|c| c.1 == word.1) {
            chosen.push(word);
        }
    }
    chosen.sort_by_key(|word| word.2);
    let mut words: Vec<&str> = chosen.iter().map(|word| word.0.as_str()).collect();
    words.push(noun);
    words.join(" ")
}

/// Stems of verbs that put a value in a sentence ("cost $5 million", "will meet on Thursday").
const VALUE_VERBS: &[&str] = &[
    "cost", "take", "took", "pay", "paid", "reach", "rise", "rose", "fall", "fell", "meet", "met",
    "will", "would", "approv", "sign", "held", "hold", "begin", "began", "start",
];

/// "approving", "signed": verbs name what was done, not the thing a value belongs to.
fn is_verb_form(word: &str) -> bool {
    let word = word.to_lowercase();
    word.len() > 4 && (word.ends_with("ing") || word.ends_with("ed"))
}
