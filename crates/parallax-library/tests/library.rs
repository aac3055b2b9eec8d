//! The library on a real SQLite file in a temporary folder.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use parallax_library::{Error, ImportProgress, Library};

mod common;
use common::{found, listed};

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn import(library: &Library, paths: &[PathBuf]) -> parallax_library::ImportReport {
    library.import_paths(paths, &mut |_| {}, &AtomicBool::new(false))
}

const FARM_A: &str = "Senate passes farm bill\n\nThe Senate passed the farm bill on Tuesday after a long debate over crop subsidies and food stamps.\n\nSenators from corn states praised the subsidies.";
const FARM_B: &str = "Farm bill clears the Senate\n\nSenators approved the farm bill, which trims crop subsidies and food stamps, on Tuesday.\n\nCorn state senators welcomed it.";
const VOLCANO: &str = "Volcano erupts in Iceland\n\nA volcano erupted under a glacier in Iceland, and the ash cloud grounded flights across northern Europe.";

#[test]
fn imported_articles_are_listed_and_read_back() {
    let folder = tempfile::tempdir().unwrap();
    let file = write(folder.path(), "farm.txt", FARM_A);
    let library = Library::open(&folder.path().join("lib").join("library.sqlite3")).unwrap();
    let report = import(&library, &[file]);
    assert_eq!(report.imported.len(), 1, "{report:?}");
    assert!(report.failed.is_empty() && report.duplicates.is_empty() && !report.cancelled);
    let list = listed(&library).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].title, "Senate passes farm bill");
    assert!(list[0].word_count > 10);
    assert!(list[0].event.is_some());
    let record = library.article(list[0].id).unwrap();
    assert!(record.text.starts_with("The Senate passed"));
    assert_eq!(record.format, "text");
    assert!(matches!(
        library.article(999),
        Err(Error::NoSuchArticle(999))
    ));
}

#[test]
fn the_same_text_is_stored_once_and_reported_as_a_duplicate() {
    let folder = tempfile::tempdir().unwrap();
    let a = write(folder.path(), "a.txt", FARM_A);
    let copy = write(folder.path(), "copy.txt", &FARM_A.replace("\n\n", "\n\n\n"));
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let first = import(&library, &[a.clone(), copy]);
    assert_eq!(first.imported.len(), 1);
    assert_eq!(first.duplicates.len(), 1);
    assert_eq!(first.duplicates[0].existing_id, first.imported[0].id);
    let again = import(&library, &[a]);
    assert_eq!(again.duplicates[0].existing_id, first.imported[0].id);
    assert_eq!(listed(&library).unwrap().len(), 1);
}

#[test]
fn a_failing_file_does_not_stop_the_others() {
    let folder = tempfile::tempdir().unwrap();
    let good = write(folder.path(), "good.txt", FARM_A);
    let empty = write(folder.path(), "empty.txt", "   \n");
    let binary = folder.path().join("binary.txt");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(
        &library,
        &[empty, good, binary, folder.path().join("missing.txt")],
    );
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 3, "{report:?}");
    assert!(report.failed.iter().all(|f| !f.error.is_empty()));
    assert_eq!(listed(&library).unwrap().len(), 1);
}

#[test]
fn folders_are_walked_and_progress_is_reported() {
    let folder = tempfile::tempdir().unwrap();
    write(folder.path(), "news/farm-a.txt", FARM_A);
    write(folder.path(), "news/deeper/farm-b.md", FARM_B);
    write(folder.path(), "news/.hidden/volcano.txt", VOLCANO);
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let mut seen: Vec<ImportProgress> = Vec::new();
    let report = library.import_paths(
        &[folder.path().join("news")],
        &mut |p| seen.push(p.clone()),
        &AtomicBool::new(false),
    );
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert_eq!(seen.len(), 2);
    assert_eq!(seen.last().unwrap().done, 2);
    assert!(seen.iter().all(|p| p.total == 2 && !p.current.is_empty()));
}

