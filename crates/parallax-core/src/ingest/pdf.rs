//! PDF: the text layer, page by page; an encrypted PDF or a scan without text is refused clearly.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Document, PlainTextOutput};

use super::metadata::{take_header_lines, Metadata};
use super::text::paragraphs;
use crate::Error;

/// Paragraphs of the text layer of a PDF, and what its first lines say about the article.
pub(crate) fn extract(bytes: &[u8]) -> Result<(Vec<String>, Metadata), Error> {
    // The PDF parser can panic on damaged files; a damaged file is an error, not a crash.
    let pages = catch_unwind(AssertUnwindSafe(|| text_of_pages(bytes)))
        .unwrap_or_else(|_| Err(Error::Malformed("the PDF cannot be read".into())))?;
    let mut body: Vec<String> = pages
        .iter()
        .flat_map(|page| paragraphs(page))
        .map(|p| unwrap_lines(&p))
        .filter(|p| !p.is_empty())
        .collect();
    if body.is_empty() {
        return Err(Error::NoText(
            "the PDF has no text layer (a scanned image?)".into(),
        ));
    }
    let found = take_header_lines(&mut body, false);
    Ok((body, found))
}

fn text_of_pages(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let mut document = Document::load_mem(bytes)
        .map_err(|e| Error::Malformed(format!("the PDF cannot be read ({e})")))?;
    // An owner password alone (printing or copying restricted) still opens with an empty user
    // password; anything else needs a password Parallax does not have.
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(Error::Encrypted("PDF".into()));
    }
    let pages: Vec<(u32, _)> = document.get_pages().into_iter().collect();
    let mut texts = Vec::with_capacity(pages.len());
    for (number, page_id) in pages {
        spell_out_quote_operators(&mut document, page_id);
        let mut text = String::new();
        let mut output = PlainTextOutput::new(&mut text);
        // A page that cannot be read is skipped; the others still count.
        if pdf_extract::output_doc_page(&document, &mut output, number).is_ok() {
            texts.push(text);
        }
    }
    Ok(texts)
}

/// Rewrites the `'` and `"` text operators (next line, then show) as `T*` and `Tj`, which
/// `pdf-extract` reads: Ghostscript's `ps2pdf`, used by many press offices, writes whole pages
/// with them, and without this only each text block's first line came out.
fn spell_out_quote_operators(document: &mut Document, page_id: (u32, u16)) {
    let Ok(raw) = document.get_page_content(page_id) else {
        return;
    };
    let Ok(content) = Content::decode(&raw) else {
        return;
    };
    if !content
        .operations
        .iter()
        .any(|op| op.operator == "'" || op.operator == "\"")
    {
        return;
    }
    let mut operations = Vec::with_capacity(content.operations.len() + 8);
    for operation in content.operations {
        match (operation.operator.as_str(), operation.operands.as_slice()) {
            ("'", [text]) => {
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", vec![text.clone()]));
            }
            ("\"", [word_spacing, char_spacing, text]) => {
                operations.push(Operation::new("Tw", vec![word_spacing.clone()]));
                operations.push(Operation::new("Tc", vec![char_spacing.clone()]));
                operations.push(Operation::new("T*", vec![]));
                operations.push(Operation::new("Tj", vec![text.clone()]));
            }
            _ => operations.push(operation),
        }
    }
    if let Ok(encoded) = (Content { operations }).encode() {
        let _ = document.change_page_content(page_id, encoded);
    }
}

/// Joins a paragraph's lines, mending words hyphenated across a line break.
fn unwrap_lines(paragraph: &str) -> String {
    let mut joined = String::with_capacity(paragraph.len());
    for line in paragraph.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if joined.ends_with('-')
            && line.starts_with(|c: char| c.is_lowercase())
            && !joined.ends_with(" -")
        {
            joined.pop();
        } else if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(line);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_line_ends_are_mended() {
        assert_eq!(
            unwrap_lines("a delega-\ntion arrived\nin Kyiv"),
            "a delegation arrived in Kyiv"
        );
    }
}
