//! A person's corrections of what import read: an article's headline, outlet, byline and
//! date, outlets renamed or merged, and tags. Corrections are kept in the article row, with the
//! values they replaced, so a later import of the same file (a duplicate) never undoes them.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::Error;

/// New values for an article's metadata: `None` leaves a field as it is, an empty string clears
/// it (the headline cannot be cleared).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetadataEdit {
    /// The headline.
    pub title: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// The author line.
    pub byline: Option<String>,
    /// The publication date or date-time, ISO 8601 (`2025-11-20`, `2025-11-20T09:15:00Z`).
    pub published: Option<String>,
}

/// An outlet and how many articles of the library it published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCount {
    /// The outlet's name, as stored.
    pub outlet: String,
    /// Its articles in the library (the trash not counted).
    pub articles: usize,
}

/// What renaming an outlet did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletRenamed {
    /// The name it had.
    pub from: String,
    /// The name it has now.
    pub to: String,
    /// Articles renamed (the trash included).
    pub articles: usize,
    /// True when the new name was already an outlet's: the two are now one.
    pub merged: bool,
}

/// Checks a publication date: an ISO 8601 date (`2025-11-20`) or date-time, with or without
/// seconds and offset (`2025-11-20T09:15`, `2025-11-20T09:15:00Z`, `2025-11-20T09:15:00+02:00`).
pub fn check_published(value: &str) -> Result<(), Error> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let valid = NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
        || DateTime::parse_from_rfc3339(value).is_ok()
        || [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M%:z",
        ]
        .iter()
        .any(|format| {
            NaiveDateTime::parse_from_str(value, format).is_ok()
                || DateTime::parse_from_str(value, format).is_ok()
        });
    // A four-digit year only: chrono also reads `20251-01-01` and `+2025-01-01`.
    let shaped = value.len() >= 10 && value.as_bytes()[4] == b'-';
    if valid && shaped {
        Ok(())
    } else {
        Err(Error::InvalidDate(value.to_string()))
    }
}

/// Applies `edit` to article `id` in one transaction and records the corrected fields.
pub(crate) fn edit_article(
    connection: &Connection,
    id: i64,
    edit: &MetadataEdit,
) -> Result<(), Error> {
    let cleared = |value: &Option<String>| {
        value.as_deref().map(|v| {
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_string())
        })
    };
    let title = match cleared(&edit.title) {
        Some(None) => return Err(Error::Empty("an article's headline")),
        other => other,
    };
    let published = cleared(&edit.published);
    if let Some(Some(date)) = &published {
        check_published(date)?;
    }
    let changes: [(&str, Option<Option<String>>); 4] = [
        ("title", title),
        ("outlet", cleared(&edit.outlet)),
        ("byline", cleared(&edit.byline)),
        ("published", published),
    ];
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    // The headline, outlet, byline, date and corrections as they are.
    type Current = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let current: Option<Current> = transaction
        .query_row(
            "SELECT title, outlet, byline, published, corrected FROM articles WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            },
        )
        .optional()?;
    let Some((old_title, outlet, byline, old_published, corrected)) = current else {
        return Err(crate::articles::missing(&transaction, id));
    };
    let before = [
        Some(old_title.clone()),
        outlet,
        byline,
        old_published.clone(),
    ];
    let mut corrected = crate::articles::parse_corrected(corrected);
    for ((field, change), old) in changes.into_iter().zip(before) {
        let Some(new) = change else { continue };
        if new == old {
            continue;
        }
        corrected.entry(field.to_string()).or_insert(old);
        // The field name comes from the list above, never from the user.
        transaction.execute(
            &format!("UPDATE articles SET {field} = ?2 WHERE id = ?1"),
            params![id, new],
        )?;
        if field == "title" {
            // An event still named after this article's headline follows the correction.
            transaction.execute(
                "UPDATE events SET title = ?2 WHERE id = (SELECT event_id FROM articles WHERE id = ?1)
                 AND named_by_user = 0 AND title = ?3",
                params![id, new, old_title],
            )?;
        }
    }
    store_corrected(&transaction, id, &corrected)?;
    transaction.commit()?;
    Ok(())
}

fn store_corrected(
    connection: &Connection,
    id: i64,
    corrected: &BTreeMap<String, Option<String>>,
) -> Result<(), Error> {
    let json = (!corrected.is_empty())
        .then(|| serde_json::to_string(corrected).expect("a map of strings serialises"));
    connection.execute(
        "UPDATE articles SET corrected = ?2 WHERE id = ?1",
        params![id, json],
    )?;
    Ok(())
}

