//! Finding the names in one article: capitalised spans, cut of titles and "the", sorted into
//! people, organisations and places by word lists, name shapes, the words around them and what
//! the rest of the article says about the same name.

use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::gazetteer as gaz;
use super::tokens::{tokenize, Token};
use super::EntityKind;

/// One mention of a name, before aliases are grouped.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The words of the name as written, titles, "the" and possessives left out.
    pub words: Vec<String>,
    /// The words joined by single spaces: the name as the article's entity list shows it.
    pub form: String,
    pub kind: EntityKind,
    /// Character span in the article text.
    pub start: usize,
    pub end: usize,
    /// The rule that gave this mention its kind.
    pub rule: Rule,
}

/// The rules that decide what a capitalised name is, in the order `classify_into` tries them
/// (the first that applies decides), then the ones that correct a kind from the names around it
/// and across the article. Each mention keeps the rule that gave its kind, so an evaluation can
/// say which rule made a name an organisation (`examples/entities_eval.rs --rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// `the Republican party`: a party adjective before a lower-case `party`.
    PartyBeforeParty,
    /// `Tampa, Fla.`: a state's abbreviation after a place.
    StateAbbreviation,
    /// `Missouri Republicans`: the place of a party's members.
    PlacePartyMembers,
    /// A name the list of organisations holds.
    KnownOrganization,
    /// A name the list of places holds.
    KnownPlace,
    /// `Democratic-led Senate`: a party before a known body.
    PartyBeforeBody,
    /// `Department of Justice`: an organisation's head word with `of`, `for` or `on`.
    OrganizationHeadOf,
    /// `Secretary of the Navy`: an office with no one named; the body is the name.
    OfficeOfBody,
    /// `Army Secretary Dan Driscoll`: a name after a title is a person; the words before the
    /// title (`Army`) are an organisation or a place.
    TitlePrefix,
    /// `Sen. Rand Paul`: a person's title before the name.
    PersonTitle,
    /// `Pittsburg, Calif.`: a name before a state is a city.
    CityBeforeState,
    /// `Wisconsin GOP`, `US Army`: a name before an organisation is part of it.
    NameBeforeOrganization,
    /// `KYIV`: a known place written in capitals.
    PlaceInCapitals,
    /// `NATO`, `F.B.I.`: a short word in capitals or initials.
    Acronym,
    /// `Acme Corp`, `the Council`: an organisation's ending.
    OrganizationEnding,
    /// `Bay Bridge`, `Lake Placid`: a place's ending.
    PlaceEnding,
    /// `North Carolina`-like: a compass point before a place.
    CompassPlace,
    /// `John Ensign`, `J. Smith`: a given name or an initial first.
    GivenNameOrInitial,
    /// `Jones said`, `the Perry campaign`: a name that speaks or has an entourage.
    SpeakerOrEntourage,
    /// `in Wasilla`: a name after a preposition of place.
    AfterPlacePreposition,
    /// Two or three plain capitalised words: a person, a guess the article may confirm.
    PlainNameGuess,
    /// `KYIV, Nov 20 —`: the place of a dateline.
    Dateline,
    /// `Reps. Smith, Jones and Lee`: people listed after a plural title.
    AfterPluralTitle,
    /// A name listed among places.
    PlaceInAList,
    /// No rule applied; the kind comes from elsewhere in the article, if at all.
    Unclassified,
    /// The kind another mention of the same name gave, settled across the article.
    SettledAcrossArticle,
}

impl Rule {
    /// The rule's name, as an evaluation prints it.
    pub fn name(self) -> &'static str {
        match self {
            Rule::PartyBeforeParty => "party before `party`",
            Rule::StateAbbreviation => "state abbreviation",
            Rule::PlacePartyMembers => "place of party members",
            Rule::KnownOrganization => "known organisation",
            Rule::KnownPlace => "known place",
            Rule::PartyBeforeBody => "party before a body",
            Rule::OrganizationHeadOf => "organisation head with of/for/on",
            Rule::OfficeOfBody => "office of a body",
            Rule::TitlePrefix => "words before a title",
            Rule::PersonTitle => "person's title",
            Rule::CityBeforeState => "city before a state",
            Rule::NameBeforeOrganization => "name before an organisation",
            Rule::PlaceInCapitals => "place in capitals",
            Rule::Acronym => "acronym",
            Rule::OrganizationEnding => "organisation ending",
            Rule::PlaceEnding => "place ending",
            Rule::CompassPlace => "compass point and place",
            Rule::GivenNameOrInitial => "given name or initial",
            Rule::SpeakerOrEntourage => "speaker or entourage",
            Rule::AfterPlacePreposition => "after a preposition of place",
            Rule::PlainNameGuess => "plain name (guess)",
            Rule::Dateline => "dateline",
            Rule::AfterPluralTitle => "listed after a plural title",
            Rule::PlaceInAList => "listed among places",
            Rule::Unclassified => "unclassified",
            Rule::SettledAcrossArticle => "settled across the article",
        }
    }
}

