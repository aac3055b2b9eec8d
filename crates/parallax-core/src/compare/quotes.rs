//! Direct quotations: what was said, who said it where the text tells, the same quotation
//! linked across articles, and a quotation attributed to the same speaker in different words
//! reported as a conflict of kind `quote`.

use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::Conflict;
use crate::entities::{self, small_number, Entity};
use crate::text::{self, Sentence};

mod attribution;
mod speakers;

pub(crate) use speakers::{sentence_speakers, SentenceSpeaker};

use attribution::{speaker_after, speaker_before, People, Speaker};

/// A direct quotation in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, titles left out (`Robert Gibbs`, not `Mr. Gibbs`), when the text says it.
    pub speaker: Option<String>,
    /// True when the speaker was inferred (from `he said`, or from the quotation before it in
    /// the same paragraph) rather than named next to the quotation.
    pub inferred: bool,
    /// Index of the sentence the quotation starts in.
    pub sentence: usize,
    /// Character offset of the first quoted character in the article text.
    pub start: usize,
    /// Character offset one past the last quoted character.
    pub end: usize,
}

/// The same quotation in two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLink {
    /// Index of the left article.
    pub left: usize,
    /// Index of the quotation in the left article's quotes.
    pub left_quote: usize,
    /// Index of the right article.
    pub right: usize,
    /// Index of the quotation in the right article's quotes.
    pub right_quote: usize,
    /// True when one quotation's words are the other's, or a part of them (an outlet may quote
    /// less); false when the words differ inside the shared part.
    pub same_words: bool,
}

/// Quotations shorter than this many words are scare quotes or titles ("malarkey", "Face the
/// Nation"), not statements to follow across outlets.
const MIN_WORDS: usize = 4;

/// Finds the direct quotations of an article and, where the text says it, their speakers.
///
/// ```
/// use parallax_core::compare::find_quotes;
/// use parallax_core::text::split_sentences;
/// let text = "“We will not give up our land,” Zelensky said on Thursday.";
/// let quotes = find_quotes(text, &split_sentences(text));
/// assert_eq!(quotes[0].text, "We will not give up our land");
/// assert_eq!(quotes[0].speaker.as_deref(), Some("Zelensky"));
/// ```
pub fn find_quotes(text: &str, sentences: &[Sentence]) -> Vec<Quote> {
    if !text.contains(['"', '“', '”']) {
        return Vec::new();
    }
    find_quotes_naming(text, sentences, &entities::find_entities(text))
}

/// [`find_quotes`] with the article's entities already found, for pronouns and full names.
pub(crate) fn find_quotes_naming(
    text: &str,
    sentences: &[Sentence],
    entities: &[Entity],
) -> Vec<Quote> {
    let chars: Vec<char> = text.chars().collect();
    let mut quotes: Vec<Quote> = Vec::new();
    let people = People::new(entities);
    let mut previous_paragraph: Option<String> = None;
    for paragraph in paragraph_ranges(sentences) {
        let spans = quoted_spans(&chars, paragraph.0, paragraph.1);
        let mut previous_in_paragraph: Option<String> = None;
        // A paragraph that opens with an unattributed quotation goes on with the speaker of
        // the paragraph before when that one ended on a quotation (news style quotes one
        // speaker over several paragraphs).
        if spans.first().is_some_and(|&(open, _)| open == paragraph.0) {
            previous_in_paragraph = previous_paragraph.clone();
        }
        previous_paragraph = None;
        let last_sentence_start = sentences[sentence_at(sentences, paragraph.1 - 1)].start;
        for (k, &(open, close)) in spans.iter().enumerate() {
            let (start, end) = trim_span(&chars, open + 1, close);
            let quoted: String = chars[start..end].iter().collect();
            if text::words(&quoted).nth(MIN_WORDS - 1).is_none() {
                continue;
            }
            let sentence = sentence_at(sentences, start);
            // The attribution stands in the sentence that closes or opens the quotation.
            let closing = &sentences[sentence_at(sentences, close.min(paragraph.1 - 1))];
            let after_end = spans
                .get(k + 1)
                .map_or(paragraph.1, |next| next.0)
                .min(closing.end);
            let before_start = if k == 0 {
                paragraph.0
            } else {
                spans[k - 1].1 + 1
            };
            let before_start = before_start.max(sentences[sentence].start).min(open);
            let after: String = chars[(close + 1).min(after_end)..after_end]
                .iter()
                .collect();
            let before: String = chars[before_start..open].iter().collect();
            let found = speaker_after(&after).or_else(|| speaker_before(&before));
            let (speaker, inferred) = match found {
                Some(Speaker::Named(name)) => (Some(name), false),
                Some(Speaker::Pronoun) => (
                    people
                        .antecedent(sentences, sentence, open)
                        .or(previous_in_paragraph.clone()),
                    true,
                ),
                Some(Speaker::Unnamed) => (None, false),
                None => (previous_in_paragraph.clone(), true),
            };
            previous_in_paragraph = speaker.clone();
            if close >= last_sentence_start {
                previous_paragraph = speaker.clone();
            }
            let text = quoted.trim_end_matches([',', ' ']).to_string();
            let end = start + text.chars().count();
            quotes.push(Quote {
                text,
                speaker,
                inferred,
                sentence,
                start,
                end,
            });
        }
    }
    let speakers: Vec<String> = quotes.iter().filter_map(|q| q.speaker.clone()).collect();
    for quote in &mut quotes {
        if let Some(speaker) = &quote.speaker {
            quote.speaker = Some(people.fullest(speaker, &speakers));
        }
    }
    quotes
}

