use std::path::PathBuf;

/// Everything the library can fail at, with a message a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The folder that should hold the library file cannot be created.
    #[error("cannot create the folder '{path}' for the library: {source}")]
    CreateFolder {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file exists but is not an SQLite database.
    #[error(
        "'{path}' is not a Parallax library (it is not an SQLite database); it was left untouched"
    )]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The file is an SQLite database of another program.
    #[error("'{path}' is an SQLite database of another program, not a Parallax library; it was left untouched")]
    ForeignDatabase {
        /// The file.
        path: PathBuf,
    },
    /// The file is a damaged SQLite database.
    #[error("the library '{path}' is damaged ({detail}); it was left untouched: restore it from a backup")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// The library was written by a newer Parallax.
    #[error("the library '{path}' was written by a newer Parallax (schema version {found}, this one reads up to {supported}); update Parallax to open it")]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The file's schema version.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },
    /// The file cannot be opened or written (permissions, a read-only disk, ...).
    #[error("cannot open the library '{path}': {detail}")]
    Open {
        /// The file.
        path: PathBuf,
        /// What SQLite said.
        detail: String,
    },
    /// Another program holds the library for longer than Parallax waits.
    #[error("the library is busy: another Parallax window or command is writing to it; try again in a moment")]
    Busy,
    /// A file given for import cannot be read, or is too large to read.
    #[error("cannot read '{path}': {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, in words a user can act on.
        reason: String,
    },
    /// No article has this id.
    #[error("no article with id {0} in the library")]
    NoSuchArticle(i64),
    /// No event has this id.
    #[error("no event with id {0} in the library")]
    NoSuchEvent(i64),
    /// A comparison was asked of fewer than two articles.
    #[error("a comparison needs at least two articles, {0} given")]
    TooFewArticles(usize),
    /// A comparison was asked of more articles than one comparison shows.
    #[error("a comparison takes at most {limit} articles, {given} given: choose fewer")]
    TooManyArticles {
        /// How many were asked for.
        given: usize,
        /// The most one comparison takes.
        limit: usize,
    },
    /// A timeline was asked of an event with more articles than one comparison takes.
    #[error(
        "event {event} has {articles} articles; a timeline takes at most {limit}: move some into another event"
    )]
    EventTooLarge {
        /// The event.
        event: i64,
        /// Its articles.
        articles: usize,
        /// The most a timeline takes ([`crate::MAX_COMPARED_ARTICLES`]).
        limit: usize,
    },
    /// A dump was asked in a format Parallax does not write.
    #[error("unknown dump format '{0}': use jsonl, parquet or passim")]
    UnknownDumpFormat(String),
    /// A citation was asked in a format Parallax does not write.
    #[error("unknown citation format '{0}': use csl-json, bibtex or ris")]
    UnknownCitationFormat(String),
    /// The article was deleted: it is in the trash.
    #[error("article {0} is in the trash: restoring it brings it back")]
    InTrash(i64),
    /// The trash holds no article with this id.
    #[error("no article with id {0} in the trash")]
    NotInTrash(i64),
    /// A trashed article cannot come back: the library holds its text again.
    #[error("article {trashed} cannot be restored: the library holds the same text again as article {live}; empty the trash to drop the old copy")]
    RestoredTwice {
        /// The id in the trash.
        trashed: i64,
        /// The article with the same text.
        live: i64,
    },
    /// A publication date that is not an ISO 8601 date or date-time.
    #[error(
        "'{0}' is not a date: write it as 2025-11-20 or 2025-11-20T09:15:00Z (empty clears it)"
    )]
    InvalidDate(String),
    /// An empty value where one is needed (a headline, an outlet's new name, a tag).
    #[error("{0} cannot be empty")]
    Empty(&'static str),
    /// A group is not written `dimension=group`.
    #[error("'{0}' is not DIMENSION=GROUP, such as leaning=left (an empty group removes it)")]
    InvalidGroup(String),
    /// No article has this outlet.
    #[error("no article has the outlet '{0}'")]
    NoSuchOutlet(String),
    /// An alignment correction names a sentence the article does not have.
    #[error(
        "article {article} has no sentence {sentence}: its sentences are numbered 0 to {last}"
    )]
    NoSuchSentence {
        /// The article.
        article: i64,
        /// The sentence index asked for.
        sentence: usize,
        /// Its last sentence index.
        last: usize,
    },
    /// An alignment correction of an article with itself.
    #[error("an alignment links two different articles, not article {0} with itself")]
    SameArticle(i64),
    /// A note's target that is not ARTICLE, ARTICLE:SENTENCE, A:S,B:T or event:ID.
    #[error("'{0}' is not a note's target: write ARTICLE (12), ARTICLE:SENTENCE (12:3), a pair of sentences (12:3,14:5) or event:ID (event:4)")]
    InvalidNoteTarget(String),
    /// A verdict that is not on the scale.
    #[error(
        "'{verdict}' is not a verdict of this library's scale ({scale}); add it to the scale first"
    )]
    UnknownVerdict {
        /// The verdict given.
        verdict: String,
        /// The scale, comma-separated.
        scale: String,
    },
    /// A verdict taken off the scale while notes still give it.
    #[error("{notes} notes give the verdict '{verdict}': change their verdict before taking it off the scale")]
    VerdictInUse {
        /// The verdict.
        verdict: String,
        /// How many notes give it.
        notes: usize,
    },
    /// No note has this id.
    #[error("no note with id {0} in the library")]
    NoSuchNote(i64),
    /// The note is in the trash.
    #[error("note {0} is deleted: restoring it brings it back")]
    NoteDeleted(i64),
    /// A note to restore that is not deleted.
    #[error("note {0} is not deleted")]
    NoteNotDeleted(i64),
    /// A note that was never edited.
    #[error("note {0} has no edit to undo")]
    NothingToUndo(i64),
    /// A file given to read or write cannot be.
    #[error("cannot {action} '{path}': {detail}")]
    File {
        /// What was tried: "read", "write", ...
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The schema could not be brought up to date.
    #[error("cannot update the library's schema: {0}")]
    Migration(String),
    /// A search longer than the library takes.
    #[error("the search is too long: use at most {limit} characters")]
    QueryTooLong {
        /// The most characters a search takes.
        limit: usize,
    },
    /// A filter date that is not a calendar day.
    #[error("'{0}' is not a date: write it as YYYY-MM-DD")]
    InvalidFilterDate(String),
    /// The same article named twice in one comparison.
    #[error("article {0} was chosen twice: choose different articles to compare")]
    ComparedTwice(i64),
    /// The library file was moved or deleted while open: nothing more is read from or written
    /// to it. What was refused is said: a change (not saved), or new work (not started).
    #[error("the library file was moved or deleted while Parallax had it open, so {0}; open the library where it is now")]
    LibraryGone(Refused),
    /// The disk holding the library is full.
    #[error("the disk holding the library is full, so this change was not saved (what was saved before is intact); free some space and try again")]
    DiskFull,
    /// Writing the library file failed (a size limit, a failing disk).
    #[error("cannot write the library file, so this change was not saved (what was saved before is intact): {0}")]
    WriteFailed(String),
    /// The library file or its folder cannot be written: it can be read, not changed.
    #[error("the library is read-only (its file or folder cannot be written): it can be browsed, but not changed")]
    ReadOnly,
    /// Any other database failure.
    #[error("library database error: {0}")]
    Database(rusqlite::Error),
}

