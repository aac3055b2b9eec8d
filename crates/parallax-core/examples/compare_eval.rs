//! Measures the comparison engine against hand-made references: sentence alignment
//! (`eval/alignment/`), beside what a side-by-side diff tool shows on the same sentences, and
//! conflicting facts (`eval/conflicts/`).
//!
//! ```text
//! cargo run -p parallax-core --release --example compare_eval -- sentences CORPUS OUT EVENT...
//! cargo run -p parallax-core --release --example compare_eval -- align CORPUS REFERENCE
//! cargo run -p parallax-core --release --example compare_eval -- conflicts CORPUS REFERENCE
//! cargo run -p parallax-core --release --example compare_eval -- scan EVENTS_FOLDER [odd|even]
//! ```
//!
//! `scan` lists, for the odd-numbered (default; rules were looked at on these) or the
//! even-numbered topics of an events-layout folder (`events.json` with
//! `event` and `topic`), every conflict between two sentences the engine did not align: a check
//! for false alarms of the rules for unaligned sentences on text outside the reference.
//!
//! `sentences` writes, for each named BASIL event (a `triplet-uuid`), one file per article listing
//! its sentences numbered as the engine splits them: what the references are written against.
//!
//! `align` prints precision, recall and alignment error rate per split. Its reference holds sure
//! (`S`) and possible (`P`) links between sentence numbers, as in the word-alignment literature
//! (Och and Ney 2003): precision counts a predicted link right when it is sure or possible, recall
//! counts the sure links found, and AER = 1 - (|A∩S| + |A∩P|) / (|A| + |S|).
//!
//! `conflicts` prints precision and recall of the conflicts of facts (every kind but `quote`, which
//! the reference does not cover): an engine conflict is right when the reference names the same
//! two sentences.

#[path = "support/basil.rs"]
mod basil;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use parallax_core::compare::compare;
use similar::{capture_diff_slices, Algorithm, DiffOp};

type Link = (usize, usize);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sentences") if args.len() >= 4 => write_sentences(
            &PathBuf::from(&args[1]),
            &PathBuf::from(&args[2]),
            &args[3..],
        ),
        Some("align") if args.len() == 3 => {
            score_alignment(&PathBuf::from(&args[1]), &PathBuf::from(&args[2]))
        }
        Some("conflicts") if args.len() == 3 => {
            score_conflicts(&PathBuf::from(&args[1]), &PathBuf::from(&args[2]))
        }
        Some("scan") if args.len() == 2 => scan_unaligned(&PathBuf::from(&args[1]), 1),
        Some("scan") if args.len() == 3 && args[2] == "odd" => {
            scan_unaligned(&PathBuf::from(&args[1]), 1)
        }
        Some("scan") if args.len() == 3 && args[2] == "even" => {
            scan_unaligned(&PathBuf::from(&args[1]), 0)
        }
        _ => {
            eprintln!("usage: compare_eval sentences CORPUS OUT EVENT... | compare_eval align|conflicts CORPUS REFERENCE");
            std::process::exit(2);
        }
    }
}

/// The event's articles as (source, text), in file-name order.
fn event_articles(corpus: &[basil::BasilArticle], event: &str) -> Vec<(String, String)> {
    corpus
        .iter()
        .filter(|a| a.event == event)
        .map(|a| (a.source.clone(), a.text()))
        .collect()
}

fn read_corpus(folder: &Path) -> Vec<basil::BasilArticle> {
    basil::read_folder(folder).unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()))
}

fn write_sentences(folder: &Path, out: &Path, events: &[String]) {
    let corpus = read_corpus(folder);
    std::fs::create_dir_all(out).expect("create the output folder");
    for event in events {
        let articles = event_articles(&corpus, event);
        assert!(!articles.is_empty(), "no article of event {event}");
        let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        let comparison = compare(&texts);
        for ((source, _), sentences) in articles.iter().zip(&comparison.sentences) {
            let mut listing = format!("# {event} {source}: {} sentences\n", sentences.len());
            for (i, sentence) in sentences.iter().enumerate() {
                listing.push_str(&format!("{i}\t{}\n", sentence.text.replace('\n', " ")));
            }
            let file = out.join(format!("{event}_{source}.txt"));
            std::fs::write(&file, listing).expect("write a sentence listing");
            println!("{}", file.display());
        }
    }
}

