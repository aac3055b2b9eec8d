//! The news-pages corpus (`pages/<id>.html`, `truth.json`, `meta.json`, `snippets.json`) and its
//! fixed split into a development part and a held-out part.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

/// One saved page with the body text it should give.
pub struct NewsPage {
    pub id: String,
    pub source: Vec<u8>,
    pub truth: String,
    /// The source set: `wcxb`, `big9` or `chaos`.
    pub set: String,
    pub held_out: bool,
    /// Snippets the body must hold, and snippets it must not.
    pub with: Vec<String>,
    pub without: Vec<String>,
}

/// Whether a page is held out: FNV-1a (64-bit) of its site's domain, or of its id when the
/// corpus names no domain, is odd. Fixed and deterministic; pages of one known domain stay on
/// one side, so a site's habits learnt on development pages do not leak into the held-out score.
pub fn is_held_out(id: &str, domain: Option<&str>) -> bool {
    let key = domain.unwrap_or(id);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 2 == 1
}

/// The corpus under `folder`, in id order, or `None` when `folder` has no `truth.json`.
pub fn load(folder: &Path) -> Option<Vec<NewsPage>> {
    let read = |name: &str| -> Option<Value> {
        serde_json::from_str(&std::fs::read_to_string(folder.join(name)).ok()?).ok()
    };
    let truth = read("truth.json")?;
    let meta = read("meta.json").unwrap_or(Value::Null);
    let snippets = read("snippets.json").unwrap_or(Value::Null);
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut pages: Vec<NewsPage> = truth
        .as_object()?
        .iter()
        .filter_map(|(id, text)| {
            let source = std::fs::read(folder.join("pages").join(format!("{id}.html"))).ok()?;
            let about = meta.get(id);
            let domain = about.and_then(|m| m.get("domain")).and_then(Value::as_str);
            let set = about
                .and_then(|m| m.get("dataset"))
                .and_then(Value::as_str)
                .unwrap_or("other");
            Some(NewsPage {
                id: id.clone(),
                source,
                truth: text.as_str()?.to_string(),
                set: set.to_string(),
                held_out: is_held_out(id, domain),
                with: strings(snippets.get(id).and_then(|s| s.get("with"))),
                without: strings(snippets.get(id).and_then(|s| s.get("without"))),
            })
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Some(pages)
}

/// Lower-cased words, split at every character that is not a letter or a digit.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// 4-word shingles of a text, counted.
pub fn shingles(text: &str) -> HashMap<String, usize> {
    let words = words(text);
    let mut counts = HashMap::new();
    if words.len() < 4 {
        if !words.is_empty() {
            *counts.entry(words.join(" ")).or_default() += 1;
        }
        return counts;
    }
    for window in words.windows(4) {
        *counts.entry(window.join(" ")).or_default() += 1;
    }
    counts
}

/// Precision, recall and F1 of the 4-word shingles of `got` against `want`, as multisets.
pub fn shingle_scores(got: &str, want: &str) -> (f64, f64, f64) {
    let (got, want) = (shingles(got), shingles(want));
    let (got_total, want_total): (usize, usize) = (got.values().sum(), want.values().sum());
    if got_total == 0 || want_total == 0 {
        let same = if got_total == want_total { 1.0 } else { 0.0 };
        return (same, same, same);
    }
    let common: usize = got
        .iter()
        .map(|(k, n)| (*n).min(want.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = common as f64 / got_total as f64;
    let recall = common as f64 / want_total as f64;
    let f1 = if common == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (precision, recall, f1)
}

/// Whether the words of `snippet` stand in `text` as one run (case and punctuation set aside).
pub fn holds(text: &str, snippet: &str) -> bool {
    let needle = words(snippet);
    if needle.is_empty() {
        return true;
    }
    let hay = words(text);
    hay.windows(needle.len()).any(|w| w == needle.as_slice())
}
