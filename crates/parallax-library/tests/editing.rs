//! A person's edits on a real library file: metadata corrections, outlets, tags, the trash,
//! alignment corrections, JSON Lines export and load, and the online backup.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use parallax_library::{
    ArticleSentence, Error, ImportReport, Library, ListedArticle, MetadataEdit, SearchOptions,
};

mod common;
use common::{found, listed};

/// The articles with a tag (case ignored), newest first.
fn tagged(library: &Library, tag: &str) -> Result<Vec<ListedArticle>, Error> {
    let with_tag = SearchOptions {
        tag: Some(tag.to_string()),
        ..SearchOptions::every_article()
    };
    Ok(library.find_articles("", &with_tag, 0)?.articles)
}

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn import(library: &Library, paths: &[PathBuf]) -> ImportReport {
    library.import_paths(paths, &mut |_| {}, &AtomicBool::new(false))
}

const FARM_A: &str = "Senate passes farm bill\n\nThe Senate passed the farm bill on Tuesday after a long debate over crop subsidies and food stamps.\n\nSenators from corn states praised the subsidies.";
const FARM_B: &str = "Farm bill clears the Senate\n\nSenators approved the farm bill, which trims crop subsidies and food stamps, on Tuesday.\n\nCorn state senators welcomed it.";
const VOLCANO: &str = "Volcano erupts in Iceland\n\nA volcano erupted under a glacier in Iceland, and the ash cloud grounded flights across northern Europe.";

/// A library in a temporary folder with the two farm bill reports and the volcano.
struct Setup {
    folder: tempfile::TempDir,
    library: Library,
    farm_a: i64,
    farm_b: i64,
    volcano: i64,
}

impl Setup {
    fn new() -> Setup {
        let folder = tempfile::tempdir().unwrap();
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        let files = [
            write(folder.path(), "farm-a.txt", FARM_A),
            write(folder.path(), "farm-b.txt", FARM_B),
            write(folder.path(), "volcano.txt", VOLCANO),
        ];
        let report = import(&library, &files);
        assert_eq!(report.imported.len(), 3, "{report:?}");
        let id = |name: &str| {
            report
                .imported
                .iter()
                .find(|a| a.path.ends_with(name))
                .unwrap()
                .id
        };
        Setup {
            farm_a: id("farm-a.txt"),
            farm_b: id("farm-b.txt"),
            volcano: id("volcano.txt"),
            folder,
            library,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.folder.path().join(name)
    }

    fn listed_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = listed(&self.library)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        ids.sort_unstable();
        ids
    }

    fn event_of(&self, id: i64) -> i64 {
        self.library
            .events()
            .unwrap()
            .iter()
            .find(|e| e.articles.contains(&id))
            .unwrap_or_else(|| panic!("article {id} is in no event"))
            .id
    }

    /// Every listed article is in exactly one listed event, and no event is empty.
    fn assert_events_partition_the_list(&self) {
        let events = self.library.events().unwrap();
        assert!(events.iter().all(|e| !e.articles.is_empty()), "{events:?}");
        let mut in_events: Vec<i64> = events.iter().flat_map(|e| e.articles.clone()).collect();
        in_events.sort_unstable();
        assert_eq!(in_events, self.listed_ids());
    }
}

fn edit() -> MetadataEdit {
    MetadataEdit::default()
}

