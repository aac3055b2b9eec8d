//! An export saved to a file whole or not at all: written to a temporary file beside the
//! target ([`PartialFile`]), a piece at a time (progress, and a chance to stop between pieces),
//! then renamed over the target. A cancelled or failed export leaves no half-written file behind.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::Error;

/// How much is written between two progress reports and two looks at the cancel flag.
const PIECE: usize = 64 * 1024;

/// What became of an export asked to be written to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file holds the whole export, of this many bytes.
    Whole {
        /// The file's size.
        bytes: u64,
    },
    /// Cancelled before the end: nothing was written at the target, and no other file stays.
    Cancelled,
}

/// Writes `contents` to `path`, telling `progress` the bytes written so far and the total;
/// stops, leaving no file, once `cancel` is set.
pub fn write_file(
    contents: &str,
    path: &Path,
    progress: &mut dyn FnMut(u64, u64),
    cancel: &AtomicBool,
) -> Result<Written, Error> {
    let mut partial = PartialFile::create(path)?;
    let bytes = contents.as_bytes();
    let total = bytes.len() as u64;
    let mut done = 0u64;
    progress(done, total);
    for piece in bytes.chunks(PIECE) {
        if cancel.load(Ordering::SeqCst) {
            return Ok(Written::Cancelled);
        }
        partial
            .write_all(piece)
            .map_err(|e| partial.unwritable(e.to_string()))?;
        done += piece.len() as u64;
        progress(done, total);
    }
    if cancel.load(Ordering::SeqCst) {
        return Ok(Written::Cancelled);
    }
    partial.finish()
}

/// A file being saved whole or not at all: what is written goes to a hidden temporary file in
/// the target's folder, which becomes the target on [`PartialFile::finish`] and is deleted if
/// the `PartialFile` is dropped before (a cancel, a failure).
pub struct PartialFile {
    /// Buffered, so a writer of many small records (a JSON Lines export) writes in blocks.
    file: std::io::BufWriter<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl PartialFile {
    /// Starts saving `path`; an existing file there is untouched until the end.
    pub fn create(path: &Path) -> Result<PartialFile, Error> {
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Hidden and named after the target, in the target's folder so the rename stays on
        // one file system.
        let file = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".partial")
            .tempfile_in(folder)
            .map_err(|e| Error::Unwritable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?;
        Ok(PartialFile {
            file: std::io::BufWriter::new(file),
            path: path.to_path_buf(),
        })
    }

    /// Puts what was written at the target (replacing a file there) and returns it whole.
    pub fn finish(self) -> Result<Written, Error> {
        let path = self.path;
        let unwritable = |reason: String| Error::Unwritable {
            path: path.clone(),
            reason,
        };
        let temporary = self
            .file
            .into_inner()
            .map_err(|e| unwritable(e.error().to_string()))?;
        let file = temporary.as_file();
        file.sync_all().map_err(|e| unwritable(e.to_string()))?;
        let bytes = file
            .metadata()
            .map_err(|e| unwritable(e.to_string()))?
            .len();
        readable_by_others(file);
        temporary
            .persist(&path)
            .map_err(|e| unwritable(e.error.to_string()))?;
        Ok(Written::Whole { bytes })
    }

    /// The failure to write the target, in words a user can act on.
    pub fn unwritable(&self, reason: String) -> Error {
        Error::Unwritable {
            path: self.path.clone(),
            reason,
        }
    }
}

impl Write for PartialFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Gives the file the permissions of any file the user saves (a temporary file is the owner's
/// only).
fn readable_by_others(file: &std::fs::File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    #[cfg(not(unix))]
    let _ = file;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_whole_export_is_at_the_target_with_progress_to_the_end() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("report.html");
        let contents = "<p>bridge</p>".repeat(20_000);
        let mut seen = Vec::new();
        let written = write_file(
            &contents,
            &target,
            &mut |done, total| seen.push((done, total)),
            &AtomicBool::new(false),
        )
        .unwrap();
        assert_eq!(
            written,
            Written::Whole {
                bytes: contents.len() as u64
            }
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), contents);
        assert_eq!(files_in(folder.path()), vec!["report.html".to_string()]);
        assert!(seen.len() > 2, "progress comes piece by piece: {seen:?}");
        assert_eq!(
            seen.last(),
            Some(&(contents.len() as u64, contents.len() as u64))
        );
    }

    #[test]
    fn a_cancelled_export_leaves_no_file_and_the_old_one_untouched() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("report.md");
        std::fs::write(&target, "the report saved last week").unwrap();
        let cancel = AtomicBool::new(false);
        let written = write_file(
            &"# bridge\n".repeat(50_000),
            &target,
            &mut |done, _| {
                if done > 0 {
                    cancel.store(true, Ordering::SeqCst);
                }
            },
            &cancel,
        )
        .unwrap();
        assert_eq!(written, Written::Cancelled);
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the report saved last week"
        );
        assert_eq!(files_in(folder.path()), vec!["report.md".to_string()]);
    }

    #[test]
    fn a_file_written_line_by_line_is_there_once_finished_and_gone_if_dropped() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("library.jsonl");
        let mut partial = PartialFile::create(&target).unwrap();
        for n in 0..1000 {
            writeln!(partial, "{{\"id\":{n}}}").unwrap();
        }
        assert_eq!(partial.finish().unwrap(), Written::Whole { bytes: 10_890 });
        assert_eq!(
            std::fs::read_to_string(&target).unwrap().lines().count(),
            1000
        );

        let mut dropped = PartialFile::create(&target).unwrap();
        writeln!(dropped, "half").unwrap();
        drop(dropped);
        assert_eq!(
            std::fs::read_to_string(&target).unwrap().lines().count(),
            1000,
            "the file finished before is untouched"
        );
        assert_eq!(files_in(folder.path()), vec!["library.jsonl".to_string()]);
    }

    #[test]
    fn a_folder_that_cannot_be_written_is_said_with_the_file_asked_for() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("missing").join("report.csv");
        let error =
            write_file("a,b\n", &target, &mut |_, _| {}, &AtomicBool::new(false)).unwrap_err();
        assert!(error.to_string().contains("report.csv"), "{error}");
        assert_eq!(error.kind(), parallax_library::ErrorKind::File);
    }
}
