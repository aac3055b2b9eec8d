//! Markdown: optional YAML front matter, then blocks rendered as plain paragraphs.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use super::metadata::{normalize_date, take_header_lines, Metadata};

/// Paragraphs of a Markdown article and what its front matter and header lines say.
pub(crate) fn extract(source: &str) -> (Vec<String>, Metadata) {
    let source = source.trim_start_matches('\u{FEFF}');
    let (front, body) = split_front_matter(source);
    let from_front = front.map(read_front_matter).unwrap_or_default();
    let blocks = blocks(body);
    let first_is_heading = blocks.first().is_some_and(|b| b.heading);
    let mut paragraphs: Vec<String> = blocks.into_iter().map(|b| b.text).collect();
    let from_header = take_header_lines(&mut paragraphs, first_is_heading);
    let paragraphs = paragraphs.iter().map(|p| unwrap_soft_breaks(p)).collect();
    (paragraphs, from_front.or(from_header))
}

/// Stands for a hard line break inside a block while soft breaks are still `\n`.
const HARD_BREAK: char = '\u{2028}';

/// One block of a Markdown body; soft line breaks kept as `\n` so header lines stay apart.
struct Block {
    text: String,
    heading: bool,
}

/// Joins the lines Markdown joins (soft breaks) and keeps the ones it keeps (hard breaks).
fn unwrap_soft_breaks(block: &str) -> String {
    block
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .replace(HARD_BREAK, "\n")
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

/// Headings, paragraphs, quotes, list items and code blocks, each as one plain block.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut heading = false;
    let mut in_code = false;
    let flush = |current: &mut String, blocks: &mut Vec<Block>, heading: bool| {
        let text = current.trim();
        if !text.is_empty() {
            blocks.push(Block {
                text: text.to_string(),
                heading,
            });
        }
        current.clear();
    };
    for event in Parser::new(markdown) {
        match &event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        match event {
            Event::Start(
                Tag::Heading { .. }
                | Tag::Paragraph
                | Tag::CodeBlock(_)
                | Tag::Item
                | Tag::BlockQuote(_),
            ) => flush(&mut current, &mut blocks, false),
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::BlockQuote(_),
            ) => {
                flush(&mut current, &mut blocks, heading);
                heading = false;
            }
            Event::Text(text) if in_code => {
                current.push_str(&text.replace('\n', &HARD_BREAK.to_string()))
            }
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak => current.push('\n'),
            Event::HardBreak => current.push(HARD_BREAK),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks, false);
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

    #[test]
    fn consecutive_header_lines_under_a_heading_each_fill_their_own_field() {
        for source in [
            "# Talks resume in Kyiv.\n\nSource: Eastline Daily\nPublished: 2025-11-20\nBy Jane Doe\nUpdated: 2025-11-21\n\nThe delegation arrived.\n",
            "# Talks resume in Kyiv.\nSource: Eastline Daily\nPublished: 2025-11-20\nBy Jane Doe\nUpdated: 2025-11-21\n\nThe delegation arrived.\n",
        ] {
            let (body, found) = extract(source);
            assert_eq!(found.title.as_deref(), Some("Talks resume in Kyiv."));
            assert_eq!(found.outlet.as_deref(), Some("Eastline Daily"));
            assert_eq!(found.published.as_deref(), Some("2025-11-20"));
            assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
            assert_eq!(body, vec!["The delegation arrived."]);
        }
    }

    #[test]
    fn blank_separated_header_lines_each_fill_their_own_field() {
        let (body, found) = extract(
            "# Talks resume\n\nSource: Eastline Daily\n\nBy Jane Doe\n\nPublished: 2025-11-20\n\nUpdated: 2025-11-21\n\nThe delegation arrived.\n",
        );
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.outlet.as_deref(), Some("Eastline Daily"));
        assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(body, vec!["The delegation arrived."]);
    }

    #[test]
    fn header_lines_ended_by_hard_breaks_are_read_apart_and_body_hard_breaks_stay() {
        let (body, found) = extract(
            "# Talks resume\n\nSource: Eastline Daily  \nPublished: 2025-11-20\n\nFirst line  \nsecond line\nwraps.\n",
        );
        assert_eq!(found.outlet.as_deref(), Some("Eastline Daily"));
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(body, vec!["First line\nsecond line wraps."]);
    }

    #[test]
    fn an_italic_outlet_and_a_date_under_the_headline_are_read() {
        for source in [
            "# Strike on Syria debated\n*The New York Times*, 2013-08-31\n\nThe debate went on.\n",
            "# Strike on Syria debated\n\n*The New York Times*, 2013-08-31\n\nThe debate went on.\n",
        ] {
            let (body, found) = extract(source);
            assert_eq!(found.title.as_deref(), Some("Strike on Syria debated"));
            assert_eq!(found.outlet.as_deref(), Some("The New York Times"));
            assert_eq!(found.published.as_deref(), Some("2013-08-31"));
            assert_eq!(body, vec!["The debate went on."]);
        }
    }
}
