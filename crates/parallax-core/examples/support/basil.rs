//! Reads a folder of BASIL articles, the corpus the measuring examples and benches use: JSON files
//! with `title`, `date`, `source`, `triplet-uuid` (same value = same event) and `body-paragraphs`
//! (paragraphs as lists of sentences). Included by path where it is needed.

// Each file that includes this module reads the fields it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
pub struct BasilArticle {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub source: String,
    #[serde(rename = "triplet-uuid")]
    pub event: String,
    #[serde(rename = "body-paragraphs")]
    paragraphs: Vec<Vec<String>>,
}

impl BasilArticle {
    /// The body: a paragraph's sentences joined by a space, paragraphs by a blank line.
    pub fn text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|sentences| sentences.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Every article of the folder's `.json` files, in file-name order.
pub fn read_folder(folder: &Path) -> std::io::Result<Vec<BasilArticle>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| {
            serde_json::from_slice(&std::fs::read(file)?).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", file.display()),
                )
            })
        })
        .collect()
}
