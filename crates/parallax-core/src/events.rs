//! Which articles report the same event.
//!
//! Each article is reduced to an [`ArticleProfile`]: its most frequent content words (the
//! headline counts more than the body), the names of the entities it mentions, and its date.
//! Two profiles are compared by the cosine of their TF-IDF vectors, where the document
//! frequencies come from every article seen so far ([`EventIndex`]), so words every report uses
//! ("said", "officials") weigh little and the names and words particular to one story weigh much.
//!
//! Grouping is incremental: [`EventIndex::assign`] places one new article in the event of its
//! most similar earlier article, or opens a new event, without touching earlier decisions, and
//! says why ([`Evidence`]). A second pass then looks at the event the article joined alone:
//! when its members fall into two groups that hardly resemble each other, it is cut in two
//! ([`EventIndex::split_of`], [`Split`]), except for articles a person placed.
//!
//! ```
//! use parallax_core::events::{group_articles, ArticleProfile};
//!
//! let profiles = [
//!     ArticleProfile::new("Army delegation arrives in Kyiv", "A US Army delegation led by Secretary Driscoll arrived in Kyiv to discuss the peace plan.", Some("2025-11-20")),
//!     ArticleProfile::new("Driscoll in Kyiv for peace plan talks", "Army Secretary Dan Driscoll met Ukrainian officials in Kyiv about the 28-point peace plan.", Some("2025-11-20")),
//!     ArticleProfile::new("Storm floods coastal towns", "Heavy rain flooded three coastal towns overnight and closed the harbour.", Some("2025-11-20")),
//! ];
//! assert_eq!(group_articles(&profiles), vec![vec![0, 1], vec![2]]);
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use crate::entities;
use crate::text::TokenKind;

mod fold;
mod occasion;
mod split;

pub use fold::Fold;
use fold::{FOLD_CANDIDATES, FOLD_NEAR_LINK};
use occasion::Figure;
pub use split::Split;

/// How many content words of an article its profile keeps.
const PROFILE_TERMS: usize = 80;
/// A word of the headline counts as this many words of the body.
const TITLE_WEIGHT: u32 = 5;
/// An entity name counts as this many plain words.
const ENTITY_WEIGHT: u32 = 2;
/// The similarity of two dated reports counts less the further apart they are, fading by this
/// many days to nothing (but see [`DISTANT_DATES_WEIGHT`]): reports of one event come out within
/// days of each other, and a story on the same subject a week later is as often a follow-up.
const FADE_DAYS: f64 = 14.0;
/// However far apart two dates are, the similarity keeps this share of its weight. An event can
/// run for months or years (a shooting, the hearing, the trial; an arrest and the verdict), and
/// its later reports name the same people and places: the text has to be more alike across
/// the gap, but the gap alone never keeps two reports apart.
const DISTANT_DATES_WEIGHT: f64 = 0.7;
/// Without both dates, two reports are weighed as if this many days apart: the text alone
/// has to be a little more alike, as nothing corroborates it.
const UNKNOWN_DAYS_APART: i32 = 2;
/// The least link (date-weighted TF-IDF cosine, blended over the event's members) at which an
/// article joins an event.
const JOIN_SCORE: f64 = 0.18;
/// How much more a profile of almost no terms needs to join (see [`join_score`]).
const SHORT_PROFILE_MARGIN: f64 = 0.3;
/// How much the mean link to an event's members weighs against the closest member's.
const EVENT_MEAN_WEIGHT: f64 = 0.5;
/// How many of an event's latest members its mean link is taken over.
const EVENT_MEMBERS_COUNTED: usize = 40;
/// How many of the new article's most distinctive words are used to find candidate articles.
const CANDIDATE_TERMS: usize = 24;
/// How many earlier articles at most are scored against a new one.
const MAX_CANDIDATES: usize = 2000;
/// How many of those get the full cosine.
const SCORED_CANDIDATES: usize = 12;
/// How many shared words an explanation names.
const EXPLAINED_TERMS: usize = 6;
/// How many times an article must name a person its headline does not name for that person to
/// be what the article is about.
const SUBJECT_MENTIONS: usize = 2;
/// What is left of the similarity of two articles about two different people, neither of whom
/// the other article names (see [`ArticleProfile::new`]).
const OTHER_SUBJECT_FACTOR: f64 = 0.25;
/// The prefix of the profile term that holds the surname of the person an article is about.
/// It is not a word of the cosine: it is compared on its own.
const SUBJECT_PREFIX: &str = "subject:";
/// What is left of the similarity of two articles whose headlines and leads give two
/// occasions (see [`occasion::differ`]).
const OTHER_OCCASION_FACTOR: f64 = 0.25;
/// The prefix of the profile terms that hold the figures of an article's headline and lead
/// ([`occasion::occasion`]). They are not words of the cosine either.
const OCCASION_PREFIX: &str = "occasion:";

