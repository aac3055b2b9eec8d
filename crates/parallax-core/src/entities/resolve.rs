//! One entity across articles: spelling and transliteration variants (`Zelensky`, `Zelenskyy`,
//! `Zelenskiy`; `Gaddafi`, `Qaddafi`) become one row with a confidence; people who share a surname
//! but not a given name stay apart.

use unicode_normalization::UnicodeNormalization;

use super::aliases::{acronym_letters, initials};
use super::gazetteer;
use super::{Entity, EntityKind, ResolvedEntity};

/// A name folded for matching: letters only, lower case, accents removed.
fn fold(name: &str) -> String {
    if name.is_ascii() {
        // Decomposition leaves ASCII as it is.
        return name
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b == b' ')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    name.nfd()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A rough sound of a name already [`fold`]ed, so that transliterations meet: `Qaddafi`,
/// `Gadhafi` -> `kadafi`; `Zelenskyy`, `Zelenskiy` -> `zelenski`.
fn skeleton_of_folded(folded: &str) -> String {
    let mut replaced = folded.replace(' ', "");
    for (spelling, sound) in [
        ("kh", "h"),
        ("dh", "d"),
        ("th", "t"),
        ("ph", "f"),
        ("ck", "k"),
        ("ou", "u"),
        ("ie", "i"),
    ] {
        // In this order, each over the last one's result; most names have none of them.
        if replaced.contains(spelling) {
            replaced = replaced.replace(spelling, sound);
        }
    }
    let mut out = String::with_capacity(replaced.len());
    for c in replaced.chars() {
        let c = match c {
            'q' | 'g' | 'c' => 'k',
            'y' | 'j' => 'i',
            'w' => 'v',
            'z' if out.is_empty() => 'z',
            other => other,
        };
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// What resolution needs of one name, alias or word, worked out once per resolution.
struct NameInfo<'a> {
    text: &'a str,
    folded: String,
    /// Equal for equal folded names.
    folded_id: usize,
    /// Equal for equal skeletons.
    skeleton_id: usize,
    /// The skeleton without vowels.
    consonants: String,
    /// An initial such as `D.`.
    initial: bool,
    /// The words, as ids into [`Names`].
    words: Vec<usize>,
    /// [`initials`] of the words, for names of two words or more.
    initials: Option<String>,
    /// [`acronym_letters`] of a one-word name.
    acronym: Option<String>,
}

/// Every name, alias and name word of the articles, each read once and known by an id.
struct Names<'a> {
    ids: rustc_hash::FxHashMap<&'a str, usize>,
    infos: Vec<NameInfo<'a>>,
}

impl<'a> Names<'a> {
    fn new(articles: &'a [Vec<Entity>]) -> Names<'a> {
        let mut names = Names {
            ids: rustc_hash::FxHashMap::default(),
            infos: Vec::new(),
        };
        let (mut folds, mut skeletons) = (
            rustc_hash::FxHashMap::default(),
            rustc_hash::FxHashMap::default(),
        );
        for entity in articles.iter().flatten() {
            for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                for name in std::iter::once(form.as_str()).chain(form.split_whitespace()) {
                    names.add(name, &mut folds, &mut skeletons);
                }
            }
        }
        for k in 0..names.infos.len() {
            let words = names.infos[k]
                .text
                .split_whitespace()
                .map(|w| names.ids[w])
                .collect();
            names.infos[k].words = words;
        }
        names
    }

    fn add(
        &mut self,
        name: &'a str,
        folds: &mut rustc_hash::FxHashMap<String, usize>,
        skeletons: &mut rustc_hash::FxHashMap<String, usize>,
    ) {
        if self.ids.contains_key(name) {
            return;
        }
        let folded = fold(name);
        let skeleton = skeleton_of_folded(&folded);
        let next = folds.len();
        let folded_id = *folds.entry(folded.clone()).or_insert(next);
        let next = skeletons.len();
        let skeleton_id = *skeletons.entry(skeleton.clone()).or_insert(next);
        let consonants = skeleton.chars().filter(|c| !"aeiou".contains(*c)).collect();
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        self.ids.insert(name, self.infos.len());
        self.infos.push(NameInfo {
            text: name,
            folded,
            folded_id,
            skeleton_id,
            consonants,
            initial: name.len() <= 2 && name.ends_with('.'),
            initials: (words.len() >= 2).then(|| initials(&words)),
            acronym: (words.len() == 1).then(|| acronym_letters(name)).flatten(),
            words: Vec::new(),
        });
    }

    fn id(&self, name: &str) -> usize {
        self.ids[name]
    }

    fn info(&self, id: usize) -> &NameInfo<'a> {
        &self.infos[id]
    }
}

