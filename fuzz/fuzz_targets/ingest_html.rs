//! Any bytes named `x.html`: extraction returns an article or an error, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = parallax_core::ingest::extract(bytes, "x.html");
});
