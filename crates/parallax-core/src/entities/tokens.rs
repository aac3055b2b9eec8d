//! Words and punctuation of an article, with character offsets and where sentences start.

/// One word or punctuation mark.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// The token as written, a trailing possessive (`'s`, `’s`, `s'`) left out.
    pub text: &'a str,
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character of `text`.
    pub end: usize,
    /// A word (letters or digits) rather than punctuation.
    pub word: bool,
    /// The word ended in a possessive, which ends any name it belongs to.
    pub possessive: bool,
    /// The token's capital tells nothing: it starts a sentence or stands in a heading.
    pub uncertain: bool,
    /// A blank line or line break comes before the token.
    pub line_break_before: bool,
}

impl Token<'_> {
    /// Starts with a capital letter, or is an Arabic-style name with a lowercase article
    /// (`al-Qaeda`).
    pub fn is_capitalized(&self) -> bool {
        let mut chars = self.text.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => true,
            Some('a' | 'e') => {
                let rest = &self.text[1..];
                rest.starts_with("l-") && rest[2..].chars().next().is_some_and(char::is_uppercase)
            }
            _ => false,
        }
    }

    /// Written in capitals throughout (`NATO`, `WASHINGTON`, `U.S.`).
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2 || (letters == 1 && self.text.ends_with('.') && self.text.len() > 2)
    }

    /// Letters separated by periods (`U.S.`, `R.N.C.`, `G.O.P.`).
    pub fn is_dotted_initials(&self) -> bool {
        let bytes = self.text.as_bytes();
        bytes.len() >= 4
            && bytes
                .chunks(2)
                .all(|pair| pair.len() == 2 && pair[0].is_ascii_uppercase() && pair[1] == b'.')
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Col", "Lt", "Sgt", "Maj",
    "Capt", "Adm", "Cmdr", "Cpl", "Pvt", "Brig", "Jr", "Sr", "St", "Ft", "Mt", "Rev", "Prof",
    "Inc", "Corp", "Co", "Ltd", "No", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla",
    "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo",
    "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    "W.Va", "Govs", "Gens", "ST", "FT", "MT", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov",
    "Dec", "vs", "Ph", "a.m", "p.m",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits a text into tokens. Offsets are in characters, as everywhere in the engine.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut i = 0;
    let mut line_break = true;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            if c == '\n' {
                line_break = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            i += 1;
            let mut segment_len = 1;
            while i < chars.len() {
                let c = chars[i].1;
                if is_word_char(c) {
                    segment_len += 1;
                    i += 1;
                    continue;
                }
                let next_is_word = chars.get(i + 1).is_some_and(|&(_, n)| is_word_char(n));
                let joins = match c {
                    '\'' | '\u{2019}' | '-' | '&' => next_is_word,
                    '.' => next_is_word && segment_len == 1 && chars[i - 1].1.is_uppercase(),
                    _ => false,
                };
                if !joins {
                    break;
                }
                segment_len = 0;
                i += 1;
            }
            let word = &text[byte_at(start)..byte_at(i)];
            // A period belongs to initials (`U.S.`) and known abbreviations (`Sen.`), not to a sentence end.
            if chars.get(i).is_some_and(|&(_, c)| c == '.') {
                let initials = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
                    || word.contains('.') && word.split('.').all(|s| s.chars().count() <= 1);
                if initials || ABBREVIATIONS.contains(&word) {
                    i += 1;
                }
            }
            let mut end = i;
            let mut possessive = false;
            let full = &text[byte_at(start)..byte_at(end)];
            for suffix in ["'s", "\u{2019}s", "'S"] {
                if full.len() > suffix.len() + 1 && full.ends_with(suffix) {
                    end -= 2;
                    possessive = true;
                    break;
                }
            }
            if !possessive
                && matches!(chars.get(i).map(|c| c.1), Some('\'' | '\u{2019}'))
                && full.ends_with('s')
            {
                possessive = true;
                i += 1;
            }
            tokens.push(Token {
                text: &text[byte_at(start)..byte_at(end)],
                start,
                end,
                word: true,
                possessive,
                uncertain: false,
                line_break_before: line_break,
            });
        } else {
            i += 1;
            tokens.push(Token {
                text: &text[byte_at(start)..byte_at(i)],
                start,
                end: i,
                word: false,
                possessive: false,
                uncertain: false,
                line_break_before: line_break,
            });
        }
        line_break = false;
    }
    mark_uncertain_capitals(&mut tokens);
    tokens
}

