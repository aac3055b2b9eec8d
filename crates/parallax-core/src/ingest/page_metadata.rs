//! What a web page says about its article: JSON-LD, Open Graph and other meta tags, `<time>`
//! elements, the canonical link and the page's language.
//!
//! The publication date comes from `datePublished`, `article:published_time`, `<time datetime>`,
//! dated meta tags or the address, in that order, and never from a modified time: a story updated
//! a week later was still published when it was published.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;

use std::sync::LazyLock;

use regex::Regex;

use super::metadata::{
    clean_title, date_in_url, dates_in, normalize_date, outlet_from_url, outlet_named, Metadata,
};

/// Reads the page's own metadata, before the reader view changes the document.
pub(crate) fn read(document: &Document) -> Metadata {
    let linked = linked_data(document);
    let tags = meta_tags(document);
    let meta = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| tags.get(&name.to_ascii_lowercase()).cloned())
    };
    let url = attr(document, "link[rel~='canonical']", "href")
        .or_else(|| meta(&["og:url"]))
        .or(linked.url)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let published = linked
        .published
        .or_else(|| {
            meta(&[
                "article:published_time",
                "og:published_time",
                "datePublished",
            ])
        })
        .and_then(|d| normalize_date(&d))
        .or_else(|| time_element(document))
        .or_else(|| {
            meta(&[
                "pubdate",
                "publishdate",
                "publish-date",
                "publish_date",
                "date",
                "dc.date.issued",
                "dcterms.created",
                "DC.date",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "published_time",
                "cXenseParse:recs:publishtime",
            ])
            .and_then(|d| normalize_date(&d))
        })
        .or_else(|| url.as_deref().and_then(date_in_url));
    let language = attr(document, "html", "lang")
        .or_else(|| attr(document, "meta[http-equiv='content-language' i]", "content"))
        .or_else(|| meta(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or(linked.language);
    Metadata {
        title: linked
            .title
            .or_else(|| meta(&["og:title", "twitter:title"])),
        outlet: meta(&["og:site_name", "application-name"]).or(linked.outlet),
        byline: linked
            .byline
            .or_else(|| meta(&["author", "article:author", "byl", "parsely-author"])),
        published,
        url,
        language: language
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty()),
    }
}

/// Elements that hold the page's headline when it has one: a heading of the first rank, the
/// schema.org property, or an element its publishing system names for it.
const HEADLINE_ELEMENTS: &str = "h1, [itemprop=headline], [class*=headline], [class*=arttitle], \
     [class*=article-title], [class*=articletitle], [class*=story-title], [class*=entry-title], \
     [class*=post-title]";

/// Other headings, which may be the headline or a section's name.
const OTHER_HEADINGS: &str = "h2, h3";

/// Headings read from a page at most, of each of the two kinds: the headline is near the top.
const MAX_HEADINGS: usize = 40;

/// A text the page shows as a heading.
pub(crate) struct Heading {
    text: String,
    /// Marked as the headline (`h1`, `itemprop=headline`, a headline's class or meta tag).
    headline: bool,
}

