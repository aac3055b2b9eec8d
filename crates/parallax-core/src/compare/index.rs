//! Each article read once for comparison: its words, the weighted terms of its sentences, and the
//! look-up tables that alignment and shared passages use, so that comparing N articles costs N
//! readings and not one per pair.

use super::quotes::SentenceSpeaker;
use crate::text::{self, Sentence, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::OnceCell;

/// One word of an article (punctuation and spaces left out).
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    /// Character offset of the first character in the article text.
    pub start: u32,
    /// Character offset one past the last character.
    pub end: u32,
    /// The word folded for verbatim comparison (case, quote style): one id per spelling.
    pub form: u32,
    /// The word's term (stem).
    pub term: u32,
}

/// A sentence as a weighted bag of terms (stems), sorted by term id.
#[derive(Debug, Clone, Default)]
pub(super) struct SentenceTerms {
    pub terms: Vec<(u32, f32)>,
    /// Euclidean length of `terms`' weights.
    pub norm: f32,
}

/// An article prepared for comparison.
#[derive(Debug)]
pub(super) struct IndexedArticle {
    pub words: Vec<Word>,
    pub sentences: Vec<SentenceTerms>,
    /// For every content term, the sentences that use it with the term's weight there.
    pub postings: FxHashMap<u32, Vec<(u32, f32)>>,
    /// Who each sentence reports as speaking, where the text names one: see [`Index::attribute`].
    pub speakers: Vec<Option<Speaking>>,
    /// The article's runs of [`PASSAGE_MIN_WORDS`] words by hash, made when first needed: the
    /// last article of a comparison is never the left one of a pair and never needs them.
    grams: OnceCell<PassageGrams>,
}

/// Where each run of [`PASSAGE_MIN_WORDS`] words of an article starts, by the run's hash.
#[derive(Debug)]
pub(super) struct PassageGrams {
    /// First word position of each run, by the run's hash.
    pub first: FxHashMap<u64, u32>,
    /// Next word position with the same run hash, or `u32::MAX`.
    pub next: Vec<u32>,
}

impl IndexedArticle {
    /// The article's runs of words by hash, for finding the passages it shares.
    pub fn grams(&self) -> &PassageGrams {
        self.grams.get_or_init(|| passage_hashes(&self.words))
    }
}

/// The shortest run of words reported as a shared passage.
pub(super) const PASSAGE_MIN_WORDS: usize = 8;

/// Words news text uses around every statement ("said", "Mr."): weighted down like function
/// words, or every quoted sentence would look alike.
const REPORTING_WORDS: &[&str] = &[
    "according",
    "added",
    "also",
    "mr",
    "mrs",
    "ms",
    "said",
    "say",
    "says",
    "saying",
    "tell",
    "told",
];

/// Weight factor of function words.
const FUNCTION_WORD_WEIGHT: f32 = 0.1;
/// Weight factor of names and numbers: they pin a sentence to one fact.
const NAME_WEIGHT: f32 = 1.6;

/// All articles of one comparison, read once.
pub(super) struct Index {
    pub articles: Vec<IndexedArticle>,
    kinds: Vec<TermKind>,
}

/// What a term is, for weighting and for the evidence an alignment needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TermKind {
    /// Grammar and reporting words: "the", "said".
    Function,
    /// Written capitalised inside sentences: "Kennedy", "Wal-Mart".
    Name,
    /// Every other word or number.
    Plain,
}

impl Index {
    /// Reads every article: words, sentence bags weighted by inverse document frequency over all
    /// the sentences compared, postings and passage hashes.
    pub fn build(texts: &[&str], sentences: &[Vec<Sentence>]) -> Index {
        let mut vocabulary = Vocabulary::default();
        // Room for the distinct spellings, so that the tables rarely grow: about one word in
        // four is new in news text, and a word with its space takes six bytes or so.
        let room = texts.iter().map(|t| t.len()).sum::<usize>() / 24;
        vocabulary.spellings.reserve(room);
        vocabulary.forms.reserve(room);
        vocabulary.terms.reserve(room);
        let mut raw: Vec<RawArticle> = texts
            .iter()
            .zip(sentences)
            .map(|(text, sentences)| RawArticle::read(text, sentences, &mut vocabulary))
            .collect();
        let term_count = vocabulary.terms.len();

        // How rare each term is: the most sentences that use it in any one article. Counting
        // within articles, not over all sentences, keeps a fact every outlet states once as rare
        // as a fact only one states, instead of making shared terms look common.
        let mut df = vec![0u32; term_count];
        let mut in_article = vec![0u32; term_count];
        let mut touched: Vec<u32> = Vec::new();
        for article in &mut raw {
            for bag in &mut article.bags {
                bag.sort_unstable_by_key(|o| o.term);
                bag.dedup_by(|next, kept| {
                    if next.term == kept.term {
                        kept.number |= next.number;
                        true
                    } else {
                        false
                    }
                });
                for occurrence in bag.iter() {
                    let t = occurrence.term as usize;
                    if in_article[t] == 0 {
                        touched.push(occurrence.term);
                    }
                    in_article[t] += 1;
                }
            }
            for t in touched.drain(..) {
                let t = t as usize;
                df[t] = df[t].max(in_article[t]);
                in_article[t] = 0;
            }
        }
        let sentences_per_article =
            raw.iter().map(|a| a.bags.len()).sum::<usize>() as f32 / raw.len().max(1) as f32;
        let function_terms: Vec<bool> = (0..term_count)
            .map(|t| vocabulary.term_is_function[t])
            .collect();
        let name_terms: Vec<bool> = (0..term_count)
            .map(|t| {
                vocabulary.capitalized_inside[t] > 0
                    && vocabulary.capitalized_inside[t] >= vocabulary.lower[t]
            })
            .collect();
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| (1.0 + sentences_per_article / d.max(1) as f32).ln())
            .collect();

