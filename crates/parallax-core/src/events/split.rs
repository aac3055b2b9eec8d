//! The second pass: an event whose members form two groups that hardly resemble each other is
//! two events. Joining looks at one new article against an event; two look-alike stories (two
//! earthquakes on one island, two elections of one country) can each be close enough to the
//! event's first reports to join, one article at a time, until the event holds both. Seen
//! whole, such an event falls into two parts whose articles are alike within and unlike across.
//!
//! The members of an event are grouped by average link (each pair's similarity as joining
//! weighs it) until two groups are left; the event is cut in two when those groups are large
//! enough and their mean link is below [`SPLIT_SCORE`]. A member a person placed stays in its
//! event: the part that leaves holds none.

use serde::{Deserialize, Serialize};

use super::{
    date_weight, occasion, EventIndex, Member, OTHER_OCCASION_FACTOR, OTHER_SUBJECT_FACTOR,
};

/// Events of more members are not looked at again: the pass costs the square of an event's
/// size each time an article joins it.
pub(super) const SPLIT_MAX_MEMBERS: usize = 40;

/// The least number of articles in each part of an event cut in two: two or three reports
/// that differ from the rest are as often other angles on the story as another story.
pub(super) const SPLIT_MIN_PART: usize = 3;
/// Below this mean link between its two parts, an event is cut in two (chosen on the
/// development halves; see `eval/events/RESULTS.md`).
pub(super) const SPLIT_SCORE: f64 = 0.16;

/// Why an event was cut in two.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// The event cut; it keeps the part that holds its first article (or what a person placed).
    pub event: i64,
    /// The articles that leave it for a new event, in order of insertion.
    pub leaving: Vec<i64>,
    /// The mean link between an article that leaves and one that stays.
    pub link: f64,
    /// The mean link between two articles of the part that stays, and of the part that leaves.
    pub within: (f64, f64),
}

impl EventIndex {
    /// Whether `event` is two events, and which of its articles would leave it; nothing is
    /// changed ([`EventIndex::apply_split`] does).
    pub fn split_of(&self, event: i64) -> Option<Split> {
        let slots = self.event_members.get(&event)?;
        if slots.len() < 2 * SPLIT_MIN_PART || slots.len() > SPLIT_MAX_MEMBERS {
            return None;
        }
        let members: Vec<&Member> = slots.iter().map(|&s| &self.members[s as usize]).collect();
        let log_documents = (self.members.len() as f64 + 1.0).ln();
        let vectors: Vec<Vec<(u32, f64)>> = members
            .iter()
            .map(|m| self.unit_vector(m, log_documents))
            .collect();
        let n = members.len();
        let mut similarity = vec![0.0; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let s = pair_score(members[i], members[j], &vectors[i], &vectors[j]);
                similarity[i * n + j] = s;
                similarity[j * n + i] = s;
            }
        }
        let (first, second) = two_groups(&similarity, n);
        if first.len().min(second.len()) < SPLIT_MIN_PART {
            return None;
        }
        // The mean link of two parts, or of a part's own pairs.
        let mean = |a: &[usize], b: &[usize]| {
            let mut sum = 0.0;
            let mut count = 0usize;
            for &i in a {
                for &j in b.iter().filter(|&&j| j != i) {
                    sum += similarity[i * n + j];
                    count += 1;
                }
            }
            sum / count.max(1) as f64
        };
        let link = mean(&first, &second);
        if link >= SPLIT_SCORE {
            return None;
        }
        let pinned = |part: &[usize]| part.iter().any(|&i| members[i].pinned);
        // The part that stays holds what a person placed, or else the event's first article.
        let (staying, leaving) = match (pinned(&first), pinned(&second)) {
            (true, true) => return None,
            (false, true) => (second, first),
            (true, false) => (first, second),
            (false, false) if first.contains(&0) => (first, second),
            (false, false) => (second, first),
        };
        let within = (mean(&staying, &staying), mean(&leaving, &leaving));
        Some(Split {
            event,
            leaving: leaving.iter().map(|&i| members[i].key).collect(),
            link,
            within,
        })
    }

    /// Moves the articles that leave an event, as [`EventIndex::split_of`] found them, to
    /// `new_event`.
    pub fn apply_split(&mut self, split: &Split, new_event: i64) {
        for &key in &split.leaving {
            self.move_member(key, new_event);
        }
    }

    /// A member's TF-IDF vector, of length one, sorted by term id.
    pub(super) fn unit_vector(&self, member: &Member, log_documents: f64) -> Vec<(u32, f64)> {
        let mut vector: Vec<(u32, f64)> = member
            .terms
            .iter()
            .map(|&(id, tf)| (id, tf as f64 * self.idf(id, log_documents)))
            .collect();
        let length = super::norm(vector.iter().map(|t| t.1));
        if length > 0.0 {
            for t in &mut vector {
                t.1 /= length;
            }
        }
        vector
    }
}

