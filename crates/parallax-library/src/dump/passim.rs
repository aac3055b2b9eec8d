//! The library as passim's input: JSON Lines of `id`, `series`, `date`, `title` and `text`, one
//! article a line, for a text-reuse run over the whole library.
//!
//! passim ignores reuse within a series, so `series` is the outlet: an agency story reprinted
//! by two papers is found, a paper's own boilerplate is not. An article without an outlet is a
//! series of its own (`article-ID`). passim echoes every input field in its output, so
//! `content_hash` rides along and `passages import` finds the article again even in another
//! library that loaded this one.

use std::io::Write;

use rusqlite::Connection;
use serde::Serialize;

use super::{each_article, write_error};
use crate::Error;

/// One line of passim's input.
#[derive(Serialize)]
struct PassimDocument {
    /// The article's library id, as a string (passim's ids are strings).
    id: String,
    /// Its outlet, or `article-ID` when it has none.
    series: String,
    /// Its publication date (ISO 8601): passim orders a cluster's passages by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    title: String,
    text: String,
    /// sha256 of its normalised text, as the library knows it.
    content_hash: String,
}

/// Writes every article as passim's input; returns how many.
pub(crate) fn dump(connection: &Connection, out: &mut (dyn Write + Send)) -> Result<usize, Error> {
    each_article(connection, &mut |article| {
        let id = article.id.expect("a dumped article has its id");
        let document = PassimDocument {
            id: id.to_string(),
            series: article
                .outlet
                .filter(|o| !o.trim().is_empty())
                .unwrap_or_else(|| format!("article-{id}")),
            date: article.published,
            title: article.title,
            text: article.text,
            content_hash: article.content_hash.unwrap_or_default(),
        };
        let line = serde_json::to_string(&document).expect("a document serialises");
        writeln!(out, "{line}").map_err(|e| write_error("the passim export", e))
    })
}
