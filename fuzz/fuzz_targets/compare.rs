//! Any text, cut into two or three articles at form feeds (or in half): comparison never panics,
//! and what it reports indexes real sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let mut texts: Vec<&str> = input.split('\u{c}').take(3).collect();
    if texts.len() == 1 {
        let middle = (0..=input.len() / 2)
            .rev()
            .find(|&i| input.is_char_boundary(i))
            .unwrap_or(0);
        texts = vec![&input[..middle], &input[middle..]];
    }
    let comparison = parallax_core::compare::compare(&texts);
    for pair in &comparison.pairs {
        let (left, right) = (
            &comparison.sentences[pair.left],
            &comparison.sentences[pair.right],
        );
        for alignment in &pair.alignments {
            assert!(alignment.left.iter().all(|&i| i < left.len()));
            assert!(alignment.right.iter().all(|&j| j < right.len()));
        }
    }
});
