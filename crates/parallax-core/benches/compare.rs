//! How long a whole comparison takes (sentences, alignment, diffs, passages, conflicts,
//! coverage), beside `git diff --no-index --word-diff` and Python's `difflib` on the same texts.
//!
//! ```text
//! cargo bench -p parallax-core --bench compare
//! ```
//!
//! Texts come from the BASIL articles in `../shared/corpus/basil-dev` (or the folder named by
//! `PARALLAX_BENCH_CORPUS`) when present, otherwise from the crate's test fixtures, so the bench
//! runs anywhere. Criterion measures Parallax; a table at the end puts each case beside git and
//! difflib, measured here by wall clock, with the whole `parallax compare A B --json` process
//! (the release command-line tool, built first) beside git's process.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

#[path = "../examples/support/basil.rs"]
mod basil;

use criterion::Criterion;
use parallax_core::compare::compare;

/// One benchmark case: the articles compared and Parallax's budget for them.
struct Case {
    name: &'static str,
    texts: Vec<String>,
    budget: Duration,
}

fn main() {
    let source = Source::find();
    let cases = [
        Case {
            name: "2 articles x 1,000 words",
            texts: source.articles(2, 1_000),
            budget: Duration::from_millis(2),
        },
        Case {
            name: "10 articles x 1,000 words",
            texts: source.articles(10, 1_000),
            budget: Duration::from_millis(50),
        },
        Case {
            name: "2 articles x 20,000 words",
            texts: source.articles(2, 20_000),
            budget: Duration::from_millis(200),
        },
    ];
    println!("texts from {}", source.describe());
    for case in &cases {
        let words: Vec<usize> = case
            .texts
            .iter()
            .map(|t| t.split_whitespace().count())
            .collect();
        let distinct: std::collections::HashSet<&String> = case.texts.iter().collect();
        println!(
            "{}: {} distinct texts of {} to {} words",
            case.name,
            distinct.len(),
            words.iter().min().unwrap_or(&0),
            words.iter().max().unwrap_or(&0)
        );
    }

    let mut criterion = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(500));
    for case in &cases {
        let refs: Vec<&str> = case.texts.iter().map(String::as_str).collect();
        criterion.bench_function(case.name, |b| {
            b.iter(|| compare(std::hint::black_box(&refs)))
        });
    }
    criterion.final_summary();

    let scratch = std::env::temp_dir().join(format!("parallax-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    println!();
    let cli = parallax_cli();
    println!(
        "{:<28} {:>12} {:>8} {:>8} {:>16} {:>14} {:>16} {:>17} {:>12}",
        "case",
        "parallax",
        "budget",
        "",
        "git --word-diff",
        "difflib",
        "difflib process",
        "parallax process",
        "vs git"
    );
    for case in &cases {
        let refs: Vec<&str> = case.texts.iter().map(String::as_str).collect();
        // Warmed up as criterion warms up, then enough runs that one slow run does not decide.
        for _ in 0..3 {
            std::hint::black_box(compare(&refs));
        }
        let parallax = median(IN_PROCESS_RUNS, || {
            std::hint::black_box(compare(&refs));
        });
        let files: Vec<PathBuf> = case
            .texts
            .iter()
            .enumerate()
            .map(|(n, text)| {
                let path = scratch.join(format!("{n}.txt"));
                std::fs::write(&path, text).expect("a scratch file");
                path
            })
            .collect();
        let pairs: Vec<(usize, usize)> = (0..files.len())
            .flat_map(|l| (l + 1..files.len()).map(move |r| (l, r)))
            .collect();
        let git = git_word_diff(&files, &pairs);
        let difflib = python_difflib(&files);
        let process = cli
            .as_deref()
            .and_then(|cli| parallax_process(cli, &files, &pairs));
        let versus_git = match (process, git) {
            (Some(p), Some(g)) => {
                let ratio = p.as_secs_f64() / g.as_secs_f64();
                let verdict = if ratio <= PROCESS_GOAL { "ok" } else { "OVER" };
                format!("{ratio:.1}x {verdict}")
            }
            _ => "unavailable".into(),
        };
        println!(
            "{:<28} {:>12} {:>8} {:>8} {:>16} {:>14} {:>16} {:>17} {:>12}",
            case.name,
            format_duration(parallax),
            format_duration(case.budget),
            if parallax <= case.budget {
                "ok"
            } else {
                "OVER"
            },
            git.map(format_duration)
                .unwrap_or_else(|| "unavailable".into()),
            difflib
                .map(|(inner, _)| format_duration(inner))
                .unwrap_or_else(|| "unavailable".into()),
            difflib
                .map(|(_, whole)| format_duration(whole))
                .unwrap_or_else(|| "unavailable".into()),
            process
                .map(format_duration)
                .unwrap_or_else(|| "unavailable".into()),
            versus_git,
        );
    }
    println!(
        "\nparallax: whole comparison in process, median of {IN_PROCESS_RUNS} runs after 3 to warm up; git: one process per pair, summed, \
         median of 11; difflib: SequenceMatcher over word and punctuation tokens of each pair, summed \
         (inside Python), and the whole python3 process; parallax process: `parallax compare A B \
         --json` (release build) on every pair, one process each, summed, median of 11, as git's, \
         and its ratio to git's (goal {PROCESS_GOAL}x)."
    );
    if let Some(startup) = cli.as_deref().and_then(parallax_startup) {
        println!(
            "start-up alone: `parallax --version`, one process, median of {PROCESS_RUNS}: {}; a \
             whole process per pair pays it once.",
            format_duration(startup)
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// Where benchmark texts come from.
enum Source {
    /// BASIL articles: (outlet, event, text), sorted by event then outlet.
    Corpus {
        folder: PathBuf,
        articles: Vec<(String, String, String)>,
    },
    /// The crate's fixtures, repeated with numbered variations.
    Fixtures(Vec<String>),
}

impl Source {
    fn find() -> Source {
        let folder = std::env::var_os("PARALLAX_BENCH_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/basil-dev")
            });
        let mut articles: Vec<(String, String, String)> = basil::read_folder(&folder)
            .unwrap_or_default()
            .into_iter()
            .map(|a| {
                let text = a.text();
                (a.source, a.event, text)
            })
            .collect();
        if articles.len() >= 6 {
            articles.sort_by(|x, y| (&x.1, &x.0).cmp(&(&y.1, &y.0)));
            return Source::Corpus { folder, articles };
        }
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare");
        let texts = [
            "harbour-a.txt",
            "harbour-b.txt",
            "wire-original.txt",
            "wire-copy.txt",
        ]
        .iter()
        .map(|name| std::fs::read_to_string(fixtures.join(name)).expect("the compare fixtures"))
        .collect();
        Source::Fixtures(texts)
    }

    fn describe(&self) -> String {
        match self {
            Source::Corpus { folder, articles } => {
                format!("{} ({} articles)", folder.display(), articles.len())
            }
            Source::Fixtures(_) => "the test fixtures (no corpus found)".into(),
        }
    }

    /// `count` articles of about `words` words each. From the corpus, article k follows one
    /// outlet through the events starting at a different event, so that the articles of a case
    /// report partly the same events in different words, as an event's articles do.
    fn articles(&self, count: usize, words: usize) -> Vec<String> {
        (0..count)
            .map(|k| {
                let paragraphs: Box<dyn Iterator<Item = String>> = match self {
                    Source::Corpus { articles, .. } => {
                        let outlets = ["nyt", "fox", "hpo"];
                        let outlet = outlets[k % outlets.len()];
                        let own: Vec<&String> = articles
                            .iter()
                            .filter(|(o, _, _)| o == outlet)
                            .map(|(_, _, text)| text)
                            .collect();
                        let start = k / outlets.len();
                        Box::new(
                            (0..own.len() * 4)
                                .map(move |n| own[(start + n) % own.len()])
                                .flat_map(|text| {
                                    text.split("\n\n").map(str::to_string).collect::<Vec<_>>()
                                }),
                        )
                    }
                    Source::Fixtures(texts) => {
                        let texts = texts.clone();
                        Box::new((0..).flat_map(move |round: usize| {
                            let text = &texts[(k + round) % texts.len()];
                            text.split("\n\n")
                                .map(|p| format!("{p} (Part {round}.)"))
                                .collect::<Vec<_>>()
                        }))
                    }
                };
                take_words(paragraphs, words)
            })
            .collect()
    }
}

/// Whole paragraphs until about `words` words.
fn take_words(paragraphs: impl Iterator<Item = String>, words: usize) -> String {
    let mut taken = Vec::new();
    let mut count = 0;
    for paragraph in paragraphs {
        if count >= words {
            break;
        }
        count += paragraph.split_whitespace().count();
        taken.push(paragraph);
    }
    taken.join("\n\n")
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// Runs of the in-process comparison whose median is printed.
const IN_PROCESS_RUNS: usize = 51;

/// Runs of each whole-process measurement (git, parallax) whose median is printed.
const PROCESS_RUNS: usize = 11;

/// The most the whole `parallax compare A B --json` process may cost, as a multiple of git's
/// word diff of the same pair.
const PROCESS_GOAL: f64 = 1.5;

/// The release build of the `parallax` command, built first if need be (a no-op when it is up
/// to date), or `None` when it cannot be built.
fn parallax_cli() -> Option<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--quiet", "--release", "-p", "parallax-cli"])
        .status()
        .is_ok_and(|s| s.success());
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let cli = target
        .join("release")
        .join(format!("parallax{}", std::env::consts::EXE_SUFFIX));
    (built && cli.is_file()).then_some(cli)
}

/// `parallax compare A B --json` on every pair, one process each, summed: what a script that
/// calls the command pays, start-up included.
fn parallax_process(cli: &Path, files: &[PathBuf], pairs: &[(usize, usize)]) -> Option<Duration> {
    let mut ok = true;
    let time = median(PROCESS_RUNS, || {
        for &(l, r) in pairs {
            let output = Command::new(cli)
                .arg("compare")
                .arg(&files[l])
                .arg(&files[r])
                .arg("--json")
                .output();
            ok &= output.is_ok_and(|o| o.status.success());
        }
    });
    ok.then_some(time)
}

/// One `parallax --version` process: what every run of the command pays before it reads a file.
fn parallax_startup(cli: &Path) -> Option<Duration> {
    let mut ok = true;
    let time = median(PROCESS_RUNS, || {
        let output = Command::new(cli).arg("--version").output();
        ok &= output.is_ok_and(|o| o.status.success());
    });
    ok.then_some(time)
}

/// `git diff --no-index --word-diff` on every pair, one process each, summed.
fn git_word_diff(files: &[PathBuf], pairs: &[(usize, usize)]) -> Option<Duration> {
    let mut ok = true;
    let time = median(PROCESS_RUNS, || {
        for &(l, r) in pairs {
            let status = Command::new("git")
                .args(["diff", "--no-index", "--no-color", "--word-diff"])
                .arg(&files[l])
                .arg(&files[r])
                .output();
            // Exit code 1: the files differ; 0: they are the same; anything else: git failed.
            ok &= status.is_ok_and(|o| matches!(o.status.code(), Some(0 | 1)));
        }
    });
    ok.then_some(time)
}

/// Python's `difflib.SequenceMatcher` over word and punctuation tokens of every pair, one
/// process for all pairs: the time inside Python, and the whole process.
fn python_difflib(files: &[PathBuf]) -> Option<(Duration, Duration)> {
    const SCRIPT: &str = r#"
import difflib, re, sys, time
paths = sys.argv[1:]
tokens = [re.findall(r"\w+|[^\w\s]", open(p, encoding="utf-8").read()) for p in paths]
start = time.perf_counter()
for i in range(len(paths)):
    for j in range(i + 1, len(paths)):
        difflib.SequenceMatcher(None, tokens[i], tokens[j], autojunk=False).get_opcodes()
print(time.perf_counter() - start)
"#;
    let start = Instant::now();
    let output = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .args(files)
        .output()
        .ok()?;
    let whole = start.elapsed();
    let inner: f64 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .ok()?;
    Some((Duration::from_secs_f64(inner), whole))
}

fn format_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}
