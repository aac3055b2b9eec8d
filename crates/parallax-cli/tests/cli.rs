//! The real `parallax` binary on real files and a temporary library.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{has_keys, Workspace, LISTED_ROW_KEYS};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn fixture_str(name: &str) -> String {
    fixture(name).display().to_string()
}

#[test]
fn extract_prints_the_article_with_path_and_word_count() {
    let setup = Workspace::new();
    let article = setup.json(&["extract", &fixture_str("daily-report.md")], 0);
    has_keys(
        &article,
        &[
            "path",
            "format",
            "title",
            "outlet",
            "byline",
            "published",
            "url",
            "language",
            "text",
            "word_count",
        ],
    );
    assert_eq!(article["format"], "markdown");
    assert_eq!(
        article["title"],
        "Driscoll leads Army chiefs to Kyiv as peace plan circulates"
    );
    assert_eq!(article["outlet"], "The Daily Example");
    assert_eq!(article["published"], "2025-11-20");
    assert!(article["word_count"].as_u64().unwrap() > 50);
    assert!(article["text"]
        .as_str()
        .unwrap()
        .starts_with("Army Secretary Dan Driscoll"));
    assert!(!setup.library().exists(), "extract touches no library");

    let page = setup.json(&["extract", &fixture_str("harbour-bridge.html")], 0);
    assert_eq!(page["format"], "html");
    let text = page["text"].as_str().unwrap();
    assert!(
        text.contains("\n\n"),
        "paragraphs are separated by a blank line"
    );
    assert!(
        !text.contains("Copyright") && !text.contains("Home"),
        "the page's furniture is left out: {text}"
    );
}

#[test]
fn extract_without_json_prints_readable_text() {
    let setup = Workspace::new();
    let output = setup.run(&["extract", &fixture_str("wire-report.txt")]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("Army delegation arrives in Kyiv for peace talks\n"));
    assert!(text.contains("format: text"));
}

#[test]
fn entities_lists_names_and_quantities() {
    let setup = Workspace::new();
    let found = setup.json(&["entities", &fixture_str("wire-report.txt")], 0);
    assert_eq!(keys(&found), ["entities", "quantities"]);
    for entity in found["entities"].as_array().unwrap() {
        has_keys(entity, &["name", "kind", "mentions", "aliases"]);
        assert!(
            ["person", "organization", "place"].contains(&entity["kind"].as_str().unwrap()),
            "{entity}"
        );
    }
    for quantity in found["quantities"].as_array().unwrap() {
        has_keys(quantity, &["text", "kind", "value"]);
    }
}