/// How likely two surnames (or one-word names) are one name written two ways, from 0 to 1.
fn word_match(a: &NameInfo, b: &NameInfo) -> f64 {
    if a.folded_id == b.folded_id {
        return 1.0;
    }
    if a.skeleton_id == b.skeleton_id {
        return 0.9;
    }
    let (fa, fb) = (&a.folded, &b.folded);
    if fa.len().min(fb.len()) < 6 {
        return 0.0;
    }
    // Jaro-Winkler is at most (2 + shorter / longer) / 3 lifted by 0.4 of what is left, so 0.93
    // needs lengths within a ratio of 0.65: most pairs of surnames are told apart here.
    let (na, nb) = (fa.chars().count(), fb.chars().count());
    if (na.min(nb) as f64) < 0.6 * na.max(nb) as f64 {
        return 0.0;
    }
    let similarity = strsim::jaro_winkler(fa, fb);
    if similarity >= 0.93 {
        0.8 * similarity
    } else {
        0.0
    }
}

/// Given names that can be the same person: equal, one short for the other (`Dan`, `Daniel`).
fn given_names_agree(a: &NameInfo, b: &NameInfo) -> bool {
    let (fa, fb) = (&a.folded, &b.folded);
    if a.initial || b.initial {
        return fa.chars().next() == fb.chars().next();
    }
    a.folded_id == b.folded_id
        || a.skeleton_id == b.skeleton_id
        || a.consonants.len() >= 3 && a.consonants == b.consonants
        || fa.len() >= 3 && fb.starts_with(fa.as_str())
        || fb.len() >= 3 && fa.starts_with(fb.as_str())
}

/// An entity of one article as resolution compares it with the rows.
struct Item {
    kind: EntityKind,
    name: usize,
    /// The name and the aliases.
    forms: Vec<usize>,
}

/// How likely two entities of the same kind are one, from 0 to 1 (0: different).
fn same_entity(names: &Names, a: &Row, b: &Item) -> f64 {
    if a.kind != b.kind {
        return 0.0;
    }
    if a.kind != EntityKind::Person
        && a.forms.iter().any(|&f| {
            let f = names.info(f).folded_id;
            b.forms.iter().any(|&g| names.info(g).folded_id == f)
        })
    {
        return 1.0;
    }
    // `Calif.` in one article, `California` in another.
    if a.kind == EntityKind::Place
        && a.forms.iter().any(|&f| {
            b.forms
                .iter()
                .any(|&g| gazetteer::abbreviates_state(names.info(f).text, names.info(g).text))
        })
    {
        return 0.95;
    }
    let (na, nb) = (names.info(a.name), names.info(b.name));
    match a.kind {
        EntityKind::Person => {
            let (wa, wb) = (&na.words, &nb.words);
            let (Some(&sa), Some(&sb)) = (wa.last(), wb.last()) else {
                return 0.0;
            };
            let surname = word_match(names.info(sa), names.info(sb));
            if surname == 0.0 {
                return 0.0;
            }
            match (wa.len() >= 2, wb.len() >= 2) {
                (true, true) => {
                    if given_names_agree(names.info(wa[0]), names.info(wb[0])) {
                        surname
                    } else {
                        0.0
                    }
                }
                // A surname alone: the same person unless the row already holds another given name.
                _ => surname * 0.95,
            }
        }
        EntityKind::Organization | EntityKind::Place => {
            let spells = |forms: &[usize], acronym: &String| {
                forms
                    .iter()
                    .any(|&f| names.info(f).initials.as_ref() == Some(acronym))
            };
            if nb.acronym.as_ref().is_some_and(|x| spells(&a.forms, x))
                || na.acronym.as_ref().is_some_and(|x| spells(&b.forms, x))
            {
                return 0.9;
            }
            let (wa, wb) = (&na.words, &nb.words);
            if wa.len() == wb.len() {
                wa.iter()
                    .zip(wb)
                    .map(|(&x, &y)| word_match(names.info(x), names.info(y)))
                    .fold(1.0, f64::min)
            } else {
                0.0
            }
        }
    }
}

/// One real-world entity; names are ids into [`Names`].
struct Row {
    name: usize,
    kind: EntityKind,
    forms: Vec<usize>,
    mentions: Vec<usize>,
    confidence: f64,
    /// Given names of the people merged into this row.
    given_names: Vec<usize>,
}

