//! Saving a comparison, or the citations of articles, where the user chooses, in the format
//! they choose.

use parallax_library::{cite, CitationFormat};
use parallax_report::{compare_articles, export, ExportFormat};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::state::{AppState, Lane};

/// Sent once an export is written or has failed: `{ path, error }`.
pub const EXPORTED_EVENT: &str = "export-finished";

#[derive(Debug, Clone, Serialize)]
struct ExportFinished {
    path: String,
    error: Option<String>,
}

/// Shows the save dialog, then compares `ids` on the library and writes the export.
pub fn choose_and_write(app: AppHandle, ids: Vec<i64>, format: ExportFormat) {
    let extension = format.extension();
    let handle = app.clone();
    app.dialog()
        .file()
        .set_title("Export Comparison")
        .set_file_name(format!("comparison.{extension}"))
        .add_filter(format.to_string(), &[extension])
        .save_file(move |chosen| {
            let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
                return;
            };
            // The dialog answers on the main thread: the comparison and the writing run in
            // the pool for blocking work, on the compare lane, so the window stays live.
            tauri::async_runtime::spawn_blocking(move || {
                let written = handle
                    .state::<AppState>()
                    .on_lane(Lane::Compare, |library| compare_articles(library, &ids))
                    .map_err(|e| e.to_string())
                    .and_then(|report| {
                        std::fs::write(&path, export(&report, format))
                            .map_err(|e| format!("cannot write '{}': {e}", path.display()))
                    });
                let finished = ExportFinished {
                    path: path.display().to_string(),
                    error: written.err(),
                };
                let _ = handle.emit(EXPORTED_EVENT, finished);
            });
        });
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
            std::fs::write(path, cite(&citations, format))
                .map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            Ok(match citations.len() {
                1 => format!("Saved 1 citation to {name}"),
                n => format!("Saved {n} citations to {name}"),
            })
        },
    );
}