/// Whether a profile term is a side signal rather than a word of the cosine.
fn is_side_term(term: &str) -> bool {
    term.starts_with(SUBJECT_PREFIX) || term.starts_with(OCCASION_PREFIX)
}

/// What the grouping knows of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleProfile {
    /// Content words and entity names (`entity:` prefix) with their weighted counts, most frequent first.
    pub terms: Vec<(String, u32)>,
    /// Days since 1970-01-01 of the publication date, when known.
    pub day: Option<i32>,
}

impl ArticleProfile {
    /// Profiles an article from its headline, body text and ISO 8601 publication date.
    pub fn new(title: &str, text: &str, published: Option<&str>) -> ArticleProfile {
        let mut counts: FastMap<String, u32> = FastMap::default();
        let mut order: FastMap<String, usize> = FastMap::default();
        let mut add = |word: String, weight: u32| {
            let next = order.len();
            order.entry(word.clone()).or_insert(next);
            *counts.entry(word).or_insert(0) += weight;
        };
        // Stemming is most of the cost of a profile, and an article repeats its words: each
        // spelling is stemmed once per article.
        let mut keys = FastMap::default();
        for word in content_words(title, &mut keys) {
            add(word, TITLE_WEIGHT);
        }
        for word in content_words(text, &mut keys) {
            add(word, 1);
        }
        let entities = entities::find_entities(text);
        for entity in &entities {
            let name = crate::text::normalize(&entity.name);
            add(
                format!("entity:{name}"),
                ENTITY_WEIGHT * entity.mentions.max(1) as u32,
            );
        }
        let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| order[&a.0].cmp(&order[&b.0])));
        terms.truncate(PROFILE_TERMS);
        if let Some(surname) = subject(title, &entities) {
            terms.push((format!("{SUBJECT_PREFIX}{surname}"), 1));
        }
        for figure in occasion::occasion(title, text) {
            terms.push((format!("{OCCASION_PREFIX}{}", figure.encode()), 1));
        }
        ArticleProfile::from_terms(terms, published)
    }

    /// A profile from terms kept earlier (most frequent first) and an ISO 8601 publication date.
    pub fn from_terms(terms: Vec<(String, u32)>, published: Option<&str>) -> ArticleProfile {
        ArticleProfile {
            terms,
            day: published.and_then(day_number),
        }
    }
}

/// Why an article joined an event: the earlier article it resembles most.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The earlier article (the key it was inserted with).
    pub article: i64,
    /// TF-IDF cosine similarity of the two profiles, from 0 to 1.
    pub similarity: f64,
    /// What the decision used: the similarity weighted by how far apart the dates are, blended
    /// with the same over all the members of the article's event.
    pub score: f64,
    /// The shared words that weigh most in that similarity, heaviest first.
    pub shared_terms: Vec<String>,
    /// Days between the two publication dates, when both are known.
    pub days_apart: Option<i32>,
}

/// Where a new article belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The existing event it joins, or `None` when it starts a new one.
    pub event: Option<i64>,
    /// The closest earlier article, whether or not it was close enough to join.
    pub evidence: Option<Evidence>,
    /// The events the article came closest to, closest first (a few), for the third pass
    /// ([`EventIndex::fold_of`]); not part of what is shown or stored.
    #[serde(skip)]
    pub near: Vec<i64>,
}

#[derive(Debug, Clone)]
struct Member {
    key: i64,
    event: i64,
    day: Option<i32>,
    /// `(term id, 1 + ln count)`, sorted by term id.
    terms: Vec<(u32, f32)>,
    /// The surname of the person the article is about, when one stands out ([`subject`]).
    subject: Option<u32>,
    /// The last words of every name the article's profile holds, sorted.
    surnames: Vec<u32>,
    /// The figures of the headline and lead ([`occasion::occasion`]).
    occasion: Vec<Figure>,
    /// Whether a person put the article in its event: no second pass moves it.
    pinned: bool,
}

/// The figures of a profile's headline and lead, as its terms keep them.
fn occasion_of(profile: &ArticleProfile) -> Vec<Figure> {
    profile
        .terms
        .iter()
        .filter_map(|(term, _)| term.strip_prefix(OCCASION_PREFIX).and_then(Figure::decode))
        .collect()
}