#[test]
fn a_cancelled_import_keeps_what_it_imported() {
    let folder = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (0..40)
        .map(|i| {
            write(
                folder.path(),
                &format!("{i:02}.txt"),
                &format!("Report {i}\n\nArticle number {i} about topic {i}."),
            )
        })
        .collect();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let cancel = AtomicBool::new(false);
    let report = library.import_paths(
        &files,
        &mut |p| {
            if p.done == 5 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        &cancel,
    );
    assert!(report.cancelled);
    assert_eq!(report.imported.len(), 5);
    assert_eq!(listed(&library).unwrap().len(), 5);
}

#[test]
fn reports_of_one_story_form_one_event() {
    let folder = tempfile::tempdir().unwrap();
    let files = [
        write(folder.path(), "a.txt", FARM_A),
        write(folder.path(), "v.txt", VOLCANO),
        write(folder.path(), "b.txt", FARM_B),
    ];
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(&library, &files);
    let ids: Vec<i64> = report.imported.iter().map(|a| a.id).collect();
    let mut events: Vec<Vec<i64>> = library
        .events()
        .unwrap()
        .into_iter()
        .map(|e| e.articles)
        .collect();
    events.sort();
    assert_eq!(events, vec![vec![ids[0], ids[2]], vec![ids[1]]]);
    let grouping = library.grouping(ids[2]).unwrap();
    assert_eq!(grouping.grouped_with, Some(ids[0]));
    assert!(
        grouping.shared_terms.iter().any(|t| t.starts_with("farm")),
        "{grouping:?}"
    );
}

#[test]
fn search_ranks_and_highlights() {
    let folder = tempfile::tempdir().unwrap();
    let files = [
        write(folder.path(), "a.txt", FARM_A),
        write(folder.path(), "v.txt", VOLCANO),
    ];
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    import(&library, &files);
    let hits = found(&library, "volcan").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Volcano erupts in Iceland");
    let [start, end] = hits[0].highlights[0];
    let marked: String = hits[0]
        .snippet
        .as_deref()
        .expect("a search gives a snippet")
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(marked.to_lowercase(), "volcano");
    assert_eq!(
        found(&library, "").unwrap().len(),
        2,
        "no words lists every article"
    );
    assert!(found(&library, "\"unbalanced AND (").unwrap().is_empty());
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = write(
        folder.path(),
        "notes.sqlite3",
        "these are my notes, not a database at all, and long enough to have a header",
    );
    let before = std::fs::read(&path).unwrap();
    let error = Library::open(&path).err().expect("refused");
    assert!(matches!(error, Error::NotADatabase { .. }), "{error}");
    assert!(error.to_string().contains("left untouched"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("other.sqlite3");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT);")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    assert!(matches!(
        Library::open(&path),
        Err(Error::ForeignDatabase { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_library_from_a_newer_parallax_is_refused_and_left_untouched() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    drop(Library::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    match Library::open(&path) {
        Err(Error::TooNew { found: 99, .. }) => {}
        other => panic!("expected TooNew, got {:?}", other.err()),
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_damaged_library_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    {
        let library = Library::open(&path).unwrap();
        import(&library, &[write(folder.path(), "a.txt", FARM_A)]);
    }
    let mut bytes = std::fs::read(&path).unwrap();
    for byte in bytes.iter_mut().skip(100).take(4000) {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let outcome = Library::open(&path).and_then(|l| listed(&l).map(|_| ()));
    assert!(
        matches!(
            outcome,
            Err(Error::Corrupt { .. } | Error::Database(_) | Error::NotADatabase { .. })
        ),
        "{outcome:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn reopening_a_library_keeps_its_articles() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    {
        let library = Library::open(&path).unwrap();
        import(&library, &[write(folder.path(), "a.txt", FARM_A)]);
    }
    let library = Library::open(&path).unwrap();
    assert_eq!(listed(&library).unwrap().len(), 1);
    assert_eq!(library.path(), path.as_path());
}

#[test]
fn a_new_window_library_holds_the_samples_in_two_events() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    let library = Library::open_with_samples(&path).unwrap();
    let articles = listed(&library).unwrap();
    assert!(articles.len() >= 7, "{} sample articles", articles.len());
    assert!(articles
        .iter()
        .all(|a| a.path.as_deref().is_some_and(|p| p.starts_with("samples/"))));
    let events = library.events().unwrap();
    let mut by_folder: Vec<Vec<&str>> = events
        .iter()
        .map(|e| {
            let mut folders: Vec<&str> = e
                .articles
                .iter()
                .map(|id| {
                    articles
                        .iter()
                        .find(|a| a.id == *id)
                        .unwrap()
                        .path
                        .as_deref()
                        .unwrap()
                        .split('/')
                        .nth(1)
                        .unwrap()
                })
                .collect();
            folders.dedup();
            folders
        })
        .collect();
    by_folder.sort();
    assert_eq!(
        by_folder,
        vec![vec!["harbour-bridge"], vec!["kyiv-delegation"]],
        "{events:?}"
    );
    drop(library);
    let reopened = Library::open_with_samples(&path).unwrap();
    assert_eq!(
        listed(&reopened).unwrap().len(),
        articles.len(),
        "samples are added to a new library only"
    );
}

#[test]
fn samples_added_twice_are_duplicates() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    assert!(
        listed(&library).unwrap().is_empty(),
        "a plain open adds no samples"
    );
    let first = library.add_samples().unwrap();
    assert!(!first.imported.is_empty());
    let second = library.add_samples().unwrap();
    assert!(second.imported.is_empty());
    assert_eq!(second.duplicates.len(), first.imported.len());
}

#[test]
fn two_connections_write_to_one_library() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    let window = Library::open(&path).unwrap();
    let command = Library::open(&path).unwrap();
    import(&window, &[write(folder.path(), "a.txt", FARM_A)]);
    import(&command, &[write(folder.path(), "b.txt", FARM_B)]);
    import(&window, &[write(folder.path(), "v.txt", VOLCANO)]);
    assert_eq!(listed(&window).unwrap().len(), 3);
    let events = command.events().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
}

#[test]
fn a_users_event_choices_survive_later_imports() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let first = import(
        &library,
        &[
            write(folder.path(), "a.txt", FARM_A),
            write(folder.path(), "v.txt", VOLCANO),
        ],
    );
    let (farm, volcano) = (first.imported[0].clone(), first.imported[1].clone());
    assert_ne!(farm.event, volcano.event);

    library.rename_event(farm.event, "Farm bill").unwrap();
    library.merge_events(farm.event, &[volcano.event]).unwrap();
    let events = library.events().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "Farm bill");

    let split = library.move_article(volcano.id, None).unwrap();
    assert_ne!(split, farm.event);
    assert!(library.grouping(volcano.id).unwrap().placed_by_user);

    let later = import(&library, &[write(folder.path(), "b.txt", FARM_B)]);
    assert_eq!(
        later.imported[0].event, farm.event,
        "a new report joins the renamed event"
    );
    let events = library.events().unwrap();
    assert_eq!(events.len(), 2);
    let renamed = events.iter().find(|e| e.id == farm.event).unwrap();
    assert_eq!(renamed.title, "Farm bill");
    assert_eq!(renamed.articles.len(), 2);
    assert_eq!(library.article(volcano.id).unwrap().event, Some(split));

    assert!(matches!(
        library.rename_event(9999, "x"),
        Err(Error::NoSuchEvent(9999))
    ));
    assert!(matches!(
        library.move_article(9999, None),
        Err(Error::NoSuchArticle(9999))
    ));
}

#[test]
fn an_article_moved_into_another_event_leaves_no_empty_event() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(
        &library,
        &[
            write(folder.path(), "a.txt", FARM_A),
            write(folder.path(), "v.txt", VOLCANO),
        ],
    );
    let (farm, volcano) = (&report.imported[0], &report.imported[1]);
    assert_eq!(
        library.move_article(volcano.id, Some(farm.event)).unwrap(),
        farm.event
    );
    let events = library.events().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].articles.len(), 2);
}

