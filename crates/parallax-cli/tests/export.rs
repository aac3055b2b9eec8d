//! `parallax export`: the real binary writes a comparison of files or library articles as
//! HTML, Markdown, JSON or CSV, to a file or to standard output.

use std::path::Path;

use serde_json::Value;

mod common;
use common::Workspace;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
        .display()
        .to_string()
}

/// Imports the two fixture reports of one event and returns their library ids.
fn import(setup: &Workspace) -> Vec<String> {
    let imported: Value = serde_json::from_str(&setup.stdout(&[
        "import",
        &fixture("wire-report.txt"),
        &fixture("daily-report.md"),
        "--json",
    ]))
    .unwrap();
    imported["imported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].to_string())
        .collect()
}

#[test]
fn export_writes_a_self_contained_html_page_of_library_articles() {
    let setup = Workspace::new();
    let ids = import(&setup);
    let page = setup.path("event.html");
    let page_arg = page.display().to_string();
    let written: Value = serde_json::from_str(&setup.stdout(&[
        "export", &ids[0], &ids[1], "--format", "html", "--output", &page_arg, "--json",
    ]))
    .unwrap();
    assert_eq!(written["path"], page_arg.as_str());
    assert_eq!(written["format"], "html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(written["bytes"], html.len());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    ));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(
        html.contains("The Daily Example"),
        "the outlet heads a column"
    );
    assert!(html.contains("data-testid=\"aligned-pair\""));
    assert!(html.contains("data-testid=\"entity-table\""));
}

#[test]
fn export_without_output_prints_markdown_of_files() {
    let setup = Workspace::new();
    let markdown = setup.stdout(&[
        "export",
        &fixture("wire-report.txt"),
        &fixture("daily-report.md"),
        "--format",
        "markdown",
    ]);
    assert!(markdown.starts_with("# Army delegation arrives in Kyiv for peace talks\n"));
    for heading in [
        "## Articles",
        "## Aligned sentences",
        "## Conflicting facts",
        "## Who and what each article names",
    ] {
        assert!(markdown.contains(heading), "{heading} in {markdown}");
    }
    assert!(
        !setup.path("library.sqlite3").exists(),
        "files need no library"
    );
}

#[test]
fn export_as_json_prints_the_document_compare_prints() {
    let setup = Workspace::new();
    let ids = import(&setup);
    // The export file is indented for reading; compare's piped output is compact: the same
    // document either way.
    let document = |args: &[&str]| -> serde_json::Value {
        serde_json::from_str(&setup.stdout(args)).expect("one JSON document")
    };
    let exported = document(&["export", &ids[0], &ids[1], "--format", "json"]);
    let compared = document(&["compare", &ids[0], &ids[1], "--json"]);
    assert_eq!(exported, compared);
    let from_json_flag = document(&["export", &ids[0], &ids[1], "--json"]);
    assert_eq!(from_json_flag, compared, "--json alone exports JSON");
}

#[test]
fn export_as_csv_writes_the_entity_matrix_compare_finds() {
    let setup = Workspace::new();
    let table = setup.path("entities.csv");
    let table_arg = table.display().to_string();
    let files = [fixture("wire-report.txt"), fixture("daily-report.md")];
    setup.stdout(&["export", &files[0], &files[1], "--output", &table_arg]);
    let compared: Value =
        serde_json::from_str(&setup.stdout(&["compare", &files[0], &files[1], "--json"])).unwrap();

    let mut reader = csv::Reader::from_path(&table).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().take(3).collect::<Vec<_>>(),
        ["name", "kind", "aliases"]
    );
    assert_eq!(&headers[4], "The Daily Example");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let entities = compared["entities"].as_array().unwrap();
    // The entities, then one row per field of the sources cited, then the timeline: its order,
    // its precision and one row per statement.
    let statements = compared["timeline"]["statements"].as_array().unwrap();
    assert_eq!(records.len(), entities.len() + 6 + 2 + statements.len());
    let order = &records[entities.len() + 6];
    assert_eq!((&order[0], &order[1]), ("order", "timeline"));
    let byline = &records[entities.len() + 1];
    assert_eq!((&byline[0], &byline[1]), ("byline", "source"));
    assert_eq!(&byline[4], "Ana Testwriter");
    for (record, entity) in records.iter().zip(entities) {
        assert_eq!(&record[0], entity["name"].as_str().unwrap());
        let mentions: Vec<u64> = entity["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_u64().unwrap())
            .collect();
        let counts: Vec<u64> = (3..5).map(|i| record[i].parse().unwrap()).collect();
        assert_eq!(counts, mentions);
    }
}

#[test]
fn export_usage_errors_exit_with_code_2() {
    let setup = Workspace::new();
    let (a, b) = (fixture("wire-report.txt"), fixture("daily-report.md"));
    for args in [
        vec!["export", &a, &b],
        vec!["export", &a, &b, "--format", "pdf"],
        vec!["export", &a, &b, "--format", "html", "--json"],
        vec!["export", &a, "--format", "html"],
    ] {
        let output = setup.run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn export_of_an_unknown_id_is_one_line_on_stderr_and_exit_code_1() {
    let setup = Workspace::new();
    import(&setup);
    let output = setup.run(&["export", "1", "999", "--format", "html"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no article with id 999"));
    assert!(output.stdout.is_empty());
}
