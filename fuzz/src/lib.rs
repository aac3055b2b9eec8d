//! What the fuzz targets share.
//!
//! libFuzzer's Rust glue aborts on every panic, even one that is caught. The engine catches the
//! panics of the PDF and web-page readers on purpose (a damaged file is an error, not a crash,
//! see `ingest::pdf` and `ingest::html`), so the ingest targets run through [`tolerating_caught_panics`]:
//! a panic the engine catches is quiet, and one that escapes the engine still aborts the run,
//! with its message and place printed first.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `f`; a panic caught inside it is ignored, a panic that escapes it is printed and goes on
/// to abort the fuzzing run as a crash.
pub fn tolerating_caught_panics<T>(f: impl FnOnce() -> T) -> T {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        panic::set_hook(Box::new(|info| {
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(info.to_string()));
        }))
    });
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => {
            LAST_PANIC.with(|last| last.borrow_mut().take());
            value
        }
        Err(payload) => {
            if let Some(message) = LAST_PANIC.with(|last| last.borrow_mut().take()) {
                eprintln!("panic that the engine did not catch: {message}");
            }
            panic::resume_unwind(payload)
        }
    }
}
