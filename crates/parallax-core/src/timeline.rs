//! Reports in time: publication dates read to the precision they were given, the order of
//! articles by publication, which article made each statement first, and which of two articles
//! sharing a passage came first.
//!
//! A date tells only as much as it says: `2025-11-20` and `2025-11-20T09:15:00Z` are the same
//! day, and which came first is unknown; two moments a minute apart are in order.

use std::cmp::Ordering;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::compare::{PairComparison, Statement};

/// How precisely a publication date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// To the minute (`2025-11-20T09:15:00Z`).
    Minute,
    /// To the day only (`2025-11-20`).
    Day,
}

/// A publication date read from its ISO 8601 form, in UTC when an offset was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The day.
    pub day: NaiveDate,
    /// The moment, truncated to the minute, when the date has a time.
    pub minute: Option<NaiveDateTime>,
}

impl Published {
    /// Reads `2025-11-20`, `2025-11-20T09:15`, `2025-11-20T09:15:00Z` or with an offset; `None`
    /// for anything else.
    pub fn parse(value: &str) -> Option<Published> {
        let value = value.trim();
        let moment = DateTime::parse_from_rfc3339(value)
            .map(|m| m.naive_utc())
            .ok()
            .or_else(|| {
                [
                    "%Y-%m-%dT%H:%M:%S%.f",
                    "%Y-%m-%dT%H:%M",
                    "%Y-%m-%d %H:%M:%S",
                ]
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(value, format).ok())
            })
            .or_else(|| {
                ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M:%S%z"]
                    .iter()
                    .find_map(|format| DateTime::parse_from_str(value, format).ok())
                    .map(|m| m.naive_utc())
            });
        if let Some(moment) = moment {
            let minute = moment
                .date()
                .and_hms_opt(
                    chrono::Timelike::hour(&moment),
                    chrono::Timelike::minute(&moment),
                    0,
                )
                .expect("a valid time");
            return Some(Published {
                day: moment.date(),
                minute: Some(minute),
            });
        }
        let day = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
        (value.len() == 10).then_some(Published { day, minute: None })
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match self.minute {
            Some(_) => Precision::Minute,
            None => Precision::Day,
        }
    }

    /// Which of the two came first, when the dates tell: different days, or different minutes
    /// of one day. `None` when they are equal or one says only the day both share.
    pub fn known_order(&self, other: &Published) -> Option<Ordering> {
        match self.day.cmp(&other.day) {
            Ordering::Equal => match (self.minute, other.minute) {
                (Some(a), Some(b)) if a != b => Some(a.cmp(&b)),
                _ => None,
            },
            order => Some(order),
        }
    }

    /// The position in a timeline: by day, on one day the timed ones by time and the day-only
    /// ones after them (they could have been any time that day).
    fn timeline_key(&self) -> (NaiveDate, bool, Option<NaiveDateTime>) {
        (self.day, self.minute.is_none(), self.minute)
    }
}

/// The articles in order of publication: by day, within a day by minute with the day-only
/// dates after the timed ones, undated articles last; ties keep the given order.
pub fn timeline_order(published: &[Option<Published>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..published.len()).collect();
    order.sort_by_key(|&i| {
        (
            published[i].is_none(),
            published[i].map(|p| p.timeline_key()),
        )
    });
    order
}

/// A statement with the article that made it first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstReport {
    /// The statement: its articles and sentences.
    pub statement: Statement,
    /// Its earliest dated article in [`timeline_order`]; `None` when none of its articles has
    /// a date.
    pub first: Option<usize>,
    /// Its other dated articles whose dates cannot tell whether they came after `first` (the
    /// same day when one gives only the day, or the same minute): any of them may have been first.
    pub tied: Vec<usize>,
}

/// Every statement with its first report, in the order the statements were first made: by the
/// timeline position of their first article, then by where that article makes them; statements
/// of undated articles only come last.
pub fn first_reports(
    statements: Vec<Statement>,
    published: &[Option<Published>],
) -> Vec<FirstReport> {
    let order = timeline_order(published);
    let mut rank = vec![0; published.len()];
    for (position, &article) in order.iter().enumerate() {
        rank[article] = position;
    }
    let mut reports: Vec<FirstReport> = statements
        .into_iter()
        .map(|statement| {
            let first = statement
                .articles
                .iter()
                .copied()
                .filter(|&a| published.get(a).is_some_and(Option::is_some))
                .min_by_key(|&a| rank[a]);
            let tied = match first.and_then(|f| published[f]) {
                Some(earliest) => statement
                    .articles
                    .iter()
                    .copied()
                    .filter(|&a| Some(a) != first)
                    .filter(|&a| {
                        published[a].is_some_and(|date| earliest.known_order(&date).is_none())
                    })
                    .collect(),
                None => Vec::new(),
            };
            FirstReport {
                statement,
                first,
                tied,
            }
        })
        .collect();
    let sentence_in = |report: &FirstReport, article: usize| {
        report
            .statement
            .sentences
            .iter()
            .find(|s| s.article == article)
            .map_or(usize::MAX, |s| s.sentence)
    };
    reports.sort_by_cached_key(|report| match report.first {
        Some(a) => (0, rank[a], sentence_in(report, a)),
        None => {
            let a = report.statement.sentences[0].article;
            (1, rank[a], sentence_in(report, a))
        }
    });
    reports
}