/// How alike two members are, as joining weighs a new article against a member: the cosine,
/// less for two people or two occasions, less the further apart their dates.
pub(super) fn pair_score(a: &Member, b: &Member, va: &[(u32, f64)], vb: &[(u32, f64)]) -> f64 {
    let mut dot = 0.0;
    let mut rest = vb.iter().peekable();
    for &(id, weight) in va {
        while rest.next_if(|t| t.0 < id).is_some() {}
        if let Some(t) = rest.next_if(|t| t.0 == id) {
            dot += weight * t.1;
        }
    }
    let mut score = dot;
    if let (Some(x), Some(y)) = (a.subject, b.subject) {
        if x != y && b.surnames.binary_search(&x).is_err() && a.surnames.binary_search(&y).is_err()
        {
            score *= OTHER_SUBJECT_FACTOR;
        }
    }
    if occasion::differ(&a.occasion, &b.occasion) {
        score *= OTHER_OCCASION_FACTOR;
    }
    score * date_weight(a.day, b.day)
}

/// The two groups that average-link clustering of `n` items leaves last, each sorted.
fn two_groups(similarity: &[f64], n: usize) -> (Vec<usize>, Vec<usize>) {
    let mut groups: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Sum of the similarities between the items of two groups.
    let mut between: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| similarity[i * n + j]).collect())
        .collect();
    while groups.len() > 2 {
        let mut best = (f64::NEG_INFINITY, 0, 1);
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let mean = between[i][j] / (groups[i].len() * groups[j].len()) as f64;
                if mean > best.0 {
                    best = (mean, i, j);
                }
            }
        }
        let (_, i, j) = best;
        let merged = groups.swap_remove(j);
        groups[i].extend(merged);
        let row = between.swap_remove(j);
        for (k, sum) in row.into_iter().enumerate() {
            between[i][k] += sum;
        }
        for r in between.iter_mut() {
            let moved = r.swap_remove(j);
            r[i] += moved;
        }
        between[i][i] = 0.0;
    }
    let mut second = groups.pop().unwrap_or_default();
    let mut first = groups.pop().unwrap_or_default();
    first.sort_unstable();
    second.sort_unstable();
    if first.first() > second.first() {
        std::mem::swap(&mut first, &mut second);
    }
    (first, second)
}

#[cfg(test)]
mod tests {
    use super::super::{group_articles, ArticleProfile, EventIndex};

