//! The third pass: a small event that is a part of another. Joining asks a new article to be
//! close to an event's members; the first report of a story can miss an event by a little (a
//! brief that shares few words, a report of another day) and start an event of its own, which
//! the next report of the same kind then joins. Once such an event holds its second article,
//! the two are compared with the events the new article came closest to, member by member: an
//! event of one or two articles whose members are as alike to another event's as members of one
//! event are is folded into the older of the two.
//!
//! The pass never undoes a cut ([`super::split`]): a cut leaves parts of three or more, a fold
//! takes in one or two. An event holding an article a person placed is never folded away.

use serde::{Deserialize, Serialize};

use super::split::{pair_score, SPLIT_MAX_MEMBERS};
use super::{EventIndex, Member};

/// The largest event folded into another, or that takes another in: larger events have shown
/// what they are about.
const FOLD_MAX_SMALLER: usize = 2;
/// At or above this mean link between the members of two events, the smaller is folded into the
/// other (chosen on the development halves; see `eval/events/RESULTS.md`).
const FOLD_SCORE: f64 = 0.24;
/// How many of the events a new article came closest to are looked at.
pub(super) const FOLD_CANDIDATES: usize = 5;
/// Of those, only the events the new article links to at half the fold's score or more: two
/// events whose articles reach the fold's score together are seldom ones the new article barely
/// touches, and most events a new article is scored against are far below it.
pub(super) const FOLD_NEAR_LINK: f64 = FOLD_SCORE / 2.0;

/// Why one event was folded into another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fold {
    /// The event that goes; its articles move to `into`.
    pub event: i64,
    /// The older event that takes them in.
    pub into: i64,
    /// The mean link between an article of one and an article of the other.
    pub link: f64,
}

impl EventIndex {
    /// Whether `event`, or one of the events in `near` (those a new article of `event` came
    /// closest to, [`super::Assignment::near`]), is a small part of the other; nothing is changed
    /// ([`EventIndex::apply_fold`] does). The younger event (the larger number) goes.
    pub fn fold_of(&self, event: i64, near: &[i64]) -> Option<Fold> {
        let ours = self.event_members.get(&event)?;
        let log_documents = (self.members.len() as f64 + 1.0).ln();
        let vectors_of = |slots: &[u32]| -> Vec<(&Member, Vec<(u32, f64)>)> {
            slots
                .iter()
                .map(|&s| {
                    let member = &self.members[s as usize];
                    (member, self.unit_vector(member, log_documents))
                })
                .collect()
        };
        let mut our_vectors = None;
        let mut best: Option<Fold> = None;
        for &other in near.iter().filter(|&&other| other != event) {
            let Some(theirs) = self.event_members.get(&other) else {
                continue;
            };
            if ours.len().min(theirs.len()) > FOLD_MAX_SMALLER
                || ours.len() + theirs.len() > SPLIT_MAX_MEMBERS
            {
                continue;
            }
            let (young, young_slots) = if other > event {
                (other, theirs)
            } else {
                (event, ours)
            };
            let pinned = young_slots.iter().any(|&s| self.members[s as usize].pinned);
            if pinned {
                continue;
            }
            let ours = our_vectors.get_or_insert_with(|| vectors_of(ours));
            let theirs = vectors_of(theirs);
            let mut sum = 0.0;
            for (a, va) in ours.iter() {
                for (b, vb) in &theirs {
                    sum += pair_score(a, b, va, vb);
                }
            }
            let link = sum / (ours.len() * theirs.len()) as f64;
            if link >= FOLD_SCORE && best.as_ref().is_none_or(|b| link > b.link) {
                best = Some(Fold {
                    event: young,
                    into: event.min(other),
                    link,
                });
            }
        }
        best
    }

    /// Moves every article of the folded event into the other.
    pub fn apply_fold(&mut self, fold: &Fold) {
        let keys: Vec<i64> = self.event_members[&fold.event]
            .iter()
            .map(|&s| self.members[s as usize].key)
            .collect();
        for key in keys {
            self.move_member(key, fold.into);
        }
        self.event_members.remove(&fold.event);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{ArticleProfile, EventIndex};

    fn report(title: &str, text: &str) -> ArticleProfile {
        ArticleProfile::new(title, text, None)
    }

    /// Three reports of a ferry strike in one event, a fourth of the same strike left in an
    /// event of its own, and a report of another story in a third.
    fn ferry_index() -> EventIndex {
        let strike = [
            (
                "Ferry workers strike over pay",
                "Ferry crews on the Solent walked out on Monday in a dispute over pay, \
                 stranding commuters at Portsmouth and Cowes. The union says wages have \
                 fallen behind prices.",
            ),
            (
                "Solent ferries halted as crews walk out",
                "Crossings between Portsmouth and Cowes stopped on Monday as ferry crews \
                 began a strike over pay. The union wants wages to keep up with prices.",
            ),
            (
                "Commuters stranded by Solent ferry strike",
                "Commuters waited at Portsmouth and Cowes on Monday after ferry crews walked \
                 out over pay; the union blames wages left behind by prices.",
            ),
        ];
        let mut index = EventIndex::new();
        for (key, (title, text)) in strike.iter().enumerate() {
            index.insert(key as i64, 1, &report(title, text));
        }
        index.insert(
            3,
            2,
            &report(
                "Pay strike stops Solent ferries",
                "Ferry crews on the Solent are on strike over pay: no boats left Portsmouth \
                 or Cowes on Monday, and the union says wages trail prices.",
            ),
        );
        index.insert(
            4,
            3,
            &report(
                "Council approves new library",
                "The council approved plans for a new library on the high street, with a \
                 reading room and a children's floor, to open next spring.",
            ),
        );
        index
    }

    #[test]
    fn a_small_event_of_another_events_story_is_folded_into_the_older() {
        let mut index = ferry_index();
        let fold = index
            .fold_of(2, &[3, 1])
            .expect("the lone strike report folds");
        assert_eq!((fold.event, fold.into), (2, 1));
        assert!(fold.link >= super::FOLD_SCORE, "{fold:?}");
        // Seen from the older event, the same fold.
        assert_eq!(
            index.fold_of(1, &[2]).map(|f| (f.event, f.into)),
            Some((2, 1))
        );
        index.apply_fold(&fold);
        assert_eq!(index.event_members[&1].len(), 4);
        assert!(!index.event_members.contains_key(&2));
    }

    #[test]
    fn another_story_is_not_folded() {
        let index = ferry_index();
        assert_eq!(index.fold_of(3, &[1, 2]), None);
    }

    #[test]
    fn what_a_person_placed_is_not_folded_away() {
        let mut index = ferry_index();
        index.pin(3);
        assert_eq!(index.fold_of(2, &[1]), None);
    }

    #[test]
    fn two_events_of_three_or_more_are_left_as_they_are() {
        let mut index = ferry_index();
        for key in [5, 6] {
            index.insert(
                key,
                2,
                &report(
                    "Solent ferry strike goes on",
                    "Ferry crews stayed on strike over pay on Monday; Portsmouth and Cowes \
                     saw no crossings as the union pressed for wages to match prices.",
                ),
            );
        }
        assert_eq!(index.fold_of(2, &[1]), None);
    }
}