#[test]
fn corrected_metadata_is_kept_searched_and_survives_a_reimport() {
    let setup = Setup::new();
    let library = &setup.library;
    let before = library.article(setup.farm_a).unwrap();
    assert!(before.corrected.is_empty());
    let record = library
        .edit_article(
            setup.farm_a,
            &MetadataEdit {
                title: Some("Senate approves sweeping agriculture package".into()),
                outlet: Some("The Prairie Ledger".into()),
                byline: Some("Dana Whitfield".into()),
                published: Some("2012-06-21T14:30:00Z".into()),
            },
        )
        .unwrap();
    assert_eq!(record.title, "Senate approves sweeping agriculture package");
    assert_eq!(record.outlet.as_deref(), Some("The Prairie Ledger"));
    assert_eq!(record.byline.as_deref(), Some("Dana Whitfield"));
    assert_eq!(record.published.as_deref(), Some("2012-06-21T14:30:00Z"));
    let fields: Vec<&str> = record.corrected.keys().map(String::as_str).collect();
    assert_eq!(fields, ["byline", "outlet", "published", "title"]);
    assert_eq!(
        record.corrected["title"].as_deref(),
        Some("Senate passes farm bill"),
        "the value before the correction is kept"
    );

    let hits = found(library, "agriculture").unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, setup.farm_a);
    assert_eq!(
        found(library, "Whitfield").unwrap().len(),
        1,
        "byline searched"
    );
    assert_eq!(
        found(library, "Prairie").unwrap().len(),
        1,
        "outlet searched"
    );
    assert!(
        found(library, "passes").unwrap().is_empty(),
        "old title gone"
    );

    let again = import(library, &[setup.path("farm-a.txt")]);
    assert_eq!(again.duplicates.len(), 1);
    assert_eq!(again.duplicates[0].existing_id, setup.farm_a);
    let after = library.article(setup.farm_a).unwrap();
    assert_eq!(after.title, "Senate approves sweeping agriculture package");
    assert_eq!(after.outlet.as_deref(), Some("The Prairie Ledger"));
    assert_eq!(after.corrected.len(), 4);

    // A second correction keeps the value from before the first; empty clears.
    let record = library
        .edit_article(
            setup.farm_a,
            &MetadataEdit {
                byline: Some("".into()),
                title: Some("Farm bill passes".into()),
                ..edit()
            },
        )
        .unwrap();
    assert_eq!(record.byline, None);
    assert_eq!(
        record.corrected["title"].as_deref(),
        Some("Senate passes farm bill")
    );
    assert_eq!(record.corrected["byline"], None);
    assert!(found(library, "Whitfield").unwrap().is_empty());
}

#[test]
fn an_event_named_after_a_headline_follows_its_correction_unless_a_person_named_it() {
    let setup = Setup::new();
    let library = &setup.library;
    let volcano_event = setup.event_of(setup.volcano);
    let retitle = |id, title: &str| {
        library
            .edit_article(
                id,
                &MetadataEdit {
                    title: Some(title.into()),
                    ..edit()
                },
            )
            .unwrap();
    };
    let title_of = |event: i64| {
        library
            .events()
            .unwrap()
            .into_iter()
            .find(|e| e.id == event)
            .unwrap()
            .title
    };
    retitle(setup.volcano, "Eruption under Icelandic glacier");
    assert_eq!(title_of(volcano_event), "Eruption under Icelandic glacier");
    library
        .rename_event(volcano_event, "Iceland volcano")
        .unwrap();
    retitle(setup.volcano, "Ash cloud grounds flights");
    assert_eq!(title_of(volcano_event), "Iceland volcano");
}

#[test]
fn bad_corrections_are_refused_and_change_nothing() {
    let setup = Setup::new();
    let library = &setup.library;
    let bad_date = MetadataEdit {
        title: Some("A new headline".into()),
        published: Some("21 June 2012".into()),
        ..edit()
    };
    let error = library.edit_article(setup.farm_a, &bad_date).unwrap_err();
    assert!(matches!(error, Error::InvalidDate(_)), "{error}");
    assert!(error.to_string().contains("2025-11-20"), "{error}");
    for date in ["2012-02-30", "2012-13-01", "yesterday"] {
        let edit = MetadataEdit {
            published: Some(date.into()),
            ..edit()
        };
        assert!(library.edit_article(setup.farm_a, &edit).is_err(), "{date}");
    }
    let no_title = MetadataEdit {
        title: Some("  ".into()),
        ..edit()
    };
    assert!(matches!(
        library.edit_article(setup.farm_a, &no_title),
        Err(Error::Empty(_))
    ));
    assert!(matches!(
        library.edit_article(999, &edit()),
        Err(Error::NoSuchArticle(999))
    ));
    let record = library.article(setup.farm_a).unwrap();
    assert_eq!(record.title, "Senate passes farm bill");
    assert!(record.corrected.is_empty());
}