fn is_opening(t: &Token<'_>) -> bool {
    !t.word
        && matches!(
            t.text,
            "\"" | "\u{201C}"
                | "\u{2018}"
                | "'"
                | "("
                | "["
                | "\u{2014}"
                | "-"
                | "\u{2013}"
                | "*"
                | "\u{2022}"
        )
}

/// An opening quotation mark: typographic, or straight with a space before and a word after.
fn is_quote_opening(tokens: &[Token<'_>], i: usize) -> bool {
    match tokens[i].text {
        "\u{201C}" => true,
        "\"" => {
            let spaced = i == 0 || tokens[i - 1].end < tokens[i].start;
            let glued = tokens
                .get(i + 1)
                .is_some_and(|n| n.start == tokens[i].end && n.word);
            spaced && glued
        }
        _ => false,
    }
}

/// A sentence may end here; for a word, one whose period may also end the sentence (`U.S.`,
/// `Calif.`): the next word then decides.
fn ends_sentence(t: &Token<'_>) -> bool {
    !t.word && matches!(t.text, "." | "!" | "?" | ":" | "\u{2026}")
        || t.word && t.is_dotted_initials() && t.text.len() <= 4
        || t.word && crate::entities::gazetteer::state_of_abbreviation(t.text).is_some()
}

/// Marks sentence-initial words and every word of a heading (a run of title-case words).
fn mark_uncertain_capitals(tokens: &mut [Token<'_>]) {
    let mut sentence_start = 0;
    let mut at_start = true;
    for i in 0..tokens.len() {
        if tokens[i].line_break_before && i > sentence_start {
            mark_heading(&mut tokens[sentence_start..i]);
            sentence_start = i;
            at_start = true;
        }
        if tokens[i].word {
            if at_start {
                tokens[i].uncertain = true;
                at_start = false;
            }
            if ends_sentence(&tokens[i])
                && tokens
                    .get(i + 1)
                    .is_some_and(|n| n.word && n.is_capitalized())
            {
                // `U.S. The` ends a sentence; `U.S. Army` does not: decided when the next word is read.
                if tokens
                    .get(i + 1)
                    .is_some_and(|n| crate::entities::gazetteer::is_common_word(n.text))
                {
                    tokens[i + 1].uncertain = true;
                }
            }
        } else if ends_sentence(&tokens[i]) {
            mark_heading(&mut tokens[sentence_start..=i]);
            sentence_start = i + 1;
            at_start = true;
        } else if is_quote_opening(tokens, i) {
            // A quotation opens a sentence of its own: `he said, "So we ...`.
            at_start = true;
        } else if !is_opening(&tokens[i]) {
            at_start = false;
        }
    }
    let len = tokens.len();
    mark_heading(&mut tokens[sentence_start..len]);
}

/// A sentence of title-case or all-caps words is a heading: its capitals tell nothing.
fn mark_heading(sentence: &mut [Token<'_>]) {
    let mut long_words = 0;
    let mut capitalized = 0;
    let mut lowercase_function_words = 0;
    for t in sentence.iter().filter(|t| t.word) {
        if t.text.chars().count() >= 4 {
            long_words += 1;
            if t.is_capitalized() {
                capitalized += 1;
            }
        } else if t.text.chars().next().is_some_and(char::is_lowercase) {
            lowercase_function_words += 1;
        }
    }
    let _ = lowercase_function_words;
    if long_words >= 3 && capitalized * 10 >= long_words * 8 {
        for t in sentence.iter_mut() {
            t.uncertain = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .filter(|t| t.word)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn initials_and_abbreviations_keep_their_periods() {
        assert_eq!(
            words("Sen. Rand Paul of the U.S. said."),
            ["Sen.", "Rand", "Paul", "of", "the", "U.S.", "said"]
        );
    }

    #[test]
    fn possessives_are_cut_from_the_word() {
        let tokens = tokenize("Obama’s plan");
        assert_eq!(tokens[0].text, "Obama");
        assert!(tokens[0].possessive);
    }

    #[test]
    fn sentence_starts_are_uncertain_capitals() {
        let tokens = tokenize("He left. Then Obama spoke.");
        let then = tokens.iter().find(|t| t.text == "Then").unwrap();
        let obama = tokens.iter().find(|t| t.text == "Obama").unwrap();
        assert!(then.uncertain);
        assert!(!obama.uncertain);
    }

    #[test]
    fn title_case_headings_are_uncertain_throughout() {
        let tokens = tokenize("Senate Republicans Vow To Block Legislation\n\nThe Senate voted.");
        assert!(tokens.iter().take(6).all(|t| t.uncertain));
        assert!(
            !tokens
                .iter()
                .rev()
                .find(|t| t.text == "Senate")
                .unwrap()
                .uncertain
        );
    }
}
