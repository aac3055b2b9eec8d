//! The library file's schema, as versioned migrations, and the checks made before any write.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};
use rusqlite_migration::{Migrations, M};

use crate::Error;

/// Marks a Parallax library in the SQLite header (`PRAGMA application_id`): "PRLX".
const APPLICATION_ID: i64 = 0x5052_4C58;

/// Every schema version, oldest first. Never edit a released migration: add one.
const MIGRATIONS: &[M<'static>] = &[
    M::up(
        r#"
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    -- 1 when a person named the event: later imports keep the name.
    named_by_user INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    path TEXT,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    -- sha256 of the normalised text: the same article is never stored twice.
    content_hash TEXT NOT NULL UNIQUE,
    imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    event_id INTEGER NOT NULL REFERENCES events(id),
    -- What event grouping knows of the article: `term:count` entries separated by tabs.
    profile TEXT NOT NULL,
    -- Why the article joined its event: the closest earlier article, their similarity and the
    -- words they share (tab-separated).
    grouped_with INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    grouping_similarity REAL,
    grouping_terms TEXT,
    -- 1 when a person put the article in its event: regrouping leaves it there.
    placed_by_user INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX articles_event ON articles(event_id);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, outlet, byline, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, outlet, byline, text)
    VALUES (new.id, new.title, new.outlet, new.byline, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text)
    VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, byline, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text)
    VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text);
    INSERT INTO articles_fts(rowid, title, outlet, byline, text)
    VALUES (new.id, new.title, new.outlet, new.byline, new.text);
END;
"#,
    ),
    M::up(
        r#"
-- What a person corrected: a JSON object from field name (title, outlet, byline, published) to
-- the value the article had before its first correction. Later imports never overwrite it.
ALTER TABLE articles ADD COLUMN corrected TEXT;

-- Deleting an article looks up the articles grouped with it (ON DELETE SET NULL, the trash).
CREATE INDEX articles_grouped_with ON articles(grouped_with);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (article_id, tag)
) WITHOUT ROWID;

CREATE INDEX article_tags_tag ON article_tags(tag);

-- Articles deleted by a person, kept whole until the trash is emptied. A trashed article is no
-- longer in `articles`, so lists, search, events and grouping never see it.
CREATE TABLE trash (
    -- The article's id; it gets it back when restored, unless another article took it.
    id INTEGER PRIMARY KEY,
    trashed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    -- The event it was in, NULL once that event is gone; its name, to start it again.
    event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
    event_title TEXT NOT NULL,
    event_named_by_user INTEGER NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    path TEXT,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    imported TEXT NOT NULL,
    profile TEXT NOT NULL,
    grouped_with INTEGER,
    grouping_similarity REAL,
    grouping_terms TEXT,
    placed_by_user INTEGER NOT NULL,
    corrected TEXT,
    -- Its tags, a JSON array.
    tags TEXT NOT NULL,
    -- The articles that joined its event through it, a JSON array of ids.
    grouped_here TEXT NOT NULL
);

CREATE INDEX trash_event ON trash(event_id);

-- A person's corrections of the alignment of two articles' sentences: a link (1) or an
-- unlink (0). Articles are named by content hash (the left one's is the smaller), so the
-- correction follows the text whatever id it has.
CREATE TABLE alignment_overrides (
    left_hash TEXT NOT NULL,
    left_sentence INTEGER NOT NULL,
    right_hash TEXT NOT NULL,
    right_sentence INTEGER NOT NULL,
    linked INTEGER NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (left_hash, right_hash, left_sentence, right_sentence),
    CHECK (left_hash < right_hash)
) WITHOUT ROWID;

CREATE INDEX alignment_overrides_right ON alignment_overrides(right_hash);
"#,
    ),
    M::up(
        r#"
-- The articles table again, its columns in a new order: the long text and the grouping profile
-- last, so reading what lists and events show never walks through an article's text (SQLite
-- reads a row's columns in order, a long text spilling into overflow pages). Ids are kept, so
-- the search index, tags, the trash and grouping stay as they are.
CREATE TABLE articles_reordered (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    outlet TEXT,
    byline TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    path TEXT,
    format TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    event_id INTEGER NOT NULL REFERENCES events(id),
    placed_by_user INTEGER NOT NULL DEFAULT 0,
    imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    content_hash TEXT NOT NULL UNIQUE,
    grouped_with INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    grouping_similarity REAL,
    grouping_terms TEXT,
    corrected TEXT,
    profile TEXT NOT NULL,
    text TEXT NOT NULL
);

INSERT INTO articles_reordered (id, title, outlet, byline, published, url, language, path, format,
    word_count, event_id, placed_by_user, imported, content_hash, grouped_with, grouping_similarity,
    grouping_terms, corrected, profile, text)
SELECT id, title, outlet, byline, published, url, language, path, format,
    word_count, event_id, placed_by_user, imported, content_hash, grouped_with, grouping_similarity,
    grouping_terms, corrected, profile, text
FROM articles;

DROP TABLE articles;
ALTER TABLE articles_reordered RENAME TO articles;

-- The event listing reads the articles of every event from this index alone.
CREATE INDEX articles_event ON articles(event_id, published, outlet);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_grouped_with ON articles(grouped_with);

-- No trigger adds a new article to the search index: FTS5 writes its pending terms out at every
-- statement that touches it, so one trigger run per article made a segment per article and a
-- bulk import spent its time merging them. Whoever inserts articles indexes them
-- ([`index_for_search`]), an import a whole batch in one statement.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text)
    VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, outlet, byline, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, outlet, byline, text)
    VALUES ('delete', old.id, old.title, old.outlet, old.byline, old.text);
    INSERT INTO articles_fts(rowid, title, outlet, byline, text)
    VALUES (new.id, new.title, new.outlet, new.byline, new.text);
