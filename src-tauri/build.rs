//! Generates Tauri's context; the app manifest makes every command need an explicit permission,
//! so the window's capability lists exactly what it may call.

const COMMANDS: &[&str] = &[
    "window_ready",
    "library_info",
    "choose_library",
    "list_events",
    "get_article",
    "article_entities",
    "explain_grouping",
    "compare_articles",
    "export_comparison",
    "find_articles",
    "article_position",
    "list_outlets",
    "list_outlet_groups",
    "set_outlet_groups",
    "import_with_dialog",
    "cancel_import",
    "edit_article",
    "rename_outlet",
    "rename_event",
    "merge_events",
    "move_article",
    "add_tags",
    "remove_tags",
    "list_tags",
    "delete_articles",
    "restore_articles",
    "list_trash",
    "empty_trash",
    "alignment_overrides",
    "set_alignment",
    "forget_alignment",
    "back_up_library",
    "export_library",
    "import_library_dump",
    "add_note",
    "list_notes",
    "edit_note",
    "undo_note_edit",
    "delete_note",
    "restore_note",
    "verdict_scale",
    "cite_articles",
    "save_citations",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    tauri_build::try_build(attributes).expect("tauri build step failed");
}