/// Who an article is about, and whom it names, as the grouping compares them.
struct People {
    subject: Option<String>,
    surnames: Vec<String>,
}

impl People {
    fn of(profile: &ArticleProfile) -> People {
        let mut subject = None;
        let mut surnames = Vec::new();
        for (term, _) in &profile.terms {
            if let Some(surname) = term.strip_prefix(SUBJECT_PREFIX) {
                subject = Some(surname.to_string());
            } else if let Some(name) = term.strip_prefix("entity:") {
                surnames.extend(name.rsplit(' ').next().map(str::to_string));
            }
        }
        People { subject, surnames }
    }
}

/// One query term: its id in the vocabulary (when any article has it), the term, its weight.
struct Weighted<'a> {
    id: Option<u32>,
    term: &'a str,
    weight: f64,
}

/// The articles grouped so far, with the document frequencies of their words: the state that
/// incremental grouping needs.
#[derive(Debug, Clone, Default)]
pub struct EventIndex {
    vocabulary: FastMap<String, u32>,
    document_frequency: Vec<u32>,
    /// `ln(1 + document frequency)` of each term, kept so that scoring computes no logarithm.
    log_frequency: Vec<f64>,
    postings: Vec<Vec<u32>>,
    members: Vec<Member>,
    slot_of: rustc_hash::FxHashMap<i64, u32>,
    /// The slots of each event's members, in order of insertion.
    event_members: rustc_hash::FxHashMap<i64, Vec<u32>>,
    /// Ids of the surnames in members' [`People`].
    surname_ids: FastMap<String, u32>,
    /// Reused by [`EventIndex::assign`]: one entry per member, zero between calls.
    scratch: RefCell<Vec<f64>>,
}

impl EventIndex {
    /// An empty index.
    pub fn new() -> EventIndex {
        EventIndex::default()
    }

    /// How many articles the index holds.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Adds an article (under a key of the caller's choosing) as a member of `event`.
    pub fn insert(&mut self, key: i64, event: i64, profile: &ArticleProfile) {
        let slot = self.members.len() as u32;
        let mut terms = Vec::with_capacity(profile.terms.len());
        for (term, count) in &profile.terms {
            if is_side_term(term) {
                continue;
            }
            let id = match self.vocabulary.get(term) {
                Some(&id) => id,
                None => {
                    let id = self.document_frequency.len() as u32;
                    self.vocabulary.insert(term.clone(), id);
                    self.document_frequency.push(0);
                    self.log_frequency.push(0.0);
                    self.postings.push(Vec::new());
                    id
                }
            };
            let df = &mut self.document_frequency[id as usize];
            *df += 1;
            self.log_frequency[id as usize] = (*df as f64 + 1.0).ln();
            self.postings[id as usize].push(slot);
            terms.push((id, tf(*count) as f32));
        }
        terms.sort_unstable_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        let people = People::of(profile);
        let mut intern = |surname: String| {
            let next = self.surname_ids.len() as u32;
            *self.surname_ids.entry(surname).or_insert(next)
        };
        let subject = people.subject.map(&mut intern);
        let mut surnames: Vec<u32> = people.surnames.into_iter().map(intern).collect();
        surnames.sort_unstable();
        surnames.dedup();
        let occasion = occasion_of(profile);
        self.slot_of.insert(key, slot);
        self.event_members.entry(event).or_default().push(slot);
        self.members.push(Member {
            key,
            event,
            day: profile.day,
            terms,
            subject,
            surnames,
            occasion,
            pinned: false,
        });
    }

    /// Moves an article already in the index to another event (a user's correction): it stays
    /// there, whatever a second pass finds ([`EventIndex::split_of`]).
    pub fn set_event(&mut self, key: i64, event: i64) {
        self.move_member(key, event);
        self.pin(key);
    }

    /// Marks an article as placed by a person in the event it is in: no second pass moves it.
    pub fn pin(&mut self, key: i64) {
        if let Some(&slot) = self.slot_of.get(&key) {
            self.members[slot as usize].pinned = true;
        }
    }

    /// Moves an article to another event.
    fn move_member(&mut self, key: i64, event: i64) {
        if let Some(&slot) = self.slot_of.get(&key) {
            let member = &mut self.members[slot as usize];
            if let Some(old) = self.event_members.get_mut(&member.event) {
                old.retain(|&s| s != slot);
            }
            self.event_members.entry(event).or_default().push(slot);
            member.event = event;
        }
    }

