//! Comparisons of articles of a real library file: a person's alignment corrections applied,
//! the notes shown in every export, the limits of a comparison and of a timeline.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use parallax_library::{ArticleSentence, Error, ImportReport, Library, NoteTarget};
use parallax_report::{
    compare_articles, event_timeline, export, CellState, CompareReport, ExportFormat,
};

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

/// An empty library in a temporary folder.
struct Setup {
    folder: tempfile::TempDir,
    library: Library,
}

impl Setup {
    fn new() -> Setup {
        let folder = tempfile::tempdir().unwrap();
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        Setup { folder, library }
    }
}

const HARBOUR_LEFT: &str = "Storm closes harbour\n\nThe storm closed the harbour on Monday. Fishermen stayed ashore all week. The mayor promised repairs within a month.";
const HARBOUR_RIGHT: &str = "Harbour shut by storm\n\nA storm shut the harbour on Monday. The town's boats did not sail until Sunday. Repairs will take a month, the mayor said.";

fn harbour(setup: &Setup) -> (i64, i64) {
    let files = [
        write(setup.folder.path(), "harbour-left.txt", HARBOUR_LEFT),
        write(setup.folder.path(), "harbour-right.txt", HARBOUR_RIGHT),
    ];
    let report = import(&setup.library, &files);
    (report.imported[0].id, report.imported[1].id)
}

fn sentence(article: i64, sentence: usize) -> ArticleSentence {
    ArticleSentence { article, sentence }
}

fn aligned(report: &CompareReport, i: usize, j: usize) -> Option<bool> {
    let pair = &report.pairs[0];
    let (i, j) = if pair.left == 0 { (i, j) } else { (j, i) };
    pair.alignments
        .iter()
        .find(|a| a.left.contains(&i) && a.right.contains(&j))
        .map(|a| a.by_user)
}

#[test]
fn alignment_corrections_apply_whenever_the_pair_is_compared() {
    let setup = Setup::new();
    let library = &setup.library;
    let (left, right) = harbour(&setup);
    let engine = compare_articles(library, &[left, right]).unwrap();
    assert_eq!(engine.articles[0].sentences.len(), 3);
    assert_eq!(
        aligned(&engine, 0, 0),
        Some(false),
        "the engine aligns the first sentences"
    );
    assert_eq!(aligned(&engine, 1, 1), None, "and misses the boats");

    library
        .link_sentences(sentence(left, 1), sentence(right, 1))
        .unwrap();
    // Given with the articles the other way round, sentence indices follow the ids.
    let listed = library
        .unlink_sentences(sentence(right, 0), sentence(left, 0))
        .unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].left.article, right);
    assert!(!listed[0].linked);
    assert_eq!(listed[0].left_text, "A storm shut the harbour on Monday.");

    for ids in [[left, right], [right, left]] {
        let report = compare_articles(library, &ids).unwrap();
        assert_eq!(
            aligned(&report, 1, 1),
            Some(true),
            "the link is an alignment"
        );
        assert_eq!(aligned(&report, 0, 0), None, "the unlinked pair is gone");
        let pair = &report.pairs[0];
        assert!(pair.left_only.contains(&0) && pair.right_only.contains(&0));
        assert!(!pair.left_only.contains(&1) && !pair.right_only.contains(&1));
        let json = serde_json::to_value(&report).unwrap();
        let user = json["pairs"][0]["alignments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["by_user"] == true)
            .expect("by_user in the JSON");
        assert!(user["diff"].as_array().is_some_and(|d| !d.is_empty()));
        // The rows follow the corrected pair: the linked sentences share a row, the unlinked
        // ones stand alone.
        let row_of = |article: usize, s: usize| {
            report
                .rows
                .iter()
                .position(|row| {
                    row.cells[article]
                        .as_ref()
                        .is_some_and(|c| c.sentences.contains(&s))
                })
                .unwrap()
        };
        assert_eq!(row_of(0, 1), row_of(1, 1));
        assert_ne!(row_of(0, 0), row_of(1, 0));
        let first = &report.rows[row_of(0, 0)];
        assert_eq!(first.cells[0].as_ref().unwrap().state, CellState::Only);
        assert_eq!(report.coverage.support[0][1], [1]);
        assert!(report.coverage.support[0][0].is_empty());
    }

    assert!(library
        .remove_alignment_override(sentence(left, 0), sentence(right, 0))
        .unwrap());
    let report = compare_articles(library, &[left, right]).unwrap();
    assert_eq!(
        aligned(&report, 0, 0),
        Some(false),
        "the engine's alignment is back"
    );
    assert_eq!(library.alignment_overrides(left, right).unwrap().len(), 1);
    assert_eq!(library.clear_alignment_overrides(right, left).unwrap(), 1);
    assert_eq!(
        compare_articles(library, &[left, right]).unwrap().pairs,
        engine.pairs
    );
}