        let articles = raw
            .into_iter()
            .map(|article| {
                let mut postings: FxHashMap<u32, Vec<(u32, f32)>> = FxHashMap::default();
                let sentences: Vec<SentenceTerms> = article
                    .bags
                    .into_iter()
                    .enumerate()
                    .map(|(s, bag)| {
                        let terms: Vec<(u32, f32)> = bag
                            .iter()
                            .map(|o| {
                                let t = o.term as usize;
                                let factor = if function_terms[t] {
                                    FUNCTION_WORD_WEIGHT
                                } else if o.number || name_terms[t] {
                                    NAME_WEIGHT
                                } else {
                                    1.0
                                };
                                (o.term, idf[t] * factor)
                            })
                            .collect();
                        for &(term, weight) in &terms {
                            if !function_terms[term as usize] {
                                postings.entry(term).or_default().push((s as u32, weight));
                            }
                        }
                        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                        SentenceTerms { terms, norm }
                    })
                    .collect();
                IndexedArticle {
                    speakers: vec![None; sentences.len()],
                    words: article.words,
                    sentences,
                    postings,
                    grams: OnceCell::new(),
                }
            })
            .collect();
        Index {
            articles,
            kinds: (0..term_count)
                .map(|t| {
                    if function_terms[t] {
                        TermKind::Function
                    } else if name_terms[t] {
                        TermKind::Name
                    } else {
                        TermKind::Plain
                    }
                })
                .collect(),
        }
    }

    /// What a term is.
    pub fn kind(&self, term: u32) -> TermKind {
        self.kinds[term as usize]
    }
}

/// Who a sentence reports as speaking, as alignment reads it.
#[derive(Debug, Clone, Default)]
pub(super) struct Speaking {
    /// The speaker's folded surname.
    pub surname: String,
    /// The terms of the words that tell who speaks rather than what, sorted.
    pub terms: Vec<u32>,
    /// The text names the speaker beside the words (not through a pronoun).
    pub named: bool,
}

impl Index {
    /// Records who the sentences of `article` report as speaking, with the terms of their
    /// attribution clauses, so that alignment can read what two sentences say apart from who
    /// says it.
    pub fn attribute(&mut self, article: usize, speakers: &[Option<SentenceSpeaker>]) {
        let article = &mut self.articles[article];
        for (slot, speaker) in article.speakers.iter_mut().zip(speakers) {
            *slot = speaker.as_ref().map(|s| {
                let mut terms: Vec<u32> = Vec::new();
                for &(start, end) in &s.attribution {
                    let first = article
                        .words
                        .partition_point(|w| (w.start as usize) < start);
                    terms.extend(
                        article.words[first..]
                            .iter()
                            .take_while(|w| (w.start as usize) < end)
                            .map(|w| w.term),
                    );
                }
                terms.sort_unstable();
                terms.dedup();
                Speaking {
                    surname: s.surname.clone(),
                    terms,
                    named: s.named,
                }
            });
        }
    }
}