    /// Decides which event a new article belongs to, from the articles in the index. The
    /// article is not added: call [`EventIndex::insert`] with the event finally chosen.
    pub fn assign(&self, profile: &ArticleProfile) -> Assignment {
        let query = self.weigh(profile);
        let log_documents = (self.members.len() as f64 + 1.0).ln();
        let candidates = self.candidates(&query, profile.day);
        let query_norm = norm(query.iter().map(|t| t.weight));
        let mut known: Vec<(u32, f64)> = query
            .iter()
            .filter_map(|t| Some((t.id?, t.weight)))
            .collect();
        known.sort_unstable_by_key(|t| t.0);
        let people = People::of(profile);
        let subject = people
            .subject
            .as_ref()
            .map(|s| self.surname_ids.get(s).copied());
        let surnames: Vec<u32> = people
            .surnames
            .iter()
            .filter_map(|s| self.surname_ids.get(s).copied())
            .collect();
        // Two look-alike stories (a death, a rehab, a hiring) told of two different people are
        // two events: an article about one person that never names the other's is not a report
        // of the other's story, however alike the words around the names.
        let about_someone_else = |member: &Member| match (subject, member.subject) {
            (Some(ours), Some(theirs)) => {
                ours != Some(theirs)
                    && ours.is_none_or(|ours| member.surnames.binary_search(&ours).is_err())
                    && !surnames.contains(&theirs)
            }
            _ => false,
        };
        // Two occasions of one kind of story (two heists, two weeks' jobless claims) are two
        // events: their words are the same, the sums their leads give are not.
        let occasion = occasion_of(profile);
        let score_of = |member: &Member| {
            let mut similarity = self.cosine(&known, query_norm, member, log_documents);
            if about_someone_else(member) {
                similarity *= OTHER_SUBJECT_FACTOR;
            }
            if occasion::differ(&occasion, &member.occasion) {
                similarity *= OTHER_OCCASION_FACTOR;
            }
            let score = similarity * date_weight(profile.day, member.day);
            (score, similarity)
        };
        // The closest member of each candidate event.
        let mut closest: rustc_hash::FxHashMap<i64, (f64, f64, &Member)> = Default::default();
        for slot in candidates {
            let member = &self.members[slot as usize];
            let (score, similarity) = score_of(member);
            let entry = closest
                .entry(member.event)
                .or_insert((score, similarity, member));
            if score > entry.0 || score == entry.0 && member.key < entry.2.key {
                *entry = (score, similarity, member);
            }
        }
        // An event is joined for what its members have in common with the article, not for one
        // member alone: a link to the event blends the closest member with the mean over all of
        // them, so a chain of articles each like the next cannot pull four stories into one.
        let mut best: Option<(f64, f64, f64, &Member)> = None;
        let mut near: Vec<(f64, i64)> = Vec::with_capacity(closest.len());
        for (&event, &(score, similarity, member)) in &closest {
            let members = &self.event_members[&event];
            let counted = &members[members.len().saturating_sub(EVENT_MEMBERS_COUNTED)..];
            let mean = counted
                .iter()
                .map(|&slot| {
                    let other = &self.members[slot as usize];
                    if std::ptr::eq(other, member) {
                        score
                    } else {
                        score_of(other).0
                    }
                })
                .sum::<f64>()
                / counted.len() as f64;
            let link = (1.0 - EVENT_MEAN_WEIGHT) * score + EVENT_MEAN_WEIGHT * mean;
            near.push((link, event));
            let better = match best {
                None => true,
                Some((best_link, _, _, current)) => {
                    link > best_link || link == best_link && member.key < current.key
                }
            };
            if better {
                best = Some((link, score, similarity, member));
            }
        }
        near.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let near: Vec<i64> = near
            .into_iter()
            .take_while(|&(link, _)| link >= FOLD_NEAR_LINK)
            .take(FOLD_CANDIDATES)
            .map(|(_, event)| event)
            .collect();
        let Some((link, _, similarity, member)) = best else {
            return Assignment {
                event: None,
                evidence: None,
                near,
            };
        };
        let evidence = Evidence {
            article: member.key,
            similarity,
            score: link,
            shared_terms: self.shared_terms(&query, member, log_documents),
            days_apart: profile.day.zip(member.day).map(|(a, b)| (a - b).abs()),
        };
        let event = (link >= join_score(profile)).then_some(member.event);
        Assignment {
            event,
            evidence: Some(evidence),
            near,
        }
    }

