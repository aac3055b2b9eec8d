//! Parallax reports: a comparison of articles as the window and the `parallax` command line
//! show it, laid out side by side, with its timeline, and written out for people and programs
//! outside Parallax. Pure: it reads no SQL; articles of the library come through
//! `parallax-library`'s public calls, files through [`read_article_file`].
//!
//! - [`compare_texts`]: articles given as text in, one [`CompareReport`] out: the engine's
//!   comparison ([`parallax_core::compare`]) with each article's sentences and their places in
//!   its text, the rows of the side-by-side view ([`Row`]) and the [`Timeline`].
//! - [`compare_articles`], [`compare_inputs`]: the same of library articles (with files or not),
//!   with a person's alignment corrections, the notes on them and what only one group of
//!   outlets reports; [`compare_articles_with_progress`] tells how far it is and can be
//!   stopped; [`event_timeline`]: an event's timeline.
//! - [`export()`]: a report as HTML, Markdown, JSON or (the entity matrix) CSV, one format per
//!   file under `export/`.
//!
//! ```
//! use parallax_report::{compare_texts, export, ComparedInput, ExportFormat};
//!
//! let article = |name: &str, text: &str| ComparedInput {
//!     reference: name.into(),
//!     title: name.into(),
//!     text: text.into(),
//!     ..ComparedInput::default()
//! };
//! let report = compare_texts(vec![
//!     article("a.txt", "The bridge closed on Monday. Repairs cost $2 million."),
//!     article("b.txt", "The bridge closed on Monday. Repairs cost $3 million."),
//! ]);
//! assert_eq!(report.rows.len(), 2);
//! assert!(export(&report, ExportFormat::Markdown).contains("$3 million"));
//! ```
#![warn(missing_docs)]

mod article;
mod error;
mod export;
mod layout;
mod library;
mod report;
mod timeline;

pub use article::{read_article_file, ComparedInput, ReportArticle, SourceDetails};
pub use error::Error;
pub use export::{export, write_file, ExportFormat, PartialFile, Written};
pub use layout::{Cell, CellState, Row};
pub use library::{
    compare_articles, compare_articles_with_progress, compare_inputs, event_timeline,
};
pub use report::{compare_texts, CompareReport, ComparedReuseCluster, ComparedReusePassage};
pub use timeline::{EventTimeline, Timeline, TimelineArticle, TimelineStatement};
