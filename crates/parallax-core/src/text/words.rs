//! Words: tokens with character offsets, a light English stemmer and the function-word list.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::bounds::{word_bounds, Shape};
use super::normalize;
use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word made of letters (it may hold apostrophes, hyphens are separate tokens): `Kyiv`, `don't`.
    Word,
    /// A token that holds a digit: `105`, `1,200`, `1.5bn`, `2025`.
    Number,
    /// Anything else that is not a space: `.`, `,`, `"`, `$`, `—`.
    Punct,
}

/// One token of a text, with its character offsets (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// What it is.
    pub kind: TokenKind,
    /// Character offset of its first character in the text tokenized.
    pub start: usize,
    /// Character offset one past its last character.
    pub end: usize,
}

impl Token<'_> {
    /// True for words and numbers, false for punctuation.
    pub fn is_word(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// Splits a text into word, number and punctuation tokens, spaces left out, following Unicode
/// word boundaries (so `1,200`, `3.5` and `don't` stay whole).
///
/// ```
/// use parallax_core::text::{tokenize, TokenKind};
/// let tokens = tokenize("Kyiv, 1,200 troops.");
/// let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
/// assert_eq!(words, ["Kyiv", ",", "1,200", "troops", "."]);
/// assert_eq!(tokens[2].kind, TokenKind::Number);
/// assert_eq!((tokens[2].start, tokens[2].end), (6, 11));
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut bounds = word_bounds(text);
    let mut chars_before = 0;
    while let Some((piece, shape)) = bounds.next_shaped() {
        if let Some(token) = token_of(piece, shape, &mut chars_before) {
            tokens.push(token);
        }
    }
    tokens
}

/// The token a piece between word boundaries makes, if it is not whitespace; `chars_before`
/// counts the characters before the piece and is moved past it. A plain piece comes with its
/// [`Shape`], the same tests as below made while it was found.
#[inline(always)]
fn token_of<'a>(
    piece: &'a str,
    shape: Option<Shape>,
    chars_before: &mut usize,
) -> Option<Token<'a>> {
    let start = *chars_before;
    let (kind, chars) = if let Some(shape) = shape {
        *chars_before += shape.chars;
        if shape.space {
            return None;
        }
        let kind = if shape.digit {
            TokenKind::Number
        } else if shape.letter {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        (kind, shape.chars)
    } else if piece.is_ascii() {
        // The same tests as below, on bytes: ASCII whitespace here includes the vertical
        // tab, as `char::is_whitespace` does.
        let bytes = piece.as_bytes();
        *chars_before += bytes.len();
        if bytes
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'))
        {
            return None;
        }
        let kind = if bytes.iter().any(u8::is_ascii_digit) {
            TokenKind::Number
        } else if bytes.iter().any(u8::is_ascii_alphabetic) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        (kind, bytes.len())
    } else {
        let chars = piece.chars().count();
        *chars_before += chars;
        if piece.chars().all(char::is_whitespace) {
            return None;
        }
        let kind = if piece.chars().any(|c| c.is_numeric()) {
            TokenKind::Number
        } else if piece.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        (kind, chars)
    };
    Some(Token {
        text: piece,
        kind,
        start,
        end: start + chars,
    })
}

/// The words and numbers of a text, punctuation left out.
pub fn words(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut bounds = word_bounds(text);
    let mut chars_before = 0;
    std::iter::from_fn(move || loop {
        let (piece, shape) = bounds.next_shaped()?;
        if let Some(token) = token_of(piece, shape, &mut chars_before) {
            return Some(token);
        }
    })
    .filter(Token::is_word)
}

/// The comparison key of a word: folded with [`normalize`], then reduced to its stem by the
/// Snowball English (Porter2) stemmer, so `reported`, `reports` and `Reporting` meet.
/// Numbers are kept as written, without thousands separators.
///
/// ```
/// use parallax_core::text::stem;
/// assert_eq!(stem("Reported"), stem("reports"));
/// assert_eq!(stem("soldiers’"), "soldier");
/// assert_eq!(stem("1,200"), "1200");
/// ```
pub fn stem(word: &str) -> String {
    stem_folded(&normalize(word))
}

/// The stem of a word already folded by [`normalize`]: ASCII words (nearly all of English
/// news text) by the byte-level port in [`super::porter2`], others by `rust-stemmers`.
pub(crate) fn stem_folded(folded: &str) -> String {
    if folded.chars().any(|c| c.is_ascii_digit()) {
        return folded.chars().filter(|&c| c != ',').collect();
    }
    let folded = folded.trim_end_matches('\'');
    if let Some(stemmed) = super::porter2::stem_ascii(folded) {
        return stemmed;
    }
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER
        .get_or_init(|| Stemmer::create(Algorithm::English))
        .stem(folded)
        .into_owned()
}

/// True for English function words (articles, pronouns, auxiliaries, prepositions,
/// conjunctions and the like), which carry little of a sentence's meaning. Case is ignored.
///
/// ```
/// use parallax_core::text::is_function_word;
/// assert!(is_function_word("The"));
/// assert!(!is_function_word("troops"));
/// ```
pub fn is_function_word(word: &str) -> bool {
    if word.is_ascii() {
        // Folded on the stack: `normalize` only lowers the case of ASCII.
        let mut folded = [0u8; LONGEST_FUNCTION_WORD];
        let Some(folded) = folded.get_mut(..word.len()) else {
            return false;
        };
        for (f, b) in folded.iter_mut().zip(word.bytes()) {
            *f = b.to_ascii_lowercase();
        }
        static LISTED: OnceLock<FxHashSet<&'static [u8]>> = OnceLock::new();
        let listed = LISTED.get_or_init(|| FUNCTION_WORDS.iter().map(|w| w.as_bytes()).collect());
        return listed.contains(&*folded);
    }
    let folded = normalize(word);
    FUNCTION_WORDS.binary_search(&&*folded).is_ok()
}

