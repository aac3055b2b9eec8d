//! Facts two articles state differently: amounts, counts, percentages, dates, weekdays, years,
//! ages and casualty figures, found in sentences the alignment matched.
//!
//! A conflict needs evidence that both values speak of the same thing, because aligned
//! sentences often carry numbers the other does not ("three soldiers and a medic" against
//! "three soldiers"). Two values conflict only when they are of the same kind and unit, neither
//! has an equal value on the other side, and either they count the same noun, or they share a
//! context word, or each is the only unmatched value of its kind in its sentence.
//!
//! One more conflict is looked for outside the alignment: when each article states exactly one
//! amount of money in a currency and the two differ ("$42.6 million" against "$46.2 million"),
//! the articles disagree on the amount however differently they word the sentence around it.

use rustc_hash::FxHashSet as HashSet;

use super::{things, Alignment, Conflict};
use crate::entities::{
    find_quantities_in, may_hold_quantity, Quantity, QuantityKind, QuantityValue,
};
use crate::text::{self, Sentence, TokenKind};

/// Finds the facts that aligned sentences of two articles state differently, with the facts of
/// both articles already read by [`facts_of`] (once per article, however many pairs it is in).
pub(crate) fn find_conflicts_in(
    all_a: &[Fact],
    all_b: &[Fact],
    alignments: &[Alignment],
) -> Vec<Conflict> {
    let mut conflicts: Vec<Conflict> = Vec::new();
    for alignment in alignments {
        let a: Vec<&Fact> = all_a
            .iter()
            .filter(|f| alignment.left.contains(&f.sentence))
            .collect();
        let b: Vec<&Fact> = all_b
            .iter()
            .filter(|f| alignment.right.contains(&f.sentence))
            .collect();
        for conflict in conflicting_facts(&a, &b, alignment.score) {
            if !conflicts.contains(&conflict) {
                conflicts.push(conflict);
            }
        }
    }
    for conflict in lone_amounts(all_a, all_b)
        .into_iter()
        .chain(ages_of_one_person(all_a, all_b))
    {
        let known = conflicts.iter().any(|c| {
            c.kind == conflict.kind && c.left == conflict.left && c.right == conflict.right
        });
        if !known {
            conflicts.push(conflict);
        }
    }
    // One value against another in several sentences: each pair of sentences is a conflict.
    for conflict in things::named_thing_conflicts(all_a, all_b, alignments) {
        if !conflicts.contains(&conflict) {
            conflicts.push(conflict);
        }
    }
    conflicts
}

/// The conflict of two articles that each state one amount of money in a currency, and not the
/// same one. Amounts far apart (more than ten times) are taken for different things.
fn lone_amounts(a: &[Fact], b: &[Fact]) -> Vec<Conflict> {
    let amounts = |facts: &'_ [Fact], unit: &Option<String>| -> Vec<usize> {
        let mut distinct: Vec<usize> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            if f.quantity.kind == QuantityKind::Money
                && &f.quantity.unit == unit
                && !distinct.iter().any(|&d| agree(&facts[d], f))
            {
                distinct.push(i);
            }
        }
        distinct
    };
    let mut units: Vec<&Option<String>> = a
        .iter()
        .filter(|f| f.quantity.kind == QuantityKind::Money)
        .map(|f| &f.quantity.unit)
        .collect();
    units.dedup();
    let mut conflicts = Vec::new();
    for unit in units {
        let (x, y) = match (amounts(a, unit).as_slice(), amounts(b, unit).as_slice()) {
            (&[i], &[j]) => (&a[i], &b[j]),
            _ => continue,
        };
        let (QuantityValue::Number(u), QuantityValue::Number(v)) =
            (&x.quantity.value, &y.quantity.value)
        else {
            continue;
        };
        if !agree(x, y) && u.max(*v) <= 10.0 * u.min(*v) {
            conflicts.push(Conflict {
                kind: "money".to_string(),
                left: x.quantity.text.clone(),
                right: y.quantity.text.clone(),
                left_sentence: x.sentence,
                right_sentence: y.sentence,
            });
        }
    }
    conflicts
}

