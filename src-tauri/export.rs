//! Saving a comparison, or the citations of articles, where the user chooses, in the format
//! they choose.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use parallax_library::{cite, CitationFormat};
use parallax_report::{compare_articles_with_progress, export, write_file, ExportFormat, Written};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandError;
use crate::state::{AppState, Lane};

/// Sent while an export runs: `{ stage, done, total }`.
pub const PROGRESS_EVENT: &str = "export-progress";
/// Sent once an export is written, cancelled or has failed: `{ path, cancelled, error }`.
pub const EXPORTED_EVENT: &str = "export-finished";

/// How far an export is: `comparing` the articles (`done` of `total` steps: each article read,
/// each pair compared), then `writing` the file (`done` of `total` bytes).
#[derive(Debug, Clone, Serialize)]
struct ExportProgress {
    stage: &'static str,
    done: u64,
    total: u64,
}

#[derive(Debug, Clone, Serialize)]
struct ExportFinished {
    path: String,
    cancelled: bool,
    error: Option<CommandError>,
}

/// Shows the save dialog, then compares `ids` on the library and writes the export there, as a
/// task the window sees progress of and can cancel.
pub fn choose_and_write(app: AppHandle, ids: Vec<i64>, format: ExportFormat) {
    let extension = format.extension();
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Export Comparison")
        .set_file_name(format!("comparison.{extension}"))
        .add_filter(format.to_string(), &[extension])
        .save_file(move |chosen| {
            if let Some(path) = chosen.and_then(|p| p.into_path().ok()) {
                start(handle, ids, format, path);
            }
        });
}

/// Asks the export under way to stop; it leaves no file.
pub fn cancel(state: &AppState) -> bool {
    state.export.cancel()
}

/// Starts the export in Tauri's pool for blocking work, on a connection of its own, unless
/// another export is under way.
fn start(app: AppHandle, ids: Vec<i64>, format: ExportFormat, path: PathBuf) {
    let Some(cancel) = app.state::<AppState>().export.begin() else {
        let _ = app.emit(
            EXPORTED_EVENT,
            ExportFinished {
                path: path.display().to_string(),
                cancelled: false,
                error: Some(CommandError::new(
                    crate::error::Kind::Library(parallax_library::ErrorKind::Busy),
                    "an export is already running: wait for it or cancel it",
                )),
            },
        );
        return;
    };
    tauri::async_runtime::spawn_blocking(move || {
        let written = write_export(&app, &ids, format, &path, &cancel);
        app.state::<AppState>().export.end();
        let finished = ExportFinished {
            path: path.display().to_string(),
            cancelled: matches!(written, Ok(Written::Cancelled)),
            error: written.err(),
        };
        let _ = app.emit(EXPORTED_EVENT, finished);
    });
}

/// Compares `ids` and writes the export to `path`, telling the window how far it is.
fn write_export(
    app: &AppHandle,
    ids: &[i64],
    format: ExportFormat,
    path: &Path,
    cancel: &AtomicBool,
) -> Result<Written, CommandError> {
    let tell = |stage, done, total| {
        let _ = app.emit(PROGRESS_EVENT, ExportProgress { stage, done, total });
    };
    tell("comparing", 0, 1);
    // The comparison tells each article read and each pair compared, and stops on cancel.
    let mut comparing = |done: usize, total: usize| {
        tell("comparing", done as u64, total as u64);
        !cancel.load(Ordering::SeqCst)
    };
    let state = app.state::<AppState>();
    let report = match state.connect() {
        Ok(library) => compare_articles_with_progress(&library, ids, &mut comparing)?,
        // A library moved or deleted cannot be opened again, but the compare lane still
        // reads the file it opened: what is on screen can still be exported.
        Err(_) => state.on_lane(Lane::Compare, |library| {
            compare_articles_with_progress(library, ids, &mut comparing)
        })?,
    };
    let Some(report) = report.filter(|_| !cancel.load(Ordering::SeqCst)) else {
        return Ok(Written::Cancelled);
    };
    let contents = export(&report, format);
    let mut last_sent = Instant::now() - Duration::from_secs(1);
    let mut progress = |done: u64, total: u64| {
        // The window redraws at most ~30 times a second, and always at the end.
        if done == total || last_sent.elapsed() >= Duration::from_millis(33) {
            last_sent = Instant::now();
            tell("writing", done, total);
        }
    };
    Ok(write_file(&contents, path, &mut progress, cancel)?)
}

/// Shows the save dialog, then writes the citations of `ids` in `format` there; the window
/// hears `library-file-saved`.
pub fn choose_and_save_citations(app: AppHandle, ids: Vec<i64>, format: CitationFormat) {
    let extension = format.extension();
    crate::library_files::save_to(
        app,
        "Save Citations",
        &format!("citations.{extension}"),
        (&format.to_string(), &[extension]),
        move |library, path| {
            let citations = library.citations(&ids).map_err(|e| e.to_string())?;
            // Whole or not at all, as a comparison's export.
            write_file(
                &cite(&citations, format),
                path,
                &mut |_, _| {},
                &AtomicBool::new(false),
            )
            .map_err(|e| e.to_string())?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            Ok(match citations.len() {
                1 => format!("Saved 1 citation to {name}"),
                n => format!("Saved {n} citations to {name}"),
            })
        },
    );
}
