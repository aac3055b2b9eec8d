//! Coverage by outlet group: what only the outlets of one group report, and what every group
//! reports, for groups a person defines (a leaning, a country, an owner...).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{SentenceRef, Statement};
use crate::entities::ResolvedEntity;

/// One dimension's view of a comparison: each group with what only it reports, and what every
/// group reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupCoverage {
    /// Each group by name, with what only its articles report.
    pub groups: BTreeMap<String, GroupShare>,
    /// What articles of every group report (empty with fewer than two groups).
    pub every_group: GroupShare,
}

/// What some articles report: statements and entities.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupShare {
    /// The compared articles (indices) in the group; empty for [`GroupCoverage::every_group`].
    pub articles: Vec<usize>,
    /// The statements.
    pub statements: Vec<GroupStatement>,
    /// The entities' names.
    pub entities: Vec<String>,
    /// The group's blindspot: statements some compared article makes but none of the group's
    /// ("not reported by any outlet rated left"); empty for [`GroupCoverage::every_group`].
    #[serde(default)]
    pub blindspot: Vec<GroupStatement>,
}

/// A statement with its sentences and the text of the first article that makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupStatement {
    /// The sentences that make it, by article then sentence.
    pub sentences: Vec<SentenceRef>,
    /// The statement as its first article words it.
    pub text: String,
}

/// What only one group reports and what every group reports, for one dimension.
///
/// `statements` are all the comparison's statements ([`super::statements`]), `sentences` each
/// article's sentence texts, `groups` each article's group in this dimension. A statement or
/// entity is a group's alone when every article that makes it is in that group: one an article
/// of no group also makes is nobody's alone (it may still be one every group makes).
pub fn coverage_by_group(
    statements: &[Statement],
    entities: &[ResolvedEntity],
    sentences: &[Vec<String>],
    groups: &[Option<String>],
) -> GroupCoverage {
    let mut shares: BTreeMap<String, GroupShare> = BTreeMap::new();
    for (article, group) in groups.iter().enumerate() {
        if let Some(group) = group {
            shares
                .entry(group.clone())
                .or_default()
                .articles
                .push(article);
        }
    }
    let every = shares.len();
    // The groups of the articles, and whether an article of no group is among them.
    let groups_of = |articles: &mut dyn Iterator<Item = usize>| -> (BTreeSet<&str>, bool) {
        let mut ungrouped = false;
        let named = articles
            .filter_map(|a| {
                let group = groups.get(a).and_then(Option::as_deref);
                ungrouped |= group.is_none();
                group
            })
            .collect();
        (named, ungrouped)
    };
    let mut every_group = GroupShare::default();
    for statement in statements {
        let (reporting, ungrouped) = groups_of(&mut statement.articles.iter().copied());
        let shown = || GroupStatement {
            sentences: statement.sentences.clone(),
            text: statement_text(statement, sentences),
        };
        if reporting.len() == 1 && !ungrouped {
            let group = reporting.first().expect("one group");
            let share = shares.get_mut(*group).expect("every group has a share");
            share.statements.push(shown());
        }
        if every >= 2 && reporting.len() == every {
            every_group.statements.push(shown());
        }
        for (group, share) in shares.iter_mut() {
            if !reporting.contains(group.as_str()) {
                share.blindspot.push(shown());
            }
        }
    }
    for entity in entities {
        let (naming, ungrouped) = groups_of(
            &mut entity
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, &n)| n > 0)
                .map(|(a, _)| a),
        );
        if naming.len() == 1 && !ungrouped {
            let group = naming.first().expect("one group");
            let share = shares.get_mut(*group).expect("every group has a share");
            share.entities.push(entity.name.clone());
        }
        if every >= 2 && naming.len() == every {
            every_group.entities.push(entity.name.clone());
        }
    }
    GroupCoverage {
        groups: shares,
        every_group,
    }
}

/// The statement's sentences in its first article, joined.
fn statement_text(statement: &Statement, sentences: &[Vec<String>]) -> String {
    let first = statement.sentences[0].article;
    statement
        .sentences
        .iter()
        .filter(|s| s.article == first)
        .filter_map(|s| sentences.get(s.article)?.get(s.sentence))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, statements};

    #[test]
    fn a_statement_only_one_group_makes_is_that_groups_alone() {
        let texts = [
            "The bridge closed on Monday after engineers found cracks. The mayor blamed the contractor.",
            "The bridge closed on Monday after engineers found cracks. Traffic was diverted through the old town.",
            "The bridge closed on Monday after engineers found cracks. The mayor blamed the contractor.",
        ];
        let comparison = compare(&texts);
        let counts: Vec<usize> = comparison.sentences.iter().map(Vec::len).collect();
        let all = statements(&counts, &comparison.pairs);
        let sentences: Vec<Vec<String>> = comparison
            .sentences
            .iter()
            .map(|s| s.iter().map(|s| s.text.clone()).collect())
            .collect();
        let groups = vec![
            Some("right".to_string()),
            Some("left".to_string()),
            Some("right".to_string()),
        ];
        let coverage = coverage_by_group(&all, &comparison.entities, &sentences, &groups);
        let texts_of = |share: &GroupShare| -> Vec<String> {
            share.statements.iter().map(|s| s.text.clone()).collect()
        };
        assert_eq!(
            texts_of(&coverage.groups["right"]),
            ["The mayor blamed the contractor."]
        );
        assert_eq!(
            texts_of(&coverage.groups["left"]),
            ["Traffic was diverted through the old town."]
        );
        assert_eq!(coverage.groups["right"].articles, [0, 2]);
        let blindspot = |group: &str| -> Vec<String> {
            coverage.groups[group]
                .blindspot
                .iter()
                .map(|s| s.text.clone())
                .collect()
        };
        assert_eq!(blindspot("left"), ["The mayor blamed the contractor."]);
        assert_eq!(
            blindspot("right"),
            ["Traffic was diverted through the old town."]
        );
        assert_eq!(
            texts_of(&coverage.every_group),
            ["The bridge closed on Monday after engineers found cracks."]
        );
    }

    #[test]
    fn a_statement_an_article_of_no_group_also_makes_is_no_groups_alone() {
        let texts = [
            "The port reopened on Friday.",
            "The port reopened on Friday.",
        ];
        let comparison = compare(&texts);
        let counts: Vec<usize> = comparison.sentences.iter().map(Vec::len).collect();
        let all = statements(&counts, &comparison.pairs);
        let sentences = vec![vec![texts[0].to_string()], vec![texts[1].to_string()]];
        let coverage = coverage_by_group(&all, &[], &sentences, &[Some("wire".to_string()), None]);
        assert!(coverage.groups["wire"].statements.is_empty());
        assert!(coverage.every_group.statements.is_empty());
        let coverage = coverage_by_group(
            &all,
            &[],
            &sentences,
            &[Some("wire".to_string()), Some("wire".to_string())],
        );
        assert_eq!(coverage.groups["wire"].statements.len(), 1);
    }
}
