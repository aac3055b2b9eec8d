//! The window's own figures, measured on the real app under WebDriver (as the window tests run
//! it): cold start to an interactive library, drawing the comparison of two articles of about
//! 2,000 words, and the memory of the idle window.
//!
//! ```text
//! xvfb-run -a cargo bench -p parallax-desktop --bench window
//! ```
//!
//! Cold start is counted from the moment the system started the app's process to the moment the
//! page had drawn the library list (`performance.mark('library-shown')`), both as wall-clock
//! times, so WebDriver's own start-up is not in it. Drawing is counted in the page, from the
//! click on Compare to the frame after the panes hold the aligned sentences. Memory is the
//! proportional set size (PSS) of the app and of its WebKit processes, read from /proc.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::App;

const RUNS: usize = 5;

/// The sample reports, paired with another outlet's report of the same story.
const PAIRS: &[(&str, &str)] = &[
    (
        "kyiv-delegation/01-northgate-wire.md",
        "kyiv-delegation/02-meridian-post.md",
    ),
    (
        "kyiv-delegation/03-continental-daily.md",
        "kyiv-delegation/04-lakeshore-ledger.md",
    ),
    (
        "harbour-bridge/01-wrenhaven-gazette.md",
        "harbour-bridge/02-harbour-city-bulletin.md",
    ),
    (
        "kyiv-delegation/00-original-report.md",
        "kyiv-delegation/04-lakeshore-ledger.md",
    ),
    (
        "harbour-bridge/02-harbour-city-bulletin.md",
        "harbour-bridge/03-coastline-radio-news.md",
    ),
    (
        "kyiv-delegation/02-meridian-post.md",
        "kyiv-delegation/01-northgate-wire.md",
    ),
];

/// Two long reports of the same stories by two outlets: each sample report's body, one after
/// the other, the second article telling the same stories in other outlets' words.
fn long_pair(folder: &Path) -> (PathBuf, PathBuf) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/parallax-library/samples");
    let body = |name: &str| {
        let text = std::fs::read_to_string(samples.join(name)).expect("a sample report");
        // Front matter and headline out: the body is what follows the first blank line after them.
        let text = text.rsplit("\n---\n").next().unwrap_or(&text).to_string();
        text.lines()
            .filter(|line| !line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut left = String::from("Long report, first outlet\n\n");
    let mut right = String::from("Long report, second outlet\n\n");
    for (a, b) in PAIRS {
        left.push_str(&body(a));
        left.push_str("\n\n");
        right.push_str(&body(b));
        right.push_str("\n\n");
    }
    let (a, b) = (
        folder.join("long-first.txt"),
        folder.join("long-second.txt"),
    );
    std::fs::write(&a, left).expect("write");
    std::fs::write(&b, right).expect("write");
    (a, b)
}

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--list") {
        // `cargo test --benches` asks the bench to list itself; it has no tests.
        return;
    }
    let folder = tempfile::tempdir().expect("temporary folder");
    let (first, second) = long_pair(folder.path());
    let words = |p: &Path| {
        std::fs::read_to_string(p)
            .map(|t| t.split_whitespace().count())
            .unwrap_or(0)
    };
    println!(
        "two reports of {} and {} words (the sample reports, one after the other)",
        words(&first),
        words(&second)
    );
    let mut starts = Vec::new();
    let mut draws = Vec::new();
    let mut memory = Vec::new();
    for _ in 0..RUNS {
        let app = App::start(&[first.display().to_string(), second.display().to_string()]).await;
        app.wait_for_all("library-item", 10).await;
        starts.push(cold_start(&app).await);
        draws.push(draw_comparison(&app).await);
        tokio::time::sleep(Duration::from_secs(3)).await;
        memory.push(idle_memory());
        app.close().await;
    }
    starts.sort();
    draws.sort();
    println!(
        "cold start to the library drawn: median {} ms (runs: {})  [goal 1,500 ms]",
        starts[RUNS / 2],
        join(&starts)
    );
    println!(
        "compare view of the two reports drawn: median {} ms (runs: {})  [goal 150 ms]",
        draws[RUNS / 2],
        join(&draws)
    );
    if let Some((app, web)) = memory.iter().flatten().min_by_key(|(a, w)| a + w) {
        println!(
            "idle memory (PSS) after showing that comparison: app {:.0} MB, WebKit processes {:.0} MB, {:.0} MB in all",
            *app as f64 / 1024.0,
            *web as f64 / 1024.0,
            (app + web) as f64 / 1024.0
        );
    } else {
        println!("idle memory: /proc did not tell");
    }
}

