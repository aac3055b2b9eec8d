//! Imports in the background, with progress sent to the window as events.
//!
//! Paths come from three places only: the native dialogs opened here, files dropped on the
//! window, and the command line. The import runs in Tauri's pool for blocking work, on its own
//! connection to the library file, so the window stays responsive; the library serialises
//! writers. It can be cancelled; what it imported until then stays.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use parallax_library::{ImportProgress, ImportReport};
use serde::Serialize;
use tauri::{AppHandle, DragDropEvent, Emitter, Manager, Window, WindowEvent};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// Sent while an import runs.
pub const PROGRESS_EVENT: &str = "import-progress";
/// Sent once when an import ends, with its report.
pub const FINISHED_EVENT: &str = "import-finished";

/// The formats offered in the open dialog: every extension the importer reads.
const FORMATS: &[&str] = parallax_core::ingest::Format::EXTENSIONS;

/// Shows the native dialog, then imports the chosen files or folders.
pub fn choose_and_import(app: AppHandle, folders: bool) {
    let dialog = app.dialog().file().set_title(if folders {
        "Import Folder"
    } else {
        "Open Articles"
    });
    let handle = app.clone();
    if folders {
        dialog.pick_folders(move |chosen| {
            let paths = chosen
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| p.into_path().ok())
                .collect();
            start(handle, paths);
        });
    } else {
        dialog
            .add_filter("Articles", FORMATS)
            .add_filter("All files", &["*"])
            .pick_files(move |chosen| {
                let paths = chosen
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|p| p.into_path().ok())
                    .collect();
                start(handle, paths);
            });
    }
}

/// Imports files dropped on the window.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
        start(window.app_handle().clone(), paths.clone());
    }
}

/// Asks the import under way to stop; what it already imported stays.
pub fn cancel(state: &AppState) -> bool {
    state.import.cancel()
}

/// What the window hears when an import ends.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ImportFinished {
    pub(crate) report: Option<ImportReport>,
    pub(crate) error: Option<String>,
}

/// Starts importing `paths` on a background thread, unless another import is under way.
pub fn start(app: AppHandle, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    let state = app.state::<AppState>();
    let Some(cancel) = state.import.begin() else {
        let _ = app.emit(
            FINISHED_EVENT,
            ImportFinished {
                report: None,
                error: Some("an import is already running: wait for it or cancel it".into()),
            },
        );
        return;
    };
    tauri::async_runtime::spawn_blocking(move || {
        let finished = match app.state::<AppState>().connect() {
            Ok(library) => {
                let mut last_sent = Instant::now() - Duration::from_secs(1);
                let mut send = |progress: &ImportProgress| {
                    // The window redraws at most ~30 times a second, and always at the end.
                    if progress.done == progress.total
                        || last_sent.elapsed() >= Duration::from_millis(33)
                    {
                        last_sent = Instant::now();
                        let _ = app.emit(PROGRESS_EVENT, progress);
                    }
                };
                let report = library.import_paths(&paths, &mut send, &cancel);
                ImportFinished {
                    report: Some(report),
                    error: None,
                }
            }
            Err(error) => ImportFinished {
                report: None,
                error: Some(format!("Nothing was imported: {error}")),
            },
        };
        app.state::<AppState>().import.end();
        let _ = app.emit(FINISHED_EVENT, finished);
    });
}
