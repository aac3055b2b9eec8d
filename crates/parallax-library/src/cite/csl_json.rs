//! CSL-JSON: an array of `article-newspaper` items, as citeproc processors and Zotero's
//! importer read them.

use serde_json::{json, Map, Value};

use super::{date_parts, Author, Citation};

/// Writes the citations as one pretty-printed CSL-JSON array.
pub(crate) fn write(citations: &[Citation]) -> String {
    let items: Vec<Value> = citations.iter().map(item).collect();
    serde_json::to_string_pretty(&items).expect("values serialise") + "\n"
}

fn item(citation: &Citation) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), json!(citation.key));
    item.insert("type".into(), json!("article-newspaper"));
    item.insert("title".into(), json!(citation.title));
    if let Some(outlet) = &citation.outlet {
        item.insert("container-title".into(), json!(outlet));
    }
    if !citation.authors.is_empty() {
        let authors: Vec<Value> = citation
            .authors
            .iter()
            .map(|author| match author {
                Author::Person { family, given } => json!({ "family": family, "given": given }),
                Author::Literal { literal } => json!({ "literal": literal }),
            })
            .collect();
        item.insert("author".into(), json!(authors));
    }
    if let Some(parts) = citation
        .published
        .as_deref()
        .map(date_parts)
        .filter(|p| !p.is_empty())
    {
        item.insert("issued".into(), json!({ "date-parts": [parts] }));
    }
    if let Some(url) = &citation.url {
        item.insert("URL".into(), json!(url));
    }
    let accessed = date_parts(&citation.imported);
    if !accessed.is_empty() {
        item.insert("accessed".into(), json!({ "date-parts": [accessed] }));
    }
    if let Some(language) = &citation.language {
        item.insert("language".into(), json!(language));
    }
    Value::Object(item)
}
