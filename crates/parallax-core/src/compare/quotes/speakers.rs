//! Who each sentence reports as speaking, for alignment: the speaker of a direct quotation the
//! sentence holds or is part of, or the named subject of reported speech (`Justice Antonin
//! Scalia said he felt ...`), with the words that only say who speaks.

use super::attribution::{is_adverb, is_name_part, name_from};
use super::Quote;
use crate::entities::{Entity, EntityKind};
use crate::text::{self, Sentence, Token};

/// Who a sentence reports as speaking, and the words that say so.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SentenceSpeaker {
    /// The speaker's surname, folded: what two reports of one person share (`Anthony M.
    /// Kennedy` in one, `Anthony Kennedy` in the other).
    pub surname: String,
    /// Character ranges, in the article text, of the words that tell who speaks rather than
    /// what: the attribution clause (`Theodore J. Boutrous Jr., a lawyer for Wal-Mart, said`) and
    /// each mention of the speaker's name outside a quotation.
    pub attribution: Vec<(usize, usize)>,
    /// The text names the speaker beside the words, rather than through a pronoun or the
    /// quotation before.
    pub named: bool,
}

/// The words outside a quotation are its attribution clause when there are at most this many
/// (`he told the plaintiffs' lawyer, Joseph M. Sellers`); more, and they carry a claim of their
/// own, so only the speaker's name is set apart.
const CLAUSE_MAX_WORDS: usize = 12;

/// A speech verb further into the sentence than this many tokens reports what its subject said
/// inside a longer claim, not the sentence as a whole.
const VERB_MAX_TOKEN: usize = 30;

/// The speaker of each sentence of an article, where the text names one.
pub(crate) fn sentence_speakers(
    sentences: &[Sentence],
    quotes: &[Quote],
    entities: &[Entity],
) -> Vec<Option<SentenceSpeaker>> {
    // The subject of a speech verb is a speaker only when it is a person the article names
    // ("House Republicans said" is a group, "The company says" no one).
    let persons: Vec<String> = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| surname(&e.name))
        .collect();
    sentences
        .iter()
        .map(|s| sentence_speaker(s, quotes, &persons))
        .collect()
}

fn sentence_speaker(
    sentence: &Sentence,
    quotes: &[Quote],
    persons: &[String],
) -> Option<SentenceSpeaker> {
    let inside: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.start < sentence.end && q.end > sentence.start)
        .collect();
    // Most sentences neither quote nor report anyone: they are passed over before the
    // tokenizer reads them again.
    if inside.is_empty()
        && !sentence.text.split_whitespace().any(|word| {
            text::lexicon::is_speech_verb(word.trim_matches(|c: char| !c.is_alphabetic()))
        })
    {
        return None;
    }
    let quoted = |t: &Token| {
        let at = sentence.start + t.start;
        inside.iter().any(|q| q.start <= at && at < q.end)
    };
    let outside: Vec<Token> = text::tokenize(&sentence.text)
        .into_iter()
        .filter(|t| !quoted(t) && !matches!(t.text, "\"" | "“" | "”"))
        .collect();
    let shift = |t: &Token| (sentence.start + t.start, sentence.start + t.end);
    let (name, mut attribution, named) = if let Some((name, inferred)) = inside
        .iter()
        .find_map(|q| q.speaker.clone().map(|s| (s, q.inferred)))
    {
        let words = outside.iter().filter(|t| t.is_word()).count();
        let clause = if words <= CLAUSE_MAX_WORDS {
            outside.iter().map(shift).collect()
        } else {
            Vec::new()
        };
        (name, clause, !inferred)
    } else {
        let (name, first, verb) = reported_speaker(&outside)?;
        if !persons.contains(&surname(&name)?) {
            return None;
        }
        let clause = outside[first..=verb].iter().map(shift).collect();
        (name, clause, true)
    };
    let parts: Vec<String> = name.split_whitespace().map(fold).collect();
    attribution.extend(
        outside
            .iter()
            .filter(|t| t.is_word() && parts.contains(&fold(t.text)))
            .map(shift),
    );
    attribution.sort_unstable();
    attribution.dedup();
    Some(SentenceSpeaker {
        surname: surname(&name)?,
        attribution,
        named,
    })
}

