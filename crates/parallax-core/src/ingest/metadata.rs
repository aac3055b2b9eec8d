//! What the formats share about an article's metadata: the header lines of text and Markdown,
//! dates in ISO 8601, outlets from web addresses, and headlines without the outlet's suffix.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use regex::Regex;
use std::sync::LazyLock;

/// What a document says about its article; every field optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl Metadata {
    /// Fills the fields still missing from `other`: the first source consulted wins.
    pub fn or(mut self, other: Metadata) -> Metadata {
        self.title = self.title.or(other.title);
        self.outlet = self.outlet.or(other.outlet);
        self.byline = self.byline.or(other.byline);
        self.published = self.published.or(other.published);
        self.url = self.url.or(other.url);
        self.language = self.language.or(other.language);
        self
    }
}

/// Takes the header of a text article off its first paragraphs: a headline, `Source:`, `By ...`,
/// `Published:`, a URL and a date line, in any order, each on a line of its own; then looks for
/// the date in a date line just below the header or in a dateline opening the body.
///
/// Stops at the first line that is none of these, so an article that opens straight with its
/// body keeps every word of it. `first_is_heading` says the first paragraph was marked up as a
/// heading (Markdown `#`), which makes it the headline even when it ends with a full stop.
pub(crate) fn take_header_lines(paragraphs: &mut Vec<String>, first_is_heading: bool) -> Metadata {
    let mut updated = None;
    let mut found = take_header_block(paragraphs, first_is_heading, &mut updated);
    if found.published.is_none() {
        take_date_paragraph_near_top(paragraphs, &mut found, &mut updated);
    }
    if found.published.is_none() {
        found.published = dateline_date(paragraphs, &found, updated.as_deref());
    }
    found
}

