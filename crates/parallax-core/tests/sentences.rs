//! Sentence splitting on news text written for these tests: titles, acronyms, initials,
//! money, quotations, ellipses, datelines, headings, list items and paragraphs.

use parallax_core::text::{split_sentences, Sentence};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/text/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// One line per sentence: its paragraph, then its text.
fn report(sentences: &[Sentence]) -> String {
    sentences
        .iter()
        .map(|s| format!("[{}] {}\n", s.paragraph, s.text))
        .collect()
}

fn assert_offsets_point_at_the_text(text: &str, sentences: &[Sentence]) {
    let chars: Vec<char> = text.chars().collect();
    for s in sentences {
        assert_eq!(
            chars[s.start..s.end].iter().collect::<String>(),
            s.text,
            "offsets of {:?}",
            s.text
        );
    }
    assert!(
        sentences.windows(2).all(|w| w[0].end <= w[1].start),
        "sentences overlap or go backwards"
    );
}

#[test]
fn a_wire_report_splits_where_a_reader_would() {
    let text = fixture("wire-report.txt");
    let sentences = split_sentences(&text);
    assert_offsets_point_at_the_text(&text, &sentences);
    insta::assert_snapshot!(report(&sentences));
}

#[test]
fn without_blank_lines_each_line_is_a_paragraph() {
    let text = fixture("one-paragraph-per-line.txt");
    let sentences = split_sentences(&text);
    assert_offsets_point_at_the_text(&text, &sentences);
    let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 0, 1, 1, 2, 2]);
    assert_eq!(
        sentences[2].text,
        "“Nobody wanted to close the bridge,” said Mayor Ingrid Solberg."
    );
}

#[test]
fn windows_line_endings_keep_paragraphs_and_offsets() {
    let text = fixture("wire-report.txt").replace('\n', "\r\n");
    let sentences = split_sentences(&text);
    assert_offsets_point_at_the_text(&text, &sentences);
    let unix = split_sentences(&fixture("wire-report.txt"));
    assert_eq!(sentences.len(), unix.len());
    assert_eq!(
        sentences.last().map(|s| s.paragraph),
        unix.last().map(|s| s.paragraph)
    );
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(split_sentences("").is_empty());
    assert!(split_sentences(" \n\n\t\n").is_empty());
}