/// Says on each shared passage which of its two articles was published first
/// ([`crate::compare::SharedPassage::earlier`]), where their dates tell.
pub fn mark_copy_direction(pairs: &mut [PairComparison], published: &[Option<Published>]) {
    for pair in pairs {
        let (Some(Some(left)), Some(Some(right))) =
            (published.get(pair.left), published.get(pair.right))
        else {
            continue;
        };
        let earlier = match left.known_order(right) {
            Some(Ordering::Less) => Some(pair.left),
            Some(Ordering::Greater) => Some(pair.right),
            _ => None,
        };
        for passage in &mut pair.shared_passages {
            passage.earlier = earlier;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, statements};

    fn at(value: &str) -> Option<Published> {
        Published::parse(value)
    }

    #[test]
    fn dates_are_read_to_the_precision_they_give() {
        assert_eq!(at("2025-11-20").unwrap().precision(), Precision::Day);
        assert_eq!(
            at("2025-11-20T09:15:00Z").unwrap().precision(),
            Precision::Minute
        );
        assert_eq!(
            at("2025-11-20T09:15").unwrap().precision(),
            Precision::Minute
        );
        let offset = at("2025-11-20T01:15:00+02:00").unwrap();
        assert_eq!(offset.day, NaiveDate::from_ymd_opt(2025, 11, 19).unwrap());
        assert_eq!(at("20 November 2025"), None);
        assert_eq!(at(""), None);
    }

    #[test]
    fn one_day_cannot_order_a_day_only_date() {
        let day = at("2025-11-20").unwrap();
        let morning = at("2025-11-20T09:15:00Z").unwrap();
        let evening = at("2025-11-20T18:40:00Z").unwrap();
        let next = at("2025-11-21").unwrap();
        assert_eq!(day.known_order(&morning), None);
        assert_eq!(day.known_order(&day), None);
        assert_eq!(morning.known_order(&morning), None);
        assert_eq!(morning.known_order(&evening), Some(Ordering::Less));
        assert_eq!(next.known_order(&evening), Some(Ordering::Greater));
        // Seconds are below the precision kept.
        assert_eq!(
            at("2025-11-20T09:15:10Z")
                .unwrap()
                .known_order(&at("2025-11-20T09:15:50Z").unwrap()),
            None
        );
    }

    #[test]
    fn the_timeline_puts_timed_before_day_only_and_undated_last() {
        let published = [
            None,
            at("2025-11-20"),
            at("2025-11-20T18:40:00Z"),
            at("2025-11-19"),
            at("2025-11-20T09:15:00Z"),
        ];
        assert_eq!(timeline_order(&published), [3, 4, 2, 1, 0]);
    }

    #[test]
    fn a_statement_is_first_reported_by_its_earliest_dated_article() {
        let texts = [
            "The ferry sank near the harbour wall. Nobody was hurt.",
            "The ferry sank near the harbour wall. The captain was arrested.",
            "The captain was arrested.",
        ];
        let comparison = compare(&texts);
        let counts: Vec<usize> = comparison.sentences.iter().map(Vec::len).collect();
        let published = [at("2025-11-20T10:00:00Z"), at("2025-11-20T08:30:00Z"), None];
        let reports = first_reports(statements(&counts, &comparison.pairs), &published);
        let sank = reports
            .iter()
            .find(|r| r.statement.articles == [0, 1])
            .unwrap();
        assert_eq!(sank.first, Some(1));
        let arrested = reports
            .iter()
            .find(|r| r.statement.articles == [1, 2])
            .unwrap();
        assert_eq!(arrested.first, Some(1));
        assert!(arrested.tied.is_empty());
        // Article 1 was first: its statements lead.
        assert_eq!(reports[0].first, Some(1));
        let hurt = reports
            .iter()
            .find(|r| r.statement.articles == [0])
            .unwrap();
        assert_eq!(hurt.first, Some(0));
    }

    #[test]
    fn a_day_only_date_of_the_same_day_may_have_been_first() {
        let texts = [
            "The ferry sank near the harbour wall.",
            "The ferry sank near the harbour wall.",
        ];
        let comparison = compare(&texts);
        let counts: Vec<usize> = comparison.sentences.iter().map(Vec::len).collect();
        let published = [at("2025-11-20"), at("2025-11-20T08:30:00Z")];
        let reports = first_reports(statements(&counts, &comparison.pairs), &published);
        assert_eq!(reports[0].first, Some(1));
        assert_eq!(reports[0].tied, [0]);
    }

    #[test]
    fn a_copied_passage_points_to_the_earlier_article_only_when_dates_tell() {
        let text =
            "The council voted by nine votes to four to close the old harbour bridge for repairs.";
        let mut comparison = compare(&[text, text, text]);
        let published = [
            at("2025-11-20"),
            at("2025-11-19T22:00:00Z"),
            at("2025-11-20T07:00:00Z"),
        ];
        mark_copy_direction(&mut comparison.pairs, &published);
        let earlier = |l: usize, r: usize| {
            let pair = comparison
                .pairs
                .iter()
                .find(|p| p.left == l && p.right == r)
                .unwrap();
            assert!(!pair.shared_passages.is_empty());
            pair.shared_passages[0].earlier
        };
        assert_eq!(earlier(0, 1), Some(1));
        assert_eq!(earlier(1, 2), Some(1));
        assert_eq!(earlier(0, 2), None);
    }
}
