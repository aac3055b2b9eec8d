//! The Parallax library: one SQLite file that keeps a person's articles, the import pipeline
//! that fills it, full-text search and the events articles are grouped into.
//!
//! The desktop window and the `parallax` command line both open the library through
//! [`Library::open`], at the path [`resolve_library_path`] chooses, so they always see the
//! same articles.
//!
//! - [`Library::import_paths`]: files and folders in, articles out; duplicates (same normalised
//!   text) are reported with the id already stored, never stored twice.
//! - [`Library::find_articles`]: the one listing and search of the library, for the window and
//!   the CLI alike: every article or ranked full-text matches (SQLite FTS5) with highlighted
//!   snippets, narrowed by outlet, dates, event, tag or outlet group ([`SearchOptions`]), a page
//!   at a time, as [`ListedArticle`] rows; [`Library::article`]: one article whole.
//! - [`Library::events`]: the events found automatically on import
//!   ([`parallax_core::events`]), [`Library::grouping`] says why an article is in its event;
//!   [`Library::rename_event`], [`Library::merge_events`] and [`Library::move_article`] record a
//!   person's corrections, which later imports keep.
//! - What a comparison of library articles needs besides their text:
//!   [`Library::alignment_corrections`], [`Library::notes_on_articles`],
//!   [`Library::outlet_groups`]. The comparison itself, its layout, timeline and exports are
//!   the `parallax-report` crate's, which reads them through these.
//! - Editing: [`Library::edit_article`] corrects an article's metadata (kept through later
//!   imports), [`Library::rename_outlet`] renames or merges outlets, [`Library::add_tags`] and
//!   [`Library::remove_tags`] tag articles, [`Library::delete`], [`Library::restore`] and
//!   [`Library::empty_trash`] delete with undo.
//! - [`Library::link_sentences`], [`Library::unlink_sentences`]: a person's alignment
//!   corrections, applied whenever the two articles are compared.
//! - [`Library::set_outlet_groups`], [`Library::outlet_groups`]:
//!   groups of outlets a person defines (any dimensions); comparisons of library articles then
//!   say what only one group reports (`coverage.by_group`).
//! - Notes and verdicts: [`Library::add_note`], [`Library::notes`], [`Library::edit_note`],
//!   [`Library::undo_note_edit`], [`Library::delete_note`], [`Library::restore_note`] on an
//!   article, a sentence, an aligned pair or an event; [`Library::verdict_scale`] and its edits.
//! - [`Library::citations`] and [`cite()`]: the articles as CSL-JSON, BibTeX or RIS.
//! - [`Library::dump`], [`Library::load`]: the whole library as JSON Lines and back;
//!   [`Library::dump_as`] and [`Library::load_parquet`]: the same records as Parquet, and
//!   passim's input; [`Library::backup`]: a consistent copy of the open library file.
//! - [`Library::import_passim_clusters`], [`Library::reuse_clusters`]: passages a passim run
//!   found shared between articles, kept with them.
//!
//! ```
//! use std::sync::atomic::AtomicBool;
//! use parallax_library::{Library, SearchOptions};
//!
//! let folder = tempfile::tempdir().unwrap();
//! let file = folder.path().join("report.txt");
//! std::fs::write(&file, "Storm closes harbour\n\nA storm closed the harbour on Monday.").unwrap();
//! let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
//! let report = library.import_paths(&[file], &mut |_| {}, &AtomicBool::new(false));
//! assert_eq!(report.imported.len(), 1);
//! let found = library.find_articles("harbour", &SearchOptions::default(), 0).unwrap();
//! assert_eq!(found.total, 1);
//! ```
#![warn(missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use rusqlite::{Connection, OpenFlags};

mod articles;
mod backup;
mod cite;
mod dump;
mod edits;
mod error;
mod events;
mod groups;
mod import;
mod notes;
mod overrides;
mod passages;
mod samples;
mod schema;
mod search;
mod trash;

