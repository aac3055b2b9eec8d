//! Measures article extraction on a folder of saved pages with reference output, such as the
//! Readability test pages: each sub-folder holds `source.html`, `expected.html` (the article body)
//! and `expected-metadata.json` (`title`, `byline`, `siteName`, `publishedTime`, `lang`).
//!
//! Prints body F1 over 4-word shingles (mean and median), metadata agreement per field, and pages
//! per second on one core, for Parallax and, with `--features compare-extractors`, for the other
//! extractors that were compared.
//!
//! ```text
//! cargo run --release -p parallax-core --example extract_eval -- ../shared/corpus/readability-pages [--pages] [--show PAGE]
//! ```
//!
//! A folder with `truth.json` is read as the news-pages corpus instead (`pages/<id>.html`, the
//! expected body per id, source sets and must / must-not snippets): precision, recall and F1 per
//! split (development, held-out) and source set, and the snippet pass rates. `--only NAME` runs
//! one extractor; `--scores FILE` writes each development page's scores to `FILE.<extractor>`;
//! `--errors N` lists, for the N development pages of lowest precision, the
//! paragraphs kept that the expected body does not hold (held-out pages are never listed);
//! `--dump DIR` writes each development page's body to `DIR/<extractor>/<id>.txt`.
//!
//! ```text
//! cargo run --release -p parallax-core --example extract_eval --features compare-extractors -- /work/data/news-pages [--only parallax] [--errors 30] [--show ID]
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use dom_query::{Document, NodeRef};
use serde_json::Value;

#[path = "support/news_pages.rs"]
mod news_pages;

struct Page {
    name: String,
    source: Vec<u8>,
    expected_text: String,
    expected: Value,
}

/// What one extractor returns for a page: body text and, when it reads them, metadata fields.
#[derive(Default)]
struct Output {
    text: String,
    title: Option<String>,
    byline: Option<String>,
    site: Option<String>,
    published: Option<String>,
    lang: Option<String>,
}

type Extractor = fn(&[u8]) -> Output;

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| "../shared/corpus/readability-pages".into());
    let rest: Vec<String> = args.collect();
    let per_page = rest.iter().any(|a| a == "--pages");
    if let Some(pages) = news_pages::load(&folder) {
        evaluate_news_pages(&pages, &rest);
        return;
    }
    let pages = load(&folder);
    if let Some(name) = rest
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| rest.get(i + 1))
    {
        // Prints one page's extracted and reference text, to see where they differ.
        let page = pages
            .iter()
            .find(|p| &p.name == name)
            .expect("no such page");
        println!(
            "--- parallax\n{}\n--- reference\n{}",
            parallax(&page.source).text,
            page.expected_text
        );
        return;
    }
    if pages.is_empty() {
        eprintln!(
            "no pages with source.html and expected.html under {}",
            folder.display()
        );
        std::process::exit(1);
    }
    println!("{} pages from {}", pages.len(), folder.display());
    let extractors: Vec<(&str, Extractor)> = [
        ("parallax", parallax as Extractor),
        ("dom_smoothie (raw text)", smoothie_text),
    ]
    .into_iter()
    .chain(compared_extractors())
    .collect();
    for (name, extract) in extractors {
        evaluate(name, extract, &pages, per_page);
    }
}

/// The value after `flag` among the arguments.
fn option<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// Which source sets a row of the news-pages table counts.
type SetFilter = fn(&str) -> bool;

