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
/// Sent once an export is written, cancelled or has failed:
/// `{ task, path, cancelled, message, error }`.
pub const EXPORTED_EVENT: &str = "export-finished";

/// How far an export is, by stage: `comparing` the articles (`done` of `total` steps: each
/// article read, each pair compared), then `writing` the file (bytes); `backing-up` the library
/// (pages copied); `exporting-library` (articles written).
#[derive(Debug, Clone, Serialize)]
struct ExportProgress {
    stage: &'static str,
    done: u64,
    total: u64,
}

/// Which export a task is: a comparison, a backup of the library, or the library as JSON Lines.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Task {
    Comparison,
    Backup,
    Library,
}

#[derive(Debug, Clone, Serialize)]
struct ExportFinished {
    task: Task,
    path: String,
    cancelled: bool,
    /// What was saved, in words, when there is more to say than the file's name.
    message: Option<String>,
    error: Option<CommandError>,
}

/// What became of an export task that did not fail.
pub(crate) enum Outcome {
    /// Written whole, with what to tell the user beyond the file's name.
    Saved(Option<String>),
    /// Stopped on the user's cancel: no file was written.
    Cancelled,
}

impl From<Written> for Outcome {
    fn from(written: Written) -> Outcome {
        match written {
            Written::Whole { .. } => Outcome::Saved(None),
            Written::Cancelled => Outcome::Cancelled,
        }
    }
}

/// Tells the window how far a task is: every step of a short count (a comparison's articles
/// and pairs), else at most ~30 times a second, and always at the start and the end.
pub(crate) struct Progress<'a> {
    app: &'a AppHandle,
    last_sent: Option<Instant>,
}

impl Progress<'_> {
    fn new(app: &AppHandle) -> Progress<'_> {
        Progress {
            app,
            last_sent: None,
        }
    }

    pub(crate) fn tell(&mut self, stage: &'static str, done: u64, total: u64) {
        let due = self
            .last_sent
            .is_none_or(|sent| sent.elapsed() >= Duration::from_millis(33));
        if done == 0 || done == total || total <= 100 || due {
            self.last_sent = Some(Instant::now());
            let _ = self
                .app
                .emit(PROGRESS_EVENT, ExportProgress { stage, done, total });
        }
    }
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
                start(
                    handle,
                    Task::Comparison,
                    path,
                    move |app, path, cancel, progress| {
                        write_export(app, &ids, format, path, cancel, progress).map(Outcome::from)
                    },
                );
            }
        });
}

/// Asks the export under way to stop; it leaves no file.
pub fn cancel(state: &AppState) -> bool {
    state.export.cancel()
}

/// Starts `work` (an export to `path`) in Tauri's pool for blocking work, unless another
/// export is under way; the window hears its progress and, once it ends, `export-finished`.
pub(crate) fn start(
    app: AppHandle,
    task: Task,
    path: PathBuf,
    work: impl FnOnce(&AppHandle, &Path, &AtomicBool, &mut Progress) -> Result<Outcome, CommandError>
        + Send
        + 'static,
) {
    let finished = move |outcome: Result<Outcome, CommandError>, path: &Path| {
        let (cancelled, message, error) = match outcome {
            Ok(Outcome::Saved(message)) => (false, message, None),
            Ok(Outcome::Cancelled) => (true, None, None),
            Err(error) => (false, None, Some(error)),
        };
        ExportFinished {
            task,
            path: path.display().to_string(),
            cancelled,
            message,
            error,
        }
    };
    let Some(cancel) = app.state::<AppState>().export.begin() else {
        let busy = CommandError::new(
            crate::error::Kind::Library(parallax_library::ErrorKind::Busy),
            "an export is already running: wait for it or cancel it",
        );
        let _ = app.emit(EXPORTED_EVENT, finished(Err(busy), &path));
        return;
    };
    tauri::async_runtime::spawn_blocking(move || {
        let outcome = work(&app, &path, &cancel, &mut Progress::new(&app));
        // A cancel heard after the last step still leaves the file written whole: the user
        // is told what is on disk.
        app.state::<AppState>().export.end();
        let _ = app.emit(EXPORTED_EVENT, finished(outcome, &path));
    });
}

/// Compares `ids` and writes the export to `path`, telling the window how far it is.
fn write_export(
    app: &AppHandle,
    ids: &[i64],
    format: ExportFormat,
    path: &Path,
    cancel: &AtomicBool,
    progress: &mut Progress,
) -> Result<Written, CommandError> {
    progress.tell("comparing", 0, 1);
    // The comparison tells each article read and each pair compared, and stops on cancel.
    let mut comparing = |done: usize, total: usize| {
        progress.tell("comparing", done as u64, total as u64);
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
    let mut writing = |done: u64, total: u64| progress.tell("writing", done, total);
    Ok(write_file(&contents, path, &mut writing, cancel)?)
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
