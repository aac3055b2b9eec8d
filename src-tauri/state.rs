//! What the window's commands share: the open library and the import under way.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};

use parallax_library::Library;

/// The app's state, managed by Tauri.
pub struct AppState {
    /// Where the library file is.
    pub library_path: PathBuf,
    library: Mutex<Result<Library, String>>,
    /// The cancel flag of the import under way, if one is.
    pub import_cancel: Mutex<Option<Arc<AtomicBool>>>,
    /// Files named on the command line, imported once the window listens for progress.
    pub files_to_open: Mutex<Vec<PathBuf>>,
}

impl AppState {
    /// Opens the library at `path`, filling a new one with the bundled sample event. A library
    /// that cannot be opened is kept as its error, which the window shows.
    pub fn open(library_path: PathBuf, files_to_open: Vec<PathBuf>) -> AppState {
        let library = Library::open_with_samples(&library_path).map_err(|error| {
            format!("cannot open the library '{}': {error}", library_path.display())
        });
        AppState {
            library_path,
            library: Mutex::new(library),
            import_cancel: Mutex::new(None),
            files_to_open: Mutex::new(files_to_open),
        }
    }

    /// Runs `f` on the open library, or returns why there is none.
    pub fn with_library<T>(
        &self,
        f: impl FnOnce(&Library) -> Result<T, parallax_library::Error>,
    ) -> Result<T, String> {
        let guard: MutexGuard<'_, Result<Library, String>> =
            self.library.lock().map_err(|_| "the library is unavailable after an earlier failure".to_string())?;
        match &*guard {
            Ok(library) => f(library).map_err(|error| error.to_string()),
            Err(message) => Err(message.clone()),
        }
    }
}
