//! Sentences, words and the normalisation used for comparison.
//!
//! Offsets are in characters (Unicode scalar values) into the article text, so that a front end
//! can map them onto the text it shows.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

mod words;

pub use words::{is_function_word, stem, tokenize, words, Token, TokenKind};

/// One sentence of an article, with where it stands in the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence as written, trimmed.
    pub text: String,
    /// Character offset of the first character in the article text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Index of the paragraph (blocks separated by a blank line) the sentence belongs to.
    pub paragraph: usize,
}

/// Splits article text into sentences, keeping paragraph boundaries.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut chars_before = 0;
    let mut previous_byte = 0;
    let mut paragraph = 0;
    for (byte_start, piece) in text.split_sentence_bound_indices() {
        chars_before += text[previous_byte..byte_start].chars().count();
        previous_byte = byte_start;
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let start = chars_before + piece[..lead].chars().count();
            let end = start + trimmed.chars().count();
            sentences.push(Sentence { text: trimmed.to_string(), start, end, paragraph });
        }
        if piece.trim_end_matches([' ', '\t']).ends_with("\n\n") || trimmed.is_empty() && piece.contains("\n\n") {
            paragraph += 1;
        }
    }
    sentences
}

/// Counts the words of a text (Unicode word boundaries, punctuation left out).
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Folds a text for comparison only: lower case, typographic quotes and dashes made plain,
/// non-breaking and other spaces made ordinary. Stored text is never changed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => out.push(' '),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_their_offsets_and_paragraphs() {
        let text = "First one. Second one.\n\nThird one.";
        let sentences = split_sentences(text);
        assert_eq!(sentences.len(), 3);
        assert_eq!(sentences[1].text, "Second one.");
        assert_eq!(sentences[2].paragraph, 1);
        let chars: Vec<char> = text.chars().collect();
        for s in &sentences {
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        }
    }

    #[test]
    fn typographic_marks_are_folded_for_comparison() {
        assert_eq!(normalize("\u{201C}Kyiv\u{201D} \u{2014} it\u{2019}s"), "\"kyiv\" - it's");
    }
}
