//! Running the real `parallax` binary on a library file, shared by the CLI's test files.
// Each test binary uses the helpers it needs.
#![allow(dead_code)]

use std::path::Path;
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
