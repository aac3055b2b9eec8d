//! Which occasion of a recurring kind of story an article reports, as its headline and lead
//! tell it by figures: the sum a heist took ($2.6 million, not $102 million), the count a
//! weekly release gave (jobless claims of 373,000, not 412,000). Two such occasions share every
//! word of their story but these.

use crate::entities::{find_quantities, QuantityKind, QuantityValue};

/// How many words of the body after the headline count as the lead.
const LEAD_WORDS: usize = 40;
/// The least count that tells an occasion: smaller ones (the dead, the injured, the days) grow
/// from one report of an event to the next.
const LEAST_COUNT: f64 = 1000.0;
/// Two amounts of money this close may be one sum, rounded two ways or told in two currencies
/// ($2.5 million, $2.6 million, €2 million).
const SAME_AMOUNT_RATIO: f64 = 1.6;

/// What a figure measures; only figures of one kind are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FigureKind {
    Money,
    Count,
}

/// An amount of money or a count an article's headline or lead gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Figure {
    kind: FigureKind,
    value: f64,
}

impl Figure {
    /// The figure as a profile term keeps it: `m2600000`, `n373000`.
    pub(crate) fn encode(self) -> String {
        let letter = match self.kind {
            FigureKind::Money => 'm',
            FigureKind::Count => 'n',
        };
        format!("{letter}{}", self.value)
    }

    pub(crate) fn decode(encoded: &str) -> Option<Figure> {
        let mut chars = encoded.chars();
        let kind = match chars.next()? {
            'm' => FigureKind::Money,
            'n' => FigureKind::Count,
            _ => return None,
        };
        let value = chars.as_str().parse().ok()?;
        Some(Figure { kind, value })
    }

    /// Whether two figures may state the same thing: one count, or two amounts close enough
    /// to be one sum.
    fn matches(self, other: Figure) -> bool {
        match (self.kind, other.kind) {
            (FigureKind::Count, FigureKind::Count) => self.value == other.value,
            (FigureKind::Money, FigureKind::Money) => {
                let (low, high) = if self.value <= other.value {
                    (self.value, other.value)
                } else {
                    (other.value, self.value)
                };
                low > 0.0 && high / low <= SAME_AMOUNT_RATIO
            }
            _ => false,
        }
    }
}

/// The amounts of money and the large counts of an article's headline and lead, once each.
pub(crate) fn occasion(title: &str, text: &str) -> Vec<Figure> {
    let lead_end = crate::text::words(text)
        .nth(LEAD_WORDS)
        .and_then(|word| text.char_indices().nth(word.start))
        .map_or(text.len(), |(byte, _)| byte);
    let mut found: Vec<Figure> = Vec::new();
    for part in [title, &text[..lead_end]] {
        for quantity in find_quantities(part) {
            let QuantityValue::Number(value) = quantity.value else {
                continue;
            };
            let kind = match quantity.kind {
                QuantityKind::Money => FigureKind::Money,
                QuantityKind::Number if value >= LEAST_COUNT => FigureKind::Count,
                _ => continue,
            };
            let figure = Figure { kind, value };
            if !found.contains(&figure) {
                found.push(figure);
            }
        }
    }
    found
}

/// Whether two articles report two occasions: both leads give figures of one kind, and none
/// of one's matches any of the other's.
pub(crate) fn differ(ours: &[Figure], theirs: &[Figure]) -> bool {
    [FigureKind::Money, FigureKind::Count]
        .into_iter()
        .any(|kind| {
            let mut ours = ours.iter().filter(|f| f.kind == kind).peekable();
            let theirs: Vec<&Figure> = theirs.iter().filter(|f| f.kind == kind).collect();
            ours.peek().is_some()
                && !theirs.is_empty()
                && !ours.any(|o| theirs.iter().any(|t| o.matches(**t)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_and_lead_give_amounts_and_large_counts() {
        let found = occasion(
            "Thieves take $2.6 million of jewels",
            "Five armed men robbed a jeweller in Paris on Tuesday. A guard was hurt.",
        );
        assert_eq!(
            found,
            vec![Figure {
                kind: FigureKind::Money,
                value: 2.6e6
            }]
        );
        let claims = occasion("Jobless claims fall", "Claims fell to 373,000 last week.");
        assert_eq!(claims[0].encode(), "n373000");
        assert_eq!(Figure::decode("n373000"), Some(claims[0]));
    }

    #[test]
    fn figures_further_down_the_body_do_not_tell_the_occasion() {
        let lead = "word ".repeat(LEAD_WORDS);
        assert!(occasion(
            "A heist",
            &format!("{lead} It recalled the $102 million theft.")
        )
        .is_empty());
    }

    #[test]
    fn one_sum_told_two_ways_is_one_occasion() {
        let dollars = occasion("Paris thieves take $2.6 million", "");
        let euros = occasion("Two million euro jewellery heist", "");
        let other = occasion("Thieves take $102 million of diamonds", "");
        assert!(!differ(&dollars, &euros));
        assert!(differ(&dollars, &other));
        assert!(!differ(&dollars, &[]), "nothing to compare with");
    }
}