    /// The articles worth scoring: those sharing one of the query's most distinctive words,
    /// heaviest first, until a bounded number is found. A word in very many articles finds
    /// none on its own (it weighs little in the score anyway), so the work per article stays
    /// the same in a library of a hundred thousand articles as in one of a hundred. Of those,
    /// the ones sharing the most weight of those words (weighed by their dates as the score
    /// weighs them) are kept for the full cosine: the article that wins it shares the query's
    /// heaviest words.
    fn candidates(&self, query: &[Weighted<'_>], day: Option<i32>) -> Vec<u32> {
        let mut distinctive: Vec<(u32, f64)> = query
            .iter()
            .filter_map(|t| Some((t.id?, t.weight)))
            .collect();
        distinctive.sort_by(|a, b| b.1.total_cmp(&a.1));
        // Weight shared per member, in a scratch array (all zero between calls) with the list
        // of members touched: no hashing in the innermost loop.
        let mut scratch = self.scratch.borrow_mut();
        scratch.resize(self.members.len(), 0.0);
        let mut touched: Vec<u32> = Vec::new();
        for (id, weight) in distinctive.into_iter().take(CANDIDATE_TERMS) {
            let postings = &self.postings[id as usize];
            if postings.len() > MAX_CANDIDATES {
                continue;
            }
            for &slot in postings {
                let shared = &mut scratch[slot as usize];
                if *shared == 0.0 {
                    touched.push(slot);
                }
                *shared += weight;
            }
            if touched.len() >= MAX_CANDIDATES {
                break;
            }
        }
        let mut candidates: Vec<(u32, f64)> = Vec::with_capacity(touched.len());
        for slot in touched {
            let shared = std::mem::take(&mut scratch[slot as usize]);
            candidates.push((
                slot,
                shared * date_weight(day, self.members[slot as usize].day),
            ));
        }
        drop(scratch);
        if candidates.len() > SCORED_CANDIDATES {
            candidates.select_nth_unstable_by(SCORED_CANDIDATES - 1, |a, b| {
                b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
            });
            candidates.truncate(SCORED_CANDIDATES);
        }
        let mut slots: Vec<u32> = candidates.into_iter().map(|(slot, _)| slot).collect();
        slots.sort_unstable();
        slots
    }

    /// The TF-IDF weight of each term of a profile.
    fn weigh<'a>(&self, profile: &'a ArticleProfile) -> Vec<Weighted<'a>> {
        let log_documents = (self.members.len() as f64 + 1.0).ln();
        profile
            .terms
            .iter()
            .filter(|(term, _)| !is_side_term(term))
            .map(|(term, count)| {
                let id = self.vocabulary.get(term).copied();
                let idf = match id {
                    Some(id) => self.idf(id, log_documents),
                    None => log_documents + 1.0,
                };
                Weighted {
                    id,
                    term,
                    weight: tf(*count) * idf,
                }
            })
            .collect()
    }

    /// Smoothed as if the new article were already counted, so a word no other article has
    /// weighs most and one every article has weighs little but not nothing.
    fn idf(&self, id: u32, log_documents: f64) -> f64 {
        log_documents - self.log_frequency[id as usize] + 1.0
    }

    /// Cosine of the query (its known terms sorted by id) and a member, by a merge of the two
    /// sorted term lists.
    fn cosine(
        &self,
        query: &[(u32, f64)],
        query_norm: f64,
        member: &Member,
        log_documents: f64,
    ) -> f64 {
        let mut member_norm = 0.0;
        let mut dot = 0.0;
        let mut q = query.iter().peekable();
        for &(id, tf) in &member.terms {
            let weight = tf as f64 * self.idf(id, log_documents);
            member_norm += weight * weight;
            while q.next_if(|(qid, _)| *qid < id).is_some() {}
            if let Some((_, query_weight)) = q.next_if(|(qid, _)| *qid == id) {
                dot += query_weight * weight;
            }
        }
        if query_norm == 0.0 || member_norm == 0.0 {
            return 0.0;
        }
        dot / (query_norm * member_norm.sqrt())
    }

    fn member_weight(&self, term: &Weighted<'_>, member: &Member, log_documents: f64) -> f64 {
        let Some(id) = term.id else { return 0.0 };
        match member.terms.binary_search_by_key(&id, |t| t.0) {
            Ok(i) => member.terms[i].1 as f64 * self.idf(id, log_documents),
            Err(_) => 0.0,
        }
    }

    fn shared_terms(
        &self,
        query: &[Weighted<'_>],
        member: &Member,
        log_documents: f64,
    ) -> Vec<String> {
        let mut shared: Vec<(f64, &str)> = query
            .iter()
            .map(|t| {
                (
                    t.weight * self.member_weight(t, member, log_documents),
                    t.term,
                )
            })
            .filter(|(product, _)| *product > 0.0)
            .collect();
        shared.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut named: Vec<String> = Vec::new();
        for (_, term) in shared {
            let term = term.trim_start_matches("entity:");
            if named.len() < EXPLAINED_TERMS && !named.iter().any(|n| n == term) {
                named.push(term.to_string());
            }
        }
        named
    }
}

