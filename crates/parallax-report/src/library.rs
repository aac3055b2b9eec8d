//! Comparisons of library articles: the library gives the articles, a person's alignment
//! corrections, notes and outlet groups; the comparison is made here.

use std::collections::BTreeMap;

use parallax_library::{check_comparison, Error, Library, MAX_COMPARED_ARTICLES};

use crate::article::ComparedInput;
use crate::report::{compare_corrected, CompareReport, ComparedReuseCluster, ComparedReusePassage};
use crate::timeline::EventTimeline;

/// Compares two or more articles of the library, with a person's alignment corrections
/// ([`Library::link_sentences`]) applied.
pub fn compare_articles(library: &Library, ids: &[i64]) -> Result<CompareReport, Error> {
    check_comparison(ids)?;
    compare_inputs(library, read_articles(library, ids)?)
}

/// [`compare_articles`], telling `progress` how far the comparison is (`done` of `total`
/// steps: reading each article, then comparing each pair), for an export the user watches.
/// `progress` answers whether to go on; `Ok(None)` when it said no.
pub fn compare_articles_with_progress(
    library: &Library,
    ids: &[i64],
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<CompareReport>, Error> {
    check_comparison(ids)?;
    compare_watched(library, read_articles(library, ids)?, progress)
}

/// The library articles `ids`, each named by its id, with all an export cites of it.
fn read_articles(library: &Library, ids: &[i64]) -> Result<Vec<ComparedInput>, Error> {
    ids.iter()
        .map(|&id| {
            Ok(ComparedInput::from_record(
                id.to_string(),
                library.article(id)?,
            ))
        })
        .collect()
}

/// Compares articles read from files or from `library` (those with an id), with a person's
/// alignment corrections between the library's articles applied, the notes on them, and what
/// only one group of outlets reports (`coverage.by_group`).
pub fn compare_inputs(
    library: &Library,
    inputs: Vec<ComparedInput>,
) -> Result<CompareReport, Error> {
    Ok(compare_watched(library, inputs, &mut |_, _| true)?
        .expect("a comparison no one stops runs to the end"))
}

/// [`compare_inputs`] with `progress` told how far the engine is; `Ok(None)` when it stopped it.
fn compare_watched(
    library: &Library,
    inputs: Vec<ComparedInput>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<CompareReport>, Error> {
    let ids: Vec<Option<i64>> = inputs.iter().map(|input| input.id).collect();
    let corrections = library.alignment_corrections(&ids)?;
    let Some(mut report) = compare_corrected(inputs, &corrections, progress) else {
        return Ok(None);
    };
    add_coverage_by_group(library, &mut report)?;
    let held: Vec<i64> = ids.iter().flatten().copied().collect();
    report.notes = library.notes_on_articles(&held)?;
    report.reuse_clusters = reuse_clusters(library, &ids)?;
    Ok(Some(report))
}

/// The clusters of shared passages in the compared library articles (`ids` by index, `None`
/// for a file), each passage named by its article's index.
fn reuse_clusters(
    library: &Library,
    ids: &[Option<i64>],
) -> Result<Vec<ComparedReuseCluster>, Error> {
    let held: Vec<i64> = ids.iter().flatten().copied().collect();
    if held.is_empty() {
        return Ok(Vec::new());
    }
    let index_of = |id: i64| ids.iter().position(|&i| i == Some(id));
    Ok(library
        .reuse_clusters(Some(&held))?
        .into_iter()
        .map(|cluster| {
            let (compared, others): (Vec<_>, Vec<_>) = cluster
                .passages
                .into_iter()
                .partition(|p| index_of(p.article).is_some());
            let mut other_articles: Vec<i64> = others.iter().map(|p| p.article).collect();
            other_articles.sort_unstable();
            other_articles.dedup();
            ComparedReuseCluster {
                cluster: cluster.cluster,
                size: cluster.size,
                source: cluster.source,
                passages: compared
                    .into_iter()
                    .map(|p| ComparedReusePassage {
                        article: index_of(p.article).expect("partitioned above"),
                        start: p.start,
                        end: p.end,
                        text: p.text,
                    })
                    .collect(),
                other_articles,
            }
        })
        .collect())
}

/// Fills `coverage.by_group` for the dimensions in which the report's library articles'
/// outlets have groups ([`parallax_core::compare::coverage_by_group`]).
fn add_coverage_by_group(library: &Library, report: &mut CompareReport) -> Result<(), Error> {
    let outlet_groups: BTreeMap<String, BTreeMap<String, String>> = library
        .outlet_groups()?
        .into_iter()
        .filter(|o| !o.groups.is_empty())
        .map(|o| (o.outlet, o.groups))
        .collect();
    let of_article: Vec<Option<&BTreeMap<String, String>>> = report
        .articles
        .iter()
        .map(|a| {
            a.id?;
            outlet_groups.get(a.outlet.as_deref()?)
        })
        .collect();
    let dimensions: std::collections::BTreeSet<&String> =
        of_article.iter().flatten().flat_map(|g| g.keys()).collect();
    if dimensions.is_empty() {
        return Ok(());
    }
    let counts: Vec<usize> = report.articles.iter().map(|a| a.sentences.len()).collect();
    let statements = parallax_core::compare::statements(&counts, &report.pairs);
    let sentences: Vec<Vec<String>> = report
        .articles
        .iter()
        .map(|a| a.sentences.clone())
        .collect();
    for dimension in dimensions {
        let in_groups: Vec<Option<String>> = of_article
            .iter()
            .map(|g| g.and_then(|g| g.get(dimension)).cloned())
            .collect();
        let coverage = parallax_core::compare::coverage_by_group(
            &statements,
            &report.entities,
            &sentences,
            &in_groups,
        );
        report.coverage.by_group.insert(dimension.clone(), coverage);
    }
    Ok(())
}

/// The timeline of an event: its articles in order of publication (to the minute where the
/// date has a time, to the day otherwise, undated last) and every statement its articles
/// make, with the earliest dated article that makes it. Statements come from the event's
/// comparison (a person's alignment corrections applied). An event of more than
/// [`MAX_COMPARED_ARTICLES`] articles is refused ([`Error::EventTooLarge`]) rather than cut:
/// a timeline of some of its articles could name the wrong one first.
pub fn event_timeline(library: &Library, event: i64) -> Result<EventTimeline, Error> {
    let summary = library
        .events()?
        .into_iter()
        .find(|e| e.id == event)
        .ok_or(Error::NoSuchEvent(event))?;
    if summary.articles.len() > MAX_COMPARED_ARTICLES {
        return Err(Error::EventTooLarge {
            event,
            articles: summary.articles.len(),
            limit: MAX_COMPARED_ARTICLES,
        });
    }
    let report = compare_inputs(library, read_articles(library, &summary.articles)?)?;
    Ok(EventTimeline {
        event: summary.id,
        title: summary.title,
        timeline: report.timeline,
    })
}
