//! Any text: sentence splitting never panics, and every sentence's character offsets slice the
//! text back to the sentence, in order and without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let sentences = parallax_core::text::split_sentences(text);
    let chars: Vec<char> = text.chars().collect();
    let mut previous_end = 0;
    for sentence in &sentences {
        assert!(sentence.start <= sentence.end && sentence.end <= chars.len());
        assert!(sentence.start >= previous_end, "sentences overlap");
        let slice: String = chars[sentence.start..sentence.end].iter().collect();
        assert_eq!(slice, sentence.text);
        previous_end = sentence.end;
    }
});
