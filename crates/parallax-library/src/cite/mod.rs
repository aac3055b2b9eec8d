//! Articles cited for a reference manager (Zotero, Mendeley, EndNote, a LaTeX bibliography),
//! one format per file:
//!
//! - `csl_json`: CSL-JSON, the items citeproc and Zotero read (`article-newspaper`).
//! - `bibtex`: BibTeX entries (`@article` with `journal` and biblatex's `journaltitle`).
//! - `ris`: RIS records (`TY  - NEWS`).
//!
//! Each cites the outlet, headline, byline (read into people's names where it plainly holds
//! names), publication date, address and, as the date the source was accessed, the day the
//! article entered the library.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{ArticleRecord, Error};

mod bibtex;
mod csl_json;
mod ris;

/// An article as a citation names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// A key unique within one export (`dailyexample2025driscoll`).
    pub key: String,
    /// The article's library id.
    pub id: i64,
    /// Its headline.
    pub title: String,
    /// Its outlet, when known.
    pub outlet: Option<String>,
    /// Its author line as stored.
    pub byline: Option<String>,
    /// The authors read from the byline.
    pub authors: Vec<Author>,
    /// Publication date or date-time (ISO 8601), when known.
    pub published: Option<String>,
    /// Its address on the web, when known.
    pub url: Option<String>,
    /// When it entered the library (UTC, ISO 8601): the access date.
    pub imported: String,
    /// Its language tag, when known.
    pub language: Option<String>,
}

/// An author of an article: a person's name in parts, or a name to print as it is (an agency,
/// "Staff reporter").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Author {
    /// A person.
    Person {
        /// The family name, with its particles (`van der Berg`).
        family: String,
        /// The given names.
        given: String,
    },
    /// A name that is not a person's, or not plainly one.
    Literal {
        /// The name as written.
        literal: String,
    },
}

/// A citation format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationFormat {
    /// CSL-JSON: an array of items.
    CslJson,
    /// BibTeX.
    Bibtex,
    /// RIS.
    Ris,
}

impl CitationFormat {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            CitationFormat::CslJson => "json",
            CitationFormat::Bibtex => "bib",
            CitationFormat::Ris => "ris",
        }
    }
}

impl fmt::Display for CitationFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CitationFormat::CslJson => "csl-json",
            CitationFormat::Bibtex => "bibtex",
            CitationFormat::Ris => "ris",
        })
    }
}

impl FromStr for CitationFormat {
    type Err = Error;

    /// Reads `csl-json` (or `csl`, `json`), `bibtex` (or `bib`) or `ris`, in any case.
    fn from_str(name: &str) -> Result<CitationFormat, Error> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csl-json" | "csl" | "json" | "csljson" => Ok(CitationFormat::CslJson),
            "bibtex" | "bib" => Ok(CitationFormat::Bibtex),
            "ris" => Ok(CitationFormat::Ris),
            _ => Err(Error::UnknownCitationFormat(name.to_string())),
        }
    }
}

/// Writes `citations` in `format`.
pub fn cite(citations: &[Citation], format: CitationFormat) -> String {
    match format {
        CitationFormat::CslJson => csl_json::write(citations),
        CitationFormat::Bibtex => bibtex::write(citations),
        CitationFormat::Ris => ris::write(citations),
    }
}

/// Citations of these articles, in the order given, with keys unique among them.
pub(crate) fn citations(records: Vec<ArticleRecord>) -> Vec<Citation> {
    let mut keys: Vec<String> = Vec::with_capacity(records.len());
    records
        .into_iter()
        .map(|record| {
            let key = unique_key(&base_key(&record), &keys);
            keys.push(key.clone());
            Citation {
                key,
                id: record.id,
                authors: record
                    .byline
                    .as_deref()
                    .map(read_byline)
                    .unwrap_or_default(),
                title: record.title,
                outlet: record.outlet,
                byline: record.byline,
                published: record.published,
                url: record.url,
                imported: record.imported,
                language: record.language,
            }
        })
        .collect()
}

/// `outlet + year + first long word of the title`, ASCII letters and digits only.
fn base_key(record: &ArticleRecord) -> String {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let outlet = record
        .outlet
        .as_deref()
        .map(|o| letters(o.trim_start_matches("The ")))
        .filter(|o| !o.is_empty())
        .unwrap_or_else(|| "article".into());
    let year = record
        .published
        .as_deref()
        .and_then(|p| p.get(..4))
        .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("");
    let word = record
        .title
        .split_whitespace()
        .map(letters)
        .find(|w| w.len() > 3)
        .unwrap_or_default();
    format!("{outlet}{year}{word}")
}

