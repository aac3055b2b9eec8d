//! E-mail (`.eml`) and single-file saved pages (`.mht`): the HTML or text part, decoded from
//! quoted-printable or base64 in its declared charset by `mail-parser`.

use mail_parser::{MessageParser, MimeHeaders};

use super::metadata::{normalize_date, Metadata};
use super::{html, text, Format};
use crate::Error;

/// The article in a message, with the format it came in: a saved page (`.mht`) is a web page.
pub(crate) fn extract(bytes: &[u8]) -> Result<(Format, Vec<String>, Metadata), Error> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| Error::Malformed("the e-mail has no readable headers".into()))?;
    // A browser's single-file save (MHTML) is a web page in a MIME envelope: Chrome marks it with
    // Snapshot-Content-Location, others send it as multipart/related to nobody.
    let snapshot = message
        .header("Snapshot-Content-Location")
        .and_then(|h| h.as_text())
        .map(str::to_string);
    let related = message
        .content_type()
        .is_some_and(|t| t.ctype() == "multipart" && t.subtype() == Some("related"));
    let saved_page = snapshot.is_some() || (related && message.to().is_none());
    // mail-parser offers a text-only message as HTML too; only a real HTML part is read as a page.
    let has_html_part = message.html_part(0).is_some_and(|part| part.is_text_html());
    let (body, found) = if let Some(page) = message
        .body_html(0)
        .filter(|h| has_html_part && !h.trim().is_empty())
    {
        html::extract(&page)?
    } else if let Some(plain) = message.body_text(0) {
        let (plain, forwarded) = drop_forward_header(&plain);
        let (body, found) = text::extract(&plain);
        (body, forwarded.or(found))
    } else {
        return Err(Error::NoText("the e-mail has no text or HTML part".into()));
    };
    let from = message
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.name())
        .map(str::to_string);
    let headers = Metadata {
        title: message
            .subject()
            .map(strip_reply_prefixes)
            .filter(|s| !s.is_empty()),
        outlet: from.filter(|_| !saved_page),
        byline: None,
        published: message.date().and_then(|d| normalize_date(&d.to_rfc3339())),
        url: snapshot.or_else(|| {
            message
                .header("Content-Location")
                .and_then(|h| h.as_text())
                .map(str::to_string)
        }),
        language: message
            .header("Content-Language")
            .and_then(|h| h.as_text())
            .map(str::to_string),
    };
    let format = if saved_page {
        Format::Html
    } else {
        Format::Email
    };
    // The page inside knows its headline and date better than the envelope that carried it.
    let found = if saved_page {
        found.or(headers)
    } else {
        Metadata {
            title: headers.title.clone(),
            ..found
        }
        .or(headers)
    };
    Ok((format, body, found))
}

/// Whether bytes open with e-mail headers: `From:`, `Subject:`, `Date:`, `MIME-Version:` ...
pub(crate) fn looks_like_email(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let mut known = 0;
    for (index, line) in head.lines().enumerate() {
        if line.trim().is_empty() {
            break;
        }
        if index == 0 && line.starts_with("From ") {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || name.contains(' ') {
            return false;
        }
        let name = name.to_ascii_lowercase();
        if [
            "from",
            "to",
            "subject",
            "date",
            "message-id",
            "mime-version",
            "received",
            "return-path",
            "content-type",
            "delivered-to",
            "reply-to",
        ]
        .contains(&name.as_str())
        {
            known += 1;
        }
    }
    known >= 2
}

fn strip_reply_prefixes(subject: &str) -> String {
    let mut subject = subject.trim();
    loop {
        let lower = subject.to_ascii_lowercase();
        let Some(prefix) = ["fwd:", "fw:", "re:", "[fwd]", "wg:", "tr:"]
            .iter()
            .find(|p| lower.starts_with(*p))
        else {
            return subject.to_string();
        };
        subject = subject[prefix.len()..].trim_start();
    }
}

/// Drops the "Forwarded message" block a mail client puts above a forwarded article, keeping
/// its subject and date: they are the article's, while the envelope's are the forward's.
fn drop_forward_header(text: &str) -> (String, Metadata) {
    let mut lines = Vec::new();
    let mut forwarded = Metadata::default();
    let mut in_header = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.contains("Forwarded message") || trimmed == "Begin forwarded message:" {
            in_header = true;
            continue;
        }
        if in_header {
            if trimmed.is_empty() {
                continue;
            }
            if let Some((label, value)) = trimmed.split_once(':') {
                match label.to_ascii_lowercase().as_str() {
                    "subject" => {
                        forwarded.title =
                            Some(strip_reply_prefixes(value)).filter(|s| !s.is_empty())
                    }
                    "date" | "sent" => forwarded.published = normalize_date(value),
                    "from" | "to" | "cc" | "reply-to" => {}
                    _ => in_header = false,
                }
                if in_header {
                    continue;
                }
            }
            in_header = false;
        }
        lines.push(line);
    }
    (lines.join("\n"), forwarded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_forward_prefixes() {
        assert_eq!(
            strip_reply_prefixes("Fwd: RE: Talks resume"),
            "Talks resume"
        );
    }

    #[test]
    fn headers_are_recognised() {
        assert!(looks_like_email(b"From: a@b.c\nSubject: x\n\nbody"));
        assert!(!looks_like_email(b"Title: x\nBy: y\n\nbody"));
    }
}