#[test]
fn outlets_are_counted_renamed_and_merged() {
    let setup = Setup::new();
    let library = &setup.library;
    let set_outlet = |id, outlet: &str| {
        library
            .edit_article(
                id,
                &MetadataEdit {
                    outlet: Some(outlet.into()),
                    ..edit()
                },
            )
            .unwrap();
    };
    set_outlet(setup.farm_a, "Daily Ledger");
    set_outlet(setup.farm_b, "The Daily Ledger");
    set_outlet(setup.volcano, "The Daily Ledger");
    let outlets = library.outlets().unwrap();
    assert_eq!(outlets[0].outlet, "The Daily Ledger");
    assert_eq!(outlets[0].articles, 2);
    assert_eq!(outlets[1].outlet, "Daily Ledger");

    let renamed = library
        .rename_outlet("Daily Ledger", "The Daily Ledger")
        .unwrap();
    assert!(renamed.merged);
    assert_eq!(renamed.articles, 1);
    let outlets = library.outlets().unwrap();
    assert_eq!(outlets.len(), 1);
    assert_eq!(outlets[0].articles, 3);

    let renamed = library.rename_outlet("The Daily Ledger", "Ledger").unwrap();
    assert!(!renamed.merged);
    assert_eq!(renamed.articles, 3);
    let options = SearchOptions {
        outlet: Some("Ledger".into()),
        ..SearchOptions::default()
    };
    assert_eq!(
        library
            .find_articles("farm", &options, 0)
            .map(|page| page.articles)
            .unwrap()
            .len(),
        2
    );
    assert!(matches!(
        library.rename_outlet("Nobody", "Somebody"),
        Err(Error::NoSuchOutlet(_))
    ));
    assert!(matches!(
        library.rename_outlet("Ledger", " "),
        Err(Error::Empty(_))
    ));
}

#[test]
fn tags_are_added_removed_listed_and_shown() {
    let setup = Setup::new();
    let library = &setup.library;
    let tags = library
        .add_tags(setup.farm_a, &["politics".into(), "Agriculture".into()])
        .unwrap();
    assert_eq!(tags, ["Agriculture", "politics"]);
    library
        .add_tags(setup.farm_b, &["agriculture".into()])
        .unwrap();
    library
        .add_tags(setup.volcano, &["science".into()])
        .unwrap();

    let with_tag: Vec<i64> = tagged(library, "AGRICULTURE")
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(with_tag.len(), 2);
    assert!(with_tag.contains(&setup.farm_a) && with_tag.contains(&setup.farm_b));

    assert_eq!(
        library.article(setup.farm_b).unwrap().tags,
        ["Agriculture"],
        "a tag in use keeps its spelling"
    );
    let all = listed(library).unwrap();
    let farm_a = all.iter().find(|a| a.id == setup.farm_a).unwrap();
    assert_eq!(farm_a.tags, ["Agriculture", "politics"]);
    let json = serde_json::to_value(farm_a).unwrap();
    assert_eq!(json["tags"], serde_json::json!(["Agriculture", "politics"]));
    assert_eq!(library.article(setup.farm_a).unwrap().tags.len(), 2);

    let left = library
        .remove_tags(setup.farm_a, &["POLITICS".into(), "never given".into()])
        .unwrap();
    assert_eq!(left, ["Agriculture"]);
    assert!(tagged(library, "politics").unwrap().is_empty());
    assert!(matches!(
        library.add_tags(setup.farm_a, &["".into()]),
        Err(Error::Empty(_))
    ));
    assert!(library.add_tags(404, &["x".into()]).is_err());
}

