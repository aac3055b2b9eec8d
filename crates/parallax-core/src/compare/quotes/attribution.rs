//! Who said a quotation: the attribution clause before or after it (`, said Robert Gibbs`,
//! `Mr. Trump said:`, `according to Col. David Butler,`), a pronoun resolved to the person the
//! text last made the subject of a sentence, or the speaker of the quotation before it.

use crate::entities::{Entity, EntityKind};
use crate::text::{self, Sentence, Token, TokenKind};

/// What an attribution clause says of the speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Speaker {
    /// A name, titles left out.
    Named(String),
    /// `he said`, `she told reporters`.
    Pronoun,
    /// An attribution to no named person (`said the report`, `a spokesman said`): the quotation
    /// is attributed, so it does not inherit the speaker of the one before.
    Unnamed,
}

/// The attribution after a quotation: `, said Robert Gibbs`, `, said senior adviser David
/// Axelrod`, `, Mr. Gibbs said`, `, Jim Manley, a spokesman for Mr. Reid, said`, `, he said`.
pub(super) fn speaker_after(after: &str) -> Option<Speaker> {
    let clause = after
        .split(['“', '"', ';', '?', '!', '('])
        .next()
        .unwrap_or("");
    let tokens: Vec<Token> = text::tokenize(clause).into_iter().take(20).collect();
    let mut k = 0;
    while tokens
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.text != ".")
    {
        k += 1;
    }
    let tokens = &tokens[k..];
    let first = tokens.first()?;
    if text::lexicon::is_speech_verb(first.text) {
        return Some(name_after_verb(&tokens[1..]).map_or(Speaker::Unnamed, Speaker::Named));
    }
    if is_pronoun(first.text) {
        return text::lexicon::is_speech_verb(tokens.get(skip_adverbs(tokens, 1))?.text)
            .then_some(Speaker::Pronoun);
    }
    let run = name_run(tokens);
    if run > 0 {
        let next = skip_adverbs(tokens, run);
        if tokens
            .get(next)
            .is_some_and(|t| text::lexicon::is_speech_verb(t.text))
        {
            return name_from(&tokens[..run]).map(Speaker::Named);
        }
        // Jim Manley, a spokesman for Mr. Reid, said
        if tokens.get(run).is_some_and(|t| t.text == ",") {
            let verb = tokens
                .iter()
                .take(16)
                .position(|t| text::lexicon::is_speech_verb(t.text))?;
            return (tokens[verb - 1].text == ",")
                .then(|| name_from(&tokens[..run]))
                .flatten()
                .map(Speaker::Named);
        }
        return None;
    }
    let verb = tokens
        .iter()
        .take(16)
        .position(|t| text::lexicon::is_speech_verb(t.text))?;
    // the coalition's executive director, Matt Brooks, said
    if verb >= 2 && tokens[verb - 1].text == "," {
        let open = tokens[..verb - 1].iter().rposition(|t| t.text == ",")?;
        let name = &tokens[open + 1..verb - 1];
        if !name.is_empty() && name.iter().all(is_name_part) {
            return name_from(name).map(Speaker::Named);
        }
    }
    // the congressman said, a statement from the committee said
    if verb > 6 {
        return None;
    }
    let clause_words = &tokens[..verb];
    let plain = clause_words
        .iter()
        .all(|t| t.kind == TokenKind::Word && !t.text.starts_with(char::is_uppercase));
    plain.then_some(Speaker::Unnamed)
}

/// The attribution before a quotation: `Mr. Trump said: `, `Gibbs told reporters that `,
/// `according to Gibbs, `, `said Robert Gibbs: `, `she added, `.
pub(super) fn speaker_before(before: &str) -> Option<Speaker> {
    let clause = before
        .rsplit(['”', '"', '?', '!', ';'])
        .next()
        .unwrap_or("");
    let tokens: Vec<Token> = text::tokenize(clause);
    if let Some(k) = tokens
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        if let Some(name) = name_from(&tokens[k + 2..]) {
            return Some(Speaker::Named(name));
        }
    }
    let verb = tokens
        .iter()
        .rposition(|t| text::lexicon::is_speech_verb(t.text))?;
    if tokens.len() - verb > 8 {
        return None;
    }
    if let Some(found) = subject_before(&tokens[..verb]) {
        return Some(found);
    }
    // said Robert Gibbs: “...”, but not "The letter says Mr. Obama “should not back down”"
    let after = &tokens[verb + 1..];
    let run = name_run(after);
    let marks_follow = run < after.len() && after[run..].iter().all(|t| t.kind == TokenKind::Punct);
    match name_from(&after[..run]) {
        Some(name) if marks_follow => Some(Speaker::Named(name)),
        _ => Some(Speaker::Unnamed),
    }
}

