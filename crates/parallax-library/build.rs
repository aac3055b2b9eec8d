//! Embeds the sample articles (`samples/<event>/*.md`) in the library, so a new library can be
//! filled without any file beside the binary.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("samples");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Ok(events) = fs::read_dir(&root) {
        for event in events.flatten().filter(|e| e.path().is_dir()) {
            println!("cargo:rerun-if-changed={}", event.path().display());
            for file in fs::read_dir(event.path()).into_iter().flatten().flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "md") {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    let mut code = String::from("/// The bundled sample articles: path under `samples/` and the file's bytes.\npub(crate) static SAMPLES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .expect("under samples")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("samples.rs");
    fs::write(out, code).expect("write samples.rs");
}
