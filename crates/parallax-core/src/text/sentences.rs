//! Sentence splitting for news text.
//!
//! Unicode's sentence boundaries break after every `Mr.` and `U.S.`, so the splitter is written
//! for the marks news text uses: it walks the article by paragraph, by line where lines are
//! headings or list items, and ends a sentence at `.`, `!`, `?` or an ellipsis only when what
//! follows looks like a new sentence and what precedes is not a title, an initial or an
//! abbreviation that needs a number (`No. 5`, `Nov. 20`).

use serde::{Deserialize, Serialize};

use super::is_function_word;

/// One sentence of an article, with where it stands in the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence as written, trimmed.
    pub text: String,
    /// Character offset of the first character in the article text.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to, counting only paragraphs that hold a
    /// sentence. Paragraphs are separated by a blank line; in a text without any blank line,
    /// every non-empty line is a paragraph.
    pub paragraph: usize,
}

/// Splits article text into sentences, keeping paragraph boundaries.
///
/// ```
/// use parallax_core::text::split_sentences;
/// let text = "KYIV, Nov. 20 — Gen. Randy George met Mr. Zelensky. The U.S. Army sent $1.5bn.\n\nNo. 2 is next.";
/// let sentences: Vec<String> = split_sentences(text).into_iter().map(|s| s.text).collect();
/// assert_eq!(sentences, [
///     "KYIV, Nov. 20 — Gen. Randy George met Mr. Zelensky.",
///     "The U.S. Army sent $1.5bn.",
///     "No. 2 is next.",
/// ]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut text = CharText::new(text, &chars);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    for block in paragraphs(&chars) {
        let before = sentences.len();
        for unit in units(&chars, &block) {
            for (start, end) in split_unit(&chars, unit.0, unit.1) {
                push_trimmed(&mut text, start, end, paragraph, &mut sentences);
            }
        }
        if sentences.len() > before {
            paragraph += 1;
        }
    }
    sentences
}

/// A line of the text as a character range, without its line break.
type Line = (usize, usize);

/// Splits the text into paragraphs, each a list of its lines.
fn paragraphs(chars: &[char]) -> Vec<Vec<Line>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, chars.len()));
    let blank = |&(s, e): &Line| chars[s..e].iter().all(|c| c.is_whitespace());
    let first = lines.iter().position(|l| !blank(l)).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !blank(l)).map_or(0, |i| i + 1);
    let has_blank_line = lines[first..last.max(first)].iter().any(blank);

    let mut paragraphs: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if blank(&line) {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        // A dateline alone on its line ("KYIV, Nov 20 —") belongs to the text after it.
        let joins_next = ends_with_dash(chars, line);
        current.push(line);
        if !has_blank_line && !joins_next {
            paragraphs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

fn ends_with_dash(chars: &[char], (s, e): Line) -> bool {
    chars[s..e]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace())
        .is_some_and(|&c| matches!(c, '—' | '–' | '-'))
}

/// Groups a paragraph's lines into runs that sentences may span: a heading or a list item is a
/// run of its own, wrapped lines of prose are one run.
fn units(chars: &[char], lines: &[Line]) -> Vec<(usize, usize)> {
    let longest = lines.iter().map(|(s, e)| e - s).max().unwrap_or(0);
    let mut units = Vec::new();
    let mut start = lines[0].0;
    for (k, &line) in lines.iter().enumerate() {
        let Some(&next) = lines.get(k + 1) else {
            units.push((start, line.1));
            break;
        };
        let hard_break = is_list_item(chars, next)
            || is_list_item(chars, line) && !starts_lowercase(chars, next)
            || is_heading(chars, line, longest);
        if hard_break && !ends_with_dash(chars, line) {
            units.push((start, line.1));
            start = next.0;
        }
    }
    units
}

fn first_char(chars: &[char], (s, e): Line) -> Option<(usize, char)> {
    (s..e)
        .map(|i| (i, chars[i]))
        .find(|(_, c)| !c.is_whitespace())
}

fn starts_lowercase(chars: &[char], line: Line) -> bool {
    first_char(chars, line).is_some_and(|(_, c)| c.is_lowercase())
}

/// `- item`, `* item`, `• item`, `1. item`, `2) item`, `# Heading`.
fn is_list_item(chars: &[char], line: Line) -> bool {
    let Some((i, c)) = first_char(chars, line) else {
        return false;
    };
    let after = |k: usize| chars.get(k).copied().filter(|_| k < line.1);
    match c {
        '-' | '*' | '•' | '·' | '‣' | '▪' | '#' => {
            after(i + 1).is_some_and(|n| n == ' ' || n == '#')
        }
        '0'..='9' => {
            let mut k = i;
            while after(k).is_some_and(|d| d.is_ascii_digit()) {
                k += 1;
            }
            k - i <= 3 && matches!(after(k), Some('.') | Some(')')) && after(k + 1) == Some(' ')
        }
        _ => false,
    }
}

/// A short line without closing punctuation, shorter than the prose around it: a heading.
fn is_heading(chars: &[char], (s, e): Line, longest: usize) -> bool {
    let text: String = chars[s..e].iter().collect();
    let text = text.trim();
    let Some(last) = text.chars().last() else {
        return false;
    };
    let words = text.split_whitespace().count();
    (last.is_alphanumeric() || matches!(last, ')' | '"' | '”' | '\''))
        && words <= 12
        && (e - s) * 10 < longest * 6
}

/// An article text with its characters, sliced by character offsets.
struct CharText<'a> {
    text: &'a str,
    chars: &'a [char],
    /// A character offset and its byte offset, where the last slice began: sentences come in
    /// order, so each slice walks on from the one before.
    cursor: (usize, usize),
}

