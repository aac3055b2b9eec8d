//! One comparison as the window and the CLI show it: the engine's [`Comparison`] with the
//! articles it compared, their sentences and where those stand in the text.

use parallax_core::compare::{
    self, Coverage, DisputedFact, PairComparison, PairCorrections, Quote, QuoteLink,
};
use parallax_core::entities::{self, Overlap, ResolvedEntity};
use parallax_core::timeline::Published;
use serde::{Deserialize, Serialize};

use crate::layout::{self, Row};
use crate::notes::Note;
use crate::timeline::{self, Timeline};

/// An article to compare: from the library (with its id) or from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparedInput {
    /// How the user named it: a library id or a file path.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Its library id, when it comes from the library.
    pub id: Option<i64>,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// The file it came from, when known: it names the article when the outlet is unknown.
    #[serde(default)]
    pub path: Option<String>,
    /// Its body text.
    pub text: String,
    /// Where it comes from, for the sources an export cites; its publication date also orders
    /// the timeline and tells which of two articles sharing a passage came first.
    #[serde(default)]
    pub citation: SourceDetails,
}

impl ComparedInput {
    /// A file to compare, named `reference` (the path as the user wrote it): the article the
    /// engine reads out of it, as `parallax compare FILE ...` compares it.
    pub fn from_file(reference: String) -> Result<ComparedInput, crate::Error> {
        let article = crate::read_article_file(std::path::Path::new(&reference))?;
        Ok(ComparedInput {
            id: None,
            title: article.title,
            outlet: article.outlet,
            path: Some(reference.clone()),
            reference,
            text: article.text,
            citation: SourceDetails {
                byline: article.byline,
                published: article.published,
                url: article.url,
                imported: None,
            },
        })
    }

    /// A library article to compare, named `reference`, with all an export cites of it.
    pub fn from_record(reference: String, record: crate::ArticleRecord) -> ComparedInput {
        ComparedInput {
            reference,
            id: Some(record.id),
            title: record.title,
            outlet: record.outlet,
            path: record.path,
            text: record.text,
            citation: SourceDetails {
                byline: record.byline,
                published: record.published,
                url: record.url,
                imported: Some(record.imported).filter(|i| !i.is_empty()),
            },
        }
    }
}

/// What an export cites of an article besides its headline and outlet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDetails {
    /// The author line, when known.
    #[serde(default)]
    pub byline: Option<String>,
    /// Publication date or date-time (ISO 8601), when known.
    #[serde(default)]
    pub published: Option<String>,
    /// Its address on the web, when known.
    #[serde(default)]
    pub url: Option<String>,
    /// When it entered the library (UTC, ISO 8601); none for a file compared directly.
    #[serde(default)]
    pub imported: Option<String>,
}

/// A compared article, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportArticle {
    /// How the user named it: a library id or a file path.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Its library id, when it comes from the library.
    pub id: Option<i64>,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Where it comes from, as the window names it: see [`source_name`].
    pub source: String,
    /// Its sentences; the pairs' sentence indices index this list.
    pub sentences: Vec<String>,
    /// Its body text; passage offsets are character offsets into it.
    pub text: String,
    /// `[start, end)` character offsets of each sentence in `text`.
    pub sentence_spans: Vec<[usize; 2]>,
    /// The paragraph each sentence belongs to.
    pub paragraphs: Vec<usize>,
    /// Its byline, date, address and when it entered the library: the source an export cites.
    #[serde(flatten)]
    pub citation: SourceDetails,
}

/// Everything a comparison of two or more articles found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareReport {
    /// The articles, in the order given; pairs index this list.
    pub articles: Vec<ReportArticle>,
    /// One entry for every pair of articles.
    pub pairs: Vec<PairComparison>,
    /// The entities of all articles, resolved across them.
    pub entities: Vec<ResolvedEntity>,
    /// Which of those entities every article names and which only some, per kind and per pair.
    pub overlap: Overlap,
    /// For every sentence, which other articles say the same.
    pub coverage: Coverage,
    /// The direct quotations of each article, in the order of `articles`.
    pub quotes: Vec<Vec<Quote>>,
    /// The same quotation in two articles.
    pub quote_links: Vec<QuoteLink>,
    /// The pairs' conflicts gathered per fact: each value once, with the articles that give it.
    pub disputed_facts: Vec<DisputedFact>,
    /// The articles laid out side by side: aligned sentences in one row.
    pub rows: Vec<Row>,
    /// The articles in order of publication, and who made each statement first.
    #[serde(default)]
    pub timeline: Timeline,
    /// A fact-checker's notes on these articles, their sentences, pairs and events.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// The name that says where an article comes from: its outlet, else (when no outlet could be
