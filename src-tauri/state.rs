//! What the window's commands share: the open library and the import under way.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};

use parallax_library::Library;

/// The app's state, managed by Tauri.
pub struct AppState {
    library: Mutex<OpenLibrary>,
    /// The cancel flag of the import under way, if one is.
    pub import_cancel: Mutex<Option<Arc<AtomicBool>>>,
    /// Files named on the command line, imported once the window listens for progress.
    pub files_to_open: Mutex<Vec<PathBuf>>,
}

/// The library file the window uses, open or with the reason it could not be opened.
struct OpenLibrary {
    path: PathBuf,
    library: Result<Library, String>,
}

impl OpenLibrary {
    /// Opens `path`, filling a new library with the bundled sample event.
    fn open(path: PathBuf) -> OpenLibrary {
        let library = Library::open_with_samples(&path).map_err(|error| error.to_string());
        OpenLibrary { path, library }
    }
}

impl AppState {
    /// Opens the library at `path`. A library that cannot be opened is kept as its error, which
    /// the window shows, offering to open another.
    pub fn open(library_path: PathBuf, files_to_open: Vec<PathBuf>) -> AppState {
        AppState {
            library: Mutex::new(OpenLibrary::open(library_path)),
            import_cancel: Mutex::new(None),
            files_to_open: Mutex::new(files_to_open),
        }
    }

    /// Where the library file is.
    pub fn library_path(&self) -> PathBuf {
        self.lock()
            .map(|open| open.path.clone())
            .unwrap_or_default()
    }

    /// Switches to the library at `path`; on failure the window keeps the error to show.
    pub fn reopen(&self, path: &Path) -> Result<(), String> {
        let mut open = self.lock()?;
        *open = OpenLibrary::open(path.to_path_buf());
        open.library.as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Runs `f` on the open library, or returns why there is none.
    pub fn with_library<T>(
        &self,
        f: impl FnOnce(&Library) -> Result<T, parallax_library::Error>,
    ) -> Result<T, String> {
        let open = self.lock()?;
        match &open.library {
            Ok(library) => f(library).map_err(|error| error.to_string()),
            Err(message) => Err(message.clone()),
        }
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, OpenLibrary>, String> {
        self.library
            .lock()
            .map_err(|_| "the library is unavailable after an earlier failure".to_string())
    }
}