/// How sure a classification is: used to settle the kind of one name across an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Evidence {
    Guess = 1,
    Context = 2,
    Strong = 4,
}

#[derive(Debug, Clone)]
struct Candidate {
    words: Vec<String>,
    start: usize,
    end: usize,
    kind: Option<(EntityKind, Evidence)>,
    /// The rule that gave `kind`.
    rule: Rule,
    /// Every word's capital was uncertain (sentence start, heading).
    uncertain: bool,
}

/// Words after a surname that tell it is a person's (`the Obama administration`).
const PERSON_FOLLOWERS: &[&str] = &[
    "administration",
    "campaign",
    "aides",
    "aide",
    "adviser",
    "advisers",
    "spokesman",
    "spokeswoman",
    "presidency",
    "family",
    "wife",
    "husband",
    "camp",
    "allies",
    "supporters",
    "doctrine",
    "era",
];

const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "across",
    "throughout",
    "inside",
];

const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "ibn", "da", "du", "la", "le", "der", "del", "di", "dos", "al", "el",
];

/// Words before `of` that keep `X of Y` one name (`Bank of America`, `Gulf of Mexico`).
const OF_HEADS: &[&str] = &[
    "Republic",
    "Kingdom",
    "Gulf",
    "District",
    "Bay",
    "Isle",
    "Isles",
    "Sea",
    "Cape",
    "State",
    "States",
    "Strait",
    "Duke",
    "Duchess",
    "Prince",
    "Princess",
    "Chamber",
    "Friends",
    "Sisters",
    "Daughters",
    "Sons",
    "Knights",
    "Emirate",
    "Commonwealth",
    "Province",
    "Port",
    "Statue",
    "Museum",
    "Library",
    "Bill",
    "Declaration",
];

fn is_party_tag(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    matches!(parts.next(), Some("R" | "D" | "I"))
        && parts
            .next()
            .is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase))
}

/// Could this word be part of a name?
fn is_name_word(t: &Token<'_>, lowercase_words: &HashSet<&str>) -> bool {
    if !t.word
        || !t.is_capitalized()
        || t.text == "I"
        || is_party_tag(t.text)
        || gaz::is_never_a_name(t.text)
        || gaz::is_bill_number(t.text)
    {
        return false;
    }
    if t.text.starts_with("I'") || t.text.starts_with("I\u{2019}") {
        return false;
    }
    let letters = t.text.chars().filter(|c| c.is_alphabetic()).count();
    if t.is_all_caps() && !t.is_dotted_initials() {
        // Shouted words and datelines (`WASHINGTON`, `BREAKING`) are not names; acronyms are.
        if letters > 6
            || gaz::is_common_word(t.text)
                && !gaz::is_place(t.text)
                && !gaz::is_organization(t.text)
        {
            return false;
        }
        if t.uncertain && !gaz::is_organization(t.text) && !gaz::is_place(t.text) && letters > 4 {
            return false;
        }
    }
    if t.uncertain {
        if gaz::is_common_word(t.text) && !gaz::is_title(t.text) {
            return false;
        }
        // `Investing tax dollars...`, `Recently`, `Asked about it`: inflected words open sentences.
        let known =
            gaz::is_place(t.text) || gaz::is_organization(t.text) || gaz::is_given_name(t.text);
        if !known
            && ["ing", "ly", "ed"]
                .iter()
                .any(|s| t.text.len() > s.len() + 2 && t.text.ends_with(s))
        {
            return false;
        }
        let lower = t.text.to_lowercase();
        if lowercase_words.contains(lower.as_str())
            && !gaz::is_place(t.text)
            && !gaz::is_organization(t.text)
            && !gaz::is_given_name(t.text)
        {
            return false;
        }
    }
    true
}

fn joins_with_connector(before: &Token<'_>, connector: &Token<'_>, first: &Token<'_>) -> bool {
    match connector.text {
        "of" => {
            gaz::is_organization_head(before.text)
                || gaz::is_organization_ending(before.text)
                || gaz::is_title(before.text)
                || OF_HEADS.contains(&before.text)
        }
        "for" | "on" => {
            gaz::is_organization_ending(before.text)
                || gaz::is_organization_head(before.text)
                || gaz::is_demonym(before.text)
        }
        "and" | "&" => connector.text == "&" || gaz::is_organization_head(first.text),
        "the" => false,
        p => PARTICLES.contains(&p),
    }
}

