//! Web pages: the article body without navigation, banners, related stories, share buttons,
//! comments or footers, as paragraphs in reading order.
//!
//! The body is found by `dom_smoothie`, a port of Mozilla's Readability, chosen by figures: on
//! the 130 Readability test pages, Parallax's body F1 (4-word shingles) is 0.9996 mean and 1.0
//! median, against 0.898 / 0.983 for `rs-trafilatura` and 0.939 / 0.992 for `readabilityrs`
//! (`examples/extract_eval.rs`). Its HTML is then rendered here as text: one
//! paragraph per block element, white space collapsed the way a browser collapses it. What the
//! reader keeps that is the page's, not the article's, is then left out: paragraphs outside the
//! page's main container, runs of links, captions, bylines, time stamps and labels (on news pages
//! never tuned on, body F1 0.940 -> 0.958; `eval/extract/RESULTS.md`). When the reader kept one
//! section of an article whose sections are siblings, the prose it left in the main container is
//! read too (broad mix of sites never tuned on: 0.920 -> 0.930). Captions the page names by class
//! or id rather than `figcaption` go too (news pages never tuned on: 0.960 -> 0.964). Segments a
//! page streams after its shell (React's hidden `S:` divs) are first moved where the page's script
//! would move them, or the article they hold is lost.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use regex::Regex;
use std::sync::OnceLock;

use super::metadata::Metadata;
use super::page_metadata;
use crate::Error;

/// Pages nested deeper than this are refused before parsing: no real article comes near it, and
/// the tree walks of an extractor would otherwise risk the stack.
const MAX_DEPTH: usize = 2_000;

/// Pages with more elements than this skip the reader view, whose scoring passes grow faster
/// than the page, and give their visible text instead: real articles have a few thousand.
const MAX_ELEMENTS: usize = 60_000;

/// Paragraphs of the article a web page holds, and what the page says about it.
pub(crate) fn extract(html: &str) -> Result<(Vec<String>, Metadata), Error> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(Error::Malformed(format!(
            "the page nests elements more than {MAX_DEPTH} levels deep ({depth})"
        )));
    }
    let document = Document::from(html);
    let found = page_metadata::read(&document);
    let headings = page_metadata::headings(&document);
    // Embedded posts quote another page, not the article.
    if EMBEDDED_POST_MARKS.iter().any(|mark| html.contains(mark)) {
        document.select(EMBEDDED_POSTS).remove();
    }
    place_streamed_segments(&document, html);
    let container = main_container(&document, html);
    let captions = marked_captions(&document, html);
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let url = found
        .url
        .as_deref()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let article = Readability::with_document(document, url, Some(config.clone()))
        .or_else(|_| Readability::with_document(Document::from(html), None, Some(config)))
        .ok()
        .and_then(|mut readability| {
            // A bug in the reader on a strange page must cost that page, not the whole import.
            catch_unwind(AssertUnwindSafe(|| {
                let article = readability.parse().ok()?;
                // The reader's tree is read where it stands, not serialized and parsed again.
                let root = readability.doc.select_single(READER_ROOT);
                let read = match root.nodes().first() {
                    Some(node) => blocks(node),
                    None => blocks(&Document::from(article.content.as_ref()).root()),
                };
                Some((article, read))
            }))
            .unwrap_or(None)
        });
    let (paragraphs, from_reader) = match article {
        Some((article, read)) => {
            let paragraphs = without_page_furniture(inside_main_container(
                without_link_lists(read),
                container.as_ref(),
            ));
            let paragraphs = match &container {
                Some(container) => with_rest_of_container(paragraphs, container),
                None => paragraphs,
            };
            let paragraphs = without_captions(paragraphs, &captions);
            let from_reader = Metadata {
                title: Some(article.title).filter(|t| !t.trim().is_empty()),
                outlet: article.site_name,
                byline: article.byline,
                published: article
                    .published_time
                    .as_deref()
                    .and_then(super::metadata::normalize_date),
                url: article.url,
                language: article.lang,
            };
            (paragraphs, from_reader)
        }
        None => (whole_page_text(html), Metadata::default()),
    };
    let mut found = page_metadata::finish(found, from_reader, &headings);
    found.url = found.url.or_else(|| saved_from_url(html));
    Ok((paragraphs, found))
}

/// Segments of a page streamed after its shell (React's `<div hidden id="S:1">`), which the page's
/// own script moves into place: into the boundary a `<template id="B:1">` opens, in place of its
/// fallback ("Loading..."), or in place of a `<template id="P:1">`. Left where they stand they are
/// hidden, and the article's paragraphs they hold are lost.
fn place_streamed_segments(document: &Document, html: &str) {
    if !html.contains(STREAMED_SEGMENT_MARK) {
        return;
    }
    let templates = document.select("template[id]");
    let targets: std::collections::HashMap<String, NodeRef> = templates
        .nodes()
        .iter()
        .filter_map(|t| Some((t.attr("id")?.to_string(), *t)))
        .collect();
    for segment in document.select(STREAMED_SEGMENTS).nodes() {
        let Some(id) = segment.attr("id") else {
            continue;
        };
        let number = id.trim_start_matches("S:");
        if let Some(template) = targets.get(&format!("B:{number}")) {
            let parent = template.parent();
            let end = without_fallback(template);
            for child in segment.children() {
                match (&end, &parent) {
                    (Some(end), _) => end.insert_before(&child),
                    (None, Some(parent)) => parent.append_child(&child),
                    (None, None) => {}
                }
            }
        } else if let Some(template) = targets.get(&format!("P:{number}")) {
            for child in segment.children() {
                template.insert_before(&child);
            }
            template.remove_from_parent();
        } else {
            continue;
        }
        segment.remove_from_parent();
    }
}

/// What the markup of a page with streamed segments holds.
const STREAMED_SEGMENT_MARK: &str = "id=\"S:";

/// Streamed segments of a page, hidden until its script moves them.
const STREAMED_SEGMENTS: &str = "div[hidden][id^=\"S:\"]";