/// The header lines above the body: headline and labelled lines, consecutive or apart.
fn take_header_block(
    paragraphs: &mut Vec<String>,
    first_is_heading: bool,
    updated: &mut Option<String>,
) -> Metadata {
    let mut found = Metadata::default();
    let mut taken_paragraphs = 0;
    'paragraphs: for (number, paragraph) in paragraphs.iter().enumerate() {
        let lines: Vec<&str> = paragraph
            .split(['\n', '\u{2028}'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        for (index, line) in lines.iter().enumerate() {
            if read_header_line(line, &mut found, updated) {
                continue;
            }
            let next_line = match lines.get(index + 1) {
                Some(next) => Some(*next),
                None => paragraphs
                    .get(number + 1)
                    .and_then(|p| p.split(['\n', '\u{2028}']).next()),
            };
            let header_follows = next_line.is_some_and(|next| is_header_line(next.trim()));
            let alone = lines.len() == 1 || index + 1 < lines.len() && header_follows;
            // The first line of a file with header lines under it is its headline, even one
            // written as a sentence ("Ellen DeGeneres returns to host the Oscars."), as some
            // saved files use the first sentence for a headline.
            let opens_header = number == 0 && index == 0 && header_follows;
            let marked_heading = first_is_heading && number == 0 && lines.len() == 1;
            if found.title.is_none()
                && alone
                && (marked_heading
                    || looks_like_headline(line)
                    || opens_header && line.split_whitespace().count() <= 60)
            {
                found.title = Some(strip_markdown_heading(line));
                continue;
            }
            if index == 0 {
                break 'paragraphs;
            }
            // A header block ran into body text inside one paragraph: keep the body lines.
            let rest = lines[index..].join("\n");
            paragraphs.drain(..taken_paragraphs);
            paragraphs[0] = rest;
            return found;
        }
        taken_paragraphs += 1;
    }
    if taken_paragraphs == paragraphs.len() && found.title.is_some() && !paragraphs.is_empty() {
        // Nothing but header lines: what looked like a headline is the only text there is.
        let _ = found.title.take();
        return found;
    }
    paragraphs.drain(..taken_paragraphs);
    found
}

/// A date on a paragraph of its own a little below the header (after a standfirst, say) is
/// the publication date, never body text.
fn take_date_paragraph_near_top(
    paragraphs: &mut Vec<String>,
    found: &mut Metadata,
    updated: &mut Option<String>,
) {
    const NEAR_THE_TOP: usize = 3;
    let position = paragraphs.iter().take(NEAR_THE_TOP).position(|p| {
        !p.trim().contains('\n') && {
            let mut reading = Metadata::default();
            read_date_line(p.trim(), &mut reading) && reading.published.is_some()
        }
    });
    // Keep the last paragraph: a file that is only a date still has that as its text.
    if let Some(position) = position.filter(|_| paragraphs.len() > 1) {
        let line = paragraphs.remove(position);
        read_header_line(line.trim(), found, updated);
    }
}

fn is_header_line(line: &str) -> bool {
    read_header_line(line, &mut Metadata::default(), &mut None)
}

/// Reads one header line into `found` (an `Updated:` date into `updated`, as evidence of the
/// year only); false when the line is not a header line.
fn read_header_line(line: &str, found: &mut Metadata, updated: &mut Option<String>) -> bool {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[*_]*(title|headline|source|outlet|publisher|publication|by|author|authors|byline|published|date|posted|dateline|updated|modified|last updated|url|link|canonical|language|lang)\s*[*_]*\s*:\s*[*_]*\s*(.+?)\s*[*_]*$")
            .expect("valid header pattern")
    });
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[*_]*[Bb][Yy]\s+(\p{Lu}[\p{L}.'’\-]*(?:[ ,]+(?:and |&\s*)?\p{Lu}[\p{L}.'’\-]*){0,8})\s*[*_]*$")
            .expect("valid byline pattern")
    });
    // Cheap tests first: every labelled line has a colon and every byline starts with "by", so
    // most lines never build or run the patterns (building them is most of a short run's cost).
    let labelled = if line.contains(':') {
        LABELLED.captures(line)
    } else {
        None
    };
    if let Some(captures) = labelled {
        let value = captures[2].trim().to_string();
        match captures[1].to_ascii_lowercase().as_str() {
            "title" | "headline" => set(&mut found.title, value),
            "source" | "outlet" | "publisher" | "publication" => set(&mut found.outlet, value),
            "by" | "author" | "authors" | "byline" => set(&mut found.byline, value),
            "published" | "date" | "posted" | "dateline" => {
                if let Some(date) = normalize_date(&value) {
                    set(&mut found.published, date);
                }
            }
            "updated" | "modified" | "last updated" => {
                if let Some(date) = normalize_date(&value) {
                    set(updated, date);
                }
            }
            "url" | "link" | "canonical" => set(&mut found.url, value),
            _ => set(&mut found.language, value.to_ascii_lowercase()),
        }
        return true;
    }
    let unmarked = line.trim_start_matches(['*', '_']);
    let may_be_byline = unmarked
        .get(..2)
        .is_some_and(|by| by.eq_ignore_ascii_case("by"))
        && unmarked[2..].starts_with(char::is_whitespace);
    let byline = if may_be_byline {
        BY.captures(line)
    } else {
        None
    };
    if let Some(captures) = byline {
        set(&mut found.byline, captures[1].trim().to_string());
        return true;
    }
    if (line.starts_with("http://") || line.starts_with("https://")) && !line.contains(' ') {
        set(&mut found.url, line.to_string());
        return true;
    }
    // As above: only a line that opens with the label's first letter runs the pattern.
    let may_be_unlabelled = unmarked
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'p' | 'u' | 'l'));
    let unlabelled = if may_be_unlabelled {
        UNLABELLED_DATE.captures(line)
    } else {
        None
    };
    if let Some(captures) = unlabelled {
        if let Some(date) = Some(&captures[2])
            .filter(|d| is_date_line(d))
            .and_then(normalize_date)
        {
            if captures[1].to_ascii_lowercase().contains("updated") {
                set(updated, date);
            } else {
                set(&mut found.published, date);
            }
            return true;
        }
    }
    read_date_line(line, found)
}

