use std::path::PathBuf;

use parallax_library::ErrorKind;

/// What the report crate itself can fail at: reading an article file to compare, or a format
/// it does not write. Work on the library fails with the library's [`parallax_library::Error`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file to compare cannot be read, or is too large to read.
    #[error("cannot read '{path}': {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, in words a user can act on.
        reason: String,
    },
    /// A file was read but holds no article the engine can take out of it.
    #[error("cannot read an article from '{path}': {reason}")]
    NoArticle {
        /// The file.
        path: PathBuf,
        /// The engine's message.
        reason: String,
    },
    /// An export cannot be written where the user asked.
    #[error("cannot write '{path}': {reason}")]
    Unwritable {
        /// The file asked for.
        path: PathBuf,
        /// Why, in words a user can act on.
        reason: String,
    },
    /// An export was asked in a format Parallax does not write.
    #[error("unknown export format '{0}': use html, markdown, json or csv")]
    UnknownExportFormat(String),
}

impl Error {
    /// What kind of failure this is, in the library's kinds, so a front end acts on every
    /// error alike.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Unreadable { .. } | Error::NoArticle { .. } | Error::Unwritable { .. } => {
                ErrorKind::File
            }
            Error::UnknownExportFormat(_) => ErrorKind::Invalid,
        }
    }
}