/// A quantity with the sentence it stands in and the words around it.
pub(crate) struct Fact {
    pub(super) quantity: Quantity,
    pub(super) sentence: usize,
    /// Stems of the content words near the quantity.
    context: HashSet<String>,
    /// The context words written with a capital (names, mostly).
    names: HashSet<String>,
    casualty: bool,
    /// `more than`, `about`, `up to`... before the value.
    qualifier: Qualifier,
    /// For an age, the surname of whom it is said (`Driscoll, 39,`), folded.
    person: Option<String>,
    /// The context words as written, their stems and where they start: a disputed fact's label.
    pub(super) nearby: Vec<(String, String, usize)>,
    /// The named thing the sentence says the value of, if it names one.
    pub(super) thing: Option<things::Thing>,
    /// "Last week", "last month": when the sentence says its event happened, if it says so.
    pub(super) period: Option<things::Period>,
}

/// How a value is hedged: "more than $1 million" agrees with "$1.1 million".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Exact,
    About,
    AtLeast,
    AtMost,
}

fn qualifier_before(tokens: &[text::Token], at: usize) -> Qualifier {
    let word = |k: usize| {
        at.checked_sub(k)
            .map(|i| text::normalize(tokens[i].text))
            .unwrap_or_default()
    };
    match (&*word(2), &*word(1)) {
        ("more" | "greater" | "higher", "than")
        | ("at", "least")
        | ("upwards", "of")
        | ("excess", "of") => Qualifier::AtLeast,
        ("less" | "fewer" | "lower", "than") | ("up", "to") | ("at", "most") => Qualifier::AtMost,
        ("close", "to") => Qualifier::About,
        (_, "over" | "above" | "exceeding") => Qualifier::AtLeast,
        (_, "under" | "below") => Qualifier::AtMost,
        (
            _,
            "about" | "around" | "roughly" | "nearly" | "almost" | "approximately" | "some"
            | "estimated" | "approximate" | "circa",
        ) => Qualifier::About,
        _ => Qualifier::Exact,
    }
}

/// The quantities of every sentence of an article, in order, datelines left out.
pub(crate) fn facts_of(sentences: &[Sentence]) -> Vec<Fact> {
    let mut facts = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        if !may_hold_quantity(&sentence.text) {
            continue;
        }
        let mut tokens = text::tokenize(&sentence.text);
        let quantities = find_quantities_in(&sentence.text, &tokens);
        if quantities.is_empty() {
            continue;
        }
        tokens.retain(text::Token::is_word);
        // Stems of the sentence's words, made once for the things its values are said of.
        let sentence_stems: std::cell::OnceCell<Vec<String>> = std::cell::OnceCell::new();
        let stems_of = || tokens.iter().map(|t| text::stem(t.text)).collect();
        // Most sentences say no "last week": its words are stemmed only when one does.
        let period = tokens
            .iter()
            .any(|t| t.text.eq_ignore_ascii_case("last"))
            .then(|| things::period_of(&tokens, sentence_stems.get_or_init(stems_of)))
            .flatten();
        for quantity in quantities {
            if in_dateline(&sentence.text, &quantity) {
                continue;
            }
            let at = tokens
                .iter()
                .position(|t| t.end > quantity.start)
                .unwrap_or(tokens.len());
            let after = tokens
                .iter()
                .position(|t| t.start >= quantity.end)
                .unwrap_or(tokens.len());
            let window: Vec<&text::Token> = tokens[at.saturating_sub(CONTEXT)..at]
                .iter()
                .chain(&tokens[after..(after + CONTEXT).min(tokens.len())])
                .filter(|t| t.kind == TokenKind::Word && !text::is_function_word(t.text))
                .collect();
            let stems: Vec<String> = window.iter().map(|t| text::stem(t.text)).collect();
            let nearby: Vec<(String, String, usize)> = window
                .iter()
                .zip(&stems)
                .filter(|(_, s)| !is_filler(s))
                .map(|(t, s)| (t.text.to_string(), s.clone(), t.start))
                .collect();
            let context: HashSet<String> =
                stems.iter().filter(|s| !is_filler(s)).cloned().collect();
            let names: HashSet<String> = window
                .iter()
                .zip(&stems)
                .filter(|(t, _)| t.text.starts_with(char::is_uppercase))
                .map(|(_, s)| s.clone())
                .collect();
            let casualty = context.iter().any(|w| CASUALTY_WORDS.contains(&w.as_str()))
                || quantity
                    .noun
                    .as_deref()
                    .is_some_and(|n| CASUALTY_WORDS.contains(&n));
            let qualifier = qualifier_before(&tokens, at);
            let person = (quantity.kind == QuantityKind::Age)
                .then(|| person_of_age(&tokens, at, after))
                .flatten();
            let thing = things::thing_of(
                &tokens,
                sentence_stems.get_or_init(stems_of),
                at,
                after,
                quantity.kind,
            );
            facts.push(Fact {
                quantity,
                sentence: index,
                context,
                names,
                casualty,
                qualifier,
                person,
                nearby,
                thing,
                period: period.clone(),
            });
        }
    }
    facts
}