/// Removes a streamed boundary's template and its fallback, and returns the node to insert the
/// segment before. The boundary is closed by the comment `<!--/$-->` (nested boundaries counted);
/// a page saved without its comments keeps the fallback as the element after the template, which
/// goes when it is short ("Loading paragraph...").
fn without_fallback<'a>(template: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let opened = template
        .prev_sibling()
        .and_then(|previous| comment_text(&previous))
        .is_some_and(|text| text == "$?");
    if !opened {
        let fallback = template.next_element_sibling();
        let end = template.next_sibling();
        template.remove_from_parent();
        if let Some(fallback) = fallback {
            if fallback.text().split_whitespace().count() <= FALLBACK_WORDS {
                let after = fallback.next_sibling();
                fallback.remove_from_parent();
                return after;
            }
        }
        return end;
    }
    let mut depth = 0usize;
    let mut current = Some(*template);
    while let Some(node) = current {
        match comment_text(&node).as_deref() {
            Some("/$") if depth == 0 => return Some(node),
            Some("/$") => depth -= 1,
            Some("$" | "$?" | "$!") => depth += 1,
            _ => {}
        }
        current = node.next_sibling();
        node.remove_from_parent();
    }
    None
}

/// A streamed boundary's fallback without comments around it is this short at most.
const FALLBACK_WORDS: usize = 3;

fn comment_text(node: &NodeRef) -> Option<String> {
    node.query(|n| match &n.data {
        dom_query::NodeData::Comment { contents } => Some(contents.to_string()),
        _ => None,
    })
    .flatten()
}

/// The element the reader puts its article in.
const READER_ROOT: &str = "#readability-page-1";

/// Posts of social networks embedded in a page, as their embedding code marks them.
const EMBEDDED_POSTS: &str =
    "blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, .twitter-tweet";

/// Elements that say they hold the article's body, by schema.org property or by a class name
/// that publishing systems give it, in order of trust; `article` and `main` follow.
/// Each with the words its markup must hold, so a page without them is not searched.
const BODY_CONTAINERS: &[(&str, &[&str])] = &[
    (
        "[itemprop=articleBody], [itemprop=articlebody]",
        &["articleBody", "articlebody"],
    ),
    (
        ".article-body, .article__body, .articleBody, .article-content, .story-body, \
         .story-content, .entry-content, .post-content, .post-body, #article-body, #articleBody, \
         #story-body",
        &[
            "article-body",
            "article__body",
            "articleBody",
            "article-content",
            "story-body",
            "story-content",
            "entry-content",
            "post-content",
            "post-body",
        ],
    ),
    ("article", &["<article", "<ARTICLE", "<Article"]),
    (
        "main, [role=main]",
        &["<main", "<MAIN", "role=\"main\"", "role=main"],
    ),
];

/// Words the markup of an embedded post holds.
const EMBEDDED_POST_MARKS: &[&str] = &["twitter-tweet", "instagram-media", "tiktok-embed"];

/// What one kind of main container of the page holds: its outermost elements' blocks.
struct Container {
    blocks: Vec<Block>,
    /// The blocks' text, white space collapsed, to look paragraphs up in.
    text: String,
    /// Whether the page marks it up as the article's body (`itemprop=articleBody`).
    named: bool,
    /// How many outermost elements of that kind the page has.
    elements: usize,
}

/// The most trusted kind of main container the page has, in [`BODY_CONTAINERS`] order.
fn main_container(document: &Document, html: &str) -> Option<Container> {
    BODY_CONTAINERS
        .iter()
        .enumerate()
        .filter(|(_, (_, marks))| marks.iter().any(|mark| html.contains(mark)))
        .find_map(|(rank, (selector, _))| {
            let found = document.select(selector);
            let nodes = found.nodes();
            if nodes.is_empty() {
                return None;
            }
            let ids: std::collections::HashSet<_> = nodes.iter().map(|n| n.id).collect();
            let mut container = Container {
                blocks: Vec::new(),
                text: String::new(),
                named: rank == 0,
                elements: 0,
            };
            for node in nodes {
                if !node.ancestors_it(None).any(|a| ids.contains(&a.id)) {
                    container.blocks.extend(blocks(node));
                    container.elements += 1;
                }
            }
            for block in &container.blocks {
                container.text.push_str(&collapsed(&block.text));
                container.text.push(' ');
            }
            Some(container)
        })
}

/// Elements a page names as a picture's caption by class or id (`wp-caption-text`,
/// `photoCaption`, `#caption`), besides `figcaption`.
const CAPTION_ELEMENTS: &str = "[class*=caption i], [id*=caption i]";

/// A caption holds at most this many words: a longer element named so is a wrapper (a
/// `has-caption` article, a `caption-wrapper` of a whole section), not a caption.
const CAPTION_WORDS: usize = 50;

/// The text of the elements the page names as captions, white space collapsed, one per line.
fn marked_captions(document: &Document, html: &str) -> String {
    if !html.contains("aption") {
        return String::new();
    }
    let mut captions = String::new();
    for node in document.select(CAPTION_ELEMENTS).nodes() {
        let named = ["class", "id"]
            .into_iter()
            .filter_map(|attribute| node.attr(attribute))
            .any(|value| value.split_whitespace().any(names_caption));
        if !named {
            continue;
        }
        let text = collapsed(&node.text());
        let words = text.split_whitespace().count();
        if words > 0 && words <= CAPTION_WORDS {
            captions.push_str(&text);
            captions.push('\n');
        }
    }
    captions
}

/// Whether a class or id names a caption (`wp-caption-text`, `photoCaption`,
/// `cnnStoryPhotoCaptionBox`), not the absence of one or a picture that has one (`no_caption`,
/// `has-caption`).
fn names_caption(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.match_indices("caption").any(|(at, _)| {
        let before = name[..at].trim_end_matches(['-', '_']);
        !["no", "has", "with", "without"]
            .iter()
            .any(|mark| before.ends_with(mark))
    })
}

