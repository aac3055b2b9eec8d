//! `parallax`: the Parallax library and engine from the command line, on the same library file
//! as the desktop window.
//!
//! ```text
//! parallax import ~/news/          # files and folders, walked
//! parallax events                  # the events found
//! parallax compare 3 4 5           # library ids or files
//! parallax search "peace plan" --json
//! parallax export 3 4 5 --format html --output storm.html
//! parallax edit 3 --outlet "The Daily Example" --published 2025-11-20
//! parallax align link 3:4 5:2      # sentence 4 of article 3 says what sentence 2 of 5 says
//! parallax delete 7 && parallax restore 7
//! parallax dump library.jsonl && parallax backup ~/parallax-backup.sqlite3
//! parallax dump corpus.parquet && parallax dump corpus.jsonl --format passim
//! parallax passages import passim-out/out.json && parallax passages list --article 3
//! parallax note add 3:4 "The ministry gives 12, not 15" --verdict wrong
//! parallax note list --search ministry && parallax cite 3 4 --format bibtex
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
    ArticleSentence, CitationFormat, DumpFormat, ImportProgress, Library, ListedArticle,
    MetadataEdit, NoteEdit, NoteFilter, NoteTarget, SearchOptions, SearchSort,
};
use parallax_report::{compare_texts, ComparedInput, ExportFormat};
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
    /// List the library's articles, newest first, narrowed as the window's filters narrow it
    List {
        #[command(flatten)]
        filters: Filters,
    },
    /// Search the library's articles (title, outlet, byline, text)
    Search {
        /// Words to find; "quoted words" match as a phrase (none: every article, as `list`)
        query: String,
        #[command(flatten)]
        filters: Filters,
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
    /// An event's articles in order of publication, and which article made each statement first
    Timeline {
        /// The event's id (see `parallax events`)
        event: i64,
    },
    /// Say why an article is in its event
    Why {
        /// The article's library id
        article: i64,
    },
    /// Correct an article's headline, outlet, byline or date (later imports keep the correction)
    Edit {
        /// The article's library id
        article: i64,
        /// The headline
        #[arg(long)]
        title: Option<String>,
        /// The outlet ("" clears it)
        #[arg(long)]
        outlet: Option<String>,
        /// The author line ("" clears it)
        #[arg(long)]
        byline: Option<String>,
        /// The publication date: 2025-11-20 or 2025-11-20T09:15:00Z ("" clears it)
        #[arg(long)]
        published: Option<String>,
    },
    /// List the outlets with their number of articles
    Outlets,
    /// Rename or merge outlets
    #[command(subcommand)]
    Outlet(OutletCommand),
    /// Tag an article
    Tag {
        /// The article's library id
        article: i64,
        /// The tags to add
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Remove tags from an article
    Untag {
        /// The article's library id
        article: i64,
        /// The tags to remove
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Move articles to the trash (undo with `restore`)
    Delete {
        /// The articles' library ids
        #[arg(required = true)]
        articles: Vec<i64>,
    },
    /// Bring articles back from the trash
    Restore {
        /// Their ids, as `trash` lists them
        #[arg(required = true)]
        articles: Vec<i64>,
    },
    /// List the trash, or empty it for good (`trash empty`)
    Trash {
        #[command(subcommand)]
        command: Option<TrashCommand>,
    },
    /// Correct the alignment of two articles: link sentences, unlink them, list, clear
    #[command(subcommand)]
    Align(AlignCommand),
    /// Write the whole library, one article a record: JSON Lines, Parquet, or passim's input
    /// ("-": standard output)
    Dump {
        /// The file to write, or "-"
        path: PathBuf,
        /// jsonl (everything, for `load`), parquet (the same records, for pandas and Spark) or
        /// passim (id, series = outlet, date, title, text) [default: from the file's
        /// extension, .parquet or .jsonl; else jsonl]
        #[arg(long, value_parser = dump_format_parser())]
        format: Option<DumpFormat>,
    },
    /// Load a dump into the library, JSON Lines or Parquet (told apart by the file's first
    /// bytes); exit code 1 when a record failed
    Load {
        /// The file to read, or "-" for standard input (JSON Lines only)
        path: PathBuf,
    },
    /// Passages a text-reuse run (passim) found shared between the library's articles
    #[command(subcommand)]
    Passages(PassagesCommand),
    /// Copy the library, as it is now, to a file (safe while the window has it open)
    Backup {
        /// The copy to write (replaced if it exists)
        path: PathBuf,
    },
    /// A fact-checker's notes and verdicts on articles, sentences, aligned pairs and events
    #[command(subcommand)]
    Note(NoteCommand),
    /// Cite library articles for a reference manager: CSL-JSON, BibTeX or RIS
    Cite {
        /// The articles' library ids
        #[arg(required = true)]
        articles: Vec<i64>,
        /// The format [default: from --output's extension: .json, .bib, .ris]
        #[arg(long, value_parser = citation_format_parser())]
        format: Option<CitationFormat>,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum PassagesCommand {
    /// Import passim's output (out.json: files of JSON Lines, or its folder of part-* files);
    /// each passage is matched to its article by `content_hash`, else by `id` as a library id
    Import {
        /// passim's output files or folders
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the clusters of shared passages, with the articles each passage is in
    List {
        /// Only the clusters with a passage in this article
        #[arg(long)]
        article: Option<i64>,
    },
}

/// `dump --format`'s values, listed in the help.
fn dump_format_parser() -> impl clap::builder::TypedValueParser<Value = DumpFormat> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["jsonl", "parquet", "passim"])
        .try_map(|name| name.parse::<DumpFormat>())
}

#[derive(Subcommand)]
enum NoteCommand {
    /// Write a note, with an optional verdict
    Add {
        /// ARTICLE (12), ARTICLE:SENTENCE (12:3, as `compare` numbers sentences; a disputed
        /// fact by the sentence that states it), a pair (12:3,14:5) or event:ID
        #[arg(value_parser = note_target_parser)]
        target: NoteTarget,
        /// What the note says
        text: String,
        /// A verdict of the scale (see `note scale`)
        #[arg(long)]
        verdict: Option<String>,
        /// Who writes it [default: $USER, or %USERNAME% on Windows]
        #[arg(long, env = "USER", hide_env_values = true)]
        author: Option<String>,
    },
    /// List notes: all, or an event's
    List {
        /// Only the notes of this event (its articles, sentences and itself)
        event: Option<i64>,
        /// Only the notes of this article
        #[arg(long)]
        article: Option<i64>,
        /// Only the notes whose text, verdict or author hold these words
        #[arg(long, value_name = "WORDS")]
        search: Option<String>,
        /// The deleted notes instead (restore them with `note restore`)
        #[arg(long)]
        deleted: bool,
    },
    /// Change a note's text or verdict (undo with `note undo`)
    Edit {
        /// The note's id
        id: i64,
        /// The new text
        text: Option<String>,
        /// The new verdict ("" clears it)
        #[arg(long)]
        verdict: Option<String>,
    },
    /// Undo a note's last edit (again: redo it)
    Undo {
        /// The note's id
        id: i64,
    },
    /// Move a note to the trash (undo with `note restore`)
    Delete {
        /// The note's id
        id: i64,
    },
    /// Bring a deleted note back
    Restore {
        /// The note's id
        id: i64,
    },
    /// Show the verdict scale, or add to it or take from it
    Scale {
        /// A verdict to add at the end
        #[arg(long, value_name = "VERDICT")]
        add: Option<String>,
        /// A verdict no note gives to take off
        #[arg(long, value_name = "VERDICT")]
        remove: Option<String>,
    },
}

/// Reads a note's target (`12`, `12:3`, `12:3,14:5`, `event:4`).
fn note_target_parser(value: &str) -> Result<NoteTarget, String> {
    value
        .parse()
        .map_err(|e: parallax_library::Error| e.to_string())
}

/// `cite --format`'s values, listed in the help.
fn citation_format_parser() -> impl clap::builder::TypedValueParser<Value = CitationFormat> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["csl-json", "bibtex", "ris"])
        .try_map(|name| name.parse::<CitationFormat>())
}

#[derive(Subcommand)]
enum OutletCommand {
    /// Rename an outlet on all its articles; a name already in use merges the two
    Rename {
        /// The outlet's name now
        from: String,
        /// Its new name
        to: String,
    },
    /// Put outlets in groups of your own: leaning, country, owner...
    #[command(subcommand)]
    Group(GroupCommand),
}

#[derive(Subcommand)]
enum GroupCommand {
    /// Put an outlet in groups: `leaning=right country=NZ`; `leaning=` removes its leaning
    Set {
        /// The outlet's name, as `parallax outlets` lists it
        outlet: String,
        /// DIMENSION=GROUP, one or more
        #[arg(required = true, value_name = "DIMENSION=GROUP", value_parser = group_parser)]
        groups: Vec<(String, String)>,
    },
    /// List the outlets with their groups
    List,
}

/// Reads `DIMENSION=GROUP` (`leaning=right`; `leaning=` to remove).
fn group_parser(value: &str) -> Result<(String, String), String> {
    parallax_library::parse_group(value).map_err(|e| e.to_string())
}

#[derive(Subcommand)]
enum TrashCommand {
    /// Delete the trashed articles for good
    Empty,
}

#[derive(Subcommand)]
enum AlignCommand {
    /// Say two sentences say the same, where the engine missed it
    Link {
        /// ARTICLE:SENTENCE, the sentence index as `compare` numbers them
        #[arg(value_parser = sentence_parser)]
        a: ArticleSentence,
        /// ARTICLE:SENTENCE of the other article
        #[arg(value_parser = sentence_parser)]
        b: ArticleSentence,
    },
    /// Say two sentences the engine aligned do not say the same
    Unlink {
        /// ARTICLE:SENTENCE
        #[arg(value_parser = sentence_parser)]
        a: ArticleSentence,
        /// ARTICLE:SENTENCE of the other article
        #[arg(value_parser = sentence_parser)]
        b: ArticleSentence,
    },
    /// Forget the link or unlink of two sentences
    Remove {
        /// ARTICLE:SENTENCE
        #[arg(value_parser = sentence_parser)]
        a: ArticleSentence,
        /// ARTICLE:SENTENCE of the other article
        #[arg(value_parser = sentence_parser)]
        b: ArticleSentence,
    },
    /// List the corrections of two articles' alignment
    List {
        /// One article's library id
        a: i64,
        /// The other's
        b: i64,
    },
    /// Forget every correction of two articles' alignment
    Clear {
        /// One article's library id
        a: i64,
        /// The other's
        b: i64,
    },
}

/// Reads `ARTICLE:SENTENCE` (`12:3`).
fn sentence_parser(value: &str) -> Result<ArticleSentence, String> {
    let usage = || format!("'{value}' is not ARTICLE:SENTENCE, such as 12:3");
    let (article, sentence) = value.split_once(':').ok_or_else(usage)?;
    Ok(ArticleSentence {
        article: article.trim().parse().map_err(|_| usage())?,
        sentence: sentence.trim().parse().map_err(|_| usage())?,
    })
}

/// What narrows `list` and `search`: the window's library filters.
#[derive(clap::Args)]
struct Filters {
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
    /// Only articles with this tag (case ignored)
    #[arg(long)]
    tag: Option<String>,
    /// Only the articles whose outlet is in this group: DIMENSION=GROUP (leaning=right)
    #[arg(long, value_name = "DIMENSION=GROUP", value_parser = group_parser)]
    group: Option<(String, String)>,
}

impl Filters {
    /// The library's search options for these filters, in `sort` order, at most `limit`.
    fn options(&self, sort: SearchSort, limit: usize) -> SearchOptions {
        SearchOptions {
            outlet: self.outlet.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            event: self.event,
            tag: self.tag.clone(),
            group: self.group.clone(),
            sort,
            limit,
        }
    }

    fn any(&self) -> bool {
        self.outlet.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.event.is_some()
            || self.tag.is_some()
            || self.group.is_some()
    }
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
            let hint = error
                .chain()
                .find_map(|cause| cause.downcast_ref::<parallax_library::Error>())
                .and_then(parallax_library::Error::command_hint);
            match hint {
                Some(hint) => eprintln!("parallax: {error:#} ({hint})"),
                None => eprintln!("parallax: {error:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Extract { file } => {
            let article = read_article(file)?;
            let word_count = parallax_core::text::word_count(&article.text);
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
            let article = read_article(&files[0])?;
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
                let article = read_article(file)?;
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
            let report = compare(cli, articles)?;
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
            let report = compare(cli, articles)?;
            let exported = parallax_report::export(&report, format);
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
            if let Some(reason) = &report.stopped {
                eprintln!("parallax: the import stopped: {reason}");
            }
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::List { filters } => {
            let options = filters.options(SearchSort::Newest, usize::MAX);
            let articles = open(cli)?.find_articles("", &options, 0)?.articles;
            print(cli, &serde_json::json!({ "articles": articles }), || {
                render::articles(&articles, filters.any())
            })?;
        }
        Command::Search {
            query,
            filters,
            sort,
            limit,
        } => {
            let sort = match sort {
                Sort::Relevance => SearchSort::Relevance,
                Sort::Newest => SearchSort::Newest,
                Sort::Oldest => SearchSort::Oldest,
            };
            let options = filters.options(sort, *limit);
            let hits = open(cli)?.find_articles(query, &options, 0)?.articles;
            print(cli, &serde_json::json!({ "hits": hits }), || {
                render::hits(&hits, std::io::stdout().is_terminal())
            })?;
        }
        Command::Events => {
            let library = open(cli)?;
            let events = library.events()?;
            let articles = every_article(&library)?;
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
            let articles = every_article(&library)?;
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
        Command::Edit {
            article,
            title,
            outlet,
            byline,
            published,
        } => {
            let edit = MetadataEdit {
                title: title.clone(),
                outlet: outlet.clone(),
                byline: byline.clone(),
                published: published.clone(),
            };
            if edit == MetadataEdit::default() {
                use clap::CommandFactory;
                Cli::command()
                    .error(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        "say what to correct: --title, --outlet, --byline or --published",
                    )
                    .exit()
            }
            let record = open(cli)?.edit_article(*article, &edit)?;
            let mut shown = serde_json::to_value(&record)?;
            shown.as_object_mut().expect("an object").remove("text");
            print(cli, &shown, || render::edited(&record))?;
        }
        Command::Outlets => {
            let outlets = open(cli)?.outlets()?;
            print(cli, &serde_json::json!({ "outlets": outlets }), || {
                render::outlets(&outlets)
            })?;
        }
        Command::Outlet(OutletCommand::Rename { from, to }) => {
            let renamed = open(cli)?.rename_outlet(from, to)?;
            print(cli, &renamed, || render::outlet_renamed(&renamed))?;
        }
        Command::Outlet(OutletCommand::Group(GroupCommand::Set { outlet, groups })) => {
            let now = open(cli)?.set_outlet_groups(outlet, groups)?;
            print(cli, &now, || {
                render::outlet_groups(std::slice::from_ref(&now))
            })?;
        }
        Command::Outlet(OutletCommand::Group(GroupCommand::List)) => {
            let outlets = open(cli)?.outlet_groups()?;
            print(cli, &serde_json::json!({ "outlets": outlets }), || {
                render::outlet_groups(&outlets)
            })?;
        }
        Command::Timeline { event } => {
            let timeline = parallax_report::event_timeline(&open(cli)?, *event)?;
            print(cli, &timeline, || render::timeline(&timeline))?;
        }
        Command::Tag { article, tags } | Command::Untag { article, tags } => {
            let library = open(cli)?;
            let now = match &cli.command {
                Command::Tag { .. } => library.add_tags(*article, tags)?,
                _ => library.remove_tags(*article, tags)?,
            };
            print(
                cli,
                &serde_json::json!({ "id": article, "tags": now }),
                || render::tags(*article, &now),
            )?;
        }
        Command::Delete { articles } => {
            let deleted = open(cli)?.delete(articles)?;
            print(cli, &serde_json::json!({ "deleted": deleted }), || {
                render::deleted(&deleted)
            })?;
        }
        Command::Restore { articles } => {
            let restored = open(cli)?.restore(articles)?;
            print(cli, &serde_json::json!({ "restored": restored }), || {
                render::restored(&restored)
            })?;
        }
        Command::Trash { command: None } => {
            let trash = open(cli)?.trash()?;
            print(cli, &serde_json::json!({ "trash": trash }), || {
                render::trash(&trash)
            })?;
        }
        Command::Trash {
            command: Some(TrashCommand::Empty),
        } => {
            let emptied = open(cli)?.empty_trash()?;
            print(cli, &emptied, || render::emptied(&emptied))?;
        }
        Command::Align(command) => {
            let library = open(cli)?;
            let (a, b, overrides) = match command {
                AlignCommand::Link { a, b } => {
                    (a.article, b.article, library.link_sentences(*a, *b)?)
                }
                AlignCommand::Unlink { a, b } => {
                    (a.article, b.article, library.unlink_sentences(*a, *b)?)
                }
                AlignCommand::Remove { a, b } => {
                    if !library.remove_alignment_override(*a, *b)? {
                        anyhow::bail!(
                            "sentences {}:{} and {}:{} were neither linked nor unlinked",
                            a.article,
                            a.sentence,
                            b.article,
                            b.sentence
                        );
                    }
                    (
                        a.article,
                        b.article,
                        library.alignment_overrides(a.article, b.article)?,
                    )
                }
                AlignCommand::List { a, b } => (*a, *b, library.alignment_overrides(*a, *b)?),
                AlignCommand::Clear { a, b } => {
                    let removed = library.clear_alignment_overrides(*a, *b)?;
                    print(cli, &serde_json::json!({ "removed": removed }), || {
                        format!("Forgot {removed} alignment corrections of articles {a} and {b}.\n")
                    })?;
                    return Ok(ExitCode::SUCCESS);
                }
            };
            print(cli, &serde_json::json!({ "overrides": overrides }), || {
                render::overrides(a, b, &overrides)
            })?;
        }
        Command::Dump { path, format } => {
            let library = open(cli)?;
            let from_extension = || match path.extension()?.to_str()? {
                "parquet" => Some(DumpFormat::Parquet),
                _ => None,
            };
            let format = format.or_else(from_extension).unwrap_or(DumpFormat::Jsonl);
            if path.as_os_str() == "-" {
                if cli.json {
                    use clap::CommandFactory;
                    Cli::command()
                        .error(
                            clap::error::ErrorKind::ArgumentConflict,
                            "`dump -` prints the records, not one JSON document: leave out --json, or dump to a file",
                        )
                        .exit()
                }
                if format == DumpFormat::Parquet && std::io::stdout().is_terminal() {
                    anyhow::bail!(
                        "Parquet is binary: dump it to a file, or pipe it to a program that reads it"
                    );
                }
                let mut stdout = StopAtBrokenPipe(std::io::BufWriter::new(std::io::stdout()));
                library.dump_as(format, &mut stdout)?;
                use std::io::Write;
                stdout.flush().context("cannot write to standard output")?;
            } else {
                let file = std::fs::File::create(path)
                    .with_context(|| format!("cannot write '{}'", path.display()))?;
                let mut out = std::io::BufWriter::new(file);
                let articles = library.dump_as(format, &mut out)?;
                use std::io::Write;
                out.flush()
                    .with_context(|| format!("cannot write '{}'", path.display()))?;
                let path = path.display().to_string();
                print(
                    cli,
                    &serde_json::json!({ "path": path, "format": format, "articles": articles }),
                    || format!("Wrote {articles} articles to {path} ({format})\n"),
                )?;
            }
        }
        Command::Load { path } => {
            let library = open(cli)?;
            let report = if path.as_os_str() == "-" {
                use std::io::BufRead;
                let mut stdin = std::io::stdin().lock();
                let start = stdin.fill_buf().context("cannot read standard input")?;
                if start.starts_with(b"PAR1") {
                    anyhow::bail!(
                        "Parquet is read from a file, not from standard input: parallax load FILE.parquet"
                    );
                }
                library.load(&mut stdin, "stdin")?
            } else {
                let mut file = std::fs::File::open(path)
                    .with_context(|| format!("cannot read '{}'", path.display()))?;
                let source = path.display().to_string();
                if is_parquet(&mut file).with_context(|| format!("cannot read '{source}'"))? {
                    library.load_parquet(file, &source)?
                } else {
                    library.load(&mut std::io::BufReader::new(file), &source)?
                }
            };
            print(cli, &report, || render::import(&report))?;
            if let Some(reason) = &report.stopped {
                eprintln!("parallax: the import stopped: {reason}");
            }
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Passages(command) => return passages(cli, command),
        Command::Backup { path } => {
            let report = open(cli)?.backup(path)?;
            print(cli, &report, || {
                format!(
                    "Backed up {} articles to {} ({} bytes)\n",
                    report.articles, report.path, report.bytes
                )
            })?;
        }
        Command::Note(command) => return note(cli, command),
        Command::Cite {
            articles,
            format,
            output,
        } => {
            let from_extension = || {
                let extension = output.as_deref()?.extension()?.to_str()?;
                extension.parse::<CitationFormat>().ok()
            };
            let Some(format) = format.or_else(from_extension) else {
                use clap::CommandFactory;
                Cli::command()
                    .error(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        "say which format to cite in: --format csl-json, bibtex or ris",
                    )
                    .exit()
            };
            if cli.json && output.is_none() && format != CitationFormat::CslJson {
                use clap::CommandFactory;
                Cli::command()
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        format!("--json prints JSON on standard output; write {format} to a file with --output FILE"),
                    )
                    .exit()
            }
            let citations = open(cli)?.citations(articles)?;
            let written = parallax_library::cite(&citations, format);
            match output {
                None => write_stdout(&written)?,
                Some(path) => {
                    std::fs::write(path, &written)
                        .with_context(|| format!("cannot write '{}'", path.display()))?;
                    let shown = Written {
                        path: path.display().to_string(),
                        format: format.to_string(),
                        bytes: written.len(),
                    };
                    print(cli, &shown, || {
                        format!(
                            "Wrote {} citations to {} ({})\n",
                            citations.len(),
                            shown.path,
                            shown.format
                        )
                    })?;
                }
            }
        }
        Command::Samples => {
            let report = open(cli)?.add_samples()?;
            print(cli, &report, || render::import(&report))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// True when the file starts as a Parquet file does (`PAR1`); the file is read again from
/// its start afterwards.
fn is_parquet(file: &mut std::fs::File) -> std::io::Result<bool> {
    use std::io::{Read, Seek};
    let mut magic = [0u8; 4];
    let read = file.read(&mut magic)?;
    file.rewind()?;
    Ok(read == 4 && &magic == b"PAR1")
}

/// The `passages` commands.
fn passages(cli: &Cli, command: &PassagesCommand) -> Result<ExitCode> {
    let library = open(cli)?;
    match command {
        PassagesCommand::Import { paths } => {
            let mut report = parallax_library::PassageImport::default();
            for file in passim_output_files(paths)? {
                let source = file.display().to_string();
                let input = std::fs::File::open(&file)
                    .with_context(|| format!("cannot read '{source}'"))?;
                let one =
                    library.import_passim_clusters(&mut std::io::BufReader::new(input), &source)?;
                report.imported += one.imported;
                report.already_held += one.already_held;
                report.unmatched.extend(one.unmatched);
                report.failed.extend(one.failed);
                report.clusters = one.clusters;
            }
            print(cli, &report, || render::passage_import(&report))?;
            if !report.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        PassagesCommand::List { article } => {
            let clusters = library.reuse_clusters(article.as_ref().map(std::slice::from_ref))?;
            print(cli, &serde_json::json!({ "clusters": clusters }), || {
                render::reuse_clusters(&clusters)
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// passim's output files: each file given, and in each folder given its `part-*` files (Spark
/// writes `out.json/part-00000...`), in name order; hidden files and Spark's `_SUCCESS` left out.
fn passim_output_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut parts: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot read the folder '{}'", path.display()))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("part-"))
                })
                .collect();
            parts.sort();
            files.extend(parts);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The `note` commands.
fn note(cli: &Cli, command: &NoteCommand) -> Result<ExitCode> {
    let library = open(cli)?;
    let shown = match command {
        NoteCommand::Add {
            target,
            text,
            verdict,
            author,
        } => {
            // $USER through clap; Windows names the user in %USERNAME%.
            let author = author
                .clone()
                .or_else(|| std::env::var("USERNAME").ok())
                .filter(|a| !a.trim().is_empty())
                .context("say who writes the note: --author NAME (or set $USER)")?;
            library.add_note(target, text, verdict.as_deref(), &author)?
        }
        NoteCommand::List {
            event,
            article,
            search,
            deleted,
        } => {
            let filter = NoteFilter {
                event: *event,
                article: *article,
                search: search.clone(),
                deleted: *deleted,
            };
            let notes = library.notes(&filter)?;
            print(cli, &serde_json::json!({ "notes": notes }), || {
                render::notes(&notes)
            })?;
            return Ok(ExitCode::SUCCESS);
        }
        NoteCommand::Edit { id, text, verdict } => {
            let edit = NoteEdit {
                text: text.clone(),
                verdict: verdict.clone(),
            };
            if edit == NoteEdit::default() {
                use clap::CommandFactory;
                Cli::command()
                    .error(
                        clap::error::ErrorKind::MissingRequiredArgument,
                        "say what to change: the new text, or --verdict",
                    )
                    .exit()
            }
            library.edit_note(*id, &edit)?
        }
        NoteCommand::Undo { id } => library.undo_note_edit(*id)?,
        NoteCommand::Delete { id } => library.delete_note(*id)?,
        NoteCommand::Restore { id } => library.restore_note(*id)?,
        NoteCommand::Scale { add, remove } => {
            if let Some(verdict) = add {
                library.add_verdict(verdict)?;
            }
            if let Some(verdict) = remove {
                library.remove_verdict(verdict)?;
            }
            let scale = library.verdict_scale()?;
            print(cli, &serde_json::json!({ "verdicts": scale }), || {
                render::verdicts(&scale)
            })?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    print(cli, &serde_json::json!({ "note": shown }), || {
        render::note(&shown)
    })?;
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

/// Prints `value` as JSON with `--json`, else the text `render` makes. The JSON is indented
/// for a person at a terminal and compact for a program reading a pipe or a file (half the
/// bytes of a comparison, and less to write).
fn print<T: Serialize>(cli: &Cli, value: &T, render: impl FnOnce() -> String) -> Result<()> {
    let out = if cli.json && std::io::stdout().is_terminal() {
        serde_json::to_string_pretty(value)? + "\n"
    } else if cli.json {
        serde_json::to_string(value)? + "\n"
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

/// Every article of the library, newest first, as `parallax list` lists them.
fn every_article(library: &Library) -> Result<Vec<ListedArticle>> {
    Ok(library
        .find_articles("", &SearchOptions::every_article(), 0)?
        .articles)
}

fn read_article(file: &Path) -> Result<ingest::ExtractedArticle> {
    Ok(parallax_report::read_article_file(file)?)
}

/// Compares files and library articles; the library's alignment corrections apply between its
/// articles.
fn compare(cli: &Cli, arguments: &[String]) -> Result<parallax_report::CompareReport> {
    let (inputs, library) = compare_inputs(cli, arguments)?;
    Ok(match library {
        Some(library) => parallax_report::compare_inputs(&library, inputs)?,
        None => compare_texts(inputs),
    })
}

/// Turns `compare`'s arguments into articles: an existing file is a file; a whole number that
/// names no file is a library id. The library is returned when one was opened.
fn compare_inputs(
    cli: &Cli,
    arguments: &[String],
) -> Result<(Vec<ComparedInput>, Option<Library>)> {
    parallax_library::check_comparison_size(arguments.len())?;
    let mut library = None;
    let mut inputs = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        match argument.parse::<i64>() {
            Ok(id) if !path.exists() => {
                if inputs
                    .iter()
                    .any(|input: &ComparedInput| input.id == Some(id))
                {
                    return Err(parallax_library::Error::ComparedTwice(id).into());
                }
                if library.is_none() {
                    library = Some(open(cli)?);
                }
                let record = library.as_ref().expect("opened above").article(id)?;
                inputs.push(ComparedInput::from_record(argument.clone(), record));
            }
            _ => inputs.push(ComparedInput::from_file(argument.clone())?),
        }
    }
    Ok((inputs, library))
}

/// Standard output for a long stream: a reader that stops early (`| head`) ends the writing
/// quietly, as [`write_stdout`] does.
struct StopAtBrokenPipe<W>(W);

impl<W: std::io::Write> std::io::Write for StopAtBrokenPipe<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.0.write(bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(bytes.len()),
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other,
        }
    }
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