/// `base`, else `base` with `a`, `b`, ... (then a number) until no key taken has it.
fn unique_key(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|k| k == base) {
        return base.to_string();
    }
    ('a'..='z')
        .map(|suffix| format!("{base}{suffix}"))
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|key| !taken.contains(key))
        .expect("an unbounded sequence")
}

/// Words that mark a byline part as a desk or an agency rather than a person.
const NOT_A_PERSON: &[&str] = &[
    "staff",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "desk",
    "editor",
    "editors",
    "editorial",
    "agency",
    "agencies",
    "news",
    "press",
    "team",
    "wire",
    "wires",
    "service",
    "board",
    "bureau",
    "online",
    "media",
    "newsroom",
];

/// Family-name particles kept with the family name.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "ter", "ten",
    "bin", "al", "dos", "das",
];

/// The authors a byline names: `By Jane Doe and John Smith` is two people; a part that is not
/// plainly a person's name (`Reuters`, `Staff reporter`) is kept as written. Whatever follows
/// `|` or ` in ` (a place, a role) is left out of a person's name.
pub(crate) fn read_byline(byline: &str) -> Vec<Author> {
    let mut rest = byline.trim();
    for prefix in ["by ", "By ", "BY "] {
        if let Some(stripped) = rest.strip_prefix(prefix) {
            rest = stripped;
        }
    }
    let rest = rest.split('|').next().unwrap_or_default();
    rest.split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(read_name)
        .collect()
}

fn read_name(part: &str) -> Author {
    let name = part.split(" in ").next().unwrap_or(part).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let looks_like_a_name = (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            !NOT_A_PERSON.contains(&w.to_lowercase().as_str())
                && !w.chars().any(|c| c.is_ascii_digit() || c == '@')
                && (w.chars().next().is_some_and(char::is_uppercase)
                    || PARTICLES.contains(&w.to_lowercase().as_str()))
        })
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !looks_like_a_name {
        return Author::Literal {
            literal: part.to_string(),
        };
    }
    // The family name: the last word with the particles just before it.
    let mut split = words.len() - 1;
    while split > 1 && PARTICLES.contains(&words[split - 1].to_lowercase().as_str()) {
        split -= 1;
    }
    Author::Person {
        family: words[split..].join(" "),
        given: words[..split].join(" "),
    }
}

/// `[year, month, day]` of an ISO 8601 date or date-time, as many parts as it gives.
pub(crate) fn date_parts(date: &str) -> Vec<u32> {
    date.get(..10.min(date.len()))
        .unwrap_or_default()
        .split('-')
        .map_while(|part| part.parse().ok())
        .take(3)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(given: &str, family: &str) -> Author {
        Author::Person {
            family: family.into(),
            given: given.into(),
        }
    }

    #[test]
    fn a_byline_is_read_into_people_and_names_kept_as_written() {
        assert_eq!(
            read_byline("By Jane Doe and John Smith"),
            vec![person("Jane", "Doe"), person("John", "Smith")]
        );
        assert_eq!(
            read_byline("Ana Testwriter, Ludwig van Beethoven & Reuters"),
            vec![
                person("Ana", "Testwriter"),
                person("Ludwig", "van Beethoven"),
                Author::Literal {
                    literal: "Reuters".into()
                }
            ]
        );
        assert_eq!(
            read_byline("Staff reporter"),
            vec![Author::Literal {
                literal: "Staff reporter".into()
            }]
        );
        assert_eq!(
            read_byline("Olena Koval in Kyiv | The Ledger"),
            vec![person("Olena", "Koval")]
        );
    }

    #[test]
    fn keys_stay_unique() {
        let taken = vec!["ledger2025talks".to_string()];
        assert_eq!(unique_key("ledger2025talks", &taken), "ledger2025talksa");
        assert_eq!(unique_key("wire2025talks", &taken), "wire2025talks");
    }

    #[test]
    fn dates_give_their_parts() {
        assert_eq!(date_parts("2025-11-20T09:15:00Z"), vec![2025, 11, 20]);
        assert_eq!(date_parts("2025-11"), vec![2025, 11]);
        assert_eq!(date_parts(""), Vec::<u32>::new());
    }

    #[test]
    fn formats_are_read_by_name() {
        assert_eq!(
            "CSL-JSON".parse::<CitationFormat>().unwrap(),
            CitationFormat::CslJson
        );
        assert_eq!(
            "bib".parse::<CitationFormat>().unwrap(),
            CitationFormat::Bibtex
        );
        assert_eq!(
            "ris".parse::<CitationFormat>().unwrap(),
            CitationFormat::Ris
        );
        assert!("mla".parse::<CitationFormat>().is_err());
    }
}