/// `Published Nov. 20, 2025` or `Updated on 21 November 2025`: a label without its colon.
static UNLABELLED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[*_]*(published|posted|updated|last updated)(?:\s+on)?\s+(.+?)[*_]*$")
        .expect("valid pattern")
});

/// A line that is a date (`Nov. 20, 2025`), or a name and a date as saved files put them under
/// a headline (`The New York Times, 2013-08-31`, `By Jane Doe | Nov. 20, 2025`).
fn read_date_line(line: &str, found: &mut Metadata) -> bool {
    let line = line.trim_matches(|c| c == '*' || c == '_').trim();
    if is_date_line(line) {
        if let Some(date) = normalize_date(line) {
            set(&mut found.published, date);
            return true;
        }
    }
    for separator in [", ", " — ", " – ", " - ", " | ", " · "] {
        let Some((name, date)) = line.split_once(separator) else {
            continue;
        };
        let name = name.trim_matches(|c| c == '*' || c == '_').trim();
        let date = date.trim_matches(|c| c == '*' || c == '_').trim();
        let words = name.split_whitespace().count();
        if !(1..=6).contains(&words)
            || !name.starts_with(char::is_uppercase)
            || name.chars().any(|c| c.is_ascii_digit())
            || !is_date_line(date)
        {
            continue;
        }
        let Some(date) = normalize_date(date) else {
            continue;
        };
        set(&mut found.published, date);
        match name
            .strip_prefix("By ")
            .or_else(|| name.strip_prefix("by "))
        {
            Some(author) => set(&mut found.byline, author.trim().to_string()),
            // A place in capitals ("KYIV, Nov. 20, 2025") is a dateline, not an outlet.
            None if name.chars().any(char::is_lowercase) => {
                set(&mut found.outlet, name.to_string())
            }
            None => {}
        }
        return true;
    }
    false
}

/// The date of a dateline that opens the body (`KYIV, Nov 20 —`, `LONDON, 20 November
/// (Reuters) -`). Without a year in it, the year comes from the article's other evidence (its
/// address, an `Updated:` line, a full date in its text close to that day); without any, there
/// is no date.
fn dateline_date(paragraphs: &[String], found: &Metadata, updated: Option<&str>) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,3}(?:,\s*\p{Lu}[\p{L}.'’\-]*(?:\s\p{Lu}[\p{L}.'’\-]*){0,2})?(?:\s*\([^)]{1,30}\))?,?\s+(?:((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[a-z]*\.?\s+(\d{1,2})|(\d{1,2})\s+((?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))[a-z]*\.?)(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?:\s*\([^)]{1,30}\))?\s*[—–-]")
            .expect("valid dateline pattern")
    });
    let opening = paragraphs.first()?;
    // A dateline is short and ends in a dash: most openings never build or run the pattern.
    let head: String = opening.chars().take(80).collect();
    if !opening.starts_with(char::is_uppercase) || !head.contains(['—', '–', '-']) {
        return None;
    }
    let c = DATELINE.captures(opening)?;
    let (month, day) = match c.get(1) {
        Some(month) => (month.as_str(), &c[2]),
        None => (&c[4], &c[3]),
    };
    let month = month_number(month)?;
    let day: u32 = day.parse().ok()?;
    if let Some(year) = c.get(5) {
        let date = NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month, day)?;
        return Some(date.format("%Y-%m-%d").to_string());
    }
    // The file's own dates: its address or an `Updated:` line, else full dates in its text.
    let own_day = found
        .url
        .as_deref()
        .and_then(date_in_url)
        .or_else(|| updated.map(str::to_string))
        .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|2\d\d\d)\b").expect("valid pattern"));
    let (text_days, latest_year) = match own_day {
        Some(_) => (Vec::new(), None),
        None => {
            let text = paragraphs.join("\n");
            let latest_year = YEAR
                .captures_iter(&text)
                .filter_map(|c| c[1].parse::<i32>().ok())
                .max();
            (full_dates(&text).collect::<Vec<_>>(), latest_year)
        }
    };
    // A date in the text is evidence only within a month of the dateline's day and when no
    // later year is mentioned: measured on real reports, dates in a text mostly name earlier
    // events ("reported on May 23, 2008" in a report of 2010).
    let near_enough = |distance: i64, date: NaiveDate| {
        own_day.is_some() || distance <= 31 && latest_year.is_none_or(|y| date.year() >= y)
    };
    let date = own_day
        .iter()
        .chain(&text_days)
        .flat_map(|seen| {
            (seen.year() - 1..=seen.year() + 1)
                .filter_map(move |year| NaiveDate::from_ymd_opt(year, month, day))
                .map(move |date| ((date - *seen).num_days().abs(), date))
        })
        .filter(|&(distance, date)| near_enough(distance, date))
        .min_by_key(|&(distance, date)| (distance, std::cmp::Reverse(date)))?
        .1;
    Some(date.format("%Y-%m-%d").to_string())
}