/// Every outlet with its number of articles, most articles first.
pub(crate) fn outlets(connection: &Connection) -> Result<Vec<OutletCount>, Error> {
    let mut statement = connection.prepare_cached(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet <> ''
         GROUP BY outlet ORDER BY count(*) DESC, outlet",
    )?;
    let outlets = statement
        .query_map([], |row| {
            Ok(OutletCount {
                outlet: row.get(0)?,
                articles: row.get::<_, i64>(1)? as usize,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(outlets)
}

/// Renames an outlet on every article that has it (those in the trash too); a new name that is
/// already an outlet's merges the two. Each article records the correction.
pub(crate) fn rename_outlet(
    connection: &Connection,
    from: &str,
    to: &str,
) -> Result<OutletRenamed, Error> {
    let to = to.trim();
    if to.is_empty() {
        return Err(Error::Empty("an outlet's new name"));
    }
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    let ids: Vec<(i64, Option<String>)> = transaction
        .prepare("SELECT id, corrected FROM articles WHERE outlet = ?1")?
        .query_map([from], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let trashed: usize =
        transaction.execute("UPDATE trash SET outlet = ?2 WHERE outlet = ?1", [from, to])?;
    if ids.is_empty() && trashed == 0 {
        return Err(Error::NoSuchOutlet(from.to_string()));
    }
    let merged = from != to
        && transaction
            .query_row(
                "SELECT 1 FROM articles WHERE outlet = ?1 LIMIT 1",
                [to],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
    for (id, corrected) in &ids {
        let mut corrected = crate::articles::parse_corrected(corrected.clone());
        if from != to {
            corrected
                .entry("outlet".into())
                .or_insert(Some(from.to_string()));
        }
        transaction.execute(
            "UPDATE articles SET outlet = ?2 WHERE id = ?1",
            params![id, to],
        )?;
        store_corrected(&transaction, *id, &corrected)?;
    }
    crate::groups::follow_rename(&transaction, from, to)?;
    transaction.commit()?;
    Ok(OutletRenamed {
        from: from.to_string(),
        to: to.to_string(),
        articles: ids.len() + trashed,
        merged,
    })
}

/// Tags as a person typed them: trimmed, empty ones refused, each once (case ignored).
fn clean_tags(tags: &[String]) -> Result<Vec<String>, Error> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if tag.is_empty() {
            return Err(Error::Empty("a tag"));
        }
        if !clean.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            clean.push(tag.to_string());
        }
    }
    Ok(clean)
}

/// Adds tags to an article (those it has already are kept as they are; a tag other articles
/// have is spelled as they have it); returns its tags.
pub(crate) fn add_tags(
    connection: &Connection,
    id: i64,
    tags: &[String],
) -> Result<Vec<String>, Error> {
    let tags = clean_tags(tags)?;
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    crate::articles::require(&transaction, id)?;
    for tag in &tags {
        // A tag other articles have already is written as they have it ("Bridge" joins "bridge").
        let spelled: String = transaction
            .query_row(
                "SELECT tag FROM article_tags WHERE tag = ?1 LIMIT 1",
                [tag],
                |row| row.get(0),
            )
            .optional()?
            .unwrap_or_else(|| tag.clone());
        transaction.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?1, ?2)",
            params![id, spelled],
        )?;
    }
    let now = tags_of(&transaction, id)?;
    transaction.commit()?;
    Ok(now)
}

/// Removes tags from an article (case ignored; tags it does not have are no error); returns
/// its tags.
pub(crate) fn remove_tags(
    connection: &Connection,
    id: i64,
    tags: &[String],
) -> Result<Vec<String>, Error> {
    let tags = clean_tags(tags)?;
    let transaction = Transaction::new_unchecked(connection, TransactionBehavior::Immediate)?;
    crate::articles::require(&transaction, id)?;
    for tag in &tags {
        transaction.execute(
            "DELETE FROM article_tags WHERE article_id = ?1 AND tag = ?2",
            params![id, tag],
        )?;
    }
    let now = tags_of(&transaction, id)?;
    transaction.commit()?;
    Ok(now)
}

/// An article's tags, in alphabetical order.
pub(crate) fn tags_of(connection: &Connection, id: i64) -> Result<Vec<String>, Error> {
    let tags = connection
        .prepare_cached("SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag")?
        .query_map([id], |row| row.get(0))?
        .collect::<Result<Vec<String>, _>>()?;
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_date_times_are_accepted() {
        for good in [
            "2025-11-20",
            "2024-02-29",
            "2025-11-20T09:15",
            "2025-11-20T09:15:00",
            "2025-11-20T09:15:00Z",
            "2025-11-20T09:15:00.250Z",
            "2025-11-20T09:15:00+02:00",
        ] {
            assert!(check_published(good).is_ok(), "{good}");
        }
        for bad in [
            "2025-02-30",
            "2023-02-29",
            "20 November 2025",
            "2025/11/20",
            "2025-11-20T25:00",
            "tomorrow",
            "20251-01-01",
            "2025-11-20 and more",
        ] {
            assert!(
                matches!(check_published(bad), Err(Error::InvalidDate(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn tags_are_trimmed_and_kept_once() {
        let tags = clean_tags(&[" Ukraine ".into(), "ukraine".into(), "war".into()]).unwrap();
        assert_eq!(tags, ["Ukraine", "war"]);
        assert!(matches!(clean_tags(&["  ".into()]), Err(Error::Empty(_))));
    }
}
