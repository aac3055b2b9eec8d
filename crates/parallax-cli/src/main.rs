//! `parallax`: the Parallax library and engine from the command line, on the same library file
//! as the desktop window.
//!
//! ```text
//! parallax import ~/news/          # files and folders, walked
//! parallax events                  # the events found
//! parallax compare 3 4 5           # library ids or files
//! parallax search "peace plan" --json
//! parallax export 3 4 5 --format html --output storm.html
//! ```
//!
//! With `--json` every command prints exactly one JSON document on stdout (the contract in
//! ARCHITECTURE.md); without it, text for people. Errors are one line on stderr and exit code 1;
//! usage errors exit 2.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use parallax_core::{entities, ingest};
use parallax_library::{
    compare_texts, ComparedInput, ExportFormat, ImportProgress, Library, SearchOptions, SearchSort,
};
use serde::Serialize;

mod render;

/// Compare how news outlets report the same event.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    /// The library file [default: $PARALLAX_LIBRARY, else the OS data folder]
    #[arg(long, global = true, value_name = "PATH")]
    library: Option<PathBuf>,
    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Show the article Parallax reads out of a file (touches no library)
    Extract {
        /// A .txt, .md, .html, ... file
        file: PathBuf,
    },
    /// List the people, organisations, places and quantities a file's article names; with
    /// several files, the entities resolved across them and which ones each leaves out
    Entities {
        /// .txt, .md, .html, ... files
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
    },
    /// Compare two or more articles: files, or ids of library articles
    Compare {
        /// Files or library ids
        #[arg(required = true, num_args = 2..)]
        articles: Vec<String>,
    },
    /// Export a comparison: a self-contained HTML page, Markdown, JSON, or the entity matrix as CSV
    Export {
        /// Files or library ids, as for `compare`
        #[arg(required = true, num_args = 2..)]
        articles: Vec<String>,
        /// The format [default: from --output's extension; json with --json]
        #[arg(long, value_parser = format_parser())]
        format: Option<ExportFormat>,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import files and folders into the library (exit code 1 when a file failed)
    Import {
        /// Files and folders (folders are walked; hidden entries are skipped)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the library's articles
    List,
    /// Search the library's articles (title, outlet, byline, text)
    Search {
        /// Words to find; "quoted words" match as a phrase
        query: String,
        /// Only articles of this outlet
        #[arg(long)]
        outlet: Option<String>,
        /// Only articles published on or after this date (YYYY-MM-DD)
        #[arg(long)]
        since: Option<String>,
        /// Only articles published on or before this date (YYYY-MM-DD)
        #[arg(long)]
        until: Option<String>,
        /// Only articles of this event
        #[arg(long)]
        event: Option<i64>,
        /// Order of the hits
        #[arg(long, value_enum, default_value = "relevance")]
        sort: Sort,
        /// At most this many hits
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// List the events the library's articles are grouped into
    Events,
    /// Add the bundled sample articles to the library
    Samples,
    /// Correct the events: rename, merge, move an article (kept across later imports)
    #[command(subcommand)]
    Event(EventCommand),
    /// Say why an article is in its event
    Why {
        /// The article's library id
        article: i64,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Sort {
    Relevance,
    Newest,
    Oldest,
}

#[derive(Subcommand)]
enum EventCommand {
    /// Give an event a name of your own
    Rename {
        /// The event's id
        event: i64,
        /// The new name
        title: String,
    },
    /// Merge events into the first one
    Merge {
        /// The event that stays
        into: i64,
        /// The events whose articles join it
        #[arg(required = true)]
        others: Vec<i64>,
    },
    /// Move an article to another event, or split it off into a new one
    Move {
        /// The article's library id
        article: i64,
        /// The event to move it to
        #[arg(long, conflicts_with = "new", required_unless_present = "new")]
        to: Option<i64>,
        /// Put it in a new event of its own
        #[arg(long)]
        new: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Extract { file } => {
            let (article, word_count) = read_article(file)?;
            let shown = Extracted {
                path: file.display().to_string(),
                word_count,
                article: &article,
            };
            print(cli, &shown, || {
                render::extracted(&shown.path, &article, word_count)
            })?;
        }
        Command::Entities { files } if files.len() == 1 => {
            let (article, _) = read_article(&files[0])?;
            let found = Entities {
                entities: entities::find_entities(&article.text),
                quantities: entities::find_quantities(&article.text),
            };
            print(cli, &found, || {
                render::entities(&found.entities, &found.quantities)
            })?;
        }
        Command::Entities { files } => {
            parallax_library::check_comparison_size(files.len())?;
            let mut articles = Vec::with_capacity(files.len());
            let mut found = Vec::with_capacity(files.len());
            let mut quantities = Vec::new();
            for (index, file) in files.iter().enumerate() {
                let (article, _) = read_article(file)?;
                found.push(entities::find_entities(&article.text));
                quantities.extend(entities::find_quantities(&article.text).into_iter().map(
                    |quantity| ArticleQuantity {
                        article: index,
                        quantity,
                    },
                ));
                articles.push(EntitiesArticle {
                    path: file.display().to_string(),
                    title: article.title,
                    outlet: article.outlet,
                });
            }
            let resolved = entities::resolve_across(&found);
            let shown = EntitiesAcross {
                overlap: entities::overlap(&resolved, articles.len()),
                articles,
                entities: resolved,
                quantities,
            };
            print(cli, &shown, || {
                render::entities_across(&shown.articles_named(), &shown.entities, &shown.overlap)
            })?;
        }
        Command::Compare { articles } => {
            let inputs = compare_inputs(cli, articles)?;
            let report = compare_texts(inputs);
            print(cli, &report, || render::comparison(&report))?;
        }
        Command::Export {
            articles,
            format,
            output,
        } => {
            let format = export_format(cli, *format, output.as_deref()).unwrap_or_else(|usage| {
                use clap::CommandFactory;
                Cli::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, usage)
                    .exit()
            });
            let report = compare_texts(compare_inputs(cli, articles)?);
            let exported = parallax_library::export(&report, format);
            match output {
                None => write_stdout(&exported)?,
                Some(path) => {
                    std::fs::write(path, &exported)
                        .with_context(|| format!("cannot write '{}'", path.display()))?;
                    let written = Written {
                        path: path.display().to_string(),
                        format: format.to_string(),
                        bytes: exported.len(),
                    };
                    print(cli, &written, || {
                        format!(
                            "Wrote {} ({}, {} bytes)\n",
                            written.path, written.format, written.bytes
                        )
                    })?;
                }
            }
        }
        Command::Import { paths } => {
            let library = open(cli)?;
            let mut bar = ProgressBar::new();
            let report = library.import_paths(paths, &mut |p| bar.show(p), &AtomicBool::new(false));
            bar.finish();
            print(cli, &report, || render::import(&report))?;
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::List => {
            let articles = open(cli)?.list()?;
            print(cli, &serde_json::json!({ "articles": articles }), || {
                render::articles(&articles)
            })?;
        }
        Command::Search {
            query,
            outlet,
            since,
            until,
            event,
            sort,
            limit,
        } => {
            let sort = match sort {
                Sort::Relevance => SearchSort::Relevance,
                Sort::Newest => SearchSort::Newest,
                Sort::Oldest => SearchSort::Oldest,
            };
            let options = SearchOptions {
                outlet: outlet.clone(),
                since: since.clone(),
                until: until.clone(),
                event: *event,
                sort,
                limit: *limit,
            };
            let hits = open(cli)?.search_with(query, &options)?;
            print(cli, &serde_json::json!({ "hits": hits }), || {
                render::hits(&hits, std::io::stdout().is_terminal())
            })?;
        }
        Command::Events => {
            let library = open(cli)?;
            let events = library.events()?;
            let articles = library.list()?;
            print(cli, &serde_json::json!({ "events": events }), || {
                render::events(&events, &articles)
            })?;
        }
        Command::Event(command) => {
            let library = open(cli)?;
            match command {
                EventCommand::Rename { event, title } => library.rename_event(*event, title)?,
                EventCommand::Merge { into, others } => library.merge_events(*into, others)?,
                EventCommand::Move { article, to, .. } => {
                    library.move_article(*article, *to)?;
                }
            }
            let events = library.events()?;
            let articles = library.list()?;
            print(cli, &serde_json::json!({ "events": events }), || {
                render::events(&events, &articles)
            })?;
        }
        Command::Why { article } => {
            let library = open(cli)?;
            let grouping = library.grouping(*article)?;
            let title_of = |id: i64| library.article(id).map(|a| a.title);
            let text = render::grouping(
                &grouping,
                &title_of(grouping.article)?,
                grouping.grouped_with.map(title_of).transpose()?.as_deref(),
            );
            print(cli, &grouping, || text)?;
        }
        Command::Samples => {
            let report = open(cli)?.add_samples()?;
            print(cli, &report, || render::import(&report))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `extract` prints: the extracted article with where it came from and its length.
#[derive(Serialize)]
struct Extracted<'a> {
    path: String,
    word_count: usize,
    #[serde(flatten)]
    article: &'a ingest::ExtractedArticle,
}

/// What `entities` prints.
#[derive(Serialize)]
struct Entities {
    entities: Vec<entities::Entity>,
    quantities: Vec<entities::Quantity>,
}

/// What `entities` prints for several files: the entities resolved across them, with mention
/// counts per file, and their overlap.
#[derive(Serialize)]
struct EntitiesAcross {
    articles: Vec<EntitiesArticle>,
    entities: Vec<entities::ResolvedEntity>,
    overlap: entities::Overlap,
    quantities: Vec<ArticleQuantity>,
}

impl EntitiesAcross {
    fn articles_named(&self) -> Vec<String> {
        self.articles
            .iter()
            .map(|a| a.outlet.clone().unwrap_or_else(|| a.path.clone()))
            .collect()
    }
}

#[derive(Serialize)]
struct EntitiesArticle {
    path: String,
    title: String,
    outlet: Option<String>,
}

/// A quantity of one of several files (`article` indexes `articles`).
#[derive(Serialize)]
struct ArticleQuantity {
    article: usize,
    #[serde(flatten)]
    quantity: entities::Quantity,
}

/// What `export --output FILE` prints.
#[derive(Serialize)]
struct Written {
    path: String,
    format: String,
    bytes: usize,
}

/// `--format`'s values, listed in the help.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = ExportFormat> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["html", "markdown", "json", "csv"])
        .try_map(|name| name.parse::<ExportFormat>())
}

/// The format to export in: the one asked, else the output file's extension, else JSON with
/// `--json`. Standard output takes only JSON when `--json` is given (one JSON document).
/// A usage error is returned as its message.
fn export_format(
    cli: &Cli,
    asked: Option<ExportFormat>,
    output: Option<&Path>,
) -> Result<ExportFormat, String> {
    let from_extension = || {
        output
            .and_then(|path| path.extension())
            .and_then(|extension| extension.to_str()?.parse().ok())
    };
    let format = match asked.or_else(from_extension) {
        Some(format) => format,
        None if cli.json => ExportFormat::Json,
        None => {
            return Err("say which format to export: --format html, markdown, json or csv".into())
        }
    };
    if cli.json && output.is_none() && format != ExportFormat::Json {
        return Err(format!(
            "--json prints JSON on standard output; write {format} to a file with --output FILE"
        ));
    }
    Ok(format)
}

/// Prints `value` as JSON with `--json`, else the text `render` makes.
fn print<T: Serialize>(cli: &Cli, value: &T, render: impl FnOnce() -> String) -> Result<()> {
    let out = if cli.json {
        serde_json::to_string_pretty(value)? + "\n"
    } else {
        render()
    };
    write_stdout(&out)
}

/// Writes `out` to standard output; a reader that stops early (`| head`) is no error.
fn write_stdout(out: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}

fn open(cli: &Cli) -> Result<Library> {
    let path = parallax_library::resolve_library_path(cli.library.as_deref());
    Ok(Library::open(&path)?)
}

fn read_article(file: &Path) -> Result<(ingest::ExtractedArticle, usize)> {
    let bytes = parallax_library::read_source_file(file)?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = ingest::extract(&bytes, &name)
        .with_context(|| format!("cannot read an article from '{}'", file.display()))?;
    let words = parallax_core::text::word_count(&article.text);
    Ok((article, words))
}

/// Turns `compare`'s arguments into articles: an existing file is a file; a whole number that
/// names no file is a library id.
fn compare_inputs(cli: &Cli, arguments: &[String]) -> Result<Vec<ComparedInput>> {
    parallax_library::check_comparison_size(arguments.len())?;
    let mut library = None;
    let mut inputs = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        match argument.parse::<i64>() {
            Ok(id) if !path.exists() => {
                if library.is_none() {
                    library = Some(open(cli)?);
                }
                let record = library.as_ref().expect("opened above").article(id)?;
                inputs.push(ComparedInput {
                    reference: argument.clone(),
                    id: Some(id),
                    title: record.title,
                    outlet: record.outlet,
                    text: record.text,
                });
            }
            _ => {
                let (article, _) = read_article(path)?;
                inputs.push(ComparedInput {
                    reference: argument.clone(),
                    id: None,
                    title: article.title,
                    outlet: article.outlet,
                    text: article.text,
                });
            }
        }
    }
    Ok(inputs)
}

/// A progress bar on stderr while importing, only when stderr is a terminal.
struct ProgressBar {
    bar: Option<indicatif::ProgressBar>,
    enabled: bool,
}

impl ProgressBar {
    fn new() -> ProgressBar {
        ProgressBar {
            bar: None,
            enabled: std::io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, progress: &ImportProgress) {
        if !self.enabled {
            return;
        }
        let bar = self.bar.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::new(progress.total as u64);
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} ({eta} left) {wide_msg}",
            )
            .expect("valid template");
            bar.set_style(style);
            bar
        });
        bar.set_position(progress.done as u64);
        bar.set_message(progress.current.clone());
    }

    fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