/// The page's headings, for [`finish`] to find the headline inside the page's `<title>`; read
/// before the reader view changes the document.
pub(crate) fn headings(document: &Document) -> Vec<Heading> {
    let texts = |selector: &str| -> Vec<String> {
        document
            .select(selector)
            .nodes()
            .iter()
            .filter(|heading| !in_site_banner(heading))
            .take(MAX_HEADINGS)
            .map(|heading| {
                heading
                    .text()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|text| !text.is_empty())
            .collect()
    };
    let marked = attr(document, "meta[name='headline' i]", "content").into_iter();
    marked
        .chain(texts(HEADLINE_ELEMENTS))
        .map(|text| Heading {
            text,
            headline: true,
        })
        .chain(texts(OTHER_HEADINGS).into_iter().map(|text| Heading {
            text,
            headline: false,
        }))
        .collect()
}

/// Words of a class or id that mark the site's own banner, whose heading is the site's name.
const BANNER_MARKS: &[&str] = &[
    "logo",
    "brand",
    "masthead",
    "site-title",
    "sitetitle",
    "site-name",
    "sitename",
];

/// Levels of ancestors looked at for a banner's marks.
const BANNER_DEPTH: usize = 3;

/// Whether a heading is, or sits in, the site's logo or masthead (`<h1 class="topbar__logo">`).
fn in_site_banner(heading: &dom_query::NodeRef<'_>) -> bool {
    std::iter::successors(Some(*heading), |node| node.parent())
        .take(BANNER_DEPTH + 1)
        .any(|node| {
            ["class", "id"]
                .into_iter()
                .filter_map(|attribute| node.attr(attribute))
                .any(|value| {
                    let value = value.to_ascii_lowercase();
                    BANNER_MARKS.iter().any(|mark| value.contains(mark))
                })
        })
}

/// Merges the page's metadata with the reader view's, cleans the headline and fills the outlet
/// from the address when the page does not name itself. `headings` are the page's own
/// ([`headings`]): a `<title>` that wraps one of them in site and section names gives that one.
pub(crate) fn finish(page: Metadata, reader: Metadata, headings: &[Heading]) -> Metadata {
    // The reader's headline is already cut from "<title>" by Readability's rules, and its outlet
    // prefers the JSON-LD publisher to og:site_name, which often carries a tagline
    // ("Aktuálně.cz - Víte, co se právě děje"). The page's own fields are the fallback.
    let bylines: Vec<(String, Option<String>)> = [reader.byline.as_deref(), page.byline.as_deref()]
        .into_iter()
        .flatten()
        .map(read_byline)
        .collect();
    let byline = bylines
        .iter()
        .map(|(name, _)| name)
        .find(|b| plausible_byline(b))
        .cloned();
    let dated_byline = bylines.into_iter().find_map(|(_, date)| date);
    let mut found = Metadata {
        title: reader.title.clone().or(page.title.clone()),
        outlet: reader.outlet.clone().or(page.outlet.clone()),
        ..page
    }
    .or(reader);
    // Only a byline that names someone: the reader's raw one is no fallback.
    found.byline = byline;
    // A date written in the byline is the last resort for the publication date.
    found.published = found.published.or(dated_byline);
    found.outlet = found
        .outlet
        .map(|o| o.split_whitespace().collect::<Vec<_>>().join(" "))
        // Some pages put their address in og:site_name ("http://www.tmz.com").
        .map(|o| {
            if o.contains("://") {
                outlet_from_url(&o).unwrap_or(o)
            } else {
                o
            }
        })
        .or_else(|| found.url.as_deref().and_then(outlet_from_url));
    let headline = found
        .title
        .as_deref()
        .and_then(|t| headline_in_title(t, headings));
    if let (None, Some(title), Some(headline)) = (&found.outlet, &found.title, &headline) {
        found.outlet = site_in_title(title, headline).and_then(outlet_named);
    }
    found.title = headline
        .or(found.title)
        .map(|t| clean_title(&t, found.outlet.as_deref()))
        .filter(|t| !t.is_empty());
    found
}

/// The part of a title that names its site, around the headline found in it: the first part
/// before the headline ("Forbes.com: …", "BBC NEWS | Technology | …"), else the last part after
/// it ("… - Los Angeles Times").
fn site_in_title<'a>(title: &'a str, headline: &str) -> Option<&'a str> {
    let at = title.find(headline)?;
    let trim = |piece: &'a str| {
        piece.trim_matches(|c: char| c.is_whitespace() || SEPARATOR_MARKS.contains(&c))
    };
    let first = |text: &'a str| {
        TITLE_SEPARATORS
            .iter()
            .filter_map(|separator| text.find(separator))
            .min()
            .map_or(text, |end| &text[..end])
    };
    let last = |text: &'a str| {
        TITLE_SEPARATORS
            .iter()
            .filter_map(|separator| text.rfind(separator).map(|at| at + separator.len()))
            .max()
            .map_or(text, |start| &text[start..])
    };
    let before = trim(&title[..at]);
    let after = trim(&title[at + headline.len()..]);
    let site = if !before.is_empty() {
        trim(first(before))
    } else {
        trim(last(after))
    };
    (!site.is_empty()).then_some(site)
}