/// `House and Senate`: two bodies the lists know, joined by `and`, are two names, not one.
fn two_known_organizations(before: &[Token<'_>], connector: &Token<'_>, first: &Token<'_>) -> bool {
    let before = before.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    connector.text == "and" && gaz::is_organization(&before) && gaz::is_organization(first.text)
}

/// Runs of name words, with `of`, `for`, particles and `&` inside where they belong.
fn name_spans(
    tokens: &[Token<'_>],
    dateline: Range<usize>,
    lowercase_words: &HashSet<&str>,
) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if dateline.contains(&i) {
            i = dateline.end;
            continue;
        }
        if !is_name_word(&tokens[i], lowercase_words) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && !tokens[end - 1].possessive {
            let next = &tokens[end];
            if next.line_break_before {
                break;
            }
            if is_name_word(next, lowercase_words) && (!next.uncertain || tokens[end - 1].uncertain)
            {
                end += 1;
                continue;
            }
            // `Department of the Treasury`, `Bank of America`.
            let mut after = end + 1;
            if next.text == "of" && tokens.get(after).is_some_and(|t| t.text == "the") {
                after += 1;
            }
            if next.word || next.text == "&" {
                if let Some(t) = tokens.get(after) {
                    if !t.line_break_before
                        && is_name_word(t, lowercase_words)
                        && joins_with_connector(&tokens[end - 1], next, &tokens[start])
                        && !two_known_organizations(&tokens[start..end], next, t)
                    {
                        end = after + 1;
                        continue;
                    }
                }
            }
            break;
        }
        spans.push((start, end));
        i = end;
    }
    spans
}

/// The names a span holds: usually one; two when a title separates a place or an organisation
/// from a person (`Texas Gov. Rick Perry`, `Wisconsin Republican Party Chairman Reince Priebus`).
fn classify(tokens: &[Token<'_>], span: (usize, usize), all: &[Token<'_>]) -> Vec<Candidate> {
    let mut found = Vec::new();
    if let Some(c) = classify_into(tokens, span, all, &mut found) {
        found.push(c);
    }
    found
}

