//! The library file's schema, as versioned migrations, and the checks made before any write.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};
use rusqlite_migration::{Migrations, M};

use crate::Error;

/// Marks a Parallax library in the SQLite header (`PRAGMA application_id`): "PRLX".
const APPLICATION_ID: i64 = 0x5052_4C58;

/// Every schema version, oldest first. Never edit a released migration: add one.
const MIGRATIONS: &[M<'static>] = &[M::up(
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
)];

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
    connection
        .pragma_update(None, "foreign_keys", true)
        .map_err(classify)?;
    Migrations::from_slice(migrations).to_latest(connection)?;
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
