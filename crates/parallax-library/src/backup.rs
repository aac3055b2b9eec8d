//! A consistent copy of the open library through SQLite's online backup API: the copy is the
//! library as it was at one moment, even while the window or a command writes to it.

use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::Error;

/// A backup written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupReport {
    /// The copy.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The articles it holds (the trash not counted).
    pub articles: usize,
}

/// How many pages of the library one step of the backup copies: 4 MB with SQLite's default
/// 4 KB pages, so progress is told and a cancel heard several times a second.
const PAGES_PER_STEP: i32 = 1024;

/// Copies the library behind `connection` (the file `library`) to `target`, replacing a file
/// already there only once the copy is complete and checked. `progress` hears the pages copied
/// and the pages in all after every step; when it answers `false` the copy stops, leaves no
/// file, and `None` is returned.
pub(crate) fn backup(
    connection: &Connection,
    library: &Path,
    target: &Path,
    progress: &mut dyn FnMut(u64, u64) -> bool,
) -> Result<Option<BackupReport>, Error> {
    let failed = |detail: String| Error::File {
        action: "write the backup",
        path: target.to_path_buf(),
        detail,
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(library, target) {
        return Err(failed(
            "it is the library itself; choose another file".into(),
        ));
    }
    let mut partial = target.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let _ = std::fs::remove_file(&partial);
    let result = (|| {
        let mut copy = Connection::open(&partial).map_err(|e| failed(e.to_string()))?;
        {
            let backup = Backup::new(connection, &mut copy)?;
            // In steps, each telling progress. The copy is still of one moment: a write to the
            // library by another connection between two steps starts the copy again (SQLite's
            // backup API), and a write on this connection is copied as it is made. A busy
            // library (a checkpoint under way) is tried again for as long as a write would wait.
            let mut waited = std::time::Duration::ZERO;
            loop {
                let step = backup.step(PAGES_PER_STEP)?;
                let done = backup.progress();
                let total = done.pagecount.max(0) as u64;
                let copied = total.saturating_sub(done.remaining.max(0) as u64);
                if !progress(copied, total) {
                    return Ok(None);
                }
                match step {
                    StepResult::Done => break,
                    StepResult::More => waited = std::time::Duration::ZERO,
                    _ if waited >= crate::BUSY_TIMEOUT => return Err(Error::Busy),
                    _ => {
                        let pause = std::time::Duration::from_millis(50);
                        std::thread::sleep(pause);
                        waited += pause;
                    }
                }
            }
        }
        // A single file, without a write-ahead log beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        let check: String = copy.pragma_query_value(None, "quick_check", |row| row.get(0))?;
        if check != "ok" {
            return Err(failed(format!("the copy does not check out: {check}")));
        }
        let articles: i64 =
            copy.query_row("SELECT count(*) FROM articles", [], |row| row.get(0))?;
        drop(copy);
        std::fs::rename(&partial, target).map_err(|e| failed(e.to_string()))?;
        let bytes = std::fs::metadata(target)
            .map_err(|e| failed(e.to_string()))?
            .len();
        Ok(Some(BackupReport {
            path: target.display().to_string(),
            bytes,
            articles: articles as usize,
        }))
    })();
    if !matches!(result, Ok(Some(_))) {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