/// A line that is nothing but a date and time ("Thursday, November 20, 2025, 09:15 GMT"), as
/// opposed to a short sentence that mentions one ("The talks began on 20 November 2025."),
/// which is body text and must stay.
fn is_date_line(line: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "at", "am", "pm", "a.m", "p.m", "gmt",
        "utc", "est", "edt", "cet", "cest", "bst", "et", "pt", "z", "st", "nd", "rd", "th",
    ];
    if line.chars().count() > 60 {
        return false;
    }
    let other_words = line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '|')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !w
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.' || c == '-')
        })
        .filter(|w| {
            let letters: String = w
                .chars()
                .take_while(|c| c.is_alphabetic() || *c == '.')
                .collect();
            !DATE_WORDS.iter().any(|d| {
                letters == *d || (letters.len() >= 3 && d.len() >= 3 && letters.starts_with(d))
            })
        })
        .count();
    other_words == 0
}

fn set(field: &mut Option<String>, value: String) {
    if field.is_none() && !value.is_empty() {
        *field = Some(value);
    }
}

/// A line that reads as a headline: short, one line, not a finished sentence.
fn looks_like_headline(line: &str) -> bool {
    let line = strip_markdown_heading(line);
    let words = line.split_whitespace().count();
    (1..=30).contains(&words)
        && line.chars().count() <= 200
        && (!line.ends_with('.') || line.ends_with("..."))
}

fn strip_markdown_heading(line: &str) -> String {
    line.trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .to_string()
}

/// A date or date-time in any of the forms news pages use, as ISO 8601: `2025-11-20` for a day,
/// `2025-11-20T09:15:00Z` for a moment (converted to UTC when an offset is given).
pub(crate) fn normalize_date(value: &str) -> Option<String> {
    let value = value.trim().trim_end_matches('.');
    if value.is_empty() || value.len() > 80 {
        return None;
    }
    if let Ok(moment) = DateTime::parse_from_rfc3339(value) {
        return Some(utc(moment.with_timezone(&Utc)));
    }
    if let Ok(moment) = DateTime::parse_from_rfc2822(value) {
        return Some(utc(moment.with_timezone(&Utc)));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(moment) = DateTime::parse_from_str(value, format) {
            return Some(utc(moment.with_timezone(&Utc)));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(moment) = NaiveDateTime::parse_from_str(value, format) {
            return Some(moment.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    day(value).map(|d| d.format("%Y-%m-%d").to_string())
}

fn utc(moment: DateTime<Utc>) -> String {
    moment.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b").expect("valid date pattern")
});
static DAY_FIRST_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").expect("valid date pattern")
});
static WORDS_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b")
        .expect("valid date pattern")
});

