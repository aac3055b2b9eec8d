//! Prints the sentence alignments of article pairs side by side, for reading by eye.
//!
//! ```text
//! cargo run -p parallax-core --release --example align_report -- ../shared/corpus/basil-dev [EVENTS] [FIRST]
//! ```
//!
//! The folder holds BASIL JSON files (`body-paragraphs`, `triplet-uuid`, `source`); for each of
//! EVENTS events (default 4) from the FIRST (default 0, in name order), every pair of its
//! articles is printed: aligned sentences with their score, then the sentences left unaligned.

#[path = "support/basil.rs"]
mod basil;

use std::collections::BTreeMap;
use std::path::PathBuf;

use parallax_core::compare::compare;

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/corpus/basil-dev".into()),
    );
    let events: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(4);
    let first: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);

    let mut by_event: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let corpus = basil::read_folder(&folder)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()));
    for article in corpus {
        let text = article.text();
        by_event
            .entry(article.event)
            .or_default()
            .push((article.source, text));
    }

    for (event, articles) in by_event.iter().skip(first).take(events) {
        let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        let comparison = compare(&texts);
        for pair in &comparison.pairs {
            let (a, b) = (
                &comparison.sentences[pair.left],
                &comparison.sentences[pair.right],
            );
            println!(
                "\n==== {event} {} ({} sentences) vs {} ({} sentences): similarity {:.2}, copied {:.2}/{:.2}",
                articles[pair.left].0,
                a.len(),
                articles[pair.right].0,
                b.len(),
                pair.similarity,
                pair.left_copied_share,
                pair.right_copied_share
            );
            for al in &pair.alignments {
                let left: Vec<&str> = al.left.iter().map(|&i| a[i].text.as_str()).collect();
                let right: Vec<&str> = al.right.iter().map(|&j| b[j].text.as_str()).collect();
                println!("-- {:.2} L{:?} R{:?}", al.score, al.left, al.right);
                println!("   L: {}", left.join(" | "));
                println!("   R: {}", right.join(" | "));
            }
            for &i in &pair.left_only {
                println!("   L only {i}: {}", a[i].text);
            }
            for &j in &pair.right_only {
                println!("   R only {j}: {}", b[j].text);
            }
            for passage in &pair.shared_passages {
                println!("   passage ({} words): {}", passage.words, passage.text);
            }
        }
    }
}