/// Scores every extractor on the news-pages corpus, per split and source set.
fn evaluate_news_pages(pages: &[news_pages::NewsPage], args: &[String]) {
    if let Some(id) = option(args, "--show") {
        let page = pages.iter().find(|p| p.id == id).expect("no such page");
        println!(
            "--- parallax\n{}\n--- reference\n{}",
            parallax(&page.source).text,
            page.truth
        );
        return;
    }
    let held_out = pages.iter().filter(|p| p.held_out).count();
    println!(
        "{} pages: {} development, {held_out} held out (FNV-1a of the domain, else the id, odd = held out)",
        pages.len(),
        pages.len() - held_out
    );
    let only = option(args, "--only");
    let extractors: Vec<(&str, Extractor)> = [
        ("parallax", parallax as Extractor),
        ("dom_smoothie (raw text)", smoothie_text),
    ]
    .into_iter()
    .chain(compared_extractors())
    .filter(|(name, _)| only.is_none_or(|o| name.starts_with(o)))
    .collect();
    let groups: [(&str, SetFilter); 5] = [
        ("news (big9+chaos)", |s| s == "big9" || s == "chaos"),
        ("  big9", |s| s == "big9"),
        ("  chaos", |s| s == "chaos"),
        ("broad mix (wcxb)", |s| s == "wcxb"),
        ("all", |_| true),
    ];
    for (name, extract) in extractors {
        let start = Instant::now();
        let outputs: Vec<String> = pages.iter().map(|p| extract(&p.source).text).collect();
        let seconds = start.elapsed().as_secs_f64();
        println!(
            "\n{name}: {:.1} pages/s on one core\n  {:<20} {:<9} {:>5} {:>6} {:>6} {:>6} {:>7} {:>8} {:>8}",
            pages.len() as f64 / seconds,
            "set",
            "split",
            "pages",
            "P",
            "R",
            "F1",
            ">=0.97",
            "must in",
            "must out"
        );
        let scores: Vec<(f64, f64, f64)> = pages
            .iter()
            .zip(&outputs)
            .map(|(p, o)| news_pages::shingle_scores(o, &p.truth))
            .collect();
        for (group, belongs) in groups {
            for (split, wanted) in [("dev", false), ("held-out", true)] {
                let chosen: Vec<usize> = (0..pages.len())
                    .filter(|&i| belongs(&pages[i].set) && pages[i].held_out == wanted)
                    .collect();
                if chosen.is_empty() {
                    continue;
                }
                let n = chosen.len() as f64;
                let mean = |f: fn(&(f64, f64, f64)) -> f64| {
                    chosen.iter().map(|&i| f(&scores[i])).sum::<f64>() / n
                };
                let at_goal = chosen.iter().filter(|&&i| scores[i].2 >= 0.97).count();
                let (mut with, mut with_total, mut without, mut without_total) = (0, 0, 0, 0);
                for &i in &chosen {
                    for s in &pages[i].with {
                        with_total += 1;
                        with += usize::from(news_pages::holds(&outputs[i], s));
                    }
                    for s in &pages[i].without {
                        without_total += 1;
                        without += usize::from(!news_pages::holds(&outputs[i], s));
                    }
                }
                let rate = |a: usize, b: usize| {
                    if b == 0 {
                        "-".to_string()
                    } else {
                        format!("{:.1}%", 100.0 * a as f64 / b as f64)
                    }
                };
                println!(
                    "  {group:<20} {split:<9} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>8} {:>8}",
                    chosen.len(),
                    mean(|s| s.0),
                    mean(|s| s.1),
                    mean(|s| s.2),
                    at_goal,
                    rate(with, with_total),
                    rate(without, without_total)
                );
            }
        }
        if let Some(file) = option(args, "--scores") {
            // One line per development page, to compare two runs page by page.
            let lines: String = pages
                .iter()
                .zip(&scores)
                .filter(|(p, _)| !p.held_out)
                .map(|(p, (pr, r, f))| format!("{} {} {pr:.3} {r:.3} {f:.3}\n", p.id, p.set))
                .collect();
            std::fs::write(
                format!("{file}.{}", name.split(' ').next().unwrap_or(name)),
                lines,
            )
            .expect("cannot write the scores");
        }
        if let Some(folder) = option(args, "--dump") {
            // Each development page's body, one file per page, to read rules off with other tools.
            let folder = Path::new(folder).join(name.split(' ').next().unwrap_or(name));
            std::fs::create_dir_all(&folder).expect("cannot make the dump folder");
            for (page, output) in pages.iter().zip(&outputs).filter(|(p, _)| !p.held_out) {
                std::fs::write(folder.join(format!("{}.txt", page.id)), output)
                    .expect("cannot write a dumped body");
            }
        }
        if name == "parallax" {
            if let Some(count) = option(args, "--errors").and_then(|n| n.parse::<usize>().ok()) {
                print_development_errors(pages, &outputs, &scores, count);
            }
        }
    }
}

