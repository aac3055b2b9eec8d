/// Everything the engine can refuse, with a message a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file holds no bytes, or nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not text in any encoding Parallax reads.
    #[error("the file is not text (it looks like binary data)")]
    Binary,
    /// The file is larger than Parallax accepts.
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },
    /// The article is longer than Parallax compares.
    #[error("the article is too long ({words} words; the limit is {limit} words)")]
    TooLong {
        /// Its length in words.
        words: usize,
        /// The longest article accepted.
        limit: usize,
    },
    /// The document was read but holds no article text.
    #[error("no article text found: {0}")]
    NoText(String),
    /// The document is damaged or not what its name says.
    #[error("the file is malformed: {0}")]
    Malformed(String),
    /// A format Parallax does not read (yet).
    #[error("unsupported format: {0}")]
    Unsupported(String),
    /// The bytes are not valid in the encoding the file announces or appears to use.
    #[error("the text is not valid {encoding} (invalid bytes at offset {offset})")]
    Undecodable {
        /// The encoding the bytes were read as.
        encoding: String,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// The document is encrypted and cannot be read without its password.
    #[error("the {0} is encrypted")]
    Encrypted(String),
}
