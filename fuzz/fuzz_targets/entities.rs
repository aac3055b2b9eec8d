//! Any text: entity and quantity extraction never panic, and entity spans lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let length = text.chars().count();
    let entities = parallax_core::entities::find_entities(text);
    for entity in &entities {
        for &(start, end) in &entity.spans {
            assert!(
                start <= end && end <= length,
                "span {start}..{end} outside {length}"
            );
        }
    }
    let _ = parallax_core::entities::find_quantities(text);
    let _ = parallax_core::entities::resolve_across(&[entities]);
});