/// A calendar day written out: `2025-11-20`, `20 November 2025`, `Nov. 20, 2025`, `20.11.2025`,
/// possibly with a weekday before it and a time after it.
fn day(value: &str) -> Option<NaiveDate> {
    if let Some(c) = NUMERIC_DATE.captures(value) {
        return numeric_date(&c);
    }
    if let Some(c) = DAY_FIRST_DATE.captures(value) {
        return NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?);
    }
    words_date(&WORDS_DATE.captures(value)?)
}

/// Every full date (day, month and year) written in a text, in ISO or in words.
fn full_dates(text: &str) -> impl Iterator<Item = NaiveDate> + '_ {
    let numeric = NUMERIC_DATE
        .captures_iter(text)
        .filter_map(|c| numeric_date(&c));
    let words = WORDS_DATE
        .captures_iter(text)
        .filter_map(|c| words_date(&c));
    numeric.chain(words)
}

/// Every full date written in a text, with where it stands, in text order: a byline's
/// "Andrew Gerrand 4 August 2010".
pub(crate) fn dates_in(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found: Vec<(std::ops::Range<usize>, String)> = NUMERIC_DATE
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.range(), numeric_date(&c)?)))
        .chain(
            WORDS_DATE
                .captures_iter(text)
                .filter_map(|c| Some((c.get(0)?.range(), words_date(&c)?))),
        )
        .map(|(range, day)| (range, day.format("%Y-%m-%d").to_string()))
        .collect();
    found.sort_by_key(|(range, _)| range.start);
    found
}

fn numeric_date(c: &regex::Captures) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

fn words_date(c: &regex::Captures) -> Option<NaiveDate> {
    let (day, month, year) = match c.get(1) {
        Some(d) => (d.as_str(), &c[2], &c[3]),
        None => (&c[5], &c[4], &c[6]),
    };
    NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)
}

/// The number of a month from its name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    crate::text::lexicon::month_number(name)
}

/// A date in an article's address, as many outlets put it: `/2025/11/20/` or `/2025-11-20-`.
pub(crate) fn date_in_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)")
            .expect("valid pattern")
    });
    let c = URL_DATE.captures(url)?;
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

/// The outlet behind a web address: a table of well-known news domains, else the host itself
/// without `www.`.
pub(crate) fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    let known = KNOWN_OUTLETS
        .iter()
        .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")));
    Some(match known {
        Some((_, name)) => name.to_string(),
        None => host.trim_start_matches("www.").to_string(),
    })
}

/// The host of an absolute web address, lower-cased.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

/// The outlet a part of a page's title names, when it names one for sure: a site's address
/// ("Forbes.com", "CNN.com": the outlet its host is known as, else the address as written) or
/// the name of an outlet the address table knows ("Los Angeles Times", "BBC NEWS").
pub(crate) fn outlet_named(text: &str) -> Option<String> {
    let text = text.trim();
    let address = !text.contains(char::is_whitespace)
        && text.rsplit_once('.').is_some_and(|(name, ending)| {
            !name.is_empty()
                && (2..=6).contains(&ending.len())
                && ending.chars().all(|c| c.is_ascii_alphabetic())
        });
    if address {
        let host = text.to_ascii_lowercase();
        let known = KNOWN_OUTLETS
            .iter()
            .find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")));
        return Some(known.map_or(text, |(_, name)| name).to_string());
    }
    KNOWN_OUTLETS
        .iter()
        .find(|(_, name)| same_name(text, name))
        .map(|(_, name)| name.to_string())
}