#[test]
fn deleted_articles_leave_everything_and_come_back_into_their_event() {
    let setup = Setup::new();
    let library = &setup.library;
    let farm_event = setup.event_of(setup.farm_a);
    assert_eq!(
        setup.event_of(setup.farm_b),
        farm_event,
        "one event for the farm bill"
    );
    library.add_tags(setup.farm_b, &["keep".into()]).unwrap();
    library
        .edit_article(
            setup.farm_b,
            &MetadataEdit {
                outlet: Some("Corn Belt Times".into()),
                ..edit()
            },
        )
        .unwrap();

    assert_eq!(library.delete(&[setup.farm_b]).unwrap(), [setup.farm_b]);
    assert!(!setup.listed_ids().contains(&setup.farm_b));
    assert!(found(library, "welcomed").unwrap().is_empty());
    assert!(tagged(library, "keep").unwrap().is_empty());
    setup.assert_events_partition_the_list();
    let error = library.article(setup.farm_b).unwrap_err();
    assert!(
        matches!(error, Error::InTrash(id) if id == setup.farm_b),
        "{error}"
    );
    assert!(error.to_string().contains("trash"), "{error}");
    let trash = library.trash().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].id, setup.farm_b);
    assert_eq!(trash[0].event, Some(farm_event));

    let restored = library.restore(&[setup.farm_b]).unwrap();
    assert_eq!(restored[0].id, setup.farm_b);
    assert_eq!(restored[0].event, farm_event);
    assert!(!restored[0].new_event);
    assert!(library.trash().unwrap().is_empty());
    let record = library.article(setup.farm_b).unwrap();
    assert_eq!(record.tags, ["keep"]);
    assert_eq!(record.outlet.as_deref(), Some("Corn Belt Times"));
    assert!(record.corrected.contains_key("outlet"));
    assert_eq!(found(library, "welcomed").unwrap().len(), 1);
    assert_eq!(setup.event_of(setup.farm_b), farm_event);
    setup.assert_events_partition_the_list();
    assert!(library.article(setup.farm_b).is_ok());
    assert!(matches!(
        library.restore(&[setup.farm_b]),
        Err(Error::NotInTrash(_))
    ));
    assert!(matches!(
        library.delete(&[777]),
        Err(Error::NoSuchArticle(777))
    ));
}

#[test]
fn an_event_whose_articles_are_all_deleted_is_not_listed_and_returns_with_them() {
    let setup = Setup::new();
    let library = &setup.library;
    let volcano_event = setup.event_of(setup.volcano);
    library
        .rename_event(volcano_event, "Iceland eruption")
        .unwrap();
    library.delete(&[setup.volcano]).unwrap();
    assert!(library
        .events()
        .unwrap()
        .iter()
        .all(|e| e.id != volcano_event));
    setup.assert_events_partition_the_list();
    let restored = library.restore(&[setup.volcano]).unwrap();
    assert_eq!(restored[0].event, volcano_event);
    let event = library
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.id == volcano_event)
        .unwrap();
    assert_eq!(event.title, "Iceland eruption");
    assert_eq!(event.articles, [setup.volcano]);
}

#[test]
fn an_article_whose_event_was_merged_comes_back_into_the_merged_event() {
    let setup = Setup::new();
    let library = &setup.library;
    let farm_event = setup.event_of(setup.farm_a);
    let volcano_event = setup.event_of(setup.volcano);
    library.delete(&[setup.farm_b]).unwrap();
    library.merge_events(volcano_event, &[farm_event]).unwrap();
    assert_eq!(library.trash().unwrap()[0].event, Some(volcano_event));
    let restored = library.restore(&[setup.farm_b]).unwrap();
    assert!(!restored[0].new_event);
    assert_eq!(restored[0].event, volcano_event);
    setup.assert_events_partition_the_list();
}