impl<'a> CharText<'a> {
    fn new(text: &'a str, chars: &'a [char]) -> CharText<'a> {
        CharText {
            text,
            chars,
            cursor: (0, 0),
        }
    }

    /// The characters `[start, end)`.
    fn slice(&mut self, start: usize, end: usize) -> &'a str {
        if self.text.len() == self.chars.len() {
            return &self.text[start..end];
        }
        if start < self.cursor.0 {
            self.cursor = (0, 0);
        }
        let byte_start = self.cursor.1 + utf8_len(&self.chars[self.cursor.0..start]);
        self.cursor = (start, byte_start);
        let byte_end = byte_start + utf8_len(&self.chars[start..end]);
        &self.text[byte_start..byte_end]
    }
}

fn utf8_len(chars: &[char]) -> usize {
    chars.iter().map(|c| c.len_utf8()).sum()
}

fn push_trimmed(
    text: &mut CharText,
    mut start: usize,
    mut end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let chars = text.chars;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if !chars[start..end].iter().any(|c| c.is_alphanumeric()) {
        return;
    }
    out.push(Sentence {
        text: text.slice(start, end).to_string(),
        start,
        end,
        paragraph,
    });
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«', '‹'];

/// Splits one run of text `[start, end)` into sentence ranges.
fn split_unit(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut sentence_start = start;
    let mut i = start;
    while i < end {
        let c = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < end && matches!(chars[j], '.' | '!' | '?' | '…') {
            j += 1;
        }
        let marks: String = chars[i..j].iter().collect();
        let mut k = j;
        while k < end && CLOSERS.contains(&chars[k]) {
            k += 1;
        }
        let closed = k > j;
        if k < end && !chars[k].is_whitespace() {
            i = j;
            continue;
        }
        let opens_sentence = chars[sentence_start..i]
            .iter()
            .all(|c| c.is_whitespace() || OPENERS.contains(c));
        if !opens_sentence && ends_sentence(chars, start, i, &marks, closed, k, end) {
            out.push((sentence_start, k));
            sentence_start = k;
        }
        i = k.max(i + 1);
    }
    if sentence_start < end {
        out.push((sentence_start, end));
    }
    out
}

/// Decides whether the marks `chars[at..]` (`marks`, then closing quotes up to `after`) end a
/// sentence, from the word before them and the text after them.
fn ends_sentence(
    chars: &[char],
    unit_start: usize,
    at: usize,
    marks: &str,
    closed: bool,
    after: usize,
    end: usize,
) -> bool {
    let mut n = after;
    while n < end && chars[n].is_whitespace() {
        n += 1;
    }
    if n >= end {
        return true;
    }
    let next = next_word(chars, n, end);
    let Some(first) = next.chars().find(|c| c.is_alphanumeric()) else {
        // "hell. ... The world": an ellipsis after a full stop opens the next sentence when a
        // capital follows it; a dash after an abbreviation is a dateline ("HARTFORD, Conn. —").
        if matches!(chars[n], '.' | '…') {
            let after_ellipsis =
                (n..end).find(|&k| !matches!(chars[k], '.' | '…') && !chars[k].is_whitespace());
            return marks == "." && after_ellipsis.is_some_and(|k| chars[k].is_uppercase());
        }
        return false;
    };
    if first.is_lowercase() {
        return false;
    }
    if marks.contains('…') || marks.len() >= 3 {
        return true;
    }
    if marks != "." {
        // "Why now?" Trump asked.  — a question quoted, then its speaker.
        return !(closed && followed_by_speech_verb(chars, n, end));
    }
    if closed {
        return true;
    }
    let word = word_before(chars, at);
    if word.chars().all(|c| c.is_ascii_digit())
        && chars[unit_start..at - word.len()]
            .iter()
            .all(|c| c.is_whitespace())
    {
        return false;
    }
    let lower = word.to_lowercase();
    let starts_sentence = looks_like_sentence_start(&next);
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    if NUMBER_PREFIXES.contains(&lower.as_str()) {
        return !first.is_ascii_digit();
    }
    if is_dotted_abbreviation(&word)
        || word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
    {
        // U.S., a.m., D.C. and initials: a sentence ends there only before a word that
        // usually opens one ("in the U.S. The plan", not "U.S. Army").
        return starts_sentence;
    }
    if ENDING_ABBREVIATIONS.contains(&lower.as_str()) {
        return starts_sentence;
    }
    true
}

/// The word that starts at `n`, opening quotes and brackets skipped.
fn next_word(chars: &[char], mut n: usize, end: usize) -> String {
    while n < end && OPENERS.contains(&chars[n]) {
        n += 1;
    }
    chars[n..end]
        .iter()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '.'))
        .collect()
}