    /// Reports of two earthquakes on one island, years apart: the same kind of story around the
    /// figures and villages of each occasion. The first report of the second earthquake tells
    /// it in the first one's words, so a first pass takes all seven for one event.
    fn quakes() -> (Vec<ArticleProfile>, Vec<ArticleProfile>) {
        let report = |title: &str, text: &str| ArticleProfile::new(title, text, None);
        let first = vec![
            report(
                "Quake hits Qeshm island, five hurt",
                "A moderate earthquake of magnitude 5.6 shook Qeshm island in the Gulf on \
                 Sunday afternoon, injuring five villagers in Tonban and cracking the walls of \
                 the old fishing harbour. Hormozgan's governor sent tents to Tonban.",
            ),
            report(
                "Five villagers injured as quake shakes Qeshm",
                "Five villagers of Tonban were injured when a magnitude 5.6 tremor shook \
                 Qeshm island on Sunday. The fishing harbour's walls cracked and the governor \
                 of Hormozgan sent tents.",
            ),
            report(
                "Tonban villagers sleep in tents after Qeshm quake",
                "Villagers in Tonban slept in tents sent by the Hormozgan governor after \
                 Sunday's magnitude 5.6 tremor on Qeshm island injured five and cracked \
                 the harbour walls.",
            ),
        ];
        let second = vec![
            report(
                "Earthquake shakes Qeshm island",
                "An earthquake of magnitude 5.9 shook Qeshm island in the Gulf on Sunday, \
                 cracking walls in its villages. Hormozgan's governor sent tents to the island, \
                 and rescuers flew in from Bandar Abbas.",
            ),
            report(
                "Deadly earthquake on Qeshm island kills ten",
                "A strong 5.9 earthquake struck Qeshm island, killing ten people in the \
                 villages of Zirang and Kusheh, where mud-brick houses collapsed. Red \
                 Crescent teams flew rescuers from Bandar Abbas.",
            ),
            report(
                "Ten dead as Qeshm quake flattens Zirang",
                "Mud-brick houses collapsed in Zirang and Kusheh when a 5.9 magnitude \
                 earthquake hit Qeshm island, killing ten. The Red Crescent flew rescuers \
                 from Bandar Abbas.",
            ),
            report(
                "Red Crescent rescuers reach Kusheh after deadly quake",
                "Rescuers of the Red Crescent from Bandar Abbas reached Kusheh and Zirang, \
                 whose mud-brick houses collapsed in the 5.9 earthquake that killed ten.",
            ),
        ];
        (first, second)
    }

    /// An index holding both earthquakes in event 1, as a first pass that merged them would.
    fn merged() -> EventIndex {
        let (first, second) = quakes();
        let mut index = EventIndex::new();
        for (key, profile) in first.iter().chain(&second).enumerate() {
            index.insert(key as i64, 1, profile);
        }
        index
    }

    #[test]
    fn an_event_of_two_look_alike_stories_is_cut_in_two() {
        let mut index = merged();
        let split = index.split_of(1).expect("two stories");
        assert_eq!(split.event, 1);
        // The bridging first report stays with the story whose words it shares.
        assert_eq!(split.leaving, vec![4, 5, 6]);
        assert!(
            split.link < split.within.0 && split.link < split.within.1,
            "{split:?}"
        );
        index.apply_split(&split, 2);
        let (_, second) = quakes();
        assert_eq!(index.assign(&second[2]).event, Some(2));
        assert_eq!(index.split_of(1), None);
        assert_eq!(index.split_of(2), None);
    }

    #[test]
    fn a_coherent_event_is_not_cut() {
        let (first, _) = quakes();
        let mut index = EventIndex::new();
        for (key, profile) in first.iter().chain(&first).enumerate() {
            index.insert(key as i64, 1, profile);
        }
        assert_eq!(index.split_of(1), None);
    }

    #[test]
    fn an_event_too_small_to_show_two_stories_is_not_cut() {
        let (first, second) = quakes();
        let mut index = EventIndex::new();
        for (key, profile) in first.iter().chain(&second[..2]).enumerate() {
            index.insert(key as i64, 1, profile);
        }
        assert_eq!(index.split_of(1), None);
    }

    #[test]
    fn articles_a_person_placed_stay_in_their_event() {
        // A person put an article of the second earthquake in the event: the first one leaves.
        let mut index = merged();
        index.set_event(5, 1);
        let split = index.split_of(1).expect("two stories");
        assert_eq!(split.leaving, vec![0, 1, 2, 3]);
        // Articles placed on both sides: the event stays whole.
        index.set_event(0, 1);
        assert_eq!(index.split_of(1), None);
    }

    #[test]
    fn grouping_cuts_the_event_that_grew_into_two_stories() {
        let (first, second) = quakes();
        let profiles: Vec<ArticleProfile> = first.into_iter().chain(second).collect();
        let mut first_pass = EventIndex::new();
        for (key, profile) in profiles.iter().enumerate() {
            assert_eq!(first_pass.assign(profile).event.unwrap_or(1), 1);
            first_pass.insert(key as i64, 1, profile);
        }
        assert_eq!(
            group_articles(&profiles),
            vec![vec![0, 1, 2, 3], vec![4, 5, 6]]
        );
    }
}