#[test]
fn alignment_corrections_are_checked_and_follow_the_text_through_the_trash() {
    let setup = Setup::new();
    let library = &setup.library;
    let (left, right) = harbour(&setup);
    assert!(matches!(
        library.link_sentences(sentence(left, 3), sentence(right, 0)),
        Err(Error::NoSuchSentence {
            sentence: 3,
            last: 2,
            ..
        })
    ));
    assert!(matches!(
        library.link_sentences(sentence(left, 0), sentence(left, 1)),
        Err(Error::SameArticle(_))
    ));
    assert!(library
        .link_sentences(sentence(left, 0), sentence(404, 0))
        .is_err());
    library
        .link_sentences(sentence(left, 2), sentence(right, 1))
        .unwrap();
    library.delete(&[right]).unwrap();
    assert!(matches!(
        library.alignment_overrides(left, right),
        Err(Error::InTrash(_))
    ));
    library.restore(&[right]).unwrap();
    assert_eq!(library.alignment_overrides(left, right).unwrap().len(), 1);
    assert_eq!(
        aligned(&compare_articles(library, &[left, right]).unwrap(), 2, 1),
        Some(true)
    );
    library.delete(&[right]).unwrap();
    assert_eq!(library.empty_trash().unwrap().alignment_overrides, 1);
}

#[test]
fn library_articles_can_be_compared() {
    let folder = tempfile::tempdir().unwrap();
    let files = [
        write(folder.path(), "a.txt", FARM_A),
        write(folder.path(), "b.txt", FARM_B),
    ];
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let ids: Vec<i64> = import(&library, &files)
        .imported
        .iter()
        .map(|a| a.id)
        .collect();
    let report = compare_articles(&library, &ids).unwrap();
    assert_eq!(report.articles.len(), 2);
    assert_eq!(report.articles[0].id, Some(ids[0]));
    assert_eq!(report.pairs.len(), 1);
    assert!(matches!(
        compare_articles(&library, &ids[..1]),
        Err(Error::TooFewArticles(1))
    ));
    assert!(matches!(
        compare_articles(&library, &[ids[0], 4242]),
        Err(Error::NoSuchArticle(4242))
    ));
}