END;
"#,
    ),
    M::up(
        r#"
-- Groups a person puts outlets in, along any dimensions of their own (leaning, country, owner):
-- one group per outlet and dimension. Keyed by the outlet's name, as articles hold it.
CREATE TABLE outlet_groups (
    outlet TEXT NOT NULL,
    dimension TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (outlet, dimension)
) WITHOUT ROWID;
"#,
    ),
    M::up(
        r#"
-- A fact-checker's notes: free text with an optional verdict, on an article, one of its
-- sentences, an aligned pair of sentences or an event. Articles are named by content hash and
-- sentences by their normalised text (with the index they had, to choose between repeats), so
-- a note follows the text through the trash, a re-import and a JSON Lines round trip, as the
-- alignment corrections do. An event note keeps the event's id, name and the content hashes of
-- its articles, to find the event again after a merge or a reload.
CREATE TABLE verdicts (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    position INTEGER NOT NULL
);

INSERT INTO verdicts (name, position)
VALUES ('accurate', 1), ('misleading', 2), ('wrong', 3), ('unverified', 4);

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    target TEXT NOT NULL CHECK (target IN ('article', 'sentence', 'pair', 'event')),
    article_hash TEXT,
    sentence INTEGER,
    sentence_text TEXT,
    other_hash TEXT,
    other_sentence INTEGER,
    other_sentence_text TEXT,
    event_id INTEGER,
    event_title TEXT,
    -- A JSON array of content hashes.
    event_members TEXT,
    text TEXT NOT NULL,
    verdict TEXT,
    author TEXT NOT NULL,
    created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    edited TEXT,
    -- The version before the last edit, a JSON object {text, verdict, edited}: an edit's undo.
    previous TEXT,
    -- When it was deleted: a deleted note waits in the trash until restored or the trash emptied.
    deleted TEXT,
    CHECK ((target = 'event') = (article_hash IS NULL))
);

CREATE INDEX notes_article ON notes(article_hash);
CREATE INDEX notes_other ON notes(other_hash) WHERE other_hash IS NOT NULL;

CREATE VIRTUAL TABLE notes_fts USING fts5(
    text, verdict, author,
    content = 'notes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, text, verdict, author) VALUES (new.id, new.text, new.verdict, new.author);
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text, verdict, author)
    VALUES ('delete', old.id, old.text, old.verdict, old.author);
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF text, verdict, author ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, text, verdict, author)
    VALUES ('delete', old.id, old.text, old.verdict, old.author);
    INSERT INTO notes_fts(rowid, text, verdict, author) VALUES (new.id, new.text, new.verdict, new.author);
