//! The engine's word lists, one per concept, read by every step that needs the concept: the
//! verbs that report speech, months and days of the week. (Titles and offices that precede a
//! name are in `data/titles.txt`, read through `entities::gazetteer::is_title`.)

use super::normalize;

/// Verbs that report speech, in the forms reports use: `said`, `told`, `argued`, `quipped`,
/// `shot` (back).
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asks",
    "cautioned",
    "charged",
    "claimed",
    "complained",
    "conceded",
    "contended",
    "continued",
    "countered",
    "declared",
    "emphasized",
    "explained",
    "insisted",
    "joked",
    "maintained",
    "noted",
    "observed",
    "pointed",
    "predicted",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "say",
    "saying",
    "says",
    "shot",
    "shouted",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "warned",
    "writes",
    "wrote",
];

/// Whether `word` (any case, a trailing full stop ignored) is a verb that reports speech.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&&*normalize(word.trim_end_matches('.')))
}

/// The months, in order, as they are written.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week, Monday first, as they are written.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The number of a month (1 to 12) from its name or its usual abbreviation, in any case, a
/// trailing full stop ignored: `November`, `nov`, `Sept.`.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let word = normalize(word.trim_end_matches('.'));
    if let Some(k) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(&word)) {
        return Some(k as u32 + 1);
    }
    let k = match &*word {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(k)
}

/// The index of a day of the week (0 = Monday) from its name, in any case.
pub(crate) fn weekday_index(word: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|d| d.eq_ignore_ascii_case(word))
}

/// A month or a day of the week, named or abbreviated (`May`, `Nov.`, `Thursday`).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    month_number(word).is_some() || weekday_index(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_are_found_in_any_case() {
        assert!(is_speech_verb("said"));
        assert!(is_speech_verb("Told"));
        assert!(is_speech_verb("quipped."));
        assert!(!is_speech_verb("bridge"));
    }

    #[test]
    fn months_and_days_are_read_named_or_abbreviated() {
        assert_eq!(month_number("November"), Some(11));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("nov"), Some(11));
        assert_eq!(month_number("Novel"), None);
        assert_eq!(weekday_index("Thursday"), Some(3));
        assert!(is_calendar_word("Dec."));
        assert!(!is_calendar_word("Kyiv"));
    }
}
