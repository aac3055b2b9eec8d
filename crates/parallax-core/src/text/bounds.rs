//! Unicode word boundaries (UAX #29) with a fast path for plain text: the same pieces as
//! `unicode_segmentation`'s `split_word_bound_indices`, at a fraction of the cost on news text,
//! which is ASCII but for a few quotes and dashes.
//!
//! The text is cut into chunks where a boundary is certain whatever surrounds it: between two
//! ASCII characters one of which is whitespace (but not inside a run of spaces, WB3d, nor
//! between CR and LF, WB3). No rule of UAX #29 joins across such a point or looks through
//! it, so each chunk can be segmented on its own: a chunk of ASCII and typographic marks by the
//! rules below, the few words around any other character by `unicode_segmentation`.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The pieces of a text between word boundaries, spaces and punctuation included, each with
/// its byte offset, exactly as [`UnicodeSegmentation::split_word_bound_indices`] gives them.
pub(crate) fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        pos: 0,
        chunk_end: 0,
        unicode: None,
    }
}

/// Iterator of [`word_bounds`].
pub(crate) struct WordBounds<'a> {
    text: &'a str,
    /// Byte offset of the first byte not yet given out.
    pos: usize,
    /// End of the current chunk (a plain chunk when `unicode` is `None`).
    chunk_end: usize,
    /// The current chunk when it is not plain, with the chunk's byte offset.
    unicode: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (piece, _) = self.next_shaped()?;
        Some((self.pos - piece.len(), piece))
    }
}

impl<'a> WordBounds<'a> {
    /// The next piece, with its [`Shape`] when it is plain.
    #[inline]
    pub(crate) fn next_shaped(&mut self) -> Option<(&'a str, Option<Shape>)> {
        let start = self.pos;
        if start < self.chunk_end && self.unicode.is_none() {
            let shape = plain_piece(&self.text.as_bytes()[start..self.chunk_end]);
            self.pos = start + shape.len;
            return Some((&self.text[start..self.pos], Some(shape)));
        }
        self.next_chunk()
    }

    /// The next piece when the current chunk is not plain or is used up.
    fn next_chunk(&mut self) -> Option<(&'a str, Option<Shape>)> {
        if let Some((offset, pieces)) = &mut self.unicode {
            if let Some((start, piece)) = pieces.next() {
                self.pos = *offset + start + piece.len();
                return Some((piece, None));
            }
            self.unicode = None;
            self.pos = self.chunk_end;
        }
        let bytes = self.text.as_bytes();
        if self.pos == bytes.len() {
            return None;
        }
        let (end, plain) = chunk_from(bytes, self.pos);
        self.chunk_end = end;
        if !plain {
            let chunk = &self.text[self.pos..end];
            let offset = self.pos;
            let mut pieces = chunk.split_word_bound_indices();
            let (start, piece) = pieces.next()?;
            self.pos = offset + start + piece.len();
            self.unicode = Some((offset, pieces));
            return Some((piece, None));
        }
        self.next_shaped()
    }
}

/// The end of the chunk that starts at `start`, and whether it is plain (ASCII and typographic
/// marks). A plain chunk runs to the last certain boundary before the next other character; a
/// chunk that is not plain, to the first certain boundary after that character.
fn chunk_from(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut i = start;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += 1;
        } else if is_typographic_mark(&bytes[i..]) {
            i += 3;
        } else {
            break;
        }
    }
    if i == bytes.len() {
        return (i, true);
    }
    if let Some(p) = (start + 1..i)
        .rev()
        .find(|&p| is_certain_boundary(bytes, p))
    {
        return (p, true);
    }
    let end = (i + 1..bytes.len())
        .find(|&p| is_certain_boundary(bytes, p))
        .unwrap_or(bytes.len());
    (end, false)
}

/// A boundary between two ASCII characters one of which is whitespace, except inside a run of
/// spaces and between CR and LF: no rule joins across it or looks through it.
fn is_certain_boundary(bytes: &[u8], p: usize) -> bool {
    let (before, after) = (bytes[p - 1], bytes[p]);
    before.is_ascii()
        && after.is_ascii()
        && (is_space(before) || is_space(after))
        && !(before == b' ' && after == b' ')
        && !(before == b'\r' && after == b'\n')
}

