//! The Parallax library: one SQLite file that keeps a person's articles, the import pipeline
//! that fills it, full-text search and the events articles are grouped into.
//!
//! The desktop window and the `parallax` command line both open the library through
//! [`Library::open`], at the path [`resolve_library_path`] chooses, so they always see the
//! same articles.
//!
//! - [`Library::import_paths`]: files and folders in, articles out; duplicates (same normalised
//!   text) are reported with the id already stored, never stored twice.
//! - [`Library::list`], [`Library::article`]: what the library holds.
//! - [`Library::search`], [`Library::search_with`]: ranked full-text search (SQLite FTS5) with
//!   highlighted snippets, narrowed by outlet, dates or event.
//! - [`Library::events`]: the events found automatically on import
//!   ([`parallax_core::events`]), [`Library::grouping`] says why an article is in its event;
//!   [`Library::rename_event`], [`Library::merge_events`] and [`Library::move_article`] record a
//!   person's corrections, which later imports keep.
//! - [`Library::compare`], [`compare_texts`]: the engine's comparison as one report;
//!   [`export()`] writes it as HTML, Markdown, JSON or (the entity matrix) CSV.
//!
//! ```
//! use std::sync::atomic::AtomicBool;
//! use parallax_library::Library;
//!
//! let folder = tempfile::tempdir().unwrap();
//! let file = folder.path().join("report.txt");
//! std::fs::write(&file, "Storm closes harbour\n\nA storm closed the harbour on Monday.").unwrap();
//! let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
//! let report = library.import_paths(&[file], &mut |_| {}, &AtomicBool::new(false));
//! assert_eq!(report.imported.len(), 1);
//! assert_eq!(library.search("harbour").unwrap().len(), 1);
//! ```
#![warn(missing_docs)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use rusqlite::{Connection, OpenFlags};

mod articles;
mod error;
mod events;
mod export;
mod import;
mod layout;
mod report;
mod samples;
mod schema;
mod search;

pub use articles::{ArticleRecord, ArticleSummary};
pub use error::Error;
pub use events::{EventSummary, Grouping};
pub use export::{export, ExportFormat};
pub use import::{
    read_source_file, DuplicateFile, FailedFile, ImportProgress, ImportReport, ImportedArticle,
};
pub use layout::{Cell, CellState, Row};
pub use report::{compare_texts, CompareReport, ComparedInput, ReportArticle};
pub use search::{ArticlePage, ListedArticle, SearchHit, SearchOptions, SearchSort};

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

/// The library to open: the explicit path if given, else `$PARALLAX_LIBRARY` if set and not
/// The most articles one comparison takes: beyond it the side-by-side view stops being readable
/// and the pairwise work grows with the square of the count.
pub const MAX_COMPARED_ARTICLES: usize = 20;

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
    created: bool,
    /// The event index, kept between imports so a single new file is grouped at once.
    event_index: std::cell::RefCell<Option<events::CachedIndex>>,
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
        let opened = schema::prepare(&mut connection, path)?;
        Ok(Library {
            connection,
            path: path.to_path_buf(),
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
            self,
            samples::sources(),
            &mut |_| {},
            &AtomicBool::new(false),
        ) {
            (_, Some(error)) => Err(error),
            (report, None) => Ok(report),
        }
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
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
        let (mut report, _) = import::import(self, sources, progress, cancel);
        report.failed.splice(0..0, unreadable);
        report
    }

    /// Every article, newest publication first.
    pub fn list(&self) -> Result<Vec<ArticleSummary>, Error> {
        articles::list(&self.connection)
    }

    /// One article with its text.
    pub fn article(&self, id: i64) -> Result<ArticleRecord, Error> {
        articles::get(&self.connection, id)
    }

    /// Compares two or more articles of the library.
    pub fn compare(&self, ids: &[i64]) -> Result<CompareReport, Error> {
        check_comparison_size(ids.len())?;
        let inputs = ids
            .iter()
            .map(|&id| {
                let record = self.article(id)?;
                Ok(ComparedInput {
                    reference: id.to_string(),
                    id: Some(id),
                    title: record.title,
                    outlet: record.outlet,
                    text: record.text,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(compare_texts(inputs))
    }

    /// Full-text search over title, outlet, byline and text, best match first. Words are
    /// matched whole, the last one also as a prefix (search as one types); `"quoted words"`
    /// match as a phrase.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>, Error> {
        search::search(&self.connection, query, &SearchOptions::default())
    }

    /// [`Library::search`] narrowed by outlet, dates and event, in the order asked.
    pub fn search_with(
        &self,
        query: &str,
        options: &SearchOptions,
    ) -> Result<Vec<SearchHit>, Error> {
        search::search(&self.connection, query, options)
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
        events::forget_index(self);
        events::merge(&self.connection, into, others)
    }

    /// Moves an article to another event, or (with `None`) splits it off into a new event of
    /// its own. Returns the article's event. The choice is kept whatever is imported later.
    pub fn move_article(&self, article: i64, event: Option<i64>) -> Result<i64, Error> {
        events::forget_index(self);
        events::move_article(&self.connection, article, event)
    }

    /// Why an article is in its event: the earlier article it was found closest to.
    pub fn grouping(&self, article: i64) -> Result<Grouping, Error> {
        events::grouping(&self.connection, article)
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
