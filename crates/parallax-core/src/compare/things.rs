//! Facts about one named thing (a summit, a vote, a debate, a package) that two articles state
//! differently in sentences the alignment did not match.
//!
//! Two reports rarely word such sentences alike: one gives "the Alaska summit" the year 2022,
//! the other speaks of "the US-Russia summit held in Anchorage, Alaska, in August 2025" while
//! saying something else. The values conflict when both sentences name the same kind of thing
//! (by the noun nearest the value), share more words about it than the noun, and neither
//! article gives the other's value to that thing (then they speak of two summits). A thing
//! marked as another instance ("next Tuesday's debate", "last year's summit") or a value marked
//! as relative ("earlier Thursday") proves nothing.

use rustc_hash::FxHashSet as HashSet;

use super::conflicts::{agree, Fact};
use super::{Alignment, Conflict};
use crate::entities::{QuantityKind, QuantityValue};
use crate::text::{self, Token, TokenKind};

/// The thing a value is said of, as its sentence names it.
pub(crate) struct Thing {
    /// The family of the word naming it (`meeting`, `debate`, `vote`, `package`).
    noun: String,
    /// Stems of the sentence's content words, the noun left out: what else it says of the thing.
    words: HashSet<String>,
    /// The thing or the value is marked as another instance or a relative time.
    relative: bool,
}

/// Stems of words naming an occasion a report can date, with the family they belong to: "the
/// House voted" and "the resolution passed" speak of one vote.
const OCCASIONS: &[(&str, &str)] = &[
    ("summit", "meeting"),
    ("meet", "meeting"),
    ("talk", "meeting"),
    ("confer", "meeting"),
    ("visit", "meeting"),
    ("debat", "debate"),
    ("vote", "vote"),
    ("pass", "vote"),
    ("elect", "election"),
    ("primari", "election"),
    ("referendum", "election"),
    ("hear", "hearing"),
    ("trial", "trial"),
    ("ceremoni", "ceremony"),
    ("inaugur", "ceremony"),
    ("funer", "ceremony"),
    ("ralli", "rally"),
    ("protest", "rally"),
    ("attack", "attack"),
    ("strike", "attack"),
    ("shoot", "attack"),
    ("bomb", "attack"),
    ("earthquak", "disaster"),
    ("crash", "disaster"),
    ("speech", "speech"),
    ("launch", "launch"),
    ("verdict", "ruling"),
];

/// Stems of nouns naming a sum a report can price: a package of aid, a deal, a grant.
const SUMS: &[(&str, &str)] = &[
    ("packag", "package"),
    ("aid", "package"),
    ("grant", "package"),
    ("loan", "package"),
    ("budget", "budget"),
    ("deal", "deal"),
    ("contract", "deal"),
    ("settlement", "deal"),
];

/// Words before a thing or a value that make it another instance or a relative time.
const RELATIVE_WORDS: &[&str] = &[
    "next", "last", "previous", "prior", "earlier", "later", "first", "second", "third", "final",
    "opening", "upcoming", "another", "ago", "this", "past", "same",
];

/// The word marks another instance or a relative time.
fn is_relative(t: &Token) -> bool {
    let word = text::normalize(t.text);
    RELATIVE_WORDS.contains(&word.trim_end_matches("'s"))
}

/// The value at token `at..after` is relative ("earlier Thursday", "a month ago Thursday").
fn relative_value(words: &[Token], at: usize, after: usize) -> bool {
    words[at.saturating_sub(2)..at].iter().any(is_relative)
        || words
            .get(after)
            .is_some_and(|t| text::normalize(t.text) == "ago")
}

/// What a value at token `at..after` of a sentence's words (with their `stems`) is said of: the
/// occasion (for a day, a date, a year) or the sum (for money) named nearest to it, if any.
pub(crate) fn thing_of(
    words: &[Token],
    stems: &[String],
    at: usize,
    after: usize,
    kind: QuantityKind,
) -> Option<Thing> {
    let things = match kind {
        QuantityKind::Weekday | QuantityKind::Date | QuantityKind::Year => OCCASIONS,
        QuantityKind::Money => SUMS,
        _ => return None,
    };
    let family = |k: usize| things.iter().find(|(s, _)| *s == stems[k]).map(|(_, f)| *f);
    let nearest = (0..words.len())
        .filter(|&k| (k < at || k >= after) && words[k].kind == TokenKind::Word)
        .filter(|&k| family(k).is_some())
        .min_by_key(|&k| if k < at { at - k } else { k + 1 - after })?;
    let noun = family(nearest).unwrap_or_default().to_string();
    let relative = words[nearest.saturating_sub(3)..nearest]
        .iter()
        .any(is_relative)
        || relative_value(words, at, after);
    let words: HashSet<String> = (0..words.len())
        .filter(|&k| k != nearest && words[k].kind == TokenKind::Word)
        .filter(|&k| !text::is_function_word(words[k].text))
        .filter(|&k| stems[k] != stems[nearest] && stems[k].chars().any(char::is_alphabetic))
        .map(|k| stems[k].clone())
        .collect();
    Some(Thing {
        noun,
        words,
        relative,
    })
}

