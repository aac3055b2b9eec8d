//! Faults a desktop library meets while open: its file moved or deleted under it. Nothing is
//! written to a file no one will open again, and the user is told.

use parallax_library::{Error, ErrorKind, Library, Refused};

mod common;
use common::listed;

fn sample_library(folder: &std::path::Path) -> (std::path::PathBuf, Library) {
    let path = folder.join("library.sqlite3");
    let library = Library::open(&path).unwrap();
    library.add_samples().unwrap();
    (path, library)
}

fn remove_with_journal(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

#[test]
fn a_library_deleted_while_open_refuses_changes_with_a_clear_error() {
    let folder = tempfile::tempdir().unwrap();
    let (path, library) = sample_library(folder.path());
    let first = listed(&library).unwrap()[0].id;
    library.add_tags(first, &["before".into()]).unwrap();
    remove_with_journal(&path);

    let refused = library.add_tags(first, &["after".into()]).unwrap_err();
    assert!(
        matches!(refused, Error::LibraryGone(Refused::Change)),
        "{refused}"
    );
    assert_eq!(refused.kind(), ErrorKind::Library);
    let said = refused.to_string();
    assert!(said.contains("moved or deleted"), "{said}");
    assert!(said.contains("this change was not saved"), "{said}");
    // What is on screen can still be read.
    assert!(!listed(&library).unwrap().is_empty());
}

#[test]
fn a_library_moved_while_open_keeps_everything_saved_before_and_nothing_after() {
    let folder = tempfile::tempdir().unwrap();
    let (path, library) = sample_library(folder.path());
    let first = listed(&library).unwrap()[0].id;
    library.add_tags(first, &["kept".into()]).unwrap();
    let moved = folder.path().join("elsewhere.sqlite3");
    std::fs::rename(&path, &moved).unwrap();
    for suffix in ["-wal", "-shm"] {
        let mut from = path.as_os_str().to_owned();
        from.push(suffix);
        let mut to = moved.as_os_str().to_owned();
        to.push(suffix);
        let _ = std::fs::rename(from, to);
    }

    let refused = library.add_tags(first, &["lost".into()]).unwrap_err();
    assert!(
        matches!(refused, Error::LibraryGone(Refused::Change)),
        "{refused}"
    );
    let count = listed(&library).unwrap().len();
    drop(library);

    let reopened = Library::open(&moved).unwrap();
    assert_eq!(listed(&reopened).unwrap().len(), count);
    let tags = reopened.article(first).unwrap().tags;
    assert_eq!(tags, vec!["kept".to_string()]);
    assert!(
        !path.exists(),
        "no new file was made where the library used to be"
    );
}

#[test]
fn another_connection_to_a_library_moved_away_is_refused_and_makes_no_new_file() {
    let folder = tempfile::tempdir().unwrap();
    let (path, library) = sample_library(folder.path());
    let beside = library.open_again().unwrap();
    assert_eq!(
        listed(&beside).unwrap().len(),
        listed(&library).unwrap().len()
    );
    drop(beside);
    remove_with_journal(&path);

    let refused = library.open_again().err().expect("refused");
    assert!(
        matches!(refused, Error::LibraryGone(Refused::NewWork)),
        "{refused}"
    );
    // Nothing was changed, so the message speaks of no change: an import or a backup that
    // asked for this connection was simply not started.
    let said = refused.to_string();
    assert!(said.contains("moved or deleted"), "{said}");
    assert!(!said.contains("change"), "{said}");
    assert!(
        !path.exists(),
        "no new library was made where the old one was"
    );
}
