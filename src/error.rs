//! The library's one error type.
//!
//! Building a [`crate::Scanner`] can fail (a bad rule file); scanning cannot.
//! Errors name the file and line they come from and never carry scanned text.

use std::path::PathBuf;

/// Everything that can go wrong while building a scanner or reading input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rule or message file is malformed.
    #[error("{name}:{line}: {message}")]
    Rules {
        /// The file's name (a path, or `patterns/…` for embedded files).
        name: String,
        /// 1-based line of the problem, 0 when unknown.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// An [`Error::Rules`] for a built-in pattern or data file, without a line.
    pub(crate) fn pattern(name: &str, message: impl std::fmt::Display) -> Error {
        Error::Rules {
            name: name.to_string(),
            line: 0,
            message: message.to_string(),
        }
    }
}
