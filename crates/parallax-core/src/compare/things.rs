//! Facts about one named thing (a summit, a vote, a debate, a package) that two articles state
//! differently in sentences the alignment did not match.
//!
//! Two reports rarely word such sentences alike: one gives "the Alaska summit" the year 2022,
//! the other speaks of "the US-Russia summit held in Anchorage, Alaska, in August 2025" while
//! saying something else. The values conflict when both sentences name the same kind of thing
//! (by the noun nearest the value), share more words about it than the noun, and neither
//! article gives the other's value to that thing (then they speak of two summits). A thing
//! marked as another instance ("next Tuesday's debate", "last year's summit") or a value marked
//! as relative ("earlier Thursday", "Monday, a day after the meeting") proves nothing.
//!
//! Times said relative to the report's own day ("issued last month" against "last week
//! warned") are compared too, when the two sentences state one more value alike and share
//! many words: then they tell of one event and date it differently.

use rustc_hash::FxHashSet as HashSet;

use super::conflicts::{agree, Fact};
use super::{Alignment, Conflict};
use crate::entities::{self, QuantityKind, QuantityValue};
use crate::text::{self, lexicon, Token, TokenKind};

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

/// Words that put a time before or after the thing they introduce: in "Monday, a day after the
/// meeting" Monday is not the meeting's day.
const RELATION_WORDS: &[&str] = &[
    "after",
    "before",
    "following",
    "since",
    "until",
    "ahead",
    "preceding",
    "during",
    "throughout",
    "amid",
];

/// Words that say a time or a number, not what it is said of: two sentences sharing "night" or
/// "million" say nothing more alike about one thing. The names of days and months are such
/// words too ([`lexicon::WEEKDAYS`], [`lexicon::MONTHS`]), and numbers written as words
/// ([`entities::small_number`]).
const VALUE_WORDS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "tonight",
    "today",
    "yesterday",
    "tomorrow",
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
];

/// The stem says a time or a number. Only the words two sentences share are asked, so the
/// stems of the list are made once, on first use.
fn is_value_stem(stem: &str) -> bool {
    static STEMS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    STEMS
        .get_or_init(|| {
            VALUE_WORDS
                .iter()
                .chain(&lexicon::WEEKDAYS)
                .chain(&lexicon::MONTHS)
                .map(|w| text::stem(&w.to_lowercase()))
                .collect()
        })
        .contains(stem)
        || entities::small_number(stem).is_some()
}

/// A day or a month, written with its capital ("May", not the verb "may"): another date between
/// a value and a thing dates the thing ("On Wednesday, officers involved in Saturday's shooting
/// were arrested").
fn is_date_word(t: &Token) -> bool {
    let word = without_possessive(t.text);
    t.text.starts_with(char::is_uppercase)
        && (one_of(word, &lexicon::WEEKDAYS) || one_of(word, &lexicon::MONTHS))
}

/// Verbs of saying: "said Tuesday", "announced on Friday" date the saying, not what is said.
const SAYING_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "added",
    "stated",
    "reported",
];

/// The value at token `at` follows a verb of saying ("said on Tuesday").
fn dates_the_saying(words: &[Token], at: usize) -> bool {
    words[at.saturating_sub(2)..at]
        .iter()
        .any(|t| one_of(t.text, SAYING_WORDS))
}

/// Between the value and the thing at token `thing` stands another date: the thing is its.
fn dated_by_another(words: &[Token], at: usize, after: usize, thing: usize) -> bool {
    let between = if thing < at {
        thing + 1..at
    } else {
        after..thing
    };
    words[between].iter().any(is_date_word)
}

/// The word is one of `list`, in any case, without folding it into a new string: these checks
/// run for every word near every value.
fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The word without a possessive `'s` ("Saturday's" -> "Saturday").
fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

