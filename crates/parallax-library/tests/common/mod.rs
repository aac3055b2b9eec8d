//! Helpers the library's integration tests share.
// Each test binary uses the helpers it needs.
#![allow(dead_code)]

use parallax_library::{Error, Library, ListedArticle, SearchOptions};

/// Every article, as `parallax list` and the window's list give them: newest first.
pub fn listed(library: &Library) -> Result<Vec<ListedArticle>, Error> {
    Ok(library
        .find_articles("", &SearchOptions::every_article(), 0)?
        .articles)
}

/// The articles a search finds, best first, as `parallax search` and the window's search box.
pub fn found(library: &Library, query: &str) -> Result<Vec<ListedArticle>, Error> {
    Ok(library
        .find_articles(query, &SearchOptions::default(), 0)?
        .articles)
}