#[test]
fn entities_of_several_files_are_resolved_across_them_with_their_overlap() {
    let setup = Workspace::new();
    let folder = setup.folder();
    let a = folder.join("a.txt");
    let b = folder.join("b.txt");
    std::fs::write(
        &a,
        "Talks in Kyiv\n\nPresident Volodymyr Zelensky met Army Secretary Dan Driscoll in Kyiv \
         on Thursday. Zelensky thanked the Pentagon.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Driscoll in Kyiv\n\nOfficials said Driscoll met President Zelenskyy in Kyiv on Friday. \
         Driscoll left.",
    )
    .unwrap();
    let found = setup.json(&["entities", a.to_str().unwrap(), b.to_str().unwrap()], 0);
    assert_eq!(
        keys(&found),
        ["articles", "entities", "overlap", "quantities"]
    );
    let row = |name: &str| {
        found["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no {name} in {found}"))
            .clone()
    };
    assert_eq!(
        row("Volodymyr Zelensky")["mentions"],
        serde_json::json!([2, 1])
    );
    assert!(row("Volodymyr Zelensky")["aliases"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("Zelenskyy")));
    assert_eq!(row("Dan Driscoll")["mentions"], serde_json::json!([1, 2]));
    assert_eq!(row("Pentagon")["mentions"], serde_json::json!([1, 0]));
    let people = found["overlap"]["by_kind"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "person")
        .unwrap()
        .clone();
    assert_eq!(
        (people["shared"].as_u64(), people["named"].as_u64()),
        (Some(2), Some(2))
    );
    let weekdays: Vec<(u64, &str)> = found["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["kind"] == "weekday")
        .map(|q| (q["article"].as_u64().unwrap(), q["text"].as_str().unwrap()))
        .collect();
    assert_eq!(weekdays, [(0, "Thursday"), (1, "Friday")]);

    let text = setup.run(&["entities", a.to_str().unwrap(), b.to_str().unwrap()]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("named by all: 2 of 2"), "{text}");
    // Neither names an organisation besides the Pentagon: one of one, not a share of nothing.
    assert!(
        text.contains("organization  named by all: 0 of 1"),
        "{text}"
    );

    // Two reports that name a place and nobody: no share is claimed for people.
    let (c, d) = (folder.join("c.txt"), folder.join("d.txt"));
    std::fs::write(
        &c,
        "Rain in Leeds\n\nThe rain fell all day in Leeds and the water rose.",
    )
    .unwrap();
    std::fs::write(&d, "Floods\n\nWater rose in Leeds after a day of rain.").unwrap();
    let text = setup.run(&["entities", c.to_str().unwrap(), d.to_str().unwrap()]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("person        none named"), "{text}");
    assert!(
        text.contains("place         named by all: 1 of 1"),
        "{text}"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_one_line_on_stderr_and_exit_code_1() {
    let setup = Workspace::new();
    for args in [
        vec!["extract", "/no/such/file.txt"],
        vec!["extract", &fixture_str("broken.pdf")],
    ] {
        let output = setup.run(&args);
        assert_eq!(output.status.code(), Some(1));
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("parallax: "), "{stderr}");
    }
}

#[test]
fn usage_errors_exit_with_code_2() {
    let setup = Workspace::new();
    assert_eq!(setup.run(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(
        setup.run(&["compare", "only-one.txt"]).status.code(),
        Some(2)
    );
    assert_eq!(setup.run(&["import"]).status.code(), Some(2));
}

#[test]
fn compare_of_two_files_prints_aligned_pairs_with_word_diffs() {
    let setup = Workspace::new();
    let report = setup.json(
        &[
            "compare",
            &fixture_str("wire-report.txt"),
            &fixture_str("daily-report.md"),
        ],
        0,
    );
    has_keys(&report, &["articles", "pairs", "entities"]);
    let articles = report["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for article in articles {
        has_keys(article, &["ref", "title", "outlet", "sentences"]);
    }
    assert_eq!(articles[0]["ref"], fixture_str("wire-report.txt"));
    let pair = &report["pairs"][0];
    has_keys(
        pair,
        &[
            "left",
            "right",
            "similarity",
            "alignments",
            "left_only",
            "right_only",
            "shared_passages",
            "conflicts",
        ],
    );
    assert_eq!(
        (pair["left"].as_u64(), pair["right"].as_u64()),
        (Some(0), Some(1))
    );
    let alignments = pair["alignments"].as_array().unwrap();
    assert!(!alignments.is_empty());
    for alignment in alignments {
        has_keys(alignment, &["left", "right", "score", "diff"]);
        for run in alignment["diff"].as_array().unwrap() {
            has_keys(run, &["op", "text"]);
            assert!(["equal", "insert", "delete"].contains(&run["op"].as_str().unwrap()));
        }
    }
    for entity in report["entities"].as_array().unwrap() {
        has_keys(entity, &["name", "kind", "aliases", "mentions"]);
        assert_eq!(entity["mentions"].as_array().unwrap().len(), 2);
    }
}

#[test]
fn the_sample_events_patriot_amount_is_one_disputed_fact_with_both_values() {
    let folder =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../parallax-library/samples/kyiv-delegation");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let mut args = vec!["compare".to_string()];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let report = Workspace::new().json(&args, 0);
    let outlets: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["outlet"].as_str().unwrap())
        .collect();
    let amounts: Vec<&Value> = report["disputed_facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|fact| fact["kind"] == "money")
        .collect();
    assert_eq!(amounts.len(), 1, "one disputed amount: {amounts:#?}");
    has_keys(amounts[0], &["kind", "what", "values"]);
    let values = amounts[0]["values"].as_array().unwrap();
    assert_eq!(values.len(), 2, "$105 million and $105m are one value");
    let who = |value: &Value| -> Vec<&str> {
        value["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| outlets[k.as_u64().unwrap() as usize])
            .collect()
    };
    assert_eq!(values[0]["text"], "$105 million");
    assert_eq!(
        who(&values[0]),
        [
            "Original report",
            "Northgate Wire",
            "The Meridian Post",
            "The Lakeshore Ledger"
        ]
    );
    assert_eq!(values[1]["text"], "$150 million");
    assert_eq!(who(&values[1]), ["Continental Daily"]);
    for value in values {
        for place in value["sentences"].as_array().unwrap() {
            let (article, sentence) = (place[0].as_u64().unwrap(), place[1].as_u64().unwrap());
            let text = report["articles"][article as usize]["sentences"][sentence as usize]
                .as_str()
                .unwrap();
            assert!(text.contains("PATRIOT"), "{text}");
        }
    }
}

#[test]
fn compare_accepts_library_ids() {
    let setup = Workspace::new();
    let imported = setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("daily-report.md"),
        ],
        0,
    );
    let ids: Vec<String> = imported["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].to_string())
        .collect();
    let report = setup.json(&["compare", &ids[0], &ids[1]], 0);
    assert_eq!(report["articles"][0]["ref"], ids[0].as_str());
    assert_eq!(
        report["articles"][1]["title"],
        "Driscoll leads Army chiefs to Kyiv as peace plan circulates"
    );
    let output = setup.run(&["compare", &ids[0], "999"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("no article with id 999"));
}

#[test]
fn import_reports_each_file_and_never_stores_a_duplicate() {
    let setup = Workspace::new();
    let first = setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("harbour-bridge.html"),
        ],
        0,
    );
    assert_eq!(
        keys(&first),
        ["cancelled", "duplicates", "failed", "imported"]
    );
    let imported = first["imported"].as_array().unwrap();
    assert_eq!(imported.len(), 2);
    for article in imported {
        has_keys(article, &["id", "path", "title", "outlet"]);
    }
    let again = setup.json(&["import", &fixture_str("wire-report.txt")], 0);
    assert!(again["imported"].as_array().unwrap().is_empty());
    let duplicate = &again["duplicates"][0];
    has_keys(duplicate, &["path", "existing_id"]);
    assert_eq!(duplicate["existing_id"], imported[0]["id"]);
    let list = setup.json(&["list"], 0);
    assert_eq!(list["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn a_failing_file_in_a_batch_exits_1_and_the_rest_is_imported() {
    let setup = Workspace::new();
    let report = setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("broken.pdf"),
            &fixture_str("daily-report.md"),
        ],
        1,
    );
    assert_eq!(report["imported"].as_array().unwrap().len(), 2);
    let failed = report["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    has_keys(&failed[0], &["path", "error"]);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("broken.pdf"));
    assert_eq!(
        setup.json(&["list"], 0)["articles"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_folder_is_walked() {
    let setup = Workspace::new();
    let report = setup.json(&["import", &fixture_str("")], 1);
    assert_eq!(report["imported"].as_array().unwrap().len(), 3, "{report}");
    assert_eq!(report["failed"].as_array().unwrap().len(), 1, "broken.pdf");
}

#[test]
fn list_prints_the_contract_fields() {
    let setup = Workspace::new();
    setup.json(&["import", &fixture_str("daily-report.md")], 0);
    let list = setup.json(&["list"], 0);
    assert_eq!(keys(&list), ["articles"]);
    let article = &list["articles"][0];
    has_keys(article, LISTED_ROW_KEYS);
    assert_eq!(article["outlet"], "The Daily Example");
    assert!(article["path"]
        .as_str()
        .unwrap()
        .ends_with("daily-report.md"));
    assert!(article["event"].is_i64());
}

#[test]
fn search_finds_articles_best_first_with_snippets() {
    let setup = Workspace::new();
    setup.json(&["import", &fixture_str("")], 1);
    let found = setup.json(&["search", "ferry shuttle"], 0);
    assert_eq!(keys(&found), ["hits"]);
    let hits = found["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    has_keys(&hits[0], &["id", "title", "outlet", "snippet"]);
    assert_eq!(
        hits[0]["title"],
        "Council votes to close Harbour Bridge for repairs"
    );
    assert!(hits[0]["snippet"].as_str().unwrap().contains("ferry"));
    let driscoll = setup.json(&["search", "Driscoll"], 0);
    assert_eq!(driscoll["hits"].as_array().unwrap().len(), 2);
    let none = setup.json(&["search", "zeppelin"], 0);
    assert!(none["hits"].as_array().unwrap().is_empty());
}

#[test]
fn events_group_reports_of_one_story() {
    let setup = Workspace::new();
    let report = setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("harbour-bridge.html"),
            &fixture_str("daily-report.md"),
        ],
        0,
    );
    let ids: Vec<i64> = report["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    let events = setup.json(&["events"], 0);
    assert_eq!(keys(&events), ["events"]);
    let mut groups: Vec<Vec<i64>> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            has_keys(e, &["id", "title", "articles"]);
            let mut articles: Vec<i64> = e["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_i64().unwrap())
                .collect();
            articles.sort_unstable();
            articles
        })
        .collect();
    groups.sort();
    assert_eq!(groups, vec![vec![ids[0], ids[2]], vec![ids[1]]]);
}

#[test]
fn samples_fill_the_library_only_when_asked() {
    let setup = Workspace::new();
    assert!(setup.json(&["list"], 0)["articles"]
        .as_array()
        .unwrap()
        .is_empty());
    let report = setup.json(&["samples"], 0);
    assert!(report["imported"].as_array().unwrap().len() >= 7);
    assert_eq!(
        setup.json(&["events"], 0)["events"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn the_library_comes_from_the_environment_when_not_given() {
    let setup = Workspace::new();
    let path = setup.folder().join("from-env.sqlite3");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["samples", "--json"])
        .env("PARALLAX_LIBRARY", &path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(path.exists());
}

#[test]
fn a_file_that_is_not_a_library_is_refused_with_one_line() {
    let setup = Workspace::new();
    std::fs::write(
        setup.library(),
        "plain text, not a database, long enough for a header check",
    )
    .unwrap();
    let output = setup.run(&["list"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.trim_end().lines().count(), 1);
    assert!(stderr.contains("not a Parallax library"), "{stderr}");
}

#[test]
fn events_can_be_corrected_and_explained() {
    let setup = Workspace::new();
    let report = setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("harbour-bridge.html"),
            &fixture_str("daily-report.md"),
        ],
        0,
    );
    let imported = report["imported"].as_array().unwrap();
    let (wire, daily) = (imported[0]["id"].to_string(), imported[2]["id"].to_string());

    let why = setup.json(&["why", &daily], 0);
    assert_eq!(why["grouped_with"].to_string(), wire);
    assert!(!why["shared_terms"].as_array().unwrap().is_empty());
    let text = String::from_utf8(setup.run(&["why", &daily]).stdout).unwrap();
    assert!(text.contains("resembles article"), "{text}");

    let bridge_event = imported[1]["event"].to_string();
    let renamed = setup.json(
        &["event", "rename", &bridge_event, "Harbour Bridge closure"],
        0,
    );
    assert!(renamed["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["title"] == "Harbour Bridge closure"));

    let split = setup.json(&["event", "move", &daily, "--new"], 0);
    assert_eq!(split["events"].as_array().unwrap().len(), 3);
    let wire_event = imported[0]["event"].to_string();
    let articles = setup.json(&["list"], 0);
    let daily_event = articles["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == imported[2]["id"])
        .unwrap()["event"]
        .to_string();
    assert_ne!(daily_event, wire_event);
    let merged = setup.json(&["event", "merge", &wire_event, &daily_event], 0);
    assert_eq!(merged["events"].as_array().unwrap().len(), 2);

    let missing = setup.run(&["event", "rename", "999", "x"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("no event with id 999"));
    assert_eq!(
        setup.run(&["event", "move", &daily]).status.code(),
        Some(2),
        "--to or --new is required"
    );
}

#[test]
fn search_takes_filters() {
    let setup = Workspace::new();
    setup.json(
        &[
            "import",
            &fixture_str("wire-report.txt"),
            &fixture_str("daily-report.md"),
        ],
        0,
    );
    let all = setup.json(&["search", "Driscoll"], 0);
    assert_eq!(all["hits"].as_array().unwrap().len(), 2);
    let daily = setup.json(&["search", "Driscoll", "--outlet", "The Daily Example"], 0);
    let hits = daily["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["outlet"], "The Daily Example");
    let later = setup.json(&["search", "Driscoll", "--since", "2025-11-21"], 0);
    assert!(later["hits"].as_array().unwrap().is_empty());
    // The window's filters, by tag and by outlet group, narrow the search as they narrow the list.
    let daily_id = hits[0]["id"].to_string();
    setup.json(&["tag", &daily_id, "Follow up"], 0);
    let tagged = setup.json(&["search", "Driscoll", "--tag", "follow UP"], 0);
    let tagged = tagged["hits"].as_array().unwrap();
    assert_eq!(tagged.len(), 1);
    assert_eq!(tagged[0]["id"].to_string(), daily_id);
    setup.json(
        &[
            "outlet",
            "group",
            "set",
            "The Daily Example",
            "kind=newspaper",
        ],
        0,
    );
    let grouped = setup.json(&["search", "Driscoll", "--group", "kind=newspaper"], 0);
    let grouped = grouped["hits"].as_array().unwrap();
    assert_eq!(grouped.len(), 1);
    assert_eq!(grouped[0]["outlet"], "The Daily Example");
    let bad = setup.run(&["search", "Driscoll", "--since", "21 Nov"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a date: write it as YYYY-MM-DD"));
    assert_eq!(
        setup.json(
            &["search", "Driscoll", "--limit", "1", "--sort", "newest"],
            0
        )["hits"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_comparison_of_more_than_twenty_articles_is_refused_with_a_clear_error() {
    let setup = Workspace::new();
    let file = fixture("wire-report.txt");
    let file = file.to_str().unwrap();
    let args: Vec<&str> = std::iter::once("compare")
        .chain(std::iter::repeat_n(file, 21))
        .collect();
    let output = setup.run(&args);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("at most 20 articles, 21 given"), "{error}");
    assert_eq!(error.trim().lines().count(), 1, "one line: {error}");
    // A library article named twice is refused, as the window refuses it.
    setup.json(&["import", file], 0);
    let twice = setup.run(&["compare", "1", "1"]);
    assert_eq!(twice.status.code(), Some(1));
    let error = String::from_utf8_lossy(&twice.stderr);
    assert!(error.contains("article 1 was chosen twice"), "{error}");
}

#[test]
fn imported_markdown_with_a_date_under_its_headline_is_listed_with_that_date() {
    let setup = Workspace::new();
    let folder = tempfile::tempdir().unwrap();
    let italic = folder.path().join("ferries.md");
    std::fs::write(
        &italic,
        "# Ferries resume on the harbour route\n*The Harbour Gazette*, 2025-11-20\n\nThe ferries sailed again on Thursday after a week of repairs.\n",
    )
    .unwrap();
    let dateline = folder.path().join("bridge.txt");
    std::fs::write(
        &dateline,
        "Bridge reopens to traffic\n\nPORTSMOUTH, Nov 21 — The bridge reopened on Friday, a week after the closure of Nov. 14, 2025.\n",
    )
    .unwrap();
    let extracted = setup.json(&["extract", &dateline.display().to_string()], 0);
    assert_eq!(
        extracted["outlet"],
        Value::Null,
        "a wire copy names no outlet"
    );
    assert_eq!(extracted["published"], "2025-11-21");
    setup.json(&["import", &folder.path().display().to_string()], 0);
    let list = setup.json(&["list"], 0);
    let published = |title: &str| {
        list["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == title)
            .unwrap_or_else(|| panic!("{title} not listed: {list}"))["published"]
            .clone()
    };
    assert_eq!(
        published("Ferries resume on the harbour route"),
        "2025-11-20"
    );
    assert_eq!(published("Bridge reopens to traffic"), "2025-11-21");
}

#[test]
fn search_ranks_a_copied_phrase_first_in_the_same_order_as_the_window_listing() {
    let setup = Workspace::new();
    let folder = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("scattered.txt", "Ferry and harbour rules reviewed\n\nThe harbour office said on Monday that a review of the mooring rules would take months. Skippers on the ferry route have waited since spring. A council grant, approved for the quay last year, is still pending."),
        ("phrase.txt", "Crossing suspended for repairs\n\nThe operator acted on Thursday. The ferry and harbour council approved a closure of the crossing while the quay is rebuilt, and skippers were told to expect a long wait."),
    ] {
        std::fs::write(folder.path().join(name), text).unwrap();
    }
    setup.json(&["import", &folder.path().display().to_string()], 0);
    let query = "ferry and harbour council approved";
    let hits = setup.json(&["search", query], 0);
    let cli_order: Vec<i64> = hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    assert_eq!(hits["hits"][0]["title"], "Crossing suspended for repairs");
    let library = parallax_library::Library::open(&setup.library()).unwrap();
    let listing = library
        .find_articles(query, &parallax_library::SearchOptions::default(), 0)
        .unwrap();
    let window_order: Vec<i64> = listing.articles.iter().map(|a| a.id).collect();
    assert_eq!(cli_order, window_order);
    assert_eq!(cli_order.len(), 2);
}

#[test]
fn extract_says_when_a_file_names_no_outlet() {
    let setup = Workspace::new();
    let folder = tempfile::tempdir().unwrap();
    let wire = folder.path().join("harbour-wire.txt");
    std::fs::write(
        &wire,
        "Harbour reopens\n\nPORTSMOUTH, Nov 21 — The harbour reopened on Friday.\n",
    )
    .unwrap();
    let output = setup.run(&["extract", &wire.display().to_string()]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("outlet: not found in the file"), "{text}");
    assert_eq!(
        setup.json(&["extract", &wire.display().to_string()], 0)["outlet"],
        Value::Null
    );
}

#[test]
fn json_printed_to_a_pipe_is_one_compact_line_for_a_program_to_read() {
    let setup = Workspace::with_samples();
    for args in [
        &["list", "--json"][..],
        &["events", "--json"],
        &["search", "Kyiv", "--json"],
        &["outlets", "--json"],
        &["compare", "1", "2", "--json"],
    ] {
        let output = setup.run(args);
        assert!(output.status.success(), "{args:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(stdout.lines().count(), 1, "{args:?}: {stdout}");
        serde_json::from_str::<Value>(&stdout).unwrap();
    }
}