/// Besides the noun, this many words shared by the two sentences tie them to one thing.
const SHARED_WORDS: usize = 2;

/// Kinds of values a named thing has one of: its day, its date, its year, its sum.
fn dated_or_priced(fact: &Fact) -> bool {
    matches!(
        fact.quantity.kind,
        QuantityKind::Weekday | QuantityKind::Date | QuantityKind::Year | QuantityKind::Money
    )
}

/// The year a value gives, for a year against a date (`2022` / `August 2025`).
fn year_of(fact: &Fact) -> Option<i64> {
    match (&fact.quantity.kind, &fact.quantity.value) {
        (QuantityKind::Year, QuantityValue::Number(y)) => Some(*y as i64),
        (QuantityKind::Date, QuantityValue::Text(d)) if !d.starts_with("--") => {
            d.split('-').next()?.parse().ok()
        }
        _ => None,
    }
}

/// The two values say different things of one thing, as far as their kinds tell.
fn differ(x: &Fact, y: &Fact) -> bool {
    let (p, q) = (&x.quantity, &y.quantity);
    if p.kind == q.kind && p.unit == q.unit {
        // Sums more than ten times apart are taken for different sums, as for lone amounts.
        if let (QuantityValue::Number(u), QuantityValue::Number(v)) = (&p.value, &q.value) {
            if p.kind == QuantityKind::Money && u.max(*v) > 10.0 * u.min(*v) {
                return false;
            }
        }
        return !agree(x, y);
    }
    // A year against a date: only the years can be told apart.
    match (p.kind, q.kind) {
        (QuantityKind::Year, QuantityKind::Date) | (QuantityKind::Date, QuantityKind::Year) => {
            matches!((year_of(x), year_of(y)), (Some(u), Some(v)) if u != v)
        }
        _ => false,
    }
}

/// One thing: the same noun, more words about it in common, neither marked as another one.
fn same_thing(x: &Thing, y: &Thing) -> bool {
    x.noun == y.noun
        && !x.relative
        && !y.relative
        && x.words.intersection(&y.words).count() >= SHARED_WORDS
}

/// Two facts could be one fact stated twice: comparable kinds, the same kind of thing.
fn comparable(x: &Fact, y: &Fact) -> bool {
    let (p, q) = (&x.quantity, &y.quantity);
    let kinds = p.kind == q.kind && p.unit == q.unit
        || matches!(
            (p.kind, q.kind),
            (QuantityKind::Year, QuantityKind::Date) | (QuantityKind::Date, QuantityKind::Year)
        );
    kinds && dated_or_priced(x) && dated_or_priced(y)
}

