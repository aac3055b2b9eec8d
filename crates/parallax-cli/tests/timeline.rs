//! Coverage in time and by outlet group, through the real `parallax` binary: four reports of one
//! ferry grounding (two timed, one dated to the day only, one undated) imported from files into
//! a real library file. The reports live in `tests/ferry/`, outside `tests/fixtures/`, whose
//! folder import other tests count.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::{json_of, run_on, Workspace};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("ferry")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn ferry_library() -> Workspace {
    let ferry = Workspace::new();
    let imported = ferry.json(&["import", &fixtures().display().to_string()], 0);
    assert_eq!(
        imported["imported"].as_array().unwrap().len(),
        4,
        "{imported}"
    );
    ferry
}

/// The library id of the article of an outlet.
fn id(ferry: &Workspace, outlet: &str) -> i64 {
    let list = ferry.json(&["list"], 0);
    list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["outlet"] == outlet)
        .unwrap_or_else(|| panic!("no article of {outlet}: {list}"))["id"]
        .as_i64()
        .unwrap()
}

/// The event the four reports were grouped into.
fn event(ferry: &Workspace) -> i64 {
    let events = ferry.json(&["events"], 0);
    let events = events["events"].as_array().unwrap();
    assert_eq!(
        events.len(),
        1,
        "the four reports are one event: {events:?}"
    );
    events[0]["id"].as_i64().unwrap()
}

fn set_groups(ferry: &Workspace, outlet: &str, groups: &[&str]) -> Value {
    let mut args = vec!["outlet", "group", "set", outlet];
    args.extend(groups);
    ferry.json(&args, 0)
}

fn statement<'a>(timeline: &'a Value, starts: &str) -> &'a Value {
    timeline["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"].as_str().unwrap().starts_with(starts))
        .unwrap_or_else(|| panic!("no statement '{starts}' in {timeline}"))
}

#[test]
fn the_timeline_orders_articles_by_publication_to_the_precision_their_dates_give() {
    let ferry = ferry_library();
    let timeline = ferry.json(&["timeline", &event(&ferry).to_string()], 0);
    let articles = timeline["articles"].as_array().unwrap();
    let order: Vec<(&str, &Value, &Value)> = articles
        .iter()
        .map(|a| {
            (
                a["outlet"].as_str().unwrap(),
                &a["published"],
                &a["precision"],
            )
        })
        .collect();
    assert_eq!(
        order,
        [
            (
                "Morning Ledger",
                &Value::from("2025-11-20T07:45:00Z"),
                &Value::from("minute")
            ),
            (
                "Evening Courier",
                &Value::from("2025-11-20T18:10:00Z"),
                &Value::from("minute")
            ),
            // Known only to the day: after the timed reports of that day.
            (
                "Daily Tribune",
                &Value::from("2025-11-20"),
                &Value::from("day")
            ),
            ("Coastal Wire", &Value::Null, &Value::Null),
        ]
    );
    assert_eq!(articles[0]["id"], id(&ferry, "Morning Ledger"));

    let text = ferry.stdout(&["timeline", &event(&ferry).to_string()]);
    let morning = text.find("Morning Ledger").unwrap();
    let evening = text.find("Evening Courier").unwrap();
    let wire = text.find("Coastal Wire").unwrap();
    assert!(morning < evening && evening < wire, "{text}");
    assert!(text.contains("2025-11-20 (day only)"), "{text}");
}

#[test]
fn a_statement_is_first_reported_by_its_earliest_dated_reporter() {
    let ferry = ferry_library();
    let timeline = ferry.json(&["timeline", &event(&ferry).to_string()], 0);
    let (morning, evening, daily, wire) = (
        id(&ferry, "Morning Ledger"),
        id(&ferry, "Evening Courier"),
        id(&ferry, "Daily Tribune"),
        id(&ferry, "Coastal Wire"),
    );

    let aground = statement(&timeline, "The harbour ferry Marlow ran aground");
    assert_eq!(aground["first"], morning);
    let reporters: Vec<i64> = aground["reported_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(
        reporters,
        [morning, evening, daily, wire],
        "in timeline order"
    );

    let police = statement(&timeline, "Police questioned the captain");
    assert_eq!(police["first"], evening);
    assert_eq!(police["reported_by"], serde_json::json!([evening]));

    // The undated wire says it too, but only the Tribune's date is known.
    let markers = statement(&timeline, "Harbour master Ines Calloway");
    assert_eq!(markers["first"], daily);
    assert_eq!(markers["first_tied"], serde_json::json!([]));
    assert_eq!(markers["reported_by"], serde_json::json!([daily, wire]));

    // Nobody dated says it: no first report.
    let tide = statement(&timeline, "A spokesman for the coastguard");
    assert_eq!(tide["first"], Value::Null);
    assert_eq!(tide["reported_by"], serde_json::json!([wire]));
    let statements = timeline["statements"].as_array().unwrap();
    assert_eq!(
        statements.last().unwrap(),
        tide,
        "undated statements come last"
    );
}

