//! Properties of the engine checked on generated text: news-like articles and their rewrites
//! (words swapped, sentences dropped, merged or split, case, quotes and dashes restyled), and
//! arbitrary text and bytes.
//!
//! - diff runs rebuild both sides of every alignment;
//! - alignments index real sentences, use each at most once per pair, and merge at most two
//!   adjacent sentences on one side only;
//! - shared passages sit inside both texts, and the words at both places are the same once folded
//!   as the engine documents (case, quote style, dashes);
//! - sentence offsets slice the text back to the sentence;
//! - extraction never panics, whatever the bytes and the extension.

use parallax_core::compare::{compare, Comparison, DiffOp};
use parallax_core::ingest::extract;
use parallax_core::text::{normalize, split_sentences, tokenize};
use proptest::prelude::*;

/// Words news text is made of: names, numbers, function words, quoted and hyphenated forms.
#[rustfmt::skip]
const VOCABULARY: &[&str] = &[
    "the", "a", "of", "in", "on", "and", "to", "said", "officials", "Army", "delegation",
    "Kyiv", "Geneva", "Thursday", "Sunday", "talks", "plan", "peace", "28-point", "$105",
    "million", "package", "air", "defence", "Zelensky", "Rubio", "George", "U.S.", "Mr.",
    "ministry", "statement", "5", "1,200", "3.5", "12%", "troops", "arrived", "met", "sent",
    "would", "continue", "it's", "“we", "yield”", "—", "children", "returned", "Café", "Straße",
    "東京", "police", "died", "people", "Five", "Six",
];

/// One sentence as word indices into [`VOCABULARY`], and the mark that ends it.
#[derive(Debug, Clone)]
struct Draft {
    words: Vec<usize>,
    end: &'static str,
}

fn draft() -> impl Strategy<Value = Draft> {
    (
        prop::collection::vec(0..VOCABULARY.len(), 3..14),
        prop::sample::select(vec![".", ".", ".", "!", "?", "...", "…"]),
    )
        .prop_map(|(words, end)| Draft { words, end })
}

/// Paragraphs of sentences.
fn article() -> impl Strategy<Value = Vec<Vec<Draft>>> {
    prop::collection::vec(prop::collection::vec(draft(), 1..5), 1..5)
}

fn render_sentence(draft: &Draft) -> String {
    let mut text = String::new();
    for (n, &w) in draft.words.iter().enumerate() {
        if n > 0 {
            text.push(' ');
        }
        let word = VOCABULARY[w];
        if n == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push_str(word);
        }
    }
    text.push_str(draft.end);
    text
}