#[test]
fn an_article_whose_event_is_gone_comes_back_in_an_event_of_that_name() {
    let setup = Setup::new();
    let library = &setup.library;
    let farm_event = setup.event_of(setup.farm_a);
    let volcano_event = setup.event_of(setup.volcano);
    library.rename_event(farm_event, "Farm bill vote").unwrap();
    library.delete(&[setup.farm_b]).unwrap();
    // Its event's last article moves away: the event is removed.
    library
        .move_article(setup.farm_a, Some(volcano_event))
        .unwrap();
    assert_eq!(library.trash().unwrap()[0].event, None);
    let restored = library.restore(&[setup.farm_b]).unwrap();
    assert!(restored[0].new_event);
    assert_ne!(restored[0].event, volcano_event);
    let event = library
        .events()
        .unwrap()
        .into_iter()
        .find(|e| e.id == restored[0].event)
        .unwrap();
    assert_eq!(event.articles, [setup.farm_b]);
    assert_eq!(event.title, "Farm bill vote");
    setup.assert_events_partition_the_list();
}

#[test]
fn emptying_the_trash_deletes_for_good_with_the_emptied_events() {
    let setup = Setup::new();
    let library = &setup.library;
    let volcano_event = setup.event_of(setup.volcano);
    library.add_tags(setup.volcano, &["gone".into()]).unwrap();
    library.delete(&[setup.volcano, setup.farm_b]).unwrap();
    let emptied = library.empty_trash().unwrap();
    assert_eq!(emptied.articles, 2);
    assert_eq!(
        emptied.events, 1,
        "the volcano's event is removed, the farm's stays"
    );
    assert!(library.trash().unwrap().is_empty());
    assert!(matches!(
        library.restore(&[setup.volcano]),
        Err(Error::NotInTrash(_))
    ));
    assert!(matches!(
        library.rename_event(volcano_event, "x"),
        Err(Error::NoSuchEvent(_))
    ));
    assert!(tagged(library, "gone").unwrap().is_empty());
    setup.assert_events_partition_the_list();
    assert_eq!(setup.listed_ids(), [setup.farm_a]);

    // Deleted for good: importing the file again makes a new article.
    let again = import(library, &[setup.path("volcano.txt")]);
    assert_eq!(again.imported.len(), 1, "{again:?}");
    setup.assert_events_partition_the_list();
}

#[test]
fn a_deleted_article_imported_again_comes_back_from_the_trash_as_a_duplicate() {
    let setup = Setup::new();
    let library = &setup.library;
    library.add_tags(setup.farm_b, &["kept".into()]).unwrap();
    library.delete(&[setup.farm_b]).unwrap();
    let report = import(library, &[setup.path("farm-b.txt")]);
    assert!(report.imported.is_empty(), "{report:?}");
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].existing_id, setup.farm_b);
    assert!(library.trash().unwrap().is_empty());
    assert_eq!(library.article(setup.farm_b).unwrap().tags, ["kept"]);
    assert_eq!(setup.event_of(setup.farm_b), setup.event_of(setup.farm_a));
    setup.assert_events_partition_the_list();
    assert_eq!(listed(library).unwrap().len(), 3);
}

#[test]
fn new_imports_do_not_group_with_deleted_articles() {
    let setup = Setup::new();
    let library = &setup.library;
    // The index is cached after the first import: deleting must make it forget farm A and B.
    library.delete(&[setup.farm_a, setup.farm_b]).unwrap();
    let third = write(
        setup.folder.path(),
        "farm-c.txt",
        "Farm bill passes Senate\n\nThe Senate passed the farm bill on Tuesday, cutting crop subsidies and food stamps after a long debate.",
    );
    let report = import(library, std::slice::from_ref(&third));
    let id = report.imported[0].id;
    let grouping = library.grouping(id).unwrap();
    assert_eq!(grouping.grouped_with, None, "{grouping:?}");
    setup.assert_events_partition_the_list();

    // Without the deletion, the same report joins the farm bill's event.
    let control = Setup::new();
    let report = import(&control.library, &[third]);
    let grouping = control.library.grouping(report.imported[0].id).unwrap();
    assert!(
        [control.farm_a, control.farm_b].contains(&grouping.grouped_with.unwrap()),
        "{grouping:?}"
    );
}

