//! The Parallax desktop shell: a thin Tauri layer over `parallax-library`.
//!
//! Commands parse their arguments, call one library function and map the error to a message
//! the window shows. Files reach the app only through native dialogs opened here, drops on the
//! window, or paths given on the command line; the page never names a path.

mod commands;
mod error;
mod export;
mod import;
mod library_files;
mod library_switch;
mod menu;
mod state;

use std::path::PathBuf;

use clap::Parser;
use tauri::Manager;

use state::AppState;

/// `parallax-desktop [--library PATH] [FILE ...]`
#[derive(Debug, Parser)]
#[command(
    name = "parallax-desktop",
    version,
    about = "Compare how news outlets report the same event"
)]
struct Arguments {
    /// The library file (default: $PARALLAX_LIBRARY, then the OS data directory).
    #[arg(long, value_name = "PATH")]
    library: Option<PathBuf>,
    /// Article files or folders to import when the window opens.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Starts the desktop app.
pub fn run() {
    let arguments = Arguments::parse();
    let library_path = parallax_library::resolve_library_path(arguments.library.as_deref());
    let state = AppState::open(library_path, arguments.files);

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(state)
        .menu(menu::build)
        .on_menu_event(menu::handle)
        .on_window_event(import::on_window_event)
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::window_ready,
            commands::library_info,
            commands::choose_library,
            commands::list_events,
            commands::get_article,
            commands::article_entities,
            commands::explain_grouping,
            commands::compare_articles,
            commands::export_comparison,
            commands::cancel_export,
            commands::find_articles,
            commands::article_position,
            commands::list_outlets,
            commands::list_outlet_groups,
            commands::set_outlet_groups,
            commands::import_with_dialog,
            commands::cancel_import,
            commands::edit_article,
            commands::rename_outlet,
            commands::rename_event,
            commands::merge_events,
            commands::move_article,
            commands::add_tags,
            commands::remove_tags,
            commands::list_tags,
            commands::delete_articles,
            commands::restore_articles,
            commands::list_trash,
            commands::empty_trash,
            commands::alignment_overrides,
            commands::set_alignment,
            commands::forget_alignment,
            commands::back_up_library,
            commands::export_library,
            commands::import_library_dump,
            commands::add_note,
            commands::list_notes,
            commands::edit_note,
            commands::undo_note_edit,
            commands::delete_note,
            commands::restore_note,
            commands::verdict_scale,
            commands::cite_articles,
            commands::save_citations,
        ])
        .run(tauri::generate_context!())
        .expect("the Parallax window could not start");
}
