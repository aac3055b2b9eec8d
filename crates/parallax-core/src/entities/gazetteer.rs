//! Small word lists shipped with the engine (`data/`), written for Parallax from public facts.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

fn words(list: &'static str) -> HashSet<&'static str> {
    entries(list).flat_map(str::split_whitespace).collect()
}

static PLACES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/places.txt")).collect());
static ORGANIZATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/organizations.txt")).collect());
static DEMONYMS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/demonyms.txt")).collect());
static GIVEN_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/given_names.txt")));
static TITLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/titles.txt")));
static COMMON_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/common_words.txt")));

/// Abbreviated places written with initials.
const PLACE_INITIALS: &[&str] = &[
    "US", "USA", "UK", "UAE", "DC", "NY", "NYC", "LA", "NC", "NJ", "SC", "NH", "ND", "SD", "NM",
    "WV", "USSR",
];

/// Last words that make a name an organisation (`Republican National Committee`, `Financial Times`).
const ORGANIZATION_ENDINGS: &[&str] = &[
    "Committee",
    "Ministry",
    "Party",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co.",
    "Company",
    "Companies",
    "LLC",
    "Ltd",
    "Ltd.",
    "Group",
    "Times",
    "News",
    "Post",
    "Journal",
    "Tribune",
    "Herald",
    "Gazette",
    "Magazine",
    "Press",
    "Network",
    "Networks",
    "Channel",
    "Radio",
    "Television",
    "Army",
    "Navy",
    "Guard",
    "Corps",
    "Force",
    "Forces",
    "Police",
    "Council",
    "Department",
    "Agency",
    "Administration",
    "Association",
    "Union",
    "Organization",
    "Organisation",
    "University",
    "College",
    "Institute",
    "Foundation",
    "Bank",
    "Court",
    "Commission",
    "Senate",
    "House",
    "Congress",
    "Parliament",
    "Assembly",
    "Legislature",
    "Board",
    "Bureau",
    "Office",
    "Service",
    "Services",
    "Club",
    "Fund",
    "Church",
    "Caucus",
    "Coalition",
    "Alliance",
    "Federation",
    "League",
    "Society",
    "Center",
    "Centre",
    "Project",
    "Trust",
    "Partners",
    "Holdings",
    "Airlines",
    "Motors",
    "Industries",
    "Systems",
    "Reserve",
    "Cabinet",
    "Politburo",
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Command",
    "Academy",
    "School",
    "Hospital",
    "Clinic",
    "Team",
    "Campaign",
    "Movement",
    "Front",
    "Brotherhood",
    "Authority",
    "Exchange",
    "Secretariat",
    "Directorate",
    "Tribunal",
    "Institution",
    "Laboratory",
    "Studios",
    "Records",
    "Register",
    "Sun",
    "Star",
    "Globe",
    "Chronicle",
    "Observer",
    "Examiner",
    "Inquirer",
    "Courier",
    "Bulletin",
    "Dispatch",
    "Report",
    "Review",
    "Monitor",
    "Sentinel",
    "Enquirer",
    "Telegraph",
    "Guardian",
    "Action",
    "Republicans",
    "Democrats",
];

/// First words that make `X of Y` an organisation (`Department of Defense`, `Bank of America`).
const ORGANIZATION_HEADS: &[&str] = &[
    "Department",
    "Ministry",
    "University",
    "Bank",
    "Committee",
    "Office",
    "Bureau",
    "Council",
    "Board",
    "Church",
    "Institute",
    "College",
    "School",
    "Court",
    "Commission",
    "Association",
    "Federation",
    "League",
    "Society",
    "Academy",
    "Chamber",
    "Congress",
    "House",
    "Union",
    "Party",
    "Order",
    "Corporation",
];

/// Last words that make a name a place (`Orange County`, `Red Square`).
const PLACE_ENDINGS: &[&str] = &[
    "County",
    "City",
    "Street",
    "St.",
    "Avenue",
    "Ave.",
    "Boulevard",
    "Road",
    "Square",
    "River",
    "Lake",
    "Sea",
    "Ocean",
    "Gulf",
    "Bay",
    "Island",
    "Islands",
    "Mountain",
    "Mountains",
    "Valley",
    "Canyon",
    "Beach",
    "Province",
    "Region",
    "Oblast",
    "Territory",
    "Peninsula",
    "Strait",
    "Desert",
    "Heights",
    "Coast",
    "Harbor",
    "Airport",
    "Base",
    "Plaza",
    "Park",
    "Bridge",
    "Village",
    "Township",
    "Parish",
    "Borough",
    "District",
    "State",
];

/// Compass words that may precede a place (`Northern Virginia`, `South Florida`).
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upstate",
    "Downtown",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Greater",
];

