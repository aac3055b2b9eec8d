//! Inputs that fuzzing (`fuzz/`, `scripts/fuzz-briefly`) found to crash a reader, kept as they
//! were found under `tests/fixtures/regressions/`: each must stay an error or an article, never a
//! panic that reaches the caller.

use parallax_core::ingest::extract;
use parallax_core::Error;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/regressions/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Every name a damaged PDF may arrive under: the content decides the reader, not the name.
const NAMES: &[&str] = &["x.pdf", "x.txt", "x.md", "x.eml", "x.html"];

fn assert_refused_as_malformed(bytes: &[u8]) {
    for name in NAMES {
        match extract(bytes, name) {
            Err(Error::Malformed(message)) => assert!(message.contains("PDF"), "{message}"),
            other => panic!("{name}: expected a malformed PDF, got {other:?}"),
        }
    }
}

/// pdf-extract 0.12 (`maybe_deref`) expects every object reference to exist and panics with
/// "missing object reference"; this file refers to an object it does not have.
#[test]
fn a_pdf_referring_to_a_missing_object_is_malformed_not_a_crash() {
    assert_refused_as_malformed(&fixture("pdf-reader-panics-on-a-missing-object.pdf"));
}

/// pdf-extract 0.12 asserts that a `Tm` operator has six operands; a damaged content stream
/// gives it fewer.
#[test]
fn a_pdf_with_a_short_text_matrix_is_malformed_not_a_crash() {
    assert_refused_as_malformed(&fixture("pdf-reader-panics-on-a-short-text-matrix.pdf"));
}

/// pdf-extract 0.12 expects every page to have a `MediaBox`, its own or inherited, and panics
/// without one.
#[test]
fn a_pdf_page_without_a_media_box_is_malformed_not_a_crash() {
    assert_refused_as_malformed(&fixture("pdf-reader-panics-without-a-media-box.pdf"));
}
