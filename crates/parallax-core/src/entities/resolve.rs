//! One entity across articles: spelling and transliteration variants (`Zelensky`, `Zelenskyy`,
//! `Zelenskiy`; `Gaddafi`, `Qaddafi`) become one row with a confidence; people who share a surname
//! but not a given name stay apart.

use unicode_normalization::UnicodeNormalization;

use super::aliases::{acronym_letters, initials};
use super::{Entity, EntityKind, ResolvedEntity};

/// A name folded for matching: letters only, lower case, accents removed.
fn fold(name: &str) -> String {
    name.nfd()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A rough sound of a word, so that transliterations meet: `Qaddafi`, `Gadhafi` -> `kadafi`;
/// `Zelenskyy`, `Zelenskiy` -> `zelenski`.
pub(crate) fn skeleton(word: &str) -> String {
    let folded = fold(word).replace(' ', "");
    let replaced = folded
        .replace("kh", "h")
        .replace("dh", "d")
        .replace("th", "t")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("ou", "u")
        .replace("ie", "i");
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
    folded: String,
    skeleton: String,
    /// The skeleton without vowels.
    consonants: String,
    /// An initial such as `D.`.
    initial: bool,
    words: Vec<&'a str>,
    /// [`initials`] of the words, for names of two words or more.
    initials: Option<String>,
    /// [`acronym_letters`] of a one-word name.
    acronym: Option<String>,
}

/// Every name, alias and name word of the articles, each read once.
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
        for entity in articles.iter().flatten() {
            for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                names.add(form);
                for word in form.split_whitespace() {
                    names.add(word);
                }
            }
        }
        names
    }

    fn add(&mut self, name: &'a str) {
        if self.ids.contains_key(name) {
            return;
        }
        let skeleton = skeleton(name);
        let consonants = skeleton.chars().filter(|c| !"aeiou".contains(*c)).collect();
        let words: Vec<&'a str> = name.split_whitespace().collect();
        let owned = || words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        self.ids.insert(name, self.infos.len());
        self.infos.push(NameInfo {
            folded: fold(name),
            skeleton,
            consonants,
            initial: name.len() <= 2 && name.ends_with('.'),
            initials: (words.len() >= 2).then(|| initials(&owned())),
            acronym: (words.len() == 1).then(|| acronym_letters(name)).flatten(),
            words,
        });
    }

    fn get(&self, name: &str) -> &NameInfo<'a> {
        &self.infos[self.ids[name]]
    }
}

/// How likely two surnames (or one-word names) are one name written two ways, from 0 to 1.
fn word_match(a: &NameInfo, b: &NameInfo) -> f64 {
    let (fa, fb) = (&a.folded, &b.folded);
    if fa == fb {
        return 1.0;
    }
    if a.skeleton == b.skeleton {
        return 0.9;
    }
    let similarity = strsim::jaro_winkler(fa, fb);
    if similarity >= 0.93 && fa.len().min(fb.len()) >= 6 {
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
    fa == fb
        || a.skeleton == b.skeleton
        || a.consonants.len() >= 3 && a.consonants == b.consonants
        || fa.len() >= 3 && fb.starts_with(fa.as_str())
        || fb.len() >= 3 && fa.starts_with(fb.as_str())
}

/// How likely two entities of the same kind are one, from 0 to 1 (0: different).
fn same_entity(names: &Names, a: &Row, b: &Entity) -> f64 {
    if a.kind != b.kind {
        return 0.0;
    }
    let b_forms: Vec<&NameInfo> = std::iter::once(b.name.as_str())
        .chain(b.aliases.iter().map(String::as_str))
        .map(|f| names.get(f))
        .collect();
    if a.kind != EntityKind::Person
        && a.forms.iter().any(|f| {
            let f = names.get(f);
            b_forms.iter().any(|g| f.folded == g.folded)
        })
    {
        return 1.0;
    }
    let (na, nb) = (names.get(a.name), names.get(&b.name));
    match a.kind {
        EntityKind::Person => {
            let (wa, wb) = (&na.words, &nb.words);
            let (Some(sa), Some(sb)) = (wa.last(), wb.last()) else {
                return 0.0;
            };
            let surname = word_match(names.get(sa), names.get(sb));
            if surname == 0.0 {
                return 0.0;
            }
            match (wa.len() >= 2, wb.len() >= 2) {
                (true, true) => {
                    if given_names_agree(names.get(wa[0]), names.get(wb[0])) {
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
            let spells = |forms: &[&NameInfo], acronym: &String| {
                forms.iter().any(|f| f.initials.as_ref() == Some(acronym))
            };
            let a_forms: Vec<&NameInfo> = a.forms.iter().map(|f| names.get(f)).collect();
            if nb.acronym.as_ref().is_some_and(|x| spells(&a_forms, x))
                || na.acronym.as_ref().is_some_and(|x| spells(&b_forms, x))
            {
                return 0.9;
            }
            let (wa, wb) = (&na.words, &nb.words);
            if wa.len() == wb.len() {
                wa.iter()
                    .zip(wb)
                    .map(|(x, y)| word_match(names.get(x), names.get(y)))
                    .fold(1.0, f64::min)
            } else {
                0.0
            }
        }
    }
}

struct Row<'a> {
    name: &'a str,
    kind: EntityKind,
    forms: Vec<&'a str>,
    mentions: Vec<usize>,
    confidence: f64,
    /// Given names of the people merged into this row.
    given_names: Vec<&'a str>,
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
    items.sort_by_key(|(i, e)| {
        (
            std::cmp::Reverse(e.name.split_whitespace().count().min(2)),
            std::cmp::Reverse(e.mentions),
            *i,
        )
    });
    let mut rows: Vec<Row> = Vec::new();
    let mut scores: Vec<f64> = Vec::new();
    for (article, entity) in items {
        let name_words = &names.get(&entity.name).words;
        let given = name_words.first().copied().filter(|_| name_words.len() >= 2);
        scores.clear();
        scores.extend(rows.iter().map(|row| same_entity(&names, row, entity)));
        let best = rows
            .iter()
            .zip(&scores)
            .enumerate()
            .map(|(r, (row, &score))| {
                let mut score = score;
                if let Some(g) = given {
                    let g = names.get(g);
                    if row
                        .given_names
                        .iter()
                        .any(|h| !given_names_agree(g, names.get(h)))
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
                for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                    if !row.forms.contains(&form.as_str()) {
                        row.forms.push(form);
                    }
                }
                if let Some(g) = given {
                    row.given_names.push(g);
                }
                let fuller = name_words.len() > names.get(row.name).words.len();
                if fuller {
                    row.name = &entity.name;
                }
            }
            None => {
                let mut mentions = vec![0; articles.len()];
                mentions[article] = entity.mentions;
                let mut forms = vec![entity.name.as_str()];
                forms.extend(entity.aliases.iter().map(String::as_str));
                rows.push(Row {
                    name: &entity.name,
                    kind: entity.kind,
                    forms,
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
                .filter(|f| **f != row.name)
                .map(|f| f.to_string())
                .collect(),
            name: row.name.to_string(),
            kind: row.kind,
            mentions: row.mentions,
            confidence: (row.confidence * 100.0).round() / 100.0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("Zelensky"), skeleton("Zelenskyy"));
        assert_eq!(skeleton("Zelenskiy"), skeleton("Zelensky"));
        assert_eq!(skeleton("Gaddafi"), skeleton("Qaddafi"));
        assert_eq!(skeleton("Gadhafi"), skeleton("Qaddafi"));
        assert_ne!(skeleton("Obama"), skeleton("Romney"));
    }
}