/// The subject just before a speech verb: a name (possibly followed by an appositive between
/// commas), a pronoun, adverbs passed over (`Dukes once told`).
fn subject_before(tokens: &[Token]) -> Option<Speaker> {
    let mut end = tokens.len();
    while end > 0 && is_adverb(tokens[end - 1].text) {
        end -= 1;
    }
    let last = tokens[..end].last()?;
    if is_pronoun(last.text) {
        return Some(Speaker::Pronoun);
    }
    if last.text == "," {
        // Jim Manley, a spokesman for Mr. Reid, said
        let open = tokens[..end - 1].iter().rposition(|t| t.text == ",")?;
        if end - 1 - open > 10 {
            return None;
        }
        return name_ending_at(&tokens[..open]).map(Speaker::Named);
    }
    name_ending_at(&tokens[..end]).map(Speaker::Named)
}

fn name_ending_at(tokens: &[Token]) -> Option<String> {
    let mut k = tokens.len();
    while k > 0 && is_name_part(&tokens[k - 1]) {
        k -= 1;
    }
    name_from(&tokens[k..])
}

/// `said Robert Gibbs`, `said senior adviser David Axelrod`: a name after at most three
/// lower-case words of description.
fn name_after_verb(tokens: &[Token]) -> Option<String> {
    let skip = tokens
        .iter()
        .take(4)
        .position(|t| is_name_part(t) && t.text != ".")
        .filter(|&k| {
            tokens[..k]
                .iter()
                .all(|t| t.kind == TokenKind::Word && !is_function_word_or_article(t.text))
        })?;
    let run = name_run(&tokens[skip..]);
    name_from(&tokens[skip..skip + run])
}

/// `the`, `in`, `a`: a description never starts with these, an attribution like `said in a
/// statement` names no one.
fn is_function_word_or_article(word: &str) -> bool {
    text::is_function_word(word)
}

/// How many tokens from the start form a name: capitalised words and the periods of titles.
fn name_run(tokens: &[Token]) -> usize {
    tokens.iter().take_while(|t| is_name_part(t)).count()
}

/// The name in `tokens`: capitalised words, titles and leading function words left out
/// (`Sen. John McCain` gives `John McCain`).
pub(super) fn name_from(tokens: &[Token]) -> Option<String> {
    let words: Vec<&str> = tokens
        .iter()
        .take_while(|t| is_name_part(t))
        .map(|t| t.text)
        .filter(|w| *w != "." && !is_title(w) && !text::is_function_word(w))
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .collect();
    let not_a_name = words.iter().any(|w| is_calendar_word(w));
    (!words.is_empty() && words.len() <= 4 && !not_a_name).then(|| words.join(" "))
}

pub(super) fn is_name_part(token: &Token) -> bool {
    token.text == "." || token.kind == TokenKind::Word && token.text.starts_with(char::is_uppercase)
}

fn skip_adverbs(tokens: &[Token], mut k: usize) -> usize {
    while tokens.get(k).is_some_and(|t| is_adverb(t.text)) {
        k += 1;
    }
    k
}

pub(super) fn is_adverb(word: &str) -> bool {
    let word = text::normalize(word);
    (word.len() > 4 && word.ends_with("ly") && word != "only")
        || matches!(
            &*word,
            "also" | "once" | "later" | "then" | "again" | "further" | "had" | "has" | "have"
        )
}

fn is_pronoun(word: &str) -> bool {
    matches!(&*text::normalize(word), "he" | "she" | "they")
}

/// Days, months and the words for today are capitalised at times but name no one:
/// `“...,” Tuesday said` is no attribution.
fn is_calendar_word(word: &str) -> bool {
    text::lexicon::is_calendar_word(word)
        || matches!(&*text::normalize(word), "today" | "yesterday" | "tonight")
}

/// A title or office before a name (`Sen.`, `Secretary`: the engine's list of titles), or a
/// word of an office's name (`White House press secretary`), left out of the speaker's name.
pub(super) fn is_title(word: &str) -> bool {
    const OFFICE_WORDS: &[&str] = &[
        "prime", "house", "senate", "press", "army", "defence", "defense", "foreign", "state",
        "white", "rnc", "gop", "dnc",
    ];
    let mut capitalised: String = word.chars().take(1).flat_map(char::to_uppercase).collect();
    capitalised.extend(word.chars().skip(1).flat_map(char::to_lowercase));
    crate::entities::is_title(word)
        || crate::entities::is_title(&capitalised)
        || OFFICE_WORDS.contains(&&*text::normalize(word))
}

/// Whether the words after a name make it speak: a verb of saying, after a relative `who` and
/// adverbs (`Scalia, who said`, `Kennedy told`, `Breyer also asked`).
fn speaks_next(after: &str) -> bool {
    let tokens: Vec<Token> = text::tokenize(after)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let mut k = 0;
    if tokens.first().is_some_and(|t| t.text == "who") {
        k = 1;
    }
    let k = skip_adverbs(&tokens, k);
    tokens
        .get(k)
        .is_some_and(|t| crate::text::lexicon::is_speech_verb(t.text))
}