/// What a page's `<title>` puts between its headline and the names of its site and section
/// ("Forbes.com: …", "BBC NEWS | Technology | …", "… - CNN.com", "… -- Daily Intel -- …").
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " -- ", " – ", " — ", ": ", " :: ", " » ", " · ", " / ",
];

/// Marks a separator may leave at either end of a piece ("… :: Site ::").
const SEPARATOR_MARKS: &[char] = &['|', '-', '–', '—', ':', '»', '·', '/'];

/// Words a part of the title must hold to be taken for the headline: a section's name
/// ("Technology", "South Asia") is shorter. A part the page marks as its headline needs fewer.
const MIN_HEADLINE_WORDS: usize = 3;
const MIN_MARKED_HEADLINE_WORDS: usize = 2;

/// The part of `title` (a run of its pieces between separators) that the page also shows as a
/// heading, the longest when several are; `None` when the whole title is a heading or no part
/// is. The page's own heading is the surest sign of where the site's names end, whatever the
/// order and the separators it writes them with.
fn headline_in_title(title: &str, headings: &[Heading]) -> Option<String> {
    let headings: Vec<(String, bool)> = headings
        .iter()
        .map(|h| (comparable(&h.text), h.headline))
        .collect();
    // How many words a run must hold to count, when the page shows it.
    let shown = |text: &str| {
        let text = comparable(text);
        headings
            .iter()
            .filter(|(heading, _)| !text.is_empty() && *heading == text)
            .map(|(_, headline)| {
                if *headline {
                    MIN_MARKED_HEADLINE_WORDS
                } else {
                    MIN_HEADLINE_WORDS
                }
            })
            .min()
    };
    if shown(title).is_some() {
        return None;
    }
    // Where each piece starts and ends in the title.
    let mut pieces = vec![(0, title.len())];
    for separator in TITLE_SEPARATORS {
        pieces = pieces
            .into_iter()
            .flat_map(|(start, end)| {
                let mut split = Vec::new();
                let mut from = start;
                for (at, _) in title[start..end].match_indices(separator) {
                    split.push((from, start + at));
                    from = start + at + separator.len();
                }
                split.push((from, end));
                split
            })
            .collect();
    }
    let mut best: Option<&str> = None;
    for first in 0..pieces.len() {
        for last in first..pieces.len() {
            let run = title[pieces[first].0..pieces[last].1]
                .trim_matches(|c: char| c.is_whitespace() || SEPARATOR_MARKS.contains(&c));
            // A colon ends a site's name ("Forbes.com: …") or opens the headline's own second
            // part ("Index Funds: How to Invest"), which stays.
            let before_colon = title[pieces[last].1..].starts_with(':');
            if !before_colon
                && best.is_none_or(|b| run.len() > b.len())
                && shown(run).is_some_and(|least| run.split_whitespace().count() >= least)
            {
                best = Some(run);
            }
        }
    }
    best.map(str::to_string)
}

/// A heading or title as compared: its words, lower-cased, without punctuation or quotes.
fn comparable(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A byline names people: not an address, not a date line, not a paragraph.
fn plausible_byline(byline: &str) -> bool {
    !byline.is_empty()
        && !byline.contains("://")
        && byline.chars().count() <= 120
        && byline.chars().next().is_some_and(char::is_alphabetic)
        && !byline.starts_with(|c: char| c.is_ascii_digit())
        && normalize_date(byline).is_none_or(|_| byline.split_whitespace().count() > 4)
}

/// JSON-LD as some pages wrap it, in `<![CDATA[ ... ]]>`.
fn without_cdata(text: &str) -> &str {
    let text = text.trim();
    let text = match (text.find("<![CDATA["), text.rfind("]]>")) {
        (Some(start), Some(end)) if start + 9 <= end => &text[start + 9..end],
        _ => text,
    };
    text.trim().trim_end_matches(';')
}

/// "By Jane Doe" and "Jane Doe, Staff Writer" read as "Jane Doe".
/// Labels that put a name after them in a byline written with a date before it ("Aug 15
/// Written By Tyler King", "Updated January 8, 2026 Written by Meghan Neville").
static NAME_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:written|posted|authored|reported)\s+by\s*:?\s*").expect("valid pattern")
});

