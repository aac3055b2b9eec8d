//! Bytes and a file name in, article text and metadata out.
//!
//! [`extract`] recognises the format by content first and by extension second, decodes the text
//! (BOMs, declared charsets, detection of the rest), takes the article body out of the document and
//! reads what it can about it: headline, outlet, byline, publication date, address and language.
//!
//! One file per format: `text`, `markdown`, `html` (with `page_metadata` for what a web page
//! says about itself), `pdf` and `email` (also single-file saved pages, `.mhtml`). `encoding`
//! turns bytes into text; `metadata` holds what the formats share: header lines, dates, outlets
//! and headlines.
//!
//! ```
//! use parallax_core::ingest::{extract, Format};
//!
//! let page = b"<html lang=en><head><title>Kyiv talks resume | The Ledger</title>
//!     <meta property=og:site_name content='The Ledger'></head>
//!     <body><article><h1>Kyiv talks resume</h1>
//!     <p>Delegations met in Kyiv on Thursday to discuss a 28-point plan for a ceasefire.</p>
//!     <p>Officials said a $105 million package of air defence would follow within weeks.</p>
//!     </article></body></html>";
//! let article = extract(page, "talks.html").unwrap();
//! assert_eq!(article.format, Format::Html);
//! assert_eq!(article.title, "Kyiv talks resume");
//! assert_eq!(article.outlet.as_deref(), Some("The Ledger"));
//! assert!(article.text.contains("28-point plan"));
//! ```

mod email;
mod encoding;
mod html;
mod markdown;
mod metadata;
mod page_metadata;
mod pdf;
mod text;

use serde::{Deserialize, Serialize};

use crate::Error;
use metadata::Metadata;

/// The largest file Parallax reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The longest article Parallax reads, in words: a book-length text is no news report, and
/// comparing it would take minutes instead of milliseconds.
pub const MAX_ARTICLE_WORDS: usize = 200_000;

/// The kind of document an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown, with or without YAML front matter.
    Markdown,
    /// A web page saved from a browser.
    Html,
    /// A PDF with a text layer.
    Pdf,
    /// An e-mail message (a newsletter or a forwarded article).
    Email,
}

impl Format {
    /// The name used in the library and the CLI's JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Email => "email",
        }
    }

    /// Every file extension Parallax reads (lower case, without the dot): what an import picks
    /// up in a folder and what an open dialog offers.
    pub const EXTENSIONS: &'static [&'static str] = &[
        "txt", "text", "md", "markdown", "mdown", "mkd", "html", "htm", "xhtml", "shtml", "mht",
        "mhtml", "pdf", "eml",
    ];

    /// The format a file name's extension promises, if Parallax reads that extension.
    ///
    /// Bulk import uses this to pick the files of a folder worth reading; [`extract`] still
    /// looks at the content, so a `.txt` holding a web page is read as a web page.
    pub fn from_file_name(file_name: &str) -> Option<Format> {
        let extension = extension(file_name);
        Some(match extension.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" | "shtml" | "mht" | "mhtml" => Format::Html,
            "pdf" => Format::Pdf,
            "eml" => Format::Email,
            _ => return None,
        })
    }
}

/// An article taken out of a document: its body text and what is known about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    /// The document's format.
    pub format: Format,
    /// The headline.
    pub title: String,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// The author line, when known.
    pub byline: Option<String>,
    /// Publication date or date-time in ISO 8601, when known.
    pub published: Option<String>,
    /// The canonical address of the article, when known.
    pub url: Option<String>,
    /// The language tag (`en`, `de`, ...), when known.
    pub language: Option<String>,
    /// The body only, paragraphs separated by a blank line.
    pub text: String,
}