#[cfg(test)]
/// Links the same quotations of two articles and reports, as conflicts of kind `quote`, those
/// attributed to the same speaker whose words differ inside the part both give.
pub(crate) fn link_quotes(
    left: usize,
    right: usize,
    a: &[Quote],
    b: &[Quote],
) -> (Vec<QuoteLink>, Vec<Conflict>) {
    let words = QuoteWords::of_articles(&[a, b]);
    link_quote_words(left, right, a, b, &words[0], &words[1])
}

/// The compared words of one quotation, and the same words as sorted ids, to tell cheaply
/// that two quotations share too few words to be one.
pub(crate) struct QuoteWords {
    /// The compared words as ids, in order.
    words: Vec<u32>,
    /// The same ids, sorted.
    bag: Vec<u32>,
    /// The id of [`OMISSION`] in this comparison.
    omission: u32,
}

impl QuoteWords {
    /// The compared words of every quotation of every article, with ids shared across them.
    pub(crate) fn of_articles(articles: &[&[Quote]]) -> Vec<Vec<QuoteWords>> {
        let mut ids = WordIds::default();
        ids.id(OMISSION);
        articles
            .iter()
            .map(|quotes| {
                quotes
                    .iter()
                    .map(|q| {
                        let words = comparable_words(&q.text, &mut ids);
                        let mut bag = words.clone();
                        bag.sort_unstable();
                        QuoteWords {
                            words,
                            bag,
                            omission: 0,
                        }
                    })
                    .collect()
            })
            .collect()
    }

