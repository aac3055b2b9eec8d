//! The import pipeline: paths are expanded into files, files are read and extracted on every
//! core, and one writer stores the articles in batched transactions, grouping each into an event.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use parallax_core::events::ArticleProfile;
use parallax_core::ingest::{self, ExtractedArticle};
use rayon::prelude::*;
use rusqlite::{Connection, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{articles, events, Error};

/// How many files are extracted, then written in one transaction.
const BATCH: usize = 256;

/// The extensions a folder walk picks up; a file named explicitly is always tried.
const ARTICLE_EXTENSIONS: &[&str] = parallax_core::ingest::Format::EXTENSIONS;

/// How far an import has come, reported after every file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    /// Files handled so far (imported, duplicate or failed).
    pub done: usize,
    /// Files to handle in all.
    pub total: usize,
    /// The file just handled.
    pub current: String,
}

/// What an import did with every file it was given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// New articles.
    pub imported: Vec<ImportedArticle>,
    /// Files whose text the library already holds.
    pub duplicates: Vec<DuplicateFile>,
    /// Files that could not be imported, with the reason.
    pub failed: Vec<FailedFile>,
    /// True when the import was cancelled: files after the last one reported were not looked at.
    pub cancelled: bool,
    /// Why the import stopped before its end when the library itself failed (the disk full, the
    /// file moved): the files not written are in `failed` with the same reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// An article the import added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedArticle {
    /// Its id in the library.
    pub id: i64,
    /// The file it came from.
    pub path: String,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// The event it was put in.
    pub event: i64,
}

/// A file whose article the library already holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateFile {
    /// The file.
    pub path: String,
    /// The id of the article already stored.
    pub existing_id: i64,
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedFile {
    /// The file.
    pub path: String,
    /// Why, in words a user can act on.
    pub error: String,
}

/// Where an article's bytes come from.
pub(crate) enum Source {
    /// A file on disk: its path as the user gave or the walk found it.
    File(PathBuf),
    /// A file embedded in the binary (the samples).
    Embedded { name: String, bytes: &'static [u8] },
}

impl Source {
    fn display(&self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Embedded { name, .. } => name.clone(),
        }
    }
}

/// An article read and extracted, ready to be written.
struct Prepared {
    article: ExtractedArticle,
    stored_path: String,
    word_count: usize,
    content_hash: String,
    profile: ArticleProfile,
}

/// Expands files and folders into the files to import; paths that do not exist or cannot be
/// walked are returned as failures.
pub(crate) fn collect(paths: &[PathBuf]) -> (Vec<Source>, Vec<FailedFile>) {
    let mut sources = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let fail = |error: String| FailedFile {
            path: path.display().to_string(),
            error,
        };
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                failed.push(fail("no such file or folder".into()))
            }
            Err(e) => failed.push(fail(format!("cannot read it: {e}"))),
            Ok(meta) if meta.is_dir() => {
                let walk = walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|entry| {
                        entry.depth() == 0
                            || !is_hidden(entry.file_name()) && !is_saved_page_assets(entry)
                    });
                for entry in walk {
                    match entry {
                        Ok(entry)
                            if entry.file_type().is_file()
                                && has_article_extension(entry.path()) =>
                        {
                            sources.push(Source::File(entry.into_path()));
                        }
                        Ok(_) => {}
                        Err(e) => failed.push(FailedFile {
                            path: e.path().unwrap_or(path).display().to_string(),
                            error: format!(
                                "cannot read it: {}",
                                e.io_error()
                                    .map_or_else(|| e.to_string(), |io| io.to_string())
                            ),
                        }),
                    }
                }
            }
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    (sources, failed)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// The `Page_files` folder a browser's "Save Page As, complete" writes beside `Page.html`: its
/// frames and scripts are parts of that page, not articles.
fn is_saved_page_assets(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    let Some(stem) = name.strip_suffix("_files") else {
        return false;
    };
    entry.file_type().is_dir()
        && ["html", "htm"].iter().any(|ext| {
            entry
                .path()
                .with_file_name(format!("{stem}.{ext}"))
                .is_file()
        })
}