/// Where a byline's name ends: a date's label, written even without a space before it
/// ("Cazzy MagennisLast Updated:"), a time or any other number.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:last\s*)?(?:updated|published|posted)\b|\d").expect("valid pattern")
});

/// An address or a social handle in brackets after a name ("(http://ebb.org/bkuhn/)",
/// "(@MelissaBreyer)"); other brackets are the name's ("Bruno (Henrique Zecchin) Rodrigues").
static LINK_IN_BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\((?:[^()]*://[^()]*|\s*@[^()]*)\)").expect("valid pattern"));

/// Characters before a date in a byline searched for an "Updated" label.
const UPDATE_LABEL_REACH: usize = 16;

/// A byline as pages write it, with dates, times and labels around the name: its name, and the
/// first full date written in it. "Andrew Gerrand 4 August 2010", "Written By:Cazzy
/// MagennisLast Updated:August 1, 2025", "Arik Hesseldahl, 04.08.05, 1:21 PM ET".
fn read_byline(byline: &str) -> (String, Option<String>) {
    let byline = byline.split_whitespace().collect::<Vec<_>>().join(" ");
    let byline = LINK_IN_BRACKETS.replace_all(&byline, "");
    let dates = dates_in(&byline);
    // A date the byline labels as an update is not the publication's.
    let date = dates
        .iter()
        .find(|(range, _)| {
            let before: Vec<char> = byline[..range.start]
                .chars()
                .rev()
                .take(UPDATE_LABEL_REACH)
                .collect();
            let label: String = before.into_iter().rev().collect();
            !label.to_lowercase().contains("updated")
        })
        .map(|(_, day)| day.clone());
    // The name after a label that a date or another label comes before.
    let mut name: &str = &byline;
    if let Some(label) = NAME_LABEL.find_iter(&byline).last() {
        name = if label.start() == 0 || NAME_END.is_match(&byline[..label.start()]) {
            &byline[label.end()..]
        } else {
            name
        };
    }
    let name = clean_byline(name);
    let end = NAME_END
        .find(&name)
        .map(|m| m.start())
        .into_iter()
        .chain(dates_in(&name).first().map(|(range, _)| range.start))
        .min()
        .unwrap_or(name.len());
    let mut name = name[..end].trim_matches(|c: char| c.is_whitespace() || ",|·-–—:/(".contains(c));
    // The weekday of a date that follows ("Joe Wee Monday, February 29, 2016").
    if let Some((rest, last)) = name.rsplit_once(' ') {
        if crate::text::lexicon::weekday_index(last.trim_end_matches(',')).is_some() {
            name = rest.trim_end_matches([',', ' ']);
        }
    }
    (name.to_string(), date)
}

fn clean_byline(byline: &str) -> String {
    let byline = byline.split_whitespace().collect::<Vec<_>>().join(" ");
    let byline = [
        "By ", "by ", "BY ", "Par ", "par ", "Von ", "von ", "Por ", "por ",
    ]
    .iter()
    .find_map(|prefix| byline.strip_prefix(prefix))
    .unwrap_or(&byline);
    byline
        .trim_matches(|c: char| c == ',' || c == '|' || c.is_whitespace())
        .to_string()
}

/// The page's `<meta>` tags by `property`, `name` or `itemprop` (lower-cased), read in one pass;
/// the first tag with a name wins.
fn meta_tags(document: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for tag in document.select("meta[content]").nodes() {
        let Some(content) = tag
            .attr("content")
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(name) = tag.attr(key) {
                tags.entry(name.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
    }
    tags
}

fn attr(document: &Document, selector: &str, name: &str) -> Option<String> {
    document.select(selector).iter().find_map(|n| {
        n.attr(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    })
}

/// A `<time>` element marked as the publication time, else the first one with a date.
fn time_element(document: &Document) -> Option<String> {
    let marked = "time[itemprop='datePublished'], time[pubdate], [itemprop='datePublished'][datetime], [itemprop='datePublished'][content]";
    let date_of = |n: &dom_query::NodeRef| {
        n.attr("datetime")
            .or_else(|| n.attr("content"))
            .and_then(|d| normalize_date(&d))
    };
    document
        .select(marked)
        .iter()
        .find_map(|n| n.nodes().first().and_then(date_of))
        .or_else(|| {
            document
                .select("article time[datetime], time[datetime]")
                .iter()
                .filter(|n| {
                    !n.attr("class")
                        .is_some_and(|c| c.contains("updated") || c.contains("modified"))
                })
                .find_map(|n| n.nodes().first().and_then(date_of))
        })
}

/// The fields of the page's schema.org article, from its JSON-LD blocks.
fn linked_data(document: &Document) -> Metadata {
    let mut found = Metadata::default();
    for script in document.select("script[type='application/ld+json']").iter() {
        let Ok(value) = serde_json::from_str::<Value>(without_cdata(&script.text())) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(object) => {
                    if let Some(graph) = object.get("@graph") {
                        stack.push(graph);
                    }
                    if is_article(object.get("@type")) {
                        found = found.or(article_fields(object));
                    }
                }
                _ => {}
            }
        }
    }
    found
}

fn is_article(kind: Option<&Value>) -> bool {
    let named = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "WebPage" | "Posting"
            )
    };
    match kind {
        Some(Value::String(s)) => named(s),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| k.as_str().is_some_and(named)),
        _ => false,
    }
}