/// Refuses a file by its size alone, before anything is read.
///
/// Callers that stream files check the size from the file system first, so a file over
/// [`MAX_FILE_BYTES`] is rejected without reading it.
pub fn check_size(size: u64) -> Result<(), Error> {
    if size > MAX_FILE_BYTES {
        return Err(Error::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

/// Reads a file whole, refusing a folder, and a file over [`MAX_FILE_BYTES`] by its size before
/// reading it (and again by what it holds, should it grow meanwhile). The error is the reason,
/// worded to follow the file's name ("cannot read it: ...", "it is a folder").
pub fn read_file_limited(path: &std::path::Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read it: {e}"))?;
    let metadata = file
        .metadata()
        .map_err(|e| format!("cannot read it: {e}"))?;
    if metadata.is_dir() {
        return Err("it is a folder".into());
    }
    check_size(metadata.len()).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    check_size(bytes.len() as u64).map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// Reads an article out of a document's bytes; the file name gives the extension and a title of
/// last resort.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<ExtractedArticle, Error> {
    check_size(bytes.len() as u64)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let by_name = Format::from_file_name(file_name);
    let (format, mut body, found) = match sniff(bytes, by_name) {
        Sniffed::Pdf => {
            let (body, found) = pdf::extract(bytes)?;
            (Format::Pdf, body, found)
        }
        Sniffed::Email => {
            let (format, body, found) = email::extract(bytes)?;
            (format, body, found)
        }
        Sniffed::Binary => return Err(Error::Binary),
        Sniffed::Text => {
            let decoded = encoding::decode(bytes, None)?;
            let format = text_format(&decoded, by_name);
            let (body, found) = match format {
                Format::Html => html::extract(&decoded)?,
                Format::Markdown => markdown::extract(&decoded),
                _ => text::extract(&decoded),
            };
            (format, body, found)
        }
        Sniffed::Html => {
            let decoded = encoding::decode(bytes, encoding::declared_in_html(bytes))?;
            let (body, found) = html::extract(&decoded)?;
            (Format::Html, body, found)
        }
    };
    body.retain(|p| !p.trim().is_empty());
    if body.is_empty() {
        return Err(Error::NoText(format!(
            "the {} holds no article text",
            format.describe()
        )));
    }
    let article = finish(format, body, found, file_name);
    // Every word takes at least one byte, so a shorter text needs no counting.
    if article.text.len() > MAX_ARTICLE_WORDS {
        let words = crate::text::word_count(&article.text);
        if words > MAX_ARTICLE_WORDS {
            return Err(Error::TooLong {
                words,
                limit: MAX_ARTICLE_WORDS,
            });
        }
    }
    Ok(article)
}

impl Format {
    fn describe(self) -> &'static str {
        match self {
            Format::Text => "text file",
            Format::Markdown => "Markdown file",
            Format::Html => "web page",
            Format::Pdf => "PDF",
            Format::Email => "e-mail",
        }
    }
}

/// What the first bytes say a document is.
enum Sniffed {
    Pdf,
    Email,
    Html,
    Text,
    Binary,
}

fn sniff(bytes: &[u8], by_name: Option<Format>) -> Sniffed {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Sniffed::Pdf;
    }
    if encoding::looks_binary(bytes) {
        return Sniffed::Binary;
    }
    if email::looks_like_email(head)
        || (by_name == Some(Format::Email) && encoding::has_bom(bytes).is_none())
    {
        return Sniffed::Email;
    }
    if encoding::has_bom(bytes).is_none() && html::looks_like_html(head) {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// Text that is already decoded (a BOM or a guessed encoding) may still be a web page.
fn text_format(decoded: &str, by_name: Option<Format>) -> Format {
    let head: String = decoded.chars().take(1024).collect();
    if html::looks_like_html(head.as_bytes()) {
        return Format::Html;
    }
    match by_name {
        Some(Format::Markdown) => Format::Markdown,
        Some(Format::Html) if html::has_markup(decoded) => Format::Html,
        _ if markdown::has_front_matter(decoded) => Format::Markdown,
        _ => Format::Text,
    }
}

fn finish(format: Format, body: Vec<String>, found: Metadata, file_name: &str) -> ExtractedArticle {
    let text = body.join("\n\n");
    let title = found
        .title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| file_stem(file_name));
    ExtractedArticle {
        format,
        title,
        outlet: found.outlet,
        byline: found.byline,
        published: found.published,
        url: found.url,
        language: found.language,
        text,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn extension(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The file name without folder and extension, readable: the title of last resort.
fn file_stem(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = name
        .rsplit_once('.')
        .map(|(stem, _)| stem)
        .filter(|s| !s.is_empty())
        .unwrap_or(name);
    let readable: String = stem
        .chars()
        .map(|c| {
            if c == '_' || c == '-' || c == '\u{FFFD}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let readable = readable.split_whitespace().collect::<Vec<_>>().join(" ");
    if readable.is_empty() {
        "Untitled".to_string()
    } else {
        readable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stem_reads_like_a_title() {
        assert_eq!(file_stem("/tmp/kyiv_talks-resume.txt"), "kyiv talks resume");
        assert_eq!(file_stem("C:\\notes\\plan.md"), "plan");
        assert_eq!(file_stem("\u{FFFD}\u{FFFD}.txt"), "Untitled");
    }

    #[test]
    fn extensions_name_formats() {
        assert_eq!(Format::from_file_name("a/B.HTM"), Some(Format::Html));
        assert_eq!(
            Format::from_file_name("note.markdown"),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_file_name("photo.jpg"), None);
    }

    #[test]
    fn every_extension_listed_is_read_and_none_read_is_left_unlisted() {
        for extension in Format::EXTENSIONS {
            assert!(
                Format::from_file_name(&format!("a.{extension}")).is_some(),
                "{extension}"
            );
        }
        for extension in ["mht", "shtml", "mkd", "mdown"] {
            assert!(Format::EXTENSIONS.contains(&extension), "{extension}");
        }
    }

    #[test]
    fn size_is_checked_before_reading() {
        assert!(check_size(MAX_FILE_BYTES).is_ok());
        assert!(matches!(
            check_size(MAX_FILE_BYTES + 1),
            Err(Error::TooLarge { .. })
        ));
    }
}