/// The lines of a reference file that say something (comments after `#` and blank lines left
/// out), each with `FILE:LINE` to name it in an error.
fn reference_lines(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter_map(|(number, raw)| {
            let line = raw.split('#').next().unwrap_or("").trim();
            (!line.is_empty()).then(|| {
                (
                    line.to_string(),
                    format!("{}:{}", path.display(), number + 1),
                )
            })
        })
        .collect()
}

/// One pair's block of the reference.
struct RefPair {
    event: String,
    left: String,
    right: String,
    split: String,
    counts: (usize, usize),
    sure: HashSet<Link>,
    possible: HashSet<Link>,
}

/// Reads blocks of the form
/// `== EVENT LEFT(COUNT) RIGHT(COUNT) SPLIT` then lines `S 3 5` / `P 4 6,7` (`#` starts a comment).
/// A sure link is also possible.
fn read_reference(path: &Path) -> Vec<RefPair> {
    let mut pairs: Vec<RefPair> = Vec::new();
    for (line, place) in reference_lines(path) {
        let line = line.as_str();
        let bad = || panic!("{place}: cannot read {line:?}");
        if let Some(header) = line.strip_prefix("==") {
            let fields: Vec<&str> = header.split_whitespace().collect();
            let [event, left, right, split] = fields[..] else {
                bad()
            };
            let side = |field: &str| -> (String, usize) {
                let (name, count) = field.split_once('(').unwrap_or_else(|| bad());
                let count = count
                    .trim_end_matches(')')
                    .parse()
                    .unwrap_or_else(|_| bad());
                (name.to_string(), count)
            };
            let ((left, left_count), (right, right_count)) = (side(left), side(right));
            pairs.push(RefPair {
                event: event.to_string(),
                left,
                right,
                split: split.to_string(),
                counts: (left_count, right_count),
                sure: HashSet::new(),
                possible: HashSet::new(),
            });
            continue;
        }
        let Some(pair) = pairs.last_mut() else { bad() };
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [kind, lefts, rights] = fields[..] else {
            bad()
        };
        let numbers = |field: &str| -> Vec<usize> {
            field
                .split(',')
                .map(|n| n.parse().unwrap_or_else(|_| bad()))
                .collect()
        };
        for &i in &numbers(lefts) {
            for &j in &numbers(rights) {
                match kind {
                    "S" => {
                        pair.sure.insert((i, j));
                        pair.possible.insert((i, j));
                    }
                    "P" => {
                        pair.possible.insert((i, j));
                    }
                    _ => bad(),
                }
            }
        }
    }
    pairs
}

#[derive(Default, Clone, Copy)]
struct Tally {
    predicted: usize,
    sure: usize,
    predicted_possible: usize,
    predicted_sure: usize,
}

impl Tally {
    fn add(&mut self, predicted: &HashSet<Link>, pair: &RefPair) {
        self.predicted += predicted.len();
        self.sure += pair.sure.len();
        self.predicted_possible += predicted.intersection(&pair.possible).count();
        self.predicted_sure += predicted.intersection(&pair.sure).count();
    }

    fn row(&self, split: &str, system: &str) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.predicted_possible, self.predicted);
        let recall = ratio(self.predicted_sure, self.sure);
        let aer = 1.0
            - ratio(
                self.predicted_sure + self.predicted_possible,
                self.predicted + self.sure,
            );
        format!(
            "{split:<10} {system:<22} {:>5} {:>5} {:>6.2} {:>6.2} {:>6.2}",
            self.predicted, self.sure, precision, recall, aer
        )
    }
}

