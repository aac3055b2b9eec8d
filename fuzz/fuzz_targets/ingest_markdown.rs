//! Any bytes named `x.md`: extraction returns an article or an error, and never panics (a
//! panic the engine catches in a reader of damaged files is not a crash).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    parallax_fuzz::tolerating_caught_panics(|| {
        let _ = parallax_core::ingest::extract(bytes, "x.md");
    });
});
