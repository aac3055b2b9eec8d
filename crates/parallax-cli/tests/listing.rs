//! `parallax list` and `parallax search` answer as the window's list does: the same library
//! call (`Library::find_articles`, which the window's `find_articles` command makes), the same
//! rows, for the same filters, on a real library file.

use parallax_library::{Library, SearchOptions, SearchSort};
use serde_json::Value;

mod common;
use common::{has_keys, json_of, LISTED_ROW_KEYS};

/// The window's page for `query` and `options`: the library call its command makes, with the
/// largest page it asks for (the sample library fits in one).
fn window_rows(library: &Library, query: &str, options: &SearchOptions) -> Value {
    let page = library
        .find_articles(
            query,
            &SearchOptions {
                limit: 500,
                ..options.clone()
            },
            0,
        )
        .unwrap();
    assert_eq!(page.total, page.articles.len(), "one page holds them all");
    serde_json::to_value(page.articles).unwrap()
}

#[test]
fn the_cli_and_the_window_list_and_search_alike_for_the_same_filters() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("library.sqlite3");
    json_of(&file, &["samples"], 0);
    let library = Library::open(&file).unwrap();
    let every = window_rows(&library, "", &SearchOptions::default());
    let rows = every.as_array().unwrap();
    assert!(rows.len() >= 6, "{every}");
    let first = &rows[0];
    let outlet = first["outlet"].as_str().unwrap().to_string();
    let event = first["event"].as_i64().unwrap();
    let day = first["published"].as_str().unwrap()[..10].to_string();
    let tagged = rows[1]["id"].to_string();
    json_of(&file, &["tag", &tagged, "Follow up"], 0);
    json_of(
        &file,
        &["outlet", "group", "set", &outlet, "leaning=left"],
        0,
    );

    // (the CLI's filter arguments, the same filters as the window's options)
    let filters: Vec<(Vec<String>, SearchOptions)> = vec![
        (vec![], SearchOptions::default()),
        (
            vec!["--outlet".into(), outlet.clone()],
            SearchOptions {
                outlet: Some(outlet.clone()),
                ..SearchOptions::default()
            },
        ),
        (
            vec!["--since".into(), day.clone()],
            SearchOptions {
                since: Some(day.clone()),
                ..SearchOptions::default()
            },
        ),
        (
            vec!["--until".into(), day.clone()],
            SearchOptions {
                until: Some(day.clone()),
                ..SearchOptions::default()
            },
        ),
        (
            vec!["--event".into(), event.to_string()],
            SearchOptions {
                event: Some(event),
                ..SearchOptions::default()
            },
        ),
        (
            vec!["--tag".into(), "FOLLOW UP".into()],
            SearchOptions {
                tag: Some("FOLLOW UP".into()),
                ..SearchOptions::default()
            },
        ),
        (
            vec!["--group".into(), "leaning=left".into()],
            SearchOptions {
                group: Some(("leaning".into(), "left".into())),
                ..SearchOptions::default()
            },
        ),
        (
            vec![
                "--event".into(),
                event.to_string(),
                "--since".into(),
                day.clone(),
                "--group".into(),
                "leaning=left".into(),
            ],
            SearchOptions {
                event: Some(event),
                since: Some(day.clone()),
                group: Some(("leaning".into(), "left".into())),
                ..SearchOptions::default()
            },
        ),
    ];
    let library = Library::open(&file).unwrap();
    let mut narrowed = 0;
    for (arguments, options) in &filters {
        let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
        let listed = json_of(&file, &[&["list"], arguments.as_slice()].concat(), 0);
        let newest = SearchOptions {
            sort: SearchSort::Newest,
            ..options.clone()
        };
        let expected = window_rows(&library, "", &newest);
        assert_eq!(listed["articles"], expected, "list {arguments:?}");
        let count = expected.as_array().unwrap().len();
        assert!(count > 0, "list {arguments:?} finds something");
        if count < rows.len() {
            narrowed += 1;
        }
        let word = "the";
        let searched = json_of(
            &file,
            &[&["search", word], arguments.as_slice()].concat(),
            0,
        );
        let expected = window_rows(&library, word, options);
        assert_eq!(searched["hits"], expected, "search {arguments:?}");
        for hit in expected.as_array().unwrap() {
            assert!(hit["snippet"].is_string(), "{hit}");
        }
    }
    assert!(narrowed >= filters.len() - 2, "the filters narrow the list");
    let with_tag = json_of(&file, &["list", "--tag", "follow up"], 0);
    assert_eq!(with_tag["articles"].as_array().unwrap().len(), 1);
    assert_eq!(with_tag["articles"][0]["id"].to_string(), tagged);
    assert_eq!(
        with_tag["articles"][0]["tags"],
        serde_json::json!(["Follow up"])
    );
    let of_outlet = json_of(&file, &["list", "--outlet", &outlet], 0);
    assert!(of_outlet["articles"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["outlet"] == outlet.as_str()));
    let nothing = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("--library")
        .arg(&file)
        .args(["list", "--outlet", "No Such Outlet"])
        .env_remove("PARALLAX_LIBRARY")
        .output()
        .unwrap();
    assert!(nothing.status.success());
    assert_eq!(
        String::from_utf8_lossy(&nothing.stdout),
        "No article matches.\n",
        "a filter that lets nothing through is not an empty library"
    );
    // The CLI's rows keep the contract's fields and add the window's.
    has_keys(first, LISTED_ROW_KEYS);
    has_keys(first, &["tags", "source"]);
}