#[test]
fn search_narrows_by_outlet_date_and_event() {
    let folder = tempfile::tempdir().unwrap();
    let a = write(folder.path(), "a.md", &format!("---\ntitle: Senate passes farm bill\noutlet: Daily Example\npublished: 2012-06-21\n---\n\n{}", &FARM_A[25..]));
    let b = write(folder.path(), "b.md", &format!("---\ntitle: Farm bill clears the Senate\noutlet: Weekly Example\npublished: 2012-06-22\n---\n\n{}", &FARM_B[29..]));
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(&library, &[a, b]);
    assert_eq!(report.imported.len(), 2, "{report:?}");
    let ids: Vec<i64> = report.imported.iter().map(|a| a.id).collect();
    let found = |options: parallax_library::SearchOptions| -> Vec<i64> {
        library
            .find_articles("subsidies", &options, 0)
            .map(|page| page.articles)
            .unwrap()
            .iter()
            .map(|h| h.id)
            .collect()
    };
    let base = parallax_library::SearchOptions::default();
    assert_eq!(
        found(parallax_library::SearchOptions {
            outlet: Some("Weekly Example".into()),
            ..base.clone()
        }),
        vec![ids[1]]
    );
    assert_eq!(
        found(parallax_library::SearchOptions {
            until: Some("2012-06-21".into()),
            ..base.clone()
        }),
        vec![ids[0]]
    );
    assert_eq!(
        found(parallax_library::SearchOptions {
            since: Some("2012-06-22".into()),
            ..base.clone()
        }),
        vec![ids[1]]
    );
    assert_eq!(
        found(parallax_library::SearchOptions {
            sort: parallax_library::SearchSort::Newest,
            ..base.clone()
        }),
        vec![ids[1], ids[0]]
    );
    assert_eq!(
        found(parallax_library::SearchOptions {
            sort: parallax_library::SearchSort::Oldest,
            ..base.clone()
        }),
        vec![ids[0], ids[1]]
    );
    let event = report.imported[0].event;
    assert_eq!(
        found(parallax_library::SearchOptions {
            event: Some(event),
            ..base.clone()
        })
        .len(),
        if report.imported[1].event == event {
            2
        } else {
            1
        }
    );
    assert_eq!(
        found(parallax_library::SearchOptions { limit: 1, ..base }).len(),
        1
    );
}