/// The word that ends just before the period at `at`: `Mr`, `U.S`, `a.m`, `J`.
fn word_before(chars: &[char], at: usize) -> String {
    let mut s = at;
    while s > 0 && (chars[s - 1].is_alphanumeric() || chars[s - 1] == '.') {
        s -= 1;
    }
    chars[s..at]
        .iter()
        .collect::<String>()
        .trim_start_matches('.')
        .to_string()
}

/// `U.S`, `a.m`, `D.C`, `e.g`: short runs of letters joined by periods.
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=3).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

fn looks_like_sentence_start(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word.chars().next().is_some_and(char::is_uppercase)
        && (is_function_word(word) || SENTENCE_OPENERS.contains(&word.to_lowercase().as_str()))
}

/// Up to three capitalised words and a speech verb: `Trump asked`, `Sen. John McCain said`.
fn followed_by_speech_verb(chars: &[char], mut n: usize, end: usize) -> bool {
    for _ in 0..4 {
        let word = next_word(chars, n, end);
        if word.is_empty() {
            return false;
        }
        if super::lexicon::is_speech_verb(&word) {
            return true;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        n += word.chars().count();
        while n < end && (chars[n].is_whitespace() || chars[n] == ',') {
            n += 1;
        }
    }
    false
}

/// Titles and honorifics: always followed by a name, never the end of a sentence.
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cong", "cpl", "det", "dr", "fr", "gen",
    "gov", "hon", "insp", "lt", "maj", "messrs", "mme", "mr", "mrs", "ms", "msgr", "mt", "pfc",
    "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt", "spc", "st", "supt", "vs",
    "e.g", "i.e", "cf", "approx", "ft",
];

/// Abbreviations that stand before a number: `No. 5`, `Nov. 20`, `pp. 12`.
const NUMBER_PREFIXES: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "art", "vol", "fig", "p", "pp", "ch", "sec", "para", "ed",
];

/// Abbreviations that may also close a sentence: `Acme Inc.`, `John Smith Jr.`.
const ENDING_ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "ltd", "co", "jr", "sr", "bros", "etc", "llc", "plc", "ave", "blvd", "rd",
    "dept", "univ", "assn", "est",
];