/// The reader's paragraphs without those that stand in a caption the page marks as one
/// ([`marked_captions`]): a picture's caption not written as `figcaption`, which the reader
/// keeps as a paragraph of the article.
fn without_captions(paragraphs: Vec<String>, captions: &str) -> Vec<String> {
    if captions.is_empty() {
        return paragraphs;
    }
    let is_caption = |p: &String| {
        let text = collapsed(p);
        !text.is_empty() && text.split(' ').count() <= CAPTION_WORDS && captions.contains(&text)
    };
    if paragraphs.iter().all(is_caption) {
        return paragraphs;
    }
    paragraphs.into_iter().filter(|p| !is_caption(p)).collect()
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a paragraph of the reader stands in a container's text: its first or its last words,
/// since the reader may render an element inside it (a formula, an embed) differently.
fn lies_in(paragraph: &str, container: &str) -> bool {
    const ENDS: usize = 6;
    let words: Vec<&str> = paragraph.split_whitespace().collect();
    if words.len() <= ENDS {
        return container.contains(&words.join(" "));
    }
    container.contains(&words[..ENDS].join(" "))
        || container.contains(&words[words.len() - ENDS..].join(" "))
}

/// Share of the reader's words that must lie in a main container before what lies outside it
/// (a byline, a time stamp, a section label above `<article>`) is left out.
const INSIDE_SHARE: f64 = 0.6;

/// Below this share of the reader's words in the page's named body, the reader chose something
/// else (a sign-in dialog, a list of stories), and the named body is read instead.
const MISSED_SHARE: f64 = 0.2;

/// A named body shorter than this many words is not trusted over the reader's choice.
const MIN_BODY_WORDS: usize = 80;

/// The reader's paragraphs that lie in the page's main container, when it holds most of them;
/// the named body itself when the reader missed it; else all of the reader's paragraphs.
fn inside_main_container(paragraphs: Vec<String>, container: Option<&Container>) -> Vec<String> {
    let words = |p: &String| p.split_whitespace().count();
    let total: usize = paragraphs.iter().map(words).sum();
    if let Some(container) = container {
        let inside: Vec<bool> = paragraphs
            .iter()
            .map(|p| lies_in(p, &container.text))
            .collect();
        let kept: usize = paragraphs
            .iter()
            .zip(&inside)
            .filter(|(_, i)| **i)
            .map(|(p, _)| words(p))
            .sum();
        if kept as f64 >= INSIDE_SHARE * total as f64 && kept > 0 {
            return paragraphs
                .into_iter()
                .zip(inside)
                .filter_map(|(p, i)| i.then_some(p))
                .collect();
        }
        let body_words = container.text.split_whitespace().count();
        if container.named
            && (kept as f64) < MISSED_SHARE * total as f64
            && body_words >= MIN_BODY_WORDS
        {
            return without_link_lists(container.blocks.clone());
        }
    }
    paragraphs
}

/// A paragraph of at least this many words that ends as a sentence ends is the article's prose.
const PROSE_WORDS: usize = 10;

/// Share of the long paragraphs the reader left in the container that must be prose before they
/// are read as the rest of the article.
const PROSE_SHARE: f64 = 0.8;

/// The prose the reader left in the container must add at least this share of its words.
const MISSED_PROSE: f64 = 0.5;

/// Whether a paragraph is a sentence of prose: long enough, and ending as a sentence ends.
fn is_prose(paragraph: &str) -> bool {
    paragraph.split_whitespace().count() >= PROSE_WORDS
        && paragraph
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', ')'])
}

/// The reader's paragraphs with the prose of the main container it left out, in the container's
/// order, with the short headings that open such prose: the reader sometimes keeps one section of
/// a page whose sections are siblings (a guide in parts under `<main>`, a post whose `.entry-content`
/// holds one `div` per heading). Only when the container is one element not named as the body by
/// `itemprop` (a named body the reader agrees with is trusted: what else it holds is a gallery's
/// captions, a live page's posts), when what it adds is mostly prose, and when it adds at least
/// half again the reader's words.
fn with_rest_of_container(paragraphs: Vec<String>, container: &Container) -> Vec<String> {
    let words = |p: &String| p.split_whitespace().count();
    let total: usize = paragraphs.iter().map(words).sum();
    let container_words = container.text.split_whitespace().count();
    if container.named
        || container.elements != 1
        || (container_words as f64) < (1.0 + MISSED_PROSE) * total as f64
    {
        return paragraphs;
    }
    let read: std::collections::HashSet<&str> = paragraphs.iter().map(String::as_str).collect();
    // A long paragraph of links (a list of names, of tags) is not prose.
    let links: std::collections::HashSet<&str> = container
        .blocks
        .iter()
        .filter(|b| b.link_share >= LINK_SHARE)
        .map(|b| b.text.as_str())
        .collect();
    let is_prose = |p: &String| is_prose(p) && !links.contains(p.as_str());
    let own = without_page_furniture(without_link_lists(container.blocks.clone()));
    let left: Vec<&String> = own
        .iter()
        .filter(|p| !read.contains(p.as_str()) && !links.contains(p.as_str()))
        .collect();
    let long = left.iter().filter(|p| words(p) >= PROSE_WORDS).count();
    let prose: Vec<&&String> = left.iter().filter(|p| is_prose(p)).collect();
    let added: usize = prose.iter().map(|p| words(p)).sum();
    if long == 0
        || (prose.len() as f64) < PROSE_SHARE * long as f64
        || (added as f64) < MISSED_PROSE * total as f64
    {
        return paragraphs;
    }
    let opens_prose =
        |index: usize| own.get(index + 1).is_some_and(&is_prose) && words(&own[index]) <= 12;
    own.iter()
        .enumerate()
        .filter(|(index, p)| read.contains(p.as_str()) || is_prose(p) || opens_prose(*index))
        .map(|(_, p)| p.clone())
        .collect()
}

/// A block is a link when at least this share of its text is link text.
const LINK_SHARE: f32 = 0.6;

/// Runs holding at least this many short link blocks are lists of other pages (related stories,
/// most read, share bars), not the article.
const LINK_RUN: usize = 3;

/// When runs of links would take more than this share of the reader's words, the page is a page
/// of links and they stay.
const MAX_LINK_LIST_SHARE: f64 = 0.5;

/// The reader's blocks without runs of short links; short headings inside a run ("Most read")
/// go with it, unless such runs make most of the text (see [`MAX_LINK_LIST_SHARE`]).
fn without_link_lists(blocks: Vec<Block>) -> Vec<String> {
    let words = |b: &Block| b.text.split_whitespace().count();
    let is_link = |b: &Block| b.link_share >= LINK_SHARE && words(b) <= 25;
    let in_run = |b: &Block| is_link(b) || words(b) <= 4;
    let mut keep: Vec<bool> = blocks.iter().map(|b| !b.caption).collect();
    let mut in_lists = 0usize;
    let mut start = 0;
    while start < blocks.len() {
        if !in_run(&blocks[start]) {
            start += 1;
            continue;
        }
        let end = (start..blocks.len())
            .find(|&i| !in_run(&blocks[i]))
            .unwrap_or(blocks.len());
        if blocks[start..end].iter().filter(|b| is_link(b)).count() >= LINK_RUN {
            keep[start..end].iter_mut().for_each(|k| *k = false);
            in_lists += blocks[start..end].iter().map(words).sum::<usize>();
        }
        start = end;
    }
    let total: usize = blocks.iter().map(words).sum();
    if in_lists as f64 > MAX_LINK_LIST_SHARE * total as f64 {
        // Mostly links: a page of links (an index, a table-laid-out page whose links are its
        // matter), where what the reader chose is the page; captions still go.
        keep = blocks.iter().map(|b| !b.caption).collect();
    }
    if !keep.contains(&true) {
        return blocks.into_iter().map(|b| b.text).collect();
    }
    blocks
        .into_iter()
        .zip(keep)
        .filter_map(|(b, k)| k.then_some(b.text))
        .collect()
}