/// Whose age it is: the capitalised word just before it (`Driscoll, 39`, `Dan Driscoll, a
/// 39-year-old`), or just after it (`the 39-year-old Driscoll`).
fn person_of_age(tokens: &[text::Token], at: usize, after: usize) -> Option<String> {
    let capitalised =
        |t: &&text::Token| t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase);
    let before = tokens[at.saturating_sub(3)..at]
        .iter()
        .rev()
        .find(capitalised);
    let following = tokens.get(after).filter(capitalised);
    before
        .or(following)
        .filter(|t| !text::is_function_word(t.text))
        .map(|t| text::normalize(t.text).into_owned())
}

/// Two articles giving one person different ages, in any sentences.
fn ages_of_one_person(a: &[Fact], b: &[Fact]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for x in a.iter().filter(|f| f.person.is_some()) {
        let same_person: Vec<&Fact> = b
            .iter()
            .filter(|y| y.person.is_some() && y.person == x.person)
            .collect();
        if same_person.iter().any(|y| agree(x, y)) {
            continue;
        }
        if let Some(y) = same_person.first() {
            conflicts.push(Conflict {
                kind: "age".to_string(),
                left: x.quantity.text.clone(),
                right: y.quantity.text.clone(),
                left_sentence: x.sentence,
                right_sentence: y.sentence,
            });
        }
    }
    conflicts
}

/// "KYIV, Nov 19 (Northgate Wire) –": the day the report was filed, not a fact of the story.
fn in_dateline(sentence: &str, quantity: &Quantity) -> bool {
    let before: String = sentence.chars().take(quantity.start).collect();
    let after: String = sentence.chars().skip(quantity.end).take(3).collect();
    let opens_with_place = before.split_whitespace().next().is_some_and(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    let names_only = before
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase));
    let closes = after.trim_start().starts_with(['(', '–', '—', '-']);
    opens_with_place && names_only && closes
}

/// Content words within this many words of a quantity are its context.
const CONTEXT: usize = 4;

/// Stems that count or qualify casualties: `killed`, `dead`, `wounded`...
const CASUALTY_WORDS: &[&str] = &[
    "kill", "dead", "die", "death", "wound", "injur", "casualti", "fatal", "victim", "toll", "hurt",
];

/// Words too common around numbers to show two numbers speak of the same thing.
fn is_filler(stem: &str) -> bool {
    matches!(
        stem,
        "said"
            | "say"
            | "about"
            | "nearli"
            | "almost"
            | "least"
            | "than"
            | "some"
            | "around"
            | "total"
    )
}

/// Below this alignment score, two sentences are too loosely matched for a value to conflict
/// on position alone ("met Sunday" against "Thursday night's meeting", two meetings): the
/// values must then count the same noun or share a context word.
const WEAK_ALIGNMENT: f64 = 0.4;

