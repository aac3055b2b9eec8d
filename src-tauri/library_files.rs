//! The whole library to and from files the user chooses: a consistent SQLite backup, a JSON
//! Lines export, and the import of such an export. Each runs on its own connection to the
//! library file, off the window's thread.

use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use parallax_library::Library;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::import::{ImportFinished, FINISHED_EVENT};
use crate::state::AppState;

/// Sent once a backup or an export is written or has failed: `{ path, message, error }`.
pub const SAVED_EVENT: &str = "library-file-saved";

#[derive(Debug, Clone, Serialize)]
struct LibraryFileSaved {
    path: String,
    message: Option<String>,
    error: Option<String>,
}

/// Shows the save dialog, then copies the library there through SQLite's online backup.
pub fn choose_and_back_up(app: AppHandle) {
    save_to(
        app,
        "Back Up Library",
        "library-backup.sqlite3",
        ("SQLite library", &["sqlite3", "db"]),
        |library, path| {
            let report = library.backup(path).map_err(|e| e.to_string())?;
            Ok(format!(
                "Backed up {} articles to {}",
                report.articles,
                file_name(path)
            ))
        },
    );
}

/// Shows the save dialog, then writes every article there as JSON Lines.
pub fn choose_and_dump(app: AppHandle) {
    save_to(
        app,
        "Export Library",
        "library.jsonl",
        ("JSON Lines", &["jsonl"]),
        |library, path| {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
            let mut out = BufWriter::new(file);
            let count = library.dump(&mut out).map_err(|e| e.to_string())?;
            out.flush()
                .map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
            Ok(format!("Exported {count} articles to {}", file_name(path)))
        },
    );
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
        .map_err(|e| e.to_string())?;
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
