//! # attache
//!
//! Reads international-affairs news and keeps a sourced, time-aware record of the
//! diplomatic system it describes: actors, quotations with speakers, CAMEO/PLOVER
//! events, diplomatic channels and conflicting claims.
//!
//! One [`Doc`] holds the cleaned text; the stages of
//! [`pipeline`] each add a layer of byte spans to it, in this order:
//! clean → segment → actors → quotes → events → dates → channels → conflicts.
//!
//! ```
//! use attache::{input::RawArticle, pipeline::Engine};
//! let engine = Engine::builder().build().unwrap();
//! let doc = engine.analyse(RawArticle::plain("example", "Russia expelled two Czech diplomats on Sunday."));
//! assert_eq!(doc.sentences.len(), 1);
//! ```

pub mod actors;
pub mod calendar;
pub mod channels;
pub mod clean;
pub mod conflicts;
pub mod dates;
pub mod doc;
pub mod error;
pub mod events;
pub mod index;
pub mod input;
pub mod markup;
pub mod output;
pub mod petrarch;
pub mod pipeline;
pub mod places;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod syntax;
mod wordclass;

pub use doc::{Doc, Span};
pub use error::{Error, Result};
pub use pipeline::Engine;

/// Version of the analysis engine: stores re-run analysis when it changes.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