#[test]
fn two_writers_at_once_both_succeed() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("library.sqlite3");
    drop(Library::open(&path).unwrap());
    let batches: Vec<Vec<PathBuf>> = (0..2)
        .map(|writer| (0..300).map(|i| write(folder.path(), &format!("w{writer}/{i:03}.txt"), &format!("Report {writer} {i}\n\nWriter {writer} wrote article {i} on subject {}.", i * 7 + writer))).collect())
        .collect();
    let threads: Vec<_> = batches
        .into_iter()
        .map(|files| {
            let path = path.clone();
            std::thread::spawn(move || {
                let library = Library::open(&path).unwrap();
                let report = import(&library, &files);
                let listed = listed(&library).map(|l| l.len());
                (report, listed)
            })
        })
        .collect();
    for thread in threads {
        let (report, listed) = thread.join().unwrap();
        assert!(report.failed.is_empty(), "{:?}", report.failed.first());
        assert_eq!(report.imported.len(), 300);
        assert!(listed.unwrap() >= 300);
    }
    let library = Library::open(&path).unwrap();
    assert_eq!(listed(&library).unwrap().len(), 600);
    let grouped: usize = library
        .events()
        .unwrap()
        .iter()
        .map(|e| e.articles.len())
        .sum();
    assert_eq!(grouped, 600, "every article is in exactly one event");
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_being_read_and_the_rest_imports() {
    let folder = tempfile::tempdir().unwrap();
    let huge = folder.path().join("huge.txt");
    // A sparse 1 GiB file: reading it whole would take a gigabyte of memory.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let fine = write(
        folder.path(),
        "fine.txt",
        "Harbour reopens\n\nThe harbour reopened on Monday after repairs.\n",
    );
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(&library, &[huge.clone(), fine]);
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 1);
    assert!(
        report.failed[0].error.contains("too large"),
        "{}",
        report.failed[0].error
    );
    let error = parallax_library::read_source_file(&huge).unwrap_err();
    assert!(matches!(error, Error::Unreadable { .. }), "{error}");
    assert!(
        error.to_string().contains("huge.txt") && error.to_string().contains("too large"),
        "{error}"
    );
}

