//! The sample articles bundled in the binary: one event reported by five outlets and one
//! unrelated event, so a new library shows a comparison at once.

use crate::import::Source;

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// The samples as import sources, in file order.
pub(crate) fn sources() -> Vec<Source> {
    SAMPLES
        .iter()
        .map(|(name, bytes)| Source::Embedded {
            name: name.to_string(),
            bytes,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_samples_are_embedded() {
        assert!(SAMPLES.len() >= 5, "{} sample files", SAMPLES.len());
        assert!(SAMPLES
            .iter()
            .all(|(name, _)| name.ends_with(".md") && name.contains('/')));
    }
}
