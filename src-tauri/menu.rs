//! The native menu bar: File > Open…, Import Folder…, Open Library…, New Library…, Back Up
//! Library…, Export Library as JSON Lines…, Import JSON Lines…, Quit; Edit > Copy, Select All,
//! Edit Article…, Outlets…; View > Trash. Choices the page carries out reach it as `menu-action`.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

use crate::{import, library_files, library_switch};

/// Sent to the window with the id of a menu choice it carries out itself.
pub const MENU_ACTION_EVENT: &str = "menu-action";

const OPEN: &str = "open";
const IMPORT_FOLDER: &str = "import-folder";
const OPEN_LIBRARY: &str = "open-library";
const NEW_LIBRARY: &str = "new-library";
const QUIT: &str = "quit";
const BACK_UP: &str = "back-up-library";
const EXPORT_LIBRARY: &str = "export-library";
const IMPORT_DUMP: &str = "import-library-dump";
const EDIT_ARTICLE: &str = "edit-article";
const OUTLETS: &str = "outlets";
const SHOW_TRASH: &str = "show-trash";

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
    let back_up = MenuItemBuilder::with_id(BACK_UP, "Back Up Library…").build(app)?;
    let export_library =
        MenuItemBuilder::with_id(EXPORT_LIBRARY, "Export Library as JSON Lines…").build(app)?;
    let import_dump = MenuItemBuilder::with_id(IMPORT_DUMP, "Import JSON Lines…").build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&open)
        .item(&folder)
        .separator()
        .item(&open_library)
        .item(&new_library)
        .separator()
        .item(&back_up)
        .item(&export_library)
        .item(&import_dump)
        .separator()
        .item(&quit)
        .build()?;
    let edit_article = MenuItemBuilder::with_id(EDIT_ARTICLE, "Edit Article…").build(app)?;
    let outlets = MenuItemBuilder::with_id(OUTLETS, "Outlets…").build(app)?;
    let edit = SubmenuBuilder::new(app, "Edit")
        .copy()
        .select_all()
        .separator()
        .item(&edit_article)
        .item(&outlets)
        .build()?;
    let trash = MenuItemBuilder::with_id(SHOW_TRASH, "Trash").build(app)?;
    let view = SubmenuBuilder::new(app, "View").item(&trash).build()?;
    MenuBuilder::new(app)
        .item(&file)
        .item(&edit)
        .item(&view)
        .build()
}

/// Runs a menu choice.
pub fn handle(app: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        OPEN => import::choose_and_import(app.clone(), false),
        IMPORT_FOLDER => import::choose_and_import(app.clone(), true),
        OPEN_LIBRARY => library_switch::choose(app.clone(), false),
        NEW_LIBRARY => library_switch::choose(app.clone(), true),
        QUIT => app.exit(0),
        BACK_UP => library_files::choose_and_back_up(app.clone()),
        EXPORT_LIBRARY => library_files::choose_and_dump(app.clone()),
        IMPORT_DUMP => library_files::choose_and_load(app.clone()),
        action @ (EDIT_ARTICLE | OUTLETS | SHOW_TRASH) => {
            let _ = app.emit(MENU_ACTION_EVENT, action);
        }
        _ => {}
    }
}