/// How much the similarity of two reports counts for how far apart their dates are: all of it
/// on the same day, less by [`FADE_DAYS`], never less than [`DISTANT_DATES_WEIGHT`]; as if
/// [`UNKNOWN_DAYS_APART`] when either date is unknown.
fn date_weight(a: Option<i32>, b: Option<i32>) -> f64 {
    let days_apart = a.zip(b).map_or(UNKNOWN_DAYS_APART, |(a, b)| (a - b).abs());
    (1.0 - days_apart as f64 / FADE_DAYS).max(DISTANT_DATES_WEIGHT)
}

/// Groups articles into events, in the order given, as incremental import would (each article
/// placed, then the event it joined cut in two if it shows itself as two, [`EventIndex::split_of`]):
/// each inner list holds the indices of the articles of one event, events in order of their
/// first article.
pub fn group_articles(profiles: &[ArticleProfile]) -> Vec<Vec<usize>> {
    let mut index = EventIndex::new();
    let mut event_of: Vec<i64> = Vec::with_capacity(profiles.len());
    let mut events = 0;
    for (i, profile) in profiles.iter().enumerate() {
        let assignment = index.assign(profile);
        let joined = assignment.event;
        let event = joined.unwrap_or_else(|| {
            events += 1;
            events - 1
        });
        event_of.push(event);
        index.insert(i as i64, event, profile);
        // The event the article joined may now show itself as two.
        if let Some(split) = joined.and_then(|event| index.split_of(event)) {
            index.apply_split(&split, events);
            for &key in &split.leaving {
                event_of[key as usize] = events;
            }
            events += 1;
        }
        // Or the article's event, small, may show itself as a part of another.
        if let Some(fold) = index.fold_of(event_of[i], &assignment.near) {
            index.apply_fold(&fold);
            for e in event_of.iter_mut().filter(|e| **e == fold.event) {
                *e = fold.into;
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: rustc_hash::FxHashMap<i64, usize> = Default::default();
    for (i, event) in event_of.into_iter().enumerate() {
        let group = *group_of.entry(event).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(i);
    }
    groups
}

/// The surname of the person an article is about: the person its headline names (the most
/// named, if several), or else the one person it names at least [`SUBJECT_MENTIONS`] times and
/// more often than anyone else.
fn subject(title: &str, entities: &[entities::Entity]) -> Option<String> {
    let title = crate::text::normalize(title);
    let title_words: Vec<&str> = title
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let mut people: Vec<(String, usize, bool)> = entities
        .iter()
        .filter(|e| e.kind == entities::EntityKind::Person)
        .filter_map(|e| {
            let name = crate::text::normalize(&e.name);
            let surname = name.rsplit(' ').next()?.to_string();
            let in_title = title_words.contains(&surname.as_str());
            Some((surname, e.mentions, in_title))
        })
        .collect();
    people.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)));
    let (first, rest) = people.split_first()?;
    let stands_out = first.2
        || first.1 >= SUBJECT_MENTIONS && rest.first().is_none_or(|second| second.1 < first.1);
    stands_out.then(|| first.0.clone())
}

/// The least link at which an article joins an event. A short article (a brief, an excerpt)
/// has few words to share, so a handful of common ones gives it a high cosine: it must come a
/// little closer, up to `SHORT_PROFILE_MARGIN` more for a profile of almost no terms.
fn join_score(profile: &ArticleProfile) -> f64 {
    let shortness = (1.0 - profile.terms.len() as f64 / PROFILE_TERMS as f64).max(0.0);
    JOIN_SCORE * (1.0 + SHORT_PROFILE_MARGIN * shortness)
}

fn tf(count: u32) -> f64 {
    1.0 + (count as f64).ln()
}