/// Letters in the longest of [`FUNCTION_WORDS`].
const LONGEST_FUNCTION_WORD: usize = 10;

/// Sorted, lower case, ASCII apostrophes.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "else",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "mustn't",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one's",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "same",
    "shall",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(
            FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]),
            "FUNCTION_WORDS must stay sorted"
        );
    }

    #[test]
    fn no_function_word_is_longer_than_the_folding_buffer() {
        let longest = FUNCTION_WORDS.iter().map(|w| w.len()).max();
        assert_eq!(longest, Some(LONGEST_FUNCTION_WORD));
    }

    proptest::proptest! {
        #[test]
        fn function_words_are_found_as_a_folded_search_finds_them(
            word in "[A-Za-z']{1,12}|[a-z]{1,11}",
            pick in 0..FUNCTION_WORDS.len(),
            upper in proptest::collection::vec(proptest::bool::ANY, 12),
        ) {
            let listed: String = FUNCTION_WORDS[pick]
                .chars()
                .zip(&upper)
                .map(|(c, &u)| if u { c.to_ascii_uppercase() } else { c })
                .collect();
            for w in [word.as_str(), listed.as_str()] {
                let by_folding = FUNCTION_WORDS.binary_search(&&*normalize(w)).is_ok();
                proptest::prop_assert_eq!(is_function_word(w), by_folding, "{}", w);
            }
        }
    }

    /// Tokens as they were made before the fast word boundaries: every piece of
    /// unicode-segmentation, classified by its characters.
    fn reference_tokens(text: &str) -> Vec<Token<'_>> {
        use unicode_segmentation::UnicodeSegmentation;
        let mut tokens = Vec::new();
        let mut chars_before = 0;
        for piece in text.split_word_bounds() {
            let start = chars_before;
            chars_before += piece.chars().count();
            if piece.chars().all(char::is_whitespace) {
                continue;
            }
            let kind = if piece.chars().any(char::is_numeric) {
                TokenKind::Number
            } else if piece.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            tokens.push(Token {
                text: piece,
                kind,
                start,
                end: chars_before,
            });
        }
        tokens
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn tokens_are_unicode_segmentation_pieces_classified_by_their_characters(
            text in "\\PC{0,40}|[ -~\t\n\r\u{B}\u{C}\u{1C}\u{85}\u{A0}]{0,60}|([A-Za-z0-9\u{E9}]{1,4}[ .,;:'_\"\r\n\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}\u{301}-]{0,3}){0,15}"
        ) {
            proptest::prop_assert_eq!(tokenize(&text), reference_tokens(&text));
            let lazy: Vec<Token> = words(&text).collect();
            let from_all: Vec<Token> =
                reference_tokens(&text).into_iter().filter(Token::is_word).collect();
            proptest::prop_assert_eq!(lazy, from_all);
        }
    }

    #[test]
    fn fixtures_tokenize_as_unicode_segmentation_pieces() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut checked = 0;
        let mut folders = vec![std::path::PathBuf::from(root)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    assert_eq!(
                        tokenize(&text),
                        reference_tokens(&text),
                        "{}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "no fixtures found under {root}");
    }

    #[test]
    fn tokens_carry_character_offsets_past_multibyte_text() {
        let text = "Zelenskyy’s “plan” — 28 points.";
        let chars: Vec<char> = text.chars().collect();
        for token in tokenize(text) {
            assert_eq!(
                chars[token.start..token.end].iter().collect::<String>(),
                token.text
            );
        }
        let words: Vec<&str> = words(text).map(|t| t.text).collect();
        assert_eq!(words, ["Zelenskyy’s", "plan", "28", "points"]);
    }

    #[test]
    fn money_and_decimals_tokenize_as_numbers() {
        let kinds: Vec<(&str, TokenKind)> = tokenize("$1.5bn")
            .iter()
            .map(|t| (t.text, t.kind))
            .collect();
        assert_eq!(
            kinds,
            [("$", TokenKind::Punct), ("1.5bn", TokenKind::Number)]
        );
    }

    proptest::proptest! {
        #[test]
        fn a_word_is_stemmed_as_the_snowball_crate_stems_its_folded_form(word in "\\PC{1,12}|[A-Za-z'\u{2019}-]{1,12}") {
            let folded = normalize(&word);
            proptest::prop_assume!(!folded.chars().any(|c| c.is_ascii_digit()));
            let reference = Stemmer::create(Algorithm::English).stem(folded.trim_end_matches('\'')).into_owned();
            proptest::prop_assert_eq!(stem(&word), reference);
        }
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        assert_eq!(stem("negotiations"), stem("negotiation"));
        assert_eq!(stem("Killed"), stem("killing"));
        assert_eq!(stem("Trump’s"), "trump");
    }

    #[test]
    fn function_words_are_recognised_in_any_case_and_quote_style() {
        assert!(is_function_word("They’re"));
        assert!(is_function_word("WITH"));
        assert!(!is_function_word("Pentagon"));
    }
}