/// Hash of the run of [`PASSAGE_MIN_WORDS`] word forms starting at each position.
pub(super) fn gram_hash(words: &[Word]) -> u64 {
    let mut h: u64 = 0;
    for w in &words[..PASSAGE_MIN_WORDS] {
        h = (h.rotate_left(5) ^ w.form as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    h
}

fn passage_hashes(words: &[Word]) -> PassageGrams {
    let runs = words.len().saturating_sub(PASSAGE_MIN_WORDS - 1);
    let mut first: FxHashMap<u64, u32> = FxHashMap::default();
    first.reserve(runs);
    let mut next = vec![u32::MAX; runs];
    // Walk backwards so that each chain lists positions in increasing order.
    for p in (0..runs).rev() {
        let h = gram_hash(&words[p..]);
        if let Some(previous) = first.insert(h, p as u32) {
            next[p] = previous;
        }
    }
    PassageGrams { first, next }
}

/// One use of a term in a sentence.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    term: u32,
    number: bool,
}

/// An article's words and unweighted sentence bags, before document frequencies are known.
struct RawArticle {
    words: Vec<Word>,
    bags: Vec<Vec<Occurrence>>,
}

impl RawArticle {
    fn read<'t>(
        text: &'t str,
        sentences: &[Sentence],
        vocabulary: &mut Vocabulary<'t>,
    ) -> RawArticle {
        let mut words = Vec::with_capacity(text.len() / 6);
        // About one word in six characters: room enough that a sentence's bag rarely grows.
        let mut bags: Vec<Vec<Occurrence>> = sentences
            .iter()
            .map(|s| Vec::with_capacity((s.end - s.start) / 6 + 1))
            .collect();
        let mut sentence = 0usize;
        let mut first_in_sentence = true;
        for token in text::tokenize(text) {
            if !token.is_word() {
                continue;
            }
            let start = token.start;
            while sentence < sentences.len() && sentences[sentence].end <= start {
                sentence += 1;
                first_in_sentence = true;
            }
            let spelling = vocabulary.spelling(token.text);
            words.push(Word {
                start: start as u32,
                end: token.end as u32,
                form: spelling.form,
                term: spelling.term,
            });
            if sentence < sentences.len() && sentences[sentence].start <= start {
                let capitalized = token.text.chars().next().is_some_and(char::is_uppercase);
                let term = spelling.term as usize;
                if capitalized && !first_in_sentence {
                    vocabulary.capitalized_inside[term] += 1;
                } else if !capitalized {
                    vocabulary.lower[term] += 1;
                }
                first_in_sentence = false;
                bags[sentence].push(Occurrence {
                    term: spelling.term,
                    number: token.kind == TokenKind::Number,
                });
            }
        }
        RawArticle { words, bags }
    }
}

#[derive(Debug, Clone, Copy)]
struct Spelling {
    form: u32,
    term: u32,
}

/// Ids for the spellings, folded forms and terms met in the articles of one comparison.
#[derive(Default)]
struct Vocabulary<'t> {
    /// Spellings as the article texts write them, borrowed from the texts.
    spellings: FxHashMap<&'t str, Spelling>,
    /// Folded forms, borrowed from the texts when folding changed nothing (most words).
    forms: FxHashMap<Cow<'t, str>, u32>,
    /// The term of each form.
    form_terms: Vec<u32>,
    terms: FxHashMap<String, u32>,
    term_is_function: Vec<bool>,
    capitalized_inside: Vec<u32>,
    lower: Vec<u32>,
}

impl<'t> Vocabulary<'t> {
    fn spelling(&mut self, token: &'t str) -> Spelling {
        if let Some(&known) = self.spellings.get(token) {
            return known;
        }
        let folded = text::normalize(token);
        if let Some(&form) = self.forms.get(&*folded) {
            // A stem depends on the folded form alone: `The` is stemmed as `the` was.
            let spelling = Spelling {
                form,
                term: self.form_terms[form as usize],
            };
            self.spellings.insert(token, spelling);
            return spelling;
        }
        let form = self.forms.len() as u32;
        self.forms.insert(folded.clone(), form);
        let stem = text::stem_folded(&folded);
        let term = match self.terms.get(stem.as_str()) {
            Some(&term) => term,
            None => {
                let term = self.terms.len() as u32;
                let function =
                    text::is_function_word(&folded) || REPORTING_WORDS.contains(&&*folded);
                self.terms.insert(stem, term);
                self.term_is_function.push(function);
                self.capitalized_inside.push(0);
                self.lower.push(0);
                term
            }
        };
        self.form_terms.push(term);
        let spelling = Spelling { form, term };
        self.spellings.insert(token, spelling);
        spelling
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_character_offsets() {
        let text = "\u{201C}Kyiv\u{201D} — it’s 20 km.";
        let sentences = text::split_sentences(text);
        let index = Index::build(&[text], &[sentences]);
        let chars: Vec<char> = text.chars().collect();
        let words: Vec<String> = index.articles[0]
            .words
            .iter()
            .map(|w| chars[w.start as usize..w.end as usize].iter().collect())
            .collect();
        assert_eq!(words, ["Kyiv", "it’s", "20", "km"]);
    }
}
