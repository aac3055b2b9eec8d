//! Errors as the window receives them: a kind it acts on and a message it shows.

use parallax_library::ErrorKind;
use serde::Serialize;

/// What a command that failed sends the window: `{kind, message}`.
#[derive(Debug, Clone, Serialize)]
pub struct CommandError {
    kind: Kind,
    message: String,
}

/// What kind of failure, for the window to act on: the library's kinds (refresh what is shown
/// when something is gone, offer to try again when the library is busy, point at the input when
/// it is wrong), and the shell's own, `internal`: the work stopped without an answer.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(untagged)]
pub enum Kind {
    Library(ErrorKind),
    Shell(ShellKind),
}

/// Failures of the shell itself.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShellKind {
    /// A task that panicked or was cancelled, or a lock poisoned by an earlier failure.
    Internal,
}

impl Kind {
    /// The work stopped without an answer.
    pub const INTERNAL: Kind = Kind::Shell(ShellKind::Internal);
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
        CommandError::new(Kind::Library(ErrorKind::Library), message)
    }
}

impl From<parallax_library::Error> for CommandError {
    fn from(error: parallax_library::Error) -> CommandError {
        CommandError::new(Kind::Library(error.kind()), error.to_string())
    }
}

impl From<parallax_report::Error> for CommandError {
    fn from(error: parallax_report::Error) -> CommandError {
        CommandError::new(Kind::Library(error.kind()), error.to_string())
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
