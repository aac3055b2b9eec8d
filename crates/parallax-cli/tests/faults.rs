//! Faults a desktop library meets, through the real CLI on a real file: the disk fills during an
//! import, another program holds the library, the library is read-only. Nothing committed is
//! lost, nothing half-written is visible, and each gives one clear line on stderr.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn parallax(library: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command
        .arg("--library")
        .arg(library)
        .args(args)
        .stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("the CLI runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn article_count(library: &Path) -> i64 {
    let connection = rusqlite::Connection::open(library).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let indexed: i64 = connection
        .query_row("SELECT count(*) FROM articles_fts", [], |row| row.get(0))
        .unwrap();
    let stored: i64 = connection
        .query_row("SELECT count(*) FROM articles", [], |row| row.get(0))
        .unwrap();
    assert_eq!(
        indexed, stored,
        "every stored article is searchable, no other"
    );
    stored
}

fn write_articles(folder: &Path, count: usize) {
    std::fs::create_dir_all(folder).unwrap();
    for n in 0..count {
        let body = format!(
            "The river authority measured gauge {n} at {} metres on Tuesday.\n\n{}",
            n % 9 + 1,
            "Crews walked the embankment and logged every culvert they passed. ".repeat(40)
        );
        std::fs::write(
            folder.join(format!("gauge-{n:04}.txt")),
            format!("River gauge report {n}\n\n{body}"),
        )
        .unwrap();
    }
}

#[test]
fn an_import_that_fills_the_disk_stops_with_a_clear_error_and_keeps_what_was_saved() {
    let folder = tempfile::tempdir().unwrap();
    let library = folder.path().join("library.sqlite3");
    let articles = folder.path().join("articles");
    write_articles(&articles, 1_500);
    assert!(run(&mut parallax(&library, &["samples"])).status.success());
    let before = article_count(&library);

    // The library may grow by about 1 MB, then every write fails as on a full disk (a file
    // size limit, with the signal it raises ignored, so writes fail with EFBIG).
    let limit = std::fs::metadata(&library).unwrap().len() + 1_000_000;
    let mut import = parallax(&library, &["import", articles.to_str().unwrap()]);
    unsafe {
        import.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let size = libc::rlimit {
                rlim_cur: limit,
                rlim_max: limit,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &size) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let full = run(&mut import);
    assert_eq!(full.status.code(), Some(1), "{}", stderr(&full));
    let message = stderr(&full);
    assert!(
        message.contains("was not saved") && message.lines().count() == 1,
        "one clear line: {message}"
    );
    let after_full = article_count(&library);
    assert!(after_full >= before, "nothing saved before is lost");

    // Space again: the same import completes the set, with no article twice.
    let again = run(&mut parallax(
        &library,
        &["import", articles.to_str().unwrap()],
    ));
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(article_count(&library), before + 1_500);
}

#[test]
fn a_library_another_program_is_writing_to_reads_and_says_it_is_busy_for_changes() {
    let folder = tempfile::tempdir().unwrap();
    let library = folder.path().join("library.sqlite3");
    assert!(run(&mut parallax(&library, &["samples"])).status.success());
    let before = article_count(&library);

    let holder = rusqlite::Connection::open(&library).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let listed = run(&mut parallax(&library, &["list", "--json"]));
    assert!(
        listed.status.success(),
        "reading goes on: {}",
        stderr(&listed)
    );
    let tagged = run(&mut parallax(&library, &["tag", "1", "checked"]));
    assert_eq!(tagged.status.code(), Some(1));
    assert!(
        stderr(&tagged).contains("the library is busy"),
        "{}",
        stderr(&tagged)
    );
    holder.execute_batch("ROLLBACK").unwrap();

    let tagged = run(&mut parallax(&library, &["tag", "1", "checked"]));
    assert!(tagged.status.success(), "{}", stderr(&tagged));
    assert_eq!(article_count(&library), before);
}

#[test]
fn a_read_only_library_can_be_browsed_and_refuses_changes_with_one_clear_error() {
    let folder = tempfile::tempdir().unwrap();
    let library = folder.path().join("library.sqlite3");
    assert!(run(&mut parallax(&library, &["samples"])).status.success());
    let before = article_count(&library);
    // Read-only for whoever runs the CLI: the file and its folder. Root may write anything, so
    // as root the CLI runs as the unprivileged user `nobody`.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&library, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_reader = |args: &[&str]| {
        let mut command = parallax(&library, args);
        if unsafe { libc::geteuid() } == 0 {
            command.uid(65_534).gid(65_534);
        }
        run(&mut command)
    };

    let listed = as_reader(&["list", "--json"]);
    assert!(
        listed.status.success(),
        "browsing works: {}",
        stderr(&listed)
    );
    let found = as_reader(&["search", "Kyiv", "--json"]);
    assert!(
        found.status.success(),
        "searching works: {}",
        stderr(&found)
    );
    let tagged = as_reader(&["tag", "1", "checked"]);
    assert_eq!(tagged.status.code(), Some(1));
    let message = stderr(&tagged);
    assert!(
        message.contains("read-only") && message.lines().count() == 1,
        "{message}"
    );

    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&library, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(article_count(&library), before);
}