/// found, as for a wire copy saved as plain text) its file's name without the extension, else
/// its headline. The one place the window and the reports get this fallback from.
pub(crate) fn source_name(outlet: Option<&str>, path: Option<&str>, title: &str) -> String {
    let file_stem = || {
        let name = path?.rsplit(['/', '\\']).next()?;
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        Some(stem.trim()).filter(|s| !s.is_empty())
    };
    outlet
        .map(str::trim)
        .filter(|o| !o.is_empty())
        .or_else(file_stem)
        .unwrap_or(title)
        .to_string()
}

/// Compares articles given as text (files, or articles read from the library).
pub fn compare_texts(articles: Vec<ComparedInput>) -> CompareReport {
    compare_corrected(articles, &[])
}

/// [`compare_texts`] with a person's corrections of the alignment (by index into `articles`).
pub(crate) fn compare_corrected(
    articles: Vec<ComparedInput>,
    corrections: &[PairCorrections],
) -> CompareReport {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut comparison = compare::compare_corrected(&texts, corrections);
    let published: Vec<Option<Published>> = articles
        .iter()
        .map(|a| a.citation.published.as_deref().and_then(Published::parse))
        .collect();
    parallax_core::timeline::mark_copy_direction(&mut comparison.pairs, &published);
    let report_articles: Vec<ReportArticle> = articles
        .into_iter()
        .zip(comparison.sentences)
        .map(|(input, sentences)| ReportArticle {
            reference: input.reference,
            id: input.id,
            source: source_name(input.outlet.as_deref(), input.path.as_deref(), &input.title),
            title: input.title,
            outlet: input.outlet,
            sentence_spans: sentences.iter().map(|s| [s.start, s.end]).collect(),
            paragraphs: sentences.iter().map(|s| s.paragraph).collect(),
            sentences: sentences.into_iter().map(|s| s.text).collect(),
            text: input.text,
            citation: input.citation,
        })
        .collect();
    let overlap = entities::overlap(&comparison.entities, report_articles.len());
    let mut report = CompareReport {
        articles: report_articles,
        pairs: comparison.pairs,
        entities: comparison.entities,
        overlap,
        coverage: comparison.coverage,
        quotes: comparison.quotes,
        quote_links: comparison.quote_links,
        disputed_facts: comparison.disputed_facts,
        rows: Vec::new(),
        timeline: Timeline::default(),
        notes: Vec::new(),
    };
    report.rows = layout::build_rows(&report);
    report.timeline = timeline::of_report(&report, &published);
    report
}

/// An article of a test: named `name` (its headline and outlet), dated or not.
#[cfg(test)]
pub(crate) fn dated_input(
    id: Option<i64>,
    name: &str,
    published: Option<&str>,
    text: &str,
) -> ComparedInput {
    ComparedInput {
        reference: name.into(),
        id,
        title: name.into(),
        outlet: Some(name.into()),
        path: None,
        text: text.into(),
        citation: SourceDetails {
            published: published.map(str::to_string),
            ..Default::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_outlet_is_named_by_the_file_then_by_the_headline() {
        assert_eq!(
            source_name(Some("The Ledger"), Some("/a/wire.txt"), "Talks"),
            "The Ledger"
        );
        assert_eq!(
            source_name(None, Some("/a/kyiv-wire.txt"), "Talks"),
            "kyiv-wire"
        );
        assert_eq!(
            source_name(Some(" "), Some("C:\\notes\\wire.md"), "Talks"),
            "wire"
        );
        assert_eq!(source_name(None, None, "Talks"), "Talks");
    }

    fn input(reference: &str, text: &str) -> ComparedInput {
        ComparedInput {
            reference: reference.into(),
            id: None,
            title: reference.into(),
            outlet: None,
            path: None,
            text: text.into(),
            ..ComparedInput::default()
        }
    }

    #[test]
    fn sentence_spans_point_into_the_text() {
        let report = compare_texts(vec![
            input(
                "a.txt",
                "The délégation arrived in Kyiv.\n\nIt met officials on Thursday.",
            ),
            input(
                "b.txt",
                "It met officials on Thursday. The délégation arrived in Kyiv.",
            ),
        ]);
        assert_eq!(report.pairs.len(), 1);
        let article = &report.articles[0];
        assert_eq!(article.sentences.len(), 2);
        for (sentence, [start, end]) in article.sentences.iter().zip(&article.sentence_spans) {
            let slice: String = article
                .text
                .chars()
                .skip(*start)
                .take(end - start)
                .collect();
            assert_eq!(&slice, sentence);
        }
        assert_eq!(article.paragraphs.len(), article.sentences.len());
        assert!(article.paragraphs.windows(2).all(|w| w[0] <= w[1]));
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["articles"][1]["ref"], "b.txt");
    }
}
