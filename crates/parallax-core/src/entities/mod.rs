//! People, organisations, places and quantities named in an article, with their aliases, and
//! the resolution of one entity across articles.

use serde::{Deserialize, Serialize};

mod aliases;
mod gazetteer;
mod overlap;
mod quantities;
mod recognize;
mod resolve;
mod tokens;

pub(crate) use gazetteer::is_title;
pub use overlap::{overlap, KindOverlap, Overlap, PairOverlap};
pub(crate) use quantities::small_number;
pub use quantities::{find_quantities, Quantity, QuantityKind, QuantityValue};
pub(crate) use quantities::{find_quantities_in, may_hold_quantity};
pub use recognize::Rule;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, army, newspaper...
    Organization,
    /// A country, city, region, building...
    Place,
}

/// One entity of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest form the article uses.
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// How many times the article refers to it, under any alias.
    pub mentions: usize,
    /// The other surface forms that refer to it.
    pub aliases: Vec<String>,
    /// Character spans `(start, end)` of each mention in the article text.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub spans: Vec<(usize, usize)>,
}

/// Finds the people, organisations and places an article names, each with its aliases, in
/// order of first mention.
///
/// ```
/// use parallax_core::entities::{find_entities, EntityKind};
/// let found = find_entities("Army Secretary Dan Driscoll arrived in Kyiv. Driscoll met officials.");
/// assert_eq!(found[0].name, "Dan Driscoll");
/// assert_eq!(found[0].kind, EntityKind::Person);
/// assert_eq!(found[0].mentions, 2);
/// assert_eq!(found[1].name, "Kyiv");
/// ```
pub fn find_entities(text: &str) -> Vec<Entity> {
    aliases::group_mentions(&recognize::find_mentions(text))
}

/// [`find_entities`], each entity with the recognition rule that gave most of its mentions
/// their kind: what an evaluation reports precision by ([`Rule`]).
pub fn find_entities_with_rules(text: &str) -> Vec<(Entity, Rule)> {
    let mentions = recognize::find_mentions(text);
    aliases::group_mentions(&mentions)
        .into_iter()
        .map(|entity| {
            let mut counts: std::collections::BTreeMap<Rule, usize> = Default::default();
            for mention in mentions.iter().filter(|m| {
                m.kind == entity.kind && entity.spans.iter().any(|&(start, _)| start == m.start)
            }) {
                *counts.entry(mention.rule).or_default() += 1;
            }
            let rule = counts
                .into_iter()
                .max_by_key(|&(rule, count)| (count, std::cmp::Reverse(rule)))
                .map_or(Rule::SettledAcrossArticle, |(rule, _)| rule);
            (entity, rule)
        })
        .collect()
}

/// One entity resolved across several articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResolvedEntity {
    /// The fullest form any article uses.
    pub name: String,
    /// What the entity is.
    pub kind: EntityKind,
    /// Every other surface form, across all articles.
    pub aliases: Vec<String>,
    /// Mentions in each article, in the order the articles were given (0 = not named).
    pub mentions: Vec<usize>,
    /// How sure the resolution is that all these forms are one entity, from 0 to 1.
    pub confidence: f64,
}

/// Resolves the entities of several articles into one table: spelling variants of one entity
/// become one row, sorted by how many articles name it.
pub fn resolve_across(articles: &[Vec<Entity>]) -> Vec<ResolvedEntity> {
    resolve::resolve(articles)
}