/// News domains whose outlet name is not just their host.
const KNOWN_OUTLETS: &[(&str, &str)] = &[
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("bbc.co.uk", "BBC News"),
    ("bbc.com", "BBC News"),
    ("cnn.com", "CNN"),
    ("foxnews.com", "Fox News"),
    ("huffpost.com", "HuffPost"),
    ("huffingtonpost.com", "HuffPost"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "Associated Press"),
    ("npr.org", "NPR"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("usatoday.com", "USA Today"),
    ("latimes.com", "Los Angeles Times"),
    ("bloomberg.com", "Bloomberg"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico Europe"),
    ("axios.com", "Axios"),
    ("theatlantic.com", "The Atlantic"),
    ("newyorker.com", "The New Yorker"),
    ("telegraph.co.uk", "The Telegraph"),
    ("independent.co.uk", "The Independent"),
    ("thetimes.co.uk", "The Times"),
    ("dailymail.co.uk", "Daily Mail"),
    ("aljazeera.com", "Al Jazeera"),
    ("dw.com", "DW"),
    ("france24.com", "France 24"),
    ("lemonde.fr", "Le Monde"),
    ("liberation.fr", "Libération"),
    ("lefigaro.fr", "Le Figaro"),
    ("spiegel.de", "Der Spiegel"),
    ("zeit.de", "Die Zeit"),
    ("faz.net", "Frankfurter Allgemeine Zeitung"),
    ("sueddeutsche.de", "Süddeutsche Zeitung"),
    ("heise.de", "heise online"),
    ("elpais.com", "El País"),
    ("lanacion.com.ar", "La Nación"),
    ("folha.uol.com.br", "Folha de S.Paulo"),
    ("corriere.it", "Corriere della Sera"),
    ("repubblica.it", "la Repubblica"),
    ("kyivindependent.com", "The Kyiv Independent"),
    ("pravda.com.ua", "Ukrainska Pravda"),
    ("ukrinform.net", "Ukrinform"),
    ("kyivpost.com", "Kyiv Post"),
    ("rferl.org", "Radio Free Europe/Radio Liberty"),
    ("defense.gov", "U.S. Department of Defense"),
    ("army.mil", "U.S. Army"),
    ("state.gov", "U.S. Department of State"),
    ("breitbart.com", "Breitbart"),
    ("buzzfeed.com", "BuzzFeed"),
    ("buzzfeednews.com", "BuzzFeed News"),
    ("vox.com", "Vox"),
    ("theverge.com", "The Verge"),
    ("arstechnica.com", "Ars Technica"),
    ("wired.com", "Wired"),
    ("engadget.com", "Engadget"),
    ("cnet.com", "CNET"),
    ("salon.com", "Salon"),
    ("slate.com", "Slate"),
    ("seattletimes.com", "The Seattle Times"),
    ("heraldsun.com.au", "Herald Sun"),
    ("smh.com.au", "The Sydney Morning Herald"),
    ("abc.net.au", "ABC News (Australia)"),
    ("cbc.ca", "CBC News"),
    ("theglobeandmail.com", "The Globe and Mail"),
    ("yahoo.com", "Yahoo News"),
    ("msn.com", "MSN"),
    ("tmz.com", "TMZ"),
    ("medicalnewstoday.com", "Medical News Today"),
    ("webmd.com", "WebMD"),
    ("citylab.com", "CityLab"),
    ("quantamagazine.org", "Quanta Magazine"),
    ("lwn.net", "LWN.net"),
    ("aclu.org", "ACLU"),
    ("wikipedia.org", "Wikipedia"),
];

/// The headline without the outlet's name that pages append to their `<title>`:
/// `Kyiv talks resume | The Ledger` -> `Kyiv talks resume`.
pub(crate) fn clean_title(title: &str, outlet: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    for separator in [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let is_outlet = outlet.is_some_and(|o| same_name(tail, o) || same_name(head, o));
        // Without a known outlet, a short last part after a pipe is still a site name.
        let short_site = separator == " | "
            && tail.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 3;
        if is_outlet || short_site {
            let keep = if outlet.is_some_and(|o| same_name(head, o)) {
                tail
            } else {
                head
            };
            return clean_title(keep, outlet);
        }
    }
    title
}

fn same_name(a: &str, b: &str) -> bool {
    let simple = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let (a, b) = (simple(a), simple(b));
    !a.is_empty() && (a == b || a.trim_start_matches("the") == b.trim_start_matches("the"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_out_in_iso_8601() {
        assert_eq!(
            normalize_date("2025-11-20T09:15:00+02:00").as_deref(),
            Some("2025-11-20T07:15:00Z")
        );
        assert_eq!(normalize_date("2025-11-20").as_deref(), Some("2025-11-20"));
        assert_eq!(
            normalize_date("Thursday, November 20, 2025").as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            normalize_date("20 Nov. 2025, 09:15 GMT").as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(normalize_date("20.11.2025").as_deref(), Some("2025-11-20"));
        assert_eq!(
            normalize_date("Thu, 20 Nov 2025 09:15:00 +0000").as_deref(),
            Some("2025-11-20T09:15:00Z")
        );
        assert_eq!(normalize_date("the plan has 28 points"), None);
    }

    #[test]
    fn urls_give_dates_and_outlets() {
        assert_eq!(
            date_in_url("https://x.com/2025/11/20/kyiv-talks").as_deref(),
            Some("2025-11-20")
        );
        assert_eq!(
            outlet_from_url("https://www.nytimes.com/2025/a.html").as_deref(),
            Some("The New York Times")
        );
        assert_eq!(
            outlet_from_url("https://www.example.org/a").as_deref(),
            Some("example.org")
        );
    }

    #[test]
    fn titles_lose_the_outlet_suffix() {
        assert_eq!(
            clean_title("Kyiv talks resume | The Ledger", None),
            "Kyiv talks resume"
        );
        assert_eq!(
            clean_title("Kyiv talks resume - BBC News", Some("BBC News")),
            "Kyiv talks resume"
        );
        assert_eq!(
            clean_title("Left - right: a story", None),
            "Left - right: a story"
        );
    }

    #[test]
    fn header_lines_become_metadata_and_the_body_stays() {
        let mut paragraphs = vec![
            "Army delegation arrives in Kyiv\nSource: The Ledger\nBy Jane Doe and John Roe\nPublished: 2025-11-20".to_string(),
            "The delegation met officials on Thursday.".to_string(),
        ];
        let found = take_header_lines(&mut paragraphs, false);
        assert_eq!(
            found.title.as_deref(),
            Some("Army delegation arrives in Kyiv")
        );
        assert_eq!(found.outlet.as_deref(), Some("The Ledger"));
        assert_eq!(found.byline.as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(
            paragraphs,
            vec!["The delegation met officials on Thursday."]
        );
    }

    #[test]
    fn a_short_sentence_with_a_date_is_body_text_not_a_date_line() {
        assert!(is_date_line("Thursday, November 20, 2025, 09:15 GMT"));
        assert!(is_date_line("20.11.2025"));
        assert!(!is_date_line("The talks began on 20 November 2025."));
        let mut paragraphs = vec![
            "Talks resume".to_string(),
            "The talks began on 20 November 2025.".to_string(),
        ];
        take_header_lines(&mut paragraphs, false);
        assert_eq!(paragraphs, vec!["The talks began on 20 November 2025."]);
    }

    #[test]
    fn a_body_that_starts_at_once_is_kept_whole() {
        let mut paragraphs = vec!["The delegation met officials on Thursday.".to_string()];
        let found = take_header_lines(&mut paragraphs, false);
        assert_eq!(found, Metadata::default());
        assert_eq!(paragraphs.len(), 1);
    }

    fn header_of(text: &str) -> (Metadata, Vec<String>) {
        let mut paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
        let found = take_header_lines(&mut paragraphs, false);
        (found, paragraphs)
    }

    #[test]
    fn a_date_on_a_line_of_its_own_is_read_in_words_or_with_a_weekday() {
        for (line, date) in [
            ("Nov. 20, 2025", "2025-11-20"),
            ("Thursday 20 November 2025", "2025-11-20"),
            ("Published Nov. 20, 2025", "2025-11-20"),
        ] {
            let (found, body) = header_of(&format!(
                "Talks resume\n\n{line}\n\nThe delegation arrived."
            ));
            assert_eq!(found.published.as_deref(), Some(date), "{line}");
            assert_eq!(body, vec!["The delegation arrived."]);
        }
    }

    #[test]
    fn a_date_line_below_a_standfirst_is_the_date_and_not_body_text() {
        let (found, body) = header_of(
            "Talks resume\n\nDelegations return to the table after a month of silence.\n\nThursday 20 November 2025\n\nThe delegation arrived.",
        );
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(
            body,
            vec![
                "Delegations return to the table after a month of silence.",
                "The delegation arrived."
            ]
        );
    }

    #[test]
    fn an_outlet_and_a_date_on_one_line_fill_both_fields() {
        let (found, body) =
            header_of("Talks resume\n\nThe New York Times, 2013-08-31\n\nThe delegation arrived.");
        assert_eq!(found.outlet.as_deref(), Some("The New York Times"));
        assert_eq!(found.published.as_deref(), Some("2013-08-31"));
        assert_eq!(body, vec!["The delegation arrived."]);
        let (found, _) =
            header_of("Talks resume\n\nBy Jane Doe | Nov. 20, 2025\n\nThe delegation arrived.");
        assert_eq!(found.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(found.outlet, None);
    }

    #[test]
    fn a_dateline_takes_its_year_from_a_full_date_in_the_text() {
        let (found, body) = header_of(
            "Talks resume\n\nKYIV, Nov 20 — Officials met on Thursday.\n\nThe plan was first shown on Nov. 18, 2025.",
        );
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(body[0], "KYIV, Nov 20 — Officials met on Thursday.");
    }

    #[test]
    fn a_dateline_takes_its_year_from_the_address_or_an_update_line() {
        let (found, _) = header_of(
            "Talks resume\nhttps://news.example/2024/11/21/talks\n\nLONDON, 20 November (Reuters) - Officials met.",
        );
        assert_eq!(found.published.as_deref(), Some("2024-11-20"));
        let (found, _) = header_of(
            "Talks resume\nUpdated: 2023-11-21 09:00\n\nKyiv, Ukraine, Nov. 20 – Officials met.",
        );
        assert_eq!(found.published.as_deref(), Some("2023-11-20"));
    }

    #[test]
    fn a_dateline_in_early_january_belongs_to_the_year_after_a_late_december_date() {
        let (found, _) = header_of(
            "Talks resume\n\nKYIV, Jan 2 — Officials met again after the talks of Dec. 30, 2025.",
        );
        assert_eq!(found.published.as_deref(), Some("2026-01-02"));
    }

    #[test]
    fn years_the_text_only_mentions_or_far_off_dates_are_no_evidence_for_a_dateline() {
        let (found, _) = header_of(
            "Talks resume\n\nKYIV, Nov 20 — Officials met to discuss the 2025 budget and the talks of March 3, 2024.",
        );
        assert_eq!(found.published, None);
        let (found, _) = header_of(
            "Talks resume\n\nKYIV, Nov 20 — A paper reported on Nov. 23, 2008, that talks began; the 2010 plan replaced them.",
        );
        assert_eq!(found.published, None, "a date of an earlier event");
    }

    #[test]
    fn a_dateline_without_any_year_evidence_gives_no_date() {
        let (found, body) = header_of("Talks resume\n\nKYIV, Nov 20 — Officials met on Thursday.");
        assert_eq!(found.published, None);
        assert_eq!(body, vec!["KYIV, Nov 20 — Officials met on Thursday."]);
    }

    #[test]
    fn a_place_and_a_date_on_one_line_give_the_date_and_no_outlet() {
        let (found, _) = header_of("Talks resume\n\nKYIV, Nov. 20, 2025\n\nOfficials met.");
        assert_eq!(found.published.as_deref(), Some("2025-11-20"));
        assert_eq!(found.outlet, None);
    }
}
