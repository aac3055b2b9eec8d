//! Bytes and a file name in, article text and metadata out.

use serde::{Deserialize, Serialize};

use crate::Error;

/// The largest file Parallax reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

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

/// Reads an article out of a document's bytes; the file name gives the extension and a title of
/// last resort.
pub fn extract(bytes: &[u8], file_name: &str) -> Result<ExtractedArticle, Error> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if bytes.contains(&0) {
        return Err(Error::Binary);
    }
    let decoded = String::from_utf8_lossy(bytes);
    let decoded = decoded.trim_start_matches('\u{FEFF}');
    let extension = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let format = match extension.as_str() {
        "md" | "markdown" => Format::Markdown,
        "html" | "htm" => return Err(Error::Unsupported("web pages".into())),
        _ => Format::Text,
    };
    let mut lines = decoded.lines().skip_while(|l| l.trim().is_empty());
    let first = lines.next().unwrap_or_default().trim().trim_start_matches('#').trim().to_string();
    let body: Vec<&str> = lines.collect();
    let text = body.join("\n").trim().to_string();
    let (title, text) = if text.is_empty() { (file_stem(file_name), first) } else { (first, text) };
    Ok(ExtractedArticle {
        format,
        title,
        outlet: None,
        byline: None,
        published: None,
        url: None,
        language: None,
        text,
    })
}

fn file_stem(file_name: &str) -> String {
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    name.rsplit_once('.').map(|(stem, _)| stem).unwrap_or(name).to_string()
}
