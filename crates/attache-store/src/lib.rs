//! attache's store: one narrow trait, with SQLite (embedded default) and
//! PostgreSQL back ends; the domain never sees SQL.
//!
//! Owner: the store stage. (Skeleton: to be completed.)

/// Errors from the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The `--db` URL is not one we know.
    #[error("unsupported database url {0}: use sqlite:PATH or postgres://")]
    BadUrl(String),
    /// Not built yet.
    #[error("{0} is not implemented yet")]
    Unimplemented(&'static str),
}