#[test]
fn the_timeline_of_an_event_beyond_the_comparison_limit_is_refused() {
    let outlets: Vec<String> = (0..=parallax_library::MAX_COMPARED_ARTICLES)
        .map(|n| format!("Paper {n}"))
        .collect();
    let folder = tempfile::tempdir().unwrap();
    let files: Vec<_> = outlets
        .iter()
        .enumerate()
        .map(|(n, outlet)| {
            let file = folder.path().join(format!("report-{n}.md"));
            std::fs::write(
                &file,
                format!("---\ntitle: Flood closes the Elmsford road, report {n}\noutlet: {outlet}\n---\n\nFloodwater closed the Elmsford road on Tuesday after the river burst its banks near the old mill. Report number {n}."),
            )
            .unwrap();
            file
        })
        .collect();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    library.import_paths(
        &files,
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    let events = library.events().unwrap();
    let big = events.iter().max_by_key(|e| e.articles.len()).unwrap();
    assert_eq!(big.articles.len(), outlets.len(), "{events:?}");
    assert!(matches!(
        event_timeline(&library, big.id),
        Err(Error::EventTooLarge { articles, limit, .. })
            if articles == outlets.len() && limit == parallax_library::MAX_COMPARED_ARTICLES
    ));
}

#[test]
fn notes_are_shown_beside_what_they_annotate_in_every_export() {
    let (_folder, library, wire, gazette) = ferry();
    let on_sentence = library
        .add_note(
            &NoteTarget::Sentence {
                article: wire,
                sentence: 0,
            },
            "Port log says <b>118</b> | passengers",
            Some("Wrong"),
            "Ana",
        )
        .unwrap();
    assert_eq!(
        on_sentence.verdict.as_deref(),
        Some("wrong"),
        "spelt as the scale has it"
    );
    let pair = NoteTarget::Pair {
        left: ArticleSentence {
            article: wire,
            sentence: 1,
        },
        right: ArticleSentence {
            article: gazette,
            sentence: 1,
        },
    };
    library
        .add_note(&pair, "Both quote the coastguard", None, "Ben")
        .unwrap();
    let report = compare_articles(&library, &[wire, gazette]).unwrap();
    assert_eq!(report.notes.len(), 2);

    let html = export(&report, ExportFormat::Html);
    assert!(html.contains("Port log says &lt;b&gt;118&lt;/b&gt; | passengers"));
    assert!(!html.contains("<b>118"));
    let markdown = export(&report, ExportFormat::Markdown);
    let line = markdown
        .lines()
        .find(|l| l.contains("Port log says"))
        .unwrap();
    assert!(
        line.contains("\\<b\\>118") && line.contains("wrong · Ana"),
        "{line}"
    );
    assert!(markdown.contains("## Notes and verdicts"));
    let csv = export(&report, ExportFormat::Csv);
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let note = rows.iter().find(|r| r[0].starts_with("Port log")).unwrap();
    assert_eq!(&note[1], "note: wrong");
    assert_eq!((&note[3], &note[4]), ("sentence 1", ""));
    let pair_row = rows
        .iter()
        .find(|r| &r[0] == "Both quote the coastguard")
        .unwrap();
    assert_eq!((&pair_row[3], &pair_row[4]), ("sentence 2", "sentence 2"));
    let json: serde_json::Value =
        serde_json::from_str(&export(&report, ExportFormat::Json)).unwrap();
    assert_eq!(json["notes"][0]["author"], "Ana");
}

/// A library of two reports of one ferry grounding that disagree on the passengers.
fn ferry() -> (tempfile::TempDir, Library, i64, i64) {
    let folder = tempfile::tempdir().unwrap();
    let files = [
        ("wire.md", "---\ntitle: Ferry runs aground\noutlet: Northsea Wire\n---\n\nThe ferry Aurora ran aground off Kestrel Point on Tuesday with 120 passengers on board.\n\nNo one was hurt, the coastguard said."),
        ("gazette.md", "---\ntitle: Aurora grounded\noutlet: Kestrel Gazette\n---\n\nThe ferry Aurora ran aground off Kestrel Point on Tuesday with 150 passengers on board.\n\nNo one was hurt, the coastguard said."),
    ];
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            let path = folder.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
    let report = library.import_paths(
        &paths,
        &mut |_| {},
        &std::sync::atomic::AtomicBool::new(false),
    );
    let id = |outlet: &str| {
        report
            .imported
            .iter()
            .find(|a| a.outlet.as_deref() == Some(outlet))
            .unwrap()
            .id
    };
    let (wire, gazette) = (id("Northsea Wire"), id("Kestrel Gazette"));
    (folder, library, wire, gazette)
}

#[test]
fn an_article_without_an_outlet_is_named_by_its_file_in_comparisons() {
    let setup = Setup::new();
    let files = [
        write(
            setup.folder.path(),
            "kyiv-wire-1120.txt",
            "Talks resume in Kyiv\n\nKYIV, Nov 20 — Delegations met in Kyiv on Thursday to discuss the 2025 ceasefire plan.",
        ),
        write(
            setup.folder.path(),
            "ledger.md",
            "# Kyiv talks resume\nSource: The Ledger\n\nDelegations met in Kyiv on Thursday to discuss a ceasefire plan.",
        ),
    ];
    let report = import(&setup.library, &files);
    assert_eq!(report.imported.len(), 2, "{report:?}");
    let ids: Vec<i64> = report.imported.iter().map(|a| a.id).collect();
    let compared = compare_articles(&setup.library, &ids).unwrap();
    assert_eq!(compared.articles[0].outlet, None);
    assert_eq!(compared.articles[0].source, "kyiv-wire-1120");
    assert_eq!(compared.articles[1].source, "The Ledger");
}