/// What stands before a title, when it is a place or an organisation in its own right.
fn title_prefix(words: &[&Token<'_>], title: &str, uncertain: bool) -> Option<Candidate> {
    let words: Vec<&Token<'_>> = words
        .iter()
        .copied()
        .filter(|t| !gaz::is_title(t.text))
        .collect();
    let start = words
        .iter()
        .position(|t| !gaz::is_demonym(t.text) || gaz::is_place(t.text))?;
    let words = &words[start..];
    let text = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
    let last = words.last()?;
    let kind = if gaz::is_place(&text) {
        EntityKind::Place
    } else if words.len() >= 2
        && (gaz::is_organization_ending(last.text)
            || gaz::is_organization(last.text)
            || last.is_all_caps())
        || words.len() == 1 && last.is_all_caps() && !gaz::is_common_word(last.text)
    {
        EntityKind::Organization
    } else {
        return trailing_place(words, title, uncertain);
    };
    Some(Candidate {
        words: words.iter().map(|t| t.text.to_string()).collect(),
        start: words[0].start,
        end: last.end,
        kind: Some((kind, Evidence::Strong)),
        rule: Rule::TitlePrefix,
        uncertain,
    })
}

/// Offices of a state that `State` opens (`State Sen.`), unlike a university's (`Ohio State Coach`).
const STATE_OFFICES: &[&str] = &[
    "Sen",
    "Senator",
    "Rep",
    "Representative",
    "Assemblyman",
    "Assemblywoman",
    "Delegate",
    "Treasurer",
    "Auditor",
    "Comptroller",
    "Attorney",
    "Superintendent",
    "Secretary",
    "Trooper",
];

/// The place that ends the words before a title, once party words and `State` are dropped:
/// `Controversial Arizona Sheriff`, `New Jersey Republican Gov.`, `Arizona State Sen.`.
fn trailing_place(words: &[&Token<'_>], title: &str, uncertain: bool) -> Option<Candidate> {
    let mut end = words.len();
    let state_office = STATE_OFFICES.contains(&title.trim_end_matches('.'));
    while end > 0
        && (gaz::is_demonym(words[end - 1].text) || state_office && words[end - 1].text == "State")
    {
        end -= 1;
    }
    let words = &words[..end];
    let start = (0..words.len()).find(|&k| {
        let text = words[k..]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        gaz::is_place(&text)
    })?;
    let words = &words[start..];
    Some(Candidate {
        words: words.iter().map(|t| t.text.to_string()).collect(),
        start: words.first()?.start,
        end: words.last()?.end,
        kind: Some((EntityKind::Place, Evidence::Strong)),
        rule: Rule::TitlePrefix,
        uncertain,
    })
}

fn classify_into(
    tokens: &[Token<'_>],
    span: (usize, usize),
    all: &[Token<'_>],
    found: &mut Vec<Candidate>,
) -> Option<Candidate> {
    let mut words: Vec<&Token<'_>> = tokens[span.0..span.1].iter().collect();
    let uncertain = words.iter().all(|t| t.uncertain);
    let mut had_the = false;
    while words.len() > 1 && matches!(words[0].text, "The" | "A" | "An") {
        words.remove(0);
        had_the = true;
    }
    while words.len() > 1
        && matches!(
            words.last().map(|t| t.text.trim_end_matches('.')),
            Some("Jr" | "Sr" | "II" | "III" | "IV")
        )
    {
        words.pop();
    }
    let joined = |ws: &[&Token<'_>]| -> String {
        let mut s = String::new();
        for (k, w) in ws.iter().enumerate() {
            if k > 0 {
                s.push(' ');
            }
            s.push_str(w.text);
        }
        s
    };
    let whole = joined(&words);
    let prev = all[..span.0].iter().rev().find(|t| t.word);
    let next_word = all[span.1..].iter().find(|t| t.word);
    let next_token = all.get(span.1);
    let make = |ws: &[&Token<'_>], kind: Option<(EntityKind, Evidence)>, rule: Rule| {
        let first = ws.first()?;
        let last = ws.last()?;
        Some(Candidate {
            words: ws.iter().map(|t| t.text.to_string()).collect(),
            start: first.start,
            end: last.end,
            kind,
            rule,
            uncertain,
        })
    };
    // `Title VII`, `Section 230`, `HB 56`: laws and their parts are numbered, not named.
    if gaz::is_legal_part_head(words[0].text) || gaz::is_bill_prefix(words[0].text) {
        let numbered = if words.len() == 1 {
            next_token.is_some_and(|t| gaz::is_part_number(t.text))
        } else {
            words[1..].iter().all(|t| gaz::is_part_number(t.text))
        };
        if numbered {
            return None;
        }
    }
    // `the Republican party`: a party adjective before a lower-case `party` names the party.
    if let Some(party) = next_token.filter(|t| t.text == "party") {
        if words
            .last()
            .is_some_and(|t| gaz::is_party_adjective(t.text))
        {
            let mut name: Vec<String> = words.iter().map(|t| t.text.to_string()).collect();
            name.push("Party".to_string());
            return Some(Candidate {
                words: name,
                start: words[0].start,
                end: party.end,
                kind: Some((EntityKind::Organization, Evidence::Strong)),
                rule: Rule::PartyBeforeParty,
                uncertain,
            });
        }
    }
    // `Tampa, Fla.`, `Bentonville, Ark.-based`: a state's abbreviation after a place names the state.
    if words.len() == 1
        && gaz::state_of_abbreviation(words[0].text).is_some()
        && after_a_name_and_comma(all, span.0)
        && !starts_a_party_tag(all, span.1)
    {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::StateAbbreviation,
        );
    }
    // `Missouri Republicans`, `Texas Democrats`: a place's party members are no organisation.
    if words.len() >= 2
        && words.last().is_some_and(|t| gaz::is_plural_group(t.text))
        && gaz::is_place(&joined(&words[..words.len() - 1]))
    {
        return make(
            &words[..words.len() - 1],
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::PlacePartyMembers,
        );
    }
    if gaz::is_organization(&whole) {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::KnownOrganization,
        );
    }
    if gaz::is_place(&whole) {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::KnownPlace,
        );
    }
    let ends_as_organization = words.len() >= 2
        && words
            .last()
            .is_some_and(|t| gaz::is_organization_ending(t.text));
    // `Democratic-led Senate`, `Republican House`: a party before a body is not part of its name.
    if words.len() >= 2 && gaz::is_organization(&joined(&words[1..])) {
        let first = words[0].text.split('-').next().unwrap_or_default();
        if gaz::is_demonym(first) || matches!(first, "Top" | "Presumptive" | "Former") {
            words.remove(0);
            return make(
                &words,
                Some((EntityKind::Organization, Evidence::Strong)),
                Rule::PartyBeforeBody,
            );
        }
    }
    if words.len() == 1 && gaz::is_demonym(words[0].text) && !gaz::is_place(words[0].text) {
        return None;
    }
    if gaz::is_organization_head(words[0].text)
        && words.iter().any(|t| matches!(t.text, "of" | "for" | "on"))
    {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::OrganizationHeadOf,
        );
    }
    // An office with no one named: `Sergeant Major of the Army`, `Secretary of the Navy`. The
    // title is not a name; the body it belongs to is.
    if let Some(of) = words.iter().position(|t| t.text == "of") {
        let body = words[of + 1..]
            .iter()
            .position(|t| t.text != "the")
            .map_or(words.len(), |k| of + 1 + k);
        if of > 0
            && body < words.len()
            && words[..of].iter().all(|t| gaz::is_title(t.text))
            && (gaz::is_organization(&joined(&words[body..]))
                || words
                    .last()
                    .is_some_and(|t| gaz::is_organization_ending(t.text)))
        {
            return make(
                &words[body..],
                Some((EntityKind::Organization, Evidence::Strong)),
                Rule::OfficeOfBody,
            );
        }
    }

    // Titles: `Army Secretary Dan Driscoll`, `Secretary of State Marco Rubio`, `Sen. Rand Paul`.
    let mut person_title = false;
    if !ends_as_organization {
        if let Some(k) = (0..words.len().saturating_sub(1))
            .rev()
            .find(|&k| gaz::is_title(words[k].text))
        {
            let mut rest = k + 1;
            if words[rest].text == "of" {
                rest += 2;
                if words.len() > rest + 2 && !gaz::is_given_name(words[rest].text) {
                    rest += 1;
                }
            }
            if rest >= words.len() {
                return None;
            }
            person_title = words[..=k].iter().any(|t| {
                gaz::is_title(t.text)
                    && !matches!(
                        t.text,
                        "Former" | "Ex" | "Acting" | "Interim" | "Late" | "Then"
                    )
            });
            let first_title = (0..=k).find(|&j| gaz::is_title(words[j].text)).unwrap_or(k);
            if first_title > 0 {
                found.extend(title_prefix(
                    &words[..first_title],
                    words[first_title].text,
                    uncertain,
                ));
            }
            words.drain(..rest);
        }
    }
    // A title ends no name, but a surname may be one: `John Ensign`, `Martin Luther King`.
    let surname_after_given_name = words.len() >= 2 && gaz::is_given_name(words[0].text);
    if words.last().is_some_and(|t| gaz::is_title(t.text))
        && !ends_as_organization
        && !surname_after_given_name
    {
        return None;
    }
    // Nationality and party adjectives: `Ukrainian`, `Republican Mitt Romney`.
    while !words.is_empty()
        && gaz::is_demonym(words[0].text)
        && !ends_as_organization
        && !gaz::is_place(&joined(&words))
    {
        words.remove(0);
    }
    let words = words;
    if words.is_empty() {
        return None;
    }
    let whole = joined(&words);
    if person_title {
        return make(
            &words,
            Some((EntityKind::Person, Evidence::Strong)),
            Rule::PersonTitle,
        );
    }
    if gaz::is_organization(&whole) {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::KnownOrganization,
        );
    }
    if gaz::is_place(&whole) {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::KnownPlace,
        );
    }
    // `Pittsburg, Calif.`, `Springfield, Illinois,`: the name before a state is a city.
    let given_name_first = words.len() >= 2 && gaz::is_given_name(words[0].text);
    if !ends_as_organization && !given_name_first && words.len() <= 3 {
        match state_after(all, span.1) {
            Some(true) => {
                return make(
                    &words,
                    Some((EntityKind::Place, Evidence::Strong)),
                    Rule::CityBeforeState,
                )
            }
            Some(false) => {
                return make(
                    &words,
                    Some((EntityKind::Place, Evidence::Context)),
                    Rule::CityBeforeState,
                )
            }
            None => {}
        }
    }
    let first = words[0];
    let last = words[words.len() - 1];
    // `Wisconsin GOP`, `US Army`: a place or a name before an organisation is part of it.
    if words.len() >= 2
        && (gaz::is_organization(last.text) || last.is_all_caps() && !gaz::is_place(last.text))
    {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::NameBeforeOrganization,
        );
    }
    if words.len() == 1 && first.is_all_caps() {
        // A known place in capitals (`KYIV`) is the place, named as the text writes it elsewhere.
        let mut letters = first.text.chars();
        let proper: String = letters
            .next()
            .into_iter()
            .chain(letters.flat_map(char::to_lowercase))
            .collect();
        if proper != first.text && gaz::is_place(&proper) {
            return Some(Candidate {
                words: vec![gaz::place_in_title_case(first.text)],
                start: first.start,
                end: first.end,
                kind: Some((EntityKind::Place, Evidence::Strong)),
                rule: Rule::PlaceInCapitals,
                uncertain,
            });
        }
    }
    if words.len() == 1 && (first.is_all_caps() || first.is_dotted_initials()) {
        let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
        if letters > 6 || gaz::is_common_word(first.text) {
            return None;
        }
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Context)),
            Rule::Acronym,
        );
    }
    if ends_as_organization
        || had_the && words.len() == 1 && gaz::is_organization_ending(first.text)
    {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::OrganizationEnding,
        );
    }
    if gaz::is_organization_head(first.text)
        && words.iter().any(|t| matches!(t.text, "of" | "for" | "on"))
    {
        return make(
            &words,
            Some((EntityKind::Organization, Evidence::Strong)),
            Rule::OrganizationHeadOf,
        );
    }
    if words.len() >= 2 && gaz::is_place_ending(last.text) {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::PlaceEnding,
        );
    }
    if words.len() >= 2 && gaz::is_compass(first.text) && gaz::is_place(&joined(&words[1..])) {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Strong)),
            Rule::CompassPlace,
        );
    }
    let initial = words[..words.len() - 1]
        .iter()
        .any(|t| t.text.len() == 2 && t.text.ends_with('.'));
    if words.len() >= 2 && (gaz::is_given_name(first.text) || initial) {
        return make(
            &words,
            Some((EntityKind::Person, Evidence::Strong)),
            Rule::GivenNameOrInitial,
        );
    }
    let plain = words.iter().all(|t| {
        t.text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && !gaz::is_common_word(t.text)
            && !t.is_all_caps()
            && !gaz::is_demonym(t.text)
            && !gaz::is_place(t.text)
            && !gaz::is_organization(t.text)
            && !gaz::is_organization_ending(t.text)
            && !gaz::is_place_ending(t.text)
    });
    let prev_token = span.0.checked_sub(1).and_then(|i| all.get(i));
    let speaks = next_word.is_some_and(|t| crate::text::lexicon::is_speech_verb(t.text))
        && next_token.is_some_and(|t| t.word || t.text == ",")
        || prev_token.is_some_and(|t| matches!(t.text, "said" | "says"))
        || next_token.is_some_and(|t| t.text == ",")
            && all.get(span.1 + 1).is_some_and(|t| t.text == "who");
    // `the Obama administration`, `the Perry campaign`, `Bush aides`.
    let entourage = next_token.is_some_and(|t| PERSON_FOLLOWERS.contains(&t.text));
    // `Engineers said`, `Officials say`: a plural noun opening a sentence speaks too. A surname
    // there (`Jones said`) is still found when the article names the person in full elsewhere.
    let opening_plural = words.len() == 1
        && uncertain
        && first.text.ends_with('s')
        && !first.text.ends_with("ss")
        && !gaz::is_given_name(first.text);
    if (speaks || entourage) && words.len() <= 3 && plain && !opening_plural {
        return make(
            &words,
            Some((EntityKind::Person, Evidence::Context)),
            Rule::SpeakerOrEntourage,
        );
    }
    if prev.is_some_and(|t| PLACE_PREPOSITIONS.contains(&t.text)) && !gaz::is_given_name(first.text)
    {
        return make(
            &words,
            Some((EntityKind::Place, Evidence::Context)),
            Rule::AfterPlacePreposition,
        );
    }
    if (2..=3).contains(&words.len()) && plain {
        return make(
            &words,
            Some((EntityKind::Person, Evidence::Guess)),
            Rule::PlainNameGuess,
        );
    }
    make(&words, None, Rule::Unclassified)
}