fn render(paragraphs: &[Vec<Draft>]) -> String {
    paragraphs
        .iter()
        .map(|sentences| {
            sentences
                .iter()
                .map(render_sentence)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What a rewrite does to one sentence.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Keep,
    Drop,
    /// Replace the word at this position (modulo the length) by this vocabulary word.
    Swap(usize, usize),
    /// Join with the next sentence, as one sentence.
    MergeWithNext,
    /// Cut in two after this many words (modulo the length).
    Split(usize),
    /// Upper case, typographic quotes and dashes: what folding for comparison undoes.
    Restyle,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => Just(Edit::Keep),
        1 => Just(Edit::Drop),
        2 => (0..16usize, 0..VOCABULARY.len()).prop_map(|(at, w)| Edit::Swap(at, w)),
        1 => Just(Edit::MergeWithNext),
        1 => (1..8usize).prop_map(Edit::Split),
        1 => Just(Edit::Restyle),
    ]
}

/// Another outlet's version of an article: the same drafts, edited sentence by sentence.
fn rewrite(paragraphs: &[Vec<Draft>], edits: &[Edit]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut n = 0;
    for sentences in paragraphs {
        let mut paragraph: Vec<String> = Vec::new();
        let mut carried: Option<Draft> = None;
        for draft in sentences {
            let edit = edits.get(n).copied().unwrap_or(Edit::Keep);
            n += 1;
            let mut current = match carried.take() {
                Some(mut first) => {
                    first.words.extend(&draft.words);
                    first.end = draft.end;
                    first
                }
                None => draft.clone(),
            };
            match edit {
                Edit::Keep => paragraph.push(render_sentence(&current)),
                Edit::Drop => {}
                Edit::Swap(at, w) => {
                    let at = at % current.words.len();
                    current.words[at] = w;
                    paragraph.push(render_sentence(&current));
                }
                Edit::MergeWithNext => carried = Some(current),
                Edit::Split(at) => {
                    let at = 1 + at % (current.words.len() - 1).max(1);
                    let at = at.min(current.words.len());
                    let (head, tail) = current.words.split_at(at);
                    paragraph.push(render_sentence(&Draft {
                        words: head.to_vec(),
                        end: ".",
                    }));
                    if !tail.is_empty() {
                        paragraph.push(render_sentence(&Draft {
                            words: tail.to_vec(),
                            end: current.end,
                        }));
                    }
                }
                Edit::Restyle => paragraph.push(
                    render_sentence(&current)
                        .to_uppercase()
                        .replace('\'', "\u{2019}")
                        .replace('—', "-")
                        .replace(" - ", " \u{2013} "),
                ),
            }
        }
        if let Some(last) = carried {
            paragraph.push(render_sentence(&last));
        }
        if !paragraph.is_empty() {
            out.push(paragraph.join(" "));
        }
    }
    out.join("\n\n")
}

/// Two or three articles about one event: an original and rewrites of it.
fn related_articles() -> impl Strategy<Value = Vec<String>> {
    (
        article(),
        prop::collection::vec(edit(), 0..24),
        prop::option::of(prop::collection::vec(edit(), 0..24)),
    )
        .prop_map(|(paragraphs, first, second)| {
            let mut texts = vec![render(&paragraphs), rewrite(&paragraphs, &first)];
            if let Some(second) = second {
                texts.push(rewrite(&paragraphs, &second));
            }
            texts
        })
}

/// Any text at all, with the characters that trouble splitters more likely than chance.
fn arbitrary_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => "[a-zA-Z]{1,8}",
        1 => "[ .!?…\n\r\t,;:\"'“”‘’«»()\\[\\]—–-]{1,3}",
        1 => "[0-9$€£%.,]{1,5}",
        1 => "\\PC{1,4}",
        1 => prop::sample::select(vec![
            "Mr.", "U.S.", "No.", "Nov.", "e.g.", "\u{200b}", "\u{202e}", "\u{feff}", "\u{a0}",
            "\r\n\r\n", "- ", "# ", "\u{301}", "🇺🇦",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

fn joined(sentences: &[parallax_core::text::Sentence], which: &[usize]) -> String {
    which
        .iter()
        .map(|&i| sentences[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn rebuilt(runs: &[parallax_core::compare::DiffRun], keep: DiffOp) -> String {
    runs.iter()
        .filter(|r| r.op == DiffOp::Equal || r.op == keep)
        .map(|r| r.text.as_str())
        .collect()
}

fn check_diff_runs_rebuild_both_sentences(comparison: &Comparison) -> Result<(), TestCaseError> {
    for pair in &comparison.pairs {
        let (left, right) = (
            &comparison.sentences[pair.left],
            &comparison.sentences[pair.right],
        );
        for alignment in &pair.alignments {
            prop_assert_eq!(
                rebuilt(&alignment.diff, DiffOp::Delete),
                joined(left, &alignment.left)
            );
            prop_assert_eq!(
                rebuilt(&alignment.diff, DiffOp::Insert),
                joined(right, &alignment.right)
            );
            prop_assert!(alignment.diff.iter().all(|run| !run.text.is_empty()));
        }
    }
    Ok(())
}

fn check_alignments_use_real_sentences(comparison: &Comparison) -> Result<(), TestCaseError> {
    for pair in &comparison.pairs {
        let (left, right) = (
            comparison.sentences[pair.left].len(),
            comparison.sentences[pair.right].len(),
        );
        // Which alignments hold each sentence: one, or two when the other article tells it twice.
        let mut held_left: Vec<Vec<usize>> = vec![Vec::new(); left];
        let mut held_right: Vec<Vec<usize>> = vec![Vec::new(); right];
        for (n, alignment) in pair.alignments.iter().enumerate() {
            let shape = (alignment.left.len(), alignment.right.len());
            prop_assert!(
                matches!(shape, (1, 1) | (1, 2) | (2, 1)),
                "alignment of {:?} sentences",
                shape
            );
            for side in [&alignment.left, &alignment.right] {
                if let [first, second] = side[..] {
                    prop_assert_eq!(second, first + 1, "a merge of sentences not adjacent");
                }
            }
            for &i in &alignment.left {
                prop_assert!(i < left, "left sentence {} of {}", i, left);
                held_left[i].push(n);
            }
            for &j in &alignment.right {
                prop_assert!(j < right, "right sentence {} of {}", j, right);
                held_right[j].push(n);
            }
            prop_assert!((0.0..=1.0).contains(&alignment.score));
        }
        for holders in held_left.iter().chain(&held_right) {
            prop_assert!(
                holders.len() <= 2,
                "a sentence in {} alignments",
                holders.len()
            );
            if let [first, second] = holders[..] {
                let (x, y) = (&pair.alignments[first], &pair.alignments[second]);
                let one_to_one =
                    |a: &parallax_core::compare::Alignment| a.left.len() == 1 && a.right.len() == 1;
                prop_assert!(
                    one_to_one(x) || one_to_one(y),
                    "a sentence told twice, in two merges"
                );
                let shared_left = x.left.iter().any(|i| y.left.contains(i));
                let shared_right = x.right.iter().any(|j| y.right.contains(j));
                prop_assert!(!(shared_left && shared_right), "two sentences linked twice");
            }
        }
        let unused_left: Vec<usize> = (0..left).filter(|&i| held_left[i].is_empty()).collect();
        let unused_right: Vec<usize> = (0..right).filter(|&j| held_right[j].is_empty()).collect();
        prop_assert_eq!(&pair.left_only, &unused_left);
        prop_assert_eq!(&pair.right_only, &unused_right);
        prop_assert!((0.0..=1.0).contains(&pair.similarity));
    }
    Ok(())
}

/// The words of a text as the engine compares them for shared passages: punctuation left out,
/// each word folded.
fn folded_words(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .filter(|token| token.is_word())
        .map(|token| normalize(token.text).into_owned())
        .collect()
}

fn check_passages_point_at_equal_text(
    texts: &[String],
    comparison: &Comparison,
) -> Result<(), TestCaseError> {
    let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    for pair in &comparison.pairs {
        let (left, right) = (&chars[pair.left], &chars[pair.right]);
        for passage in &pair.shared_passages {
            for (span, side) in [(passage.left, left), (passage.right, right)] {
                prop_assert!(
                    span.start < span.end && span.end <= side.len(),
                    "span {:?} in a text of {} characters",
                    span,
                    side.len()
                );
            }
            let at_left: String = left[passage.left.start..passage.left.end].iter().collect();
            let at_right: String = right[passage.right.start..passage.right.end]
                .iter()
                .collect();
            prop_assert_eq!(&passage.text, &at_left);
            let (words_left, words_right) = (folded_words(&at_left), folded_words(&at_right));
            prop_assert_eq!(words_left.len(), passage.words);
            prop_assert_eq!(words_left, words_right, "{:?} / {:?}", at_left, at_right);
        }
    }
    Ok(())
}

fn check_sentence_offsets_slice_the_text(text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let sentences = split_sentences(text);
    let mut previous_end = 0;
    for sentence in &sentences {
        prop_assert!(sentence.start < sentence.end && sentence.end <= chars.len());
        prop_assert!(sentence.start >= previous_end, "sentences overlap");
        let slice: String = chars[sentence.start..sentence.end].iter().collect();
        prop_assert_eq!(&slice, &sentence.text);
        prop_assert_eq!(slice.trim(), slice.as_str());
        previous_end = sentence.end;
    }
    Ok(())
}

const EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "html", "htm", "xhtml", "mhtml", "pdf", "eml", "bin", "",
];

/// Starts that send bytes down each reader's deeper paths.
const PREFIXES: &[&[u8]] = &[
    b"",
    b"%PDF-1.4\n",
    b"<!doctype html><html><head><meta charset=",
    b"<html><body><article><p>",
    b"From: a@b.example\r\nSubject: ",
    b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n",
    b"---\ntitle: ",
    b"# ",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn diff_runs_rebuild_both_sentences_of_every_alignment(texts in related_articles()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        check_diff_runs_rebuild_both_sentences(&compare(&refs))?;
    }

    #[test]
    fn alignments_index_real_sentences_each_held_once_or_told_twice(texts in related_articles()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        check_alignments_use_real_sentences(&compare(&refs))?;
    }

    #[test]
    fn shared_passages_point_at_the_same_words_in_both_articles(texts in related_articles()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        check_passages_point_at_equal_text(&texts, &compare(&refs))?;
    }

    #[test]
    fn comparisons_of_arbitrary_text_keep_every_invariant(
        texts in prop::collection::vec(arbitrary_text(), 2..4)
    ) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let comparison = compare(&refs);
        check_diff_runs_rebuild_both_sentences(&comparison)?;
        check_alignments_use_real_sentences(&comparison)?;
        check_passages_point_at_equal_text(&texts, &comparison)?;
    }

    #[test]
    fn sentence_offsets_slice_news_text_back_to_each_sentence(paragraphs in article()) {
        check_sentence_offsets_slice_the_text(&render(&paragraphs))?;
    }

    #[test]
    fn sentence_offsets_slice_arbitrary_text_back_to_each_sentence(text in arbitrary_text()) {
        check_sentence_offsets_slice_the_text(&text)?;
    }

    #[test]
    fn extraction_never_panics_on_arbitrary_bytes(
        prefix in prop::sample::select(PREFIXES),
        rest in prop::collection::vec(any::<u8>(), 0..600),
        extension in prop::sample::select(EXTENSIONS),
    ) {
        let mut bytes = prefix.to_vec();
        bytes.extend(rest);
        let _ = extract(&bytes, &format!("x.{extension}"));
    }

    #[test]
    fn extraction_never_panics_on_arbitrary_text(
        text in arbitrary_text(),
        extension in prop::sample::select(EXTENSIONS),
    ) {
        let _ = extract(text.as_bytes(), &format!("x.{extension}"));
    }
}
