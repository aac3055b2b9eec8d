//! Measures the library at scale on generated articles: bulk import into a fresh library,
//! search latency, listing, events, and assigning one more article to an event.
//!
//! ```text
//! cargo run --release -p parallax-library --example bench -- [ARTICLES (default 10000)]
//! ```
//!
//! With `PARALLAX_BENCH_LIBRARY=FILE` the library is written to FILE and kept.
//!
//! The articles are plain-text files written to a temporary folder: stories of three reports
//! each, with words drawn from a generated vocabulary with a Zipf-like distribution, dated over
//! two years.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use parallax_core::events::{ArticleProfile, EventIndex};
use parallax_library::{Library, SearchOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let folder = tempfile::tempdir()?;
    let mut random = Random(0x5eed);
    let vocabulary = vocabulary(&mut random, 20_000);
    let articles_folder = folder.path().join("articles");
    std::fs::create_dir(&articles_folder)?;
    let started = Instant::now();
    let mut files = Vec::with_capacity(count);
    let mut profiles = Vec::with_capacity(count);
    for story in 0..count.div_ceil(3) {
        let topic: Vec<&str> = (0..12)
            .map(|_| vocabulary[random.below(vocabulary.len())].as_str())
            .collect();
        let day = story * 730 / count.div_ceil(3).max(1);
        for outlet in 0..3.min(count - story * 3) {
            let (title, text) = article(&mut random, &vocabulary, &topic);
            let date = format!(
                "{}-{:02}-{:02}",
                2024 + day / 365,
                day % 365 / 31 % 12 + 1,
                day % 31 % 28 + 1
            );
            let path = articles_folder.join(format!("{story:06}-{outlet}.txt"));
            std::fs::write(&path, format!("{title}\n\n{text}"))?;
            profiles.push(ArticleProfile::new(&title, &text, Some(&date)));
            files.push(path);
        }
    }
    println!(
        "generated {} articles in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );

    // PARALLAX_BENCH_LIBRARY names a file to keep the library in, to look at it afterwards.
    let library_path = std::env::var_os("PARALLAX_BENCH_LIBRARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| folder.path().join("library.sqlite3"));
    if library_path.exists() {
        return Err(format!("{} exists already", library_path.display()).into());
    }
    let library = Library::open(&library_path)?;
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let writer_before = cpu_seconds_of("/proc/thread-self/stat");
    let report = library.import_paths(
        std::slice::from_ref(&articles_folder),
        &mut |_| {},
        &AtomicBool::new(false),
    );
    let elapsed = started.elapsed();
    // This thread is the import's one writer (extraction runs on other threads).
    let writer = cpu_seconds_of("/proc/thread-self/stat")
        .zip(writer_before)
        .map(|(after, before)| after - before);
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    assert_eq!(
        report.imported.len(),
        files.len(),
        "failed: {:?}",
        report.failed.first()
    );
    println!(
        "bulk import: {} articles in {:.2} s = {:.0} articles/s{}",
        report.imported.len(),
        elapsed.as_secs_f64(),
        report.imported.len() as f64 / elapsed.as_secs_f64(),
        cpu.map(|cpu| format!(
            " ({cpu:.2} s of CPU time on {} cores: {:.0} articles per CPU-second)",
            std::thread::available_parallelism().map_or(1, |n| n.get()),
            report.imported.len() as f64 / cpu
        ))
        .unwrap_or_default()
    );
    if let Some(writer) = writer {
        println!(
            "  the writer thread (grouping + SQLite) used {writer:.2} s of CPU: {:.0} articles/s when it has a core to itself",
            report.imported.len() as f64 / writer
        );
    }

    let queries: Vec<String> = (0..200)
        .map(|i| {
            let word = &vocabulary[random.below(2_000)];
            if i % 2 == 0 {
                word.clone()
            } else {
                format!("{word} {}", &vocabulary[random.below(200)][..3])
            }
        })
        .collect();
    let mut hits = 0;
    let search = time_each(&queries, |q| {
        hits += library
            .find_articles(q, &SearchOptions::default(), 0)
            .map(|page| page.articles.len())
            .unwrap_or(0)
    });
    println!(
        "search: median {:.2} ms, 95th percentile {:.2} ms over {} queries ({} hits)",
        ms(search.0),
        ms(search.1),
        queries.len(),
        hits
    );

    let list = time_each(&[(); 5], |_| {
        drop(library.find_articles("", &SearchOptions::every_article(), 0))
    });
    println!("list all articles: median {:.1} ms", ms(list.0));
    let events = time_each(&[(); 5], |_| drop(library.events()));
    println!(
        "list events: median {:.1} ms ({} events)",
        ms(events.0),
        library.events()?.len()
    );

    let mut index = EventIndex::new();
    for (i, profile) in profiles.iter().enumerate() {
        index.insert(i as i64, i as i64 / 3, profile);
    }
    let probes: Vec<ArticleProfile> = (0..200)
        .map(|i| {
            let (title, text) = article(&mut random, &vocabulary, &[vocabulary[i].as_str()]);
            ArticleProfile::new(&title, &text, Some("2025-06-01"))
        })
        .collect();
    // As import does: place the article, then look at the event it joined for two stories.
    let assign = time_each(&probes, |p| {
        if let Some(event) = index.assign(p).event {
            drop(index.split_of(event));
        }
    });
    println!("assign one article to an event (index in memory): median {:.3} ms, 95th percentile {:.3} ms", ms(assign.0), ms(assign.1));
    // The second pass at its largest: an event of as many members as it looks at.
    for (i, profile) in probes.iter().take(40).enumerate() {
        index.insert(-1 - i as i64, -1, profile);
    }
    let split = time_each(&[(); 20], |_| drop(index.split_of(-1)));
    println!(
        "second pass over an event of 40 articles: median {:.3} ms, 95th percentile {:.3} ms",
        ms(split.0),
        ms(split.1)
    );

    let one_more = folder.path().join("one-more.txt");
    let (title, text) = article(&mut random, &vocabulary, &[vocabulary[7].as_str()]);
    std::fs::write(&one_more, format!("{title}\n\n{text}"))?;
    let started = Instant::now();
    let report = library.import_paths(&[one_more], &mut |_| {}, &AtomicBool::new(false));
    assert_eq!(report.imported.len(), 1);
    println!(
        "import one more file into the full library (loads the event index): {:.0} ms",
        ms(started.elapsed())
    );

    drop(library);
    let size: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            std::fs::metadata(PathBuf::from(format!("{}{suffix}", library_path.display()))).ok()
        })
        .map(|m| m.len())
        .sum();
    println!(
        "library file: {:.1} MB for {} articles",
        size as f64 / 1e6,
        files.len() + 1
    );
    Ok(())
}