fn has_article_extension(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ARTICLE_EXTENSIONS
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// Imports the sources: extraction in parallel, one writer. Files the writer could not store
/// (the library itself failing) are reported as failed with the library's message, and the
/// first such failure is returned beside the report.
pub(crate) fn import(
    connection: &Connection,
    events: &events::IndexCache,
    sources: Vec<Source>,
    progress: &mut dyn FnMut(&ImportProgress),
    cancel: &AtomicBool,
) -> (ImportReport, Option<Error>) {
    let total = sources.len();
    let mut report = ImportReport::default();
    let mut done = 0;
    let mut fatal: Option<(String, Error)> = None;
    std::thread::scope(|scope| {
        let (send, receive) = mpsc::sync_channel::<Vec<(String, Result<Prepared, String>)>>(1);
        let sources = &sources;
        scope.spawn(move || {
            for chunk in sources.chunks(BATCH) {
                if cancel.load(Ordering::Relaxed) {
                    break;
                }
                let prepared = chunk
                    .par_iter()
                    .map(|source| (source.display(), prepare(source)))
                    .collect();
                if send.send(prepared).is_err() {
                    break;
                }
            }
        });
        for batch in receive {
            if cancel.load(Ordering::Relaxed) {
                report.cancelled = true;
                break;
            }
            if let Some((error, _)) = &fatal {
                for (path, _) in batch {
                    done += 1;
                    report.failed.push(FailedFile {
                        path: path.clone(),
                        error: error.clone(),
                    });
                    progress(&ImportProgress {
                        done,
                        total,
                        current: path,
                    });
                }
                continue;
            }
            let written = write_batch(connection, events, batch, &mut report, &mut |path| {
                done += 1;
                progress(&ImportProgress {
                    done,
                    total,
                    current: path.to_string(),
                });
                cancel.load(Ordering::Relaxed)
            });
            match written {
                Ok(WriteOutcome::Finished) => {}
                Ok(WriteOutcome::Cancelled) => {
                    report.cancelled = true;
                    break;
                }
                Err((error, unwritten)) => {
                    let message = error.to_string();
                    for path in unwritten {
                        report.failed.push(FailedFile {
                            path,
                            error: message.clone(),
                        });
                    }
                    fatal = Some((message, error));
                }
            }
        }
    });
    report.stopped = fatal.as_ref().map(|(message, _)| message.clone());
    (report, fatal.map(|(_, error)| error))
}

enum WriteOutcome {
    Finished,
    Cancelled,
}

/// Writes one batch in one transaction. `handled` is called after every file and returns true
/// when the import is to stop; what was written until then is committed. On a library failure
/// the batch is rolled back and the paths of its articles are returned with the error.
fn write_batch(
    connection: &Connection,
    events: &events::IndexCache,
    batch: Vec<(String, Result<Prepared, String>)>,
    report: &mut ImportReport,
    handled: &mut dyn FnMut(&str) -> bool,
) -> Result<WriteOutcome, (Error, Vec<String>)> {
    let all_paths = || {
        batch
            .iter()
            .map(|(path, _)| path.clone())
            .collect::<Vec<_>>()
    };
    // Immediate: wait for another writer (the window, a command) before any work, not midway.
    let transaction = match Transaction::new_unchecked(connection, TransactionBehavior::Immediate) {
        Ok(t) => t,
        Err(e) => return Err((e.into(), all_paths())),
    };
    let mut cached = match events.take(&transaction) {
        Ok(cached) => cached,
        Err(e) => return Err((e, all_paths())),
    };
    let index = &mut cached.index;
    let mut added = Vec::new();
    let mut duplicates = Vec::new();
    let mut failed = Vec::new();
    let mut stopped = false;
    let mut regrouped_any = false;
    for (path, prepared) in &batch {
        match prepared {
            Err(error) => failed.push(FailedFile {
                path: path.clone(),
                error: error.clone(),
            }),
            Ok(prepared) => match store(&transaction, index, prepared) {
                Ok(Stored::New {
                    id,
                    event,
                    regrouped,
                }) => {
                    regrouped_any |= regrouped;
                    added.push((
                        id,
                        event,
                        ImportedArticle {
                            id,
                            path: path.clone(),
                            title: prepared.article.title.clone(),
                            outlet: prepared.article.outlet.clone(),
                            event,
                        },
                    ));
                }
                Ok(Stored::Duplicate(existing_id)) => duplicates.push(DuplicateFile {
                    path: path.clone(),
                    existing_id,
                }),
                Err(e) => return Err((e, all_paths())),
            },
        }
        if handled(path) {
            stopped = true;
            break;
        }
    }
    // A later article of the batch may have cut the event of an earlier one in two, or folded it
    // into another.
    for (id, event, article) in added.iter_mut().filter(|_| regrouped_any) {
        let now = transaction
            .prepare_cached("SELECT event_id FROM articles WHERE id = ?1")
            .and_then(|mut statement| statement.query_row([*id], |row| row.get(0)));
        match now {
            Ok(now) => {
                *event = now;
                article.event = now;
            }
            Err(e) => return Err((e.into(), all_paths())),
        }
    }
    let new_ids: Vec<i64> = added.iter().map(|(id, _, _)| *id).collect();
    if let Err(e) = crate::schema::index_for_search(&transaction, &new_ids) {
        return Err((e.into(), all_paths()));
    }
    if let Err(e) = transaction.commit() {
        return Err((e.into(), all_paths()));
    }
    // Only an index that matches what was committed is kept for the next batch or import.
    events.keep(connection, cached);
    report
        .imported
        .extend(added.into_iter().map(|(_, _, article)| article));
    report.duplicates.extend(duplicates);
    report.failed.extend(failed);
    Ok(if stopped {
        WriteOutcome::Cancelled
    } else {
        WriteOutcome::Finished
    })
}

enum Stored {
    /// A new article, in `event`; `regrouped` when placing it cut an event in two or folded
    /// one into another.
    New {
        id: i64,
        event: i64,
        regrouped: bool,
    },
    Duplicate(i64),
}

/// Stores one article, whole, and puts it in its event.
fn store(
    connection: &rusqlite::Connection,
    index: &mut parallax_core::events::EventIndex,
    prepared: &Prepared,
) -> Result<Stored, Error> {
    let existing = articles::with_hash(connection, &prepared.content_hash)?;
    if let Some(id) = existing {
        return Ok(Stored::Duplicate(id));
    }
    let assignment = index.assign(&prepared.profile);
    let event = match assignment.event {
        Some(event) => event,
        None => events::create(connection, &prepared.article.title)?,
    };
    let article = &prepared.article;
    let id = articles::insert(
        connection,
        &articles::NewArticle {
            title: &article.title,
            outlet: article.outlet.as_deref(),
            byline: article.byline.as_deref(),
            published: article.published.as_deref(),
            url: article.url.as_deref(),
            language: article.language.as_deref(),
            path: Some(&prepared.stored_path),
            format: article.format.as_str(),
            text: &article.text,
            word_count: prepared.word_count,
            content_hash: &prepared.content_hash,
            event,
            profile: &events::encode_profile(&prepared.profile),
            imported: None,
            grouped_with: assignment.event.and(assignment.evidence.as_ref()),
            placed_by_user: false,
            corrected: None,
        },
    )?;
    index.insert(id, event, &prepared.profile);
    // The event the article joined may now show itself as two stories.
    let mut event = event;
    let split = assignment.event.and_then(|joined| index.split_of(joined));
    let mut regrouped = split.is_some();
    if let Some(split) = &split {
        let other = events::split(connection, index, split)?;
        if split.leaving.contains(&id) {
            event = other;
        }
    }
    // Or the article's event, small, may show itself as a part of another.
    if let Some(fold) = index.fold_of(event, &assignment.near) {
        if events::fold(connection, index, &fold)? {
            regrouped = true;
            if fold.event == event {
                event = fold.into;
            }
        }
    }
    Ok(Stored::New {
        id,
        event,
        regrouped,
    })
}

/// Reads a file to import; one over the engine's size limit is refused from its size alone, and
/// never read further than the limit even if it grows while being read.
pub fn read_source_file(path: &Path) -> Result<Vec<u8>, Error> {
    ingest::read_file_limited(path).map_err(|reason| Error::Unreadable {
        path: path.to_path_buf(),
        reason,
    })
}

/// Reads and extracts one source, on a worker thread.
fn prepare(source: &Source) -> Result<Prepared, String> {
    let (bytes, name, stored_path) = match source {
        Source::File(path) => {
            let bytes = ingest::read_file_limited(path)?;
            let stored = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            (
                std::borrow::Cow::Owned(bytes),
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                stored.display().to_string(),
            )
        }
        Source::Embedded { name, bytes } => (
            std::borrow::Cow::Borrowed(*bytes),
            name.clone(),
            format!("samples/{name}"),
        ),
    };
    let article = ingest::extract(&bytes, &name).map_err(|e| e.to_string())?;
    if article.text.trim().is_empty() {
        return Err("no article text found".into());
    }
    Ok(Prepared {
        word_count: parallax_core::text::word_count(&article.text),
        content_hash: content_hash(&article.text),
        profile: ArticleProfile::new(&article.title, &article.text, article.published.as_deref()),
        stored_path,
        article,
    })
}

/// sha256 of the text folded for comparison, white space collapsed: the same article saved
/// twice, or with other quotes or line breaks, has the same hash.
pub(crate) fn content_hash(text: &str) -> String {
    let folded = parallax_core::text::normalize(text);
    let mut hasher = Sha256::new();
    for (i, word) in folded.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_with_other_spacing_and_quotes_has_the_same_hash() {
        assert_eq!(
            content_hash("He said \u{201C}yes\u{201D}.\n\nThen left."),
            content_hash("He said \"yes\".  Then left.")
        );
        assert_ne!(content_hash("He said yes."), content_hash("He said no."));
    }

    #[test]
    fn folder_walks_skip_hidden_entries_and_unknown_extensions() {
        let folder = tempfile::tempdir().unwrap();
        std::fs::write(folder.path().join("a.txt"), "x").unwrap();
        std::fs::write(folder.path().join(".hidden.txt"), "x").unwrap();
        std::fs::write(folder.path().join("photo.jpg"), "x").unwrap();
        std::fs::create_dir(folder.path().join(".git")).unwrap();
        std::fs::write(folder.path().join(".git").join("b.txt"), "x").unwrap();
        std::fs::create_dir(folder.path().join("sub")).unwrap();
        std::fs::write(folder.path().join("sub").join("c.md"), "x").unwrap();
        std::fs::write(folder.path().join("page.html"), "x").unwrap();
        std::fs::create_dir(folder.path().join("page_files")).unwrap();
        std::fs::write(folder.path().join("page_files").join("frame.htm"), "x").unwrap();
        std::fs::create_dir(folder.path().join("notes_files")).unwrap();
        std::fs::write(folder.path().join("notes_files").join("d.txt"), "x").unwrap();
        let (sources, failed) = collect(&[
            folder.path().to_path_buf(),
            folder.path().join("missing.txt"),
        ]);
        let names: Vec<String> = sources
            .iter()
            .map(|s| s.display().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "d.txt", "page.html", "c.md"]);
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].error, "no such file or folder");
    }
}