#[test]
fn a_deleted_articles_id_taken_by_a_new_import_is_given_a_new_one_on_restore() {
    let setup = Setup::new();
    let library = &setup.library;
    let newest = setup.farm_a.max(setup.farm_b).max(setup.volcano);
    library.delete(&[newest]).unwrap();
    let other = write(
        setup.folder.path(),
        "other.txt",
        "Bridge reopens\n\nThe old bridge over the river reopened to traffic after two years of repairs.",
    );
    let report = import(library, &[other]);
    let taken = report.imported[0].id;
    assert_eq!(taken, newest, "SQLite gives the new article the freed id");
    library.delete(&[taken]).unwrap();
    assert_eq!(library.trash().unwrap().len(), 2, "both stay in the trash");
    let ids: Vec<i64> = library.trash().unwrap().iter().map(|t| t.id).collect();
    for id in ids {
        library.restore(&[id]).unwrap();
    }
    assert_eq!(listed(library).unwrap().len(), 4);
    setup.assert_events_partition_the_list();
    let titles: Vec<String> = listed(library)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert!(titles.contains(&"Bridge reopens".to_string()));
}

fn sentence(article: i64, sentence: usize) -> ArticleSentence {
    ArticleSentence { article, sentence }
}

#[test]
fn the_library_goes_to_json_lines_and_back() {
    let setup = Setup::new();
    let library = &setup.library;
    library
        .add_tags(setup.farm_a, &["farm".into(), "senate".into()])
        .unwrap();
    library
        .edit_article(
            setup.farm_b,
            &MetadataEdit {
                outlet: Some("Corn Belt Times".into()),
                published: Some("2012-06-21".into()),
                ..edit()
            },
        )
        .unwrap();
    let farm_event = setup.event_of(setup.farm_a);
    library
        .rename_event(farm_event, "The 2012 farm bill")
        .unwrap();
    library
        .link_sentences(sentence(setup.farm_b, 1), sentence(setup.farm_a, 1))
        .unwrap();
    library.delete(&[setup.volcano]).unwrap();

    let mut dumped = Vec::new();
    assert_eq!(
        library.dump(&mut dumped).unwrap(),
        2,
        "the trash is left out"
    );
    let text = String::from_utf8(dumped.clone()).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let a = lines.iter().find(|l| l["id"] == setup.farm_a).unwrap();
    assert_eq!(a["tags"], serde_json::json!(["farm", "senate"]));
    assert_eq!(a["event_title"], "The 2012 farm bill");
    assert_eq!(a["event_named_by_user"], true);
    assert!(a["text"].as_str().unwrap().starts_with("The Senate passed"));
    let b = lines.iter().find(|l| l["id"] == setup.farm_b).unwrap();
    assert_eq!(b["outlet"], "Corn Belt Times");
    assert_eq!(b["corrected"]["published"], serde_json::Value::Null);
    assert!(b["corrected"].as_object().unwrap().contains_key("outlet"));

    // Into a new library: articles, tags, corrections and the event come back.
    let other = Library::open(&setup.path("other.sqlite3")).unwrap();
    let report = other.load(&mut dumped.as_slice(), "dump.jsonl").unwrap();
    assert_eq!(report.imported.len(), 2, "{report:?}");
    assert!(report.failed.is_empty());
    let events = other.events().unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "The 2012 farm bill");
    assert_eq!(events[0].articles.len(), 2);
    let loaded = listed(&other).unwrap();
    let farm_b = loaded
        .iter()
        .find(|a| a.title == "Farm bill clears the Senate")
        .unwrap();
    let record = other.article(farm_b.id).unwrap();
    assert_eq!(record.outlet.as_deref(), Some("Corn Belt Times"));
    assert_eq!(record.published.as_deref(), Some("2012-06-21"));
    assert!(record.corrected.contains_key("outlet"));
    assert_eq!(tagged(&other, "senate").unwrap().len(), 1);
    let farm_a = loaded
        .iter()
        .find(|a| a.title == "Senate passes farm bill")
        .unwrap();
    let overrides = other.alignment_overrides(farm_b.id, farm_a.id).unwrap();
    assert_eq!(
        overrides.len(),
        1,
        "alignment corrections travel with the articles"
    );
    assert!(overrides[0].linked);
    assert_eq!(
        (overrides[0].left.sentence, overrides[0].right.sentence),
        (1, 1)
    );
    assert_eq!(found(&other, "welcomed").unwrap().len(), 1);

    // Loaded twice: all duplicates. Into the first library: the trashed volcano is not in the
    // file, the two others are duplicates of themselves.
    let twice = other.load(&mut dumped.as_slice(), "dump.jsonl").unwrap();
    assert_eq!(twice.duplicates.len(), 2);
    assert!(twice.imported.is_empty());
    let home = library.load(&mut dumped.as_slice(), "dump.jsonl").unwrap();
    let mut existing: Vec<i64> = home.duplicates.iter().map(|d| d.existing_id).collect();
    existing.sort_unstable();
    let mut expected = vec![setup.farm_a, setup.farm_b];
    expected.sort_unstable();
    assert_eq!(existing, expected);
}

