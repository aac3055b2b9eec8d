//! Bytes to text: byte-order marks, declared charsets, and detection of the rest.
//!
//! The order is the one a careful browser follows: a BOM wins; text that is valid UTF-8 is UTF-8
//! (a legacy page that happens to be valid UTF-8 with non-ASCII bytes is vanishingly rare, while
//! UTF-8 pages labelled `iso-8859-1` are common); then the charset the document declares; then
//! `chardetng`'s guess. Characters are decoded as they are: typographic quotes, dashes and
//! non-breaking spaces stay in the text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use regex::bytes::Regex;
use std::sync::LazyLock;

use crate::Error;

/// The encoding a byte-order mark announces, and the mark's length.
pub(crate) fn has_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Decodes a document, trusting a BOM, then UTF-8, then `declared`, then detection.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<String, Error> {
    if let Some((encoding, bom_length)) = has_bom(bytes) {
        return strict(encoding, &bytes[bom_length..]);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return strict(encoding, bytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    if let Some(encoding) = declared.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE) {
        if let Ok(text) = strict(encoding, bytes) {
            return Ok(text);
        }
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let guessed = detector.guess(None, chardetng::Utf8Detection::Allow);
    strict(guessed, bytes)
}

/// Decodes without replacement characters: a byte that means nothing in the encoding is an error,
/// never a silent U+FFFD in the stored text.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, Error> {
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => {
            let offset = first_invalid_offset(encoding, bytes);
            Err(Error::Undecodable {
                encoding: encoding.name().to_string(),
                offset,
            })
        }
    }
}

fn first_invalid_offset(encoding: &'static Encoding, bytes: &[u8]) -> usize {
    if encoding == UTF_8 {
        return std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(length, _) => read.saturating_sub(length as usize),
        _ => read,
    }
}

/// UTF-16 saved without a BOM: every other byte of ASCII-range text is zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zeros = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zeros * 10 > pairs * 7 && even_zeros * 20 < pairs {
        Some(UTF_16LE)
    } else if even_zeros * 10 > pairs * 7 && odd_zeros * 20 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Whether the bytes are binary data rather than text in any encoding: a known file signature, or
/// NUL and control bytes where text has none.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    const SIGNATURES: &[&[u8]] = &[
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"\x7FELF",
        b"BZh",
        b"\xFD7zXZ",
        b"7z\xBC\xAF",
        b"Rar!",
        b"MZ",
        b"\xD0\xCF\x11\xE0",
        b"OggS",
        b"ID3",
        b"fLaC",
        b"RIFF",
        b"\x00\x00\x01\x00",
        b"SQLite format 3",
    ];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return true;
    }
    if has_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    controls * 100 > sample.len()
}

/// The charset a web page declares in its first kilobytes (`<meta charset>`, `http-equiv`, or an
/// XML declaration), as `encoding_rs` understands the label.
pub(crate) fn declared_in_html(bytes: &[u8]) -> Option<&'static Encoding> {
    static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)|<\?xml[^>]{0,200}encoding\s*=\s*["']([a-z0-9_:.\-]+)"#)
            .expect("valid charset pattern")
    });
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let captures = CHARSET.captures(head)?;
    let label = captures.get(1).or_else(|| captures.get(2))?;
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", None).unwrap(), "café");
    }

    #[test]
    fn utf16_with_either_bom_is_read() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("“Kyiv” – ok".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("“Kyiv” – ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, None).unwrap(), "“Kyiv” – ok");
        assert_eq!(decode(&be, None).unwrap(), "“Kyiv” – ok");
        assert!(!looks_binary(&le));
    }

    #[test]
    fn windows_1252_quotes_and_dashes_are_detected() {
        let bytes = b"The minister said \x93we will not retreat\x94 \x96 and the crowd cheered. Caf\xE9 owners agreed.";
        assert_eq!(
            decode(bytes, None).unwrap(),
            "The minister said “we will not retreat” – and the crowd cheered. Café owners agreed."
        );
    }

    #[test]
    fn a_declared_charset_is_found() {
        let page =
            b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-2'>";
        assert_eq!(declared_in_html(page).map(|e| e.name()), Some("ISO-8859-2"));
        assert_eq!(
            declared_in_html(b"<meta charset=\"koi8-r\">").map(|e| e.name()),
            Some("KOI8-R")
        );
    }

    #[test]
    fn binary_signatures_and_nul_bytes_are_binary() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n...."));
        assert!(looks_binary(b"text\0with\0nuls"));
        assert!(!looks_binary("plain “text”\n".as_bytes()));
    }

    #[test]
    fn broken_utf8_after_a_bom_is_an_error_with_its_offset() {
        let error = decode(b"\xEF\xBB\xBFok \xC3\x28", None).unwrap_err();
        assert!(
            matches!(error, Error::Undecodable { offset: 3, .. }),
            "{error}"
        );
    }
}
