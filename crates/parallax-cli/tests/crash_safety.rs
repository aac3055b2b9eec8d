//! The library survives the CLI being killed (SIGKILL) at random moments of a large import:
//! the file stays intact, every stored article is whole, and importing again completes the set
//! with no duplicate. An edit killed midway is whole or not made at all.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const ARTICLES: usize = 5_000;
const KILLS: usize = 10;

fn article(n: usize) -> (String, String) {
    let title = format!("Port authority report {n}");
    let body = format!(
        "The port authority logged ship {n} at berth {} on Tuesday, its spokesman said.\n\n\
         The vessel carried {} containers and left after {} hours.",
        n % 50,
        n * 13 + 7,
        n % 24 + 1
    );
    (title, body)
}

/// Writes `count` article files in a new folder `articles` of `folder`, each naming `outlet`
/// on a `Source:` line when given; returns the folder.
fn write_articles(folder: &Path, count: usize, outlet: Option<&str>) -> std::path::PathBuf {
    let articles = folder.join("articles");
    std::fs::create_dir(&articles).unwrap();
    let source = outlet
        .map(|o| format!("Source: {o}\n\n"))
        .unwrap_or_default();
    for n in 0..count {
        let (title, body) = article(n);
        std::fs::write(
            articles.join(format!("report-{n:05}.txt")),
            format!("{title}\n\n{source}{body}\n"),
        )
        .unwrap();
    }
    articles
}

fn parallax(library: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command
        .arg("--library")
        .arg(library)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn killing_an_import_at_random_moments_never_damages_the_library() {
    let folder = tempfile::tempdir().unwrap();
    let articles = write_articles(folder.path(), ARTICLES, None);
    let library = folder.path().join("library.sqlite3");
    let mut rng = fastrand::Rng::with_seed(0x5eed);
    let mut interrupted_midway = 0;

    for round in 0..KILLS {
        // Kill once the import has stored a random number of new articles (a moment inside a
        // batch, between batches, or before the first), whatever the machine's speed.
        let before = stored_count(&library);
        let target = before + rng.usize(1..400);
        let mut child = parallax(&library)
            .arg("import")
            .arg(&articles)
            .spawn()
            .unwrap();
        while child.try_wait().unwrap().is_none() && stored_count(&library) < target {
            std::thread::sleep(Duration::from_millis(rng.u64(1..5)));
        }
        // A batch of 256 takes a few tens of milliseconds: kill within about one.
        std::thread::sleep(Duration::from_millis(rng.u64(0..40)));
        let _ = child.kill();
        child.wait().unwrap();
        let stored = assert_whole(&library, round);
        eprintln!("round {round}: {stored} articles stored when killed");
        if stored > 0 && stored < ARTICLES {
            interrupted_midway += 1;
        }
    }
    assert!(
        interrupted_midway >= KILLS / 2,
        "the kills should land in the middle of imports ({interrupted_midway} did)"
    );

    let status = parallax(&library)
        .arg("import")
        .arg(&articles)
        .status()
        .unwrap();
    assert!(status.success(), "the last import completes: {status}");
    let stored = assert_whole(&library, KILLS);
    assert_eq!(stored, ARTICLES, "every article is in the library once");
}

#[test]
fn killing_an_edit_of_every_article_leaves_it_made_whole_or_not_at_all() {
    const EDITED: usize = 2_000;
    let folder = tempfile::tempdir().unwrap();
    let articles = write_articles(folder.path(), EDITED, Some("Harbour Gazette"));
    let library = folder.path().join("library.sqlite3");
    let imported = parallax(&library)
        .arg("import")
        .arg(&articles)
        .status()
        .unwrap();
    assert!(imported.success());
    let names = ["Harbour Gazette", "Harbour Times"];
    let rename = |from: &str, to: &str| {
        let mut command = parallax(&library);
        command.args(["outlet", "rename", from, to]);
        command
    };
    // How long one rename of every article takes here, so the kills land inside one.
    let started = std::time::Instant::now();
    assert!(rename(names[0], names[1]).status().unwrap().success());
    let whole_run = started.elapsed().as_millis().max(2) as u64;
    let mut current = 1;
    let mut rng = fastrand::Rng::with_seed(0xed17);
    let mut outcomes = [0, 0];
    for round in 0..KILLS {
        let mut child = rename(names[current], names[1 - current]).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.u64(0..whole_run)));
        let _ = child.kill();
        child.wait().unwrap();
        assert_whole(&library, round);
        let connection = rusqlite::Connection::open(&library).unwrap();
        let outlets: Vec<(String, i64)> = connection
            .prepare("SELECT outlet, count(*) FROM articles GROUP BY outlet")
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            outlets.len(),
            1,
            "round {round}: the rename is made on every article or on none: {outlets:?}"
        );
        assert_eq!(outlets[0].1, EDITED as i64);
        let made = outlets[0].0 == names[1 - current];
        assert!(made || outlets[0].0 == names[current], "{outlets:?}");
        outcomes[usize::from(made)] += 1;
        if made {
            current = 1 - current;
        }
    }
    eprintln!(
        "{} renames killed before their commit, {} after",
        outcomes[0], outcomes[1]
    );
}

/// How many articles a reader sees now (0 before the library exists).
fn stored_count(library: &Path) -> usize {
    let Ok(connection) =
        rusqlite::Connection::open_with_flags(library, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    connection
        .query_row("SELECT count(*) FROM articles", [], |row| {
            row.get::<_, i64>(0)
        })
        .map_or(0, |n| n as usize)
}

/// Checks the file and every stored article; returns how many articles are stored.
fn assert_whole(library: &Path, round: usize) -> usize {
    if !library.exists() {
        return 0;
    }
    let connection = rusqlite::Connection::open(library).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "round {round}: the library file is intact");
    let has_articles: bool = connection
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'",
            [],
            |row| row.get::<_, i64>(0),
        )
        .map(|n| n == 1)
        .unwrap();
    if !has_articles {
        return 0;
    }
    // The search index holds exactly the stored articles: FTS5 checks itself against its table.
    connection
        .execute(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap_or_else(|e| panic!("round {round}: the search index matches the articles: {e}"));
    let mut statement = connection
        .prepare("SELECT title, text FROM articles")
        .unwrap();
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .unwrap();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let (title, text) = row.unwrap();
        let n: usize = title
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("round {round}: unexpected title {title:?}"));
        let (expected_title, expected_body) = article(n);
        assert_eq!(title, expected_title);
        assert_eq!(
            text, expected_body,
            "round {round}: article {n} is stored whole"
        );
        *seen.entry(title).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, count)| **count > 1).collect();
    assert!(
        twice.is_empty(),
        "round {round}: articles stored twice: {twice:?}"
    );
    seen.len()
}