/// The fifty states with their AP-style abbreviation (`Calif.`), empty where AP writes the name out.
const US_STATES: &[(&str, &str)] = &[
    ("Alabama", "Ala."),
    ("Alaska", ""),
    ("Arizona", "Ariz."),
    ("Arkansas", "Ark."),
    ("California", "Calif."),
    ("Colorado", "Colo."),
    ("Connecticut", "Conn."),
    ("Delaware", "Del."),
    ("Florida", "Fla."),
    ("Georgia", "Ga."),
    ("Hawaii", ""),
    ("Idaho", ""),
    ("Illinois", "Ill."),
    ("Indiana", "Ind."),
    ("Iowa", ""),
    ("Kansas", "Kan."),
    ("Kentucky", "Ky."),
    ("Louisiana", "La."),
    ("Maine", ""),
    ("Maryland", "Md."),
    ("Massachusetts", "Mass."),
    ("Michigan", "Mich."),
    ("Minnesota", "Minn."),
    ("Mississippi", "Miss."),
    ("Missouri", "Mo."),
    ("Montana", "Mont."),
    ("Nebraska", "Neb."),
    ("Nevada", "Nev."),
    ("New Hampshire", "N.H."),
    ("New Jersey", "N.J."),
    ("New Mexico", "N.M."),
    ("New York", "N.Y."),
    ("North Carolina", "N.C."),
    ("North Dakota", "N.D."),
    ("Ohio", ""),
    ("Oklahoma", "Okla."),
    ("Oregon", "Ore."),
    ("Pennsylvania", "Pa."),
    ("Rhode Island", "R.I."),
    ("South Carolina", "S.C."),
    ("South Dakota", "S.D."),
    ("Tennessee", "Tenn."),
    ("Texas", "Tex."),
    ("Utah", ""),
    ("Vermont", "Vt."),
    ("Virginia", "Va."),
    ("Washington", "Wash."),
    ("West Virginia", "W.Va."),
    ("Wisconsin", "Wis."),
    ("Wyoming", "Wyo."),
];

/// The state an AP-style abbreviation stands for: `Calif.` -> `California`.
pub(crate) fn state_of_abbreviation(word: &str) -> Option<&'static str> {
    if !word.ends_with('.') || word.len() > 6 {
        return None;
    }
    US_STATES
        .iter()
        .find(|(_, abbreviation)| !abbreviation.is_empty() && *abbreviation == word)
        .map(|(state, _)| *state)
}

/// `Calif.` and `California`: a state's abbreviation and its name, either way round.
pub(crate) fn abbreviates_state(a: &str, b: &str) -> bool {
    state_of_abbreviation(a) == Some(b) || state_of_abbreviation(b) == Some(a)
}

/// A US state, written out (`Arizona`, `New Hampshire`).
pub(crate) fn is_us_state(name: &str) -> bool {
    US_STATES.iter().any(|(state, _)| *state == name)
}

/// Lower-case spellings of the known places, for names written in capitals (`NEW YORK`).
static PLACES_BY_LOWER_CASE: LazyLock<rustc_hash::FxHashMap<String, &'static str>> =
    LazyLock::new(|| PLACES.iter().map(|p| (p.to_lowercase(), *p)).collect());

/// The usual spelling of a place written in capitals: `NEW YORK` -> `New York`; a name the
/// lists do not hold gets a capital on each word (`MCALLEN` -> `Mcallen`).
pub(crate) fn place_in_title_case(shouted: &str) -> String {
    let lower = shouted.to_lowercase();
    if let Some(place) = PLACES_BY_LOWER_CASE.get(&lower) {
        return (*place).to_string();
    }
    let mut out = String::with_capacity(lower.len());
    let mut word_start = true;
    for c in lower.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        word_start = !c.is_alphanumeric() && c != '\'' && c != '\u{2019}';
    }
    out
}

/// Plural titles before a list of names (`Sens. John McCain and Lindsey Graham`).
const PLURAL_TITLES: &[&str] = &[
    "Sens",
    "Reps",
    "Govs",
    "Gens",
    "Drs",
    "Messrs",
    "Lts",
    "Cols",
    "Sgts",
    "Justices",
    "Senators",
    "Representatives",
    "Governors",
    "Generals",
    "Presidents",
];

/// A title in the plural: every name of the list after it is a person.
pub(crate) fn is_plural_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.ends_with('s') && PLURAL_TITLES.contains(&word)
}

/// Party adjectives that name the party before a lower-case `party` (`the Republican party`).
const PARTY_ADJECTIVES: &[&str] = &[
    "Republican",
    "Democratic",
    "Democrat",
    "Libertarian",
    "Green",
    "Labour",
    "Labor",
    "Conservative",
    "Liberal",
    "Communist",
    "Socialist",
    "Reform",
];

pub(crate) fn is_party_adjective(word: &str) -> bool {
    PARTY_ADJECTIVES.contains(&word)
}

/// A plural party, faith or nationality word after a place (`Missouri Republicans`, `Texas
/// Democrats`, `Ohio Evangelicals`): people of a place, not an organisation.
pub(crate) fn is_plural_group(word: &str) -> bool {
    // Nationalities are left out: `Cleveland Indians` is a team.
    const GROUPS: &[&str] = &[
        "Republicans",
        "Democrats",
        "Conservatives",
        "Liberals",
        "Libertarians",
        "Progressives",
        "Independents",
        "Evangelicals",
        "Catholics",
        "Christians",
        "Muslims",
        "Jews",
        "Mormons",
        "Hispanics",
        "Latinos",
    ];
    GROUPS.contains(&word)
}

