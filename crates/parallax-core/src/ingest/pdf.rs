//! PDF: the text layer, page by page; an encrypted PDF or a scan without text is refused clearly.

use std::panic::{catch_unwind, AssertUnwindSafe};

use super::metadata::{take_header_lines, Metadata};
use super::text::paragraphs;
use crate::Error;

/// Paragraphs of the text layer of a PDF, and what its first lines say about the article.
pub(crate) fn extract(bytes: &[u8]) -> Result<(Vec<String>, Metadata), Error> {
    let encrypted = super::find(bytes, b"/Encrypt").is_some();
    // The PDF parser can panic on damaged files; a damaged file is an error, not a crash.
    let pages = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }));
    let pages = match pages {
        Ok(Ok(pages)) => pages,
        Ok(Err(_)) | Err(_) if encrypted => return Err(Error::Encrypted("PDF".into())),
        Ok(Err(error)) => {
            return Err(Error::Malformed(format!(
                "the PDF cannot be read ({error})"
            )))
        }
        Err(_) => return Err(Error::Malformed("the PDF cannot be read".into())),
    };
    let mut body: Vec<String> = pages
        .iter()
        .flat_map(|page| paragraphs(page))
        .map(|p| unwrap_lines(&p))
        .filter(|p| !p.is_empty())
        .collect();
    if body.is_empty() {
        return Err(if encrypted {
            Error::Encrypted("PDF".into())
        } else {
            Error::NoText("the PDF has no text layer (a scanned image?)".into())
        });
    }
    let found = take_header_lines(&mut body);
    Ok((body, found))
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