/// For the `count` development pages of lowest precision, the paragraphs kept that the expected
/// body does not hold (fewer than half of their shingles in it).
fn print_development_errors(
    pages: &[news_pages::NewsPage],
    outputs: &[String],
    scores: &[(f64, f64, f64)],
    count: usize,
) {
    let mut development: Vec<usize> = (0..pages.len()).filter(|&i| !pages[i].held_out).collect();
    development.sort_by(|&a, &b| scores[a].0.total_cmp(&scores[b].0));
    for &i in development.iter().take(count) {
        let (p, r, f) = scores[i];
        println!(
            "\n== {} ({}) P {p:.3} R {r:.3} F1 {f:.3}",
            pages[i].id, pages[i].set
        );
        let truth = news_pages::shingles(&pages[i].truth);
        for paragraph in outputs[i].split("\n\n") {
            let own = news_pages::shingles(paragraph);
            let total: usize = own.values().sum();
            let held: usize = own
                .iter()
                .map(|(k, n)| (*n).min(truth.get(k).copied().unwrap_or(0)))
                .sum();
            if total > 0 && held * 2 < total {
                let shown: String = paragraph.chars().take(160).collect();
                println!("  + {}", shown.replace('\n', " / "));
            }
        }
    }
}

/// The other extractors, with `--features compare-extractors`.
fn compared_extractors() -> Vec<(&'static str, Extractor)> {
    #[cfg(feature = "compare-extractors")]
    return vec![
        ("rs-trafilatura", trafilatura),
        ("readabilityrs", readabilityrs),
    ];
    #[cfg(not(feature = "compare-extractors"))]
    Vec::new()
}

fn load(folder: &Path) -> Vec<Page> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .filter_map(|dir| {
            let source = std::fs::read(dir.join("source.html")).ok()?;
            let expected_html = std::fs::read_to_string(dir.join("expected.html")).ok()?;
            let expected = std::fs::read_to_string(dir.join("expected-metadata.json"))
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or(Value::Null);
            Some(Page {
                name: dir.file_name()?.to_string_lossy().into_owned(),
                source,
                expected_text: reference_text(&expected_html),
                expected,
            })
        })
        .collect()
}

fn evaluate(name: &str, extract: Extractor, pages: &[Page], per_page: bool) {
    let start = Instant::now();
    let outputs: Vec<Output> = pages.iter().map(|p| extract(&p.source)).collect();
    let seconds = start.elapsed().as_secs_f64();
    let mut scores: Vec<f64> = Vec::new();
    let mut agreement: HashMap<&str, (usize, usize)> = HashMap::new();
    // Fields an extractor fills where the reference has nothing to compare with.
    let mut beyond: HashMap<&str, usize> = HashMap::new();
    for (page, output) in pages.iter().zip(&outputs) {
        let score = shingle_f1(&output.text, &page.expected_text);
        if per_page {
            println!("  {:<40} F1 {score:.3}", page.name);
        }
        scores.push(score);
        let fields = [
            (
                "title",
                "title",
                &output.title,
                same_text as fn(&str, &str) -> bool,
            ),
            (
                "title (site suffix ignored)",
                "title",
                &output.title,
                same_headline,
            ),
            ("byline", "byline", &output.byline, same_byline),
            ("outlet", "siteName", &output.site, same_text),
            ("published", "publishedTime", &output.published, same_day),
            ("language", "lang", &output.lang, same_language),
        ];
        for (field, key, got, agrees) in fields {
            let Some(want) = page
                .expected
                .get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
            else {
                if got.is_some() {
                    *beyond.entry(field).or_default() += 1;
                }
                continue;
            };
            let entry = agreement.entry(field).or_default();
            entry.1 += 1;
            if got.as_deref().is_some_and(|g| agrees(g, want)) {
                entry.0 += 1;
            } else if per_page {
                println!("    {field}: got {got:?}, expected {want:?}");
            }
        }
    }
    scores.sort_by(|a, b| a.total_cmp(b));
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    let median = scores[scores.len() / 2];
    let at_goal = scores.iter().filter(|s| **s >= 0.97).count();
    println!(
        "{name}: body F1 mean {mean:.4}, median {median:.4}, {at_goal}/{} pages >= 0.97; {:.1} pages/s on one core",
        scores.len(),
        pages.len() as f64 / seconds
    );
    let mut fields: Vec<_> = agreement.into_iter().collect();
    fields.sort_by_key(|(f, _)| {
        [
            "title",
            "title (site suffix ignored)",
            "byline",
            "outlet",
            "published",
            "language",
        ]
        .iter()
        .position(|x| x == f)
    });
    let line: Vec<String> = fields
        .iter()
        .map(|(field, (agree, total))| {
            format!(
                "{field} {agree}/{total} ({:.0}%)",
                100.0 * *agree as f64 / *total as f64
            )
        })
        .collect();
    println!("  metadata agreement: {}", line.join(", "));
    let mut beyond: Vec<String> = beyond
        .into_iter()
        .map(|(f, n)| format!("{f} {n}"))
        .collect();
    beyond.sort();
    println!(
        "  filled where the reference has none: {}",
        beyond.join(", ")
    );
}