/// Text as a line-based diff tool compares it once each sentence is on a line of its own: exact,
/// apart from surrounding white space.
fn line_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The links a side-by-side diff (Meld, Beyond Compare, `git diff` in a side-by-side viewer) shows
/// between two articles laid out one sentence a line: equal lines, and with `paired`, the lines of
/// a changed block set beside each other in order.
fn diff_links(left: &[String], right: &[String], paired: bool) -> HashSet<Link> {
    let mut links = HashSet::new();
    for op in capture_diff_slices(Algorithm::Myers, left, right) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => links.extend((0..len).map(|k| (old_index + k, new_index + k))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } if paired => {
                links.extend((0..old_len.min(new_len)).map(|k| (old_index + k, new_index + k)))
            }
            _ => {}
        }
    }
    links
}

fn score_alignment(folder: &Path, reference: &Path) {
    let corpus = read_corpus(folder);
    let pairs = read_reference(reference);
    let mut by_event: BTreeMap<&str, Vec<&RefPair>> = BTreeMap::new();
    for pair in &pairs {
        by_event.entry(pair.event.as_str()).or_default().push(pair);
    }
    const SYSTEMS: [&str; 3] = ["parallax", "diff: equal lines", "diff: side by side"];
    let mut tallies: BTreeMap<(String, &str), Tally> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    for (event, refs) in &by_event {
        let articles = event_articles(&corpus, event);
        let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        let comparison = compare(&texts);
        let index_of = |source: &str| -> usize {
            articles
                .iter()
                .position(|(s, _)| s == source)
                .unwrap_or_else(|| panic!("event {event} has no article from {source}"))
        };
        for pair in refs {
            let (l, r) = (index_of(&pair.left), index_of(&pair.right));
            let (ls, rs) = (&comparison.sentences[l], &comparison.sentences[r]);
            assert_eq!(
                (ls.len(), rs.len()),
                pair.counts,
                "{event} {}/{}: the sentence split is not the one the reference was written on",
                pair.left,
                pair.right
            );
            let mut predicted: HashMap<&str, HashSet<Link>> = HashMap::new();
            let found = comparison
                .pairs
                .iter()
                .find(|p| (p.left, p.right) == (l, r) || (p.left, p.right) == (r, l))
                .expect("every pair is compared");
            let flip = found.left != l;
            let mut ours = HashSet::new();
            for alignment in &found.alignments {
                for &i in &alignment.left {
                    for &j in &alignment.right {
                        ours.insert(if flip { (j, i) } else { (i, j) });
                    }
                }
            }
            let lines = |s: &[parallax_core::text::Sentence]| -> Vec<String> {
                s.iter().map(|s| line_key(&s.text)).collect()
            };
            let (left_lines, right_lines) = (lines(ls), lines(rs));
            predicted.insert(SYSTEMS[1], diff_links(&left_lines, &right_lines, false));
            predicted.insert(SYSTEMS[2], diff_links(&left_lines, &right_lines, true));
            for link in pair.sure.difference(&ours).collect::<BTreeSet<_>>() {
                errors.push(format!(
                    "{event} {}/{} missed S {} {}\n   L: {}\n   R: {}",
                    pair.left, pair.right, link.0, link.1, ls[link.0].text, rs[link.1].text
                ));
            }
            for link in ours.difference(&pair.possible).collect::<BTreeSet<_>>() {
                errors.push(format!(
                    "{event} {}/{} wrong {} {}\n   L: {}\n   R: {}",
                    pair.left, pair.right, link.0, link.1, ls[link.0].text, rs[link.1].text
                ));
            }
            predicted.insert(SYSTEMS[0], ours);
            for system in SYSTEMS {
                for split in [pair.split.as_str(), "all"] {
                    tallies
                        .entry((split.to_string(), system))
                        .or_default()
                        .add(&predicted[system], pair);
                }
            }
        }
    }
    println!(
        "{:<10} {:<22} {:>5} {:>5} {:>6} {:>6} {:>6}",
        "split", "system", "links", "sure", "P", "R", "AER"
    );
    for ((split, system), tally) in &tallies {
        println!("{}", tally.row(split, system));
    }
    if std::env::var_os("EVAL_ERRORS").is_some() {
        for line in &errors {
            println!("{line}");
        }
    }
}

