//! The editing commands of the real `parallax` binary on a temporary library filled with the
//! bundled samples: edit, outlets, tags, the trash, alignment corrections, dump, load, backup.

use serde_json::Value;

mod common;
use common::{has_keys, json_of, run_parallax, Workspace, LISTED_ROW_KEYS};

/// Runs a command that must fail with one line on stderr and exit code 1; returns the line.
fn error(setup: &Workspace, args: &[&str]) -> String {
    let output = setup.run(args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    stderr
}

fn article(setup: &Workspace, id: i64) -> Value {
    let list = setup.json(&["list"], 0);
    list["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

fn ids(value: &Value, key: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = value[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

/// Every listed article is in exactly one listed event, and no listed event is empty.
fn assert_events_partition_the_list(setup: &Workspace) {
    let events = setup.json(&["events"], 0);
    let mut in_events: Vec<i64> = Vec::new();
    for event in events["events"].as_array().unwrap() {
        let articles = event["articles"].as_array().unwrap();
        assert!(!articles.is_empty(), "{event}");
        in_events.extend(articles.iter().map(|a| a.as_i64().unwrap()));
    }
    in_events.sort_unstable();
    assert_eq!(in_events, ids(&setup.json(&["list"], 0), "articles"));
}

#[test]
fn edit_corrects_metadata_that_search_sees_and_samples_again_keep() {
    let setup = Workspace::with_samples();
    let edited = setup.json(
        &[
            "edit",
            "5",
            "--title",
            "Army leaders visit Kyiv",
            "--byline",
            "Jo Reporter",
            "--published",
            "2025-11-19T08:00:00Z",
            "--outlet",
            "",
        ],
        0,
    );
    assert_eq!(edited["title"], "Army leaders visit Kyiv");
    assert_eq!(edited["outlet"], Value::Null);
    assert_eq!(edited["published"], "2025-11-19T08:00:00Z");
    assert!(edited.get("text").is_none(), "the text is left out");
    let corrected: Vec<&str> = edited["corrected"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(corrected, ["byline", "outlet", "published", "title"]);

    let hits = setup.json(&["search", "Reporter"], 0);
    assert_eq!(hits["hits"][0]["id"], 5);

    let again = setup.json(&["samples"], 0);
    assert_eq!(again["duplicates"].as_array().unwrap().len(), 8);
    assert_eq!(article(&setup, 5)["title"], "Army leaders visit Kyiv");

    let line = error(&setup, &["edit", "5", "--published", "19 November"]);
    assert!(line.contains("not a date"), "{line}");
    let line = error(&setup, &["edit", "99", "--title", "x"]);
    assert!(line.contains("no article with id 99"), "{line}");
    let output = setup.run(&["edit", "5"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "nothing to correct is a usage error"
    );

    let text = String::from_utf8(
        setup
            .run(&["edit", "5", "--title", "Army chiefs in Kyiv"])
            .stdout,
    )
    .unwrap();
    assert!(
        text.starts_with("article 5: Army chiefs in Kyiv\n"),
        "{text}"
    );
    assert!(
        text.contains("corrected: byline, outlet, published, title"),
        "{text}"
    );
}

#[test]
fn outlets_are_listed_renamed_and_merged() {
    let setup = Workspace::with_samples();
    let outlets = setup.json(&["outlets"], 0);
    let list = outlets["outlets"].as_array().unwrap();
    assert_eq!(list.len(), 8);
    assert!(list
        .iter()
        .all(|o| o["articles"] == 1 && o["outlet"].is_string()));

    let renamed = setup.json(
        &["outlet", "rename", "Original report", "The Meridian Post"],
        0,
    );
    assert_eq!(renamed["merged"], true);
    assert_eq!(renamed["articles"], 1);
    let outlets = setup.json(&["outlets"], 0);
    assert_eq!(outlets["outlets"][0]["outlet"], "The Meridian Post");
    assert_eq!(outlets["outlets"][0]["articles"], 2);
    assert_eq!(outlets["outlets"].as_array().unwrap().len(), 7);

    let text = String::from_utf8(setup.run(&["outlets"]).stdout).unwrap();
    assert!(text.starts_with("     2  The Meridian Post\n"), "{text}");
    let line = error(&setup, &["outlet", "rename", "Nobody's Paper", "X"]);
    assert!(line.contains("no article has the outlet"), "{line}");
}

#[test]
fn tags_show_in_list_and_narrow_it() {
    let setup = Workspace::with_samples();
    let tagged = setup.json(&["tag", "1", "bridge", "local"], 0);
    assert_eq!(tagged["tags"], serde_json::json!(["bridge", "local"]));
    setup.json(&["tag", "2", "Bridge"], 0);
    let untagged = setup.json(&["untag", "1", "LOCAL"], 0);
    assert_eq!(untagged["tags"], serde_json::json!(["bridge"]));

    let list = setup.json(&["list", "--tag", "bridge"], 0);
    assert_eq!(ids(&list, "articles"), [1, 2]);
    for article in list["articles"].as_array().unwrap() {
        has_keys(article, LISTED_ROW_KEYS);
        has_keys(article, &["tags"]);
    }
    assert_eq!(article(&setup, 3)["tags"], serde_json::json!([]));
    let text = String::from_utf8(setup.run(&["list", "--tag", "bridge"]).stdout).unwrap();
    assert!(text.lines().all(|l| l.ends_with("[bridge]")), "{text}");
    let line = error(&setup, &["tag", "42", "x"]);
    assert!(line.contains("no article with id 42"), "{line}");
}

#[test]
fn delete_restore_and_empty_the_trash() {
    let setup = Workspace::with_samples();
    let deleted = setup.json(&["delete", "3", "7"], 0);
    assert_eq!(deleted["deleted"], serde_json::json!([3, 7]));
    assert!(article(&setup, 3).is_null() && article(&setup, 7).is_null());
    assert_events_partition_the_list(&setup);
    let hits = setup.json(&["search", "traders need to know"], 0);
    assert!(hits["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["id"] != 3));
    let line = error(&setup, &["compare", "1", "3"]);
    assert!(line.contains("article 3 is in the trash"), "{line}");

    let trash = setup.json(&["trash"], 0);
    assert_eq!(ids(&trash, "trash"), [3, 7]);
    let text = String::from_utf8(setup.run(&["trash"]).stdout).unwrap();
    assert!(text.contains("2 in the trash"), "{text}");

    let restored = setup.json(&["restore", "3"], 0);
    assert_eq!(restored["restored"][0]["id"], 3);
    assert_eq!(restored["restored"][0]["new_event"], false);
    assert_eq!(article(&setup, 3)["event"], article(&setup, 1)["event"]);
    assert_events_partition_the_list(&setup);
    let line = error(&setup, &["restore", "3"]);
    assert!(line.contains("no article with id 3 in the trash"), "{line}");

    let emptied = setup.json(&["trash", "empty"], 0);
    assert_eq!(emptied["articles"], 1);
    assert_eq!(setup.json(&["trash"], 0)["trash"], serde_json::json!([]));
    assert_events_partition_the_list(&setup);
    assert_eq!(
        setup.json(&["list"], 0)["articles"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
}

#[test]
fn deleting_the_last_article_of_an_event_hides_the_event_until_it_is_restored() {
    let setup = Workspace::with_samples();
    setup.json(&["delete", "1", "2", "3"], 0);
    let events = setup.json(&["events"], 0);
    assert_eq!(events["events"].as_array().unwrap().len(), 1);
    assert_events_partition_the_list(&setup);
    setup.json(&["restore", "2"], 0);
    let events = setup.json(&["events"], 0);
    assert_eq!(events["events"].as_array().unwrap().len(), 2);
    assert_events_partition_the_list(&setup);
}

#[test]
fn alignment_corrections_change_the_comparison() {
    let setup = Workspace::with_samples();
    let pair = |report: &Value| report["pairs"][0].clone();
    let aligned = |report: &Value, i: u64, j: u64| {
        pair(report)["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| {
                a["left"].as_array().unwrap().contains(&i.into())
                    && a["right"].as_array().unwrap().contains(&j.into())
            })
            .cloned()
    };
    let engine = setup.json(&["compare", "1", "2"], 0);
    assert!(
        aligned(&engine, 0, 0).is_some(),
        "the engine aligns the leads"
    );
    assert!(aligned(&engine, 8, 6).is_none());

    let linked = setup.json(&["align", "link", "1:8", "2:6"], 0);
    assert_eq!(linked["overrides"][0]["linked"], true);
    assert_eq!(linked["overrides"][0]["left"]["article"], 1);
    assert!(linked["overrides"][0]["left_text"]
        .as_str()
        .unwrap()
        .starts_with("City engineer"));
    setup.json(&["align", "unlink", "2:0", "1:0"], 0);

    for order in [["1", "2"], ["2", "1"]] {
        let report = setup.json(&["compare", order[0], order[1]], 0);
        let (i, j) = if order[0] == "1" { (8, 6) } else { (6, 8) };
        let made = aligned(&report, i, j).expect("the link is an alignment");
        assert_eq!(made["by_user"], true);
        assert!(
            aligned(&report, 0, 0).is_none(),
            "the unlinked leads stand apart"
        );
        assert!(pair(&report)["left_only"]
            .as_array()
            .unwrap()
            .contains(&0.into()));
    }
    let text = String::from_utf8(setup.run(&["compare", "1", "2"]).stdout).unwrap();
    assert!(text.contains("(linked by you)"), "{text}");

    let listed = setup.json(&["align", "list", "2", "1"], 0);
    assert_eq!(listed["overrides"].as_array().unwrap().len(), 2);
    assert_eq!(listed["overrides"][0]["left"]["article"], 2);
    let exported = setup.json(&["export", "1", "2", "--format", "json"], 0);
    assert!(
        aligned(&exported, 8, 6).is_some(),
        "export applies the corrections too"
    );

    setup.json(&["align", "remove", "1:0", "2:0"], 0);
    assert!(aligned(&setup.json(&["compare", "1", "2"], 0), 0, 0).is_some());
    let cleared = setup.json(&["align", "clear", "1", "2"], 0);
    assert_eq!(cleared["removed"], 1);
    assert_eq!(
        setup.json(&["compare", "1", "2"], 0)["pairs"],
        engine["pairs"]
    );

    let line = error(&setup, &["align", "link", "1:99", "2:0"]);
    assert!(line.contains("has no sentence 99"), "{line}");
    let output = setup.run(&["align", "link", "1-2", "2:0"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn dump_load_and_backup_carry_the_whole_library() {
    let setup = Workspace::with_samples();
    setup.json(&["tag", "4", "kyiv"], 0);
    setup.json(&["edit", "6", "--byline", "Someone Else"], 0);
    setup.json(&["delete", "8"], 0);
    let path = setup.folder().join("library.jsonl");
    let dumped = setup.json(&["dump", path.to_str().unwrap()], 0);
    assert_eq!(dumped["articles"], 7);
    let lines = std::fs::read_to_string(&path).unwrap();
    assert_eq!(lines.lines().count(), 7);
    for line in lines.lines() {
        let article: Value = serde_json::from_str(line).unwrap();
        for key in [
            "id",
            "title",
            "outlet",
            "published",
            "text",
            "tags",
            "event_title",
            "corrected",
        ] {
            assert!(article.get(key).is_some(), "{key} missing in {line}");
        }
    }

    let output = setup.run(&["dump", "-"]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), lines);
    assert_eq!(setup.run(&["dump", "-", "--json"]).status.code(), Some(2));

    let other = setup.folder().join("other.sqlite3");
    let loaded = json_of(&other, &["load", path.to_str().unwrap()], 0);
    assert_eq!(loaded["imported"].as_array().unwrap().len(), 7);
    let events = json_of(&other, &["events"], 0);
    assert_eq!(events["events"].as_array().unwrap().len(), 2);
    let tagged = json_of(&other, &["list", "--tag", "kyiv"], 0);
    assert_eq!(tagged["articles"].as_array().unwrap().len(), 1);
    let from_stdin = run_parallax(&other, &["load", "-", "--json"], Some(lines.as_bytes()));
    let report: Value = serde_json::from_slice(&from_stdin.stdout).unwrap();
    assert_eq!(report["duplicates"].as_array().unwrap().len(), 7);
    let bad = run_parallax(&other, &["load", "-"], Some(b"{\"title\": 3}\n"));
    assert_eq!(bad.status.code(), Some(1), "a failed line exits 1");

    let copy = setup.folder().join("backup.sqlite3");
    let backup = setup.json(&["backup", copy.to_str().unwrap()], 0);
    assert_eq!(backup["articles"], 7);
    let listed = json_of(&copy, &["list"], 0);
    assert_eq!(listed["articles"].as_array().unwrap().len(), 7);
    let trash = json_of(&copy, &["trash"], 0);
    assert_eq!(trash["trash"][0]["id"], 8, "the backup holds the trash too");
    let line = error(&setup, &["backup", setup.library().to_str().unwrap()]);
    assert!(line.contains("library itself"), "{line}");
}
