//! Amounts of money, counts, percentages, dates, weekdays, years and ages, with normalised
//! values: `$105m`, `$105 million` and `105 million dollars` all carry the value `105000000`
//! in `USD`; `Nov. 20` and `20 November` both carry `--11-20`.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::text::lexicon::{month_number, weekday_index, WEEKDAYS};
use crate::text::{self, Token, TokenKind};

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    /// An amount of money; the value is in units of its currency.
    Money,
    /// A count or other plain number; `noun` says what it counts when the text does.
    Number,
    /// A percentage.
    Percent,
    /// A calendar date; the value is `YYYY-MM-DD`, `--MM-DD` when the year is not given,
    /// `YYYY-MM` for a month of a year.
    Date,
    /// A day of the week; the value is its English name.
    Weekday,
    /// A year.
    Year,
    /// A person's age in years (`aged 54`, `54-year-old`).
    Age,
}

impl QuantityKind {
    /// The kind's name as it appears in JSON: `money`, `number`, ...
    pub fn name(self) -> &'static str {
        match self {
            QuantityKind::Money => "money",
            QuantityKind::Number => "number",
            QuantityKind::Percent => "percent",
            QuantityKind::Date => "date",
            QuantityKind::Weekday => "weekday",
            QuantityKind::Year => "year",
            QuantityKind::Age => "age",
        }
    }
}

/// The normalised value of a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum QuantityValue {
    /// A number (money, counts, percentages, years, ages).
    Number(f64),
    /// A textual value (dates, weekdays).
    Text(String),
}

/// A quantity stated in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The quantity as written.
    pub text: String,
    /// What it measures.
    pub kind: QuantityKind,
    /// Its normalised value: equal values in different forms compare equal.
    pub value: QuantityValue,
    /// Currency or unit, when there is one (`USD`, `EUR`, ...).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    /// For a count, the stem of the noun it counts (`soldier` in "three soldiers"); the
    /// quantity's text then runs to that noun.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub noun: Option<String>,
    /// Character offset of the first character in the text searched.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// Finds the amounts, counts, percentages, dates, weekdays, years and ages a text states.
///
/// ```
/// use parallax_core::entities::{find_quantities, QuantityKind, QuantityValue};
/// let found = find_quantities("Washington approved a $105m package on Nov. 20.");
/// assert_eq!(found[0].kind, QuantityKind::Money);
/// assert_eq!(found[0].value, QuantityValue::Number(105e6));
/// assert_eq!(found[1].value, QuantityValue::Text("--11-20".into()));
/// ```
pub fn find_quantities(text: &str) -> Vec<Quantity> {
    if !may_hold_quantity(text) {
        return Vec::new();
    }
    find_quantities_in(text, &text::tokenize(text))
}