/// One conflict of the reference: the outlets and sentence numbers of its two sides.
struct RefConflict {
    kind: String,
    sides: [(String, usize); 2],
}

/// Reads blocks of the form `== EVENT` then lines `C KIND LEFT i RIGHT j` (`#` starts a comment).
fn read_conflict_reference(path: &Path) -> BTreeMap<String, (String, Vec<RefConflict>)> {
    let mut events: BTreeMap<String, (String, Vec<RefConflict>)> = BTreeMap::new();
    let mut current: Option<String> = None;
    for (line, place) in reference_lines(path) {
        let line = line.as_str();
        let bad = || panic!("{place}: cannot read {line:?}");
        if let Some(header) = line.strip_prefix("==") {
            let [event, split] = header.split_whitespace().collect::<Vec<_>>()[..] else {
                bad()
            };
            events
                .entry(event.to_string())
                .or_insert_with(|| (split.to_string(), Vec::new()));
            current = Some(event.to_string());
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let (["C", kind, left, i, right, j], Some(event)) = (&fields[..], &current) else {
            bad()
        };
        let n = |s: &str| -> usize { s.parse().unwrap_or_else(|_| bad()) };
        events
            .get_mut(event)
            .expect("block opened")
            .1
            .push(RefConflict {
                kind: kind.to_string(),
                sides: [(left.to_string(), n(i)), (right.to_string(), n(j))],
            });
    }
    events
}

/// What one split of the conflict reference scores.
#[derive(Default)]
struct ConflictTally {
    events: usize,
    found: usize,
    right: usize,
    listed: usize,
    recalled: usize,
    /// Reference conflicts whose two sentences the engine did not align, and those found.
    unaligned: usize,
    unaligned_recalled: usize,
}

fn score_conflicts(folder: &Path, reference: &Path) {
    let corpus = read_corpus(folder);
    let events = read_conflict_reference(reference);
    let mut splits: BTreeMap<String, ConflictTally> = BTreeMap::new();
    let mut by_kind: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut errors: Vec<String> = Vec::new();
    for (event, (split, conflicts)) in &events {
        let tally = splits.entry(split.clone()).or_default();
        tally.events += 1;
        let articles = event_articles(&corpus, event);
        assert!(!articles.is_empty(), "no article of event {event}");
        let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        let comparison = compare(&texts);
        let side = |(source, sentence): &(String, usize)| -> (usize, usize) {
            let article = articles
                .iter()
                .position(|(s, _)| s == source)
                .unwrap_or_else(|| panic!("event {event} has no article from {source}"));
            assert!(
                *sentence < comparison.sentences[article].len(),
                "{event} {source} has no sentence {sentence}"
            );
            (article, *sentence)
        };
        let aligned = |x: (usize, usize), y: (usize, usize)| {
            let ((a, i), (b, j)) = if x.0 < y.0 { (x, y) } else { (y, x) };
            comparison.pairs.iter().any(|p| {
                (p.left, p.right) == (a, b)
                    && p.alignments
                        .iter()
                        .any(|al| al.left.contains(&i) && al.right.contains(&j))
            })
        };
        // Each conflict as the set of its two (article, sentence) sides.
        let reference: Vec<BTreeSet<(usize, usize)>> = conflicts
            .iter()
            .map(|c| c.sides.iter().map(side).collect())
            .collect();
        let mut matched = vec![false; reference.len()];
        for pair in &comparison.pairs {
            for conflict in pair.conflicts.iter().filter(|c| c.kind != "quote") {
                let sides: BTreeSet<(usize, usize)> = [
                    (pair.left, conflict.left_sentence),
                    (pair.right, conflict.right_sentence),
                ]
                .into();
                tally.found += 1;
                let hit = reference.iter().position(|r| *r == sides);
                let kind = by_kind.entry(conflict.kind.clone()).or_default();
                kind.0 += 1;
                if let Some(k) = hit {
                    tally.right += 1;
                    kind.1 += 1;
                    matched[k] = true;
                } else {
                    errors.push(format!(
                        "{event} ({split}) not in the reference: {} {:?} / {:?}\n   L: {}\n   R: {}",
                        conflict.kind,
                        conflict.left,
                        conflict.right,
                        comparison.sentences[pair.left][conflict.left_sentence].text,
                        comparison.sentences[pair.right][conflict.right_sentence].text
                    ));
                }
            }
        }
        tally.listed += reference.len();
        tally.recalled += matched.iter().filter(|&&m| m).count();
        for (c, found) in conflicts.iter().zip(&matched) {
            if !aligned(side(&c.sides[0]), side(&c.sides[1])) {
                tally.unaligned += 1;
                tally.unaligned_recalled += usize::from(*found);
            }
        }
        for (c, _) in conflicts.iter().zip(&matched).filter(|(_, m)| !**m) {
            let text = |s: &(String, usize)| {
                let (a, i) = side(s);
                comparison.sentences[a][i].text.clone()
            };
            errors.push(format!(
                "{event} ({split}) missed {} {} {} / {} {}\n   L: {}\n   R: {}",
                c.kind,
                c.sides[0].0,
                c.sides[0].1,
                c.sides[1].0,
                c.sides[1].1,
                text(&c.sides[0]),
                text(&c.sides[1])
            ));
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    for (split, t) in &splits {
        println!(
            "{split}: {} events, {} conflicts in the reference ({} between unaligned sentences); the engine reports {} (quotes aside)",
            t.events, t.listed, t.unaligned, t.found
        );
        let precision = if t.found == 0 {
            "none reported".to_string()
        } else {
            format!(
                "{:.2} ({} of {})",
                ratio(t.right, t.found),
                t.right,
                t.found
            )
        };
        println!(
            "  precision {precision}, recall {:.2} ({} of {}); unaligned found {} of {}; not in the reference {}",
            ratio(t.recalled, t.listed),
            t.recalled,
            t.listed,
            t.unaligned_recalled,
            t.unaligned,
            t.found - t.right
        );
    }
    for (kind, (all, good)) in &by_kind {
        println!("  {kind:<10} reported {all:>3}, in the reference {good:>3}");
    }
    if std::env::var_os("EVAL_ERRORS").is_some() {
        for line in &errors {
            println!("{line}");
        }
    }
}

/// Prints the conflicts between unaligned sentences of the events of the topics whose number
/// leaves `parity` when halved.
fn scan_unaligned(folder: &Path, parity: u64) {
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(folder.join("events.json")).expect("read events.json"),
    )
    .expect("events.json is JSON");
    let mut events: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (file, meta) in index.as_object().expect("an object") {
        if meta["topic"].as_u64().is_some_and(|t| t % 2 == parity) {
            let event = meta["event"].as_str().unwrap_or_default().to_string();
            events.entry(event).or_default().push(file.clone());
        }
    }
    let mut count = 0;
    for (event, files) in &events {
        // The body: the title, `Source:` and `Published:` lines left out.
        let texts: Vec<String> = files
            .iter()
            .map(|f| {
                let raw = std::fs::read_to_string(folder.join(f)).expect("read an article");
                raw.lines()
                    .skip(1)
                    .filter(|l| !l.starts_with("Source:") && !l.starts_with("Published:"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare(&refs);
        for pair in &comparison.pairs {
            for c in pair.conflicts.iter().filter(|c| c.kind != "quote") {
                let aligned = pair.alignments.iter().any(|al| {
                    al.left.contains(&c.left_sentence) && al.right.contains(&c.right_sentence)
                });
                if aligned {
                    continue;
                }
                count += 1;
                println!(
                    "{event} {} / {}: {} {:?} / {:?}\n   L: {}\n   R: {}",
                    files[pair.left],
                    files[pair.right],
                    c.kind,
                    c.left,
                    c.right,
                    comparison.sentences[pair.left][c.left_sentence].text,
                    comparison.sentences[pair.right][c.right_sentence].text
                );
            }
        }
    }
    println!(
        "{} events, {count} conflicts between unaligned sentences",
        events.len()
    );
}