/// The thing at token `thing` follows the value ending before `after` across a relation word.
fn related_across(words: &[Token], after: usize, thing: usize) -> bool {
    thing >= after
        && words[after..thing]
            .iter()
            .any(|t| one_of(t.text, RELATION_WORDS))
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
    if kind != QuantityKind::Money && dates_the_saying(words, at) {
        return None;
    }
    let family = |k: usize| things.iter().find(|(s, _)| *s == stems[k]).map(|(_, f)| *f);
    // A capitalised thing word inside the sentence names something ("the Eastern Conference").
    let named = |k: usize| k > 0 && words[k].text.starts_with(char::is_uppercase);
    let nearest = (0..words.len())
        .filter(|&k| (k < at || k >= after) && words[k].kind == TokenKind::Word)
        .filter(|&k| family(k).is_some() && !named(k))
        .min_by_key(|&k| if k < at { at - k } else { k + 1 - after })?;
    let noun = family(nearest).unwrap_or_default().to_string();
    let relative = words[nearest.saturating_sub(3)..nearest]
        .iter()
        .any(is_relative)
        || relative_value(words, at, after)
        || related_across(words, after, nearest)
        || (kind != QuantityKind::Money && dated_by_another(words, at, after, nearest));
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

/// Units of a time said relative to the report's own day: "last week", "last month".
const PERIOD_UNITS: &[&str] = &["week", "month", "year"];

/// A time a sentence says relative to the report's own day, with what else the sentence says.
#[derive(Clone)]
pub(crate) struct Period {
    /// `week`, `month` or `year`.
    unit: &'static str,
    /// As written: `last week`.
    text: String,
    /// Stems of the sentence's content words, the period left out.
    words: HashSet<String>,
}

/// The one time of the form "last week" / "last month" / "last year" a sentence says, if it says
/// exactly one (two different ones leave unclear which the sentence's facts belong to).
pub(crate) fn period_of(words: &[Token], stems: &[String]) -> Option<Period> {
    let mut found: Option<(usize, &'static str)> = None;
    for k in 1..words.len() {
        let unit = text::normalize(words[k].text);
        let Some(unit) = PERIOD_UNITS
            .iter()
            .find(|u| **u == unit.trim_end_matches("'s"))
        else {
            continue;
        };
        if text::normalize(words[k - 1].text) != "last" {
            continue;
        }
        match found {
            Some((_, seen)) if seen != *unit => return None,
            Some(_) => {}
            None => found = Some((k, unit)),
        }
    }
    let (k, unit) = found?;
    let words_of: HashSet<String> = (0..words.len())
        .filter(|&i| i + 1 != k && i != k && words[i].kind == TokenKind::Word)
        .filter(|&i| !text::is_function_word(words[i].text))
        .map(|i| stems[i].clone())
        .collect();
    Some(Period {
        unit,
        text: format!("{} {}", words[k - 1].text, words[k].text),
        words: words_of,
    })
}

/// Two sentences dating an event by different periods share this many content words besides
/// one value they state alike: they tell of the same event.
const PERIOD_SHARED_WORDS: usize = 4;

/// "Last week" against "last month" in two unaligned sentences that state one other value alike
/// and share many words: the same event dated differently.
fn period_conflicts(
    a: &[Fact],
    b: &[Fact],
    aligned: &dyn Fn(usize, usize) -> bool,
) -> Vec<Conflict> {
    let mut conflicts: Vec<Conflict> = Vec::new();
    for x in a {
        let Some(px) = &x.period else { continue };
        for y in b {
            let Some(py) = &y.period else { continue };
            if px.unit == py.unit
                || aligned(x.sentence, y.sentence)
                || !comparable_kinds(x, y)
                || !agree(x, y)
                || px
                    .words
                    .intersection(&py.words)
                    .filter(|w| !is_value_stem(w))
                    .count()
                    < PERIOD_SHARED_WORDS
            {
                continue;
            }
            let conflict = Conflict {
                kind: QuantityKind::Date.name().to_string(),
                left: px.text.clone(),
                right: py.text.clone(),
                left_sentence: x.sentence,
                right_sentence: y.sentence,
            };
            if !conflicts.contains(&conflict) {
                conflicts.push(conflict);
            }
        }
    }
    conflicts
}

/// The two values are of one kind and unit, and not a weekday: a day of the week two reports
/// share says little of which event they tell.
fn comparable_kinds(x: &Fact, y: &Fact) -> bool {
    let (p, q) = (&x.quantity, &y.quantity);
    p.kind == q.kind && p.unit == q.unit && p.kind != QuantityKind::Weekday
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
        && x.words
            .intersection(&y.words)
            .filter(|w| !is_value_stem(w))
            .count()
            >= SHARED_WORDS
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
    for conflict in period_conflicts(a, b, &aligned) {
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

    #[test]
    fn a_day_given_across_after_is_not_the_day_of_the_thing_named_after_it() {
        assert!(unaligned(
            "The chairman drew criticism on Friday, after his speech at a Connecticut fund-raiser \
             on the war.",
            "The chairman's speech on the war, given at a fund-raiser in Connecticut, came on \
             Thursday night.",
        )
        .is_empty());
        assert_eq!(
            unaligned(
                "The chairman gave his speech on the war on Friday at a Connecticut fund-raiser.",
                "The chairman's speech on the war, given at a fund-raiser in Connecticut, came on \
                 Thursday night.",
            ),
            [pair("Friday", "Thursday")],
            "without the relation word the day is the speech's"
        );
    }

    #[test]
    fn one_report_dated_last_week_and_last_month_conflicts() {
        assert_eq!(
            unaligned(
                "The county's actuaries last week warned the pension fund will run dry in 2041, \
                 leaving retirees facing deep cuts.",
                "The latest actuarial projections, issued last month, show the county pension \
                 fund running dry by 2041 and retirees facing cuts.",
            ),
            [pair("last week", "last month")]
        );
    }

    #[test]
    fn periods_without_a_shared_value_or_of_one_length_are_no_conflict() {
        assert!(
            unaligned(
                "The county's actuaries last week warned the pension fund will run dry in 2041, \
                 leaving retirees facing deep cuts.",
                "The county pension fund, running dry, left retirees facing cuts when the board \
                 met last month to plan for 2039.",
            )
            .is_empty(),
            "no value stated alike"
        );
        assert!(unaligned(
            "The county's actuaries last week warned the pension fund will run dry in 2041, \
             leaving retirees facing deep cuts.",
            "Last week the county's actuaries said the pension fund runs dry in 2041, with \
             retirees facing cuts.",
        )
        .is_empty());
        assert!(
            unaligned(
                "The mayor last week named a new police chief for 2041.",
                "The county budget, passed last month, runs to 2041.",
            )
            .is_empty(),
            "few words in common: two events"
        );
    }

    #[test]
    fn words_of_times_and_numbers_do_not_tie_two_sentences_to_one_thing() {
        assert!(unaligned(
            "The Rovers won on Thursday night after a meeting of the two clubs' owners.",
            "The Rovers' coach visited the training ground Wednesday night.",
        )
        .is_empty());
    }

    #[test]
    fn a_day_within_a_longer_thing_is_no_conflict() {
        assert!(unaligned(
            "Two men accused of the killing went on trial Wednesday in Brooklyn.",
            "A video was shown in the Brooklyn court on Thursday during the trial of the two men \
             accused of the killing.",
        )
        .is_empty());
    }

    #[test]
    fn a_day_said_of_a_saying_is_not_the_day_of_the_thing_said() {
        assert!(unaligned(
            "The mayor said Tuesday the budget vote of the city council was a mistake.",
            "The city council's budget vote, which the mayor opposed, came on Monday.",
        )
        .is_empty());
        assert_eq!(
            unaligned(
                "The city council's budget vote on Tuesday was a mistake, the mayor argued.",
                "The city council's budget vote, which the mayor opposed, came on Monday.",
            ),
            [pair("Tuesday", "Monday")]
        );
    }

    #[test]
    fn a_capitalised_thing_word_inside_a_sentence_is_a_name() {
        assert!(unaligned(
            "The Hawks, top team of the Western Conference, lost on Friday in Denver.",
            "Denver's win over the Hawks, the Western Conference's top team, came Saturday.",
        )
        .is_empty());
    }

    #[test]
    fn a_thing_dated_by_another_day_between_is_not_the_value_s() {
        assert!(unaligned(
            "On Wednesday, two officers involved in Saturday's shooting in the square were \
             arrested.",
            "The shooting in the square by two officers took place on Saturday night.",
        )
        .is_empty());
        assert_eq!(
            unaligned(
                "On Wednesday, two officers involved in Friday's shooting in the square were \
                 arrested.",
                "The shooting in the square by two officers took place on Saturday night.",
            ),
            [pair("Friday's", "Saturday")],
            "the day next to the thing is its day"
        );
    }
}