/// [`find_quantities`] on a text already tokenized with [`text::tokenize`], without the fast
/// first look.
pub(crate) fn find_quantities_in(text: &str, tokens: &[text::Token<'_>]) -> Vec<Quantity> {
    let lower: Vec<Cow<str>> = tokens.iter().map(|t| text::normalize(t.text)).collect();
    let scan = Scan {
        text,
        tokens,
        lower: &lower,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scan.quantity_at(i) {
            Some((quantity, next)) => {
                found.push(quantity);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// A fast first look, without tokenizing: most sentences of an article state no quantity, and
/// the comparison reads every sentence of every pair.
pub(crate) fn may_hold_quantity(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) || text.contains(['$', '€', '£', '¥', '₴', '₽'])
    {
        return true;
    }
    let mut buffer = [0u8; 12];
    text.split(|c: char| !c.is_ascii_alphabetic()).any(|word| {
        if word.is_empty() || word.len() > buffer.len() {
            return false;
        }
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).unwrap_or("");
        month_number(lower).is_some()
            || small_number(lower).is_some()
            || scale_word(lower).is_some()
            || weekday_index(lower).is_some()
    })
}

struct Scan<'a> {
    text: &'a str,
    tokens: &'a [Token<'a>],
    lower: &'a [Cow<'a, str>],
}

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w)
    }

    fn is_number(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    fn touching(&self, i: usize) -> bool {
        matches!((self.tokens.get(i), self.tokens.get(i + 1)), (Some(a), Some(b)) if a.end == b.start)
    }

    fn make(&self, from: usize, to: usize, kind: QuantityKind, value: QuantityValue) -> Quantity {
        let (start, end) = (self.tokens[from].start, self.tokens[to - 1].end);
        let text: String = self.text.chars().skip(start).take(end - start).collect();
        Quantity {
            text,
            kind,
            value,
            unit: None,
            noun: None,
            start,
            end,
        }
    }

    /// The quantity that starts at token `i`, and the index of the token after it.
    fn quantity_at(&self, i: usize) -> Option<(Quantity, usize)> {
        if !self.may_start_quantity(i) {
            return None;
        }
        self.date_at(i)
            .or_else(|| self.weekday_at(i))
            .or_else(|| self.money_with_symbol_at(i))
            .or_else(|| self.number_phrase_at(i))
    }

    /// A cheap test that lets most words through untouched: quantities start with a number,
    /// a currency sign, a month, a weekday, a number word, or `a`/`an` (`a dozen`).
    fn may_start_quantity(&self, i: usize) -> bool {
        let word = self.word(i);
        match self.tokens[i].kind {
            TokenKind::Number => true,
            TokenKind::Punct => currency_of_symbol(word).is_some(),
            TokenKind::Word => {
                matches!(word, "a" | "an" | "us")
                    || month_number(word).is_some()
                    || small_number(word).is_some()
                    || {
                        let bare = word.trim_end_matches("'s");
                        weekday_index(bare).is_some()
                    }
            }
        }
    }

    fn weekday_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let word = self.word(i).trim_end_matches("'s");
        let name = WEEKDAYS[weekday_index(word)?];
        Some((
            self.make(
                i,
                i + 1,
                QuantityKind::Weekday,
                QuantityValue::Text(name.to_string()),
            ),
            i + 1,
        ))
    }

    /// `Nov. 20`, `November 20, 2025`, `20 November 2025`, `20th of Nov`, `2025-11-20`,
    /// `November 2025`.
    fn date_at(&self, i: usize) -> Option<(Quantity, usize)> {
        if let Some(month) = month_number(self.word(i)) {
            let mut k = i + 1;
            if self.word(k) == "." && self.touching(i) && is_month_abbreviation(self.word(i)) {
                k += 1;
            }
            if let Some(day) = self.day(k) {
                let mut end = k + 1;
                let mut year = None;
                if self.word(end) == "," {
                    if let Some(y) = self.year_number(end + 1) {
                        year = Some(y);
                        end += 2;
                    }
                } else if let Some(y) = self.year_number(end) {
                    year = Some(y);
                    end += 1;
                }
                return Some((
                    self.make(i, end, QuantityKind::Date, date_value(year, month, day)),
                    end,
                ));
            }
            if let Some(y) = self
                .year_number(k)
                .filter(|_| self.tokens[i].text.starts_with(char::is_uppercase))
            {
                let value = QuantityValue::Text(format!("{y:04}-{month:02}"));
                return Some((self.make(i, k + 1, QuantityKind::Date, value), k + 1));
            }
            // "in January", "since March": a month alone, once a preposition shows it is one.
            let before = i.checked_sub(1).map_or("", |b| self.word(b));
            let full_name = self.word(i).len() > 3 || self.word(i) == "may";
            if full_name
                && self.tokens[i].text.starts_with(char::is_uppercase)
                && matches!(
                    before,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                )
            {
                let value = QuantityValue::Text(format!("--{month:02}"));
                return Some((self.make(i, i + 1, QuantityKind::Date, value), i + 1));
            }
            return None;
        }
        if let Some(day) = self.day(i) {
            let mut k = i + 1;
            if self.word(k) == "of" {
                k += 1;
            }
            let month = month_number(self.word(k))
                .filter(|_| self.tokens[k].text.starts_with(char::is_uppercase))?;
            let mut end = k + 1;
            if self.word(end) == "." && self.touching(k) && is_month_abbreviation(self.word(k)) {
                end += 1;
            }
            let year = self.year_number(end);
            if year.is_some() {
                end += 1;
            }
            return Some((
                self.make(i, end, QuantityKind::Date, date_value(year, month, day)),
                end,
            ));
        }
        // ISO 8601: 2025-11-20
        let year = self.year_number(i)?;
        let parts = [self.word(i + 1), self.word(i + 3)];
        if parts != ["-", "-"] || !(i..i + 4).all(|k| self.touching(k)) {
            return None;
        }
        let month: u32 = self
            .word(i + 2)
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day: u32 = self
            .word(i + 4)
            .parse()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        Some((
            self.make(
                i,
                i + 5,
                QuantityKind::Date,
                date_value(Some(year), month, day),
            ),
            i + 5,
        ))
    }

    /// A day of the month: `20`, `20th`.
    fn day(&self, i: usize) -> Option<u32> {
        if !self.is_number(i) {
            return None;
        }
        let word = self.word(i);
        let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &word[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let word = self.word(i);
        if !self.is_number(i) || word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        word.parse().ok().filter(|y| (1800..=2199).contains(y))
    }

    /// `$105m`, `$1.5bn`, `€3bn`, `£20,000`, `US$5 million`.
    fn money_with_symbol_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let (currency, k) = match self.word(i) {
            "us" if self.word(i + 1) == "$" && self.touching(i) => ("USD", i + 2),
            symbol => (currency_of_symbol(symbol)?, i + 1),
        };
        if !self.touching(k - 1) {
            return None;
        }
        let (value, end) = self.number_at(k)?;
        let mut quantity = self.make(i, end, QuantityKind::Money, QuantityValue::Number(value));
        quantity.unit = Some(currency.to_string());
        Some((quantity, end))
    }

    /// A number in digits or words, with what follows it: a currency word, `%`/`percent`,
    /// `year-old`/`years old`, or the noun it counts. A bare four-digit number is a year.
    fn number_phrase_at(&self, i: usize) -> Option<(Quantity, usize)> {
        let after_colon =
            i >= 2 && self.word(i - 1) == ":" && self.touching(i - 1) && self.is_number(i - 2);
        if after_colon
            || self.is_number(i)
                && (self.word(i + 1) == ":"
                    || matches!(self.word(i + 1), "a.m" | "p.m" | "am" | "pm"))
        {
            return None;
        }
        let before = i.checked_sub(1).map(|k| self.word(k)).unwrap_or("");
        if self.age_in_apposition(i) {
            let value = self.word(i).parse().ok()?;
            return Some((
                self.make(i, i + 1, QuantityKind::Age, QuantityValue::Number(value)),
                i + 1,
            ));
        }
        if matches!(before, "aged" | "age" | "ages") {
            let (value, end) = self.number_at(i)?;
            return Some((
                self.make(i - 1, end, QuantityKind::Age, QuantityValue::Number(value)),
                end,
            ));
        }
        let year = self.year_number(i).filter(|_| !self.word(i).contains(','));
        let (value, mut end) = self.number_at(i)?;
        let from_digits = self.is_number(i);
        // 54-year-old, 54 years old
        let hyphen = usize::from(self.word(end) == "-");
        if matches!(self.word(end + hyphen), "year" | "years")
            && self.word(end + hyphen + 1 + hyphen) == "old"
            && (hyphen == 0 || self.word(end + 2) == "-")
        {
            let last = end + 2 + 2 * hyphen;
            return Some((
                self.make(i, last, QuantityKind::Age, QuantityValue::Number(value)),
                last,
            ));
        }
        if self.word(end) == "%" {
            return Some((
                self.make(
                    i,
                    end + 1,
                    QuantityKind::Percent,
                    QuantityValue::Number(value),
                ),
                end + 1,
            ));
        }
        if self.word(end) == "percent" || self.word(end) == "per" && self.word(end + 1) == "cent" {
            let last = end + if self.word(end) == "per" { 2 } else { 1 };
            return Some((
                self.make(i, last, QuantityKind::Percent, QuantityValue::Number(value)),
                last,
            ));
        }
        if let Some(currency) = currency_of_word(self.word(end)) {
            let mut quantity = self.make(
                i,
                end + 1,
                QuantityKind::Money,
                QuantityValue::Number(value),
            );
            quantity.unit = Some(currency.to_string());
            return Some((quantity, end + 1));
        }
        if self.word(end) == "-" && self.touching(end - 1) {
            end += 1; // a 28-point plan: the noun follows the hyphen
        }
        let noun = self.counted_noun(end);
        // "2010 election" and "the 2010 elections" are years, "2000 troops" a count.
        let names_a_year = noun
            .as_ref()
            .is_none_or(|(stem, plural, _)| !plural || YEAR_NOUNS.contains(&stem.as_str()));
        if let Some(year) = year.filter(|_| names_a_year) {
            return Some((
                self.make(
                    i,
                    i + 1,
                    QuantityKind::Year,
                    QuantityValue::Number(f64::from(year)),
                ),
                i + 1,
            ));
        }
        if !from_digits && noun.is_none() {
            return None; // "one of them" is no count
        }
        let last = match &noun {
            Some((_, _, after_noun)) => *after_noun,
            None if self.word(end - 1) == "-" => end - 1,
            None => end,
        };
        let mut quantity = self.make(i, last, QuantityKind::Number, QuantityValue::Number(value));
        quantity.noun = noun.map(|(noun, _, _)| noun);
        Some((quantity, last))
    }

    /// `Driscoll, 39, is`: a small number set off by commas right after a name is an age.
    fn age_in_apposition(&self, i: usize) -> bool {
        let word = self.word(i);
        let name = i.checked_sub(2).and_then(|k| self.tokens.get(k));
        i >= 2
            && word.len() <= 3
            && word.bytes().all(|b| b.is_ascii_digit())
            && word
                .parse::<u32>()
                .is_ok_and(|age| (1..=120).contains(&age))
            && self.word(i - 1) == ","
            && self.word(i + 1) == ","
            && name.is_some_and(|t| {
                t.kind == TokenKind::Word
                    && t.text.starts_with(char::is_uppercase)
                    && !text::is_function_word(t.text)
                    && month_number(&text::normalize(t.text)).is_none()
                    && !WEEKDAYS.contains(&t.text)
            })
    }

    /// The noun a number counts: the first content word after it, passing over capitalised
    /// modifiers (`three Ukrainian soldiers`), with whether it looks plural.
    fn counted_noun(&self, mut k: usize) -> Option<(String, bool, usize)> {
        for _ in 0..3 {
            let token = self.tokens.get(k)?;
            if token.kind != TokenKind::Word || text::is_function_word(token.text) {
                return None;
            }
            let capitalised = token.text.starts_with(char::is_uppercase);
            let next_is_word = self
                .tokens
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Word);
            if !capitalised || !next_is_word {
                let plural = token.text.ends_with('s') && !token.text.ends_with("ss");
                return Some((text::stem(token.text), plural, k + 1));
            }
            k += 1;
        }
        None
    }

    /// A number in digits (`1,200`, `1.5bn`, `105m`) or words (`three`, `twenty-five`), with a
    /// scale word after it (`million`, `bn`), and the index of the token after it.
    fn number_at(&self, i: usize) -> Option<(f64, usize)> {
        let word = self.word(i);
        let (mut value, mut end) = if self.is_number(i) {
            let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
            let value: f64 = digits.replace(',', "").parse().ok()?;
            let suffix = &word[digits.len()..];
            let scale = if suffix.is_empty() {
                1.0
            } else {
                scale_of(suffix)?
            };
            (value * scale, i + 1)
        } else if matches!(word, "a" | "an") && self.word(i + 1) == "dozen" {
            (12.0, i + 2)
        } else if matches!(word, "a" | "an") && scale_word(self.word(i + 1)).is_some() {
            (1.0, i + 1) // a million dollars: the scale word follows
        } else {
            let mut value = f64::from(small_number(word)?);
            let mut end = i + 1;
            if (20..100).contains(&(value as u32)) && self.word(end) == "-" {
                if let Some(unit) = small_number(self.word(end + 1)).filter(|u| *u < 10) {
                    value += f64::from(unit);
                    end += 2;
                }
            }
            (value, end)
        };
        while let Some(scale) = scale_word(self.word(end)) {
            value *= scale;
            end += 1;
        }
        Some((value, end))
    }
}