/// How often one paragraph may stand in an article before it is a page's furniture (a gallery
/// caption repeated for every slide, "Advertisement" between paragraphs).
const REPEATED: usize = 3;

/// A paragraph of at most this many words is short: a caption, a label, not a statement.
const SHORT: usize = 10;

/// Words that open a picture's credit line (`Credit: Reuters`, `Screenshot by A. Tan/Outlet`).
const CREDIT_OPENERS: &[&str] = &[
    "credit:",
    "credits:",
    "image credit:",
    "photo credit:",
    "photo:",
    "photos:",
    "photograph:",
    "image:",
    "picture:",
    "photo by",
    "photos by",
    "photograph by",
    "screenshot by",
    "screenshot:",
    "illustration by",
    "illustration:",
];

/// Leaves out of the reader's paragraphs what is the page's, not the article's: short paragraphs
/// of words repeated [`REPEATED`] times or more (not figures: a table's years repeat), paragraphs of punctuation alone (`<<`, `***`), and short
/// credit lines of pictures.
fn without_page_furniture(paragraphs: Vec<String>) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for paragraph in &paragraphs {
        *counts.entry(paragraph.as_str()).or_insert(0) += 1;
    }
    let keep: Vec<bool> = paragraphs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let furniture = counts[p.as_str()] >= REPEATED
                && p.split_whitespace().count() <= SHORT
                && p.chars().any(char::is_alphabetic)
                || !p.chars().any(char::is_alphanumeric)
                || is_credit_line(p)
                || is_markup_as_text(p)
                || is_byline_or_time_stamp(p)
                || is_teaser_card(p)
                || is_promotion_line(p)
                || is_shouted_label(p)
                    && (is_advertisement(p) || !heads_text(paragraphs.get(index + 1)));
            !furniture
        })
        .collect();
    if !keep.contains(&true) {
        return paragraphs;
    }
    paragraphs
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

/// A paragraph that opens with a link's, a picture's or a frame's markup shown as text
/// (`<a href="https://ads.example/click?...">`): an advertisement's code the page escaped, not
/// the article. A tutorial's code (`<Project>`, `<script src="vendor/a.js">`) does not open so.
fn is_markup_as_text(paragraph: &str) -> bool {
    static MARKUP: OnceLock<Regex> = OnceLock::new();
    MARKUP
        .get_or_init(|| {
            Regex::new(r#"(?i)^\s*<(?:a|img|iframe)\b[^>]*\b(?:href|src)=["']?https?://"#)
                .expect("valid")
        })
        .is_match(paragraph)
}

/// Whether a heading is followed by text: a paragraph of more than [`SHORT`] words.
fn heads_text(next: Option<&String>) -> bool {
    next.is_some_and(|p| p.split_whitespace().count() > SHORT)
}

/// A paragraph of at most this many words may be a byline or a time stamp.
const STAMP_WORDS: usize = 14;

/// A byline that holds a time stamp may have this many words.
const STAMPED_BYLINE_WORDS: usize = 24;

/// A line that says who wrote the article or when (`By A. Writer, diplomatic correspondent`,
/// `Thu 20 Nov 2025 09.15 GMT`, `Last updated: 3:51 pm / March 25, 2009`): short, not a
/// sentence, and opening with "By Name" or holding a date or a clock time.
fn is_byline_or_time_stamp(paragraph: &str) -> bool {
    static BYLINE: OnceLock<Regex> = OnceLock::new();
    static STAMP: OnceLock<Regex> = OnceLock::new();
    let byline = BYLINE.get_or_init(|| Regex::new(r"^(?i:by)\s+\p{Lu}").expect("valid"));
    let stamp = STAMP.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|gmt|utc|bst|cet|cest|[ecmp][sd]?t\b)",
            r"|\b\d{1,2}:\d{2}\b",
            r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
            r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
            r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4}\b",
        ))
        .expect("valid")
    });
    let text = paragraph.trim();
    let words = text.split_whitespace().count();
    if text.ends_with(['.', '!', '?', '"', '”']) {
        return false;
    }
    if byline.is_match(text) {
        // A byline with its writers' titles and a time stamp runs longer ("By A. Kim, Associated
        // Press Writer – Fri Apr 3, 3:21 pm ET").
        return words <= STAMP_WORDS || words <= STAMPED_BYLINE_WORDS && stamp.is_match(text);
    }
    if words > STAMP_WORDS {
        return false;
    }
    // Besides the date and time, a stamp holds a few words at most ("Last updated", a weekday,
    // a name): a heading with a date in it ("Cloud Summit: May 5-7, 2026 | Las Vegas") holds more.
    stamp.is_match(text)
        && stamp
            .replace_all(text, " ")
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && !STAMP_WORDS_ASIDE.contains(&w.to_lowercase().as_str()))
            .count()
            <= 3
}

/// A teaser of another story holds at most this many words, in at most this many lines.
const TEASER_WORDS: usize = 60;
const TEASER_LINES: usize = 4;

/// Characters of code, which a teaser does not hold (`WHERE created_at < '2024-06-15 10:30:00';`).
const CODE_MARKS: &[char] = &['=', '<', '>', ';', '{', '}'];

/// A teaser of another story set as one paragraph of lines: a headline, its byline or date, a
/// summary (`The Deal We Made / By Colin Harrison / One couple's tale of ...`). A line labelled
/// as a field (`Date: May 5-7, 2026 / Location: Las Vegas`) is a listing's, not a teaser's.
fn is_teaser_card(paragraph: &str) -> bool {
    let lines: Vec<&str> = paragraph
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    (2..=TEASER_LINES).contains(&lines.len())
        && paragraph.split_whitespace().count() <= TEASER_WORDS
        && !paragraph.contains(CODE_MARKS)
        && lines.iter().any(|line| {
            let labelled = line
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with(':'));
            !labelled && is_byline_or_time_stamp(line)
        })
}

/// Words a time stamp holds besides the date and time.
const STAMP_WORDS_ASIDE: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "at",
    "on",
    "by",
    "and",
    "am",
    "pm",
    "gmt",
    "utc",
];