/// Median and 95th percentile of the time one call takes, over every item.
fn time_each<T>(items: &[T], mut call: impl FnMut(&T)) -> (Duration, Duration) {
    let mut times: Vec<Duration> = items
        .iter()
        .map(|item| {
            let started = Instant::now();
            call(item);
            started.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() * 95 / 100])
}

/// CPU time (user and system) this process has used, where the system tells it (Linux).
fn cpu_seconds() -> Option<f64> {
    cpu_seconds_of("/proc/self/stat")
}

/// CPU time of a process or thread from its `stat` file.
fn cpu_seconds_of(stat: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(stat).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// A headline and three paragraphs: topic words often, background words by a Zipf-like law.
fn article(random: &mut Random, vocabulary: &[String], topic: &[&str]) -> (String, String) {
    let pick = |random: &mut Random| -> String {
        if random.below(5) == 0 {
            topic[random.below(topic.len())].to_string()
        } else {
            let rank = (vocabulary.len() as f64).powf(random.unit().powi(2)) as usize;
            vocabulary[rank.min(vocabulary.len() - 1)].clone()
        }
    };
    let mut title = String::new();
    for i in 0..7 {
        let word = pick(random);
        let _ = write!(
            title,
            "{}{}",
            if i == 0 { "" } else { " " },
            capitalise(&word)
        );
    }
    let mut text = String::new();
    for paragraph in 0..3 {
        if paragraph > 0 {
            text.push_str("\n\n");
        }
        for sentence in 0..4 {
            if sentence > 0 {
                text.push(' ');
            }
            for i in 0..20 {
                let word = pick(random);
                let _ = write!(
                    text,
                    "{}{}",
                    if i == 0 { "" } else { " " },
                    if i == 0 { capitalise(&word) } else { word }
                );
            }
            text.push('.');
        }
    }
    (title, text)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Pronounceable made-up words, distinct.
fn vocabulary(random: &mut Random, size: usize) -> Vec<String> {
    const ONSETS: &[&str] = &[
        "b", "br", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v", "z",
    ];
    const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::with_capacity(size);
    while words.len() < size {
        let syllables = 2 + random.below(3);
        let word: String = (0..syllables)
            .map(|_| {
                format!(
                    "{}{}",
                    ONSETS[random.below(ONSETS.len())],
                    VOWELS[random.below(VOWELS.len())]
                )
            })
            .collect();
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

/// A small deterministic generator (xorshift), enough for test data.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