/// The named subject of the sentence's first speech verb and the clause from the name to the
/// verb (token positions): `Justice Antonin Scalia said`, `Theodore J. Boutrous Jr., a lawyer
/// for Wal-Mart, said`, `Justice Anthony Kennedy, who said`, `Mr. Boehner facetiously said`.
fn reported_speaker(tokens: &[Token]) -> Option<(String, usize, usize)> {
    let verb = tokens
        .iter()
        .take(VERB_MAX_TOKEN)
        .position(|t| text::lexicon::is_speech_verb(t.text))?;
    let mut end = verb;
    while end > 0 && is_adverb(tokens[end - 1].text) {
        end -= 1;
    }
    if end > 0 && text::normalize(tokens[end - 1].text) == "who" {
        end -= 1;
    }
    if end > 0 && tokens[end - 1].text == "," {
        // A name, then a description between commas: `Jim Manley, a spokesman for Mr. Reid,`.
        let open = tokens[..end - 1].iter().rposition(|t| t.text == ",")?;
        if end - 1 - open > 10 {
            return None;
        }
        end = open;
    }
    let mut first = end;
    while first > 0 && is_name_part(&tokens[first - 1]) {
        first -= 1;
    }
    // `Justices Kennedy and Samuel A. Alito Jr. said`: more than one speaker.
    if first > 0 && text::normalize(tokens[first - 1].text) == "and" {
        return None;
    }
    let name = name_from(&tokens[first..end])?;
    Some((name, first, verb))
}

/// Suffixes after a surname, not a surname.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii"];

/// The folded surname of a name: its last word but a suffix (`Theodore J. Boutrous Jr.` gives
/// `boutrous`).
fn surname(name: &str) -> Option<String> {
    name.split_whitespace()
        .map(|w| fold(w.trim_end_matches('.')))
        .rfind(|w| !w.is_empty() && !NAME_SUFFIXES.contains(&w.as_str()))
}

/// A word folded for comparing names: lower case, a possessive left out (`Scalia's`).
fn fold(word: &str) -> String {
    let folded = text::normalize(word);
    folded.strip_suffix("'s").unwrap_or(&folded).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::quotes::find_quotes_naming;
    use crate::entities::find_entities;

    fn read(text: &str) -> Vec<Option<SentenceSpeaker>> {
        let sentences = text::split_sentences(text);
        let entities = find_entities(text);
        let quotes = find_quotes_naming(text, &sentences, &entities);
        sentence_speakers(&sentences, &quotes, &entities)
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        read(text)
            .into_iter()
            .map(|s| s.map(|s| s.surname))
            .collect()
    }

    /// The words of a sentence's attribution, in text order.
    fn attribution(text: &str, speaker: &SentenceSpeaker) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        speaker
            .attribution
            .iter()
            .map(|&(start, end)| chars[start..end].iter().collect::<String>())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect()
    }

    #[test]
    fn the_attribution_of_reported_speech_is_the_clause_up_to_the_verb() {
        let text = "Dan Ortiz Jr., a lawyer for the city, said the rule was clear.";
        let speaker = read(text)[0].clone().expect("a speaker");
        assert!(speaker.named);
        assert_eq!(
            attribution(text, &speaker),
            ["Dan", "Ortiz", "Jr", "a", "lawyer", "for", "the", "city", "said"]
        );
    }

    #[test]
    fn a_quotation_gives_its_sentences_its_speaker() {
        let text = "Judge Mara Quill spoke last. \
                    \u{201c}I am being ambushed here,\u{201d} she told the prosecutor. \
                    \u{201c}Which filing is the real one? \
                    Tell me that.\u{201d}";
        let read = read(text);
        let quoted = read[1].clone().expect("the quotation's speaker");
        assert_eq!(quoted.surname, "quill");
        assert!(!quoted.named, "the pronoun is resolved, not named");
        assert_eq!(
            attribution(text, &quoted),
            ["she", "told", "the", "prosecutor"]
        );
        let inside = read[3].clone().expect("a sentence inside the quotation");
        assert_eq!(inside.surname, "quill");
        assert!(inside.attribution.is_empty());
    }

    #[test]
    fn reported_speech_names_its_speaker() {
        let text = "Justice Anna Vey said the rule was unclear. \
                    Dan Ortiz Jr., a lawyer for the city, said the rule was clear. \
                    The city says the rule is fair.";
        assert_eq!(
            speakers(text),
            [Some("vey".to_string()), Some("ortiz".to_string()), None]
        );
    }
}
