//! The whole library to and from files the user chooses: a consistent SQLite backup, a JSON
//! Lines export, and the import of such an export. Each runs on its own connection to the
//! library file, off the window's thread.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use parallax_library::Library;
use parallax_report::PartialFile;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::export::{self, Outcome, Task};
use crate::import::{ImportFinished, FINISHED_EVENT};
use crate::state::AppState;

/// Sent once citations are written or have failed: `{ path, message, error }`.
pub const SAVED_EVENT: &str = "library-file-saved";

#[derive(Debug, Clone, Serialize)]
struct LibraryFileSaved {
    path: String,
    message: Option<String>,
    error: Option<String>,
}

/// Shows the save dialog, then copies the library there through SQLite's online backup, as an
/// export task: the window sees the pages copied and can cancel, which leaves no file.
pub fn choose_and_back_up(app: AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Back Up Library")
        .set_file_name("library-backup.sqlite3")
        .add_filter("SQLite library", &["sqlite3", "db"])
        .save_file(move |chosen| {
            let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
                return;
            };
            export::start(handle, Task::Backup, path, |app, path, cancel, progress| {
                let library = app.state::<AppState>().connect()?;
                let copied = library.backup_with_progress(path, &mut |copied, total| {
                    progress.tell("backing-up", copied, total);
                    !cancel.load(Ordering::SeqCst)
                })?;
                Ok(match copied {
                    Some(report) => Outcome::Saved(Some(format!(
                        "Backed up {} articles to {}",
                        report.articles,
                        file_name(path)
                    ))),
                    None => Outcome::Cancelled,
                })
            });
        });
}

/// Shows the save dialog, then writes every article there as JSON Lines, as an export task:
/// the window sees the articles written and can cancel, which leaves no file.
pub fn choose_and_dump(app: AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Export Library")
        .set_file_name("library.jsonl")
        .add_filter("JSON Lines", &["jsonl"])
        .save_file(move |chosen| {
            let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
                return;
            };
            export::start(
                handle,
                Task::Library,
                path,
                |app, path, cancel, progress| {
                    let library = app.state::<AppState>().connect()?;
                    let mut partial = PartialFile::create(path)?;
                    let written =
                        library.dump_with_progress(&mut partial, &mut |done, total| {
                            progress.tell("exporting-library", done as u64, total as u64);
                            !cancel.load(Ordering::SeqCst)
                        })?;
                    // Dropped unfinished, the partial file is deleted: a cancel leaves nothing.
                    let Some(count) = written else {
                        return Ok(Outcome::Cancelled);
                    };
                    partial.finish()?;
                    Ok(Outcome::Saved(Some(format!(
                        "Exported {count} articles to {}",
                        file_name(path)
                    ))))
                },
            );
        });
}

/// Shows the open dialog for a JSON Lines export, then loads it; the window hears
/// `import-finished` as after any import.
pub fn choose_and_load(app: AppHandle) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Import JSON Lines")
        .add_filter("JSON Lines", &["jsonl", "json"])
        .add_filter("All files", &["*"])
        .pick_file(move |chosen| {
            let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
                return;
            };
            tauri::async_runtime::spawn_blocking(move || {
                let loaded = load(&handle, &path);
                let finished = match loaded {
                    Ok(report) => ImportFinished {
                        report: Some(report),
                        error: None,
                    },
                    Err(error) => ImportFinished {
                        report: None,
                        error: Some(error),
                    },
                };
                let _ = handle.emit(FINISHED_EVENT, finished);
            });
        });
}

fn load(app: &AppHandle, path: &Path) -> Result<parallax_library::ImportReport, String> {
    let library = app
        .state::<AppState>()
        .connect()
        .map_err(|e| format!("Nothing was imported: {e}"))?;
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    library
        .load(&mut BufReader::new(file), &path.display().to_string())
        .map_err(|e| e.to_string())
}

/// Asks where to save (`title`, a suggested name and a filter), then runs `write` on its own
/// connection to the library and tells the window.
pub(crate) fn save_to(
    app: AppHandle,
    title: &str,
    suggested: &str,
    (filter, extensions): (&str, &[&str]),
    write: impl FnOnce(&Library, &Path) -> Result<String, String> + Send + 'static,
) {
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter(filter, extensions)
        .save_file(move |chosen| {
            let Some(path): Option<PathBuf> = chosen.and_then(|p| p.into_path().ok()) else {
                return;
            };
            // The dialog answers on the main thread: the writing runs in the pool for blocking
            // work, so the window stays live.
            tauri::async_runtime::spawn_blocking(move || {
                let written = handle
                    .state::<AppState>()
                    .connect()
                    .map_err(|e| e.to_string())
                    .and_then(|library| write(&library, &path));
                let (message, error) = match written {
                    Ok(message) => (Some(message), None),
                    Err(error) => (None, Some(error)),
                };
                let saved = LibraryFileSaved {
                    path: path.display().to_string(),
                    message,
                    error,
                };
                let _ = handle.emit(SAVED_EVENT, saved);
            });
        });
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