/// Capitalised words that commonly open a sentence, besides function words.
const SENTENCE_OPENERS: &[&str] = &[
    "according",
    "earlier",
    "last",
    "later",
    "many",
    "meanwhile",
    "still",
    "officials",
    "asked",
    "yes",
    "instead",
    "in",
    "on",
    "at",
    "after",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        split_sentences(text).into_iter().map(|s| s.text).collect()
    }

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
    fn offsets_are_characters_not_bytes() {
        let text = "“Zelenskyy’s plan” — ready. Next één.";
        let chars: Vec<char> = text.chars().collect();
        let sentences = split_sentences(text);
        assert_eq!(sentences.len(), 2);
        for s in &sentences {
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        }
    }

    #[test]
    fn titles_do_not_end_sentences() {
        assert_eq!(
            texts(
                "Sgt. Maj. Michael Weimer and Col. David Butler met Gen. George. Mr. Trump agreed."
            ),
            [
                "Sgt. Maj. Michael Weimer and Col. David Butler met Gen. George.",
                "Mr. Trump agreed."
            ]
        );
    }

    #[test]
    fn acronyms_end_a_sentence_only_before_a_sentence_opener() {
        assert_eq!(
            texts("The U.S. Army arrived at 9 a.m. Friday. They met in Washington, D.C. The talks went on."),
            ["The U.S. Army arrived at 9 a.m. Friday.", "They met in Washington, D.C.", "The talks went on."]
        );
    }

    #[test]
    fn initials_stay_inside_names() {
        assert_eq!(
            texts("George W. Bush spoke. J. K. Rowling wrote."),
            ["George W. Bush spoke.", "J. K. Rowling wrote."]
        );
    }

    #[test]
    fn month_and_number_abbreviations_before_numbers_continue() {
        assert_eq!(
            texts("It began Jan. 5 with No. 2 on the list. It ended in Dec. Then more."),
            [
                "It began Jan. 5 with No. 2 on the list.",
                "It ended in Dec.",
                "Then more."
            ]
        );
    }

    #[test]
    fn decimals_and_money_do_not_split() {
        assert_eq!(
            texts("Aid rose 3.5% to $1.5bn. Ukraine got £20,000."),
            ["Aid rose 3.5% to $1.5bn.", "Ukraine got £20,000."]
        );
    }

    #[test]
    fn quotations_keep_their_closing_marks_and_span_sentences() {
        assert_eq!(
            texts("He said: “We are ready. We will win.” Then he left. “Why now?” Trump asked. “Go!” It ended."),
            [
                "He said: “We are ready.",
                "We will win.”",
                "Then he left.",
                "“Why now?” Trump asked.",
                "“Go!”",
                "It ended."
            ]
        );
    }

    #[test]
    fn a_quoted_sentence_followed_by_its_speaker_in_lowercase_continues() {
        assert_eq!(
            texts("\"We are ready,\" he said. \"Are you?\" she asked."),
            ["\"We are ready,\" he said.", "\"Are you?\" she asked."]
        );
    }

    #[test]
    fn ellipses_split_only_before_a_capital() {
        assert_eq!(
            texts("We will ... defend it. This is the... It ended."),
            ["We will ... defend it.", "This is the...", "It ended."]
        );
    }

    #[test]
    fn an_ellipsis_after_a_full_stop_opens_the_next_sentence() {
        assert_eq!(
            texts("It is going to hell. ... The world laughs."),
            ["It is going to hell.", "... The world laughs."]
        );
    }

    #[test]
    fn a_dateline_after_a_state_abbreviation_continues() {
        assert_eq!(
            texts("HARTFORD, Conn. — The attorney general spoke."),
            ["HARTFORD, Conn. — The attorney general spoke."]
        );
    }

    #[test]
    fn a_dateline_stays_with_its_sentence() {
        assert_eq!(
            texts("KYIV, Nov 20 — Russia struck. Ukraine answered."),
            ["KYIV, Nov 20 — Russia struck.", "Ukraine answered."]
        );
        let on_its_own_line = split_sentences("KYIV, Nov 20 —\nRussia struck.\nUkraine answered.");
        assert_eq!(on_its_own_line[0].text, "KYIV, Nov 20 —\nRussia struck.");
        assert_eq!(on_its_own_line[1].paragraph, 1);
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        let sentences = split_sentences("One line. Two.\nAnother line\nA third");
        let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs, [0, 0, 1, 2]);
    }

    #[test]
    fn headings_and_list_items_are_sentences_of_their_own() {
        let text = "Background\nThe plan has 28 points and was drafted over several weeks by envoys.\n\nKey points:\n- Ukraine cedes land\n- Troops are capped\n1. First step\n2. Second step";
        assert_eq!(
            texts(text),
            [
                "Background",
                "The plan has 28 points and was drafted over several weeks by envoys.",
                "Key points:",
                "- Ukraine cedes land",
                "- Troops are capped",
                "1. First step",
                "2. Second step"
            ]
        );
    }

    #[test]
    fn wrapped_lines_of_a_paragraph_form_one_sentence() {
        let text = "The delegation met officials in Kyiv on Thursday to discuss\nthe plan. It left.\n\nNext.";
        assert_eq!(
            texts(text),
            [
                "The delegation met officials in Kyiv on Thursday to discuss\nthe plan.",
                "It left.",
                "Next."
            ]
        );
    }

    #[test]
    fn separator_lines_are_not_sentences() {
        assert_eq!(texts("One.\n\n* * *\n\nTwo."), ["One.", "Two."]);
        assert_eq!(split_sentences("One.\n\n***\n\nTwo.")[1].paragraph, 1);
    }
}