fn norm(weights: impl Iterator<Item = f64>) -> f64 {
    weights.map(|w| w * w).sum::<f64>().sqrt()
}

/// The words of a text that can tell one story from another: stemmed, without numbers,
/// one-letter words, function words and the words of any news report ("said", "officials").
fn content_words<'t>(text: &'t str, keys: &mut FastMap<&'t str, Option<String>>) -> Vec<String> {
    crate::text::words(text)
        .filter(|token| token.kind == TokenKind::Word)
        .filter_map(|token| {
            keys.entry(token.text)
                .or_insert_with(|| content_key(token.text))
                .clone()
        })
        .collect()
}

fn content_key(word: &str) -> Option<String> {
    if word.chars().count() < 2 || crate::text::is_function_word(word) {
        return None;
    }
    let stem = crate::text::stem(word);
    (!NEWS_WORDS.contains(&stem.as_str())).then_some(stem)
}

/// A hash map with the FNV-1a hash: the maps here are keyed by short words, read millions of
/// times during a bulk import, and never keyed by anything an attacker chooses to collide.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Stems of words that every kind of news report uses, whatever its story.
const NEWS_WORDS: &[&str] = &[
    "accord",
    "ad",
    "also",
    "announc",
    "articl",
    "associ",
    "day",
    "go",
    "includ",
    "last",
    "like",
    "make",
    "mr",
    "mrs",
    "ms",
    "news",
    "offici",
    "peopl",
    "press",
    "report",
    "say",
    "said",
    "spokesman",
    "spokeswoman",
    "statement",
    "still",
    "take",
    "tell",
    "time",
    "told",
    "week",
    "year",
];