END;
"#,
    ),
    M::up(
        r#"
-- Passages a text-reuse tool (passim) found shared between articles: one row per passage of a
-- cluster. The article is named by content hash, as notes name it, so a passage follows the
-- text through the trash and a JSON Lines round trip; start_char/end_char are character
-- offsets into the article's text.
CREATE TABLE reuse_passages (
    id INTEGER PRIMARY KEY,
    cluster TEXT NOT NULL,
    cluster_size INTEGER,
    article_hash TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL,
    imported TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (cluster, article_hash, start_char, end_char)
);

CREATE INDEX reuse_passages_article ON reuse_passages(article_hash);
"#,
    ),
    M::up(
        r#"
-- Why event grouping's second pass cut an article's event in two (parallax_core::events::Split):
-- the event that holds the other part, and the mean link between the two parts. A row for each
-- article that left, and for each that stayed whose closest article left. (A table of its own:
-- the articles table keeps its text last.)
CREATE TABLE article_splits (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    split_from INTEGER NOT NULL,
    split_link REAL NOT NULL
);
"#,
    ),
    M::up(
        r#"
-- Why event grouping's third pass folded an article's small event into an older one
-- (parallax_core::events::Fold): the folded event's name (the event itself is gone) and the
-- mean link between the two events' articles. A row for each article that moved.
CREATE TABLE article_folds (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    folded_title TEXT NOT NULL,
    fold_link REAL NOT NULL
);
"#,
    ),
    M::up(
        r#"
-- A trashed article keeps why grouping's second and third passes put it in its event
-- (article_splits, article_folds), so restoring it into that event says so again.
ALTER TABLE trash ADD COLUMN split_from INTEGER;
ALTER TABLE trash ADD COLUMN split_link REAL;
ALTER TABLE trash ADD COLUMN folded_title TEXT;
ALTER TABLE trash ADD COLUMN fold_link REAL;
"#,
    ),
];

/// Adds articles just inserted to the search index, in one statement (see schema 3).
pub(crate) fn index_for_search(connection: &Connection, ids: &[i64]) -> rusqlite::Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(ids).expect("numbers serialise");
    connection
        .prepare_cached(
            "INSERT INTO articles_fts(rowid, title, outlet, byline, text)
             SELECT id, title, outlet, byline, text FROM articles
             WHERE id IN (SELECT value FROM json_each(?1))",
        )?
        .execute([list])?;
    Ok(())
}

/// What opening found.
pub(crate) struct Opened {
    /// True when the file held no schema yet: a new library.
    pub created: bool,
}

/// Checks that the file is a Parallax library this build can read (or an empty file), then
/// brings its schema up to date. Nothing is written before the checks pass, and a library that
/// needs migrating is first copied whole beside itself ([`backup_path`]).
pub(crate) fn prepare(connection: &mut Connection, path: &Path) -> Result<Opened, Error> {
    prepare_with(connection, path, MIGRATIONS)
}

/// Where the copy of a library made before migrating it from schema `version` goes.
pub(crate) fn backup_path(path: &Path, version: i64) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".schema-{version}.backup"));
    path.with_file_name(name)
}

