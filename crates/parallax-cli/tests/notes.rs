//! A fact-checker's workflow on the real `parallax` binary and a real library file: a note with
//! a verdict on a disputed fact of the bundled sample event, listed, searched, edited and undone,
//! deleted and restored, found again after its article is deleted and re-imported and after a
//! dump is loaded into another library, shown in the HTML export with the sources cited; and
//! `parallax cite` in the three formats, read back by real parsers of each.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// The ferry reports: their own folder, as `tests/fixtures` is imported whole by other tests.
fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fact-check")
}

fn run(library: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(library)
        .args(args)
        .env_remove("PARALLAX_LIBRARY")
        .env("USER", "fallback-user")
        .output()
        .unwrap()
}

/// Runs with `--json`, checks that it succeeded and printed one JSON document.
fn json(library: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let output = run(library, &all);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {stdout} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?} printed {stdout}: {e}"))
}

fn ids(notes: &Value) -> Vec<i64> {
    notes["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_i64().unwrap())
        .collect()
}

/// The article id and sentence index of one value of the first disputed fact of a comparison.
fn disputed_sentence(library: &Path, articles: &[&str]) -> (i64, usize, String) {
    let mut args = vec!["compare"];
    args.extend(articles);
    let comparison = json(library, &args);
    let fact = &comparison["disputed_facts"][0];
    let [k, s] = [0, 1].map(|i| fact["values"][0]["sentences"][0][i].as_u64().unwrap() as usize);
    let article = &comparison["articles"][k];
    let id: i64 = article["ref"].as_str().unwrap().parse().unwrap();
    let text = article["sentences"][s].as_str().unwrap().to_string();
    (id, s, text)
}

const HOSTILE_NOTE: &str = "The council papers say otherwise <script>alert('x')</script> & more";

#[test]
fn a_note_on_a_disputed_fact_follows_the_text_through_edits_the_trash_and_a_reload() {
    let folder = tempfile::tempdir().unwrap();
    let library = folder.path().join("library.sqlite3");
    assert_eq!(
        json(&library, &["samples"])["imported"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    let harbour = json(&library, &["events"])["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"].as_str().unwrap().contains("Harbour"))
        .unwrap()
        .clone();
    let event = harbour["id"].as_i64().unwrap();
    let members: Vec<String> = harbour["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.to_string())
        .collect();
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    let (article, sentence, sentence_text) = disputed_sentence(&library, &members);

    // Added on the sentence that states the disputed value, with a verdict and an author.
    let target = format!("{article}:{sentence}");
    let added = json(
        &library,
        &[
            "note",
            "add",
            &target,
            HOSTILE_NOTE,
            "--verdict",
            "wrong",
            "--author",
            "Ana Checker",
        ],
    )["note"]
        .clone();
    let id = added["id"].as_i64().unwrap();
    assert_eq!(added["kind"], "sentence");
    assert_eq!(added["target"], target.as_str());
    assert_eq!(added["verdict"], "wrong");
    assert_eq!(added["author"], "Ana Checker");
    assert_eq!(added["sentence_text"], sentence_text.as_str());
    assert_eq!(added["event"], event);
    assert!(added["created"].as_str().unwrap().ends_with('Z'));
    // $USER is the author when none is given; an event note; an unknown verdict is refused.
    let on_event = json(
        &library,
        &[
            "note",
            "add",
            &format!("event:{event}"),
            "Checked with the council",
        ],
    )["note"]
        .clone();
    assert_eq!(on_event["author"], "fallback-user");
    let refused = run(
        &library,
        &["note", "add", &target, "x", "--verdict", "plausible"],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr)
        .contains("accurate, misleading, wrong, unverified"));

    // Listed with its event, found by its words.
    assert_eq!(
        ids(&json(&library, &["note", "list", &event.to_string()])),
        vec![id, on_event["id"].as_i64().unwrap()]
    );
    assert_eq!(
        ids(&json(
            &library,
            &["note", "list", "--search", "council papers"]
        )),
        vec![id]
    );
    assert!(ids(&json(&library, &["note", "list", "--search", "ferry"])).is_empty());

    // Edited, and the edit undone.
    let edited = json(
        &library,
        &[
            "note",
            "edit",
            &id.to_string(),
            "Off by a digit",
            "--verdict",
            "misleading",
        ],
    )["note"]
        .clone();
    assert_eq!(
        (edited["text"].as_str(), edited["verdict"].as_str()),
        (Some("Off by a digit"), Some("misleading"))
    );
    assert!(edited["edited"].is_string());
    let undone = json(&library, &["note", "undo", &id.to_string()])["note"].clone();
    assert_eq!(
        (undone["text"].as_str(), undone["verdict"].as_str()),
        (Some(HOSTILE_NOTE), Some("wrong"))
    );

    // Deleted: gone from the list, in the trash; restored.
    json(&library, &["note", "delete", &id.to_string()]);
    assert!(!ids(&json(&library, &["note", "list"])).contains(&id));
    assert_eq!(
        ids(&json(&library, &["note", "list", "--deleted"])),
        vec![id]
    );
    json(&library, &["note", "restore", &id.to_string()]);
    assert!(ids(&json(&library, &["note", "list"])).contains(&id));

    // Its article deleted: the note waits, its article unknown; imported again: found again.
    json(&library, &["delete", &article.to_string()]);
    let waiting = json(&library, &["note", "list"])["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap()
        .clone();
    assert!(waiting["article"].is_null() && waiting["target"].is_null());
    let record = json(&library, &["trash"])["trash"][0].clone();
    assert_eq!(record["id"], article);
    let dump = folder.path().join("library.jsonl");
    // The sample files imported again (the same import pipeline as files on disk).
    json(&library, &["samples"]);
    let back = json(&library, &["note", "list"])["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(back["article"], article);
    assert_eq!(back["sentence"], sentence);
    assert_eq!(back["target"], target.as_str());

    // Into another library through a JSON Lines dump, where the articles get other ids.
    json(&library, &["dump", dump.to_str().unwrap()]);
    let other = folder.path().join("other.sqlite3");
    json(&other, &["import", fixtures().to_str().unwrap()]);
    json(&other, &["load", dump.to_str().unwrap()]);
    let moved = json(&other, &["note", "list", "--search", "council papers"])["notes"][0].clone();
    assert_eq!(moved["verdict"], "wrong");
    assert_eq!(moved["author"], "Ana Checker");
    assert_eq!(moved["created"], added["created"]);
    assert_eq!(moved["sentence_text"], sentence_text.as_str());
    assert_ne!(
        moved["article"], article,
        "the articles have other ids here"
    );
    let title = |lib: &Path, id: &Value| {
        json(lib, &["list"])["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *id)
            .unwrap()["title"]
            .clone()
    };
    assert_eq!(
        title(&other, &moved["article"]),
        title(&library, &back["article"])
    );
    assert_eq!(
        json(&other, &["note", "list"])["notes"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "the event note came too"
    );
    // Loading the same dump again adds no second copy.
    json(&other, &["load", dump.to_str().unwrap()]);
    assert_eq!(
        json(&other, &["note", "list"])["notes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // A backup holds the notes.
    let backup = folder.path().join("backup.sqlite3");
    json(&library, &["backup", backup.to_str().unwrap()]);
    assert!(ids(&json(&backup, &["note", "list"])).contains(&id));

    // The HTML report shows the note beside its sentence, escaped, with the sources cited.
    let page_path = folder.path().join("report.html");
    let mut args = vec!["export"];
    args.extend(&members);
    args.extend(["--output", page_path.to_str().unwrap()]);
    json(&library, &args);
    let html = std::fs::read_to_string(&page_path).unwrap();
    assert!(!html.contains("<script>alert"), "note text is escaped");
    let page = dom_query::Document::from(html.as_str());
    let asides = page.select("td aside[data-testid=\"note\"]");
    let beside: Vec<String> = asides.iter().map(|a| a.text().to_string()).collect();
    assert!(
        beside
            .iter()
            .any(|t| t.contains(HOSTILE_NOTE) && t.contains("wrong") && t.contains("Ana Checker")),
        "{beside:?}"
    );
    let rows: Vec<String> = page
        .select("[data-testid=\"note-row\"]")
        .iter()
        .map(|r| r.text().to_string())
        .collect();
    assert!(rows.iter().any(|r| r.contains(&sentence_text)
        && r.contains(HOSTILE_NOTE)
        && r.contains(added["created"].as_str().unwrap())));
    assert!(rows.iter().any(|r| r.contains("Checked with the council")));
    let sources = page.select("[data-testid=\"source\"]");
    assert_eq!(sources.length(), members.len());
    for (row, id) in sources.iter().zip(&members) {
        let record = json(&library, &["list"])["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"].as_i64() == id.parse().ok())
            .unwrap()
            .clone();
        let text = row.text().to_string();
        assert!(text.contains(record["outlet"].as_str().unwrap()), "{text}");
        assert!(text.contains(record["title"].as_str().unwrap()), "{text}");
        assert!(
            text.contains(record["published"].as_str().unwrap()),
            "{text}"
        );
        assert!(
            row.select("a[href^=\"https://\"]").exists(),
            "the address links: {text}"
        );
    }
}

/// Imports the fixture articles; their ids by outlet.
fn ferry_library(folder: &Path) -> (PathBuf, i64, i64) {
    let library = folder.join("library.sqlite3");
    let imported = json(&library, &["import", fixtures().to_str().unwrap()]);
    let id_of = |outlet: &str| {
        imported["imported"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["outlet"] == outlet)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    (
        library.clone(),
        id_of("Northsea Wire"),
        id_of("The Kestrel Gazette"),
    )
}

#[test]
fn cite_writes_csl_json_bibtex_and_ris_that_real_parsers_read() {
    let folder = tempfile::tempdir().unwrap();
    let (library, wire, gazette) = ferry_library(folder.path());
    let today = imported_day(&library, wire);
    let wire_title = "Ferry {Aurora} runs aground: 50% of sailings cut & $2m repair bill";
    let wire_url =
        "https://northsea-wire.example/news/2026/03/04/ferry-aurora-aground?ref=rss&utm=1";
    let gazette_url = "https://kestrel-gazette.example/local/aurora-grounded";
    let ids = [wire.to_string(), gazette.to_string()];
    let cite = |format: &str, file: &str| {
        let path = folder.path().join(file);
        json(
            &library,
            &[
                "cite",
                &ids[0],
                &ids[1],
                "--format",
                format,
                "--output",
                path.to_str().unwrap(),
            ],
        );
        std::fs::read_to_string(path).unwrap()
    };

    // CSL-JSON, read by a typed CSL-JSON reader.
    let items = citeworks_csl::from_str(&cite("csl-json", "sources.json")).unwrap();
    assert_eq!(items.len(), 2);
    assert_ne!(items[0].id, items[1].id);
    let wire_item = &items[0];
    assert_eq!(
        wire_item.item_type,
        citeworks_csl::items::ItemType::ArticleNewspaper
    );
    assert_eq!(wire_item.title.as_ref().unwrap().to_string(), wire_title);
    assert_eq!(
        wire_item.container_title.as_ref().unwrap().to_string(),
        "Northsea Wire"
    );
    assert_eq!(wire_item.url.as_ref().unwrap().to_string(), wire_url);
    let names: Vec<(Option<&str>, Option<&str>)> = wire_item
        .author
        .iter()
        .map(|n| (n.given.as_deref(), n.family.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (Some("Jane"), Some("Doe")),
            (Some("Pieter"), Some("van der Berg"))
        ]
    );
    let parts = |date: &Option<citeworks_csl::dates::Date>| match date {
        Some(citeworks_csl::dates::Date::Single { date, .. }) => (date.year, date.month, date.day),
        other => panic!("not a single date: {other:?}"),
    };
    assert_eq!(parts(&wire_item.issued), (2026, Some(3), Some(4)));
    assert_eq!(parts(&wire_item.accessed), today);
    assert_eq!(
        items[1].author[0].literal.as_deref(),
        Some("Staff reporter")
    );
    assert_eq!(
        items[1].container_title.as_ref().unwrap().to_string(),
        "The Kestrel Gazette"
    );

    // BibTeX, read by a BibLaTeX parser: keys unique, special characters survive.
    let bib = biblatex::Bibliography::parse(&cite("bibtex", "sources.bib")).unwrap();
    assert_eq!(bib.len(), 2);
    let entries: Vec<&biblatex::Entry> = bib.iter().collect();
    assert_ne!(entries[0].key, entries[1].key);
    let entry = entries[0];
    assert_eq!(entry.entry_type, biblatex::EntryType::Article);
    use biblatex::ChunksExt;
    let title = entry.title().unwrap().format_verbatim();
    for piece in ["Aurora", "50", "%", "&", "$2m repair bill"] {
        assert!(title.contains(piece), "{piece} in {title}");
    }
    assert_eq!(
        entry.journal_title().unwrap().format_verbatim(),
        "Northsea Wire"
    );
    let authors = entry.author().unwrap();
    assert_eq!(
        (authors[0].given_name.as_str(), authors[0].name.as_str()),
        ("Jane", "Doe")
    );
    assert_eq!(authors[1].name, "Berg");
    assert_eq!(authors[1].prefix, "van der");
    let at = |date: biblatex::PermissiveType<biblatex::Date>| match date {
        biblatex::PermissiveType::Typed(biblatex::Date {
            value: biblatex::DateValue::At(at),
            ..
        }) => (
            at.year as i64,
            at.month.map(|m| m + 1),
            at.day.map(|d| d + 1),
        ),
        other => panic!("not a date: {other:?}"),
    };
    assert_eq!(at(entry.date().unwrap()), (2026, Some(3), Some(4)));
    assert_eq!(at(entry.url_date().unwrap()), today);
    assert_eq!(entry.get("url").unwrap().format_verbatim(), wire_url);
    assert_eq!(
        entries[1].journal_title().unwrap().format_verbatim(),
        "The Kestrel Gazette"
    );

    // RIS, read by a RIS parser.
    let ris = cite("ris", "sources.ris");
    use biblib::CitationParser;
    let records = biblib::RisParser::new().parse(&ris).unwrap();
    assert_eq!(records.len(), 2);
    let record = &records[0];
    assert_eq!(record.title, wire_title);
    assert_eq!(record.journal.as_deref(), Some("Northsea Wire"));
    assert_eq!(record.urls, vec![wire_url.to_string()]);
    assert_eq!(record.date.as_ref().map(|d| d.year), Some(2026));
    assert_eq!(record.extra_fields["DA"], vec!["2026/03/04/".to_string()]);
    let names: Vec<(&str, Option<&str>)> = record
        .authors
        .iter()
        .map(|a| (a.name.as_str(), a.given_name.as_deref()))
        .collect();
    assert_eq!(names[0], ("Doe", Some("Jane")));
    assert_eq!(records[1].journal.as_deref(), Some("The Kestrel Gazette"));
    assert_eq!(records[1].urls, vec![gazette_url.to_string()]);
    // The access date, which this parser sets aside: written as Y2 on every record.
    let (y, m, d) = today;
    let accessed = format!("Y2  - {y}/{:02}/{:02}/", m.unwrap(), d.unwrap());
    assert_eq!(ris.matches(&accessed).count(), 2, "{ris}");
    assert_eq!(ris.matches("TY  - NEWS").count(), 2);
}

/// The day the article entered the library, as `(year, month, day)`, read from its dump.
fn imported_day(library: &Path, id: i64) -> (i64, Option<u8>, Option<u8>) {
    let dump = String::from_utf8(run(library, &["dump", "-"]).stdout).unwrap();
    let line: Value = dump
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|l| l["id"] == id)
        .unwrap();
    let imported = line["imported"].as_str().unwrap();
    let parts: Vec<i64> = imported[..10]
        .split('-')
        .map(|p| p.parse().unwrap())
        .collect();
    (parts[0], Some(parts[1] as u8), Some(parts[2] as u8))
}
