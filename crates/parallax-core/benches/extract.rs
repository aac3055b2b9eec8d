//! Extraction speed: saved pages per second on one core, for Parallax's `ingest::extract` and
//! for the extractors it was compared with (those need `--features compare-extractors`).
//!
//! ```text
//! cargo bench -p parallax-core --bench extract [--features compare-extractors]
//! PARALLAX_PAGES=/path/to/readability-pages cargo bench -p parallax-core --bench extract
//! ```
//!
//! Pages come from `PARALLAX_PAGES`, else the Readability pages of the development corpus beside
//! the repository, else this crate's own fixtures.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let pages = load_pages();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!("{} pages, {:.1} MB", pages.len(), bytes as f64 / 1e6);
    measure("parallax ingest::extract", &pages, |page| {
        parallax_core::ingest::extract(page, "page.html")
            .map(|a| a.text.len())
            .unwrap_or(0)
    });
    measure(
        "dom_smoothie alone (no metadata, raw text)",
        &pages,
        |page| {
            let html = String::from_utf8_lossy(page);
            dom_smoothie::Readability::new(html.as_ref(), None, None)
                .ok()
                .and_then(|mut r| r.parse().ok())
                .map_or(0, |a| a.text_content.len())
        },
    );
    #[cfg(feature = "compare-extractors")]
    {
        measure("rs-trafilatura", &pages, |page| {
            rs_trafilatura::extract_bytes(page).map_or(0, |r| r.content_text.len())
        });
        measure("readabilityrs", &pages, |page| {
            let html = String::from_utf8_lossy(page);
            readabilityrs::Readability::new(html.as_ref(), None, None)
                .ok()
                .and_then(|r| r.parse())
                .and_then(|a| a.text_content)
                .map_or(0, |t| t.len())
        });
    }
}

/// Runs `extract` over every page, repeating for at least two seconds, and prints pages per
/// second of wall time and, on Linux, per second of this thread's CPU time: the machine may be
/// shared, and CPU time is what one core spent.
fn measure(name: &str, pages: &[Vec<u8>], extract: impl Fn(&[u8]) -> usize) {
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let (mut rounds, mut sink) = (0usize, 0usize);
    while rounds == 0 || start.elapsed() < Duration::from_secs(2) {
        for page in pages {
            sink = sink.wrapping_add(std::hint::black_box(extract(page)));
        }
        rounds += 1;
    }
    let seconds = start.elapsed().as_secs_f64();
    let done = (pages.len() * rounds) as f64;
    let cpu = match (cpu_start, thread_cpu_seconds()) {
        (Some(before), Some(after)) if after > before => {
            format!("{:>8.1} pages/CPU-s", done / (after - before))
        }
        _ => String::from("(no CPU time)"),
    };
    println!(
        "{name:<45} {:>8.1} pages/s wall, {cpu} ({rounds} rounds, {sink} chars)",
        done / seconds
    );
}

/// CPU time this thread has used, from `/proc/thread-self/stat` (user + system ticks of 1/100 s).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn load_pages() -> Vec<Vec<u8>> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("PARALLAX_PAGES")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            manifest.join("../../../shared/corpus/readability-pages"),
            manifest.join("tests/fixtures/ingest"),
        ])
        .collect();
    for folder in candidates {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&folder) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .map(|p| if p.is_dir() { p.join("source.html") } else { p })
                .filter(|p| p.extension().is_some_and(|e| e == "html") && p.is_file())
                .collect(),
            Err(_) => continue,
        };
        files.sort();
        if !files.is_empty() {
            println!("pages from {}", folder.display());
            return files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        }
    }
    eprintln!("no pages found: set PARALLAX_PAGES to a folder of saved pages");
    std::process::exit(1);
}