/// A short paragraph in capitals alone (`ADVERTISEMENT`, `MORE NEWS`, `SEE ALSO:`): a label of
/// the page, unless text follows it as it follows a heading.
fn is_shouted_label(paragraph: &str) -> bool {
    let letters = paragraph.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && paragraph.split_whitespace().count() <= 6
        && paragraph
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Labels that open a line pointing to another page (`Read more: ...`, `Related: ...`).
const PROMOTION_LABELS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "related",
    "see also",
    "more",
    "trending",
    "don't miss",
    "don’t miss",
    "most popular",
    "recommended",
    "watch",
];

/// A line of the page about other pages or about the page itself: a labelled pointer to another
/// story, a copyright notice, an invitation to subscribe.
fn is_promotion_line(paragraph: &str) -> bool {
    let lower = paragraph.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    let labelled = lower
        .split_once(':')
        .is_some_and(|(label, _)| PROMOTION_LABELS.contains(&label.trim()));
    labelled && words <= 25
        || (lower.starts_with('©')
            || lower.starts_with("copyright")
            || lower.contains("all rights reserved"))
            && words <= 40
        || (lower.starts_with("subscribe to") || lower.starts_with("sign up for")) && words <= 12
}

/// The label an advertisement carries between paragraphs.
fn is_advertisement(paragraph: &str) -> bool {
    let label = paragraph.trim().trim_end_matches(':').to_lowercase();
    [
        "advertisement",
        "advertising",
        "sponsored",
        "ad",
        "story continues below advertisement",
    ]
    .contains(&label.as_str())
}

fn is_credit_line(paragraph: &str) -> bool {
    let lower = paragraph.trim_start().to_lowercase();
    paragraph.split_whitespace().count() <= 12
        && CREDIT_OPENERS
            .iter()
            .any(|opener| lower.starts_with(opener))
}

/// The address a browser notes when it saves a page: `<!-- saved from url=(0042)https://... -->`.
fn saved_from_url(html: &str) -> Option<String> {
    let end = (0..=html.len().min(4096))
        .rev()
        .find(|i| html.is_char_boundary(*i))
        .unwrap_or(0);
    let head = &html[..end];
    let (_, rest) = head.split_once("<!-- saved from url=(")?;
    let url = rest.split_once(')')?.1.split_whitespace().next()?;
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.to_string())
}

/// When no article stands out (a short page, a fragment), the visible text of the page is the
/// article.
fn whole_page_text(html: &str) -> Vec<String> {
    let document = Document::from(html);
    document
        .select("nav, header, footer, aside, form, [role=navigation], [aria-hidden=true]")
        .remove();
    let body = document.select_single("body");
    match body.nodes().first() {
        Some(node) => block_text(node),
        None => block_text(&document.root()),
    }
}

/// Whether the first bytes of a document are HTML markup: a doctype, or an `<html>`, `<head>` or
/// `<body>` element near the start.
pub(crate) fn looks_like_html(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    start.starts_with("<!doctype html")
        || start.starts_with("<html")
        || start.starts_with("<head")
        || start.starts_with("<body")
        || (start.starts_with('<')
            && (head.contains("<html") || head.contains("<body") || head.contains("<head")))
}

/// Whether a file named `.html` holds markup at all (else it is read as plain text).
pub(crate) fn has_markup(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "<div", "<br", "<article", "<h1", "<h2", "<span", "<a ", "<table",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

/// The deepest element nesting a page's start and end tags reach, counted without building a
/// tree. Elements whose end tag may be omitted (`p`, `li`, ...) and void elements are not
/// counted, so sloppy but real markup does not add up.
fn nesting_depth(html: &str) -> usize {
    const UNCOUNTED: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot",
        "option", "optgroup", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
        "param", "keygen", "frame",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |p| name_start + p);
        if name_end == name_start {
            continue;
        }
        // Compared without regard to case and without copying the name: pages have thousands of tags.
        let name = &bytes[name_start..name_end];
        let is = |other: &str| name.eq_ignore_ascii_case(other.as_bytes());
        if !closing && ["script", "style", "textarea", "title"].into_iter().any(is) {
            // Raw text: skip to the end tag so '<' inside scripts is not read as markup.
            i = end_tag(bytes, name_end, name).unwrap_or(bytes.len());
            continue;
        }
        if UNCOUNTED.iter().any(|u| is(u)) {
            continue;
        }
        let tag_end = memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |p| name_end + p);
        if closing {
            depth = depth.saturating_sub(1);
        } else if tag_end > 0 && bytes[tag_end - 1] != b'/' {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = tag_end.min(bytes.len());
    }
    deepest
}

/// Where `</name` next occurs from `from`, matched without regard to case.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        at += offset;
        let candidate = &bytes[at + 1..];
        if candidate.first() == Some(&b'/')
            && candidate.len() > name.len()
            && candidate[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        at += 1;
    }
    None
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|b| *b == needle)
}

const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg",
    "button", "select", "textarea",
];

/// The text of an element's blocks, one paragraph per block, white space collapsed as a browser
/// does (ASCII white space only: a non-breaking space is text and stays).
fn block_text(root: &NodeRef) -> Vec<String> {
    blocks(root).into_iter().map(|b| b.text).collect()
}

/// The blocks of an element as [`block_text`] reads them, each with its share of link text.
fn blocks(root: &NodeRef) -> Vec<Block> {
    let mut out = Paragraphs::default();
    let mut in_link = 0usize;
    // An explicit stack of (node, entering) instead of recursion, so depth cannot overflow.
    let mut stack: Vec<(NodeRef, bool)> = vec![(*root, true)];
    let mut preformatted = 0usize;
    while let Some((node, entering)) = stack.pop() {
        if node.is_text() {
            let text = node.text();
            if preformatted > 0 {
                out.push_raw(&text);
            } else {
                out.push_text(&text, in_link > 0);
            }
            continue;
        }
        if !(node.is_element() || node.is_document() || node.is_fragment()) {
            continue;
        }
        // The parser gives HTML names in lower case; the name is borrowed, not copied.
        let qualified = node.qual_name_ref();
        let name: &str = qualified.as_deref().map_or("", |q| q.local.as_ref());
        let block = BLOCKS.contains(&name);
        if entering {
            if SKIPPED.contains(&name) || is_hidden(&node) {
                continue;
            }
            if name == "br" {
                out.line_break();
                continue;
            }
            if block {
                out.break_paragraph();
            }
            if name == "pre" {
                preformatted += 1;
            }
            if name == "a" {
                in_link += 1;
            }
            if name == "figcaption" {
                out.in_caption += 1;
            }
            stack.push((node, false));
            stack.extend(node.children().into_iter().rev().map(|child| (child, true)));
        } else {
            if name == "pre" {
                preformatted -= 1;
            }
            if name == "a" {
                in_link -= 1;
            }
            if block {
                out.break_paragraph();
            }
            if name == "figcaption" {
                out.in_caption -= 1;
            }
        }
    }
    out.finish()
}