/// Stems of plural nouns a year qualifies rather than counts: `the 2010 elections`.
const YEAR_NOUNS: &[&str] = &[
    "elect",
    "midterm",
    "primari",
    "game",
    "olymp",
    "playoff",
    "championship",
    "final",
    "poll",
    "talk",
    "protest",
    "riot",
    "attack",
    "flood",
    "budget",
    "accord",
];

fn date_value(year: Option<i32>, month: u32, day: u32) -> QuantityValue {
    QuantityValue::Text(match year {
        Some(y) => format!("{y:04}-{month:02}-{day:02}"),
        None => format!("--{month:02}-{day:02}"),
    })
}

fn is_month_abbreviation(word: &str) -> bool {
    word.len() <= 4 && !matches!(word, "may" | "june" | "july")
}

fn currency_of_symbol(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₴" => "UAH",
        "₽" => "RUB",
        _ => return None,
    })
}

fn currency_of_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "yen" => "JPY",
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" => "UAH",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => "RUB",
        "yuan" | "renminbi" => "CNY",
        _ => return None,
    })
}

fn scale_of(suffix: &str) -> Option<f64> {
    Some(match suffix {
        "k" => 1e3,
        "m" | "mn" | "mln" => 1e6,
        "b" | "bn" | "bln" => 1e9,
        "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "millions" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => return None,
    })
}

