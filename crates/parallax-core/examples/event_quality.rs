//! Measures event grouping against real events: B-cubed precision, recall and F1 between the
//! events Parallax finds and the events a corpus records, on a development and a held-out split.
//!
//! ```text
//! cargo run --release -p parallax-core --example event_quality -- FOLDER [FOLDER ...] [--orders]
//! ```
//!
//! A folder is either the BASIL layout (JSON files with `title`, `date`, `triplet-uuid`,
//! `body-paragraphs`) or the events layout (article files read by the real extractor, and an
//! `events.json` mapping file name -> `event`, `date` and, for sets built of look-alike events,
//! `topic`). Each set is split by a hash of its events' key (the topic where there is one, so two
//! look-alike events stay on one side): `dev` is the half rules may be chosen on, `held-out` the
//! half that measures them. Each half is grouped alone, incrementally as import does, in file-name
//! order (with `--orders`, also by date and in five shuffled orders), three times: with the dates
//! the extractor reads from the files, with the dates the corpus records, and with no date.
//! `--dev-only` leaves the held-out halves out (to look at development errors with `--show`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use parallax_core::events::{group_articles, ArticleProfile};

#[path = "support/basil.rs"]
mod basil;

/// One article of a corpus, with its true event.
struct Article {
    title: String,
    profile: ArticleProfile,
    /// The date the extractor read from the file, when any.
    file_date: Option<String>,
    /// The date the corpus records.
    true_date: Option<String>,
    event: String,
    /// The key the split is made on: the event's topic, or the event.
    split_key: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let orders = args.iter().any(|a| a == "--orders");
    let show = args.iter().any(|a| a == "--show");
    let folders: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if folders.is_empty() {
        return Err("usage: event_quality FOLDER [FOLDER ...] [--orders]".into());
    }
    for folder in &folders {
        let articles = read_corpus(folder)?;
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        for held_out in [false, true] {
            if held_out && args.iter().any(|a| a == "--dev-only") {
                continue;
            }
            let part: Vec<&Article> = articles
                .iter()
                .filter(|a| is_held_out(&a.split_key) == held_out)
                .collect();
            let split = if held_out { "held-out" } else { "dev" };
            let events = part.iter().map(|a| &a.event).collect::<HashSet<_>>().len();
            let dated = part.iter().filter(|a| a.file_date.is_some()).count();
            println!(
                "{name} {split}: {} articles, {events} events, {dated} with a date in the file",
                part.len()
            );
            for (dates, date_of) in [
                (
                    "file dates",
                    (|a: &Article| a.file_date.clone()) as fn(&Article) -> _,
                ),
                ("true dates", |a: &Article| a.true_date.clone()),
                ("no dates", |_: &Article| None),
            ] {
                let profiles: Vec<ArticleProfile> = part
                    .iter()
                    .map(|a| ArticleProfile {
                        day: date_of(a).as_deref().and_then(day_number),
                        ..a.profile.clone()
                    })
                    .collect();
                let truth: Vec<&str> = part.iter().map(|a| a.event.as_str()).collect();
                let mut runs = vec![("file order", (0..part.len()).collect::<Vec<_>>())];
                if orders {
                    let mut by_date: Vec<usize> = (0..part.len()).collect();
                    by_date.sort_by(|&a, &b| part[a].true_date.cmp(&part[b].true_date));
                    runs.push(("by date", by_date));
                    for seed in 1..=5u64 {
                        runs.push(("shuffled", shuffled(part.len(), seed)));
                    }
                }
                for (order_name, order) in runs {
                    let found = report(
                        &format!("  {dates:<10} {order_name:<10}"),
                        &order,
                        &profiles,
                        &truth,
                    );
                    if show && !held_out && dates == "no dates" && order_name == "file order" {
                        show_mixed(&found, &part);
                    }
                }
            }
        }
    }
    Ok(())
}

/// Whether a split key falls in the held-out half: FNV-1a of the key, odd.
fn is_held_out(key: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 2 == 1
}

fn read_corpus(folder: &Path) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let index = folder.join("events.json");
    if !index.exists() {
        return Ok(basil::read_folder(folder)?
            .into_iter()
            .map(|a| Article {
                title: a.title.clone(),
                profile: ArticleProfile::new(&a.title, &a.text(), a.date.as_deref()),
                file_date: a.date.clone(),
                true_date: a.date.clone(),
                split_key: a.event.clone(),
                event: a.event,
            })
            .collect());
    }
    let records: HashMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&index)?)?;
    let mut names: Vec<&String> = records.keys().collect();
    names.sort();
    let mut articles = Vec::new();
    for name in names {
        let record = &records[name];
        let bytes = std::fs::read(folder.join(name))?;
        let extracted =
            parallax_core::ingest::extract(&bytes, name).map_err(|e| format!("{name}: {e}"))?;
        let event = record["event"].as_str().unwrap_or_default().to_string();
        let split_key = match &record["topic"] {
            serde_json::Value::Null => event.clone(),
            topic => format!("topic {topic}"),
        };
        articles.push(Article {
            title: extracted.title.clone(),
            profile: ArticleProfile::new(
                &extracted.title,
                &extracted.text,
                extracted.published.as_deref(),
            ),
            file_date: extracted.published,
            true_date: record["date"].as_str().map(str::to_string),
            event,
            split_key,
        });
    }
    Ok(articles)
}

/// Days since 1970-01-01 of an ISO 8601 date, as the profile keeps it.
fn day_number(date: &str) -> Option<i32> {
    ArticleProfile::from_terms(Vec::new(), Some(date)).day
}

/// Groups the profiles in the given order and prints the B-cubed scores and the events that
/// mix three or more true events.
fn report(
    name: &str,
    order: &[usize],
    profiles: &[ArticleProfile],
    truth: &[&str],
) -> Vec<Vec<usize>> {
    let ordered: Vec<ArticleProfile> = order.iter().map(|&i| profiles[i].clone()).collect();
    let found = group_articles(&ordered);
    let mut assigned = vec![0; profiles.len()];
    for (event, members) in found.iter().enumerate() {
        for &m in members {
            assigned[order[m]] = event;
        }
    }
    let mixed = found
        .iter()
        .filter(|members| {
            members
                .iter()
                .map(|&m| truth[order[m]])
                .collect::<HashSet<_>>()
                .len()
                >= 3
        })
        .count();
    let (precision, recall, f1) = b_cubed(&assigned, truth);
    println!(
        "{name} events {:>4}  mixing 3+ stories {mixed:>3}  B-cubed P {precision:.3} R {recall:.3} F1 {f1:.3}",
        found.len()
    );
    found
        .into_iter()
        .map(|members| members.into_iter().map(|m| order[m]).collect())
        .collect()
}

/// Prints the found events of the development split that mix stories, with each member's
/// true event and headline.
fn show_mixed(found: &[Vec<usize>], part: &[&Article]) {
    for members in found {
        let stories: HashSet<&str> = members.iter().map(|&m| part[m].event.as_str()).collect();
        if stories.len() > 1 {
            println!("    mixed event of {} stories:", stories.len());
            for &m in members {
                println!("      {:<20} {}", part[m].event, part[m].title);
            }
        }
    }
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
