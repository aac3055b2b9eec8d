//! Outlet groups a person defines: any number of dimensions (`leaning`, `country`, `owner`...),
//! each outlet in at most one named group per dimension. Nothing is shipped: the library holds
//! only what its user set.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::Error;

/// An outlet with its groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletGroups {
    /// The outlet's name, as its articles hold it.
    pub outlet: String,
    /// Its group in each dimension it has one in: `{"leaning": "right"}`.
    pub groups: BTreeMap<String, String>,
}

/// Reads `dimension=group` (`leaning=right`); an empty group (`leaning=`) means "remove".
pub fn parse_group(value: &str) -> Result<(String, String), Error> {
    let invalid = || Error::InvalidGroup(value.to_string());
    let (dimension, name) = value.split_once('=').ok_or_else(invalid)?;
    let dimension = dimension.trim();
    if dimension.is_empty() {
        return Err(invalid());
    }
    Ok((dimension.to_string(), name.trim().to_string()))
}

/// Sets (or, with an empty group, removes) an outlet's groups in one transaction; returns the
/// outlet's groups now. The outlet must be one articles have, or one with groups.
pub(crate) fn set(
    connection: &Connection,
    outlet: &str,
    groups: &[(String, String)],
) -> Result<OutletGroups, Error> {
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let known = transaction
        .query_row(
            "SELECT 1 FROM articles WHERE outlet = ?1
             UNION ALL SELECT 1 FROM outlet_groups WHERE outlet = ?1 LIMIT 1",
            [outlet],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !known {
        return Err(Error::NoSuchOutlet(outlet.to_string()));
    }
    for (dimension, name) in groups {
        if name.is_empty() {
            transaction.execute(
                "DELETE FROM outlet_groups WHERE outlet = ?1 AND dimension = ?2",
                params![outlet, dimension],
            )?;
        } else {
            transaction.execute(
                "INSERT INTO outlet_groups (outlet, dimension, name) VALUES (?1, ?2, ?3)
                 ON CONFLICT (outlet, dimension) DO UPDATE SET name = excluded.name",
                params![outlet, dimension, name],
            )?;
        }
    }
    let now = of_outlet(&transaction, outlet)?;
    transaction.commit()?;
    Ok(OutletGroups {
        outlet: outlet.to_string(),
        groups: now,
    })
}

/// One outlet's groups.
pub(crate) fn of_outlet(
    connection: &Connection,
    outlet: &str,
) -> Result<BTreeMap<String, String>, Error> {
    Ok(connection
        .prepare_cached("SELECT dimension, name FROM outlet_groups WHERE outlet = ?1")?
        .query_map([outlet], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?)
}

/// Every outlet (of an article, or with groups) with its groups, by name.
pub(crate) fn list(connection: &Connection) -> Result<Vec<OutletGroups>, Error> {
    let mut outlets: BTreeMap<String, BTreeMap<String, String>> = connection
        .prepare("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")?
        .query_map([], |row| row.get::<_, String>(0))?
        .map(|outlet| outlet.map(|o| (o, BTreeMap::new())))
        .collect::<Result<_, _>>()?;
    let mut statement = connection.prepare("SELECT outlet, dimension, name FROM outlet_groups")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (outlet, dimension, name) = row?;
        outlets.entry(outlet).or_default().insert(dimension, name);
    }
    Ok(outlets
        .into_iter()
        .map(|(outlet, groups)| OutletGroups { outlet, groups })
        .collect())
}

/// An outlet renamed to `to`: its groups follow it; where `to` already has a group in a
/// dimension (a merge), `to`'s group stays.
pub(crate) fn follow_rename(transaction: &Transaction, from: &str, to: &str) -> Result<(), Error> {
    if from == to {
        return Ok(());
    }
    transaction.execute(
        "INSERT OR IGNORE INTO outlet_groups (outlet, dimension, name)
         SELECT ?2, dimension, name FROM outlet_groups WHERE outlet = ?1",
        [from, to],
    )?;
    transaction.execute("DELETE FROM outlet_groups WHERE outlet = ?1", [from])?;
    Ok(())
}

/// Adds groups loaded from a dump where the outlet has none in that dimension yet.
pub(crate) fn add_missing(
    transaction: &Transaction,
    outlet: &str,
    groups: &BTreeMap<String, String>,
) -> Result<(), Error> {
    for (dimension, name) in groups {
        if dimension.trim().is_empty() || name.trim().is_empty() {
            continue;
        }
        transaction
            .prepare_cached(
                "INSERT OR IGNORE INTO outlet_groups (outlet, dimension, name) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![outlet, dimension, name])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Library;

    fn library_with(outlets: &[&str]) -> (tempfile::TempDir, Library) {
        let folder = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for (n, outlet) in outlets.iter().enumerate() {
            let file = folder.path().join(format!("report-{n}.md"));
            std::fs::write(
                &file,
                format!("---\ntitle: Report {n}\noutlet: {outlet}\n---\n\nStory number {n} about the tide tables of harbour {n}."),
            )
            .unwrap();
            files.push(file);
        }
        let library = Library::open(&folder.path().join("library.sqlite3")).unwrap();
        let report = library.import_paths(
            &files,
            &mut |_| {},
            &std::sync::atomic::AtomicBool::new(false),
        );
        assert_eq!(report.imported.len(), outlets.len(), "{report:?}");
        (folder, library)
    }

    #[test]
    fn groups_are_set_replaced_and_removed_per_dimension() {
        let (_folder, library) = library_with(&["The Ledger"]);
        let pair = |d: &str, g: &str| (d.to_string(), g.to_string());
        let set = library
            .set_outlet_groups(
                "The Ledger",
                &[pair("leaning", "left"), pair("country", "NZ")],
            )
            .unwrap();
        assert_eq!(set.groups.len(), 2);
        let set = library
            .set_outlet_groups(
                "The Ledger",
                &[pair("leaning", "right"), pair("country", "")],
            )
            .unwrap();
        assert_eq!(
            set.groups,
            BTreeMap::from([("leaning".into(), "right".into())])
        );
        assert!(matches!(
            library.set_outlet_groups("No Such Paper", &[pair("leaning", "left")]),
            Err(Error::NoSuchOutlet(_))
        ));
    }

    #[test]
    fn a_merge_keeps_the_groups_of_the_outlet_that_stays() {
        let (_folder, library) = library_with(&["Ledger UK", "The Ledger"]);
        let pair = |d: &str, g: &str| (d.to_string(), g.to_string());
        library
            .set_outlet_groups(
                "Ledger UK",
                &[pair("leaning", "left"), pair("country", "UK")],
            )
            .unwrap();
        library
            .set_outlet_groups("The Ledger", &[pair("leaning", "centre")])
            .unwrap();
        library.rename_outlet("Ledger UK", "The Ledger").unwrap();
        let listed = library.outlet_groups().unwrap();
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!(listed[0].outlet, "The Ledger");
        assert_eq!(
            listed[0].groups,
            BTreeMap::from([
                ("country".into(), "UK".into()),
                ("leaning".into(), "centre".into())
            ])
        );
    }

    #[test]
    fn the_library_list_narrows_to_the_outlets_of_a_group() {
        let (_folder, library) = library_with(&["The Ledger", "The Courier", "The Herald"]);
        let pair = |d: &str, g: &str| (d.to_string(), g.to_string());
        library
            .set_outlet_groups("The Ledger", &[pair("leaning", "left")])
            .unwrap();
        library
            .set_outlet_groups(
                "The Herald",
                &[pair("leaning", "left"), pair("country", "NZ")],
            )
            .unwrap();
        library
            .set_outlet_groups("The Courier", &[pair("leaning", "right")])
            .unwrap();
        let listed = |group: (&str, &str)| -> Vec<String> {
            let options = crate::SearchOptions {
                group: Some(pair(group.0, group.1)),
                ..crate::SearchOptions::default()
            };
            let mut outlets: Vec<String> = library
                .find_articles("", &options, 0)
                .unwrap()
                .articles
                .into_iter()
                .filter_map(|a| a.outlet)
                .collect();
            outlets.sort();
            outlets
        };
        assert_eq!(listed(("leaning", "left")), ["The Herald", "The Ledger"]);
        assert_eq!(listed(("country", "NZ")), ["The Herald"]);
        assert!(listed(("leaning", "centre")).is_empty());
    }

    #[test]
    fn a_group_is_read_as_dimension_and_name() {
        assert_eq!(
            parse_group("leaning=right").unwrap(),
            ("leaning".into(), "right".into())
        );
        assert_eq!(
            parse_group(" country = NZ ").unwrap(),
            ("country".into(), "NZ".into())
        );
        assert_eq!(
            parse_group("leaning=").unwrap(),
            ("leaning".into(), String::new())
        );
        assert!(parse_group("leaning").is_err());
        assert!(parse_group("=right").is_err());
    }
}
