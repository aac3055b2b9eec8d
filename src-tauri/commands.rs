//! The commands the window calls: each parses its arguments, calls one library function and
//! maps the error to a message the window shows.

use parallax_library::{
    ArticleRecord, ArticleSummary, CompareReport, EventSummary, ExportFormat, Grouping, SearchHit,
};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::state::AppState;
use crate::{export, import, library_switch};

/// Which library file the window shows.
#[derive(Debug, Serialize)]
pub struct LibraryInfo {
    path: String,
}

/// The page is listening: import the files named on the command line, if any.
#[tauri::command]
pub fn window_ready(app: AppHandle, state: State<'_, AppState>) {
    let files = state
        .files_to_open
        .lock()
        .map(|mut files| std::mem::take(&mut *files))
        .unwrap_or_default();
    import::start(app, files);
}

#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> LibraryInfo {
    LibraryInfo {
        path: state.library_path().display().to_string(),
    }
}

/// Opens the native dialog to choose another library file (or name a new one), and switches
/// to it; the window hears `library-changed`.
#[tauri::command]
pub fn choose_library(app: AppHandle, create: bool) {
    library_switch::choose(app, create);
}

#[tauri::command]
pub fn list_articles(state: State<'_, AppState>) -> Result<Vec<ArticleSummary>, String> {
    state.with_library(|library| library.list())
}

#[tauri::command]
pub fn list_events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, String> {
    state.with_library(|library| library.events())
}

#[tauri::command]
pub fn get_article(state: State<'_, AppState>, id: i64) -> Result<ArticleRecord, String> {
    state.with_library(|library| library.article(id))
}

#[tauri::command]
pub fn explain_grouping(state: State<'_, AppState>, id: i64) -> Result<Grouping, String> {
    state.with_library(|library| library.grouping(id))
}

#[tauri::command]
pub fn compare_articles(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<CompareReport, String> {
    check_comparison(&ids)?;
    state.with_library(|library| library.compare(&ids))
}

/// Asks where to save the comparison of `ids` in `format`, then writes it there.
#[tauri::command]
pub fn export_comparison(app: AppHandle, ids: Vec<i64>, format: String) -> Result<(), String> {
    check_comparison(&ids)?;
    let format: ExportFormat = format
        .parse()
        .map_err(|e: parallax_library::Error| e.to_string())?;
    export::choose_and_write(app, ids, format);
    Ok(())
}

fn check_comparison(ids: &[i64]) -> Result<(), String> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != ids.len() {
        return Err("an article was chosen twice: choose different articles to compare".into());
    }
    parallax_library::check_comparison_size(ids.len()).map_err(|e| e.to_string())
}

#[tauri::command]
pub fn search_articles(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, String> {
    if query.chars().count() > 500 {
        return Err("the search is too long: use at most 500 characters".into());
    }
    state.with_library(|library| library.search(&query))
}

/// Opens the native file (or folder) dialog and imports what the user picks.
#[tauri::command]
pub fn import_with_dialog(app: AppHandle, folders: bool) {
    import::choose_and_import(app, folders);
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) -> bool {
    import::cancel(&state)
}
