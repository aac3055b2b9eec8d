//! What the window's commands share: the open library, and the import and export under way.
//!
//! The library is reached through three connections to the same file, one per lane of work,
//! so a long comparison or export never holds up a search typed meanwhile, and neither waits
//! for an edit: SQLite (in WAL mode) lets readers run beside one writer.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use parallax_library::Library;
use tauri::{AppHandle, Manager};

use crate::error::{CommandError, Kind};

/// The app's state, managed by Tauri.
pub struct AppState {
    library: Mutex<OpenLibrary>,
    /// The connection that lists and searches, opened on first use.
    search: Mutex<Option<Library>>,
    /// The connection that compares, opened on first use.
    compare: Mutex<Option<Library>>,
    /// The import under way, if one is.
    pub import: RunningTask,
    /// The export under way, if one is.
    pub export: RunningTask,
    /// Files named on the command line, imported once the window listens for progress.
    pub files_to_open: Mutex<Vec<PathBuf>>,
}

/// A task that runs one at a time and can be cancelled (an import, an export): its cancel flag
/// while it runs.
#[derive(Default)]
pub struct RunningTask(Mutex<Option<Arc<AtomicBool>>>);

impl RunningTask {
    /// Claims the slot for a new task and returns its cancel flag; `None` while another runs.
    pub fn begin(&self) -> Option<Arc<AtomicBool>> {
        let mut slot = self.0.lock().ok()?;
        if slot.is_some() {
            return None;
        }
        let cancel = Arc::new(AtomicBool::new(false));
        *slot = Some(cancel.clone());
        Some(cancel)
    }

    /// Asks the task under way to stop; `false` when none runs.
    pub fn cancel(&self) -> bool {
        match self.0.lock().ok().and_then(|slot| slot.clone()) {
            Some(flag) => {
                flag.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    /// Frees the slot once the task has ended.
    pub fn end(&self) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = None;
        }
    }
}

/// Which connection a command's work runs on.
#[derive(Debug, Clone, Copy)]
pub enum Lane {
    /// Edits and everything else: the connection opened with the window.
    Main,
    /// Listing and searching the library.
    Search,
    /// Comparing articles.
    Compare,
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
            search: Mutex::new(None),
            compare: Mutex::new(None),
            import: RunningTask::default(),
            export: RunningTask::default(),
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
        let opened = {
            let mut open = self.lock().map_err(|e| e.to_string())?;
            *open = OpenLibrary::open(path.to_path_buf());
            open.library.as_ref().map(|_| ()).map_err(Clone::clone)
        };
        // Each lane holds its slot while it opens a connection through the library's lock:
        // the slots are taken only after that lock is let go, never inside it.
        for lane in [&self.search, &self.compare] {
            if let Ok(mut connection) = lane.lock() {
                *connection = None;
            }
        }
        opened
    }

    /// Runs `f` on the open library's main connection, or returns why there is none.
    pub fn with_library<T>(
        &self,
        f: impl FnOnce(&Library) -> Result<T, parallax_library::Error>,
    ) -> Result<T, CommandError> {
        let open = self.lock()?;
        match &open.library {
            Ok(library) => Ok(f(library)?),
            Err(message) => Err(CommandError::no_library(message)),
        }
    }

    /// Runs `f` on the connection of `lane`, opening it first when needed.
    pub fn on_lane<T>(
        &self,
        lane: Lane,
        f: impl FnOnce(&Library) -> Result<T, parallax_library::Error>,
    ) -> Result<T, CommandError> {
        let slot = match lane {
            Lane::Main => return self.with_library(f),
            Lane::Search => &self.search,
            Lane::Compare => &self.compare,
        };
        let mut connection = slot.lock().map_err(|_| unavailable())?;
        if connection.is_none() {
            *connection = Some(self.connect()?);
        }
        Ok(f(connection.as_ref().expect("opened above"))?)
    }

    /// Opens another connection to the open library's file, for a lane or a task of its own;
    /// refused once the file was moved or deleted, rather than making a new library there.
    pub fn connect(&self) -> Result<Library, CommandError> {
        self.with_library(|library| library.open_again())
    }

    fn lock(&self) -> Result<MutexGuard<'_, OpenLibrary>, CommandError> {
        self.library.lock().map_err(|_| unavailable())
    }
}

fn unavailable() -> CommandError {
    CommandError::new(
        Kind::INTERNAL,
        "the library is unavailable after an earlier failure: restart Parallax",
    )
}

/// Runs a command's work on `lane` off the main thread (on Tauri's runtime, in its pool for
/// blocking work), so the window paints and takes keys while the library works.
pub async fn run_on<T: Send + 'static>(
    app: AppHandle,
    lane: Lane,
    f: impl FnOnce(&Library) -> Result<T, parallax_library::Error> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().on_lane(lane, f))
        .await
        .map_err(|e| CommandError::new(Kind::INTERNAL, format!("the work stopped: {e}")))?
}
