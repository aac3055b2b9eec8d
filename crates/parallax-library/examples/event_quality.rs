//! Measures event grouping against real events: B-cubed precision, recall and F1 between the
//! events Parallax finds and the events a corpus records.
//!
//! ```text
//! cargo run --release -p parallax-library --example event_quality -- ../shared/corpus/basil-dev
//! ```
//!
//! The corpus is a folder of JSON files (the BASIL layout): `title`, `date`, `triplet-uuid` (same
//! value = same event) and `body-paragraphs` (paragraphs as lists of sentences). Articles are
//! grouped incrementally, as import does, in three orders: by date (as news arrives), by file
//! name, and shuffled (fixed seeds).

use std::collections::HashMap;
use std::path::PathBuf;

use parallax_core::events::{group_articles, ArticleProfile, EventIndex};

#[path = "../../parallax-core/examples/support/basil.rs"]
mod basil;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: event_quality CORPUS_FOLDER")?,
    );
    let articles = basil::read_folder(&folder)?;
    let profiles: Vec<ArticleProfile> = articles
        .iter()
        .map(|a| ArticleProfile::new(&a.title, &a.text(), a.date.as_deref()))
        .collect();
    let truth: Vec<&str> = articles.iter().map(|a| a.event.as_str()).collect();
    let events = truth.iter().collect::<std::collections::HashSet<_>>().len();
    println!("{} articles, {} real events", articles.len(), events);

    let mut by_date: Vec<usize> = (0..articles.len()).collect();
    by_date.sort_by(|&a, &b| articles[a].date.cmp(&articles[b].date).then(a.cmp(&b)));
    let mut orders = vec![
        ("by date", by_date),
        ("by file name", (0..articles.len()).collect()),
    ];
    for seed in 1..=5u64 {
        orders.push(("shuffled", shuffled(articles.len(), seed)));
    }
    let undated: Vec<ArticleProfile> = profiles
        .iter()
        .map(|p| ArticleProfile {
            day: None,
            ..p.clone()
        })
        .collect();
    for (name, order) in orders {
        report(name, &order, &profiles, &truth);
    }
    report(
        "undated",
        &(0..articles.len()).collect::<Vec<_>>(),
        &undated,
        &truth,
    );
    nearest_neighbours(&profiles, &truth);
    Ok(())
}

/// Groups the profiles in the given order and prints the B-cubed scores.
fn report(name: &str, order: &[usize], profiles: &[ArticleProfile], truth: &[&str]) {
    {
        let ordered: Vec<ArticleProfile> = order.iter().map(|&i| profiles[i].clone()).collect();
        let found = group_articles(&ordered);
        let mut assigned = vec![0; profiles.len()];
        for (event, members) in found.iter().enumerate() {
            for &m in members {
                assigned[order[m]] = event;
            }
        }
        let (precision, recall, f1) = b_cubed(&assigned, truth);
        println!("{name:<13} events found {:>3}   B-cubed precision {precision:.3}  recall {recall:.3}  F1 {f1:.3}", found.len());
    }
}

/// With every other article in the index, how often is an article's closest one from its own
/// event, and how close are the closest articles of the same and of other events.
fn nearest_neighbours(profiles: &[ArticleProfile], truth: &[&str]) {
    let mut right = 0;
    let mut same: Vec<f64> = Vec::new();
    let mut other: Vec<f64> = Vec::new();
    for i in 0..profiles.len() {
        for own_event in [true, false] {
            let mut index = EventIndex::new();
            for (j, profile) in profiles.iter().enumerate() {
                if j != i && (truth[j] == truth[i]) == own_event {
                    index.insert(j as i64, j as i64, profile);
                }
            }
            let similarity = index.assign(&profiles[i]).evidence.map_or(0.0, |e| e.score);
            if own_event {
                same.push(similarity)
            } else {
                other.push(similarity)
            }
        }
        right += usize::from(same[i] > other[i]);
    }
    let sorted = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v
    };
    let (same, other) = (sorted(same), sorted(other));
    println!(
        "closest article from the same event in {right}/{} cases; same-event closest score: min {:.3}, 5th percentile {:.3}; other-event closest: median {:.3}, 95th percentile {:.3}, max {:.3}",
        profiles.len(),
        same[0],
        same[same.len() / 20],
        other[other.len() / 2],
        other[other.len() * 19 / 20],
        other[other.len() - 1]
    );
}

/// B-cubed precision, recall and F1 of a clustering against the true classes.
fn b_cubed(found: &[usize], truth: &[&str]) -> (f64, f64, f64) {
    let n = found.len();
    let mut cluster_size: HashMap<usize, usize> = HashMap::new();
    let mut class_size: HashMap<&str, usize> = HashMap::new();
    let mut both: HashMap<(usize, &str), usize> = HashMap::new();
    for i in 0..n {
        *cluster_size.entry(found[i]).or_default() += 1;
        *class_size.entry(truth[i]).or_default() += 1;
        *both.entry((found[i], truth[i])).or_default() += 1;
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for i in 0..n {
        let shared = both[&(found[i], truth[i])] as f64;
        precision += shared / cluster_size[&found[i]] as f64;
        recall += shared / class_size[truth[i]] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    (
        precision,
        recall,
        2.0 * precision * recall / (precision + recall),
    )
}

/// A permutation of `0..n` from a small linear congruential generator.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (state >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
    order
}
