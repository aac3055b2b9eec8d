//! The native menu bar: File > Open…, Import Folder…, Open Library…, New Library…, Quit;
//! Edit > Copy, Select All.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Runtime};

use crate::{import, library_switch};

const OPEN: &str = "open";
const IMPORT_FOLDER: &str = "import-folder";
const OPEN_LIBRARY: &str = "open-library";
const NEW_LIBRARY: &str = "new-library";
const QUIT: &str = "quit";

/// Builds the menu bar.
pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let open = MenuItemBuilder::with_id(OPEN, "Open…")
        .accelerator("CmdOrCtrl+O")
        .build(app)?;
    let folder = MenuItemBuilder::with_id(IMPORT_FOLDER, "Import Folder…")
        .accelerator("CmdOrCtrl+Shift+O")
        .build(app)?;
    // Our own Quit: the predefined one is not available on Linux.
    let quit = MenuItemBuilder::with_id(QUIT, "Quit")
        .accelerator("CmdOrCtrl+Q")
        .build(app)?;
    let open_library = MenuItemBuilder::with_id(OPEN_LIBRARY, "Open Library…").build(app)?;
    let new_library = MenuItemBuilder::with_id(NEW_LIBRARY, "New Library…").build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&open)
        .item(&folder)
        .separator()
        .item(&open_library)
        .item(&new_library)
        .separator()
        .item(&quit)
        .build()?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .copy()
        .select_all()
        .build()?;
    MenuBuilder::new(app).item(&file).item(&edit).build()
}

/// Runs a menu choice.
pub fn handle(app: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        OPEN => import::choose_and_import(app.clone(), false),
        IMPORT_FOLDER => import::choose_and_import(app.clone(), true),
        OPEN_LIBRARY => library_switch::choose(app.clone(), false),
        NEW_LIBRARY => library_switch::choose(app.clone(), true),
        QUIT => app.exit(0),
        _ => {}
    }
}
