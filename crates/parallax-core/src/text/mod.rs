//! Sentences, words and the normalisation used for comparison.
//!
//! - [`split_sentences`]: sentences of news text, with their paragraphs.
//! - [`tokenize`] and [`words`]: word, number and punctuation tokens (Unicode word boundaries).
//! - [`stem`], [`is_function_word`], [`normalize`]: the keys the comparison matches words by.
//!
//! Offsets are in characters (Unicode scalar values) into the article text, so that a front end
//! can map them onto the text it shows.
//!
//! ```
//! use parallax_core::text::{split_sentences, stem, words};
//! let sentences = split_sentences("Gen. Randy George arrived. He met officials.\n\nTalks went on.");
//! assert_eq!(sentences.len(), 3);
//! assert_eq!(sentences[2].paragraph, 1);
//! let keys: Vec<String> = words(&sentences[1].text).map(|w| stem(w.text)).collect();
//! assert_eq!(keys, ["he", "met", "offici"]);
//! ```

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

mod bounds;
pub(crate) mod lexicon;
mod porter2;
mod sentences;
mod words;

pub(crate) use bounds::word_bounds;
pub use sentences::{split_sentences, Sentence};
pub(crate) use words::stem_folded;
pub use words::{is_function_word, stem, tokenize, words, Token, TokenKind};

/// Counts the words of a text (Unicode word boundaries, punctuation left out).
pub fn word_count(text: &str) -> usize {
    let mut bounds = word_bounds(text);
    let mut count = 0;
    while let Some((piece, shape)) = bounds.next_shaped() {
        let is_word = match shape {
            Some(shape) => shape.digit || shape.letter,
            // Alphanumeric as unicode-segmentation's own tables say.
            None => piece.unicode_words().next().is_some(),
        };
        count += usize::from(is_word);
    }
    count
}

/// Folds a text for comparison only: lower case, typographic quotes and dashes made plain,
/// non-breaking and other spaces made ordinary. Stored text is never changed. Borrows the
/// text when it is already folded, as most words of running text are.
pub fn normalize(text: &str) -> Cow<'_, str> {
    // Every mark folded below is outside ASCII.
    if text.is_ascii() {
        if !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(text);
        }
        return Cow::Owned(text.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                out.push(' ')
            }
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_unicode_segmentation_counts_them(text in "\\PC{0,60}|[ -~\n]{0,80}") {
            proptest::prop_assert_eq!(word_count(&text), text.unicode_words().count());
        }
    }

    #[test]
    fn typographic_marks_are_folded_for_comparison() {
        assert_eq!(
            normalize("\u{201C}Kyiv\u{201D} \u{2014} it\u{2019}s"),
            "\"kyiv\" - it's"
        );
    }
}