/// What a library moved or deleted while open refused ([`Error::LibraryGone`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// A change, rolled back: it was not saved.
    Change,
    /// Work not yet started on a connection of its own (an import, an export, a backup).
    NewWork,
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refused::Change => "this change was not saved",
            Refused::NewWork => "Parallax stopped using it",
        })
    }
}

/// What kind of failure an [`Error`] is, for a front end that acts on it: offer to try again
/// when the library is busy, refresh what is shown when something is gone, point at the input
/// when it is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// What was asked for is not (or no longer) in the library.
    NotFound,
    /// The request itself is wrong: a bad date, an empty name, too few articles.
    Invalid,
    /// Another window or command holds the library: the same request may work in a moment.
    Busy,
    /// The library file cannot be used (not a library, damaged, too new, unwritable).
    Library,
    /// A file to read or write cannot be.
    File,
    /// Any other database failure.
    Database,
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NoSuchArticle(_)
            | Error::NoSuchEvent(_)
            | Error::InTrash(_)
            | Error::NotInTrash(_)
            | Error::NoSuchOutlet(_)
            | Error::NoSuchSentence { .. }
            | Error::NoSuchNote(_)
            | Error::NoteDeleted(_) => ErrorKind::NotFound,
            Error::TooFewArticles(_)
            | Error::TooManyArticles { .. }
            | Error::EventTooLarge { .. }
            | Error::RestoredTwice { .. }
            | Error::InvalidDate(_)
            | Error::Empty(_)
            | Error::SameArticle(_)
            | Error::QueryTooLong { .. }
            | Error::InvalidFilterDate(_)
            | Error::ComparedTwice(_)
            | Error::UnknownCitationFormat(_)
            | Error::UnknownDumpFormat(_)
            | Error::InvalidGroup(_)
            | Error::InvalidNoteTarget(_)
            | Error::UnknownVerdict { .. }
            | Error::VerdictInUse { .. }
            | Error::NoteNotDeleted(_)
            | Error::NothingToUndo(_) => ErrorKind::Invalid,
            Error::Busy => ErrorKind::Busy,
            Error::CreateFolder { .. }
            | Error::NotADatabase { .. }
            | Error::ForeignDatabase { .. }
            | Error::Corrupt { .. }
            | Error::TooNew { .. }
            | Error::Open { .. }
            | Error::Migration(_)
            | Error::LibraryGone(_)
            | Error::ReadOnly => ErrorKind::Library,
            Error::DiskFull | Error::WriteFailed(_) => ErrorKind::File,
            Error::Unreadable { .. } | Error::File { .. } => ErrorKind::File,
            Error::Database(_) => ErrorKind::Database,
        }
    }

    /// The command that helps, for a front end on the command line: the messages themselves
    /// name no command, as the window has none to type.
    pub fn command_hint(&self) -> Option<String> {
        match self {
            Error::NoSuchArticle(_) => Some("see `parallax list`".into()),
            Error::NoSuchEvent(_) => Some("see `parallax events`".into()),
            Error::InTrash(id) => Some(format!("`parallax restore {id}`")),
            Error::NotInTrash(_) => Some("see `parallax trash`".into()),
            Error::NoSuchOutlet(_) => Some("see `parallax outlets`".into()),
            Error::NoSuchNote(_) => Some("see `parallax note list`".into()),
            Error::NoteDeleted(id) => Some(format!("`parallax note restore {id}`")),
            Error::UnknownVerdict { .. } => Some("`parallax note scale --add VERDICT`".into()),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Error {
        const CONSTRAINT_COMMITHOOK: i32 = 531;
        match &error {
            rusqlite::Error::SqliteFailure(failure, _)
                if failure.extended_code == CONSTRAINT_COMMITHOOK =>
            {
                return Error::LibraryGone(Refused::Change);
            }
            _ => {}
        }
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                Error::Busy
            }
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull,
            Some(rusqlite::ErrorCode::SystemIoFailure) => Error::WriteFailed(error.to_string()),
            Some(rusqlite::ErrorCode::ReadOnly) => Error::ReadOnly,
            _ => Error::Database(error),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(error: rusqlite_migration::Error) -> Error {
        match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            other => Error::Migration(other.to_string()),
        }
    }
}