/// Whether the bytes open with one of the marks news text mixes into ASCII: en and em dash
/// (U+2013, U+2014), curly quotes (U+2018, U+2019, U+201C, U+201D) and the ellipsis (U+2026).
/// The single quotes are MidNumLet, like `.`; the others are Other, a piece each.
fn is_typographic_mark(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [
            0xE2,
            0x80,
            0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA6,
            ..
        ]
    )
}

/// ASCII whitespace: WSegSpace (space), CR, LF, Newline (VT, FF), and the tab (Other).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// Letters, digits and the underscore (ALetter, Numeric, ExtendNumLet): any two of them side by
/// side stay together (WB5, WB8, WB9, WB10, WB13a, WB13b).
const fn is_core(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a MidNumLetQ character (`.`, `'`, `‘`, `’`) between `before` and `after` joins them
/// into one word: `don't`, `e.g`, `3.5` (WB6, WB7, WB11, WB12).
fn mid_num_let_joins(before: u8, after: u8) -> bool {
    (before.is_ascii_alphabetic() && after.is_ascii_alphabetic())
        || (before.is_ascii_digit() && after.is_ascii_digit())
}

/// Whether the ASCII character `b`, between `before` and `after`, joins them into one word:
/// `don't`, `e.g`, `1,200`, `3.5`. In ASCII, MidLetter is `:`, MidNum `,` and `;`, MidNumLetQ
/// `.` and `'`.
fn joins(before: u8, b: u8, after: u8) -> bool {
    match b {
        b'\'' | b'.' => mid_num_let_joins(before, after),
        b':' => before.is_ascii_alphabetic() && after.is_ascii_alphabetic(),
        b',' | b';' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// What a plain piece is, learnt while finding it: what tokenizing needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shape {
    /// Its length in bytes.
    pub len: usize,
    /// Its length in characters.
    pub chars: usize,
    /// Whitespace only (space, tab, line breaks).
    pub space: bool,
    /// It holds a digit.
    pub digit: bool,
    /// It holds a letter.
    pub letter: bool,
}

/// The first piece of a non-empty plain text.
#[inline]
fn plain_piece(bytes: &[u8]) -> Shape {
    let first = bytes[0];
    let single = |len, chars, space| Shape {
        len,
        chars,
        space,
        digit: false,
        letter: false,
    };
    if first == b' ' {
        let len = bytes.iter().take_while(|&&b| b == b' ').count();
        return single(len, len, true);
    }
    if first == b'\r' && bytes.get(1) == Some(&b'\n') {
        return single(2, 2, true);
    }
    if !first.is_ascii() {
        return single(3, 1, false);
    }
    let mut seen = CORE[first as usize];
    if seen == 0 {
        return single(1, 1, is_space(first));
    }
    let mut marks = 0;
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        let class = CORE[b as usize];
        if class != 0 {
            seen |= class;
            i += 1;
        } else if b.is_ascii() {
            if i + 1 < bytes.len() && joins(bytes[i - 1], b, bytes[i + 1]) {
                i += 1;
            } else {
                break;
            }
        } else if matches!(bytes[i + 2], 0x98 | 0x99)
            && i + 3 < bytes.len()
            && mid_num_let_joins(bytes[i - 1], bytes[i + 3])
        {
            marks += 1;
            i += 3;
        } else {
            break;
        }
    }
    Shape {
        len: i,
        chars: i - 2 * marks,
        space: false,
        digit: seen & DIGIT != 0,
        letter: seen & LETTER != 0,
    }
}

const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const UNDERSCORE: u8 = 4;

/// [`is_core`] as a table, each core byte marked with what it is.
static CORE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if !is_core(byte) {
            0
        } else if byte.is_ascii_digit() {
            DIGIT
        } else if byte.is_ascii_alphabetic() {
            LETTER
        } else {
            UNDERSCORE
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    fn ours(text: &str) -> Vec<(usize, &str)> {
        word_bounds(text).collect()
    }

    /// Characters that every rule of UAX #29 turns on: ASCII classes, and outside ASCII the
    /// quotes and dashes of news text, letters, combining marks, format characters, joiners,
    /// spaces and line separators, Hebrew, Katakana, ideographs, emoji and regional indicators.
    const ALPHABET: &[char] = &[
        'a',
        'Z',
        'q',
        '0',
        '7',
        '_',
        '\'',
        '"',
        '.',
        ',',
        ';',
        ':',
        '-',
        '$',
        '%',
        '&',
        '/',
        '(',
        '!',
        '?',
        ' ',
        '\t',
        '\n',
        '\r',
        '\u{B}',
        '\u{C}',
        '\u{7F}',
        '\u{0}',
        '\u{2019}',
        '\u{2018}',
        '\u{201C}',
        '\u{201D}',
        '\u{2014}',
        '\u{2013}',
        '\u{2026}',
        '\u{A0}',
        '\u{2009}',
        '\u{3000}',
        '\u{202F}',
        '\u{AD}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{FEFF}',
        '\u{301}',
        '\u{308}',
        '\u{85}',
        '\u{2028}',
        '\u{2029}',
        'é',
        'ß',
        'ł',
        'Ж',
        'ы',
        'α',
        '\u{5D0}',
        '\u{5F3}',
        '\u{5F4}',
        '\u{30A2}',
        '\u{30FC}',
        '\u{4E2D}',
        '\u{3042}',
        '\u{660}',
        '\u{FF11}',
        '\u{B7}',
        '\u{2024}',
        '\u{FE50}',
        '\u{203F}',
        '\u{1F600}',
        '\u{1F44D}',
        '\u{1F3FB}',
        '\u{2764}',
        '\u{1F1FA}',
        '\u{1F1E6}',
        '\u{E0001}',
        '\u{FFFD}',
    ];

    fn mixed_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..60)
            .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn ascii_text_splits_as_unicode_segmentation_does(text in "[ -~\t\n\r\u{B}\u{C}\u{0}-\u{1F}\u{7F}]{0,80}") {
            prop_assert_eq!(ours(&text), reference(&text));
        }

        #[test]
        fn news_like_ascii_splits_as_unicode_segmentation_does(text in "([A-Za-z0-9]{1,4}[ .,;:'_\"\r\n-]{0,2}){0,20}") {
            prop_assert_eq!(ours(&text), reference(&text));
        }

        #[test]
        fn news_like_text_splits_as_unicode_segmentation_does(text in "([A-Za-z0-9é]{1,4}[ .,;:'_\"\r\n\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{2026}\u{2024}\u{A0}\u{301}-]{0,3}){0,20}") {
            prop_assert_eq!(ours(&text), reference(&text));
        }

        #[test]
        fn mixed_text_splits_as_unicode_segmentation_does(text in mixed_text()) {
            prop_assert_eq!(ours(&text), reference(&text));
        }

        #[test]
        fn any_text_splits_as_unicode_segmentation_does(text in "\\PC{0,40}") {
            prop_assert_eq!(ours(&text), reference(&text));
        }
    }

    #[test]
    fn fixtures_split_as_unicode_segmentation_does() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut checked = 0;
        let mut folders = vec![std::path::PathBuf::from(root)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    assert_eq!(ours(&text), reference(&text), "{}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "no fixtures found under {root}");
    }

    #[test]
    fn the_core_table_marks_the_core_bytes() {
        for b in 0..=255u8 {
            assert_eq!(CORE[b as usize] != 0, is_core(b), "{b}");
        }
    }

    #[test]
    fn words_with_curly_apostrophes_stay_whole() {
        let pieces: Vec<&str> = ours("Ryan\u{2019}s plan \u{2014} 1,200.5 e.g. x_1")
            .iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(
            pieces,
            [
                "Ryan\u{2019}s",
                " ",
                "plan",
                " ",
                "\u{2014}",
                " ",
                "1,200.5",
                " ",
                "e.g",
                ".",
                " ",
                "x_1"
            ]
        );
    }
}