#[test]
fn an_article_without_an_outlet_is_named_by_its_file_in_lists() {
    let folder = tempfile::tempdir().unwrap();
    let wire = write(
        folder.path(),
        "kyiv-wire-1120.txt",
        "Talks resume in Kyiv\n\nKYIV, Nov 20 — Delegations met in Kyiv on Thursday to discuss the 2025 ceasefire plan.",
    );
    let ledger = write(
        folder.path(),
        "ledger.md",
        "# Kyiv talks resume\nSource: The Ledger\n\nDelegations met in Kyiv on Thursday to discuss a ceasefire plan.",
    );
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = import(&library, &[wire, ledger]);
    assert_eq!(report.imported.len(), 2, "{report:?}");
    let list = listed(&library).unwrap();
    let wire = list
        .iter()
        .find(|a| a.title == "Talks resume in Kyiv")
        .unwrap();
    assert_eq!(wire.outlet, None, "the outlet stays unknown in the record");
    let listed = library
        .find_articles("", &parallax_library::SearchOptions::default(), 0)
        .unwrap();
    let sources: Vec<(&str, &str)> = listed
        .articles
        .iter()
        .map(|a| (a.title.as_str(), a.source.as_str()))
        .collect();
    assert!(
        sources.contains(&("Talks resume in Kyiv", "kyiv-wire-1120")),
        "{sources:?}"
    );
    assert!(
        sources.contains(&("Kyiv talks resume", "The Ledger")),
        "{sources:?}"
    );
}