pub use articles::{source_name, ArticleRecord};
pub use backup::BackupReport;
pub use cite::{cite, Author, Citation, CitationFormat};
pub use dump::{DumpFormat, DumpedArticle, DumpedOverride};
pub use edits::{check_published, MetadataEdit, OutletCount, OutletRenamed};
pub use error::{Error, ErrorKind, Refused};
pub use events::{EventSummary, Grouping};
pub use groups::{parse_group, OutletGroups};
pub use import::{
    read_source_file, DuplicateFile, FailedFile, ImportProgress, ImportReport, ImportedArticle,
};
pub use notes::{DumpedNote, Note, NoteEdit, NoteFilter, NoteTarget};
pub use overrides::{ArticleSentence, SentenceOverride};
pub use passages::{DumpedPassage, PassageImport, ReuseCluster, ReusedPassage, UnmatchedPassage};
pub use search::{ArticlePage, ListedArticle, SearchOptions, SearchSort, TagCount};
pub use trash::{EmptiedTrash, RestoredArticle, TrashedArticle};

/// The environment variable that names the library file, for the window and the CLI alike.
pub const LIBRARY_ENV: &str = "PARALLAX_LIBRARY";

/// How long a write waits for another window or command to finish its own.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// The library file in the operating system's data folder:
/// `~/.local/share/parallax/library.sqlite3` on Linux, `~/Library/Application Support/parallax/`
/// on macOS, `%APPDATA%\parallax\` on Windows.
pub fn default_library_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("parallax")
        .join("library.sqlite3")
}

/// The most articles one comparison takes: beyond it the side-by-side view stops being readable
/// and the pairwise work grows with the square of the count.
pub const MAX_COMPARED_ARTICLES: usize = 20;

/// Whether the library file or its folder cannot be written by this process.
fn read_only(path: &Path) -> bool {
    let writable = |p: &Path| {
        std::fs::OpenOptions::new()
            .append(true)
            .open(p)
            .map(|_| true)
            .unwrap_or(false)
    };
    let folder_writable = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .is_none_or(|folder| tempfile_in(folder).is_ok());
    path.exists() && (!writable(path) || !folder_writable)
}

/// Whether a file can be made in `folder` (made and removed at once).
fn tempfile_in(folder: &Path) -> std::io::Result<()> {
    let probe = folder.join(format!(".parallax-write-check-{}", std::process::id()));
    std::fs::File::create(&probe)?;
    std::fs::remove_file(probe)
}

