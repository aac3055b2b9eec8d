//! One comparison as the window and the CLI show it: the engine's [`Comparison`] with the
//! articles it compared, their sentences and where those stand in the text.

use parallax_core::compare::{
    self, Coverage, DisputedFact, PairComparison, PairCorrections, Quote, QuoteLink,
};
use parallax_core::entities::{self, Overlap, ResolvedEntity};
use parallax_core::timeline::Published;
use serde::{Deserialize, Serialize};

use parallax_library::{source_name, Note};

use crate::article::{ComparedInput, ReportArticle};
use crate::layout::{self, Row};
use crate::timeline::{self, Timeline};

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
    /// Clusters of passages a text-reuse run (passim) found in these library articles, as
    /// imported with `passages import`; absent when none is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reuse_clusters: Vec<ComparedReuseCluster>,
}

/// A cluster of shared passages with a passage in at least one compared article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedReuseCluster {
    /// The cluster's id, as the tool gave it.
    pub cluster: String,
    /// How many passages the tool counted in it.
    pub size: Option<i64>,
    /// The tool that found it (`passim`).
    pub source: String,
    /// Its passages in the compared articles, earliest published first.
    pub passages: Vec<ComparedReusePassage>,
    /// The library ids of its other articles, not compared here.
    pub other_articles: Vec<i64>,
}

/// A passage of a cluster in one compared article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparedReusePassage {
    /// The article, as an index into `articles`.
    pub article: usize,
    /// Character offset of the passage in the article's text.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
    /// The passage, as the tool quoted it.
    pub text: String,
}

/// Compares articles given as text (files, or articles read from the library).
pub fn compare_texts(articles: Vec<ComparedInput>) -> CompareReport {
    compare_corrected(articles, &[], &mut |_, _| true)
        .expect("a comparison no one stops runs to the end")
}

/// [`compare_texts`] with a person's corrections of the alignment (by index into `articles`),
/// telling `progress` how far the engine is ([`compare::compare_with_progress`]); `None` when
/// `progress` stopped it.
pub(crate) fn compare_corrected(
    articles: Vec<ComparedInput>,
    corrections: &[PairCorrections],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<CompareReport> {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut comparison = compare::compare_with_progress(&texts, corrections, progress)?;
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
        reuse_clusters: Vec::new(),
    };
    report.rows = layout::build_rows(&report.articles, &report.pairs, &report.coverage);
    report.timeline = timeline::of_comparison(&report.articles, &report.pairs, &published);
    Some(report)
}

#[cfg(test)]
mod tests {
    use super::*;

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
