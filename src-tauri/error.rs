//! Errors as the window receives them: a kind it acts on and a message it shows.

use parallax_library::ErrorKind;
use serde::Serialize;

/// What a command that failed sends the window: `{kind, message}`.
#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    kind: Kind,
    message: String,
}

/// What kind of failure, for the window to act on: refresh what is shown when something is
/// gone, offer to try again when the library is busy, point at the input when it is wrong.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    NotFound,
    Invalid,
    Busy,
    /// The library file cannot be used, or none is open.
    Library,
    File,
    Database,
    /// The work stopped without an answer (a task that panicked).
    Internal,
}

impl CommandError {
    pub fn new(kind: Kind, message: impl Into<String>) -> CommandError {
        CommandError {
            kind,
            message: message.into(),
        }
    }

    /// The library could not be opened: every command says why.
    pub fn no_library(message: &str) -> CommandError {
        CommandError::new(Kind::Library, message)
    }
}

impl From<parallax_library::Error> for CommandError {
    fn from(error: parallax_library::Error) -> CommandError {
        let kind = match error.kind() {
            ErrorKind::NotFound => Kind::NotFound,
            ErrorKind::Invalid => Kind::Invalid,
            ErrorKind::Busy => Kind::Busy,
            ErrorKind::Library => Kind::Library,
            ErrorKind::File => Kind::File,
            ErrorKind::Database => Kind::Database,
        };
        CommandError::new(kind, error.to_string())
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