/// A comma before `index`, and a capitalised word before the comma (`Tampa, Fla.`).
fn after_a_name_and_comma(all: &[Token<'_>], index: usize) -> bool {
    index >= 2
        && all[index - 1].text == ","
        && all[index - 2].word
        && all[index - 2].is_capitalized()
}

/// `Ind.-Vt.`: an abbreviation joined by a hyphen to another capitalised word is a party tag.
fn starts_a_party_tag(all: &[Token<'_>], index: usize) -> bool {
    all.get(index)
        .is_some_and(|t| t.text == "-" && t.start == all[index - 1].end)
        && all
            .get(index + 1)
            .is_some_and(|t| t.word && t.is_capitalized())
}

/// A state after a comma at `index`: `Some(true)` for an abbreviation (`, Calif.`), `Some(false)`
/// for a state written out and closed by punctuation (`, Illinois,`), else `None`.
fn state_after(all: &[Token<'_>], index: usize) -> Option<bool> {
    if all.get(index)?.text != "," {
        return None;
    }
    let first = all.get(index + 1)?;
    if gaz::state_of_abbreviation(first.text).is_some() {
        return (!starts_a_party_tag(all, index + 2)).then_some(true);
    }
    for len in [2, 1] {
        let Some(words) = all.get(index + 1..index + 1 + len) else {
            continue;
        };
        let name = words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        if words.iter().all(|t| t.word) && gaz::is_us_state(&name) && !words[len - 1].possessive {
            let closed = all
                .get(index + 1 + len)
                .is_none_or(|t| !t.word && t.text != "'" && t.text != "\u{2019}");
            return closed.then_some(false);
        }
    }
    None
}

/// Every mention of a person, organisation or place in the text, in order.
pub(crate) fn find_mentions(text: &str) -> Vec<Mention> {
    let tokens = tokenize(text);
    let lowercase_words: HashSet<&str> = tokens
        .iter()
        .filter(|t| t.word && t.text.chars().next().is_some_and(char::is_lowercase))
        .map(|t| t.text)
        .collect();
    let (mut candidates, dateline) = dateline(&tokens);
    let spans = name_spans(&tokens, dateline, &lowercase_words);
    let mut classified: Vec<Vec<Candidate>> = spans
        .iter()
        .map(|&span| classify(&tokens, span, &tokens))
        .collect();
    people_after_plural_titles(&tokens, &spans, &mut classified);
    places_in_ranges(&tokens, &spans, &mut classified);
    candidates.extend(classified.into_iter().flatten());
    settle_kinds(candidates)
}

fn is_dash(text: &str) -> bool {
    matches!(text, "\u{2014}" | "\u{2013}" | "-")
}

/// The cities of a dateline opening the text (`WASHINGTON —`, `KYIV, Nov. 19 (Reuters) –`,
/// `BRUSSELS/KYIV –`, `HOUSTON (AP) --`), as places named in title case, and the tokens they
/// take. The dateline may follow a short first paragraph (a byline).
fn dateline(tokens: &[Token<'_>]) -> (Vec<Candidate>, Range<usize>) {
    let second_paragraph = tokens
        .iter()
        .position(|t| t.line_break_before && t.start > 0);
    let byline = second_paragraph.filter(|&p| tokens[..p].iter().filter(|t| t.word).count() <= 12);
    std::iter::once(0)
        .chain(byline)
        .find_map(|first| dateline_at(tokens, first))
        .unwrap_or_default()
}

fn dateline_at(tokens: &[Token<'_>], first: usize) -> Option<(Vec<Candidate>, Range<usize>)> {
    let shouted = |t: &Token<'_>| {
        t.word && t.is_all_caps() && !t.is_dotted_initials() && !gaz::is_organization(t.text)
    };
    let mut cities: Vec<(usize, usize)> = Vec::new();
    let mut i = first;
    let mut start = first;
    while i < tokens.len() {
        if shouted(&tokens[i]) && (i == start || !tokens[i].line_break_before) {
            i += 1;
        } else if tokens[i].text == "/" && i > start {
            cities.push((start, i));
            i += 1;
            start = i;
        } else {
            break;
        }
    }
    if i == start {
        return None;
    }
    cities.push((start, i));
    let after = &tokens[i..];
    // `FEMA —`: a short unknown word in capitals is an acronym, unless a date or a state follows.
    let acronym = cities.iter().any(|&(a, b)| {
        b - a == 1
            && tokens[a].text.chars().count() <= 4
            && !gaz::is_place(&gaz::place_in_title_case(tokens[a].text))
    });
    if acronym && after.first().is_none_or(|t| t.text != ",") {
        return None;
    }
    let closed = match after.first().map(|t| t.text) {
        Some(t) if is_dash(t) => true,
        Some("(") => after.iter().take(6).any(|t| t.text == ")"),
        // `KYIV, Nov. 19 (Reuters) –`, `AMHERST, N.H. —`: a date or a state, then the dash.
        Some(",") => after
            .iter()
            .skip(1)
            .take(10)
            .take_while(|t| !matches!(t.text, "." | "!" | "?" | "\"" | "\u{201C}"))
            .any(|t| is_dash(t.text)),
        _ => false,
    };
    let written = |&(a, b): &(usize, usize)| {
        tokens[a..b]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // `BREAKING —` is no city: a word of running English, unless the lists know the place.
    let common = cities.iter().any(|city| {
        !gaz::is_place(&gaz::place_in_title_case(&written(city)))
            && tokens[city.0..city.1]
                .iter()
                .any(|t| gaz::is_common_word(t.text))
    });
    if !closed || common {
        return None;
    }
    let places = cities
        .into_iter()
        .map(|(a, b)| {
            let written = written(&(a, b));
            Candidate {
                words: gaz::place_in_title_case(&written)
                    .split(' ')
                    .map(str::to_string)
                    .collect(),
                start: tokens[a].start,
                end: tokens[b - 1].end,
                kind: Some((EntityKind::Place, Evidence::Strong)),
                rule: Rule::Dateline,
                uncertain: false,
            }
        })
        .collect();
    Some((places, first..i))
}

/// The kind a span was given, and how surely.
fn main_kind(found: &[Candidate]) -> Option<(EntityKind, Evidence)> {
    found.last().and_then(|c| c.kind)
}

/// `Sens. John McCain and Lindsey Graham`, `Reps. Ann Wagner (R-Mo.), Todd Akin`: after a
/// plural title, every name of the list is a person, a place after `in` or `of` left as it is.
fn people_after_plural_titles(
    tokens: &[Token<'_>],
    spans: &[(usize, usize)],
    classified: &mut [Vec<Candidate>],
) {
    let mut open = false;
    let mut last_end = 0;
    for (k, &(start, end)) in spans.iter().enumerate() {
        if tokens[start..end]
            .iter()
            .any(|t| gaz::is_plural_title(t.text))
            && main_kind(&classified[k]).is_some_and(|(kind, _)| kind == EntityKind::Person)
        {
            open = true;
            last_end = end;
            continue;
        }
        if !open {
            continue;
        }
        let gap = &tokens[last_end..start];
        let place_of_the_last = matches!(gap, [t] if matches!(t.text, "in" | "of" | "from"))
            && main_kind(&classified[k]).is_some_and(|(kind, _)| kind == EntityKind::Place);
        if place_of_the_last {
            last_end = end;
            continue;
        }
        let listed = gap.iter().enumerate().all(|(g, t)| match t.text {
            "," | "and" | "or" | "(" | ")" => true,
            "." => g > 0 && is_party_tag(gap[g - 1].text),
            other => is_party_tag(other),
        }) && gap.iter().any(|t| matches!(t.text, "," | "and" | "or"));
        let Some(person) = classified[k].last_mut().filter(|_| listed) else {
            open = false;
            continue;
        };
        match person.kind {
            Some((EntityKind::Person, _)) | None | Some((_, Evidence::Guess)) => {
                person.kind = Some((EntityKind::Person, Evidence::Strong));
                person.rule = Rule::AfterPluralTitle;
                last_end = end;
            }
            Some(_) => open = false,
        }
    }
}

/// `from Brownsville to San Diego`, `between Tampa and Orlando`: when one end of a range is a
/// place, so is the other.
fn places_in_ranges(
    tokens: &[Token<'_>],
    spans: &[(usize, usize)],
    classified: &mut [Vec<Candidate>],
) {
    for k in 1..spans.len() {
        let (a, b) = (spans[k - 1], spans[k]);
        let opener = a.0.checked_sub(1).map(|i| tokens[i].text);
        let range = match (opener, &tokens[a.1..b.0]) {
            (Some("from"), [t]) => t.text == "to",
            (Some("between"), [t]) => t.text == "and",
            _ => false,
        };
        if !range {
            continue;
        }
        let is_place = |found: &[Candidate]| {
            main_kind(found).is_some_and(|(kind, _)| kind == EntityKind::Place)
        };
        let unknown = |found: &[Candidate]| {
            found.len() == 1
                && found[0].words.len() <= 3
                && matches!(found[0].kind, None | Some((_, Evidence::Guess)))
        };
        for (place, other) in [(k - 1, k), (k, k - 1)] {
            if is_place(&classified[place]) && unknown(&classified[other]) {
                classified[other][0].kind = Some((EntityKind::Place, Evidence::Context));
                classified[other][0].rule = Rule::PlaceInAList;
            }
        }
    }
}

/// Document-level consistency: a name keeps one kind in an article, surnames of known people are
/// people, and capitals the article never confirms are dropped.
fn settle_kinds(candidates: Vec<Candidate>) -> Vec<Mention> {
    let keys: Vec<String> = candidates.iter().map(|c| c.words.join(" ")).collect();
    let mut votes: HashMap<&str, HashMap<EntityKind, u32>> = HashMap::default();
    let mut confirmed: HashSet<&str> = HashSet::default();
    for (c, key) in candidates.iter().zip(&keys) {
        if let Some((kind, evidence)) = c.kind {
            *votes.entry(key).or_default().entry(kind).or_default() += evidence as u32;
        }
        if !c.uncertain {
            confirmed.insert(key);
        }
    }
    let kind_of = |name: &str| -> Option<(EntityKind, u32)> {
        let v = votes.get(name)?;
        let (&kind, &score) = v
            .iter()
            .max_by_key(|(k, s)| (**s, std::cmp::Reverse(**k)))?;
        Some((kind, score))
    };
    // Surnames and given names of the people the article names in full.
    let mut person_parts: HashSet<&str> = HashSet::default();
    let mut org_parts: HashSet<&str> = HashSet::default();
    for (c, key) in candidates.iter().zip(&keys) {
        match kind_of(key) {
            Some((EntityKind::Person, score)) if score >= Evidence::Context as u32 => {
                if let Some(last) = c.words.last() {
                    person_parts.insert(last);
                }
            }
            Some((EntityKind::Organization, _)) if c.words.len() >= 2 => {
                if let Some(last) = c.words.last() {
                    if gaz::is_organization_ending(last) {
                        org_parts.insert(last);
                    }
                }
            }
            _ => {}
        }
    }
    let kinds: Vec<Option<EntityKind>> = candidates
        .iter()
        .zip(&keys)
        .map(|(c, name)| {
            let name = name.as_str();
            let single = c.words.len() == 1;
            let settled = kind_of(name);
            if single
                && person_parts.contains(name)
                && !matches!(settled, Some((_, s)) if s >= Evidence::Strong as u32 && settled.is_some_and(|(k, _)| k != EntityKind::Person))
            {
                Some(EntityKind::Person)
            } else if let Some((kind, score)) = settled {
                if c.uncertain && !confirmed.contains(name) && score < Evidence::Strong as u32 {
                    None
                } else {
                    Some(kind)
                }
            } else if single && org_parts.contains(name) {
                Some(EntityKind::Organization)
            } else {
                None
            }
        })
        .collect();
    candidates
        .into_iter()
        .zip(keys)
        .zip(kinds)
        .filter_map(|((c, form), kind)| {
            let kind = kind?;
            let own = c.kind.is_some_and(|(k, _)| k == kind);
            Some(Mention {
                words: c.words,
                form,
                kind,
                start: c.start,
                end: c.end,
                rule: if own {
                    c.rule
                } else {
                    Rule::SettledAcrossArticle
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        find_mentions(text)
            .into_iter()
            .map(|m| (m.words.join(" "), m.kind))
            .collect()
    }

    #[test]
    fn titles_and_party_tags_are_not_part_of_names() {
        let m = found("Army Secretary Dan Driscoll met Sen. Rand Paul (R-Ky.) on Monday.");
        assert_eq!(
            m,
            [
                ("Dan Driscoll".into(), EntityKind::Person),
                ("Rand Paul".into(), EntityKind::Person)
            ]
        );
    }

    #[test]
    fn organisations_stay_whole() {
        let m = found("The Republican National Committee and the Financial Times disagreed, the US Army said.");
        assert!(m.contains(&(
            "Republican National Committee".into(),
            EntityKind::Organization
        )));
        assert!(m.contains(&("Financial Times".into(), EntityKind::Organization)));
        assert!(m.contains(&("US Army".into(), EntityKind::Organization)));
    }

    #[test]
    fn nationality_adjectives_and_sentence_starts_are_not_names() {
        let m = found("Ukrainian officials spoke. Meanwhile Russian troops moved toward Kharkiv.");
        assert_eq!(m, [("Kharkiv".into(), EntityKind::Place)]);
    }
}
