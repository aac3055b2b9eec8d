//! The timeline of a comparison or an event: its articles in order of publication, and every
//! statement with the article that made it first ([`parallax_core::timeline`]).

use parallax_core::compare::{self, PairComparison, SentenceRef};
use parallax_core::timeline::{self as engine, Precision, Published};
use serde::{Deserialize, Serialize};

use crate::article::ReportArticle;

/// Articles in order of publication and who said what first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timeline {
    /// The articles by publication: by day, on one day the timed ones by minute and the
    /// day-only ones after them, undated ones last.
    pub articles: Vec<TimelineArticle>,
    /// Every statement (sentences aligned across articles, or a sentence only one article
    /// has), in the order they were first made; those only undated articles make come last.
    pub statements: Vec<TimelineStatement>,
}

/// The timeline of one event ([`crate::event_timeline`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTimeline {
    /// The event's id.
    pub event: i64,
    /// The event's name.
    pub title: String,
    /// Its articles by publication and its statements by first report.
    #[serde(flatten)]
    pub timeline: Timeline,
}

/// An article in a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineArticle {
    /// Its library id (null for a file).
    pub id: Option<i64>,
    /// Its place in the comparison's `articles`.
    pub index: usize,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Where it comes from: its outlet, else its file's name, else its headline.
    pub source: String,
    /// Its publication date as stored (ISO 8601), when known.
    pub published: Option<String>,
    /// How precisely that date is known: `minute` or `day`; null when undated (or unreadable).
    pub precision: Option<Precision>,
}

/// A statement and who made it first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineStatement {
    /// The statement as its first article (else the first article to make it) words it.
    pub text: String,
    /// The library id of the earliest dated article that makes it; null when none of its
    /// articles is dated (or that article is a file).
    pub first: Option<i64>,
    /// The library ids of the other dated articles that make it whose dates cannot tell they
    /// came after `first` (one gives only the day both share, or the same minute): any of them
    /// may have been first. Empty when `first` is certain.
    pub first_tied: Vec<i64>,
    /// The library ids of every article that makes it, in timeline order (files left out).
    pub reported_by: Vec<i64>,
    /// The earliest dated article, as an index into the comparison's `articles` (set for files
    /// too); null when none of its articles is dated.
    pub first_article: Option<usize>,
    /// Every article that makes it, as indices into the comparison's `articles`, in timeline
    /// order.
    pub articles: Vec<usize>,
    /// The sentences that make it, by article then sentence.
    pub sentences: Vec<SentenceRef>,
}

/// The timeline of a comparison of `articles`: `published` holds each article's date, read.
pub(crate) fn of_comparison(
    articles: &[ReportArticle],
    pairs: &[PairComparison],
    published: &[Option<Published>],
) -> Timeline {
    let counts: Vec<usize> = articles.iter().map(|a| a.sentences.len()).collect();
    let order = engine::timeline_order(published);
    let mut rank = vec![0; order.len()];
    for (position, &article) in order.iter().enumerate() {
        rank[article] = position;
    }
    let in_order = order
        .iter()
        .map(|&index| {
            let article = &articles[index];
            TimelineArticle {
                id: article.id,
                index,
                title: article.title.clone(),
                outlet: article.outlet.clone(),
                source: article.source.clone(),
                published: article.citation.published.clone(),
                precision: published[index].map(|p| p.precision()),
            }
        })
        .collect();
    let statements = engine::first_reports(compare::statements(&counts, pairs), published)
        .into_iter()
        .map(|report_of| {
            let mut who = report_of.statement.articles.clone();
            who.sort_by_key(|&a| rank[a]);
            let voice = report_of
                .first
                .unwrap_or(report_of.statement.sentences[0].article);
            let text = report_of
                .statement
                .sentences
                .iter()
                .filter(|s| s.article == voice)
                .map(|s| articles[voice].sentences[s.sentence].as_str())
                .collect::<Vec<_>>()
                .join(" ");
            TimelineStatement {
                text,
                first: report_of.first.and_then(|a| articles[a].id),
                first_tied: report_of
                    .tied
                    .iter()
                    .filter_map(|&a| articles[a].id)
                    .collect(),
                reported_by: who.iter().filter_map(|&a| articles[a].id).collect(),
                first_article: report_of.first,
                articles: who,
                sentences: report_of.statement.sentences,
            }
        })
        .collect();
    Timeline {
        articles: in_order,
        statements,
    }
}

#[cfg(test)]
mod tests {
    use crate::compare_texts;

    #[test]
    fn the_timeline_orders_articles_and_names_first_reports() {
        let report = compare_texts(crate::article::ferry_reports("2025-11-20T07:45:00Z"));
        let order: Vec<&str> = report
            .timeline
            .articles
            .iter()
            .map(|a| a.source.as_str())
            .collect();
        assert_eq!(order, ["Morning Star", "Evening Post", "Undated Wire"]);
        let sank = report
            .timeline
            .statements
            .iter()
            .find(|s| s.text == "The ferry sank near the harbour wall.")
            .unwrap();
        assert_eq!(sank.first_article, Some(2));
        assert_eq!(sank.articles, [2, 0, 1]);
        let json = serde_json::to_value(&report.timeline).unwrap();
        assert_eq!(json["articles"][0]["precision"], "minute");
        assert_eq!(json["articles"][2]["precision"], serde_json::Value::Null);
    }
}
