//! The Parallax engine: pure functions over article text.
//!
//! Nothing here touches files, SQLite or a window. The modules are the pipeline a report goes
//! through, in order:
//!
//! - [`ingest`]: bytes and a file name in, article text and metadata out.
//! - [`text`]: sentences, words and the normalisation used for comparison.
//! - [`entities`]: people, organisations, places and quantities, with their aliases.
//! - [`compare`]: alignment, word differences, shared passages, conflicts, N-way support.
//! - [`events`]: which articles report the same event.
//! - [`timeline`]: publication dates to their precision, first reports, direction of copying.
//!
//! ```
//! let left = "The Army sent a delegation to Kyiv on Thursday. It met officials.";
//! let right = "A delegation from the Army arrived in Kyiv on Thursday. It met officials.";
//! let comparison = parallax_core::compare::compare(&[left, right]);
//! assert_eq!(comparison.pairs.len(), 1);
//! assert!(!comparison.pairs[0].alignments.is_empty());
//! ```
#![warn(missing_docs)]

pub mod compare;
pub mod entities;
mod error;
pub mod events;
pub mod ingest;
pub mod text;
pub mod timeline;

pub use error::Error;