/// Words that head a part of a law or a code, before a number (`Title VII`, `Section 230`).
const LEGAL_PART_HEADS: &[&str] = &[
    "Title",
    "Article",
    "Section",
    "Chapter",
    "Clause",
    "Paragraph",
    "Subsection",
    "Amendment",
    "Proposition",
    "Prop",
    "Prop.",
    "Rule",
    "Part",
    "Schedule",
];

pub(crate) fn is_legal_part_head(word: &str) -> bool {
    LEGAL_PART_HEADS.contains(&word)
}

/// Prefixes of bill numbers (`SB 1070`, `HB56`, `H.R. 3962`).
const BILL_PREFIXES: &[&str] = &[
    "SB", "HB", "AB", "HR", "H.R.", "S.B.", "H.B.", "HF", "SF", "LB", "LD", "SJR", "HJR", "SR",
    "HCR", "SCR", "SSB", "HSB", "ACA", "SCA",
];

pub(crate) fn is_bill_prefix(word: &str) -> bool {
    BILL_PREFIXES.contains(&word)
}

/// A bill number written as one word: `SB1070`, `HB56`.
pub(crate) fn is_bill_number(word: &str) -> bool {
    let digits = word.trim_start_matches(|c: char| !c.is_ascii_digit());
    let prefix = &word[..word.len() - digits.len()];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && is_bill_prefix(prefix.trim_end_matches('-'))
}

/// A number as the parts of laws are numbered: `230`, `VII`, `5(a)` is cut before the bracket.
pub(crate) fn is_part_number(word: &str) -> bool {
    !word.is_empty()
        && (word.chars().all(|c| c.is_ascii_digit())
            || word.len() <= 6 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

pub(crate) fn is_place(name: &str) -> bool {
    PLACES.contains(name)
        || if name.contains('.') {
            PLACE_INITIALS.contains(&name.replace('.', "").as_str())
        } else {
            PLACE_INITIALS.contains(&name)
        }
}

pub(crate) fn is_organization(name: &str) -> bool {
    ORGANIZATIONS.contains(name)
}

/// A nationality, party or faith (`Ukrainian`, `Republicans`), also one made from a place
/// (`Arizonan`, `Missourians`).
pub(crate) fn is_demonym(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    DEMONYMS.contains(word)
        || DEMONYMS.contains(singular)
        || ["n", "an", "ian"].iter().any(|suffix| {
            singular
                .strip_suffix(suffix)
                .is_some_and(|w| w.len() >= 3 && PLACES.contains(w))
        })
}

pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.contains(word)
}

/// A title or office, also hyphenated (`Co-Chairwoman`, `Vice-President`).
pub(crate) fn is_title(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    TITLES.contains(word)
        || word.ends_with('s') && PLURAL_TITLES.contains(&word)
        || word
            .rsplit_once('-')
            .is_some_and(|(_, last)| TITLES.contains(last))
}

/// Capitalised words that are never a person, organisation or place: months, weekdays, holidays,
/// scripture, programmes.
pub(crate) fn is_never_a_name(word: &str) -> bool {
    const OTHERS: &[&str] = &[
        "God",
        "Bible",
        "Koran",
        "Quran",
        "Constitution",
        "Medicare",
        "Medicaid",
        "Obamacare",
        "Internet",
        "Christmas",
        "Easter",
        "Thanksgiving",
        "Halloween",
        "Ramadan",
        "Hanukkah",
        "Passover",
    ];
    is_calendar_word(word) || OTHERS.contains(&word)
}

/// A month or a day of the week: capitalised, never a name.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    crate::text::lexicon::is_calendar_word(word)
}

/// A word written in lower case in running English (`However`, `Still`, `Obamacare` is not).
pub(crate) fn is_common_word(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return COMMON_WORDS.contains(word);
    }
    let lower = word.to_lowercase();
    COMMON_WORDS.contains(lower.as_str())
}

pub(crate) fn is_organization_ending(word: &str) -> bool {
    ORGANIZATION_ENDINGS.contains(&word)
}

pub(crate) fn is_organization_head(word: &str) -> bool {
    ORGANIZATION_HEADS.contains(&word)
}

pub(crate) fn is_place_ending(word: &str) -> bool {
    PLACE_ENDINGS.contains(&word)
}

pub(crate) fn is_compass(word: &str) -> bool {
    COMPASS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_answer_for_their_kind() {
        assert!(is_place("Kyiv") && is_place("U.S.") && is_place("New York"));
        assert!(is_organization("NATO"));
        assert!(is_demonym("Ukrainian") && is_demonym("Republicans"));
        assert!(is_given_name("Dan") && is_title("Sen.") && is_common_word("However"));
        assert!(!is_common_word("Driscoll"));
    }
}
