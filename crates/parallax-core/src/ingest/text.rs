//! Plain text: paragraphs and the header lines above them.

use super::metadata::{take_header_lines, Metadata};

/// Paragraphs of a plain-text article and what its header lines say.
pub(crate) fn extract(text: &str) -> (Vec<String>, Metadata) {
    let mut paragraphs = paragraphs(text);
    let found = take_header_lines(&mut paragraphs, false);
    (
        paragraphs.into_iter().map(|p| unwrap_lines(&p)).collect(),
        found,
    )
}

/// Splits text into paragraphs: at blank lines when there are any, else at every line break
/// (text pasted from a page often loses its blank lines but keeps one line per paragraph).
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let text = text.trim_start_matches('\u{FEFF}');
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let has_blank_line = lines
        .iter()
        .skip_while(|l| l.trim().is_empty())
        .any(|l| l.trim().is_empty());
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in lines {
        let blank = line.trim().is_empty();
        if (blank || !has_blank_line) && !current.is_empty() {
            paragraphs.push(current.join("\n"));
            current.clear();
        }
        if !blank {
            current.push(line.trim_start());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Joins the hard-wrapped lines of one paragraph with single spaces.
fn unwrap_lines(paragraph: &str) -> String {
    paragraph
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs_and_wrapped_lines_join() {
        let (body, _) = extract("First line\nwraps here.\n\nSecond paragraph.\n");
        assert_eq!(body, vec!["First line wraps here.", "Second paragraph."]);
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        let (body, found) =
            extract("Talks resume in Kyiv\nThe delegation arrived.\nIt met officials.\n");
        assert_eq!(found.title.as_deref(), Some("Talks resume in Kyiv"));
        assert_eq!(body, vec!["The delegation arrived.", "It met officials."]);
    }

    #[test]
    fn windows_line_endings_and_nbsp_survive() {
        let (body, _) = extract("A\u{a0}$105\u{a0}million package.\r\n\r\nNext – “quoted”.\r\n");
        assert_eq!(
            body,
            vec!["A\u{a0}$105\u{a0}million package.", "Next – “quoted”."]
        );
    }

    #[test]
    fn consecutive_and_blank_separated_header_lines_each_fill_their_own_field() {
        for source in [
            "Talks resume in Kyiv\nSource: Eastline Daily\nPublished: 2025-11-20\nBy Jane Doe\nUpdated: 2025-11-21\n\nThe delegation arrived.\n",
            "Talks resume in Kyiv\n\nSource: Eastline Daily\n\nPublished: 2025-11-20\n\nBy Jane Doe\n\nUpdated: 2025-11-21\n\nThe delegation arrived.\n",
        ] {
            let (body, found) = extract(source);
            assert_eq!(found.title.as_deref(), Some("Talks resume in Kyiv"));
            assert_eq!(found.outlet.as_deref(), Some("Eastline Daily"));
            assert_eq!(found.published.as_deref(), Some("2025-11-20"));
            assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
            assert_eq!(body, vec!["The delegation arrived."]);
        }
    }

    #[test]
    fn a_headline_written_as_a_sentence_above_header_lines_is_the_title() {
        for source in [
            "Ellen DeGeneres returns to host the Oscars.\nSource: oscar.go.com\nPublished: 2013-08-02\n\nThe host was named today.\n",
            "Ellen DeGeneres returns to host the Oscars.\n\nSource: oscar.go.com\n\nPublished: 2013-08-02\n\nThe host was named today.\n",
        ] {
            let (body, found) = extract(source);
            assert_eq!(
                found.title.as_deref(),
                Some("Ellen DeGeneres returns to host the Oscars.")
            );
            assert_eq!(found.outlet.as_deref(), Some("oscar.go.com"));
            assert_eq!(found.published.as_deref(), Some("2013-08-02"));
            assert_eq!(body, vec!["The host was named today."]);
        }
    }
}