/// Reports of two earthquakes on one island, years apart, in import order (the files
/// `tests/fixtures/qeshm/q0.txt` to `q6.txt` of the workspace, which the window tests import
/// too): the first report of the second one tells it in the first one's words, so each article
/// joins the one event until the second pass finds two stories in it.
fn quake(i: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/qeshm")
        .join(format!("q{i}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// How many reports `quake` has.
const QUAKES: usize = 7;

fn import_quakes(library: &Library, folder: &Path, range: std::ops::Range<usize>) -> Vec<i64> {
    range
        .map(|i| {
            let report = import(library, &[write(folder, &format!("q{i}.txt"), &quake(i))]);
            assert_eq!(report.imported.len(), 1, "{report:?}");
            report.imported[0].id
        })
        .collect()
}

/// The reports of `tests/fixtures/ferry-fold`: three of a ferry strike, then a brief of its
/// cost to island hotels that joins none of them, then a report of both that joins the brief.
fn ferry_fold(i: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/ferry-fold")
        .join(format!("f{i}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_small_event_of_another_events_story_is_folded_into_it_and_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let ids: Vec<i64> = (0..5)
        .map(|i| {
            let name = format!("f{i}.txt");
            let report = import(&library, &[write(folder.path(), &name, &ferry_fold(i))]);
            assert_eq!(report.imported.len(), 1, "{report:?}");
            if i == 3 {
                assert_eq!(
                    library.events().unwrap().len(),
                    2,
                    "the brief starts an event"
                );
            }
            report.imported[0].id
        })
        .collect();
    let events = library.events().unwrap();
    assert_eq!(events.len(), 1, "the brief's event was folded: {events:?}");
    assert_eq!(sorted(events[0].articles.clone()), ids);
    assert_eq!(events[0].title, "Ferry workers strike over pay");

    let why = library.grouping(ids[3]).unwrap();
    assert_eq!(why.grouped_with, None);
    assert_eq!(
        why.folded_from_title.as_deref(),
        Some("Solent ferry strike empties Isle of Wight hotels")
    );
    assert!(why.fold_link.is_some_and(|link| link >= 0.24), "{why:?}");
    // The report that joined the brief still says so: its closest article moved with it.
    let why = library.grouping(ids[4]).unwrap();
    assert_eq!(why.grouped_with, Some(ids[3]));
    assert!(why.folded_from_title.is_some());
    // The strike's own reports were never moved.
    assert_eq!(library.grouping(ids[1]).unwrap().folded_from_title, None);

    // Deleted and restored, the article is back in the event and still says why.
    library.delete(&[ids[3]]).unwrap();
    let restored = library.restore(&[ids[3]]).unwrap();
    assert_eq!(restored[0].event, events[0].id);
    let why = library.grouping(restored[0].id).unwrap();
    assert_eq!(
        why.folded_from_title.as_deref(),
        Some("Solent ferry strike empties Isle of Wight hotels")
    );
    assert!(why.fold_link.is_some_and(|link| link >= 0.24), "{why:?}");

    // Moved by a person, the article no longer claims a fold.
    library.move_article(ids[3], None).unwrap();
    assert_eq!(library.grouping(ids[3]).unwrap().folded_from_title, None);
}

#[test]
fn an_event_grown_into_two_stories_is_cut_in_two_and_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let ids = import_quakes(&library, folder.path(), 0..6);
    assert_eq!(library.events().unwrap().len(), 1, "one event so far");
    let first_event = library.article(ids[0]).unwrap().event.unwrap();

    let last = import(&library, &[write(folder.path(), "q6.txt", &quake(6))]);
    let events = library.events().unwrap();
    assert_eq!(events.len(), 2, "{events:?}");
    let second_event = last.imported[0].event;
    assert_ne!(second_event, first_event);
    let mut left: Vec<i64> = ids[4..].to_vec();
    left.push(last.imported[0].id);
    let second = events.iter().find(|e| e.id == second_event).unwrap();
    assert_eq!(sorted(second.articles.clone()), left);
    assert_eq!(second.title, "Deadly earthquake on Qeshm island kills ten");

    let why = library.grouping(ids[4]).unwrap();
    assert_eq!(why.split_from, Some(first_event));
    assert_eq!(
        why.split_from_title.as_deref(),
        Some("Quake hits Qeshm island, five hurt"),
        "the other part is named as the user sees it"
    );
    assert!(why.split_link.is_some_and(|link| link < 0.16), "{why:?}");
    assert!(!why.placed_by_user);
    // An article that kept its event and its closest article carries no split.
    assert_eq!(library.grouping(ids[1]).unwrap().split_from, None);
    // Deleted and restored, the article says so again.
    library.delete(&[ids[4]]).unwrap();
    assert_eq!(library.restore(&[ids[4]]).unwrap()[0].id, ids[4]);
    assert_eq!(library.grouping(ids[4]).unwrap(), why);

    // Reopened, the library groups a new report of the second earthquake with it.
    drop(library);
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let again = import(
        &library,
        &[write(
            folder.path(),
            "q7.txt",
            "Kusheh buries its dead\n\nKusheh and Zirang buried the ten killed when mud-brick houses collapsed in the 5.9 earthquake; Red Crescent rescuers from Bandar Abbas stayed.",
        )],
    );
    assert_eq!(again.imported[0].event, second_event);

    // The parts merged back by the user: the part named is gone, and no stale name is given.
    library.merge_events(second_event, &[first_event]).unwrap();
    let why = library.grouping(ids[4]).unwrap();
    assert_eq!(why.split_from_title, None, "{why:?}");
}

#[test]
fn an_article_a_person_placed_stays_when_its_event_is_cut() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let ids = import_quakes(&library, folder.path(), 0..6);
    let event = library.article(ids[0]).unwrap().event.unwrap();
    // The user confirms a report of the second earthquake where it is.
    assert_eq!(library.move_article(ids[5], Some(event)).unwrap(), event);

    import_quakes(&library, folder.path(), 6..7);
    assert_eq!(library.events().unwrap().len(), 2);
    assert_eq!(library.article(ids[5]).unwrap().event, Some(event));
    assert!(library.grouping(ids[5]).unwrap().placed_by_user);
    // The other story left around it.
    let moved = library.article(ids[0]).unwrap().event.unwrap();
    assert_ne!(moved, event);
    assert_eq!(library.grouping(ids[0]).unwrap().split_from, Some(event));
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids
}

#[test]
fn an_import_reports_the_events_its_articles_end_in_after_a_cut() {
    let folder = tempfile::tempdir().unwrap();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let paths: Vec<PathBuf> = (0..QUAKES)
        .map(|i| write(folder.path(), &format!("q{i}.txt"), &quake(i)))
        .collect();
    let report = import(&library, &paths);
    assert_eq!(report.imported.len(), QUAKES, "{report:?}");
    for article in &report.imported {
        assert_eq!(
            library.article(article.id).unwrap().event,
            Some(article.event)
        );
    }
    let events: Vec<i64> = report.imported.iter().map(|a| a.event).collect();
    assert!(events[..4].iter().all(|&e| e == events[0]), "{events:?}");
    assert!(events[4..].iter().all(|&e| e == events[4]), "{events:?}");
    assert_ne!(events[0], events[4]);
}