/// The `earlier` of each shared passage of the one pair of a two-article comparison.
fn earlier(comparison: &Value) -> Vec<Value> {
    let passages = comparison["pairs"][0]["shared_passages"]
        .as_array()
        .unwrap();
    assert!(!passages.is_empty(), "a shared passage: {comparison}");
    passages
        .iter()
        .map(|p| p.get("earlier").cloned().unwrap_or(Value::Null))
        .collect()
}

#[test]
fn a_copied_passage_points_to_the_article_published_first() {
    let ferry = ferry_library();
    let (morning, evening) = (id(&ferry, "Morning Ledger"), id(&ferry, "Evening Courier"));
    let forward = ferry.json(&["compare", &morning.to_string(), &evening.to_string()], 0);
    assert_eq!(
        earlier(&forward),
        [Value::from(0)],
        "left, the morning report, came first"
    );
    let backward = ferry.json(&["compare", &evening.to_string(), &morning.to_string()], 0);
    assert_eq!(earlier(&backward), [Value::from(1)]);

    // Files compare with the dates read from them, as library articles do.
    let files = ferry.json(
        &[
            "compare",
            &fixture("ferry-evening-courier.md"),
            &fixture("ferry-morning-ledger.md"),
        ],
        0,
    );
    assert_eq!(earlier(&files), [Value::from(1)]);
    let text = ferry.stdout(&["compare", &evening.to_string(), &morning.to_string()]);
    assert!(text.contains("[1] published first"), "{text}");
}

#[test]
fn a_copied_passage_has_no_direction_when_dates_are_missing_equal_or_too_coarse() {
    let ferry = ferry_library();
    let (morning, evening, daily, wire) = (
        id(&ferry, "Morning Ledger"),
        id(&ferry, "Evening Courier"),
        id(&ferry, "Daily Tribune"),
        id(&ferry, "Coastal Wire"),
    );
    let compare = |a: i64, b: i64| ferry.json(&["compare", &a.to_string(), &b.to_string()], 0);
    // The wire is undated.
    assert_eq!(earlier(&compare(morning, wire)), [Value::Null]);
    // The Tribune says only the day, the day of the evening report too.
    assert_eq!(earlier(&compare(evening, daily)), [Value::Null]);
    // The same minute cannot tell either.
    ferry.json(
        &[
            "edit",
            &daily.to_string(),
            "--published",
            "2025-11-20T18:10:00Z",
        ],
        0,
    );
    assert_eq!(earlier(&compare(evening, daily)), [Value::Null]);
    // A later day can.
    ferry.json(
        &["edit", &daily.to_string(), "--published", "2025-11-21"],
        0,
    );
    assert_eq!(earlier(&compare(evening, daily)), [Value::from(0)]);
}

