//! Running the real `parallax` binary on a library file, shared by the CLI's test files.
// Each test binary uses the helpers it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs `parallax --library LIBRARY ARGS...` (never the user's own library), with `stdin` as its
/// standard input.
pub fn run_parallax(library: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// Runs `parallax --library LIBRARY ARGS...` with nothing on its standard input.
pub fn run_on(library: &Path, args: &[&str]) -> Output {
    run_parallax(library, args, None)
}

/// Runs with `--json`, checks the exit code and that one JSON document was printed; returns it.
pub fn json_of(library: &Path, args: &[&str], code: i32) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let output = run_parallax(library, &all, None);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: stdout {stdout} stderr {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{args:?} printed no single JSON document ({e}): {stdout}"))
}

/// The fields every row of `list --json` and `search --json` has, by the CLI's contract.
pub const LISTED_ROW_KEYS: &[&str] = &[
    "id",
    "title",
    "outlet",
    "published",
    "path",
    "word_count",
    "event",
];

/// Checks that the JSON object `value` has every key of `expected`.
pub fn has_keys(value: &Value, expected: &[&str]) {
    let object = value.as_object().expect("an object");
    for key in expected {
        assert!(object.contains_key(*key), "missing {key:?} in {value}");
    }
}

/// A temporary folder with a library file in it (`library.sqlite3`, made on first use) that the
/// commands run on, and room for the files a test writes.
pub struct Workspace {
    folder: tempfile::TempDir,
}

impl Workspace {
    /// An empty folder: the first command makes the library.
    pub fn new() -> Workspace {
        Workspace {
            folder: tempfile::tempdir().unwrap(),
        }
    }

    /// A library holding the eight bundled samples.
    pub fn with_samples() -> Workspace {
        let workspace = Workspace::new();
        let samples = workspace.json(&["samples"], 0);
        assert_eq!(samples["imported"].as_array().unwrap().len(), 8);
        workspace
    }

    /// The library file.
    pub fn library(&self) -> PathBuf {
        self.path("library.sqlite3")
    }

    /// A file in the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.folder().join(name)
    }

    /// The folder.
    pub fn folder(&self) -> &Path {
        self.folder.path()
    }

    /// Runs `parallax ARGS...` on the library.
    pub fn run(&self, args: &[&str]) -> Output {
        run_parallax(&self.library(), args, None)
    }

    /// Runs with `--json` on the library; see [`json_of`].
    pub fn json(&self, args: &[&str], code: i32) -> Value {
        json_of(&self.library(), args, code)
    }

    /// Runs a command that must succeed and returns what it printed.
    pub fn stdout(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }
}