/// The people an article names, for resolving pronouns and surnames.
pub(super) struct People {
    /// `(start, end of a mention, the person's fullest name)`, in text order.
    mentions: Vec<(usize, usize, String)>,
    /// Fullest names of people named more than once (an alias confirms the name).
    names: Vec<String>,
}

impl People {
    pub(super) fn new(entities: &[Entity]) -> People {
        let persons = entities.iter().filter(|e| e.kind == EntityKind::Person);
        let mut mentions: Vec<(usize, usize, String)> = persons
            .clone()
            .flat_map(|e| {
                e.spans
                    .iter()
                    .map(|&(start, end)| (start, end, e.name.clone()))
            })
            .collect();
        mentions.sort();
        let names = persons
            .filter(|e| e.mentions >= 2 && e.name.split_whitespace().count() <= 4)
            .map(|e| e.name.clone())
            .collect();
        People { mentions, names }
    }

    /// The person a pronoun at `offset` most likely stands for, in the latest of the two
    /// sentences before (or in the same sentence before the pronoun's quotation) that names
    /// one: the person that sentence has speak ("drew the ire of Justice Antonin Scalia, who
    /// said ..."; "he said" goes on with the speaker), else its first person, usually its subject.
    pub(super) fn antecedent(
        &self,
        sentences: &[Sentence],
        sentence: usize,
        offset: usize,
    ) -> Option<String> {
        for index in (sentence.saturating_sub(2)..=sentence).rev() {
            let s = &sentences[index];
            let end = if index == sentence { offset } else { s.end };
            let named: Vec<&(usize, usize, String)> = self
                .mentions
                .iter()
                .filter(|(start, _, _)| (s.start..end).contains(start))
                .collect();
            let speaking = named.iter().find(|(_, mention_end, _)| {
                let after: String = s
                    .text
                    .chars()
                    .skip(mention_end.saturating_sub(s.start))
                    .take(end.saturating_sub(*mention_end))
                    .collect();
                speaks_next(&after)
            });
            if let Some((_, _, name)) = speaking.or(named.first()) {
                return Some(name.clone());
            }
        }
        None
    }

    /// The fullest name the article gives a speaker: `Driscoll` becomes `Dan Driscoll`.
    pub(super) fn fullest(&self, speaker: &str, speakers: &[String]) -> String {
        let surname = speaker.split_whitespace().last().unwrap_or(speaker);
        speakers
            .iter()
            .chain(&self.names)
            .filter(|n| n.split_whitespace().last() == Some(surname))
            .max_by_key(|n| n.split_whitespace().count())
            .filter(|n| n.split_whitespace().count() > speaker.split_whitespace().count())
            .cloned()
            .unwrap_or_else(|| speaker.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<Speaker> {
        Some(Speaker::Named(name.to_string()))
    }

    #[test]
    fn attributions_after_a_quotation_are_read() {
        assert_eq!(
            speaker_after(", said Robert Gibbs, the press secretary."),
            named("Robert Gibbs")
        );
        assert_eq!(
            speaker_after(", said senior adviser David Axelrod."),
            named("David Axelrod")
        );
        assert_eq!(
            speaker_after(", Sen. John McCain said on Sunday."),
            named("John McCain")
        );
        assert_eq!(
            speaker_after(", Dukes once told an interviewer."),
            named("Dukes")
        );
        assert_eq!(
            speaker_after(", Jim Manley, a spokesman for Mr. Reid, said in an e-mail."),
            named("Jim Manley")
        );
        assert_eq!(
            speaker_after(", said Rep. Steve Israel, D-N.Y."),
            named("Steve Israel")
        );
        assert_eq!(
            speaker_after(", the coalition's executive director, Matt Brooks, said on Wednesday."),
            named("Matt Brooks")
        );
        assert_eq!(speaker_after(", he said."), Some(Speaker::Pronoun));
        assert_eq!(speaker_after(", said the report."), Some(Speaker::Unnamed));
        assert_eq!(
            speaker_after(", the congressman said."),
            Some(Speaker::Unnamed)
        );
        assert_eq!(speaker_after(" and left the room."), None);
    }

    #[test]
    fn attributions_before_a_quotation_are_read() {
        assert_eq!(speaker_before("Mr. Trump said: "), named("Trump"));
        assert_eq!(
            speaker_before("According to Col. David Butler, "),
            named("David Butler")
        );
        assert_eq!(speaker_before("Gibbs told reporters that "), named("Gibbs"));
        assert_eq!(speaker_before("Added Gibbs: "), named("Gibbs"));
        assert_eq!(speaker_before("She added, "), Some(Speaker::Pronoun));
        assert_eq!(
            speaker_before("Then he cautioned: "),
            Some(Speaker::Pronoun)
        );
        assert_eq!(speaker_before("Ryan shot back: "), named("Ryan"));
        assert_eq!(
            speaker_before("The letter says Mr. Obama "),
            Some(Speaker::Unnamed)
        );
    }

    #[test]
    fn days_are_not_speakers() {
        assert_eq!(
            speaker_before("the sheriff said Tuesday, "),
            Some(Speaker::Unnamed)
        );
    }
}