/// Opens a library this process may only read. SQLite reads a WAL library through its `-shm`
/// file, which a read-only folder cannot hold: the file is then opened as immutable, which is
/// true for this process, as it cannot write it.
fn open_read_only(path: &Path) -> Result<Connection, Error> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let open = |uri: String| {
        Connection::open_with_flags(uri, flags).and_then(|connection| {
            connection.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
            Ok(connection)
        })
    };
    let escaped = path
        .to_string_lossy()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23");
    open(format!("file:{escaped}?mode=ro"))
        .or_else(|_| open(format!("file:{escaped}?immutable=1")))
        .map_err(|e| Error::Open {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
}

/// Which file is at `path` (device and inode), to tell later whether it is still the same one;
/// `None` where that cannot be told (no file, or a system without inodes).
fn file_identity(path: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Makes every later commit on `connection` a rollback once the library file is no longer at
/// `path` (moved or deleted while open): SQLite would go on writing to a file no one will open
/// again, and the changes would be lost without a word. The check is a `stat` per commit.
fn refuse_writes_once_moved(connection: &Connection, path: &Path, opened: Option<(u64, u64)>) {
    if let Some(identity) = opened {
        let path = path.to_path_buf();
        connection.commit_hook(Some(move || file_identity(&path) != Some(identity)));
    }
}

/// Checks that a comparison of the library articles `ids` can be made: two to
/// [`MAX_COMPARED_ARTICLES`], none twice.
pub fn check_comparison(ids: &[i64]) -> Result<(), Error> {
    check_comparison_size(ids.len())?;
    let mut seen = std::collections::HashSet::new();
    match ids.iter().find(|id| !seen.insert(**id)) {
        Some(&twice) => Err(Error::ComparedTwice(twice)),
        None => Ok(()),
    }
}

/// Checks that a comparison of `count` articles can be made (two to [`MAX_COMPARED_ARTICLES`]).
pub fn check_comparison_size(count: usize) -> Result<(), Error> {
    if count < 2 {
        return Err(Error::TooFewArticles(count));
    }
    if count > MAX_COMPARED_ARTICLES {
        return Err(Error::TooManyArticles {
            given: count,
            limit: MAX_COMPARED_ARTICLES,
        });
    }
    Ok(())
}

/// The library to open: the explicit path if given, else `$PARALLAX_LIBRARY` if set and not
/// empty, else [`default_library_path`].
pub fn resolve_library_path(explicit: Option<&Path>) -> PathBuf {
    if let Some(path) = explicit {
        return path.to_path_buf();
    }
    match std::env::var_os(LIBRARY_ENV) {
        Some(value) if !value.is_empty() => PathBuf::from(value),
        _ => default_library_path(),
    }
}

/// An open library file. One connection; send it to another thread or share it behind a mutex.
pub struct Library {
    connection: Connection,
    path: PathBuf,
    /// The file opened ([`file_identity`]), to refuse work once another is at `path`.
    identity: Option<(u64, u64)>,
    created: bool,
    /// The event index, kept between imports so a single new file is grouped at once.
    event_index: events::IndexCache,
}

impl Library {
    /// Opens the library at `path`, creating the folder and the file when missing and bringing
    /// an older schema up to date. A file that is not a Parallax library, is damaged or comes
    /// from a newer Parallax is refused and left untouched.
    pub fn open(path: &Path) -> Result<Library, Error> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| Error::CreateFolder {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut connection = Connection::open_with_flags(path, flags).map_err(|e| Error::Open {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        let opened = match schema::prepare(&mut connection, path) {
            Err(Error::Open { .. }) if read_only(path) => {
                connection = open_read_only(path)?;
                schema::prepare(&mut connection, path)?
            }
            other => other?,
        };
        let identity = file_identity(path);
        refuse_writes_once_moved(&connection, path, identity);
        Ok(Library {
            connection,
            path: path.to_path_buf(),
            identity,
            created: opened.created,
            event_index: Default::default(),
        })
    }

    /// Opens the library as the window does: a library created by this call is filled with the
    /// bundled sample articles, so a first launch has something to compare.
    pub fn open_with_samples(path: &Path) -> Result<Library, Error> {
        let library = Library::open(path)?;
        if library.created {
            library.add_samples()?;
        }
        Ok(library)
    }

    /// Imports the bundled sample articles (two events) through the same pipeline as files.
    pub fn add_samples(&self) -> Result<ImportReport, Error> {
        match import::import(
            &self.connection,
            &self.event_index,
            samples::sources(),
            &mut |_| {},
            &AtomicBool::new(false),
        ) {
            (_, Some(error)) => Err(error),
            (mut report, None) => {
                self.restore_reimported(&mut report)?;
                Ok(report)
            }
        }
    }

    /// Articles an import stored again while their text was in the trash come back from the
    /// trash instead, reported as duplicates of their id.
    fn restore_reimported(&self, report: &mut ImportReport) -> Result<(), Error> {
        trash::restore_reimported(&self.connection, report)?;
        Ok(())
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens another connection to this library's file, for work beside this one (a search, an
    /// import, an export). Refused with [`Error::LibraryGone`] once the file was moved or
    /// deleted: opening its path then would make a new, empty library there.
    pub fn open_again(&self) -> Result<Library, Error> {
        if self.identity.is_some() && file_identity(&self.path) != self.identity {
            return Err(Error::LibraryGone(Refused::NewWork));
        }
        Library::open(&self.path)
    }

    /// Imports files and folders (walked recursively, hidden entries skipped). Extraction runs
    /// on every core; articles are written in batches, each article whole or not at all.
    /// `progress` is called after every file; setting `cancel` stops the import and keeps what
    /// was imported so far. Files that cannot be read are listed in the report, the others imported.
    pub fn import_paths(
        &self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress),
        cancel: &AtomicBool,
    ) -> ImportReport {
        let (sources, unreadable) = import::collect(paths);
        let (mut report, _) = import::import(
            &self.connection,
            &self.event_index,
            sources,
            progress,
            cancel,
        );
        report.failed.splice(0..0, unreadable);
        let mut restored = report.clone();
        match self.restore_reimported(&mut restored) {
            Ok(()) => restored,
            Err(error) => {
                // The articles stay imported; only their return from the trash failed.
                report.failed.push(FailedFile {
                    path: self.path.display().to_string(),
                    error: format!("cannot take re-imported articles out of the trash: {error}"),
                });
                report
            }
        }
    }

    /// The articles matching `query` and the filters of `options`, a page of at most
    /// `options.limit` from `offset` on, with the total: the one listing and search, for the
    /// window and the CLI alike. An empty query lists every article the filters let through
    /// (relevance then means newest first, undated last); a query with no word in it finds
    /// nothing. Words are matched whole, the last one also as a prefix (search as one types);
    /// `"quoted words"` match only as a phrase; the best match comes first (the words as a
    /// phrase, then close together, then BM25).
    pub fn find_articles(
        &self,
        query: &str,
        options: &SearchOptions,
        offset: usize,
    ) -> Result<ArticlePage, Error> {
        search::find_articles(&self.connection, query, options, offset)
    }

    /// Where article `id` stands in the listing [`Library::find_articles`] gives without a query
    /// for these filters and sort, or `None` when the filters leave it out. The window uses it to
    /// bring an article just imported into view.
    pub fn listing_position(
        &self,
        id: i64,
        options: &SearchOptions,
    ) -> Result<Option<usize>, Error> {
        search::listing_position(&self.connection, id, options)
    }

    /// Every tag of the library with its number of articles, in alphabetical order (case
    /// ignored), for the tag filter.
    pub fn tag_counts(&self) -> Result<Vec<TagCount>, Error> {
        search::tag_counts(&self.connection)
    }

    /// One article with its text.
    pub fn article(&self, id: i64) -> Result<ArticleRecord, Error> {
        articles::get(&self.connection, id)
    }

    /// The people, organisations and places one article names, with the character spans of
    /// their mentions in its text.
    pub fn article_entities(&self, id: i64) -> Result<Vec<parallax_core::entities::Entity>, Error> {
        Ok(parallax_core::entities::find_entities(
            &self.article(id)?.text,
        ))
    }

    /// A person's alignment corrections between the compared articles that come from the
    /// library (`ids[k]` is article `k`'s id, `None` for a file), for
    /// [`parallax_core::compare::compare_corrected`].
    pub fn alignment_corrections(
        &self,
        ids: &[Option<i64>],
    ) -> Result<Vec<parallax_core::compare::PairCorrections>, Error> {
        overrides::load(&self.connection, ids)
    }

    /// The notes a comparison of these library articles shows: on the articles, their
    /// sentences, pairs among them, and their events.
    pub fn notes_on_articles(&self, ids: &[i64]) -> Result<Vec<Note>, Error> {
        notes::for_articles(&self.connection, ids)
    }

    /// Puts an outlet in groups (`("leaning", "right")`), any number of dimensions at once; an
    /// empty group removes the outlet's group in that dimension. Returns its groups now.
    pub fn set_outlet_groups(
        &self,
        outlet: &str,
        groups: &[(String, String)],
    ) -> Result<OutletGroups, Error> {
        groups::set(&self.connection, outlet, groups)
    }

    /// Every outlet (of an article, or with groups) with its groups, by name.
    pub fn outlet_groups(&self) -> Result<Vec<OutletGroups>, Error> {
        groups::list(&self.connection)
    }

    /// Every event with its articles; every article is in exactly one event.
    pub fn events(&self) -> Result<Vec<EventSummary>, Error> {
        events::list(&self.connection)
    }

    /// Renames an event; the name is kept whatever is imported later.
    pub fn rename_event(&self, event: i64, title: &str) -> Result<(), Error> {
        events::rename(&self.connection, event, title)
    }

    /// Merges events: the articles of `others` join `into`, and the emptied events are removed.
    /// Later imports follow the merged event.
    pub fn merge_events(&self, into: i64, others: &[i64]) -> Result<(), Error> {
        let merged: Vec<i64> = others.iter().copied().filter(|&e| e != into).collect();
        let trashed = trash::in_events(&self.connection, &merged)?;
        events::merge(&self.connection, into, others)?;
        // The trash follows: an article restored later comes back into the merged event.
        trash::follow_merge(&self.connection, &trashed, into)
    }

    /// Moves an article to another event, or (with `None`) splits it off into a new event of
    /// its own. Returns the article's event. The choice is kept whatever is imported later.
    pub fn move_article(&self, article: i64, event: Option<i64>) -> Result<i64, Error> {
        events::move_article(&self.connection, article, event)
    }

    /// Why an article is in its event: the earlier article it was found closest to.
    pub fn grouping(&self, article: i64) -> Result<Grouping, Error> {
        events::grouping(&self.connection, article)
    }

    /// Corrects an article's headline, outlet, byline or publication date (`None` leaves a
    /// field, an empty string clears it); the corrected fields are recorded and later imports
    /// of the same article keep them. Returns the article as it is now.
    pub fn edit_article(&self, id: i64, edit: &MetadataEdit) -> Result<ArticleRecord, Error> {
        edits::edit_article(&self.connection, id, edit)?;
        self.article(id)
    }

    /// Every outlet with its number of articles, most articles first.
    pub fn outlets(&self) -> Result<Vec<OutletCount>, Error> {
        edits::outlets(&self.connection)
    }

    /// Renames an outlet on all its articles; when `to` is already an outlet, the two merge.
    pub fn rename_outlet(&self, from: &str, to: &str) -> Result<OutletRenamed, Error> {
        edits::rename_outlet(&self.connection, from, to)
    }

    /// Adds tags to an article; returns all its tags.
    pub fn add_tags(&self, id: i64, tags: &[String]) -> Result<Vec<String>, Error> {
        edits::add_tags(&self.connection, id, tags)
    }

    /// Removes tags from an article (case ignored); returns the tags it keeps.
    pub fn remove_tags(&self, id: i64, tags: &[String]) -> Result<Vec<String>, Error> {
        edits::remove_tags(&self.connection, id, tags)
    }

    /// Moves articles to the trash: they leave lists, search, events and comparisons until
    /// restored. All or none: an unknown id moves nothing.
    pub fn delete(&self, ids: &[i64]) -> Result<Vec<i64>, Error> {
        let deleted = trash::delete(&self.connection, ids)?;
        Ok(deleted)
    }

    /// Brings articles back from the trash into their event (a new one of the same name when
    /// that event is gone).
    pub fn restore(&self, ids: &[i64]) -> Result<Vec<RestoredArticle>, Error> {
        let restored = trash::restore(&self.connection, ids)?;
        Ok(restored)
    }

    /// The articles in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashedArticle>, Error> {
        trash::list(&self.connection)
    }

    /// Deletes the trashed articles for good, with the events they leave empty, and the deleted
    /// notes.
    pub fn empty_trash(&self) -> Result<EmptiedTrash, Error> {
        let emptied = trash::empty(&self.connection)?;
        Ok(emptied)
    }

    /// Links two sentences of two articles the engine did not align; returns the corrections
    /// of that pair of articles.
    pub fn link_sentences(
        &self,
        a: ArticleSentence,
        b: ArticleSentence,
    ) -> Result<Vec<SentenceOverride>, Error> {
        overrides::set(&self.connection, a, b, true)
    }

    /// Unlinks two sentences the engine aligned wrongly; returns the corrections of that pair
    /// of articles.
    pub fn unlink_sentences(
        &self,
        a: ArticleSentence,
        b: ArticleSentence,
    ) -> Result<Vec<SentenceOverride>, Error> {
        overrides::set(&self.connection, a, b, false)
    }

    /// Forgets the correction (link or unlink) of two sentences; returns whether there was one.
    pub fn remove_alignment_override(
        &self,
        a: ArticleSentence,
        b: ArticleSentence,
    ) -> Result<bool, Error> {
        overrides::remove(&self.connection, a, b)
    }

    /// The alignment corrections of two articles, told with `a` first.
    pub fn alignment_overrides(&self, a: i64, b: i64) -> Result<Vec<SentenceOverride>, Error> {
        overrides::list(&self.connection, a, b)
    }

    /// Forgets every alignment correction of two articles; returns how many there were.
    pub fn clear_alignment_overrides(&self, a: i64, b: i64) -> Result<usize, Error> {
        overrides::clear(&self.connection, a, b)
    }

    /// Writes a note, with an optional verdict from the scale, on an article, a sentence, an
    /// aligned pair or an event.
    pub fn add_note(
        &self,
        target: &NoteTarget,
        text: &str,
        verdict: Option<&str>,
        author: &str,
    ) -> Result<Note, Error> {
        let id = notes::add(&self.connection, target, text, verdict, author)?;
        notes::get(&self.connection, id)
    }

    /// One note (deleted or not).
    pub fn note(&self, id: i64) -> Result<Note, Error> {
        notes::get(&self.connection, id)
    }

    /// The notes the filter lets through, oldest first.
    pub fn notes(&self, filter: &NoteFilter) -> Result<Vec<Note>, Error> {
        notes::list(&self.connection, filter)
    }

    /// Changes a note's text or verdict; [`Library::undo_note_edit`] puts the old one back.
    pub fn edit_note(&self, id: i64, edit: &NoteEdit) -> Result<Note, Error> {
        notes::edit(&self.connection, id, edit)
    }

    /// Undoes a note's last edit (undoing twice redoes it).
    pub fn undo_note_edit(&self, id: i64) -> Result<Note, Error> {
        notes::undo_edit(&self.connection, id)
    }

    /// Moves a note to the trash; [`Library::restore_note`] brings it back.
    pub fn delete_note(&self, id: i64) -> Result<Note, Error> {
        notes::delete(&self.connection, id)
    }

    /// Brings a deleted note back.
    pub fn restore_note(&self, id: i64) -> Result<Note, Error> {
        notes::restore(&self.connection, id)
    }

    /// The verdicts notes can give, in order.
    pub fn verdict_scale(&self) -> Result<Vec<String>, Error> {
        notes::scale(&self.connection)
    }

    /// Adds a verdict at the end of the scale; returns the scale.
    pub fn add_verdict(&self, verdict: &str) -> Result<Vec<String>, Error> {
        notes::add_verdict(&self.connection, verdict)
    }

    /// Takes a verdict no note gives off the scale; returns the scale.
    pub fn remove_verdict(&self, verdict: &str) -> Result<Vec<String>, Error> {
        notes::remove_verdict(&self.connection, verdict)
    }

    /// Citations of library articles, in the order given, with keys unique among them; write
    /// them with [`cite()`].
    pub fn citations(&self, ids: &[i64]) -> Result<Vec<Citation>, Error> {
        let records = ids
            .iter()
            .map(|&id| self.article(id))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(cite::citations(records))
    }

    /// Writes every article (not the trash) as JSON Lines ([`DumpedArticle`]), from one
    /// consistent read; returns how many.
    pub fn dump(&self, out: &mut dyn std::io::Write) -> Result<usize, Error> {
        let written = dump::dump(&self.connection, out, &mut |_, _| true)?;
        Ok(written.expect("an export that is never stopped is written whole"))
    }

    /// [`Library::dump`], telling `progress` the articles written and the articles in all after
    /// each; when it answers `false` the export stops there and `None` is returned (what was
    /// written to `out` until then is not a whole export).
    pub fn dump_with_progress(
        &self,
        out: &mut dyn std::io::Write,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Option<usize>, Error> {
        dump::dump(&self.connection, out, progress)
    }

    /// Loads a JSON Lines export made by [`Library::dump`]: articles the library holds (same
    /// text) are reported as duplicates, events are found by name or started. `source` names
    /// the input in the report (`source:line`).
    pub fn load(
        &self,
        input: &mut dyn std::io::BufRead,
        source: &str,
    ) -> Result<ImportReport, Error> {
        dump::load(&self.connection, &self.event_index, input, source)
    }

    /// Writes every article (not the trash) in `format`: JSON Lines as [`Library::dump`], the
    /// same records as one Parquet file, or passim's input; returns how many.
    pub fn dump_as(
        &self,
        format: DumpFormat,
        out: &mut (dyn std::io::Write + Send),
    ) -> Result<usize, Error> {
        dump::dump_as(&self.connection, format, out)
    }

    /// Loads a Parquet dump made by [`Library::dump_as`] (or any Parquet file of articles with
    /// at least `title` and `text` columns), as [`Library::load`] loads JSON Lines; `source`
    /// names the file in the report (`source:row N`).
    pub fn load_parquet(&self, file: std::fs::File, source: &str) -> Result<ImportReport, Error> {
        let mut records = dump::parquet::records(file, source)?;
        dump::load_records(&self.connection, &self.event_index, &mut records)
    }

    /// Imports passim's output (JSON Lines, one reused passage a line) as passages shared
    /// between the library's articles; `source` names the input in the report.
    pub fn import_passim_clusters(
        &self,
        input: &mut dyn std::io::BufRead,
        source: &str,
    ) -> Result<PassageImport, Error> {
        passages::import_passim(&self.connection, input, source)
    }

    /// The clusters of shared passages the library holds, or those with a passage in one of
    /// `articles`, each with its passages in the library's articles.
    pub fn reuse_clusters(&self, articles: Option<&[i64]>) -> Result<Vec<ReuseCluster>, Error> {
        passages::clusters(&self.connection, articles)
    }

    /// Copies the library, as it is at this moment, to `target` through SQLite's online backup
    /// API; safe while another window or command writes to it.
    pub fn backup(&self, target: &Path) -> Result<BackupReport, Error> {
        let copied = backup::backup(&self.connection, &self.path, target, &mut |_, _| true)?;
        Ok(copied.expect("a backup that is never stopped is written"))
    }

    /// [`Library::backup`], telling `progress` the pages copied and the pages in all after
    /// every step; when it answers `false` the copy stops and leaves no file (`None`).
    pub fn backup_with_progress(
        &self,
        target: &Path,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<Option<BackupReport>, Error> {
        backup::backup(&self.connection, &self.path, target, progress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_library_path_wins() {
        assert_eq!(
            resolve_library_path(Some(Path::new("/tmp/x.sqlite3"))),
            PathBuf::from("/tmp/x.sqlite3")
        );
    }

    #[test]
    fn the_default_library_lives_in_the_data_folder() {
        let path = default_library_path();
        assert!(path.ends_with("parallax/library.sqlite3"));
    }
}
