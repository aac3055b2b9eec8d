//! Generates Tauri's context; the app manifest makes every command need an explicit permission,
//! so the window's capability lists exactly what it may call.

const COMMANDS: &[&str] = &[
    "window_ready",
    "library_info",
    "choose_library",
    "list_events",
    "get_article",
    "explain_grouping",
    "compare_articles",
    "export_comparison",
    "find_articles",
    "article_position",
    "list_outlets",
    "import_with_dialog",
    "cancel_import",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step failed");
}
