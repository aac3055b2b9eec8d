//! The report as pretty-printed JSON: the same document `parallax compare --json` prints.

use crate::report::CompareReport;

/// Writes `report` as pretty-printed JSON, ending with a newline.
pub(crate) fn write(report: &CompareReport) -> String {
    // The report holds only strings, numbers and lists, which always serialise.
    serde_json::to_string_pretty(report).expect("a report always serialises") + "\n"
}