fn join(values: &[u64]) -> String {
    values
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Milliseconds from the app process's start to the page's `library-shown` mark.
async fn cold_start(app: &App) -> u64 {
    let deadline = Instant::now() + Duration::from_secs(30);
    let shown = loop {
        let value = app
            .script(
                "const m = performance.getEntriesByName('library-shown')[0];
                 return m ? performance.timeOrigin + m.startTime : null",
            )
            .await;
        if let Value::Number(n) = value {
            break n.as_f64().expect("a time");
        }
        assert!(
            Instant::now() < deadline,
            "the page never marked the library shown"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let pid = app_pid().expect("the app's process");
    let started = process_start_epoch_ms(pid).expect("the app's start time");
    (shown - started).max(0.0) as u64
}

/// Milliseconds the page takes from the Compare click to the aligned panes being drawn.
async fn draw_comparison(app: &App) -> u64 {
    let ids = app
        .script(
            "const id = (start) => [...document.querySelectorAll('[data-testid=library-item]')]
                 .find(n => n.querySelector('.article-title').textContent.startsWith(start)).dataset.articleId;
             return [id('Long report, first'), id('Long report, second')]",
        )
        .await;
    let ids: Vec<String> = serde_json::from_value(ids).expect("two ids");
    for id in &ids {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const wanted = {};
         const start = performance.now();
         document.getElementById('compare-button').click();
         const check = () => {{
           const panes = [...document.querySelectorAll('[data-testid=compare-pane]')].map(p => p.dataset.articleId);
           if (JSON.stringify(panes) === JSON.stringify(wanted)
               && document.querySelector('[data-testid=aligned-pair]')) {{
             requestAnimationFrame(() => done(performance.now() - start));
           }} else if (performance.now() - start > 30000) {{
             done(-1);
           }} else {{
             requestAnimationFrame(check);
           }}
         }};
         requestAnimationFrame(check);",
        serde_json::to_string(&ids).expect("ids")
    );
    let elapsed = app
        .client
        .execute_async(&script, vec![])
        .await
        .expect("the comparison is drawn");
    let ms = elapsed.as_f64().expect("a time");
    assert!(ms >= 0.0, "the comparison of the two reports was not drawn");
    ms as u64
}

/// The newest process running the desktop app.
fn app_pid() -> Option<u32> {
    let binary = std::fs::canonicalize(env!("CARGO_BIN_EXE_parallax-desktop")).ok()?;
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_link(format!("/proc/{pid}/exe")).ok().as_ref() == Some(&binary))
        .max_by_key(|pid| process_start_ticks(*pid).unwrap_or(0))
}

fn process_start_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(19)?
        .parse()
        .ok()
}

/// When the process started, in milliseconds since the Unix epoch.
fn process_start_epoch_ms(pid: u32) -> Option<f64> {
    let ticks = process_start_ticks(pid)? as f64;
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("btime "))?
        .trim()
        .parse()
        .ok()?;
    // Clock ticks are 1/100 s on Linux (USER_HZ).
    Some((boot + ticks / 100.0) * 1000.0)
}

/// PSS in KiB of the app and of the processes it started (WebKit's web and network processes).
fn idle_memory() -> Option<(u64, u64)> {
    let app = app_pid()?;
    let pss = |pid: u32| -> Option<u64> {
        std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
            .ok()?
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    };
    let children: Vec<u32> = std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .ok()
                .and_then(|s| {
                    s.rsplit_once(')')?
                        .1
                        .split_whitespace()
                        .nth(1)?
                        .parse::<u32>()
                        .ok()
                })
                == Some(app)
        })
        .collect();
    Some((pss(app)?, children.iter().filter_map(|&c| pss(c)).sum()))
}
