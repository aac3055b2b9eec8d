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

/// How likely two surnames (or one-word names) are one name written two ways, from 0 to 1.
fn word_match(a: &str, b: &str) -> f64 {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return 1.0;
    }
    if skeleton(a) == skeleton(b) {
        return 0.9;
    }
    let similarity = strsim::jaro_winkler(&fa, &fb);
    if similarity >= 0.93 && fa.len().min(fb.len()) >= 6 {
        0.8 * similarity
    } else {
        0.0
    }
}

/// Given names that can be the same person: equal, one short for the other (`Dan`, `Daniel`).
fn given_names_agree(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    let a_initial = a.len() <= 2 && a.ends_with('.');
    let b_initial = b.len() <= 2 && b.ends_with('.');
    if a_initial || b_initial {
        return fa.chars().next() == fb.chars().next();
    }
    let consonants = |w: &str| -> String {
        skeleton(w)
            .chars()
            .filter(|c| !"aeiou".contains(*c))
            .collect()
    };
    fa == fb
        || skeleton(a) == skeleton(b)
        || consonants(a).len() >= 3 && consonants(a) == consonants(b)
        || fa.len() >= 3 && fb.starts_with(&fa)
        || fb.len() >= 3 && fa.starts_with(&fb)
}

fn words(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_string).collect()
}

/// How likely two entities of the same kind are one, from 0 to 1 (0: different).
fn same_entity(a: &Row, b: &Entity) -> f64 {
    if a.kind != b.kind {
        return 0.0;
    }
    let b_forms: Vec<&str> = std::iter::once(b.name.as_str())
        .chain(b.aliases.iter().map(String::as_str))
        .collect();
    if a.forms
        .iter()
        .any(|f| b_forms.iter().any(|g| fold(f) == fold(g)))
        && a.kind != EntityKind::Person
    {
        return 1.0;
    }
    match a.kind {
        EntityKind::Person => {
            let (wa, wb) = (words(&a.name), words(&b.name));
            let (Some(sa), Some(sb)) = (wa.last(), wb.last()) else {
                return 0.0;
            };
            let surname = word_match(sa, sb);
            if surname == 0.0 {
                return 0.0;
            }
            match (wa.len() >= 2, wb.len() >= 2) {
                (true, true) => {
                    if given_names_agree(&wa[0], &wb[0]) {
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
            let acronym_a = (words(&a.name).len() == 1)
                .then(|| acronym_letters(&a.name))
                .flatten();
            let acronym_b = (words(&b.name).len() == 1)
                .then(|| acronym_letters(&b.name))
                .flatten();
            if acronym_b.is_some_and(|x| {
                a.forms
                    .iter()
                    .any(|f| initials(&words(f)) == x && words(f).len() >= 2)
            }) || acronym_a.is_some_and(|x| {
                b_forms
                    .iter()
                    .any(|f| initials(&words(f)) == x && words(f).len() >= 2)
            }) {
                return 0.9;
            }
            let (wa, wb) = (words(&a.name), words(&b.name));
            if wa.len() == wb.len() {
                wa.iter()
                    .zip(&wb)
                    .map(|(x, y)| word_match(x, y))
                    .fold(1.0, f64::min)
            } else {
                0.0
            }
        }
    }
}

struct Row {
    name: String,
    kind: EntityKind,
    forms: Vec<String>,
    mentions: Vec<usize>,
    confidence: f64,
    /// Given names of the people merged into this row.
    given_names: Vec<String>,
}

/// Resolves the entities of several articles into rows, one per real-world entity.
pub(crate) fn resolve(articles: &[Vec<Entity>]) -> Vec<ResolvedEntity> {
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
    for (article, entity) in items {
        let given = words(&entity.name)
            .first()
            .cloned()
            .filter(|_| entity.name.split_whitespace().count() >= 2);
        let best = rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                let mut score = same_entity(row, entity);
                if let Some(g) = &given {
                    if row.given_names.iter().any(|h| !given_names_agree(g, h)) {
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
            && rows
                .iter()
                .filter(|row| same_entity(row, entity) >= 0.75)
                .count()
                > 1;
        match best {
            Some((r, score, _)) => {
                let row = &mut rows[r];
                row.mentions[article] += entity.mentions;
                row.confidence = row
                    .confidence
                    .min(if ambiguous { score * 0.7 } else { score });
                for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                    if !row.forms.contains(form) {
                        row.forms.push(form.clone());
                    }
                }
                if let Some(g) = given {
                    row.given_names.push(g);
                }
                let fuller =
                    entity.name.split_whitespace().count() > row.name.split_whitespace().count();
                if fuller {
                    row.name = entity.name.clone();
                }
            }
            None => {
                let mut mentions = vec![0; articles.len()];
                mentions[article] = entity.mentions;
                let mut forms = vec![entity.name.clone()];
                forms.extend(entity.aliases.iter().cloned());
                rows.push(Row {
                    name: entity.name.clone(),
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
                .cloned()
                .collect(),
            name: row.name,
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
