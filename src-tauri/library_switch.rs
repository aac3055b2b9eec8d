//! Switching the window to another library file, chosen in a native dialog.

use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// Sent when the window's library changed: `{ path, error }`.
pub const LIBRARY_CHANGED_EVENT: &str = "library-changed";

#[derive(Debug, Clone, serde::Serialize)]
struct LibraryChanged {
    path: String,
    error: Option<String>,
}

/// Shows the dialog (an open dialog, or a save dialog to name a new library) and switches.
pub fn choose(app: AppHandle, create: bool) {
    let dialog = app
        .dialog()
        .file()
        .add_filter("Parallax library", &["sqlite3", "sqlite", "db"]);
    let handle = app.clone();
    let switch = move |chosen: Option<tauri_plugin_dialog::FilePath>| {
        let Some(path) = chosen.and_then(|p| p.into_path().ok()) else {
            return;
        };
        let error = handle.state::<AppState>().reopen(&path).err();
        let _ = handle.emit(
            LIBRARY_CHANGED_EVENT,
            LibraryChanged {
                path: path.display().to_string(),
                error,
            },
        );
    };
    if create {
        dialog
            .set_title("New Library")
            .set_file_name("library.sqlite3")
            .save_file(switch);
    } else {
        dialog.set_title("Open Library").pick_file(switch);
    }
}