    /// How many words the two quotations have in common, counted with repeats: no diff of
    /// them can pair more.
    fn common(&self, other: &QuoteWords) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < self.bag.len() && j < other.bag.len() {
            match self.bag[i].cmp(&other.bag[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// [`link_quotes`] with the compared words of both articles' quotations already read.
pub(crate) fn link_quote_words(
    left: usize,
    right: usize,
    a: &[Quote],
    b: &[Quote],
    words_a: &[QuoteWords],
    words_b: &[QuoteWords],
) -> (Vec<QuoteLink>, Vec<Conflict>) {
    let mut candidates = Vec::new();
    for (i, x) in words_a.iter().enumerate() {
        for (j, y) in words_b.iter().enumerate() {
            // A diff cannot pair more words than the two have in common, and match_words needs
            // MIN_WORDS shared words and half of the shorter quotation.
            let common = x.common(y);
            let shorter = x.words.len().min(y.words.len());
            if common < MIN_WORDS || common * 2 < shorter {
                continue;
            }
            // Nor can it find a run of MIN_RUN equal words that the two do not share.
            let mostly_shared = common * 4 >= shorter * 3;
            if !mostly_shared
                && !x
                    .words
                    .windows(MIN_RUN)
                    .any(|run| y.words.windows(MIN_RUN).any(|other| other == run))
            {
                continue;
            }
            if let Some(m) = match_words(&x.words, &y.words, x.omission) {
                candidates.push((m.shared, i, j, m.interior_change));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2)));
    let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (mut links, mut conflicts) = (Vec::new(), Vec::new());
    for (_, i, j, changed) in candidates {
        if used_a[i] || used_b[j] {
            continue;
        }
        used_a[i] = true;
        used_b[j] = true;
        links.push(QuoteLink {
            left,
            left_quote: i,
            right,
            right_quote: j,
            same_words: !changed,
        });
        if changed && same_speaker(&a[i], &b[j]) {
            conflicts.push(Conflict {
                kind: "quote".to_string(),
                left: a[i].text.clone(),
                right: b[j].text.clone(),
                left_sentence: a[i].sentence,
                right_sentence: b[j].sentence,
            });
        }
    }
    links.sort_by_key(|l| (l.left_quote, l.right_quote));
    (links, conflicts)
}

struct WordMatch {
    /// Words both quotations share, in order.
    shared: usize,
    /// True when the quotations differ between two shared runs, not only where one starts
    /// or ends earlier than the other.
    interior_change: bool,
}

/// Two quotations are one only if they share a run of this many words, or three quarters of
/// the shorter one: "are informed by the" is a phrase two statements may share.
const MIN_RUN: usize = 5;

/// Equal runs shorter than this at the edges of two quotations' diff do not start the part
/// both give.
const EDGE_RUN: usize = 3;

/// Whether two quotations (as stemmed words) are the same quotation: they share at least
/// [`MIN_WORDS`] words in order and half of the shorter one, with a run of [`MIN_RUN`] or
/// three quarters of the shorter one.
fn match_words(x: &[u32], y: &[u32], omission: u32) -> Option<WordMatch> {
    let ops = capture_diff_slices(Algorithm::Myers, x, y);
    let shared: usize = ops
        .iter()
        .map(|op| {
            if let DiffOp::Equal { len, .. } = op {
                *len
            } else {
                0
            }
        })
        .sum();
    let longest_run = ops
        .iter()
        .map(|op| {
            if let DiffOp::Equal { len, .. } = op {
                *len
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0);
    let shorter = x.len().min(y.len());
    let mostly_shared = shared * 4 >= shorter * 3;
    if shared < MIN_WORDS || shared * 2 < shorter || longest_run < MIN_RUN && !mostly_shared {
        return None;
    }
    // The shared part runs between the first and the last equal run, except that a short
    // equal run cut off from the rest by a long gap is a common word the diff paired far away
    // ("I" of "I have been watching ... I'm endorsing"), not where the shared part starts.
    let equal_len = |op: &DiffOp| {
        if let DiffOp::Equal { len, .. } = op {
            Some(*len)
        } else {
            None
        }
    };
    let gap = |op: &DiffOp| match *op {
        DiffOp::Equal { .. } => 0,
        DiffOp::Delete { old_len, .. } => old_len,
        DiffOp::Insert { new_len, .. } => new_len,
        DiffOp::Replace {
            old_len, new_len, ..
        } => old_len.max(new_len),
    };
    let equal_runs: Vec<usize> = (0..ops.len())
        .filter(|&k| equal_len(&ops[k]).is_some())
        .collect();
    let stray = |k: usize, neighbour: Option<&DiffOp>| {
        equal_len(&ops[k]).is_some_and(|len| len < EDGE_RUN)
            && neighbour.is_some_and(|op| gap(op) > EDGE_RUN)
    };
    let mut first_run = 0;
    while first_run + 1 < equal_runs.len()
        && stray(equal_runs[first_run], ops.get(equal_runs[first_run] + 1))
    {
        first_run += 1;
    }
    let mut last_run = equal_runs.len().checked_sub(1)?;
    while last_run > first_run
        && stray(
            equal_runs[last_run],
            equal_runs[last_run].checked_sub(1).map(|k| &ops[k]),
        )
    {
        last_run -= 1;
    }
    let (first, last) = (equal_runs[first_run], equal_runs[last_run]);
    let omits = |op: &DiffOp| {
        x[op.old_range()]
            .iter()
            .chain(&y[op.new_range()])
            .any(|&w| w == omission)
    };
    let interior_change = ops[first..=last]
        .iter()
        .any(|op| !matches!(op, DiffOp::Equal { .. }) && !omits(op));
    Some(WordMatch {
        shared,
        interior_change,
    })
}

/// Same speaker: both named, with the same surname.
fn same_speaker(x: &Quote, y: &Quote) -> bool {
    let surname = |q: &Quote| {
        q.speaker
            .as_deref()
            .and_then(|s| s.split_whitespace().last())
            .map(|s| text::normalize(s).into_owned())
    };
    matches!((surname(x), surname(y)), (Some(p), Some(q)) if p == q)
}

/// Character ranges of the paragraphs, from their sentences.
fn paragraph_ranges(sentences: &[Sentence]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for s in sentences {
        match ranges.last_mut() {
            Some(last) if last.2 == s.paragraph => last.1 = s.end,
            _ => ranges.push((s.start, s.end, s.paragraph)),
        }
    }
    ranges
        .into_iter()
        .map(|(start, end, _)| (start, end))
        .collect()
}

fn sentence_at(sentences: &[Sentence], offset: usize) -> usize {
    sentences
        .iter()
        .rposition(|s| s.start <= offset)
        .unwrap_or(0)
}

/// Positions of the opening and closing marks of each quotation in `[start, end)`. A quotation
/// left open runs to the end of the paragraph, as news style does when a quotation goes on in
/// the next paragraph.
fn quoted_spans(chars: &[char], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate().take(end).skip(start) {
        match (c, open) {
            ('“', None) => open = Some(i),
            ('“', Some(o)) => {
                // “Who can guarantee you happiness?“ he asked: a closing mark typed as an
                // opening one closes when it ends a word; otherwise the first mark was stray.
                let ends_word = i > 0 && !chars[i - 1].is_whitespace();
                let then_space = chars
                    .get(i + 1)
                    .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                if ends_word && then_space {
                    spans.push((o, i));
                    open = None;
                } else {
                    open = Some(i);
                }
            }
            ('”', Some(o)) => {
                spans.push((o, i));
                open = None;
            }
            ('"', None) => open = Some(i),
            ('"', Some(o)) => {
                spans.push((o, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        spans.push((o, end));
    }
    spans
}

fn trim_span(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// Ids of the compared words of one comparison's quotations: one id per compared spelling.
#[derive(Default)]
struct WordIds {
    ids: rustc_hash::FxHashMap<String, u32>,
    /// The id of each folded word's stem, so that a word met again is not stemmed again.
    stem_ids: rustc_hash::FxHashMap<String, u32>,
}

impl WordIds {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(word.to_string(), id);
        id
    }

    fn stem_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.stem_ids.get(word) {
            return id;
        }
        let id = self.id(&text::stem(word));
        self.stem_ids.insert(word.to_string(), id);
        id
    }
}

/// The words of a quotation as compared across outlets: editorial insertions left out,
/// contractions spelled out and numbers in digits, since house style changes those and not
/// what was said ("he's" = "he is", "two-in-three" = "2 in 3"); then stemmed. Each word is
/// given as its id in `ids`.
fn comparable_words(quoted: &str, ids: &mut WordIds) -> Vec<u32> {
    let said = without_brackets(quoted).replace("...", OMISSION);
    let mut out = Vec::new();
    for token in text::tokenize(&said) {
        if token.text == OMISSION {
            out.push(ids.id(OMISSION));
            continue;
        }
        if !token.is_word() {
            continue;
        }
        let word = text::normalize(token.text);
        if let Some((base, tail)) = contraction(&word) {
            out.push(ids.stem_id(base));
            out.push(ids.id(tail));
        } else if let Some(n) = small_number(&word) {
            out.push(ids.id(&n.to_string()));
        } else {
            out.push(ids.stem_id(&word));
        }
    }
    out
}

/// An ellipsis: the outlet left words out there, so what the other outlet gives in its place
/// is no difference.
const OMISSION: &str = "…";

/// `don't` is `do` + `not`, `they're` is `they` + `are`, `he's` is `he` + `is` (the `'s` of
/// other words is a possessive and stays).
fn contraction(word: &str) -> Option<(&str, &'static str)> {
    match word {
        "can't" | "cannot" => return Some(("can", "not")),
        "won't" => return Some(("will", "not")),
        "let's" => return Some(("let", "us")),
        _ => {}
    }
    const TAILS: [(&str, &str); 6] = [
        ("n't", "not"),
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "would"),
    ];
    for (suffix, full) in TAILS {
        if let Some(base) = word.strip_suffix(suffix).filter(|b| !b.is_empty()) {
            return Some((base, full));
        }
    }
    let base = word.strip_suffix("'s")?;
    matches!(
        base,
        "he" | "she" | "it" | "that" | "there" | "here" | "what" | "who" | "where" | "how"
    )
    .then_some((base, "is"))
}

/// The quotation without the editor's insertions: "(Libyan strongman Muammar) al-Qaddafi"
/// and "[the] plan" are not the speaker's words.
fn without_brackets(quoted: &str) -> String {
    let mut out = String::with_capacity(quoted.len());
    let mut depth = 0usize;
    for c in quoted.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        find_quotes(text, &split_sentences(text))
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect()
    }

    fn q(text: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), speaker.map(str::to_string))
    }

    #[test]
    fn speakers_are_found_after_the_quotation() {
        assert_eq!(
            quotes("“It’s wrong and it’s destructive,” said Robert Gibbs, the press secretary."),
            [q("It’s wrong and it’s destructive", Some("Robert Gibbs"))]
        );
        assert_eq!(
            quotes("\"The election is over now,\" Sen. John McCain said on Sunday."),
            [q("The election is over now", Some("John McCain"))]
        );
    }

    #[test]
    fn speakers_are_found_before_the_quotation() {
        assert_eq!(
            quotes("Mr. Trump said: “I will believe it when I see it.”"),
            [q("I will believe it when I see it.", Some("Trump"))]
        );
        assert_eq!(
            quotes("According to Col. David Butler, “the mission is fact-finding.”"),
            [q("the mission is fact-finding.", Some("David Butler"))]
        );
    }

    #[test]
    fn pronouns_and_following_quotations_take_the_last_named_speaker() {
        let text = "“We are ready to talk,” Zelensky said. “We will not give up land.”\n\n“Peace needs strength and unity,” he said.";
        assert_eq!(
            quotes(text),
            [
                q("We are ready to talk", Some("Zelensky")),
                q("We will not give up land.", Some("Zelensky")),
                q("Peace needs strength and unity", Some("Zelensky"))
            ]
        );
    }

    #[test]
    fn a_pronoun_goes_on_with_the_person_the_sentence_before_has_speak() {
        let text = "The argument that confounded Justice Anthony Kennedy drew the ire of Justice \
                    Antonin Scalia, who said he was whipsawed. “If somebody tells you how to \
                    exercise discretion, you don't have discretion,” he said.";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Antonin Scalia"));
        // Without a speaker there, the sentence's first person, its subject, is the one.
        let text = "Justice Anthony Kennedy questioned Antonin Scalia's reading. “It is \
                    internally inconsistent,” he said.";
        assert_eq!(quotes(text)[0].1.as_deref(), Some("Anthony Kennedy"));
    }

    #[test]
    fn a_paragraph_opening_with_a_quotation_continues_the_speaker_before() {
        let text = "“We are ready to talk,” Zelensky said.\n\n“We will not give up any land.”";
        assert_eq!(quotes(text)[1].1.as_deref(), Some("Zelensky"));
    }

    #[test]
    fn a_paragraph_after_prose_does_not_inherit_a_speaker() {
        let text = "“We are ready to talk,” Zelensky said.\n\nHis aide disagreed with the plan.\n\n“The plan is not ready yet.”";
        assert_eq!(quotes(text)[1].1, None);
    }

    #[test]
    fn a_closing_mark_typed_as_an_opening_one_still_closes() {
        assert_eq!(
            quotes("“Who can guarantee you happiness?“ he asked. “Tiger Woods was not happy.”"),
            [
                q("Who can guarantee you happiness?", None),
                q("Tiger Woods was not happy.", None)
            ]
        );
    }

    #[test]
    fn days_are_not_speakers() {
        let text = "He vowed, the sheriff said Tuesday, “to detain every person we apprehend.”";
        assert_eq!(quotes(text)[0].1, None);
    }

    #[test]
    fn editorial_insertions_do_not_make_quotations_differ() {
        let a_text =
            "“Now it looks like (strongman Muammar) al-Qaddafi is going to win,” Trump said.";
        let b_text =
            "“Now it looks like (strongman Moammar) al-Qaddafi is going to win,” Trump said.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert!(links[0].same_words);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn scare_quotes_are_not_quotations() {
        assert!(quotes("He called the plan “malarkey” and left.").is_empty());
    }

    #[test]
    fn a_surname_takes_the_fullest_name_in_the_article() {
        let text = "“This is a long quote here,” said Robert Gibbs.\n\n“And a second one too,” Gibbs said.";
        let found = quotes(text);
        assert_eq!(found[1].1.as_deref(), Some("Robert Gibbs"));
    }

    #[test]
    fn the_same_quotation_is_linked_and_a_trimmed_one_is_no_conflict() {
        let a = find_quotes(
            "“We will not give up our land, ever,” Zelensky said.",
            &split_sentences("“We will not give up our land, ever,” Zelensky said."),
        );
        let b_text = "Zelensky said: “We will not give up our land.”";
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert_eq!(
            links,
            [QuoteLink {
                left: 0,
                left_quote: 0,
                right: 1,
                right_quote: 0,
                same_words: true
            }]
        );
        assert!(conflicts.is_empty());
    }

    #[test]
    fn the_same_speaker_quoted_in_different_words_is_a_conflict() {
        let a_text = "“We will defend every inch of our land,” Zelensky said.";
        let b_text = "“We will defend every metre of our land,” said Volodymyr Zelensky.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert!(!links[0].same_words);
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].kind, "quote");
        assert_eq!(conflicts[0].right, "We will defend every metre of our land");
    }

    #[test]
    fn contractions_and_numbers_in_words_are_the_same_words() {
        let a_text = "“He’s sure there is a two-in-three chance we win,” Boehner said.";
        let b_text = "“He is sure there is a 2 in 3 chance we win,” Boehner said.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert!(links[0].same_words);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn a_quotation_inside_a_longer_one_is_the_same_words() {
        let a_text = "“I'm endorsing Rick Perry because we need a tough president,” Arpaio said.";
        let b_text = "“I have been watching Governor Perry and Texas closely for years now. I'm endorsing Rick Perry because we need a tough president,” Arpaio said.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert!(links[0].same_words);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn one_changed_word_near_the_end_is_a_conflict() {
        let a_text = "“What have you guys been debating, John?” Obama asked.";
        let b_text = "“In the House, what have you guys been doing, John?” Obama asked.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        assert_eq!(link_quotes(0, 1, &a, &b).1.len(), 1);
    }

    #[test]
    fn words_left_out_at_an_ellipsis_are_no_difference() {
        let a_text = "“We will defend our land, every village and every town, until the end,” Zelensky said.";
        let b_text = "“We will defend our land ... until the end,” Zelensky said.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        let (links, conflicts) = link_quotes(0, 1, &a, &b);
        assert!(links[0].same_words);
        assert!(conflicts.is_empty());
    }

    #[test]
    fn different_quotations_are_not_linked() {
        let a_text = "“We are ready to talk about peace,” Zelensky said.";
        let b_text = "“The weapons will arrive next month,” Zelensky said.";
        let a = find_quotes(a_text, &split_sentences(a_text));
        let b = find_quotes(b_text, &split_sentences(b_text));
        assert!(link_quotes(0, 1, &a, &b).0.is_empty());
    }
}