fn parallax(source: &[u8]) -> Output {
    match parallax_core::ingest::extract(source, "source.html") {
        Ok(article) => Output {
            text: article.text,
            title: Some(article.title),
            byline: article.byline,
            site: article.outlet,
            published: article.published,
            lang: article.language,
        },
        Err(_) => Output::default(),
    }
}

fn smoothie_text(source: &[u8]) -> Output {
    let html = String::from_utf8_lossy(source);
    let Ok(mut reader) = dom_smoothie::Readability::new(html.as_ref(), None, None) else {
        return Output::default();
    };
    match reader.parse() {
        Ok(article) => Output {
            text: article.text_content.to_string(),
            title: Some(article.title),
            byline: article.byline,
            site: article.site_name,
            published: article.published_time,
            lang: article.lang,
        },
        Err(_) => Output::default(),
    }
}

#[cfg(feature = "compare-extractors")]
fn trafilatura(source: &[u8]) -> Output {
    match rs_trafilatura::extract_bytes(source) {
        Ok(result) => Output {
            text: result.content_text,
            title: result.metadata.title,
            byline: result.metadata.author,
            site: result.metadata.sitename,
            published: result.metadata.date.map(|d| d.to_rfc3339()),
            lang: None,
        },
        Err(_) => Output::default(),
    }
}

#[cfg(feature = "compare-extractors")]
fn readabilityrs(source: &[u8]) -> Output {
    let html = String::from_utf8_lossy(source);
    let article = readabilityrs::Readability::new(html.as_ref(), None, None)
        .ok()
        .and_then(|r| r.parse());
    match article {
        Some(article) => Output {
            text: article
                .content
                .map(|c| reference_text(&c))
                .unwrap_or_default(),
            title: article.title,
            byline: article.byline,
            site: article.site_name,
            published: None,
            lang: None,
        },
        None => Output::default(),
    }
}

/// F1 of the 4-word shingles (lower-cased words) of `got` against `want`, counted as multisets.
fn shingle_f1(got: &str, want: &str) -> f64 {
    news_pages::shingle_scores(got, want).2
}

fn same_text(a: &str, b: &str) -> bool {
    let simple = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    simple(a) == simple(b)
}

/// Headlines agree when they are the same once the site name a reader view keeps after a
/// separator (`Title | Site`) is set aside: Parallax removes it on purpose.
fn same_headline(got: &str, want: &str) -> bool {
    let (got, want) = (got.trim().to_lowercase(), want.trim().to_lowercase());
    same_text(&got, &want)
        || want.strip_prefix(got.as_str()).is_some_and(|rest| {
            let rest = rest.trim_start();
            ["|", "-", "–", "—", "::", "»", "·"]
                .iter()
                .any(|s| rest.starts_with(s))
        })
}

/// Bylines agree when they name the same people, with or without a leading "By".
fn same_byline(a: &str, b: &str) -> bool {
    let simple = |s: &str| {
        let s = s
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        ["by ", "par "]
            .iter()
            .find_map(|p| s.strip_prefix(p).map(str::to_string))
            .unwrap_or(s)
    };
    simple(a) == simple(b)
}

/// Dates agree when they fall on the same UTC day (a moment with an offset is converted first).
fn same_day(a: &str, b: &str) -> bool {
    let day = |s: &str| match chrono::DateTime::parse_from_rfc3339(s.trim()) {
        Ok(moment) => moment
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d")
            .to_string(),
        Err(_) => s.trim().chars().take(10).collect(),
    };
    day(a) == day(b)
}

fn same_language(a: &str, b: &str) -> bool {
    let primary = |s: &str| {
        s.trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    primary(a) == primary(b)
}

/// The reference text of an expected page: one paragraph per block element.
fn reference_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "article",
        "aside",
        "blockquote",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ];
    let document = Document::from(html);
    let mut out = String::new();
    let mut stack: Vec<NodeRef> = vec![document.root()];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            out.push_str(&node.text());
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        if BLOCKS.contains(&name.as_str()) || name == "br" {
            out.push_str("\n\n");
        }
        stack.extend(node.children().into_iter().rev());
    }
    out
}
