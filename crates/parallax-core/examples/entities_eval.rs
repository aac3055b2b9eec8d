//! Runs the entity finder over a folder of article texts: writes its predictions for
//! `eval/entities/score.py` and prints its throughput in words a second.
//!
//! `cargo run --release -p parallax-core --example entities_eval -- TEXT_DIR PREDICTIONS.json`
//!
//! Each prediction names the recognition rule that gave its kind (`rule`); `score.py` reports
//! precision per rule from it.

use std::time::{Duration, Instant};

use parallax_core::entities::{find_entities, find_entities_with_rules, EntityKind};

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: entities_eval TEXT_DIR PREDICTIONS.json");
        std::process::exit(2);
    };
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let stem = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            texts.push((stem, std::fs::read_to_string(&path)?));
        }
    }
    texts.sort();
    let mut predictions = serde_json::Map::new();
    for (stem, text) in &texts {
        let found: Vec<serde_json::Value> = find_entities_with_rules(text)
            .into_iter()
            .map(|(e, rule)| {
                let mut forms = vec![e.name];
                forms.extend(e.aliases);
                serde_json::json!({ "kind": kind_name(e.kind), "forms": forms, "mentions": e.mentions, "rule": rule.name() })
            })
            .collect();
        predictions.insert(stem.clone(), found.into());
    }
    std::fs::write(&out, serde_json::to_string_pretty(&predictions)?)?;

    let words: usize = texts
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    let start = Instant::now();
    let mut rounds = 0;
    while start.elapsed() < Duration::from_secs(3) || rounds < 3 {
        for (_, text) in &texts {
            std::hint::black_box(find_entities(std::hint::black_box(text)));
        }
        rounds += 1;
    }
    let rate = (words * rounds) as f64 / start.elapsed().as_secs_f64();
    println!("Parallax find_entities: {rate:.0} words/s ({words} words x {rounds} rounds)");
    Ok(())
}