#[test]
fn loading_reports_bad_lines_and_keeps_the_good_ones() {
    let setup = Setup::new();
    let other = Library::open(&setup.path("other.sqlite3")).unwrap();
    let lines = [
        r#"{"title":"Bridge reopens","text":"The old bridge reopened to traffic after two years of repairs.","outlet":"River News","published":"2024-05-02","tags":["roads"],"event_title":"Bridge"}"#,
        "",
        "not json at all",
        r#"{"title":"No date","text":"Some text here.","published":"second of May"}"#,
        r#"{"title":"","text":"A text without a headline."}"#,
        r#"{"title":"Second bridge report","text":"Traffic crossed the old bridge again after repairs that took two years.","event_title":"Bridge"}"#,
    ]
    .join("\n");
    let report = other.load(&mut lines.as_bytes(), "in.jsonl").unwrap();
    assert_eq!(report.imported.len(), 2, "{report:?}");
    let failed: Vec<&str> = report.failed.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(failed, ["in.jsonl:3", "in.jsonl:4", "in.jsonl:5"]);
    assert!(
        report.failed[1].error.contains("not a date"),
        "{:?}",
        report.failed[1]
    );
    let events = other.events().unwrap();
    assert_eq!(events.len(), 1, "events are honoured by name");
    assert_eq!(events[0].title, "Bridge");
    assert_eq!(tagged(&other, "roads").unwrap().len(), 1);
}

#[test]
fn a_backup_is_a_consistent_library_even_while_another_connection_writes() {
    let setup = Setup::new();
    let library = &setup.library;
    library.add_tags(setup.volcano, &["ash".into()]).unwrap();
    // Another connection (the window) holds an open write transaction with a change in it.
    let window = rusqlite::Connection::open(library.path()).unwrap();
    window
        .execute_batch("BEGIN IMMEDIATE; UPDATE articles SET title = 'uncommitted'")
        .unwrap();

    let target = setup.path("copies").join("backup.sqlite3");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    let report = library.backup(&target).unwrap();
    assert_eq!(report.articles, 3);
    assert!(report.bytes > 0);
    window.execute_batch("COMMIT").unwrap();
    assert!(
        !setup.path("copies").join("backup.sqlite3-wal").exists(),
        "the copy is one file"
    );

    let copy = Library::open(&target).unwrap();
    let titles: Vec<String> = listed(&copy)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(titles.len(), 3);
    assert!(!titles.iter().any(|t| t == "uncommitted"), "{titles:?}");
    assert_eq!(tagged(&copy, "ash").unwrap().len(), 1);
    assert_eq!(found(&copy, "glacier").unwrap().len(), 1);

    // A second backup replaces the first; the library itself is refused.
    assert!(library.backup(&target).is_ok());
    let error = library.backup(library.path()).unwrap_err();
    assert!(error.to_string().contains("library itself"), "{error}");
}