fn conflicting_facts(a: &[&Fact], b: &[&Fact], score: f64) -> Vec<Conflict> {
    let unmatched = |mine: &[&Fact], theirs: &[&Fact]| -> Vec<usize> {
        (0..mine.len())
            .filter(|&i| !theirs.iter().any(|t| agree(mine[i], t)))
            .collect()
    };
    let (open_a, open_b) = (unmatched(a, b), unmatched(b, a));
    // Strongest evidence first, so "Friday" pairs with the "Thursday" it shares most words with.
    let mut candidates: Vec<((u8, usize), usize, usize)> = Vec::new();
    for &i in &open_a {
        for &j in &open_b {
            if let Some(strength) = evidence(a[i], b[j], &open_a, a, &open_b, b, score) {
                candidates.push((strength, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let mut conflicts = Vec::new();
    let (mut used_a, mut used_b) = (HashSet::default(), HashSet::default());
    for (_, i, j) in candidates {
        if used_a.contains(&i) || used_b.contains(&j) {
            continue;
        }
        used_a.insert(i);
        used_b.insert(j);
        let (x, y) = (a[i], b[j]);
        let kind = if x.casualty && y.casualty && x.quantity.kind == QuantityKind::Number {
            "casualties"
        } else {
            x.quantity.kind.name()
        };
        conflicts.push((
            i,
            Conflict {
                kind: kind.to_string(),
                left: x.quantity.text.clone(),
                right: y.quantity.text.clone(),
                left_sentence: x.sentence,
                right_sentence: y.sentence,
            },
        ));
    }
    conflicts.sort_by_key(|(i, _)| *i);
    conflicts.into_iter().map(|(_, c)| c).collect()
}

/// How strongly two unmatched values look like one fact stated differently (a tier, then the
/// number of context words they share), or `None` when nothing shows they speak of the same
/// thing.
fn evidence(
    x: &Fact,
    y: &Fact,
    open_a: &[usize],
    a: &[&Fact],
    open_b: &[usize],
    b: &[&Fact],
    score: f64,
) -> Option<(u8, usize)> {
    let (p, q) = (&x.quantity, &y.quantity);
    if p.kind != q.kind || p.unit != q.unit {
        return None;
    }
    let same_noun = match (&p.noun, &q.noun) {
        (Some(m), Some(n)) if m != n => return None,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    let shared_context = if score >= WEAK_ALIGNMENT {
        x.context.intersection(&y.context).count()
    } else {
        // Loosely aligned sentences share their names (the story's subject); only a shared
        // common word ("arrived", "cost") ties two values to one fact.
        x.context
            .intersection(&y.context)
            .filter(|w| !x.names.contains(*w))
            .count()
    };
    let alone = |open: &[usize], facts: &[&Fact], kind: QuantityKind| {
        open.iter()
            .filter(|&&k| facts[k].quantity.kind == kind)
            .count()
            == 1
    };
    let only_ones = alone(open_a, a, p.kind) && alone(open_b, b, q.kind);
    let strength = match p.kind {
        QuantityKind::Number if same_noun => 3,
        QuantityKind::Number
            if shared_context > 0 && (p.noun.is_none() || q.noun.is_none()) && only_ones =>
        {
            1
        }
        QuantityKind::Number => return None,
        QuantityKind::Year if shared_context > 0 && only_ones => 1,
        QuantityKind::Year => return None,
        QuantityKind::Date if !dates_can_differ(p, q) => return None,
        _ if shared_context > 0 => 2 + u8::from(only_ones),
        _ if only_ones && score >= WEAK_ALIGNMENT => 1,
        _ => return None,
    };
    Some((strength, shared_context))
}

/// Two values agree when they are equal in any form, or when a hedge on either side allows
/// the other ("more than $1 million" and "$1.1 million", "about 1,200" and "1,150").
pub(super) fn agree(x: &Fact, y: &Fact) -> bool {
    let (p, q) = (&x.quantity, &y.quantity);
    if same_value(p, q) {
        return true;
    }
    let (QuantityValue::Number(u), QuantityValue::Number(v)) = (&p.value, &q.value) else {
        return false;
    };
    if p.kind != q.kind || p.unit != q.unit {
        return false;
    }
    let allows = |qualifier: Qualifier, mine: f64, theirs: f64| match qualifier {
        Qualifier::Exact => false,
        Qualifier::About => (mine - theirs).abs() <= 0.15 * mine.abs().max(theirs.abs()),
        Qualifier::AtLeast => theirs >= mine,
        Qualifier::AtMost => theirs <= mine,
    };
    allows(x.qualifier, *u, *v) || allows(y.qualifier, *v, *u)
}

/// `--11-20` and `2025-11-20` may be the same day; `2025-11` and `2025-11-20` too.
fn dates_can_differ(p: &Quantity, q: &Quantity) -> bool {
    !same_value(p, q)
}

/// Equal values in different forms: `$105m` = `105 million dollars`; `Nov 20` = `2025-11-20`;
/// a count and an amount of money with the same figure (the currency left out) are not told apart.
pub(super) fn same_value(p: &Quantity, q: &Quantity) -> bool {
    use QuantityKind::*;
    match (&p.value, &q.value) {
        (QuantityValue::Number(x), QuantityValue::Number(y)) => {
            let close = (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0);
            let comparable = p.kind == q.kind && p.unit == q.unit
                || matches!(
                    (p.kind, q.kind),
                    (Money, Number) | (Number, Money) | (Year, Number) | (Number, Year)
                );
            close && comparable
        }
        (QuantityValue::Text(x), QuantityValue::Text(y)) if p.kind == Date && q.kind == Date => {
            dates_agree(x, y)
        }
        (QuantityValue::Text(x), QuantityValue::Text(y)) => p.kind == q.kind && x == y,
        _ => false,
    }
}

/// Dates agree when every part both give is equal: `--11-20` ~ `2025-11-20`, `2025-11` ~ `2025-11-20`.
fn dates_agree(x: &str, y: &str) -> bool {
    let parts = |d: &str| -> (Option<String>, Option<String>, Option<String>) {
        if let Some(rest) = d.strip_prefix("--") {
            let mut it = rest.split('-');
            (
                None,
                it.next().map(str::to_string),
                it.next().map(str::to_string),
            )
        } else {
            let mut it = d.split('-');
            (
                it.next().map(str::to_string),
                it.next().map(str::to_string),
                it.next().map(str::to_string),
            )
        }
    };
    let (a, b) = (parts(x), parts(y));
    let agree = |m: &Option<String>, n: &Option<String>| m.is_none() || n.is_none() || m == n;
    agree(&a.0, &b.0) && agree(&a.1, &b.1) && agree(&a.2, &b.2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// Finds the facts that aligned sentences of two articles state differently.
    fn find_conflicts(
        left: &[Sentence],
        right: &[Sentence],
        alignments: &[Alignment],
    ) -> Vec<Conflict> {
        find_conflicts_in(&facts_of(left), &facts_of(right), alignments)
    }

    fn conflicts_between(left: &str, right: &str) -> Vec<(String, String, String)> {
        let (a, b) = (split_sentences(left), split_sentences(right));
        let alignment = Alignment {
            left: (0..a.len()).collect(),
            right: (0..b.len()).collect(),
            score: 1.0,
            diff: Vec::new(),
            by_user: false,
        };
        find_conflicts(&a, &b, &[alignment])
            .into_iter()
            .map(|c| (c.kind, c.left, c.right))
            .collect()
    }

    fn conflict(kind: &str, left: &str, right: &str) -> (String, String, String) {
        (kind.to_string(), left.to_string(), right.to_string())
    }

    #[test]
    fn conflicting_amounts_are_reported() {
        assert_eq!(
            conflicts_between(
                "Washington approved a $105 million package.",
                "Washington approved a $150m package."
            ),
            [conflict("money", "$105 million", "$150m")]
        );
    }

    #[test]
    fn equal_amounts_in_different_forms_are_no_conflict() {
        assert!(conflicts_between(
            "It approved a $105m package.",
            "It approved 105 million dollars in aid."
        )
        .is_empty());
        assert!(
            conflicts_between("They met on Nov 20.", "They met on 20 November 2025.").is_empty()
        );
        assert!(conflicts_between("Aid rose 3.5%.", "Aid rose 3.5 per cent.").is_empty());
    }

    #[test]
    fn a_conflicting_weekday_is_reported() {
        assert_eq!(
            conflicts_between(
                "The delegation arrived in Kyiv on Thursday.",
                "The delegation arrived in Kyiv on Wednesday."
            ),
            [conflict("weekday", "Thursday", "Wednesday")]
        );
    }

    #[test]
    fn counts_of_the_same_noun_conflict_and_casualties_are_named() {
        assert_eq!(
            conflicts_between(
                "The strike killed 12 people in Kharkiv.",
                "Twenty people were killed in Kharkiv."
            ),
            [conflict("casualties", "12 people", "Twenty people")]
        );
        assert_eq!(
            conflicts_between("It sent 1,200 troops.", "It sent 1,500 troops."),
            [conflict("number", "1,200 troops", "1,500 troops")]
        );
    }

    #[test]
    fn counts_of_different_nouns_do_not_conflict() {
        assert!(conflicts_between(
            "Three soldiers and two medics were hurt.",
            "Three soldiers were hurt."
        )
        .is_empty());
        assert!(conflicts_between("It sent 40 tanks.", "It sent 12 jets.").is_empty());
    }

    #[test]
    fn an_extra_number_on_one_side_is_no_conflict() {
        assert!(conflicts_between(
            "The plan has 28 points.",
            "The plan, drafted in 2025, has 28 points."
        )
        .is_empty());
        assert!(conflicts_between(
            "Aid rose to $105m.",
            "Aid rose to $105m, up from $90m in 2024."
        )
        .is_empty());
    }

    #[test]
    fn conflicting_dates_ages_and_percentages_are_reported() {
        assert_eq!(
            conflicts_between("Talks began on Nov 20.", "Talks began on 21 November."),
            [conflict("date", "Nov 20", "21 November")]
        );
        assert_eq!(
            conflicts_between(
                "Driscoll, aged 39, led it.",
                "Driscoll, 40-year-old, led it."
            ),
            [conflict("age", "aged 39", "40-year-old")]
        );
        assert_eq!(
            conflicts_between(
                "Support fell to 52% in May.",
                "Support fell to 55 percent in May."
            ),
            [conflict("percent", "52%", "55 percent")]
        );
    }

    #[test]
    fn hedged_values_that_allow_each_other_do_not_conflict() {
        assert!(
            conflicts_between("It cost more than $1 million.", "It cost $1.1 million.").is_empty()
        );
        assert!(
            conflicts_between("It sent about 1,200 troops.", "It sent 1,150 troops.").is_empty()
        );
        assert_eq!(
            conflicts_between("It cost more than $1 million.", "It cost $800,000."),
            [conflict("money", "$1 million", "$800,000")]
        );
    }

    #[test]
    fn loosely_aligned_sentences_need_a_shared_context_word() {
        let (a, b) = (
            split_sentences("Thursday night's meeting was the second this week."),
            split_sentences("The two men met Sunday afternoon."),
        );
        let alignment = Alignment {
            left: vec![0],
            right: vec![0],
            score: 0.3,
            diff: Vec::new(),
            by_user: false,
        };
        assert!(find_conflicts(&a, &b, &[alignment]).is_empty());
    }

    #[test]
    fn loosely_aligned_sentences_sharing_only_a_name_do_not_conflict() {
        let (a, b) = (
            split_sentences("Senators pressed Michael Steele Sunday to explain."),
            split_sentences("Conservatives criticised Michael Steele on Friday."),
        );
        let alignment = Alignment {
            left: vec![0],
            right: vec![0],
            score: 0.3,
            diff: Vec::new(),
            by_user: false,
        };
        assert!(find_conflicts(&a, &b, &[alignment]).is_empty());
    }

    #[test]
    fn a_dateline_is_not_a_fact_of_the_story() {
        assert!(conflicts_between(
            "KYIV, Nov 19 (Wire) – The delegation will meet Zelensky on Thursday, 20 November.",
            "The delegation will meet Zelensky on Thursday, 20 November."
        )
        .is_empty());
    }

    #[test]
    fn one_amount_each_that_differs_conflicts_even_unaligned() {
        let a = split_sentences(
            "The council approved a $42.6 million programme. It votes again in May.",
        );
        let b = split_sentences("Repairs will cost $46.2 million in all. Work starts soon.");
        let found = find_conflicts(&a, &b, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].left.as_str(), found[0].right.as_str()),
            ("$42.6 million", "$46.2 million")
        );
        let c = split_sentences("Repairs will cost $46.2 million, of which $2 million is a grant.");
        assert!(find_conflicts(&a, &c, &[]).is_empty());
    }

    #[test]
    fn one_person_given_two_ages_conflicts_even_unaligned() {
        let a = split_sentences("The talks began. Driscoll, 39, led them.");
        let b = split_sentences(
            "Army Secretary Dan Driscoll, a 40-year-old veteran, spoke. Kellogg, 81, left.",
        );
        let found = find_conflicts(&a, &b, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (
                found[0].kind.as_str(),
                found[0].left.as_str(),
                found[0].right.as_str()
            ),
            ("age", "39", "40-year-old")
        );
    }

    #[test]
    fn conflicts_name_both_sentences() {
        let (a, b) = (
            split_sentences("Intro here. It sent 1,200 troops."),
            split_sentences("It sent 1,500 troops."),
        );
        let alignment = Alignment {
            left: vec![1],
            right: vec![0],
            score: 0.8,
            diff: Vec::new(),
            by_user: false,
        };
        let found = find_conflicts(&a, &b, &[alignment]);
        assert_eq!((found[0].left_sentence, found[0].right_sentence), (1, 0));
    }
}