#[test]
fn outlet_groups_are_set_listed_removed_and_filter_the_list() {
    let ferry = ferry_library();
    let set = set_groups(
        &ferry,
        "Morning Ledger",
        &["leaning=left", "country=Averland"],
    );
    assert_eq!(set["outlet"], "Morning Ledger");
    assert_eq!(
        set["groups"],
        serde_json::json!({"leaning": "left", "country": "Averland"})
    );
    set_groups(&ferry, "Daily Tribune", &["leaning=right"]);
    let listed = ferry.json(&["outlet", "group", "list"], 0);
    let outlets = listed["outlets"].as_array().unwrap();
    assert_eq!(outlets.len(), 4, "every outlet, grouped or not: {listed}");
    let groups_of = |listed: &Value, outlet: &str| {
        listed["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["outlet"] == outlet)
            .unwrap()["groups"]
            .clone()
    };
    assert_eq!(
        groups_of(&listed, "Daily Tribune"),
        serde_json::json!({"leaning": "right"})
    );
    assert_eq!(groups_of(&listed, "Coastal Wire"), serde_json::json!({}));

    let left = ferry.json(&["list", "--group", "leaning=left"], 0);
    let outlets: Vec<&Value> = left["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["outlet"])
        .collect();
    assert_eq!(outlets, [&Value::from("Morning Ledger")]);

    // An empty group removes the outlet from that dimension only.
    let removed = set_groups(&ferry, "Morning Ledger", &["leaning="]);
    assert_eq!(
        removed["groups"],
        serde_json::json!({"country": "Averland"})
    );
    let left = ferry.json(&["list", "--group", "leaning=left"], 0);
    assert!(left["articles"].as_array().unwrap().is_empty());

    let text = ferry.stdout(&["outlet", "group", "list"]);
    assert!(text.contains("Daily Tribune  leaning=right"), "{text}");

    // An outlet no article has is refused; so is a group not written DIMENSION=GROUP.
    let unknown = run_on(
        &ferry.library(),
        &["outlet", "group", "set", "Nobody", "leaning=left"],
    );
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nobody"));
    let malformed = run_on(
        &ferry.library(),
        &["outlet", "group", "set", "Daily Tribune", "right"],
    );
    assert_eq!(malformed.status.code(), Some(2));
}

#[test]
fn outlet_groups_follow_a_rename_and_a_merge() {
    let ferry = ferry_library();
    set_groups(
        &ferry,
        "Morning Ledger",
        &["leaning=left", "owner=Ledger Group"],
    );
    set_groups(&ferry, "Evening Courier", &["leaning=centre"]);
    ferry.json(&["outlet", "rename", "Morning Ledger", "The Ledger"], 0);
    let listed = ferry.json(&["outlet", "group", "list"], 0);
    let find = |listed: &Value, outlet: &str| {
        listed["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["outlet"] == outlet)
            .map(|o| o["groups"].clone())
    };
    assert_eq!(
        find(&listed, "The Ledger"),
        Some(serde_json::json!({"leaning": "left", "owner": "Ledger Group"}))
    );
    assert_eq!(find(&listed, "Morning Ledger"), None);

    // Merged into the Courier: the Courier's leaning stays, the owner it lacked joins it.
    let merged = ferry.json(&["outlet", "rename", "The Ledger", "Evening Courier"], 0);
    assert_eq!(merged["merged"], true);
    let listed = ferry.json(&["outlet", "group", "list"], 0);
    assert_eq!(
        find(&listed, "Evening Courier"),
        Some(serde_json::json!({"leaning": "centre", "owner": "Ledger Group"}))
    );
    assert_eq!(find(&listed, "The Ledger"), None);
}

#[test]
fn dump_and_load_keep_outlet_groups() {
    let ferry = ferry_library();
    set_groups(&ferry, "Morning Ledger", &["leaning=left"]);
    set_groups(&ferry, "Coastal Wire", &["leaning=right", "kind=wire"]);
    let dumped = ferry.folder().join("library.jsonl");
    ferry.json(&["dump", &dumped.display().to_string()], 0);
    let lines = std::fs::read_to_string(&dumped).unwrap();
    assert!(
        lines.contains(r#""outlet_groups":{"kind":"wire","leaning":"right"}"#),
        "{lines}"
    );

    let other = ferry.folder().join("other.sqlite3");
    let loaded = json_of(&other, &["load", &dumped.display().to_string()], 0);
    assert_eq!(loaded["imported"].as_array().unwrap().len(), 4);
    assert_eq!(
        json_of(&other, &["outlet", "group", "list"], 0),
        ferry.json(&["outlet", "group", "list"], 0)
    );
}

#[test]
fn coverage_by_group_names_what_only_one_group_reports() {
    let ferry = ferry_library();
    set_groups(&ferry, "Morning Ledger", &["leaning=left"]);
    set_groups(&ferry, "Evening Courier", &["leaning=left"]);
    set_groups(&ferry, "Daily Tribune", &["leaning=right"]);
    set_groups(&ferry, "Coastal Wire", &["leaning=right"]);
    let ids: Vec<String> = [
        "Morning Ledger",
        "Evening Courier",
        "Daily Tribune",
        "Coastal Wire",
    ]
    .iter()
    .map(|o| id(&ferry, o).to_string())
    .collect();
    let mut args = vec!["compare"];
    args.extend(ids.iter().map(String::as_str));
    let comparison = ferry.json(&args, 0);
    let leaning = &comparison["coverage"]["by_group"]["leaning"];
    let texts = |share: &Value| -> Vec<String> {
        share["statements"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["text"].as_str().unwrap().to_string())
            .collect()
    };
    let right = texts(&leaning["groups"]["right"]);
    assert!(
        right
            .iter()
            .any(|t| t.starts_with("Harbour master Ines Calloway")),
        "{right:?}"
    );
    assert!(
        right
            .iter()
            .any(|t| t.starts_with("A spokesman for the coastguard")),
        "{right:?}"
    );
    let left = texts(&leaning["groups"]["left"]);
    assert!(
        left.contains(&"Police questioned the captain on Thursday afternoon.".to_string()),
        "{left:?}"
    );
    assert!(
        left.contains(&"No injuries were reported.".to_string()),
        "{left:?}"
    );
    assert!(!left.iter().any(|t| t.contains("ran aground")), "{left:?}");
    let every = texts(&leaning["every_group"]);
    assert!(
        every
            .iter()
            .any(|t| t.contains("ran aground off Kestrel Point")),
        "{every:?}"
    );
    // Sentence refs point at the sentence the text is.
    let only_police = leaning["groups"]["left"]["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["text"] == "Police questioned the captain on Thursday afternoon.")
        .unwrap();
    let at = &only_police["sentences"][0];
    let article = at["article"].as_u64().unwrap() as usize;
    let sentence = at["sentence"].as_u64().unwrap() as usize;
    assert_eq!(
        comparison["articles"][article]["sentences"][sentence],
        "Police questioned the captain on Thursday afternoon."
    );
    assert_eq!(comparison["articles"][article]["outlet"], "Evening Courier");
    let right_entities = leaning["groups"]["right"]["entities"].as_array().unwrap();
    assert!(
        right_entities.contains(&Value::from("Ines Calloway")),
        "{right_entities:?}"
    );

    let mut text_args = vec!["compare"];
    text_args.extend(ids.iter().map(String::as_str));
    let text = ferry.stdout(&text_args);
    let by = text
        .split("By leaning:")
        .nth(1)
        .unwrap_or_else(|| panic!("{text}"));
    let right = by.split("only leaning=right:").nth(1).unwrap();
    assert!(right.contains("- Harbour master Ines Calloway"), "{text}");

    // Without groups, no by_group.
    let plain = ferry_library();
    let ids: Vec<String> = ["Morning Ledger", "Evening Courier"]
        .iter()
        .map(|o| id(&plain, o).to_string())
        .collect();
    let comparison = plain.json(&["compare", &ids[0], &ids[1]], 0);
    assert!(comparison["coverage"].get("by_group").is_none());
}

#[test]
fn exports_carry_the_timeline_and_the_direction_of_copying() {
    let ferry = ferry_library();
    let (morning, evening, wire) = (
        id(&ferry, "Morning Ledger").to_string(),
        id(&ferry, "Evening Courier").to_string(),
        id(&ferry, "Coastal Wire").to_string(),
    );
    let markdown = ferry.stdout(&["export", &wire, &evening, &morning, "--format", "markdown"]);
    let section = markdown
        .split("## Timeline")
        .nth(1)
        .unwrap_or_else(|| panic!("no timeline: {markdown}"));
    let section = section.split("\n## ").next().unwrap();
    let at = |what: &str| {
        section
            .find(what)
            .unwrap_or_else(|| panic!("{what}: {section}"))
    };
    assert!(
        at("2025-11-20T07:45:00Z: Morning Ledger") < at("2025-11-20T18:10:00Z: Evening Courier")
    );
    assert!(at("2025-11-20T18:10:00Z: Evening Courier") < at("undated: Coastal Wire"));
    assert!(
        section.contains("| Police questioned the captain on Thursday afternoon. | Evening Courier | Evening Courier |"),
        "{section}"
    );
    assert!(
        markdown.contains("Morning Ledger published first"),
        "{markdown}"
    );

    let json = ferry.json(
        &["export", &wire, &evening, &morning, "--format", "json"],
        0,
    );
    let first = &json["timeline"]["articles"][0];
    assert_eq!(first["outlet"], "Morning Ledger");
    assert_eq!(first["precision"], "minute");
    assert_eq!(first["index"], 2);

    let html_file = ferry.folder().join("ferry.html");
    ferry.json(
        &[
            "export",
            &wire,
            &evening,
            &morning,
            "--output",
            &html_file.display().to_string(),
        ],
        0,
    );
    let html = std::fs::read_to_string(&html_file).unwrap();
    assert!(html.contains("<section id=\"timeline\">"), "{html}");
    assert!(html.contains("Morning Ledger published first"));
}
