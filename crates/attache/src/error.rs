//! Typed library errors. Messages are lower case, without a final period, and
//! say what went wrong and where.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the library can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or stream could not be read.
    #[error("{path}: {reason}")]
    Read {
        /// The file (or `-` for stdin).
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// One line of a multi-record input (JSON Lines feed, dictionary) was bad.
    #[error("{path}:{line}: {reason}")]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A dictionary or lexicon could not be built.
    #[error("lexicon {name}: {reason}")]
    Lexicon {
        /// Which lexicon or file.
        name: String,
        /// Why.
        reason: String,
    },
    /// An I/O error with the path it happened on.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