fn prepare_with(
    connection: &mut Connection,
    path: &Path,
    migrations: &[M<'static>],
) -> Result<Opened, Error> {
    let classify = |error: rusqlite::Error| match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => {
            Error::Open {
                path: path.to_path_buf(),
                detail: error.to_string(),
            }
        }
        _ => Error::from(error),
    };
    let tables: i64 = connection
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(classify)?;
    let application_id: i64 = connection
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(classify)?;
    let version: i64 = connection
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(classify)?;
    if tables > 0 && application_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase {
            path: path.to_path_buf(),
        });
    }
    let supported = migrations.len() as i64;
    if version > supported {
        return Err(Error::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported,
        });
    }
    // A library the user may read but not write (its file or folder read-only): browsed as it
    // is, nothing written, when its schema is current; every change is refused as it is tried.
    if connection.is_readonly(rusqlite::MAIN_DB).unwrap_or(false) {
        if tables == 0 || version < supported {
            return Err(Error::ReadOnly);
        }
        connection
            .pragma_update(None, "foreign_keys", true)
            .map_err(classify)?;
        return Ok(Opened { created: false });
    }
    if tables > 0 && version < supported {
        let backup = backup_path(path, version);
        connection
            .execute("VACUUM INTO ?1", [backup.to_string_lossy()])
            .map_err(|e| Error::Open {
                path: path.to_path_buf(),
                detail: format!(
                    "cannot copy it to '{}' before updating it, so it was left as it is: {e}",
                    backup.display()
                ),
            })?;
    }
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .map_err(classify)?;
    connection
        .pragma_update(None, "synchronous", "NORMAL")
        .map_err(classify)?;
    // Off while migrating, as SQLite's way of rebuilding a table asks (dropping the old table must
    // not cascade into the rows that refer to it); checked before it is on again.
    connection
        .pragma_update(None, "foreign_keys", false)
        .map_err(classify)?;
    Migrations::from_slice(migrations).to_latest(connection)?;
    let broken: i64 = if tables > 0 && version < supported {
        connection.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
            row.get(0)
        })?
    } else {
        0
    };
    if broken > 0 {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("{broken} rows refer to rows that are not there"),
        });
    }
    connection
        .pragma_update(None, "foreign_keys", true)
        .map_err(classify)?;
    if application_id != APPLICATION_ID {
        connection
            .pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(classify)?;
    }
    Ok(Opened {
        created: tables == 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(Migrations::from_slice(MIGRATIONS).validate().is_ok());
    }

    #[test]
    fn a_first_schema_library_gains_the_editing_tables_and_keeps_its_articles() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare_with(&mut connection, &path, &MIGRATIONS[..1]).unwrap();
            connection
                .execute_batch(
                    "INSERT INTO events (id, title) VALUES (1, 'Storm');
                     INSERT INTO articles (id, title, format, text, word_count, content_hash, event_id, profile)
                     VALUES (7, 'Storm closes harbour', 'text', 'A storm closed the harbour.', 5, 'h', 1, '');",
                )
                .unwrap();
        }
        let mut connection = Connection::open(&path).unwrap();
        prepare(&mut connection, &path).unwrap();
        assert!(backup_path(&path, 1).exists());
        let (title, corrected): (String, Option<String>) = connection
            .query_row(
                "SELECT title, corrected FROM articles WHERE id = 7",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((title.as_str(), corrected), ("Storm closes harbour", None));
        for table in ["article_tags", "trash", "alignment_overrides"] {
            let count: i64 = connection
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })
                .unwrap();
            assert_eq!(count, 0, "{table}");
        }
    }

    #[test]
    fn a_library_of_the_previous_schema_gains_outlet_groups_and_keeps_its_articles() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare_with(&mut connection, &path, &MIGRATIONS[..MIGRATIONS.len() - 1]).unwrap();
            connection
                .execute_batch(
                    "INSERT INTO events (id, title) VALUES (1, 'Storm');
                     INSERT INTO articles (id, title, outlet, format, text, word_count, content_hash, event_id, profile)
                     VALUES (7, 'Storm closes harbour', 'The Ledger', 'text', 'A storm closed the harbour.', 5, 'h7', 1, 'storm:2');",
                )
                .unwrap();
        }
        let mut connection = Connection::open(&path).unwrap();
        prepare(&mut connection, &path).unwrap();
        let set = crate::groups::set(
            &connection,
            "The Ledger",
            &[("leaning".into(), "left".into())],
        )
        .unwrap();
        assert_eq!(set.groups["leaning"], "left");
        let title: String = connection
            .query_row("SELECT title FROM articles WHERE id = 7", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(title, "Storm closes harbour");
    }

    #[test]
    fn reordering_the_articles_table_keeps_articles_tags_grouping_and_search() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare_with(&mut connection, &path, &MIGRATIONS[..2]).unwrap();
            connection
                .execute_batch(
                    "INSERT INTO events (id, title) VALUES (1, 'Storm');
                     INSERT INTO articles (id, title, format, text, word_count, content_hash, event_id, profile)
                     VALUES (7, 'Storm closes harbour', 'text', 'A storm closed the harbour.', 5, 'h7', 1, 'storm:2');
                     INSERT INTO articles (id, title, format, text, word_count, content_hash, event_id, profile,
                                           grouped_with, grouping_similarity, corrected)
                     VALUES (9, 'Harbour shut by gale', 'text', 'A gale shut the port.', 5, 'h9', 1, 'gale:2',
                             7, 0.4, '{\"title\":\"Old\"}');
                     INSERT INTO article_tags (article_id, tag) VALUES (7, 'weather'), (9, 'weather');",
                )
                .unwrap();
        }
        let mut connection = Connection::open(&path).unwrap();
        prepare(&mut connection, &path).unwrap();
        assert!(backup_path(&path, 2).exists());
        type Row = (i64, String, Option<i64>, Option<String>, String);
        let rows: Vec<Row> = connection
            .prepare("SELECT id, title, grouped_with, corrected, text FROM articles ORDER BY id")
            .unwrap()
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].0, 9);
        assert_eq!(rows[1].2, Some(7));
        assert_eq!(rows[1].3.as_deref(), Some("{\"title\":\"Old\"}"));
        assert_eq!(rows[1].4, "A gale shut the port.");
        let tags: i64 = connection
            .query_row("SELECT count(*) FROM article_tags", [], |row| row.get(0))
            .unwrap();
        assert_eq!(tags, 2, "the tags survive the old table being dropped");
        let last_column: String = connection
            .query_row(
                "SELECT name FROM pragma_table_info('articles') ORDER BY cid DESC LIMIT 1",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(last_column, "text");
        // The search index follows the table: a new article is found, a deleted one is not.
        connection
            .execute_batch(
                "INSERT INTO articles (title, format, text, word_count, content_hash, event_id, profile)
                 VALUES ('Ferry returns', 'text', 'The ferry returned to the harbour.', 6, 'h10', 1, '');
                 DELETE FROM articles WHERE id = 7;",
            )
            .unwrap();
        index_for_search(&connection, &[10]).unwrap();
        let found: Vec<i64> = connection
            .prepare(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'harbour' ORDER BY rowid",
            )
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(found, vec![9, 10], "9 by its headline, 10 new, 7 deleted");
        let grouped: Option<i64> = connection
            .query_row(
                "SELECT grouped_with FROM articles WHERE id = 9",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(
            grouped, None,
            "deleting article 7 still clears what pointed at it"
        );
    }

    #[test]
    fn a_third_schema_library_gains_notes_and_the_default_verdicts() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare_with(&mut connection, &path, &MIGRATIONS[..3]).unwrap();
            connection
                .execute_batch(
                    "INSERT INTO events (id, title) VALUES (1, 'Storm');
                     INSERT INTO articles (id, title, format, text, word_count, content_hash, event_id, profile)
                     VALUES (7, 'Storm closes harbour', 'text', 'A storm closed the harbour.', 5, 'h7', 1, '');",
                )
                .unwrap();
        }
        let mut connection = Connection::open(&path).unwrap();
        prepare(&mut connection, &path).unwrap();
        let verdicts: Vec<String> = connection
            .prepare("SELECT name FROM verdicts ORDER BY position")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(verdicts, ["accurate", "misleading", "wrong", "unverified"]);
        connection
            .execute(
                "INSERT INTO notes (target, article_hash, text, author) VALUES ('article', 'h7', 'Checked tide tables', 'Ana')",
                [],
            )
            .unwrap();
        let found: i64 = connection
            .query_row(
                "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'tide'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert_eq!(found, 1, "notes are searchable");
        let title: String = connection
            .query_row("SELECT title FROM articles WHERE id = 7", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(title, "Storm closes harbour");
    }

    #[test]
    fn a_fifth_schema_library_gains_shared_passages_and_keeps_its_notes() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare_with(&mut connection, &path, &MIGRATIONS[..5]).unwrap();
            connection
                .execute_batch(
                    "INSERT INTO events (id, title) VALUES (1, 'Storm');
                     INSERT INTO articles (id, title, format, text, word_count, content_hash, event_id, profile)
                     VALUES (7, 'Storm closes harbour', 'text', 'A storm closed the harbour.', 5, 'h7', 1, '');
                     INSERT INTO notes (target, article_hash, text, author) VALUES ('article', 'h7', 'Checked', 'ana');",
                )
                .unwrap();
        }
        let mut connection = Connection::open(&path).unwrap();
        prepare(&mut connection, &path).unwrap();
        connection
            .execute(
                "INSERT INTO reuse_passages (cluster, article_hash, start_char, end_char, text, source)
                 VALUES ('17', 'h7', 2, 7, 'storm', 'passim')",
                [],
            )
            .unwrap();
        let clusters = crate::passages::clusters(&connection, None).unwrap();
        assert_eq!(clusters[0].passages[0].article, 7);
        let note: String = connection
            .query_row("SELECT text FROM notes", [], |row| row.get(0))
            .unwrap();
        assert_eq!(note, "Checked");
    }

    #[test]
    fn a_library_is_copied_whole_before_it_is_migrated() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("library.sqlite3");
        let current = MIGRATIONS.len() as i64;
        {
            let mut connection = Connection::open(&path).unwrap();
            prepare(&mut connection, &path).unwrap();
            connection
                .execute("INSERT INTO events (title) VALUES ('kept in the copy')", [])
                .unwrap();
        }
        assert!(
            !backup_path(&path, current).exists(),
            "an up-to-date library is not copied"
        );

        let newer: Vec<M<'static>> = MIGRATIONS
            .iter()
            .cloned()
            .chain([M::up(
                "CREATE TABLE later_addition (id INTEGER PRIMARY KEY);",
            )])
            .collect();
        let mut connection = Connection::open(&path).unwrap();
        prepare_with(&mut connection, &path, &newer).unwrap();
        let version: i64 = connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, current + 1, "the library was migrated");

        let copy = Connection::open(backup_path(&path, current)).unwrap();
        let copied_version: i64 = copy
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(copied_version, current, "the copy keeps the schema it had");
        let title: String = copy
            .query_row("SELECT title FROM events", [], |row| row.get(0))
            .unwrap();
        assert_eq!(title, "kept in the copy");
    }
}