/// Resolves the entities of several articles into rows, one per real-world entity.
pub(crate) fn resolve(articles: &[Vec<Entity>]) -> Vec<ResolvedEntity> {
    let names = Names::new(articles);
    // Fuller names first, so that a surname alone finds the full name it belongs to.
    let mut items: Vec<(usize, &Entity)> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, list)| list.iter().map(move |e| (i, e)))
        .collect();
    // Keys worked out once per entity (the sort is stable, as `sort_by_key` is).
    items.sort_by_cached_key(|(i, e)| {
        (
            std::cmp::Reverse(e.name.split_whitespace().count().min(2)),
            std::cmp::Reverse(e.mentions),
            *i,
        )
    });
    let mut rows: Vec<Row> = Vec::new();
    let mut scores: Vec<f64> = Vec::new();
    for (article, entity) in items {
        let item = Item {
            kind: entity.kind,
            name: names.id(&entity.name),
            forms: std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|f| names.id(f))
                .collect(),
        };
        let name_words = &names.info(item.name).words;
        let given = name_words
            .first()
            .copied()
            .filter(|_| name_words.len() >= 2);
        scores.clear();
        scores.extend(rows.iter().map(|row| same_entity(&names, row, &item)));
        let best = rows
            .iter()
            .zip(&scores)
            .enumerate()
            .map(|(r, (row, &score))| {
                let mut score = score;
                if let Some(g) = given {
                    let g = names.info(g);
                    if row
                        .given_names
                        .iter()
                        .any(|&h| !given_names_agree(g, names.info(h)))
                    {
                        score = 0.0;
                    }
                }
                (r, score, row.mentions.iter().sum::<usize>())
            })
            .filter(|(_, score, _)| *score >= 0.75)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2)));
        // A surname shared by two people named in full is ambiguous: it goes to the most named, less surely.
        let ambiguous = given.is_none()
            && entity.kind == EntityKind::Person
            && scores.iter().filter(|&&score| score >= 0.75).count() > 1;
        match best {
            Some((r, score, _)) => {
                let row = &mut rows[r];
                row.mentions[article] += entity.mentions;
                row.confidence = row
                    .confidence
                    .min(if ambiguous { score * 0.7 } else { score });
                for &form in &item.forms {
                    if !row.forms.contains(&form) {
                        row.forms.push(form);
                    }
                }
                if let Some(g) = given {
                    row.given_names.push(g);
                }
                let fuller = name_words.len() > names.info(row.name).words.len();
                if fuller {
                    row.name = item.name;
                }
            }
            None => {
                let mut mentions = vec![0; articles.len()];
                mentions[article] = entity.mentions;
                rows.push(Row {
                    name: item.name,
                    kind: entity.kind,
                    forms: item.forms,
                    mentions,
                    confidence: 1.0,
                    given_names: given.into_iter().collect(),
                });
            }
        }
    }
    rows.sort_by_key(|row| {
        (
            std::cmp::Reverse(row.mentions.iter().filter(|&&m| m > 0).count()),
            std::cmp::Reverse(row.mentions.iter().sum::<usize>()),
        )
    });
    rows.into_iter()
        .map(|row| ResolvedEntity {
            aliases: row
                .forms
                .iter()
                .filter(|&&f| f != row.name)
                .map(|&f| names.info(f).text.to_string())
                .collect(),
            name: names.info(row.name).text.to_string(),
            kind: row.kind,
            mentions: row.mentions,
            confidence: (row.confidence * 100.0).round() / 100.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The length test `word_match` makes first never turns away a pair Jaro-Winkler would
        /// have let through.
        #[test]
        fn names_of_far_apart_lengths_never_reach_the_jaro_winkler_bar(
            a in "[a-zé]{6,12}",
            b in "[a-zé]{1,30}",
            shared in "[a-z]{0,6}",
        ) {
            let (a, b) = (format!("{shared}{a}"), format!("{shared}{b}"));
            let (na, nb) = (a.chars().count(), b.chars().count());
            if (na.min(nb) as f64) < 0.6 * na.max(nb) as f64 {
                proptest::prop_assert!(strsim::jaro_winkler(&a, &b) < 0.93, "{a} {b}");
            }
        }
    }

    fn skeleton(word: &str) -> String {
        skeleton_of_folded(&fold(word))
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("Zelensky"), skeleton("Zelenskyy"));
        assert_eq!(skeleton("Zelenskiy"), skeleton("Zelensky"));
        assert_eq!(skeleton("Gaddafi"), skeleton("Qaddafi"));
        assert_eq!(skeleton("Gadhafi"), skeleton("Qaddafi"));
        assert_ne!(skeleton("Obama"), skeleton("Romney"));
    }
}