/// The value of a number written as a word (zero to nineteen, the tens, a dozen).
pub(crate) fn small_number(word: &str) -> Option<u32> {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(k) = ONES.iter().position(|w| *w == word) {
        return Some(k as u32);
    }
    if let Some(k) = TENS.iter().position(|w| *w == word) {
        return Some(20 + 10 * k as u32);
    }
    (word == "dozen").then_some(12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let found = find_quantities(text);
        assert_eq!(
            found.len(),
            1,
            "expected one quantity in {text:?}, found {found:?}"
        );
        found.into_iter().next().expect("one quantity")
    }

    fn number(value: f64) -> QuantityValue {
        QuantityValue::Number(value)
    }

    #[test]
    fn money_in_every_form_has_one_value() {
        for text in [
            "a $105 million package",
            "a $105m package",
            "105 million dollars",
            "$105,000,000",
        ] {
            let q = one(text);
            assert_eq!(
                (q.kind, q.value, q.unit.as_deref()),
                (QuantityKind::Money, number(105e6), Some("USD")),
                "{text}"
            );
        }
        assert_eq!(one("$1.5bn").value, number(1.5e9));
        assert_eq!(one("$1.5 billion").value, number(1.5e9));
    }

    #[test]
    fn other_currencies_keep_their_unit() {
        let euro = one("€3bn in aid");
        assert_eq!(
            (euro.value, euro.unit.as_deref()),
            (number(3e9), Some("EUR"))
        );
        let pound = one("a fine of £20,000.");
        assert_eq!(
            (pound.value, pound.unit.as_deref(), pound.text.as_str()),
            (number(20_000.0), Some("GBP"), "£20,000")
        );
        assert_eq!(one("3 billion euros").unit.as_deref(), Some("EUR"));
    }

    #[test]
    fn counts_carry_the_noun_they_count() {
        let q = one("three soldiers were hurt");
        assert_eq!(
            (q.kind, q.value, q.noun.as_deref()),
            (QuantityKind::Number, number(3.0), Some("soldier"))
        );
        let q = one("1,200 Ukrainian troops");
        assert_eq!(
            (q.value, q.noun.as_deref(), q.text.as_str()),
            (number(1200.0), Some("troop"), "1,200 Ukrainian troops")
        );
        assert_eq!(one("twenty-five people").value, number(25.0));
        let q = one("the 28-point plan");
        assert_eq!(
            (q.noun.as_deref(), q.text.as_str()),
            (Some("point"), "28-point")
        );
    }

    #[test]
    fn a_dozen_and_a_million_are_numbers() {
        let q = one("a dozen people");
        assert_eq!((q.value, q.text.as_str()), (number(12.0), "a dozen people"));
        let q = one("a million dollars");
        assert_eq!((q.kind, q.value), (QuantityKind::Money, number(1e6)));
        assert!(find_quantities("a plan").is_empty());
    }

    #[test]
    fn number_words_without_a_noun_are_not_counts() {
        assert!(find_quantities("one of the envoys").is_empty());
    }

    #[test]
    fn percentages_in_symbol_and_words_agree() {
        for text in ["3.5%", "3.5 percent", "3.5 per cent"] {
            let q = one(text);
            assert_eq!(
                (q.kind, q.value),
                (QuantityKind::Percent, number(3.5)),
                "{text}"
            );
        }
    }

    #[test]
    fn dates_in_every_order_normalise_alike() {
        let day = QuantityValue::Text("--11-20".into());
        for text in [
            "Nov 20",
            "Nov. 20",
            "20 November",
            "November 20th",
            "the 20th of November",
        ] {
            let q = one(text);
            assert_eq!((q.kind, &q.value), (QuantityKind::Date, &day), "{text}");
        }
        let full = QuantityValue::Text("2025-11-20".into());
        for text in ["November 20, 2025", "20 November 2025", "2025-11-20"] {
            assert_eq!(one(text).value, full, "{text}");
        }
        assert_eq!(
            one("in November 2025").value,
            QuantityValue::Text("2025-11".into())
        );
        assert_eq!(
            one("took office in January").value,
            QuantityValue::Text("--01".into())
        );
        assert!(find_quantities("March on Washington").is_empty());
    }

    #[test]
    fn modal_may_is_no_month() {
        assert!(find_quantities("officials may meet").is_empty());
        assert_eq!(one("on May 3").value, QuantityValue::Text("--05-03".into()));
    }

    #[test]
    fn weekdays_and_years_are_found() {
        let found = find_quantities("On Thursday, in 2025, the talks resumed.");
        let kinds: Vec<(QuantityKind, QuantityValue)> =
            found.into_iter().map(|q| (q.kind, q.value)).collect();
        assert_eq!(
            kinds,
            [
                (
                    QuantityKind::Weekday,
                    QuantityValue::Text("Thursday".into())
                ),
                (QuantityKind::Year, number(2025.0))
            ]
        );
        assert_eq!(one("2000 troops").kind, QuantityKind::Number);
        assert_eq!(one("the 2010 elections").kind, QuantityKind::Year);
    }

    #[test]
    fn ages_in_both_forms_are_found() {
        for text in [
            "Smith, aged 54, said",
            "a 54-year-old man",
            "he is 54 years old",
            "Smith, 54, said",
        ] {
            let q = one(text);
            assert_eq!(
                (q.kind, q.value),
                (QuantityKind::Age, number(54.0)),
                "{text}"
            );
        }
    }

    #[test]
    fn a_number_between_commas_after_a_day_is_no_age() {
        let found = find_quantities("On Monday, 12, then");
        assert_eq!(found[1].kind, QuantityKind::Number);
    }

    #[test]
    fn clock_times_are_not_counts() {
        assert!(find_quantities("at 9:30").is_empty());
    }

    #[test]
    fn offsets_are_characters() {
        let text = "“Kyiv” got €3bn";
        let q = one(text);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[q.start..q.end].iter().collect::<String>(), "€3bn");
    }
}