fn article_fields(object: &serde_json::Map<String, Value>) -> Metadata {
    let text = |key: &str| object.get(key).and_then(name_of).filter(|s| !s.is_empty());
    Metadata {
        title: text("headline").or_else(|| text("name")),
        outlet: text("publisher").or_else(|| text("sourceOrganization")),
        byline: text("author").or_else(|| text("creator")),
        published: text("datePublished").or_else(|| text("dateCreated")),
        url: text("url")
            .or_else(|| text("mainEntityOfPage"))
            .filter(|u| u.starts_with("http")),
        language: text("inLanguage"),
    }
}

/// A JSON-LD value as text: a string, an object's `name` (or `@id`), or a list of names.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o.get("name").or_else(|| o.get("@id")).and_then(name_of),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .filter_map(name_of)
                .filter(|n| !n.is_empty())
                .collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wins_and_the_modified_time_is_ignored() {
        let page = Document::from(
            r#"<html lang="en-GB"><head>
            <meta property="article:modified_time" content="2025-12-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
              "headline":"Talks resume","datePublished":"2025-11-20T09:15:00+01:00","dateModified":"2025-12-01",
              "author":[{"@type":"Person","name":"Jane Doe"}],"publisher":{"@type":"Organization","name":"The Ledger"}}]}</script>
            <link rel="canonical" href="https://ledger.example/world/talks"></head><body></body></html>"#,
        );
        let found = read(&page);
        assert_eq!(found.title.as_deref(), Some("Talks resume"));
        assert_eq!(found.published.as_deref(), Some("2025-11-20T08:15:00Z"));
        assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(found.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(
            found.url.as_deref(),
            Some("https://ledger.example/world/talks")
        );
        assert_eq!(found.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn time_elements_and_url_dates_are_fallbacks() {
        let page =
            Document::from(r#"<article><time datetime="2025-11-20">Nov 20</time></article>"#);
        assert_eq!(read(&page).published.as_deref(), Some("2025-11-20"));
        let page = Document::from(
            r#"<link rel="canonical" href="https://www.nytimes.com/2025/11/19/world/talks.html">"#,
        );
        let found = finish(read(&page), Metadata::default(), &[]);
        assert_eq!(found.published.as_deref(), Some("2025-11-19"));
        assert_eq!(found.outlet.as_deref(), Some("The New York Times"));
    }

    #[test]
    fn an_address_given_as_site_name_becomes_an_outlet() {
        let reader = Metadata {
            outlet: Some("http://www.tmz.com".into()),
            ..Metadata::default()
        };
        assert_eq!(
            finish(Metadata::default(), reader, &[]).outlet.as_deref(),
            Some("TMZ")
        );
    }

    fn heading(text: &str, headline: bool) -> Heading {
        Heading {
            text: text.into(),
            headline,
        }
    }

    #[test]
    fn the_headline_is_the_part_of_the_title_the_page_shows_as_a_heading() {
        let page = Document::from(
            r#"<html><head><title>BBC NEWS | Technology | Apple admits to iPod Nano faults</title></head>
            <body><h2>Technology</h2><h1>Apple admits to iPod Nano faults</h1><p>Text.</p></body></html>"#,
        );
        let reader = Metadata {
            title: Some("BBC NEWS | Technology | Apple admits to iPod Nano faults".into()),
            ..Metadata::default()
        };
        let found = finish(read(&page), reader, &headings(&page));
        assert_eq!(
            found.title.as_deref(),
            Some("Apple admits to iPod Nano faults")
        );
        // The site's part of the title names the outlet the page names nowhere else.
        assert_eq!(found.outlet.as_deref(), Some("BBC News"));
        // A short headline the page marks as such, by a heading, a class or a meta tag.
        for marked in [
            "<h1>Smear tactics</h1>",
            r#"<span class="mainarttitle">Smear tactics</span>"#,
        ] {
            let page = Document::from(format!(
                "<html><head><title>Smear tactics - Los Angeles Times</title></head><body>{marked}</body></html>"
            ));
            assert_eq!(
                headline_in_title("Smear tactics - Los Angeles Times", &headings(&page)).as_deref(),
                Some("Smear tactics"),
                "{marked}"
            );
        }
        // The site's name in its banner's heading is not the headline.
        let page = Document::from(
            r#"<html><body><div class="topbar__logo"><h1>Pixel Diary</h1></div><p>Maples.</p></body></html>"#,
        );
        assert_eq!(
            headline_in_title(
                "Autumn maples at the camp :: Pixel Diary ::",
                &headings(&page)
            ),
            None
        );
        let page = Document::from(
            r#"<html><head><meta name="Headline" content="Smear tactics"></head><body><h2>Opinion</h2></body></html>"#,
        );
        assert_eq!(
            headline_in_title(
                "Opinion | Smear tactics | Los Angeles Times",
                &headings(&page)
            )
            .as_deref(),
            Some("Smear tactics")
        );

        // The site's name first, after a colon or a dash; a date after the headline.
        let shown = [heading("Great Automotive Comebacks", true)];
        assert_eq!(
            headline_in_title("Forbes.com: Great Automotive Comebacks", &shown).as_deref(),
            Some("Great Automotive Comebacks")
        );
        let shown = [heading("Rita growing weaker, slower", false)];
        assert_eq!(
            headline_in_title(
                "CNN.com - Rita growing weaker, slower - Sep 25, 2005",
                &shown
            )
            .as_deref(),
            Some("Rita growing weaker, slower")
        );
        // A headline with a colon of its own is taken whole.
        let shown = [heading("Obama: Race 'Not the Overriding Issue Here'", true)];
        assert_eq!(
            headline_in_title(
                "Obama: Race 'Not the Overriding Issue Here' - Political News - FOXNews.com",
                &shown
            )
            .as_deref(),
            Some("Obama: Race 'Not the Overriding Issue Here'")
        );
    }

    #[test]
    fn the_site_part_of_a_title_names_the_outlet_only_when_it_is_surely_one() {
        let site =
            |title: &str, headline: &str| site_in_title(title, headline).and_then(outlet_named);
        assert_eq!(
            site(
                "Forbes.com: Great Automotive Comebacks",
                "Great Automotive Comebacks"
            )
            .as_deref(),
            Some("Forbes.com")
        );
        assert_eq!(
            site(
                "CNN.com - Rita growing weaker - Sep 25, 2005",
                "Rita growing weaker"
            )
            .as_deref(),
            Some("CNN")
        );
        assert_eq!(
            site("Smear tactics - Los Angeles Times", "Smear tactics").as_deref(),
            Some("Los Angeles Times")
        );
        // A section's name is no outlet.
        assert_eq!(
            site(
                "Lawmakers Defend Earmarks - Presidential Politics",
                "Lawmakers Defend Earmarks"
            ),
            None
        );
        assert_eq!(
            site("Pay deal agreed | Local News", "Pay deal agreed"),
            None
        );
    }

    #[test]
    fn a_title_stays_whole_when_the_page_shows_it_or_only_a_section_name() {
        // What follows a colon is the headline's own, though the page's heading leaves it out.
        let shown = [heading("Index Funds", true)];
        assert_eq!(
            headline_in_title("Index Funds: How to Invest", &shown),
            None
        );
        let shown = [heading("Talks resume: what comes next", true)];
        assert_eq!(
            headline_in_title("Talks resume: what comes next", &shown),
            None
        );
        let shown = [heading("Technology", false), heading("South Asia", false)];
        assert_eq!(
            headline_in_title("Apple admits to iPod Nano faults | Technology", &shown),
            None
        );
        assert_eq!(
            headline_in_title("BBC NEWS | South Asia | Pakistan warns Sharif", &shown),
            None
        );
        assert_eq!(
            headline_in_title("Apple admits to iPod Nano faults", &[]),
            None
        );
    }

    #[test]
    fn bylines_lose_their_by() {
        assert_eq!(clean_byline("  By Jane   Doe, "), "Jane Doe");
    }

    #[test]
    fn a_byline_gives_its_name_without_dates_times_or_labels_and_its_date() {
        let read = |byline: &str| {
            let (name, date) = read_byline(byline);
            (name, date.unwrap_or_default())
        };
        let cases = [
            (
                "Andrew Gerrand 4 August 2010",
                "Andrew Gerrand",
                "2010-08-04",
            ),
            ("Jason Bates June 3, 2021", "Jason Bates", "2021-06-03"),
            (
                "Arik Hesseldahl, 04.08.05, 1:21 PM ET",
                "Arik Hesseldahl",
                "",
            ),
            (
                "Written By:Cazzy MagennisLast Updated:August 1, 2025",
                "Cazzy Magennis",
                "",
            ),
            ("Aug 15 Written By Tyler King", "Tyler King", ""),
            (
                "Written by: Sean Peek, Senior AnalystUpdated Jan 06, 2026",
                "Sean Peek, Senior Analyst",
                "",
            ),
            (
                "Published Mar 2, 2026 | Updated Mar 9, 2026 by Ann Lee",
                "",
                "2026-03-02",
            ),
            (
                "Kelly Lawler , USA TODAY 7:02 a.m. ET March 4, 2017",
                "Kelly Lawler , USA TODAY",
                "2017-03-04",
            ),
            ("By Jane Doe", "Jane Doe", ""),
            (
                "Joe Wee Monday, February 29, 2016 @ 11:10 PM UTC",
                "Joe Wee",
                "2016-02-29",
            ),
            (
                "Bradley M. Kuhn (http://ebb.org/bkuhn/)",
                "Bradley M. Kuhn",
                "",
            ),
            // Names that hold a label's word or a "by" of their own stay whole.
            (
                "Niko Matsakis on behalf of the Vision Doc group",
                "Niko Matsakis on behalf of the Vision Doc group",
                "",
            ),
        ];
        for (byline, name, date) in cases {
            assert_eq!(
                read(byline),
                (name.to_string(), date.to_string()),
                "{byline}"
            );
        }
        // A byline that is only a date names nobody, and still dates the page.
        let reader = Metadata {
            byline: Some("DECEMBER 27, 2024".into()),
            ..Metadata::default()
        };
        let found = finish(Metadata::default(), reader, &[]);
        assert_eq!(found.byline, None);
        assert_eq!(found.published.as_deref(), Some("2024-12-27"));
    }
}
