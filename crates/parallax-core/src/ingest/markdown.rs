//! Markdown: optional YAML front matter, then blocks rendered as plain paragraphs.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use super::metadata::{normalize_date, take_header_lines, Metadata};

/// Paragraphs of a Markdown article and what its front matter and header lines say.
pub(crate) fn extract(source: &str) -> (Vec<String>, Metadata) {
    let source = source.trim_start_matches('\u{FEFF}');
    let (front, body) = split_front_matter(source);
    let from_front = front.map(read_front_matter).unwrap_or_default();
    let mut blocks = blocks(body);
    let from_header = take_header_lines(&mut blocks);
    (blocks, from_front.or(from_header))
}

/// Whether text opens with a `---` fenced YAML block.
pub(crate) fn has_front_matter(text: &str) -> bool {
    split_front_matter(text.trim_start_matches('\u{FEFF}'))
        .0
        .is_some()
}

fn split_front_matter(source: &str) -> (Option<&str>, &str) {
    let Some(rest) = source
        .strip_prefix("---")
        .filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    else {
        return (None, source);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if offset > 0 && (trimmed == "---" || trimmed == "...") {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, source)
}

fn read_front_matter(yaml: &str) -> Metadata {
    let Ok(documents) = YamlLoader::load_from_str(yaml) else {
        return Metadata::default();
    };
    let Some(Yaml::Hash(map)) = documents.into_iter().next() else {
        return Metadata::default();
    };
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| match map.get(&Yaml::String((*name).to_string()))? {
                Yaml::String(s) => Some(s.trim().to_string()),
                Yaml::Integer(i) => Some(i.to_string()),
                Yaml::Real(r) => Some(r.clone()),
                Yaml::Array(items) => {
                    let names: Vec<&str> = items.iter().filter_map(Yaml::as_str).collect();
                    (!names.is_empty()).then(|| names.join(", "))
                }
                Yaml::Hash(inner) => inner
                    .get(&Yaml::String("name".into()))
                    .and_then(Yaml::as_str)
                    .map(str::to_string),
                _ => None,
            })
            .filter(|s| !s.is_empty())
    };
    Metadata {
        title: field(&["title", "headline"]),
        outlet: field(&[
            "outlet",
            "source",
            "publisher",
            "site",
            "site_name",
            "publication",
        ]),
        byline: field(&["author", "authors", "byline", "by"]),
        published: field(&[
            "published",
            "date",
            "published_at",
            "datePublished",
            "pubDate",
        ])
        .and_then(|d| normalize_date(&d)),
        url: field(&["url", "canonical", "canonical_url", "link", "source_url"]),
        language: field(&["lang", "language", "locale"]).map(|l| l.replace('_', "-")),
    }
}

/// Headings, paragraphs, quotes, list items and code blocks, each as one plain paragraph.
fn blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let text = current.trim();
        if !text.is_empty() {
            blocks.push(text.to_string());
        }
        current.clear();
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::CodeBlock(_)
                | Tag::Item
                | Tag::BlockQuote(_),
            ) => flush(&mut current, &mut blocks),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::BlockQuote(_),
            ) => flush(&mut current, &mut blocks),
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_metadata() {
        let source = "---\ntitle: Talks resume\nsource: The Ledger\nauthor: [Jane Doe, John Roe]\ndate: 2025-11-20\nlang: en\n---\n\nBody *text* with a [link](https://x.org).\n";
        let (body, found) = extract(source);
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(found.byline.as_deref(), Some("Jane Doe, John Roe"));
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(found.language.as_deref(), Some("en"));
        assert_eq!(body, vec!["Body text with a link."]);
    }

    #[test]
    fn a_heading_is_the_title_and_blocks_become_paragraphs() {
        let (body, found) = extract(
            "# Talks resume\n\n**By Jane Doe**\n\nFirst\nline.\n\n> A quote.\n\n- an item\n",
        );
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(body, vec!["First line.", "A quote.", "an item"]);
    }
}
