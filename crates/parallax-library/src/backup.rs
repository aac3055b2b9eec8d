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

/// Copies the library behind `connection` (the file `library`) to `target`, replacing a file
/// already there only once the copy is complete and checked.
pub(crate) fn backup(
    connection: &Connection,
    library: &Path,
    target: &Path,
) -> Result<BackupReport, Error> {
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
            // All pages in one step: one read of the library, so one consistent moment. A busy
            // library (a checkpoint under way) is tried again for as long as a write would wait.
            let mut waited = std::time::Duration::ZERO;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
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
        Ok(BackupReport {
            path: target.display().to_string(),
            bytes,
            articles: articles as usize,
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