/// Whether an element is not shown and will not be: `hidden` (not `hidden=until-found`), or
/// styled `visibility: hidden`. The reader leaves these out; a main container read as it stands
/// must too. `display: none` is not read as hidden: it folds the sections of an accordion, whose
/// text is the article's.
fn is_hidden(node: &NodeRef) -> bool {
    if node
        .attr("hidden")
        .is_some_and(|value| !value.eq_ignore_ascii_case("until-found"))
    {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("visibility:hidden")
    })
}

/// One block of a page as text, and how much of it is the text of links.
#[derive(Clone)]
struct Block {
    text: String,
    /// Share of the block's visible characters that sit inside `<a>` elements.
    link_share: f32,
    /// Whether the block is a picture's caption (inside `figcaption`).
    caption: bool,
}

/// Paragraphs being assembled from text nodes.
#[derive(Default)]
struct Paragraphs {
    done: Vec<Block>,
    current: String,
    pending_space: bool,
    /// Visible characters of the current paragraph inside links.
    current_link_chars: usize,
    /// How many `figcaption` elements the walk is in.
    in_caption: usize,
}

impl Paragraphs {
    fn push_text(&mut self, text: &str, in_link: bool) {
        for (index, word) in text.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if index > 0 {
                self.pending_space = true;
            }
            if word.is_empty() {
                continue;
            }
            if self.pending_space && !self.current.is_empty() && !self.current.ends_with('\n') {
                self.current.push(' ');
            }
            self.pending_space = false;
            self.current.push_str(word);
            if in_link {
                self.current_link_chars += word.chars().count();
            }
        }
    }

    fn push_raw(&mut self, text: &str) {
        self.current.push_str(text);
        self.pending_space = false;
    }

    fn line_break(&mut self) {
        let kept = self.current.trim_end_matches(' ').len();
        self.current.truncate(kept);
        self.current.push('\n');
        self.pending_space = false;
    }

    /// Ends the paragraph; two line breaks in a row (`<br><br>`) also end one.
    fn break_paragraph(&mut self) {
        let current = std::mem::take(&mut self.current);
        let visible = current.chars().filter(|c| !c.is_whitespace()).count();
        let link_share = if visible == 0 {
            0.0
        } else {
            std::mem::take(&mut self.current_link_chars) as f32 / visible as f32
        };
        self.current_link_chars = 0;
        for paragraph in current.split("\n\n") {
            let lines: Vec<&str> = paragraph
                .lines()
                .map(|l| l.trim_matches(' '))
                .filter(|l| !l.trim().is_empty())
                .collect();
            if !lines.is_empty() {
                self.done.push(Block {
                    text: lines.join("\n"),
                    link_share,
                    caption: self.in_caption > 0,
                });
            }
        }
        self.pending_space = false;
    }

    fn finish(mut self) -> Vec<Block> {
        self.break_paragraph();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> Vec<String> {
        block_text(&Document::from(html).root())
    }

    #[test]
    fn blocks_become_paragraphs_and_inline_text_joins() {
        assert_eq!(
            text("<div><h2>Head</h2><p>One <b>bold</b>\n word.</p><blockquote>Quote</blockquote></div>"),
            vec!["Head", "One bold word.", "Quote"]
        );
    }

    #[test]
    fn double_line_breaks_split_paragraphs_and_nbsp_stays() {
        assert_eq!(
            text("<p>A&nbsp;b<br>c<br><br>d</p>"),
            vec!["A\u{a0}b\nc", "d"]
        );
    }

    #[test]
    fn repeated_captions_slide_numbers_and_credits_are_not_the_article() {
        let paragraphs: Vec<String> = [
            "Storm closes the harbour",
            "The harbour closed on Friday after the storm.",
            "Storm closes the harbour",
            "<<",
            "* * *",
            "Credit: Harbour Authority",
            "Screenshot by A. Tan/Harbour News",
            "Storm closes the harbour",
            "Credit unions said they would lend to the fishermen who lost boats in the storm.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            without_page_furniture(paragraphs),
            vec![
                "The harbour closed on Friday after the storm.",
                "Credit unions said they would lend to the fishermen who lost boats in the storm."
            ]
        );
        let years = vec!["2014".to_string(); 3];
        assert_eq!(without_page_furniture(years.clone()), years);
        let only_marks = vec!["<<".to_string(), ">>".to_string()];
        assert_eq!(without_page_furniture(only_marks.clone()), only_marks);
        let long = "The harbour master said the storm was the worst in forty years of records.";
        let repeated_statement = vec![long.to_string(); 3];
        assert_eq!(
            without_page_furniture(repeated_statement.clone()),
            repeated_statement,
            "a long paragraph repeated is text, not a caption"
        );
    }

    #[test]
    fn bylines_and_time_stamps_are_furniture_but_dated_headings_and_sentences_are_not() {
        for stamp in [
            "By Maria Lindqvist, diplomatic correspondent",
            "Thu 20 Nov 2025 09.15 GMT",
            "Last updated: 3:51 pm / March 25, 2009",
            "12/27/2005 5:01:20 PM, by Jeremy Reimer",
            "Apr 6, 5:04 AM EDT",
            "By KWANG-TAE KIM, Associated Press Writer Kwang-tae Kim, Associated Press Writer – Fri Apr 3, 3:21 pm ET",
        ] {
            assert!(is_byline_or_time_stamp(stamp), "{stamp}");
        }
        for text in [
            "Harbour Summit: May 5-7, 2026 | Somerset, NJ",
            "By Friday the harbour had reopened.",
            "The ferry left at 9:15 and reached the island at noon on 4 May 2025.",
            "By the harbour",
            "By Maria Lindqvist and Tom Berg, who covered the storm for the harbour paper over three long winters",
        ] {
            assert!(!is_byline_or_time_stamp(text), "{text}");
        }
    }

    #[test]
    fn runs_of_short_links_and_captions_are_left_out_and_single_links_stay() {
        let block = |text: &str, link_share: f32, caption: bool| Block {
            text: text.to_string(),
            link_share,
            caption,
        };
        let read = vec![
            block(
                "The harbour reopened on Friday after the storm had closed it for a week.",
                0.0,
                false,
            ),
            block(
                "The harbour master, reached by telephone, said so.",
                0.9,
                false,
            ),
            block("The harbour at dawn. Photograph: Harbour Agency", 0.0, true),
            block(
                "Fishermen said they had lost a week of catches and two boats.",
                0.0,
                false,
            ),
            block("Most read", 0.0, false),
            block("Storm closes the harbour", 1.0, false),
            block("Ferries cancelled", 1.0, false),
            block("Fishermen count the cost", 1.0, false),
        ];
        assert_eq!(
            without_link_lists(read),
            vec![
                "The harbour reopened on Friday after the storm had closed it for a week.",
                "The harbour master, reached by telephone, said so.",
                "Fishermen said they had lost a week of catches and two boats.",
            ]
        );
    }

    #[test]
    fn a_page_made_mostly_of_links_keeps_them() {
        let block = |text: &str, link_share: f32| Block {
            text: text.to_string(),
            link_share,
            caption: false,
        };
        // A table-laid-out page: a short story among more words of navigation links.
        let read = vec![
            block("Tales of the month", 1.0),
            block("The dog and its reflection", 1.0),
            block("The fox and the grapes", 1.0),
            block("The hare and the tortoise race again", 1.0),
            block(
                "A dog carried a bone over a bridge and saw another dog.",
                0.0,
            ),
            block("Origami of the day", 1.0),
            block("Audio of the story", 1.0),
            block("Birthday flower of the day", 1.0),
        ];
        let texts: Vec<String> = read.iter().map(|b| b.text.clone()).collect();
        assert_eq!(without_link_lists(read), texts);
    }

    #[test]
    fn pointers_to_other_stories_and_copyright_notices_are_furniture() {
        for line in [
            "Read more: Storm closes the harbour",
            "Related: Fishermen count the cost",
            "© 2025 Harbour News. All rights reserved.",
            "Subscribe to our newsletter",
        ] {
            assert!(is_promotion_line(line), "{line}");
        }
        for text in [
            "More than forty boats were lost in the storm.",
            "The harbour master said: the repairs will take a month.",
        ] {
            assert!(!is_promotion_line(text), "{text}");
        }
    }

    #[test]
    fn an_advertisements_markup_shown_as_text_is_furniture_but_code_is_not() {
        let paragraphs: Vec<String> = [
            "<a href=\"https://ads.example/click?id=4\" target=\"_top\"><img src=\"https://ads.example/b.gif\"></a>",
            "The harbour reopened on Friday after the storm had closed it for a week.",
            "<Project>\n<PropertyGroup>\n<TargetFramework>net8.0</TargetFramework>",
            "<script src=\"vendor/blanket.js\"></script>",
            "Use <a href=\"...\"> for links, the guide says, and <img src=\"...\"> for pictures.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(without_page_furniture(paragraphs.clone()), paragraphs[1..]);
    }

    #[test]
    fn a_label_in_capitals_stays_when_text_follows_it() {
        let paragraphs: Vec<String> = [
            "THE HARBOUR",
            "The harbour reopened on Friday after the storm had closed it for a whole week.",
            "ADVERTISEMENT",
            "Fishermen said they had lost a week of catches and two of their boats to the storm.",
            "MORE NEWS",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            without_page_furniture(paragraphs.clone()),
            vec![
                paragraphs[0].clone(),
                paragraphs[1].clone(),
                paragraphs[3].clone()
            ]
        );
    }

    /// A guide under `<main>` in three sections of prose, each under its heading.
    const GUIDE_IN_SECTIONS: &str = "<html><body><nav><a href=/>Home</a></nav><main>\
        <section><h2>Before the storm</h2>\
        <p>The harbour master closes the outer basin when the forecast gives winds above force nine.</p>\
        <p>Boats in the outer basin are moved to the inner moorings before the evening tide.</p></section>\
        <section><h2>During the storm</h2>\
        <p>Nobody is allowed on the breakwater while the warning flag flies over the pier.</p>\
        <p>The lifeboat crew waits at the station with the engines warm and the doors open.</p></section>\
        <section><h2>After the storm</h2>\
        <p>Divers check the moorings and the harbour wall before the basin is opened again.</p>\
        <p>Owners are told by text message when they may return to their boats.</p>\
        <p><a href=/a>Alma Rossi, Ben Okafor, Chen Wei, Dana Ilves, Emil Berg and the other volunteers.</a></p>\
        </section></main></body></html>";

    fn reader_kept_the_middle_section() -> Vec<String> {
        [
            "Nobody is allowed on the breakwater while the warning flag flies over the pier.",
            "The lifeboat crew waits at the station with the engines warm and the doors open.",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn prose_the_reader_left_in_the_main_container_is_the_rest_of_the_article() {
        let document = Document::from(GUIDE_IN_SECTIONS);
        let container = main_container(&document, GUIDE_IN_SECTIONS).expect("main");
        assert_eq!(
            with_rest_of_container(reader_kept_the_middle_section(), &container),
            vec![
                "Before the storm",
                "The harbour master closes the outer basin when the forecast gives winds above force nine.",
                "Boats in the outer basin are moved to the inner moorings before the evening tide.",
                "During the storm",
                "Nobody is allowed on the breakwater while the warning flag flies over the pier.",
                "The lifeboat crew waits at the station with the engines warm and the doors open.",
                "After the storm",
                "Divers check the moorings and the harbour wall before the basin is opened again.",
                "Owners are told by text message when they may return to their boats.",
            ],
            "the list of names is links, not prose"
        );
    }

    #[test]
    fn a_body_named_by_itemprop_is_not_read_beyond_the_reader() {
        let named = GUIDE_IN_SECTIONS.replace("<main>", "<main itemprop=articleBody>");
        let document = Document::from(named.as_str());
        let container = main_container(&document, &named).expect("articleBody");
        assert_eq!(
            with_rest_of_container(reader_kept_the_middle_section(), &container),
            reader_kept_the_middle_section()
        );
    }

    #[test]
    fn a_main_container_of_teasers_and_links_adds_nothing() {
        let page = "<main><p>Nobody is allowed on the breakwater while the warning flag flies over the pier.</p>\
            <p>The lifeboat crew waits at the station with the engines warm and the doors open.</p>\
            <p>Storm closes the harbour for a week</p><p>Ferries cancelled until Monday morning at the earliest</p>\
            <p>Fishermen count the cost of a lost week of catches - read the full story here</p></main>";
        let document = Document::from(page);
        let container = main_container(&document, page).expect("main");
        assert_eq!(
            with_rest_of_container(reader_kept_the_middle_section(), &container),
            reader_kept_the_middle_section()
        );
    }

    /// The article's text, after streamed segments are placed.
    fn placed(page: &str) -> Vec<String> {
        let document = Document::from(page);
        place_streamed_segments(&document, page);
        assert!(
            document.select("[hidden]").is_empty(),
            "placed segments are no longer hidden"
        );
        block_text(
            document
                .select_single("article")
                .nodes()
                .first()
                .expect("article"),
        )
    }

    #[test]
    fn a_streamed_segment_takes_the_place_of_its_boundary_fallback() {
        let page = "<body><article><p>The council met on Monday.</p>\
            <!--$?--><template id=\"B:0\"></template><div>Loading paragraph...</div><!--/$-->\
            <p>The vote is next week.</p></article>\
            <div hidden id=\"S:0\"><p>It approved the harbour budget.</p></div></body>";
        assert_eq!(
            placed(page),
            [
                "The council met on Monday.",
                "It approved the harbour budget.",
                "The vote is next week."
            ]
        );
    }

    #[test]
    fn streamed_segments_fill_placeholders_inside_other_segments() {
        let page = "<body><article><!--$?--><template id=\"B:1\"></template><p>Loading</p><!--/$--></article>\
            <div hidden id=\"S:2\"><p>The ferry runs again from Friday.</p></div>\
            <div hidden id=\"S:1\"><h2>Harbour</h2><template id=\"P:2\"></template></div></body>";
        assert_eq!(
            placed(page),
            ["Harbour", "The ferry runs again from Friday."]
        );
    }

    #[test]
    fn a_page_saved_without_comments_loses_only_a_short_fallback() {
        let page = "<body><article><template id=\"B:3\"></template><div>Loading image...</div>\
            <template id=\"B:4\"></template><p>The pier was closed for repairs all through the winter.</p>\
            </article><div hidden id=\"S:3\"><p>A photograph of the pier.</p></div>\
            <div hidden id=\"S:4\"><p>Repairs cost more than planned.</p></div></body>";
        assert_eq!(
            placed(page),
            [
                "A photograph of the pier.",
                "Repairs cost more than planned.",
                "The pier was closed for repairs all through the winter."
            ]
        );
    }

    #[test]
    fn teasers_set_as_lines_are_furniture_but_listings_and_code_are_not() {
        for teaser in [
            "The Deal We Made for the Good Life\nBy Colin Harrison\nOne couple's tale of moving in with grandma.",
            "The World's Richest People\nGates No Longer World's Richest Man\nMatthew Miller 03.05.08, 6:00 PM ET",
        ] {
            assert!(is_teaser_card(teaser), "{teaser}");
        }
        for text in [
            "Date: January 6-9, 2026\nLocation: Las Vegas, USA\nFocus: Consumer electronics",
            "SELECT * FROM orders\nWHERE created_at < '2024-06-15 10:30:00'\nLIMIT 20;",
            "By Colin Harrison",
            "The harbour reopened on Friday.\nBoats went out again on the morning tide.",
        ] {
            assert!(!is_teaser_card(text), "{text}");
        }
    }

    #[test]
    fn classes_that_name_a_caption_and_classes_that_only_mention_one() {
        for name in [
            "wp-caption-text",
            "photoCaption",
            "cnnStoryPhotoCaptionBox",
            "caption",
        ] {
            assert!(names_caption(name), "{name}");
        }
        for name in [
            "buzz_attr_no_caption",
            "has-caption",
            "nocaption",
            "headline",
        ] {
            assert!(!names_caption(name), "{name}");
        }
    }

    #[test]
    fn captions_named_by_class_or_id_are_left_out_but_wrappers_named_so_are_not() {
        let wrapper_prose = "The harbour reopened on Friday after the storm. ".repeat(12);
        let page = format!(
            "<div class=\"wp-caption\"><img src=a.jpg><p class=\"wp-caption-text\">\
             Fishermen mend their nets on the quay at Ullapool.</p></div>\
             <div id=photoCaption>Photo: Ann Lee / Harbour Press</div>\
             <div class=has-caption><p>{wrapper_prose}</p></div>\
             <p><span class=attr_no_caption>Boats went out again on the morning tide.</span></p>"
        );
        let document = Document::from(page.as_str());
        let captions = marked_captions(&document, &page);
        let paragraphs: Vec<String> = [
            "The harbour reopened on Friday after the storm had closed it for a whole week.",
            "Fishermen mend their nets on the quay at Ullapool.",
            "Photo: Ann Lee / Harbour Press",
            "The harbour reopened on Friday after the storm.",
            "Boats went out again on the morning tide.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            without_captions(paragraphs.clone(), &captions),
            vec![
                paragraphs[0].clone(),
                paragraphs[3].clone(),
                paragraphs[4].clone()
            ],
            "a long element named as a caption is a wrapper, and a no_caption span is not a caption"
        );
        assert_eq!(
            without_captions(paragraphs[1..2].to_vec(), &captions),
            paragraphs[1..2].to_vec(),
            "a page whose only text is a caption keeps it"
        );
    }

    #[test]
    fn hidden_elements_are_not_text_but_folded_ones_are() {
        assert_eq!(
            text("<div><p>Shown</p><p style=\"visibility: hidden\">Invisible</p><p hidden>Gone</p>\
                  <p hidden=until-found>Found</p><div style=\"display:none\"><p>Folded</p></div></div>"),
            vec!["Shown", "Found", "Folded"]
        );
    }

    #[test]
    fn mathematics_is_text() {
        assert_eq!(
            text("<p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, two</p>"),
            vec!["When a≠0, two"]
        );
    }

    #[test]
    fn scripts_and_styles_are_not_text() {
        assert_eq!(
            text("<p>Kept<script>var x = 1;</script><style>p{}</style></p>"),
            vec!["Kept"]
        );
    }

    #[test]
    fn the_address_a_browser_noted_when_saving_is_found() {
        let page = "<!-- saved from url=(0031)https://ledger.example/a.html -->\n<html>";
        assert_eq!(
            saved_from_url(page).as_deref(),
            Some("https://ledger.example/a.html")
        );
        assert_eq!(saved_from_url("<html>"), None);
    }

    #[test]
    fn depth_counts_nested_containers_only() {
        assert_eq!(
            nesting_depth("<div><div><p>a<p>b<br><img src=x></div></div>"),
            2
        );
        assert_eq!(nesting_depth("<script>if (a<b) {}</script><div></div>"), 1);
        assert_eq!(
            nesting_depth("<DIV><Div><P>a<SCRIPT>if (a<b) {}</Script></div></DIV>"),
            2
        );
    }
}
