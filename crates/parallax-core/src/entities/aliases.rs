//! Grouping the mentions of one article into entities: a surname, a title and surname and a full
//! name are one person; an acronym and its expansion are one organisation.

use rustc_hash::FxHashMap as HashMap;

use super::recognize::Mention;
use super::{Entity, EntityKind};

/// The initials of a name, small words left out: `Republican National Committee` -> `RNC`.
pub(crate) fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for" | "on" | "&"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// An acronym as letters only: `R.N.C.` -> `RNC`.
pub(crate) fn acronym_letters(word: &str) -> Option<String> {
    let letters: String = word.chars().filter(|c| *c != '.').collect();
    (letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

struct Group {
    kind: EntityKind,
    mentions: Vec<usize>,
}

/// Groups mentions into entities, in order of first mention.
pub(crate) fn group_mentions(mentions: &[Mention]) -> Vec<Entity> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_form: HashMap<(EntityKind, &str), usize> = HashMap::default();
    // Full forms first, so that a surname mentioned before the full name still finds it.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].words.len().min(2)), i));
    for i in order {
        let m = &mentions[i];
        let form = (m.kind, m.form.as_str());
        let known = by_form.get(&form).copied();
        let found = if m.kind == EntityKind::Person && m.words.len() == 1 {
            find_group(&groups, mentions, m, i).or(known)
        } else {
            known.or_else(|| find_group(&groups, mentions, m, i))
        };
        let g = found.unwrap_or_else(|| {
            groups.push(Group {
                kind: m.kind,
                mentions: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].mentions.push(i);
        by_form.entry(form).or_insert(g);
    }
    let mut entities: Vec<(usize, Entity)> = groups
        .into_iter()
        .map(|mut g| {
            g.mentions.sort_unstable();
            let name = fullest_form(&g.mentions, mentions);
            let mut aliases: Vec<String> = Vec::new();
            for &i in &g.mentions {
                let form = &mentions[i].form;
                if *form != name && !aliases.contains(form) {
                    aliases.push(form.clone());
                }
            }
            let spans = g
                .mentions
                .iter()
                .map(|&i| (mentions[i].start, mentions[i].end))
                .collect();
            (
                g.mentions[0],
                Entity {
                    name,
                    kind: g.kind,
                    mentions: g.mentions.len(),
                    aliases,
                    spans,
                },
            )
        })
        .collect();
    entities.sort_by_key(|(first, _)| *first);
    entities.into_iter().map(|(_, e)| e).collect()
}

/// The group a new mention belongs to, if any.
fn find_group(groups: &[Group], mentions: &[Mention], m: &Mention, index: usize) -> Option<usize> {
    match m.kind {
        EntityKind::Person => {
            // A surname goes to the nearest full name before it that ends with it, else the first after it.
            let surname = m.words.last()?;
            let candidates: Vec<usize> = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.kind == EntityKind::Person)
                .filter(|(_, g)| {
                    g.mentions.iter().any(|&j| {
                        let other = &mentions[j].words;
                        other.len() > m.words.len()
                            && other.last() == Some(surname)
                            && (m.words.len() == 1 || other.first() == m.words.first())
                    })
                })
                .map(|(g, _)| g)
                .collect();
            let nearest_before = candidates
                .iter()
                .filter_map(|&g| {
                    groups[g]
                        .mentions
                        .iter()
                        .filter(|&&j| j < index)
                        .max()
                        .map(|&j| (j, g))
                })
                .max()
                .map(|(_, g)| g);
            nearest_before.or_else(|| candidates.first().copied())
        }
        EntityKind::Organization | EntityKind::Place => {
            let acronym = (m.words.len() == 1)
                .then(|| acronym_letters(&m.words[0]))
                .flatten();
            groups.iter().position(|g| {
                g.kind == m.kind
                    && g.mentions.iter().any(|&j| {
                        let other = &mentions[j].words;
                        let other_acronym = (other.len() == 1)
                            .then(|| acronym_letters(&other[0]))
                            .flatten();
                        acronym
                            .as_ref()
                            .is_some_and(|a| other.len() >= 2 && initials(other) == *a)
                            || other_acronym
                                .is_some_and(|a| a == acronym.clone().unwrap_or_default())
                            || m.kind == EntityKind::Place && states_abbreviated(&m.words, other)
                            || m.kind == EntityKind::Organization
                                && m.words.len() == 1
                                && other.len() >= 2
                                && other.last() == m.words.last()
                                && super::gazetteer::is_organization_ending(&m.words[0])
                    })
            })
        }
    }
}

/// `Calif.` and `California`: mentions of a state, abbreviated and written out.
fn states_abbreviated(a: &[String], b: &[String]) -> bool {
    let expands = |short: &[String], long: &[String]| {
        short.len() == 1
            && super::gazetteer::state_of_abbreviation(&short[0])
                .is_some_and(|state| state.split(' ').eq(long.iter().map(String::as_str)))
    };
    expands(a, b) || expands(b, a)
}

/// The form with the most words, then written out rather than abbreviated (`California`, not
/// `Calif.`), then the most used, then the first.
fn fullest_form(group: &[usize], mentions: &[Mention]) -> String {
    let mut counts: HashMap<&str, (usize, bool, usize, usize)> = HashMap::default();
    for (order, &i) in group.iter().enumerate() {
        let form = mentions[i].form.as_str();
        let words = mentions[i].words.len();
        let written_out = super::gazetteer::state_of_abbreviation(form).is_none();
        let entry = counts
            .entry(form)
            .or_insert((words, written_out, 0, usize::MAX - order));
        entry.2 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, key)| *key)
        .map(|(form, _)| form.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_small_words() {
        let words: Vec<String> = ["Department", "of", "Homeland", "Security"]
            .map(String::from)
            .to_vec();
        assert_eq!(initials(&words), "DHS");
        assert_eq!(acronym_letters("R.N.C.").as_deref(), Some("RNC"));
    }
}