/// Conflicts of facts about one named thing, in sentences no alignment matched.
pub(super) fn named_thing_conflicts(
    a: &[Fact],
    b: &[Fact],
    alignments: &[Alignment],
) -> Vec<Conflict> {
    let aligned = |i: usize, j: usize| {
        alignments
            .iter()
            .any(|al| al.left.contains(&i) && al.right.contains(&j))
    };
    // Anyone stating the value `v` of the thing `t` in `facts`.
    let states = |facts: &[Fact], t: &Thing, v: &Fact| {
        facts.iter().any(|f| {
            f.thing.as_ref().is_some_and(|u| u.noun == t.noun) && comparable(f, v) && !differ(f, v)
        })
    };
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        let Some(tx) = &x.thing else { continue };
        for (j, y) in b.iter().enumerate() {
            let Some(ty) = &y.thing else { continue };
            if aligned(x.sentence, y.sentence)
                || !comparable(x, y)
                || !differ(x, y)
                || !same_thing(tx, ty)
                || states(a, tx, y)
                || states(b, ty, x)
            {
                continue;
            }
            anchors.push((i, j));
        }
    }
    let mut conflicts: Vec<Conflict> = Vec::new();
    for (i, j) in anchors {
        let (x, y) = (&a[i], &b[j]);
        let conflict = Conflict {
            kind: x.quantity.kind.name().to_string(),
            left: x.quantity.text.clone(),
            right: y.quantity.text.clone(),
            left_sentence: x.sentence,
            right_sentence: y.sentence,
        };
        if !conflicts.contains(&conflict) {
            conflicts.push(conflict);
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::super::conflicts::facts_of;
    use super::*;
    use crate::text::split_sentences;

    /// The conflicts of two texts none of whose sentences are aligned.
    fn unaligned(left: &str, right: &str) -> Vec<(String, String)> {
        let (a, b) = (
            facts_of(&split_sentences(left)),
            facts_of(&split_sentences(right)),
        );
        named_thing_conflicts(&a, &b, &[])
            .into_iter()
            .map(|c| (c.left, c.right))
            .collect()
    }

    fn pair(left: &str, right: &str) -> (String, String) {
        (left.to_string(), right.to_string())
    }

    #[test]
    fn a_summit_given_another_year_conflicts_though_the_sentences_differ() {
        assert_eq!(
            unaligned(
                "Peskov said the spirit of Anchorage from the 2022 Alaska summit still held.",
                "Peskov praised the spirit of Anchorage, recalling the US-Russia summit held in \
                 Anchorage, Alaska, in August 2025.",
            ),
            [pair("2022", "August 2025")]
        );
    }

    #[test]
    fn one_vote_given_two_weekdays_conflicts() {
        assert_eq!(
            unaligned(
                "The House passed the motto resolution on Tuesday, its sponsor said.",
                "On Wednesday, the House voted 396-9 on a bill that reaffirmed the motto.",
            ),
            [pair("Tuesday", "Wednesday")]
        );
    }

    #[test]
    fn one_package_given_two_amounts_conflicts() {
        assert_eq!(
            unaligned(
                "Shmyhal thanked Washington for a $105 million PATRIOT package. A $2 million \
                 hospital reopened.",
                "Washington signed off on a $150 million package for Ukraine's PATRIOT batteries, \
                 Shmyhal said. The mayor spent $40,000 on flowers.",
            ),
            [pair("$105 million", "$150 million")]
        );
    }

    #[test]
    fn the_same_value_in_another_form_is_no_conflict() {
        assert!(unaligned(
            "Peskov recalled the spirit of Anchorage at the 2025 Alaska summit.",
            "Peskov praised the spirit of Anchorage, recalling the summit held in Anchorage, \
             Alaska, in August 2025.",
        )
        .is_empty());
        assert!(unaligned(
            "Shmyhal thanked Washington for the $105m PATRIOT package.",
            "Washington approved a package of 105 million dollars for PATRIOT, Shmyhal said.",
        )
        .is_empty());
    }

    #[test]
    fn values_of_different_things_are_no_conflict() {
        assert!(unaligned(
            "Peskov recalled the spirit of Anchorage at the 2025 Alaska summit.",
            "Peskov said the spirit of Anchorage goes back to the 2022 Alaska election.",
        )
        .is_empty());
        assert!(
            unaligned(
                "The Alaska summit was held on Friday.",
                "Talks in Geneva on trade began on Monday.",
            )
            .is_empty(),
            "one noun in common is not enough"
        );
    }

    #[test]
    fn another_instance_or_a_relative_day_is_no_conflict() {
        assert!(unaligned(
            "Peskov said the spirit of Anchorage from the Alaska summit in August 2025 lives on.",
            "Peskov said the next Alaska summit, in the spirit of Anchorage, could come in 2026.",
        )
        .is_empty());
        assert!(unaligned(
            "The vice presidential debate was held on Thursday in Danville.",
            "An aide said earlier Tuesday that the vice presidential debate in Danville mattered.",
        )
        .is_empty());
    }

    #[test]
    fn a_report_that_gives_both_values_speaks_of_two_things() {
        assert!(unaligned(
            "The Alaska summit of Putin and Trump in 2025 echoed the one in 2018.",
            "Putin and Trump met at a summit in Alaska in 2018. The Alaska summit of Putin and \
             Trump in 2025 followed.",
        )
        .is_empty());
    }
}