/// Days since 1970-01-01 of an ISO 8601 date or date-time (`2025-11-20`, `2025-11-20T09:15:00Z`).
fn day_number(published: &str) -> Option<i32> {
    let date = published.get(..10)?;
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(title: &str, text: &str, date: &str) -> ArticleProfile {
        ArticleProfile::new(title, text, Some(date))
    }

    #[test]
    fn dates_become_day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-11-20T09:15:00Z"), Some(20_412));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("yesterday"), None);
    }

    #[test]
    fn profiles_leave_out_function_words_and_favour_the_headline() {
        let p = profile(
            "Flood closes harbour",
            "The harbour was closed by the flood. It was the worst flood.",
            "2025-01-01",
        );
        assert_eq!(p.terms[0], ("flood".to_string(), 7));
        assert!(p.terms.contains(&("harbour".to_string(), 6)));
        assert!(p.terms.iter().all(|(t, _)| t != "the" && t != "was"));
    }

    #[test]
    fn reports_of_one_story_share_an_event_and_say_why() {
        let mut index = EventIndex::new();
        let first = profile(
            "Senate passes farm bill",
            "The Senate passed the farm bill on Tuesday after a long debate over crop subsidies.",
            "2012-06-21",
        );
        index.insert(10, 1, &first);
        let other = profile(
            "Volcano erupts in Iceland",
            "A volcano in Iceland erupted, grounding flights across Europe.",
            "2012-06-21",
        );
        index.insert(11, 2, &other);
        let second = profile(
            "Farm bill clears the Senate",
            "Senators approved the farm bill, which trims crop subsidies.",
            "2012-06-22",
        );
        let assignment = index.assign(&second);
        assert_eq!(assignment.event, Some(1));
        let evidence = assignment.evidence.expect("evidence");
        assert_eq!(evidence.article, 10);
        assert_eq!(evidence.days_apart, Some(1));
        assert!(evidence.shared_terms.contains(&"farm".to_string()));
    }

    #[test]
    fn a_story_a_month_later_joins_only_when_its_text_is_more_alike() {
        let first = profile(
            "Senate passes farm bill",
            "The Senate passed the farm bill on Thursday after a long debate over crop insurance \
             and food stamps. Farmers in Iowa and Nebraska welcomed the vote.",
            "2012-06-21",
        );
        let mut index = EventIndex::new();
        index.insert(1, 1, &first);
        // A follow-up on the same subject: alike, but not alike enough across a month.
        let text =
            "House leaders delayed the farm bill on Tuesday, citing the cost of food stamps \
                    and a dispute with dairy farmers over milk prices.";
        let follow_up = |date| profile("House delays farm bill", text, date);
        assert_eq!(index.assign(&follow_up("2012-06-23")).event, Some(1));
        assert_eq!(index.assign(&follow_up("2012-07-30")).event, None);
        // The trial of an event months later names the same people and places: its text is as
        // alike as a report of the same day, and a gap in dates alone keeps nothing apart.
        let mut retold = first.clone();
        retold.day = day_number("2012-09-30");
        assert_eq!(index.assign(&retold).event, Some(1));
    }

    #[test]
    fn an_unrelated_story_starts_a_new_event() {
        let mut index = EventIndex::new();
        index.insert(
            1,
            1,
            &profile(
                "Senate passes farm bill",
                "The Senate passed the farm bill on crop subsidies.",
                "2012-06-21",
            ),
        );
        let other = profile(
            "Volcano erupts in Iceland",
            "A volcano erupted, grounding flights across Europe.",
            "2012-06-21",
        );
        assert_eq!(index.assign(&other).event, None);
    }

    #[test]
    fn the_same_story_told_of_another_person_starts_a_new_event() {
        let obituary = |name: &str, surname: &str| {
            ArticleProfile::new(
                &format!("{name}, Watergate figure, dies at 91"),
                &format!(
                    "{name}, a central figure of the Watergate scandal, died at his home in \
                     California on Thursday. {surname} was 91. His family said {surname} died \
                     peacefully after a long illness. The Watergate scandal forced President \
                     Richard Nixon to resign in 1974."
                ),
                None,
            )
        };
        let felt = obituary("Mark Felt", "Felt");
        assert!(felt.terms.contains(&("subject:felt".to_string(), 1)));
        let mut index = EventIndex::new();
        index.insert(1, 1, &felt);
        assert_eq!(index.assign(&obituary("Mark Felt", "Felt")).event, Some(1));
        assert_eq!(index.assign(&obituary("Fred LaRue", "LaRue")).event, None);
    }

    #[test]
    fn the_same_story_of_another_sum_starts_a_new_event() {
        let heist = |sum: &str| {
            ArticleProfile::new(
                &format!("Paris jeweller robbed of {sum}"),
                &format!(
                    "Armed robbers took jewels worth {sum} from a jeweller's store on the Avenue \
                     Montaigne in Paris. The thieves threatened the staff with a handgun and fled \
                     in a car. Police are searching for the gang."
                ),
                None,
            )
        };
        let mut index = EventIndex::new();
        index.insert(1, 1, &heist("$102 million"));
        assert_eq!(index.assign(&heist("$105 million")).event, Some(1));
        assert_eq!(index.assign(&heist("$2.6 million")).event, None);
    }

    #[test]
    fn a_moved_article_pulls_its_followers_into_the_new_event() {
        let mut index = EventIndex::new();
        let story = profile(
            "Senate passes farm bill",
            "The Senate passed the farm bill on crop subsidies.",
            "2012-06-21",
        );
        index.insert(1, 1, &story);
        index.set_event(1, 7);
        assert_eq!(index.assign(&story).event, Some(7));
    }

    #[test]
    fn an_article_like_one_member_but_not_the_rest_starts_a_new_event() {
        let mut index = EventIndex::new();
        let storm = [
            ("Storm floods coastal towns", "Heavy rain flooded three coastal towns overnight and closed the harbour at Westhaven."),
            ("Coastal towns flooded by storm", "Rain flooded the coastal towns overnight; the harbour at Westhaven closed."),
            ("Storm closes Westhaven harbour", "The storm closed the harbour at Westhaven and flooded the coastal road. Ferries stayed in port, and ferry workers said a strike over pay would follow."),
        ];
        for (key, (title, text)) in storm.iter().enumerate() {
            index.insert(key as i64, 1, &profile(title, text, "2025-03-02"));
        }
        let strike = profile(
            "Ferry workers walk out over pay",
            "Ferry workers began a strike over pay on Monday. Their union wants wages to rise with prices; the operator calls the demand unaffordable.",
            "2025-03-02",
        );
        let assignment = index.assign(&strike);
        let evidence = assignment.evidence.expect("a closest article");
        assert_eq!(evidence.article, 2);
        assert!(
            evidence.similarity >= JOIN_SCORE,
            "close to one member: {evidence:?}"
        );
        assert_eq!(assignment.event, None, "but not to its event: {evidence:?}");
    }

    #[test]
    fn an_empty_index_opens_a_new_event() {
        let index = EventIndex::new();
        let assignment = index.assign(&profile("Anything", "Some text here.", "2020-01-01"));
        assert_eq!(
            assignment,
            Assignment {
                event: None,
                evidence: None,
                near: Vec::new(),
            }
        );
    }
}