#[test]
fn a_backup_and_an_export_tell_their_progress_and_stop_when_asked_leaving_what_was_there() {
    let setup = Setup::new();
    let library = &setup.library;
    let folder = setup.path("copies");
    std::fs::create_dir_all(&folder).unwrap();
    let target = folder.join("backup.sqlite3");

    // Let run: pages copied of the pages in all, ending whole.
    let mut told = Vec::new();
    let report = library
        .backup_with_progress(&target, &mut |copied, total| {
            told.push((copied, total));
            true
        })
        .unwrap()
        .expect("written");
    assert_eq!(report.articles, 3);
    let (copied, total) = *told.last().unwrap();
    assert!(total > 0 && copied == total, "{told:?}");
    let whole = std::fs::read(&target).unwrap();

    // Stopped: the backup already there is left as it was, and nothing else is in the folder.
    library.add_tags(setup.volcano, &["later".into()]).unwrap();
    let stopped = library
        .backup_with_progress(&target, &mut |_, _| false)
        .unwrap();
    assert!(stopped.is_none());
    assert_eq!(std::fs::read(&target).unwrap(), whole);
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("backup.sqlite3")]);

    // The export tells each article of those in all (the trash left out).
    library.delete(&[setup.volcano]).unwrap();
    let mut told = Vec::new();
    let mut out = Vec::new();
    let written = library
        .dump_with_progress(&mut out, &mut |done, total| {
            told.push((done, total));
            true
        })
        .unwrap();
    assert_eq!(written, Some(2));
    assert_eq!(told, vec![(0, 2), (1, 2), (2, 2)]);
    // Stopped after the first article: no count, and no more than one line written.
    let mut out = Vec::new();
    let stopped = library
        .dump_with_progress(&mut out, &mut |done, _| done < 1)
        .unwrap();
    assert_eq!(stopped, None);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 1);
}

#[test]
fn an_article_deleted_by_another_window_is_not_grouped_with_by_this_one() {
    let setup = Setup::new();
    // The window keeps its event index between imports; the command line deletes meanwhile.
    let command_line = Library::open(setup.library.path()).unwrap();
    command_line.delete(&[setup.farm_a, setup.farm_b]).unwrap();
    let third = write(
        setup.folder.path(),
        "farm-c.txt",
        "Farm bill passes Senate\n\nThe Senate passed the farm bill on Tuesday, cutting crop subsidies and food stamps after a long debate.",
    );
    let report = import(&setup.library, &[third]);
    let grouping = setup.library.grouping(report.imported[0].id).unwrap();
    assert_eq!(grouping.grouped_with, None, "{grouping:?}");
    command_line.restore(&[setup.farm_a]).unwrap();
    setup.assert_events_partition_the_list();
}

#[test]
fn an_import_after_an_event_is_merged_follows_the_merge_through_the_same_connection() {
    let setup = Setup::new();
    let library = &setup.library;
    let farm_event = setup.event_of(setup.farm_a);
    let volcano_event = setup.event_of(setup.volcano);
    // The farm reports are put in the volcano's event: a person's correction, written through
    // the connection that imported them (no other connection moves `data_version`).
    library.merge_events(volcano_event, &[farm_event]).unwrap();
    let third = write(
        setup.folder.path(),
        "farm-c.txt",
        "Farm bill passes Senate vote\n\nThe Senate passed the farm bill, with crop subsidies and food stamps, on Tuesday.",
    );
    let report = import(library, &[third]);
    assert_eq!(report.imported.len(), 1, "{report:?}");
    assert_eq!(
        report.imported[0].event, volcano_event,
        "the new report joins the event its look-alikes are in now, not the merged-away one"
    );
    setup.assert_events_partition_the_list();
}
