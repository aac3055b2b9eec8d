//! The real window, driven through tauri-driver and WebKitWebDriver under Xvfb.

mod support;

use fantoccini::Locator;
use support::{choose_in_file_dialog, fixture, App};

/// Every article of a library file, newest first, as the window's list and `parallax list`.
fn every_article(library: &parallax_library::Library) -> Vec<parallax_library::ListedArticle> {
    library
        .find_articles("", &parallax_library::SearchOptions::every_article(), 0)
        .unwrap()
        .articles
}

/// Answers the native file dialog titled `title` with `path`, as a person types it (the dialog
/// runs outside the page: xdotool drives it while the test waits).
async fn answer_file_dialog(title: &'static str, path: &std::path::Path) {
    let path = path.to_path_buf();
    tokio::task::spawn_blocking(move || choose_in_file_dialog(title, &path))
        .await
        .unwrap();
}

/// Chooses `value` in the select with this `data-testid`, through WebDriver as a person would.
async fn choose_value(app: &App, testid: &str, value: &str) {
    app.wait_for(testid)
        .await
        .select_by_value(value)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn first_launch_lists_the_samples_and_shows_a_comparison() {
    let app = App::start(&[]).await;
    let items = app.wait_for_all("library-item", 8).await;
    assert!(items.len() >= 8, "the sample library lists its articles");
    assert!(!app.wait_for_all("event-item", 2).await.is_empty());
    app.wait_for("compare-view").await;
    let panes = app.wait_for_all("compare-pane", 2).await;
    assert!(
        panes.len() >= 2,
        "a first launch compares the reports of the sample event"
    );
    let pairs = app.wait_for_all("aligned-pair", 4).await;
    assert!(
        pairs.len() >= 4,
        "sentences of different outlets face each other"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn opening_the_sample_event_shows_every_report_side_by_side() {
    let app = App::start(&[]).await;
    let events = app.wait_for_all("event-item", 2).await;
    let mut biggest = (0usize, None);
    for event in events {
        let count: usize = event
            .find(Locator::Css(".count"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
            .parse()
            .unwrap();
        if count > biggest.0 {
            biggest = (count, Some(event));
        }
    }
    assert!(
        biggest.0 >= 5,
        "the sample event groups the five Kyiv reports, found {}",
        biggest.0
    );
    biggest.1.unwrap().click().await.unwrap();
    let panes = app.wait_for_all("compare-pane", biggest.0).await;
    assert_eq!(panes.len(), biggest.0);
    assert!(app.wait_for_all("aligned-pair", 10).await.len() >= 10);
    assert!(
        !app.wait_for_all("only-here", 1).await.is_empty(),
        "facts only one outlet reports are marked"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn next_difference_moves_to_a_difference() {
    let app = App::start(&[]).await;
    app.wait_for_all("aligned-pair", 2).await;
    app.wait_for("next-difference").await.click().await.unwrap();
    let current = app
        .client
        .find_all(Locator::Css(".cell.current"))
        .await
        .unwrap();
    assert!(
        !current.is_empty(),
        "the next difference is marked as current"
    );
    let counter = app.text(".difference-counter").await;
    assert!(
        counter.starts_with("Difference 1 of"),
        "counter reads '{counter}'"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_opened_with_the_app_is_imported_and_listed() {
    let article = fixture("harbour-ferry.md").display().to_string();
    let app = App::start(&[article]).await;
    app.wait_for_all("library-item", 9).await;
    let titles = app.script(
        "return [...document.querySelectorAll('[data-testid=library-item] .article-title')].map(n => n.textContent)",
    )
    .await;
    let titles: Vec<String> = serde_json::from_value(titles).unwrap();
    assert!(
        titles
            .iter()
            .any(|t| t == "Ferry timetable doubled while the harbour bridge is repaired"),
        "the imported article is listed: {titles:?}"
    );
    let status = app.script("const box = document.querySelector('[data-testid=import-progress]'); return [box.hidden, box.textContent]").await;
    assert_eq!(status[0], false, "the import summary is shown");
    assert!(
        status[1].as_str().unwrap().contains("1 imported"),
        "the progress bar reports the import: {status}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_cannot_be_imported_shows_an_error_in_the_window() {
    let empty = fixture("empty.txt").display().to_string();
    let app = App::start(&[empty]).await;
    app.wait_for("import-errors").await;
    let row = app.wait_for("import-error").await;
    let text = row.text().await.unwrap();
    assert!(
        text.contains("empty.txt") && text.contains("empty"),
        "the error names the file and says why: '{text}'"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_chosen_in_the_open_dialog_is_imported_and_listed() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_for("import-button").await.click().await.unwrap();
    let article = fixture("harbour-ferry.md");
    answer_file_dialog("Open Articles", &article).await;
    app.wait_for_all("library-item", 9).await;
    let titles = app.script(
        "return [...document.querySelectorAll('[data-testid=library-item] .article-title')].map(n => n.textContent)",
    )
    .await;
    let titles: Vec<String> = serde_json::from_value(titles).unwrap();
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Ferry timetable doubled")),
        "the chosen article is listed: {titles:?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_comparison_lists_conflicts_copied_passages_and_entities() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    let conflicts = app.wait_for_all("conflict-item", 1).await;
    let texts = app.script("return [...document.querySelectorAll('[data-testid=conflict-item]')].map(n => n.textContent)").await;
    let texts: Vec<String> = serde_json::from_value(texts).unwrap();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("$105 million") && t.contains("$150 million")),
        "the PATRIOT package's two amounts are a conflict: {texts:?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("$105m") && t.contains("$105 million")),
        "equal amounts in different forms are no conflict: {texts:?}"
    );
    // One entry for the disputed amount, not one per pair of outlets: each value with every
    // outlet that gives it, each outlet a control that jumps to its own sentence.
    let amount: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("$150 million"))
        .collect();
    assert_eq!(amount.len(), 1, "the amount is listed once: {texts:?}");
    let sources = app
        .script(
            "const item = [...document.querySelectorAll('[data-testid=conflict-item]')].find(n => n.textContent.includes('$150 million')); \
             return [...item.querySelectorAll('.conflict-source')].map(n => n.textContent)",
        )
        .await;
    let sources: Vec<String> = serde_json::from_value(sources).unwrap();
    assert_eq!(
        sources.len(),
        5,
        "every one of the five reports is named under a value: {sources:?}"
    );
    assert!(
        sources.iter().any(|s| s.contains("Continental Daily")),
        "{sources:?}"
    );
    conflicts[0].click().await.unwrap();
    let current = app
        .client
        .find_all(Locator::Css(".cell.current"))
        .await
        .unwrap();
    assert_eq!(current.len(), 2, "a conflict jumps to both sentences");
    assert!(
        !app.wait_for_all("shared-passage", 1).await.is_empty(),
        "the wire copy is found"
    );
    assert!(app.wait_for_all("entity-row", 5).await.len() >= 5);
    app.wait_for("coverage-summary").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn choosing_an_entity_highlights_it_in_every_pane_and_layers_switch_off() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    app.wait_for_all("entity-row", 1).await;
    let row = app
        .script(
            "const rows = [...document.querySelectorAll('[data-testid=entity-row]')];
             const row = rows.find(r => r.firstChild.textContent.includes('Driscoll'));
             row.click();
             return document.querySelectorAll('.compare-pane mark.entity-hit').length",
        )
        .await;
    assert!(
        row.as_u64().unwrap() >= 5,
        "Driscoll is marked in the panes: {row}"
    );
    let panes_with_hits = app
        .script("return [...document.querySelectorAll('[data-testid=compare-pane]')].filter(p => p.querySelector('mark.entity-hit')).length")
        .await;
    assert_eq!(
        panes_with_hits, 5,
        "every report that names him shows the mark"
    );

    app.client
        .find(Locator::Css("input[data-layer=differences]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let hidden = app.script("return document.querySelector('[data-testid=compare-view]').classList.contains('hide-differences')").await;
    assert_eq!(hidden, true, "the differences layer switches off");

    app.client
        .execute(
            "document.querySelector('[data-testid=next-difference]').blur()",
            vec![],
        )
        .await
        .unwrap();
    app.client
        .find(Locator::Css("body"))
        .await
        .unwrap()
        .send_keys("\u{E037}")
        .await
        .unwrap();
    let counter = app.text(".difference-counter").await;
    assert!(
        counter.starts_with("Difference 1 of"),
        "F7 goes to the next difference: '{counter}'"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_import_shows_progress_and_cancelling_keeps_what_was_imported() {
    let folder = tempfile::tempdir().unwrap();
    let total = 20_000;
    for n in 0..total {
        let text = format!(
            "Harbour note {n}\n\nThe harbour office logged vessel {n} at berth {} on Tuesday, the clerk said.\n\nIts cargo of {} crates was checked.\n",
            n % 40,
            n * 7 + 3
        );
        std::fs::write(folder.path().join(format!("note-{n:05}.txt")), text).unwrap();
    }
    let app = App::start(&[folder.path().display().to_string()]).await;
    app.wait_for("import-progress").await;
    app.wait_until(
        "document.querySelector('[data-testid=import-progress]').dataset.state === 'running'",
        "the progress bar shows the import running",
    )
    .await;
    app.client
        .find(Locator::Id("import-cancel"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let status = app
        .poll(
            "const box = document.querySelector('[data-testid=import-progress]'); return box.dataset.state === 'done' ? box.textContent : null",
            "the import ends after cancel",
            |status| status.is_string(),
        )
        .await;
    let status = status.as_str().unwrap().to_string();
    assert!(
        status.contains("cancelled"),
        "the outcome says the import was cancelled: '{status}'"
    );
    let imported: usize = status
        .split(" imported")
        .next()
        .unwrap()
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        imported < total,
        "cancel stopped the import before the end ({imported} of {total})"
    );
    let expected = format!("({})", 8 + imported);
    app.poll(
        "return document.getElementById('article-count').textContent",
        "what was imported before cancel stays in the library, and nothing more",
        |count| count == &serde_json::json!(expected),
    )
    .await;
    let drawn = app
        .client
        .find_all(Locator::Css("[data-testid=library-item]"))
        .await
        .unwrap()
        .len();
    assert!(
        drawn < 60,
        "the list draws only the rows in view, not all {} ({drawn} drawn)",
        8 + imported
    );
    app.script("const list = document.getElementById('library-list'); list.scrollTop = list.scrollHeight; list.dispatchEvent(new Event('scroll'))").await;
    app.poll(
        "const rows = [...document.querySelectorAll('#library-list > li')].filter(n => n.style.top); const last = rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).pop(); return [parseFloat(last.style.top), last.textContent]",
        "scrolling to the end draws the last rows",
        |last| {
            let (top, text): (f64, String) = serde_json::from_value(last.clone()).unwrap();
            top == ((8 + imported - 1) * 76) as f64 && text.contains("Harbour note")
        },
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn searching_as_one_types_narrows_the_list_and_marks_the_words() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_for("library-search")
        .await
        .send_keys("bridge")
        .await
        .unwrap();
    let shown = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=library-item]')].map(n => [n.querySelector('.article-title').textContent, !!n.querySelector('.article-snippet mark')])",
            "the search narrows the list to the three bridge reports",
            |shown| shown.as_array().is_some_and(|rows| rows.len() == 3),
        )
        .await;
    let shown: Vec<(String, bool)> = serde_json::from_value(shown).unwrap();
    assert!(
        shown.iter().all(|(title, _)| title.contains("Bridge")),
        "only the bridge reports are left: {shown:?}"
    );
    assert!(
        shown.iter().all(|(_, marked)| *marked),
        "each hit marks the word found: {shown:?}"
    );
    app.close().await;
}

/// Opens an article of the library list in the reader and returns what the reader says of why
/// it is in its event.
/// Ticks the library's articles whose headlines start so, in this order, and compares them;
/// returns their ids.
async fn compare_articles(app: &App, headlines: &[&str]) -> Vec<String> {
    let ids = app
        .script(&format!(
            "const id = (start) => [...document.querySelectorAll('[data-testid=library-item]')].find(n => n.querySelector('.article-title').textContent.startsWith(start)).dataset.articleId;
             return {}.map(id)",
            serde_json::json!(headlines)
        ))
        .await;
    let ids: Vec<String> = serde_json::from_value(ids).unwrap();
    for id in &ids {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    app.click("#compare-button").await;
    ids
}

async fn grouping_reason(app: &App, id: &str) -> String {
    app.click(&format!(
        "[data-testid=library-item][data-article-id='{id}'] .article-open"
    ))
    .await;
    let reason = app
        .poll(
            &format!("const reader = document.querySelector(\"[data-testid=article-reader][data-article-id='{id}']\"); return reader ? reader.querySelector('[data-testid=grouping-reason]').textContent : null"),
            "the reader says why the article is in its event",
            |reason| reason.is_string(),
        )
        .await;
    reason.as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_cut_in_two_by_grouping_says_so_in_the_reader_naming_the_other_part() {
    // Seven reports of two earthquakes on one island: the first pass puts them in one event,
    // the second cuts it in two as the seventh arrives.
    let quakes: Vec<String> = (0..7)
        .map(|i| fixture(&format!("qeshm/q{i}.txt")).display().to_string())
        .collect();
    let app = App::start(&quakes).await;
    app.wait_for_all("library-item", 15).await;
    let quake_events = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(item => item.textContent.includes('Qeshm') || item.textContent.includes('Kusheh')).length",
            "the two earthquakes are two events",
            |events| events == 2,
        )
        .await;
    assert_eq!(quake_events, 2);
    let ids = app
        .script(
            "return [...document.querySelectorAll('[data-testid=library-item]')].filter(item => /Qeshm|Kusheh|Zirang|Tonban/.test(item.textContent)).map(item => item.dataset.articleId)",
        )
        .await;
    let ids: Vec<String> = serde_json::from_value(ids).unwrap();
    assert_eq!(ids.len(), 7, "{ids:?}");
    let mut reasons = Vec::new();
    for id in &ids {
        reasons.push(grouping_reason(&app, id).await);
    }
    let cut: Vec<&String> = reasons
        .iter()
        .filter(|r| r.contains("was cut in two"))
        .collect();
    assert!(!cut.is_empty(), "{reasons:#?}");
    assert!(
        cut.iter()
            .all(|r| r.contains("“Quake hits Qeshm island, five hurt”")
                || r.contains("“Deadly earthquake on Qeshm island kills ten”")),
        "the other part is named by its title: {cut:#?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_small_event_folded_into_another_by_grouping_says_so_in_the_reader() {
    // Three reports of a ferry strike, a brief of its cost to island hotels that joins none of
    // them, and a report of both that joins the brief: the brief's event is then folded into
    // the strike's.
    let reports: Vec<String> = (0..5)
        .map(|i| {
            fixture(&format!("ferry-fold/f{i}.txt"))
                .display()
                .to_string()
        })
        .collect();
    let app = App::start(&reports).await;
    app.wait_for_all("library-item", 13).await;
    let strike_events = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(item => /Solent|Isle of Wight|Ferry workers/.test(item.textContent)).length",
            "the strike and the hotels' brief are one event",
            |events| events == 1,
        )
        .await;
    assert_eq!(strike_events, 1);
    let brief = app
        .script(
            "return [...document.querySelectorAll('[data-testid=library-item]')].find(item => item.textContent.includes('empties Isle of Wight hotels')).dataset.articleId",
        )
        .await;
    let reason = grouping_reason(&app, brief.as_str().unwrap()).await;
    assert!(
        reason.contains(
            "started an event of its own, “Solent ferry strike empties Isle of Wight hotels”"
        ) && reason.contains("folded into this one"),
        "{reason}"
    );

    // The strike's reports name places and nobody: no bar claims the people are shared.
    compare_articles(&app, &["Ferry workers strike", "Solent ferries halted"]).await;
    let people = app
        .poll(
            "const kind = document.querySelector('[data-testid=overlap-kind][data-kind=person]'); return kind && [kind.textContent, !!kind.querySelector('meter')]",
            "the two strike reports are compared",
            |kind| kind.is_array(),
        )
        .await;
    assert_eq!(people, serde_json::json!(["Peoplenone named", false]));
    let places = app
        .text("[data-testid=overlap-kind][data-kind=place]")
        .await;
    assert!(places.contains("named by all"), "{places}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_says_why_an_article_is_in_its_event() {
    let app = App::start(&[]).await;
    let items = app.wait_for_all("library-item", 8).await;
    let mut reasons = Vec::new();
    for item in items {
        let id = item.attr("data-article-id").await.unwrap().unwrap();
        reasons.push(grouping_reason(&app, &id).await);
    }
    assert_eq!(
        reasons
            .iter()
            .filter(|r| r.starts_with("This article started its event"))
            .count(),
        2,
        "{reasons:#?}"
    );
    assert!(
        reasons
            .iter()
            .filter(|r| r.starts_with("Grouped with"))
            .all(|r| r.contains("both name")),
        "{reasons:#?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reader_marks_who_and_what_the_article_names_and_keeps_its_text_whole() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let id = app
        .script(
            "return [...document.querySelectorAll('[data-testid=library-item]')]
                 .find(n => n.querySelector('.article-title').textContent.startsWith('Army secretary leads'))
                 .dataset.articleId",
        )
        .await;
    let id = id
        .as_str()
        .expect("the Lakeshore report is listed")
        .to_string();
    open_in_reader(&app, &id).await;
    app.wait_for_all("reader-entity", 2).await;
    let head = app
        .script("return document.querySelector('.reader-head').textContent")
        .await;
    assert!(
        !head.as_str().unwrap().contains("null"),
        "the reader's head shows nothing that is not there: {head}"
    );
    let chips = app
        .script(
            "return [...document.querySelectorAll('[data-testid=reader-entity]')].map(c => c.textContent)",
        )
        .await;
    let chips: Vec<String> = serde_json::from_value(chips).unwrap();
    let text = app
        .script(
            "return [...document.querySelectorAll('.reader-body p')].map(p => p.textContent).join('\\n\\n')",
        )
        .await;
    let text = text.as_str().unwrap().to_string();
    let stored = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("crates/parallax-library/samples/kyiv-delegation/04-lakeshore-ledger.md"),
    )
    .unwrap();
    let last_paragraph = stored.trim_end().rsplit("\n\n").next().unwrap().trim();
    assert!(
        text.ends_with(last_paragraph),
        "the body keeps the article's text, marks and all: {text:?}"
    );
    // Every mark lies on a mention of the entity it names, and choosing a chip marks them all.
    let first = &chips[0];
    let name: String = first.rsplit_once(' ').unwrap().0.to_string();
    app.click("[data-testid=reader-entity]").await;
    let selected = app
        .script(
            "return [...document.querySelectorAll('mark.entity-mention.selected')].map(m => m.textContent)",
        )
        .await;
    let selected: Vec<String> = serde_json::from_value(selected).unwrap();
    let count: usize = first.rsplit_once(' ').unwrap().1.parse().unwrap();
    assert_eq!(selected.len(), count, "{first}: {selected:?}");
    assert!(
        selected
            .iter()
            .all(|m| name.contains(m.as_str()) || m.split(' ').any(|w| name.contains(w))),
        "{name}: {selected:?}"
    );
    assert_eq!(
        app.script("return document.querySelector('[data-testid=reader-entity]').getAttribute('aria-pressed')")
            .await,
        serde_json::json!("true")
    );
    app.close().await;
}

/// Runs xdotool with `args` and returns what it printed.
fn xdotool(args: &[&str]) -> String {
    let output = std::process::Command::new("xdotool")
        .args(args)
        .output()
        .expect("cannot run xdotool: scripts/setup --tests installs it");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Position and size of the largest window whose title is `title`.
fn window_geometry(title: &str) -> Option<(i32, i32, i32, i32)> {
    let numbers = |line: &str, key: &str, separator: char| -> Option<(i32, i32)> {
        let value = line.trim().strip_prefix(key)?.split_whitespace().next()?;
        let (a, b) = value.split_once(separator)?;
        Some((a.parse().ok()?, b.parse().ok()?))
    };
    xdotool(&["search", "--name", &format!("^{title}$")])
        .split_whitespace()
        .filter_map(|window| {
            let text = xdotool(&["getwindowgeometry", window]);
            let (x, y) = text.lines().find_map(|l| numbers(l, "Position:", ','))?;
            let (w, h) = text.lines().find_map(|l| numbers(l, "Geometry:", 'x'))?;
            Some((x, y, w, h))
        })
        .max_by_key(|&(_, _, w, h)| w * h)
}

#[tokio::test(flavor = "multi_thread")]
async fn files_dragged_from_a_file_manager_and_dropped_on_the_window_are_imported() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let folder = tempfile::tempdir().unwrap();
    let dropped = folder.path().join("dropped-report.md");
    std::fs::copy(fixture("reordered/flood-herald.md"), &dropped).unwrap();

    let (screen_w, screen_h) = {
        let text = xdotool(&["getdisplaygeometry"]);
        let mut parts = text.split_whitespace().map(|n| n.parse::<i32>().unwrap());
        (parts.next().unwrap(), parts.next().unwrap())
    };
    let (x, y, w, h) = window_geometry("Parallax").expect("the app's window");
    // A window that drags the file as a file manager does (X drag and drop), in a corner, on top.
    let (source_x, source_y) = ((screen_w - 170).max(0), (screen_h - 90).max(0));
    let mut source = std::process::Command::new("/usr/bin/python3")
        .arg(fixture("drag_source.py"))
        .args([source_x.to_string(), source_y.to_string()])
        .arg(&dropped)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 with GTK (python3-gi): scripts/setup --tests installs it");
    let mut ready = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(source.stdout.take().unwrap()),
        &mut ready,
    )
    .unwrap();
    assert_eq!(ready.trim(), "ready");

    let (from_x, from_y) = (source_x + 80, source_y + 40);
    let (to_x, to_y) = (x + w.min(screen_w - x) / 3, y + h.min(screen_h - y) / 2);
    xdotool(&["mousemove", &from_x.to_string(), &from_y.to_string()]);
    xdotool(&["mousedown", "1"]);
    for step in 1..=8 {
        let px = from_x + (to_x - from_x) * step / 8;
        let py = from_y + (to_y - from_y) * step / 8;
        xdotool(&["mousemove", &px.to_string(), &py.to_string()]);
        std::thread::sleep(std::time::Duration::from_millis(80));
    }
    xdotool(&["mouseup", "1"]);

    app.wait_until(
        "[...document.querySelectorAll('[data-testid=library-item] .article-title')]
             .some(t => t.textContent.startsWith('River defences tested'))",
        "the dropped report is imported and listed",
    )
    .await;
    let _ = source.wait();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_that_is_not_one_is_left_untouched_and_another_can_be_started() {
    let garbage = b"These are notes, not an SQLite database.\n".to_vec();
    let mut library = std::path::PathBuf::new();
    let app = App::start_with(&[], |path| {
        std::fs::write(path, &garbage).unwrap();
        library = path.to_path_buf();
    })
    .await;
    app.wait_for("library-trouble").await;
    let message = app.wait_for("error-message").await.text().await.unwrap();
    assert!(
        message.contains("not a Parallax library"),
        "the window says why: '{message}'"
    );
    assert!(app
        .client
        .find_all(Locator::Css("[data-testid=library-item]"))
        .await
        .unwrap()
        .is_empty());

    app.wait_for("new-library-button")
        .await
        .click()
        .await
        .unwrap();
    let fresh = library.with_file_name("fresh.sqlite3");
    answer_file_dialog("New Library", &fresh).await;
    assert_eq!(
        app.wait_for_all("library-item", 8).await.len(),
        8,
        "a new library starts with the samples"
    );
    assert!(fresh.exists());
    app.wait_for("library-path").await;
    app.wait_until(
        &format!(
            "document.querySelector('[data-testid=library-path]').title === {}",
            serde_json::json!(fresh.display().to_string())
        ),
        "the window names the library it now shows",
    )
    .await;
    assert_eq!(
        std::fs::read(&library).unwrap(),
        garbage,
        "the file that is not a library was never overwritten"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_comparison_on_screen_is_exported_as_an_html_report_through_the_save_dialog() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    choose_value(&app, "export-format", "html").await;
    app.wait_for("export-button").await.click().await.unwrap();
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("kyiv-report.html");
    answer_file_dialog("Export Comparison", &target).await;
    app.wait_for("export-status").await;
    app.wait_until(
        "document.querySelector('[data-testid=export-status]').textContent.includes('kyiv-report.html')",
        "the window says the report was saved",
    )
    .await;
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(
        html.contains("Content-Security-Policy") && !html.contains("<script"),
        "a self-contained report without script"
    );
    assert!(
        html.contains("$150 million") && html.contains("Northgate Wire"),
        "the report holds the comparison"
    );
    app.close().await;
}

/// The titles the library list shows, top to bottom, once it has settled on `count` rows.
async fn listed_titles(app: &App, count: usize, why: &str) -> Vec<String> {
    let shown = app
        .poll(
            LISTED_TITLES,
            &format!("{why}: {count} articles listed"),
            |shown| shown.as_array().is_some_and(|rows| rows.len() == count),
        )
        .await;
    serde_json::from_value(shown).unwrap()
}

/// The titles of the library list's rows, top to bottom.
const LISTED_TITLES: &str = "return [...document.querySelectorAll('[data-testid=library-item]')].sort((a, b) => a.offsetTop - b.offsetTop).map(n => n.querySelector('.article-title').textContent)";

/// Types a date into a date field as the field's own editor would set it, and says it changed.
async fn set_date(app: &App, testid: &str, date: &str) {
    app.script(&format!(
        "const field = document.querySelector('[data-testid={testid}]'); field.value = '{date}'; field.dispatchEvent(new Event('change'))"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_library_list_narrows_by_outlet_event_and_dates_and_sorts_with_and_without_a_search() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let outlets = app
        .script("return [...document.querySelectorAll('[data-testid=filter-outlet] option')].map(o => [o.value, o.textContent])")
        .await;
    let outlets: Vec<(String, String)> = serde_json::from_value(outlets).unwrap();
    assert!(
        outlets.contains(&("Northgate Wire".into(), "Northgate Wire (1)".into())),
        "the outlet filter offers each outlet with its number of articles: {outlets:?}"
    );
    assert_eq!(
        outlets.len(),
        9,
        "all outlets, and the eight sample outlets"
    );

    choose_value(&app, "filter-outlet", "Northgate Wire").await;
    let titles = listed_titles(&app, 1, "one Northgate Wire report").await;
    assert!(
        titles[0].starts_with("US Army leaders in Kyiv"),
        "{titles:?}"
    );
    assert_eq!(
        app.script("return document.getElementById('article-count').textContent")
            .await,
        "(1 of 8)"
    );

    app.wait_for("filter-clear").await.click().await.unwrap();
    listed_titles(&app, 8, "clearing the filters lists everything again").await;

    let bridge_event = app
        .script("return [...document.querySelectorAll('[data-testid=filter-event] option')].find(o => o.textContent.includes('Harbour Bridge')).value")
        .await;
    app.wait_for("filter-event")
        .await
        .select_by_value(bridge_event.as_str().unwrap())
        .await
        .unwrap();
    let titles = listed_titles(&app, 3, "the harbour bridge event").await;
    assert!(
        titles.iter().all(|t| t.contains("Harbour Bridge")),
        "{titles:?}"
    );
    assert!(
        titles[0].starts_with("Harbour Bridge closure approved"),
        "newest first: {titles:?}"
    );
    choose_value(&app, "library-sort", "oldest").await;
    app.poll(
        LISTED_TITLES,
        "the event's three reports, oldest first",
        |titles| {
            titles.as_array().is_some_and(|rows| {
                rows.len() == 3
                    && rows[0]
                        .as_str()
                        .is_some_and(|t| t.starts_with("Harbour Bridge to shut in January"))
            })
        },
    )
    .await;

    app.wait_for("filter-clear").await.click().await.unwrap();
    set_date(&app, "filter-since", "2025-11-20").await;
    listed_titles(&app, 4, "published on or after 20 November").await;
    set_date(&app, "filter-until", "2025-11-19").await;
    set_date(&app, "filter-since", "2025-10-15").await;
    let titles = listed_titles(&app, 3, "published from 15 October to 19 November").await;
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("US Army leaders in Kyiv")),
        "the last day counts whole (21:40 on 19 November): {titles:?}"
    );

    app.wait_for("library-search")
        .await
        .send_keys("Kyiv")
        .await
        .unwrap();
    let titles = listed_titles(&app, 1, "Kyiv reports from 15 October to 19 November").await;
    assert!(
        titles[0].starts_with("US Army leaders in Kyiv"),
        "{titles:?}"
    );
    let sort = app
        .script("const sort = document.querySelector('[data-testid=library-sort]'); return [sort.value, sort.querySelector('option[value=relevance]').disabled]")
        .await;
    assert_eq!(
        sort,
        serde_json::json!(["relevance", false]),
        "searching orders by best match"
    );
    let marked = app
        .script("return [...document.querySelectorAll('[data-testid=library-item]')].every(n => n.querySelector('.article-snippet mark'))")
        .await;
    assert_eq!(marked, true, "each hit marks the words found");
    app.wait_for("filter-clear").await.click().await.unwrap();
    listed_titles(&app, 5, "the search alone finds the five Kyiv reports").await;
    choose_value(&app, "filter-outlet", "The Lakeshore Ledger").await;
    let titles = listed_titles(&app, 1, "the search narrowed to one outlet").await;
    assert!(titles[0].starts_with("Army secretary leads"), "{titles:?}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_file_an_import_could_not_read_is_listed_with_its_reason_until_dismissed() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("blank.txt"), "").unwrap();
    std::fs::write(
        folder.path().join("noise.txt"),
        (0..3000u32)
            .map(|n| (n * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::copy(
        fixture("harbour-ferry.md"),
        folder.path().join("harbour-ferry.md"),
    )
    .unwrap();
    let app = App::start(&[folder.path().display().to_string()]).await;
    let panel = app.wait_for("import-errors").await;
    let rows = app.wait_for_all("import-error", 2).await;
    assert_eq!(
        rows.len(),
        2,
        "one row per file that failed, none for the good one"
    );
    let shown = app
        .script("return [...document.querySelectorAll('[data-testid=import-error]')].map(r => [r.querySelector('.import-error-file').textContent, r.querySelector('.import-error-reason').textContent])")
        .await;
    let mut shown: Vec<(String, String)> = serde_json::from_value(shown).unwrap();
    shown.sort();
    assert_eq!(shown[0].0, "blank.txt");
    assert!(shown[0].1.contains("empty"), "{shown:?}");
    assert_eq!(shown[1].0, "noise.txt");
    assert!(
        !shown[1].1.is_empty() && !shown[1].1.contains("empty"),
        "each row has its own reason: {shown:?}"
    );
    assert!(
        panel
            .text()
            .await
            .unwrap()
            .contains("2 files could not be imported"),
        "the panel says how many failed"
    );
    app.wait_for_all("library-item", 9).await;

    let selected = app
        .script("const reason = document.querySelector('[data-testid=import-error] .import-error-reason');
                 const range = document.createRange(); range.selectNodeContents(reason);
                 const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
                 return [selection.toString(), reason.textContent, getComputedStyle(reason).webkitUserSelect || getComputedStyle(reason).userSelect]")
        .await;
    assert_eq!(selected[0], selected[1], "a reason can be selected to copy");
    assert_ne!(selected[2], "none");
    let focusable = app
        .script("return [...document.querySelectorAll('[data-testid=import-error]')].every(r => r.tabIndex === 0)")
        .await;
    assert_eq!(focusable, true, "every row is reached with Tab");

    let dismiss = app.wait_for("import-errors-dismiss").await;
    app.script("document.querySelector('[data-testid=import-errors-dismiss]').focus()")
        .await;
    dismiss.send_keys("\u{E007}").await.unwrap();
    app.wait_until(
        "document.querySelector('[data-testid=import-errors]').hidden",
        "Enter on Dismiss hides the panel",
    )
    .await;
    assert!(app
        .client
        .find_all(Locator::Css("[data-testid=import-error]"))
        .await
        .unwrap()
        .is_empty());
    app.close().await;
}

/// Each connector's ends, checked against the cells holding the sentences it joins: `[left pane, right pane, left
/// sentences, right sentences, largest gap in pixels between the band and the cells' edges]`.
const CONNECTOR_GEOMETRY: &str = "
    const panes = [...document.querySelectorAll('[data-testid=compare-pane]')];
    const cell = (pane, sentences) => {
      const wanted = sentences.split(',');
      const rects = [...panes[pane].querySelectorAll('.cell[data-sentences]')]
        .filter(c => c.dataset.sentences.split(',').some(s => wanted.includes(s)))
        .map(c => c.getBoundingClientRect());
      return { top: Math.min(...rects.map(r => r.top)), bottom: Math.max(...rects.map(r => r.bottom)) };
    };
    return [...document.querySelectorAll('[data-testid=connector]')].map(path => {
      const d = path.dataset;
      const band = path.getBoundingClientRect();
      const left = cell(Number(d.leftPane), d.leftSentences);
      const right = cell(Number(d.rightPane), d.rightSentences);
      const gap = Math.max(
        Math.abs(band.top - Math.min(left.top, right.top)),
        Math.abs(band.bottom - Math.max(left.bottom, right.bottom)),
        Math.abs(band.left - panes[Number(d.leftPane)].getBoundingClientRect().right),
        Math.abs(band.right - panes[Number(d.rightPane)].getBoundingClientRect().left));
      return [Number(d.leftPane), Number(d.rightPane), d.leftSentences, d.rightSentences, gap];
    })";

type ConnectorEnds = (usize, usize, String, String, f64);

async fn connectors(app: &App) -> Vec<ConnectorEnds> {
    let found = app.script(CONNECTOR_GEOMETRY).await;
    let mut found: Vec<ConnectorEnds> = serde_json::from_value(found).unwrap();
    found.sort_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn connectors_join_the_sentences_two_reports_tell_in_another_order() {
    let app = App::start(&[
        fixture("reordered/flood-courier.md").display().to_string(),
        fixture("reordered/flood-herald.md").display().to_string(),
    ])
    .await;
    app.wait_for_all("library-item", 10).await;
    app.wait_for_all("compare-pane", 5).await;
    let sample = connectors(&app).await;
    assert!(
        !sample.is_empty(),
        "the sample event tells some facts in another order"
    );
    assert!(
        sample.iter().all(|c| c.1 == c.0 + 1),
        "connectors run between adjacent panes: {sample:?}"
    );

    let ids = compare_articles(&app, &["Flood barrier closes", "River defences tested"]).await;
    app.poll(
        "return [...document.querySelectorAll('[data-testid=compare-pane]')].map(p => p.dataset.articleId)",
        "the two flood reports are compared",
        |shown| shown == &serde_json::json!(ids),
    )
    .await;
    app.wait_for_all("connector", 2).await;
    let expected = [(0, 1, "4", "0"), (0, 1, "5", "1")];
    let check = |found: &[ConnectorEnds], when: &str| {
        let ends: Vec<(usize, usize, &str, &str)> = found
            .iter()
            .map(|c| (c.0, c.1, c.2.as_str(), c.3.as_str()))
            .collect();
        assert_eq!(
            ends, expected,
            "{when}: the paragraph the Herald tells first (its sentences 0 and 1) joins the Courier's last (4 and 5), and nothing else"
        );
        assert!(
            found.iter().all(|c| c.4 < 1.5),
            "{when}: each band meets the cells it joins: {found:?}"
        );
    };
    check(&connectors(&app).await, "as drawn");

    let pane_width =
        "return document.querySelector('[data-testid=compare-pane]').getBoundingClientRect().width";
    let wide = app.script(pane_width).await.as_f64().unwrap();
    app.client.set_window_size(760, 700).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let narrow = app.script(pane_width).await.as_f64().unwrap();
    assert!(
        narrow < wide - 20.0,
        "the panes narrowed: {wide} -> {narrow}"
    );
    let scrolled = app
        .script("const cells = document.querySelectorAll('[data-testid=compare-pane] .cell'); const last = cells[cells.length - 1];
                 const before = last.getBoundingClientRect().top; last.scrollIntoView({ block: 'end', inline: 'end' });
                 return before - last.getBoundingClientRect().top")
        .await
        .as_f64()
        .unwrap();
    assert!(scrolled > 0.0, "the panes scrolled ({scrolled} px)");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    check(
        &connectors(&app).await,
        "after the window narrowed and the panes scrolled",
    );

    app.click("input[data-layer=connectors]").await;
    let shown = app
        .script("return getComputedStyle(document.querySelector('svg.connectors')).display")
        .await;
    assert_eq!(shown, "none", "the connectors layer switches off");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_coverage_summary_says_what_all_report_what_one_does_who_is_quoted_and_how_far_they_name_the_same(
) {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    let summary = app.wait_for("coverage-summary").await;

    app.click("[data-testid=coverage-all] summary").await;
    let statements = app
        .script("return document.querySelectorAll('[data-testid=coverage-all] [data-testid=coverage-statement]').length")
        .await
        .as_u64()
        .unwrap();
    let label = app.text("[data-testid=coverage-all] summary").await;
    assert!(
        statements > 0 && label.ends_with(&format!("({statements})")),
        "the heading counts the statements listed: '{label}', {statements} listed"
    );
    app.click("[data-testid=coverage-all] [data-testid=coverage-statement]")
        .await;
    let marked = app
        .script("return [...document.querySelectorAll('[data-testid=compare-pane]')].filter(p => p.querySelector('.cell.current')).length")
        .await;
    assert_eq!(
        marked, 5,
        "a statement every outlet reports is shown in all five reports"
    );

    let only = app
        .script("return [...document.querySelectorAll('[data-testid=coverage-only]')].map(d => [Number(d.dataset.article), d.querySelector('summary').textContent, d.querySelectorAll('[data-testid=coverage-only-sentence]').length])")
        .await;
    let only: Vec<(usize, String, usize)> = serde_json::from_value(only).unwrap();
    assert_eq!(
        only.iter().map(|o| o.0).collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 4],
        "one list per outlet"
    );
    assert!(
        only.iter()
            .all(|(_, label, count)| label.ends_with(&format!("({count})"))),
        "{only:?}"
    );
    assert!(
        only.iter().any(|o| o.2 > 0),
        "some outlet reports what no other does: {only:?}"
    );
    let (lone, _, _) = only.iter().find(|o| o.2 > 0).unwrap();
    for target in ["summary", "[data-testid=coverage-only-sentence]"] {
        let css = format!("[data-testid=coverage-only][data-article='{lone}'] {target}");
        app.script(&format!(
            "document.querySelector(\"{css}\").scrollIntoView({{ block: 'center' }})"
        ))
        .await;
        app.click(&css).await;
    }
    let current = app
        .script("return [...document.querySelectorAll('.cell.current')].map(c => [[...document.querySelectorAll('[data-testid=compare-pane]')].indexOf(c.closest('[data-testid=compare-pane]')), c.dataset.testid])")
        .await;
    assert_eq!(
        current,
        serde_json::json!([[lone, "only-here"]]),
        "a sentence only one outlet has is shown in its report alone"
    );

    let quotes = app
        .script("const outlets = [...document.querySelectorAll('[data-testid=compare-pane] .pane-outlet')].map(n => n.textContent);
                 return [...document.querySelectorAll('[data-testid=quote-row]')].map(r => [r.dataset.speaker, [...r.querySelectorAll('.quote-outlet')].map(o => [outlets[Number(o.dataset.article)], Number(o.dataset.quotes)])])")
        .await;
    let quotes: Vec<(String, Vec<(String, usize)>)> = serde_json::from_value(quotes).unwrap();
    let oyelaran = quotes
        .iter()
        .find(|(speaker, _)| speaker == "Miriam Oyelaran")
        .unwrap_or_else(|| panic!("the Ledger quotes Miriam Oyelaran: {quotes:?}"));
    assert_eq!(
        oyelaran.1,
        vec![("The Lakeshore Ledger".to_string(), 2)],
        "Miriam Oyelaran is quoted twice in the Ledger, nowhere else: {quotes:?}"
    );
    app.script("document.querySelector('[data-testid=quote-row][data-speaker=\"Miriam Oyelaran\"]').click()")
        .await;
    let current = app
        .script("return [...document.querySelectorAll('.cell.current')].map(c => c.closest('[data-testid=compare-pane]').querySelector('.pane-outlet').textContent)")
        .await;
    let current: Vec<String> = serde_json::from_value(current).unwrap();
    assert!(
        !current.is_empty() && current.iter().all(|o| o == "The Lakeshore Ledger"),
        "choosing a speaker shows the quotations in the Ledger: {current:?}"
    );

    let kinds = app
        .script("return [...document.querySelectorAll('[data-testid=overlap-kind]')].map(k => [k.dataset.kind, Number(k.dataset.score), Number(k.dataset.named), k.textContent, !!k.querySelector('meter')])")
        .await;
    let kinds: Vec<(String, f64, usize, String, bool)> = serde_json::from_value(kinds).unwrap();
    assert_eq!(
        kinds.iter().map(|k| k.0.as_str()).collect::<Vec<_>>(),
        vec!["person", "organization", "place"],
        "a score for people, organisations and places"
    );
    // A kind nobody names shows no bar: a full bar would read as full agreement.
    assert!(
        kinds.iter().all(|(_, score, named, text, meter)| {
            (0.0..=1.0).contains(score)
                && if *named > 0 {
                    *meter && text.contains(&format!(" of {named} named by all"))
                } else {
                    !*meter && text.ends_with("none named")
                }
        }),
        "{kinds:?}"
    );
    assert!(summary
        .text()
        .await
        .unwrap()
        .contains("Named by every report"));
    assert!(
        !app.wait_for_all("entity-row", 1).await.is_empty(),
        "the entity x outlet matrix"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_of_many_events_lists_them_a_hundred_at_a_time() {
    let folder = tempfile::tempdir().unwrap();
    // Each report in words of its own, so none joins another's event.
    for n in 0..140u32 {
        let word = |k: u32| {
            let mut x = n * 977 + k * 131 + 7;
            (0..7)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    char::from(b'a' + ((x >> 16) % 26) as u8)
                })
                .collect::<String>()
        };
        let text = format!(
            "{} {} report\n\nThe {} council named {} and {} on Monday. {} {} said the {} would open.\n",
            word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7)
        );
        std::fs::write(folder.path().join(format!("report-{n:03}.txt")), text).unwrap();
    }
    let app = App::start(&[folder.path().display().to_string()]).await;
    let total = app
        .poll(
            "const more = document.querySelector('[data-testid=more-events]'); return more ? more.textContent : null",
            "'Show more' after importing 140 separate reports",
            |total| total.is_string(),
        )
        .await;
    let total = total.as_str().unwrap().to_string();
    let listed = app
        .client
        .find_all(Locator::Css("[data-testid=event-item]"))
        .await
        .unwrap()
        .len();
    assert_eq!(listed, 100, "the first hundred events are listed");
    let events: usize = app
        .script("return document.querySelectorAll('[data-testid=filter-event] option').length - 1")
        .await
        .as_u64()
        .unwrap() as usize;
    assert!(
        total.ends_with(&format!("{} older events", events - 100)),
        "'{total}' counts the events not listed ({events} in all)"
    );
    app.click("[data-testid=more-events]").await;
    let listed = app
        .client
        .find_all(Locator::Css("[data-testid=event-item]"))
        .await
        .unwrap()
        .len();
    assert_eq!(listed, events.min(200), "Show more lists the next ones");
    let focused = app
        .script("return document.activeElement.dataset.testid")
        .await;
    assert_eq!(
        focused, "event-item",
        "focus moves to the first event shown"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_just_imported_is_brought_into_view_beyond_the_first_page() {
    let folder = tempfile::tempdir().unwrap();
    for n in 0..300 {
        let text = format!(
            "Quay log {n}\n\nThe quay office logged crate batch {n} at shed {} on Tuesday.\n",
            n % 12
        );
        std::fs::write(folder.path().join(format!("quay-{n:03}.txt")), text).unwrap();
    }
    let late = tempfile::tempdir().unwrap();
    let file = late.path().join("lighthouse.txt");
    std::fs::write(
        &file,
        "Lighthouse keeper retires\n\nThe last keeper of the north lighthouse retired after forty years on the rock.\n",
    )
    .unwrap();
    let app = App::start(&[folder.path().display().to_string()]).await;
    app.poll(
        "return document.getElementById('article-count').textContent",
        "the 300 logs are listed",
        |count| count == "(308)",
    )
    .await;
    app.wait_for("import-button").await.click().await.unwrap();
    answer_file_dialog("Open Articles", &file).await;
    let shown = app
        .poll(
            "const list = document.getElementById('library-list').getBoundingClientRect();
             const item = document.querySelector('[data-testid=library-item].just-imported');
             if (!item) return null;
             const box = item.getBoundingClientRect();
             // Within a pixel: the list's height can be fractional while it scrolls by whole pixels.
             return [item.querySelector('.article-title').textContent, box.top >= list.top - 1 && box.bottom <= list.bottom + 1, parseFloat(item.style.top)]",
            "the article just imported is brought into view",
            |shown| shown[1] == true && shown[0] == "Lighthouse keeper retires",
        )
        .await;
    assert_eq!(
        shown[2].as_f64().unwrap(),
        (308 * 76) as f64,
        "an undated article imported last stands last"
    );
    app.close().await;
}

/// Sends `keys` (WebDriver key codes allowed) to the element `css` finds.
async fn press(app: &App, css: &str, keys: &str) {
    app.client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no '{css}': {e}"))
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("cannot type into '{css}': {e}"));
}

/// Replaces the text of the field `css` finds with `text`, as typing would.
async fn retype(app: &App, css: &str, text: &str) {
    let field = app.client.find(Locator::Css(css)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(text).await.unwrap();
}

const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const DELETE: &str = "\u{E017}";
const CTRL_Z: &str = "\u{E009}z\u{E000}";

/// Opens the toolbar's Library menu and chooses the item `testid`.
async fn choose_from_library_menu(app: &App, testid: &str) {
    app.click("[data-testid=library-menu-button]").await;
    app.click(&format!("[data-testid={testid}]")).await;
}

/// Opens the article `id` in the reader and waits for it.
async fn open_in_reader(app: &App, id: &str) {
    app.click(&format!(
        "[data-testid=library-item][data-article-id='{id}'] .article-open"
    ))
    .await;
    app.wait_until(
        &format!(
            "document.querySelector(\"[data-testid=article-reader][data-article-id='{id}']\")"
        ),
        "the reader shows the article",
    )
    .await;
}

/// A script condition: the library list shows `n` articles.
fn listed_count_is(n: usize) -> String {
    format!("document.querySelectorAll('[data-testid=library-item]').length === {n}")
}

/// The ids of the listed articles, in the order the page holds them.
async fn listed_ids(app: &App) -> Vec<String> {
    let ids = app
        .script("return [...document.querySelectorAll('[data-testid=library-item]')].map(n => n.dataset.articleId)")
        .await;
    serde_json::from_value(ids).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_article_is_corrected_in_the_reader_and_a_bad_date_loses_nothing() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let id = listed_ids(&app).await.remove(0);
    open_in_reader(&app, &id).await;

    // The E key opens the form; Escape leaves it without saving.
    press(&app, "#main", "e").await;
    app.wait_for("edit-form").await;
    retype(&app, "[data-testid=edit-title]", "Not kept").await;
    press(&app, "[data-testid=edit-title]", ESCAPE).await;
    app.wait_until(
        "!document.querySelector('[data-testid=edit-form]')",
        "Escape closes the form",
    )
    .await;
    assert_ne!(app.text("[data-testid=reader-title]").await, "Not kept");
    assert_eq!(
        app.script("return document.activeElement.dataset.testid")
            .await,
        "edit-article",
        "the focus returns to the Edit button"
    );

    app.click("[data-testid=edit-article]").await;
    retype(
        &app,
        "[data-testid=edit-title]",
        "Army chief in Kyiv, corrected",
    )
    .await;
    retype(&app, "[data-testid=edit-outlet]", "Ledger of the Lakes").await;
    retype(&app, "[data-testid=edit-published]", "2025-19-44").await;
    app.click("[data-testid=edit-save]").await;
    app.wait_until(
        "!document.querySelector('[data-testid=edit-error]').hidden",
        "a bad date is refused with a message",
    )
    .await;
    let error = app.text("[data-testid=edit-error]").await;
    assert!(
        error.contains("2025-19-44") && error.contains("not a date"),
        "{error}"
    );
    let kept = app
        .script("return ['title', 'outlet', 'published'].map(f => document.querySelector(`[data-testid=edit-${f}]`).value)")
        .await;
    assert_eq!(
        kept,
        serde_json::json!([
            "Army chief in Kyiv, corrected",
            "Ledger of the Lakes",
            "2025-19-44"
        ]),
        "nothing typed is lost"
    );

    retype(&app, "[data-testid=edit-published]", "2025-11-21").await;
    press(&app, "[data-testid=edit-published]", ENTER).await;
    app.wait_until(
        "document.querySelector('[data-testid=corrected-fields]')",
        "the saved article says what was corrected",
    )
    .await;
    assert_eq!(
        app.text("[data-testid=reader-title]").await,
        "Army chief in Kyiv, corrected"
    );
    let meta = app.text("[data-testid=reader-meta]").await;
    assert!(
        meta.contains("Ledger of the Lakes") && meta.contains("2025-11-21"),
        "{meta}"
    );
    let corrected = app
        .script("return document.querySelector('[data-testid=corrected-fields]').dataset.fields")
        .await;
    assert_eq!(corrected, "outlet,published,title");
    app.wait_until(
        &format!("[...document.querySelectorAll(\"[data-testid=library-item][data-article-id='{id}']\")].some(n => n.textContent.includes('Army chief in Kyiv, corrected') && n.textContent.includes('Ledger of the Lakes · 2025-11-21'))"),
        "the list shows the corrected title, outlet and date",
    )
    .await;
    app.wait_until(
        "[...document.querySelectorAll('[data-testid=filter-outlet] option')].some(o => o.value === 'Ledger of the Lakes')",
        "the outlet filter offers the corrected outlet",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deleted_articles_go_to_the_trash_come_back_with_undo_and_the_trash_empties_on_request() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let ids = listed_ids(&app).await;

    // Two checked articles, the Delete key, then the toast's Undo.
    for id in &ids[..2] {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    press(
        &app,
        &format!(
            "[data-testid=library-item][data-article-id='{}'] input[type=checkbox]",
            ids[1]
        ),
        DELETE,
    )
    .await;
    app.wait_until(&listed_count_is(6), "two articles leave the list")
        .await;
    assert_eq!(
        app.text("[data-testid=toast-message]").await,
        "Moved 2 articles to trash"
    );
    app.click("[data-testid=toast-action]").await;
    app.wait_until(&listed_count_is(8), "Undo brings both back")
        .await;

    // The reader's button, then Ctrl+Z.
    open_in_reader(&app, &ids[2]).await;
    app.click("[data-testid=reader-delete]").await;
    app.wait_until(
        &listed_count_is(7),
        "the article in the reader leaves the list",
    )
    .await;
    press(&app, "body", CTRL_Z).await;
    app.wait_until(&listed_count_is(8), "Ctrl+Z brings it back")
        .await;
    app.wait_until(
        &format!(
            "document.querySelector(\"[data-testid=article-reader][data-article-id='{}']\")",
            ids[2]
        ),
        "the restored article is shown again",
    )
    .await;

    // The Trash view restores one and empties the rest after a confirmation.
    for id in &ids[3..5] {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    app.click("[data-testid=delete-button]").await;
    app.wait_until(
        &listed_count_is(6),
        "the toolbar button moves the checked articles",
    )
    .await;
    choose_from_library_menu(&app, "trash-button").await;
    app.wait_for("trash-view").await;
    assert_eq!(app.wait_for_all("trash-item", 2).await.len(), 2);
    app.click(&format!(
        "[data-testid=trash-item][data-article-id='{}'] [data-testid=trash-restore]",
        ids[3]
    ))
    .await;
    app.wait_until(
        &listed_count_is(7),
        "Restore brings the article back to the list",
    )
    .await;
    app.wait_until(
        "document.querySelectorAll('[data-testid=trash-item]').length === 1",
        "the trash lists the one left",
    )
    .await;
    app.click("[data-testid=trash-empty]").await;
    let question = app.text("[data-testid=trash-confirm]").await;
    assert!(question.contains("Delete 1 article for good"), "{question}");
    app.click("[data-testid=trash-empty-cancel]").await;
    assert_eq!(app.count("trash-item").await, 1, "Cancel keeps the trash");
    app.click("[data-testid=trash-empty]").await;
    app.click("[data-testid=trash-empty-confirm]").await;
    app.wait_for("trash-empty-state").await;
    assert!(app
        .text("[data-testid=trash-status]")
        .await
        .contains("Deleted 1 article for good"));
    assert_eq!(listed_ids(&app).await.len(), 7);
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    assert!(library.trash().unwrap().is_empty());
    assert!(
        library.article(ids[4].parse().unwrap()).is_err(),
        "gone for good"
    );
    assert_eq!(every_article(&library).len(), 7);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_added_in_the_reader_narrow_the_library_list() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let ids = listed_ids(&app).await;
    for (id, tag) in [(&ids[0], "Follow up"), (&ids[1], "follow UP, army")] {
        open_in_reader(&app, id).await;
        retype(&app, "[data-testid=tag-input]", tag).await;
        press(&app, "[data-testid=tag-input]", ENTER).await;
        app.wait_until(
            "document.querySelector('[data-testid=tag-chip]')",
            "the tag shows in the reader",
        )
        .await;
    }
    let chips = app
        .script("return [...document.querySelectorAll('[data-testid=tag-chip]')].map(n => n.dataset.tag)")
        .await;
    // A tag the library knows keeps its first spelling.
    assert_eq!(chips, serde_json::json!(["army", "Follow up"]));
    assert_eq!(
        app.script("return document.activeElement.dataset.testid")
            .await,
        "tag-input",
        "the focus stays in the tag field for the next tag"
    );

    app.wait_until(
        "[...document.querySelectorAll('[data-testid=filter-tag] option')].some(o => o.textContent === 'Follow up (2)')",
        "the tag filter offers the tag once, with both articles",
    )
    .await;
    choose_value(&app, "filter-tag", "Follow up").await;
    app.wait_until(
        &listed_count_is(2),
        "the list narrows to the tagged articles",
    )
    .await;
    // Cleared, the same tag can be chosen again; a tag in the reader lists its articles too.
    app.click("[data-testid=filter-clear]").await;
    app.wait_until(&listed_count_is(8), "every article is listed again")
        .await;
    choose_value(&app, "filter-tag", "Follow up").await;
    app.wait_until(
        &listed_count_is(2),
        "the tag chosen again after Clear filters narrows the list",
    )
    .await;
    app.click("[data-testid=tag-chip][data-tag='army'] [data-testid=tag-filter]")
        .await;
    app.wait_until(
        &format!(
            "{} && document.querySelector('[data-testid=filter-tag]').value === 'army'",
            listed_count_is(1)
        ),
        "the reader's tag narrows the list",
    )
    .await;
    choose_value(&app, "filter-tag", "Follow up").await;
    app.wait_until(
        &listed_count_is(2),
        "choosing the tag in the filter again narrows the list to both",
    )
    .await;
    let mut shown = listed_ids(&app).await;
    shown.sort();
    let mut tagged = vec![ids[0].clone(), ids[1].clone()];
    tagged.sort();
    assert_eq!(shown, tagged);

    // Removing the tag in the reader (shown: ids[1]) narrows the list further.
    app.click("[data-testid=tag-chip][data-tag='Follow up'] [data-testid=tag-remove]")
        .await;
    app.wait_until(
        &listed_count_is(1),
        "the untagged article leaves the narrowed list",
    )
    .await;
    assert_eq!(listed_ids(&app).await, vec![ids[0].clone()]);
    app.click("[data-testid=filter-clear]").await;
    app.wait_until(
        &listed_count_is(8),
        "Clear filters lists every article again",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_outlet_is_renamed_and_merging_into_another_is_said_first() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    // The first launch shows the sample event compared, Northgate Wire among its reports.
    let outlets_shown =
        "[...document.querySelectorAll('[data-testid=compare-pane] .pane-outlet')].map(p => p.textContent)";
    app.wait_until(
        &format!("{outlets_shown}.includes('Northgate Wire')"),
        "the sample comparison names Northgate Wire",
    )
    .await;
    choose_from_library_menu(&app, "outlets-button").await;
    app.wait_for("outlets-dialog").await;
    app.click("[data-testid=outlet-row][data-outlet='Northgate Wire'] [data-testid=outlet-rename]")
        .await;
    retype(&app, "[data-testid=outlet-new-name]", "Northgate").await;
    press(&app, "[data-testid=outlet-new-name]", ENTER).await;
    app.wait_until(
        "document.querySelector(\"[data-testid=outlet-row][data-outlet='Northgate']\")",
        "the outlet is listed under its new name",
    )
    .await;
    assert!(app
        .text("[data-testid=outlets-status]")
        .await
        .starts_with("Renamed “Northgate Wire” to “Northgate”"));
    app.wait_until(
        &format!(
            "{outlets_shown}.includes('Northgate') && !{outlets_shown}.includes('Northgate Wire')"
        ),
        "the comparison on screen names the outlet by its new name",
    )
    .await;

    app.click("[data-testid=outlet-row][data-outlet='Northgate'] [data-testid=outlet-rename]")
        .await;
    retype(&app, "[data-testid=outlet-new-name]", "The Meridian Post").await;
    press(&app, "[data-testid=outlet-new-name]", ENTER).await;
    let warning = app.wait_for("outlet-merge-warning").await;
    let said = warning.text().await.unwrap();
    assert!(
        said.contains("“The Meridian Post” is already an outlet") && said.contains("merges"),
        "{said}"
    );
    assert!(
        app.client
            .find(Locator::Css(
                "[data-testid=outlet-row][data-outlet='Northgate']"
            ))
            .await
            .is_ok(),
        "nothing is merged before the user confirms"
    );
    app.click("[data-testid=outlet-confirm-merge]").await;
    app.wait_until(
        "!document.querySelector(\"[data-testid=outlet-row][data-outlet='Northgate']\")",
        "the merged outlet is gone",
    )
    .await;
    assert!(app
        .text("[data-testid=outlets-status]")
        .await
        .starts_with("Merged “Northgate” into “The Meridian Post”"));
    let meridian = app
        .text("[data-testid=outlet-row][data-outlet='The Meridian Post'] .count")
        .await;
    assert_eq!(meridian, "2 articles");
    press(&app, "[data-testid=outlets-close]", ESCAPE).await;
    app.wait_until(
        "!document.querySelector('[data-testid=outlets-dialog]')",
        "Escape closes the dialog",
    )
    .await;
    app.wait_until(
        "[...document.querySelectorAll('[data-testid=filter-outlet] option')].some(o => o.textContent === 'The Meridian Post (2)') && ![...document.querySelectorAll('[data-testid=filter-outlet] option')].some(o => o.value.startsWith('Northgate'))",
        "the outlet filter follows",
    )
    .await;
    app.close().await;
}

/// Chooses the sentence cell `css` finds in the compare view, brought into view first: with a
/// click, or (`keyboard`) focused and Enter.
async fn choose_sentence(app: &App, css: &str, keyboard: bool) {
    app.script(&format!(
        "document.querySelector({css:?}).scrollIntoView({{ block: 'center', inline: 'center' }})"
    ))
    .await;
    if keyboard {
        app.script(&format!("document.querySelector({css:?}).focus()"))
            .await;
        press(app, css, ENTER).await;
    } else {
        app.click(css).await;
    }
    app.wait_until(
        &format!("document.querySelector({css:?}).classList.contains('link-chosen')"),
        "the sentence is chosen",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn sentences_are_linked_and_unlinked_in_the_compare_view_and_undone() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    // Two columns that each have a sentence no other report covers.
    let columns = app
        .script("return [...new Set([...document.querySelectorAll('[data-testid=only-here]')].map(n => Number(n.dataset.column)))].sort((a, b) => a - b).slice(0, 2)")
        .await;
    let columns: Vec<usize> = serde_json::from_value(columns).unwrap();
    assert_eq!(
        columns.len(),
        2,
        "the sample has such sentences in two reports"
    );
    let (a, b) = (columns[0], columns[1]);
    let article_ids = app
        .script("return [...document.querySelectorAll('[data-testid=compare-pane]')].map(n => Number(n.dataset.articleId))")
        .await;
    let article_ids: Vec<i64> = serde_json::from_value(article_ids).unwrap();
    let sentence_of = |column: usize| {
        format!("return Number(document.querySelector('[data-testid=only-here][data-column=\"{column}\"]').dataset.sentences.split(',')[0])")
    };
    let left = app.script(&sentence_of(a)).await.as_u64().unwrap() as usize;
    let right = app.script(&sentence_of(b)).await.as_u64().unwrap() as usize;

    choose_sentence(
        &app,
        &format!("[data-testid=only-here][data-column='{a}']"),
        false,
    )
    .await;
    choose_sentence(
        &app,
        &format!("[data-testid=only-here][data-column='{b}']"),
        true,
    )
    .await;
    assert!(app
        .text("[data-testid=link-status]")
        .await
        .starts_with("Link (L)"));
    press(&app, "body", "l").await;
    let by_user = format!(
        "document.querySelector('.cell[data-by-user][data-column=\"{a}\"]') && document.querySelector('.cell[data-by-user][data-column=\"{b}\"]')"
    );
    app.wait_until(&by_user, "the linked sentences are marked in both panes")
        .await;
    assert!(app
        .text("[data-testid=link-status]")
        .await
        .starts_with("Linked sentence"));
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let overrides = || {
        library
            .alignment_overrides(article_ids[a], article_ids[b])
            .unwrap()
            .iter()
            .map(|o| (o.left.sentence, o.right.sentence, o.linked))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        overrides(),
        vec![(left, right, true)],
        "the link is kept in the library"
    );

    choose_sentence(
        &app,
        &format!(".cell[data-by-user][data-column='{a}']"),
        true,
    )
    .await;
    choose_sentence(
        &app,
        &format!(".cell[data-by-user][data-column='{b}']"),
        false,
    )
    .await;
    app.click("[data-testid=unlink-sentences]").await;
    app.wait_until(
        &format!("!({by_user})"),
        "Unlink separates the sentences again",
    )
    .await;
    assert_eq!(overrides(), vec![(left, right, false)]);

    app.click("[data-testid=undo-link]").await;
    app.wait_until(&by_user, "Undo takes the unlink back").await;
    assert_eq!(overrides(), vec![(left, right, true)]);
    press(&app, "body", CTRL_Z).await;
    app.wait_until(&format!("!({by_user})"), "Ctrl+Z takes the link back")
        .await;
    assert_eq!(overrides(), vec![]);
    assert!(app
        .text("[data-testid=link-status]")
        .await
        .starts_with("Undone: Linked"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cell_of_two_sentences_is_linked_whole() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    // A cell holding two sentences (one report says in two what another says in one), and a
    // sentence of another report that nothing is aligned with.
    let found = app
        .script(
            "const many = document.querySelector('.cell[data-sentences*=\",\"]');
             const lone = [...document.querySelectorAll('[data-testid=only-here]')].find(n => n.dataset.column !== many.dataset.column);
             many.id = 'many'; lone.id = 'lone';
             return [Number(many.dataset.column), many.dataset.sentences.split(',').map(Number),
                     Number(lone.dataset.column), Number(lone.dataset.sentences.split(',')[0])];",
        )
        .await;
    let (many_column, many, lone_column, lone): (usize, Vec<usize>, usize, usize) =
        serde_json::from_value(found).unwrap();
    assert!(many.len() > 1, "the sample has a two-sentence cell");
    let article_ids: Vec<i64> = serde_json::from_value(
        app.script("return [...document.querySelectorAll('[data-testid=compare-pane]')].map(n => Number(n.dataset.articleId))")
            .await,
    )
    .unwrap();

    choose_sentence(&app, "#many", false).await;
    choose_sentence(&app, "#lone", true).await;
    press(&app, "body", "l").await;
    app.wait_until(
        "(document.querySelector('[data-testid=link-status]') || {}).textContent.startsWith('Linked sentences')",
        "the window says both sentences are linked",
    )
    .await;
    let (a, b) = (many_column.min(lone_column), many_column.max(lone_column));
    let mut expected: Vec<(usize, usize, bool)> = many
        .iter()
        .map(|&m| {
            if many_column == a {
                (m, lone, true)
            } else {
                (lone, m, true)
            }
        })
        .collect();
    expected.sort();
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let overrides = || {
        let mut found: Vec<(usize, usize, bool)> = library
            .alignment_overrides(article_ids[a], article_ids[b])
            .unwrap()
            .iter()
            .map(|o| (o.left.sentence, o.right.sentence, o.linked))
            .collect();
        found.sort();
        found
    };
    assert_eq!(
        overrides(),
        expected,
        "every sentence of the cell is linked"
    );
    let lone_cell =
        format!(".cell[data-by-user][data-column='{lone_column}'][data-sentences='{lone}']");
    app.wait_until(
        &format!("document.querySelector({lone_cell:?})"),
        "the lone sentence is marked as linked",
    )
    .await;

    press(&app, "body", CTRL_Z).await;
    app.wait_until(
        &format!("!document.querySelector({lone_cell:?})"),
        "Ctrl+Z takes both links back",
    )
    .await;
    assert_eq!(overrides(), vec![]);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_library_is_backed_up_exported_and_loaded_as_json_lines_through_dialogs() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    let folder = tempfile::tempdir().unwrap();

    choose_from_library_menu(&app, "backup-button").await;
    let backup = folder.path().join("copy.sqlite3");
    answer_file_dialog("Back Up Library", &backup).await;
    app.wait_until(
        "(document.querySelector('[data-testid=toast-message]') || {}).textContent === 'Backed up 8 articles to copy.sqlite3'",
        "the window says the backup is written",
    )
    .await;
    // A backup is an export task: its progress was shown in the export bar, which ends saying
    // what was saved.
    let (outcome, said) = export_outcome(&app, "the backup task ends").await;
    assert_eq!(outcome, "saved");
    assert!(
        said.contains("Backed up 8 articles to copy.sqlite3"),
        "{said}"
    );
    assert_eq!(
        app.script("return document.querySelector('[data-testid=export-progress]').dataset.stage")
            .await,
        serde_json::json!("backing-up")
    );
    let copy = parallax_library::Library::open(&backup).unwrap();
    assert_eq!(every_article(&copy).len(), 8);

    let dump = folder.path().join("all.jsonl");
    export_library_as_json_lines(&app, &dump, 8).await;
    assert_eq!(std::fs::read_to_string(&dump).unwrap().lines().count(), 8);

    // One article deleted for good, then the export loaded: it comes back, the rest are there.
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let gone = every_article(&library)[0].clone();
    library.delete(&[gone.id]).unwrap();
    library.empty_trash().unwrap();
    choose_from_library_menu(&app, "import-dump-button").await;
    answer_file_dialog("Import JSON Lines", &dump).await;
    app.wait_until(
        "document.getElementById('import-status').textContent === '1 imported · 7 already in the library'",
        "the load reports like an import",
    )
    .await;
    app.wait_until(
        &format!("[...document.querySelectorAll('[data-testid=library-item] .article-title')].some(n => n.textContent === {:?})", gone.title),
        "the article loaded is listed",
    )
    .await;
    assert_eq!(every_article(&library).len(), 8);
    app.close().await;
}

/// The events the window lists: `[id, title, article count]` each.
async fn listed_events(app: &App) -> Vec<(i64, String, usize)> {
    let rows = app
        .script(
            "return [...document.querySelectorAll('[data-testid=event-item]')].map(item => \
             [Number(item.dataset.eventId), item.querySelector('.event-title').textContent, Number(item.querySelector('.count').textContent)])",
        )
        .await;
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row[0].as_i64().unwrap(),
                row[1].as_str().unwrap().to_string(),
                row[2].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// Chooses `value` in the select `css` finds, as a person's choice would (a `change` follows).
async fn choose_option(app: &App, css: &str, value: &str) {
    app.script(&format!(
        "const select = document.querySelector({css:?}); select.value = {value:?}; select.dispatchEvent(new Event('change'))"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_event_is_renamed_an_article_moved_out_and_its_event_merged_back() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_for_all("event-item", 2).await;
    let before = listed_events(&app).await;
    assert_eq!(before.len(), 2, "{before:?}");
    let (kyiv, _, size) = before
        .iter()
        .find(|(_, title, _)| title.starts_with("US Army delegation in Kyiv"))
        .cloned()
        .expect("the sample event is listed");
    let (other, _, other_size) = before
        .iter()
        .find(|(id, _, _)| *id != kyiv)
        .cloned()
        .unwrap();
    assert!(size >= 2, "the sample event has articles to move: {size}");

    // Rename: an inline field, Escape leaves the name, Enter saves it.
    let row = format!("[data-testid=event-item][data-event-id='{kyiv}']");
    app.click(&format!("{row} [data-testid=event-rename]"))
        .await;
    retype(&app, "[data-testid=event-rename-input]", "Talks in Kyiv").await;
    press(&app, "[data-testid=event-rename-input]", ESCAPE).await;
    app.wait_until(
        "!document.querySelector('[data-testid=event-rename-input]')",
        "Escape closes the field",
    )
    .await;
    assert!(listed_events(&app)
        .await
        .iter()
        .any(|(id, title, _)| *id == kyiv && title.starts_with("US Army delegation")));
    app.click(&format!("{row} [data-testid=event-rename]"))
        .await;
    retype(&app, "[data-testid=event-rename-input]", "Talks in Kyiv").await;
    press(&app, "[data-testid=event-rename-input]", ENTER).await;
    app.wait_until(
        &format!("document.querySelector(\"{row} .event-title\")?.textContent === 'Talks in Kyiv'"),
        "the event is listed under its new name",
    )
    .await;
    app.wait_until(
        &format!("[...document.querySelectorAll('[data-testid=filter-event] option')].some(o => o.textContent === 'Talks in Kyiv ({size})')"),
        "the event filter follows",
    )
    .await;
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let saved = library.events().unwrap();
    assert!(
        saved
            .iter()
            .any(|e| e.id == kyiv && e.title == "Talks in Kyiv"),
        "the name is saved"
    );
    let moved = saved.iter().find(|e| e.id == kyiv).unwrap().articles[size - 1];
    drop(library);

    // Move one of its articles out, into a new event of its own.
    app.click(&format!(
        "[data-testid=library-item][data-article-id='{moved}'] .article-open"
    ))
    .await;
    app.wait_until(
        &format!("document.querySelector('[data-testid=article-reader]')?.dataset.articleId === '{moved}'"),
        "the reader shows the article",
    )
    .await;
    app.click("[data-testid=move-article]").await;
    let offered = app
        .script("return [...document.querySelectorAll('[data-testid=move-event-choice] option')].map(o => o.textContent)")
        .await;
    assert_eq!(offered[0], "A new event of its own", "{offered}");
    assert!(
        !offered
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o == "Talks in Kyiv"),
        "its own event is not offered: {offered}"
    );
    choose_option(&app, "[data-testid=move-event-choice]", "new").await;
    app.click("[data-testid=move-confirm]").await;
    app.wait_until(
        "document.querySelectorAll('[data-testid=event-item]').length === 3",
        "the article's new event is listed",
    )
    .await;
    app.wait_until(
        "document.querySelector('[data-testid=grouping-reason]')?.textContent === 'You put this article in its event.'",
        "the reader's grouping line says a person placed it",
    )
    .await;
    let three = listed_events(&app).await;
    assert!(
        three
            .iter()
            .any(|(id, title, n)| *id == kyiv && title == "Talks in Kyiv" && *n == size - 1),
        "{three:?}"
    );
    assert!(
        three
            .iter()
            .any(|(id, _, n)| *id == other && *n == other_size),
        "{three:?}"
    );
    let (split, _, _) = three
        .iter()
        .find(|(id, _, _)| *id != kyiv && *id != other)
        .cloned()
        .unwrap();
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let saved = library.events().unwrap();
    assert_eq!(saved.len(), 3);
    assert_eq!(
        saved.iter().find(|e| e.id == split).unwrap().articles,
        vec![moved],
        "the article is alone in its event"
    );
    drop(library);

    // Merge the new event back into the renamed one.
    let split_row = format!("[data-testid=event-item][data-event-id='{split}']");
    app.click(&format!("{split_row} [data-testid=event-merge]"))
        .await;
    choose_option(&app, "[data-testid=event-merge-choice]", &kyiv.to_string()).await;
    app.click("[data-testid=event-merge-confirm]").await;
    app.wait_until(
        "document.querySelectorAll('[data-testid=event-item]').length === 2",
        "the merged event is gone",
    )
    .await;
    let two = listed_events(&app).await;
    assert!(
        two.iter()
            .any(|(id, title, n)| *id == kyiv && title == "Talks in Kyiv" && *n == size),
        "{two:?}"
    );
    assert!(
        two.iter()
            .any(|(id, _, n)| *id == other && *n == other_size),
        "{two:?}"
    );
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let saved = library.events().unwrap();
    assert_eq!(saved.len(), 2);
    assert!(
        saved
            .iter()
            .find(|e| e.id == kyiv)
            .unwrap()
            .articles
            .contains(&moved),
        "the article is back in the renamed event"
    );
    app.close().await;
}

/// Four long reports of one hearing on orchards (about 14,000 words each, told a little differently), in
/// `folder`: their comparison takes a while, long enough to type meanwhile.
fn long_reports(folder: &std::path::Path) -> Vec<String> {
    const WORDS: &[&str] = &[
        "orchard",
        "beekeeper",
        "hive",
        "pollen",
        "meadow",
        "cider",
        "blossom",
        "frost",
        "apiary",
        "swarm",
        "queen",
        "honey",
        "wax",
        "grower",
        "pruning",
        "graft",
        "harvest",
        "cellar",
        "press",
        "barrel",
        "valley",
        "cooperative",
        "licence",
        "inspection",
        "yield",
    ];
    let mut state: u64 = 7;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    let sentences: Vec<Vec<&str>> = (0..1_200)
        .map(|_| (0..8 + next(9)).map(|_| WORDS[next(WORDS.len())]).collect())
        .collect();
    let editions = ["Northgate", "Sentinel", "Lakeshore", "Meridian"];
    editions
        .iter()
        .enumerate()
        .map(|(k, edition)| {
            let mut body = String::new();
            for (i, sentence) in sentences.iter().enumerate() {
                let mut sentence = sentence.clone();
                if i % 7 == k {
                    sentence[0] = WORDS[(i + k) % WORDS.len()];
                }
                let mut text = sentence.join(" ");
                text[..1].make_ascii_uppercase();
                body.push_str(&text);
                body.push_str(if i % 5 == 4 { ".\n\n" } else { ". " });
            }
            let path = folder.join(format!("hearing-{k}.txt"));
            std::fs::write(
                &path,
                format!("Orchard beekeepers hearing, {edition} edition\n\n{body}"),
            )
            .unwrap();
            path.display().to_string()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_search_typed_while_a_long_comparison_runs_is_answered_first() {
    let folder = tempfile::tempdir().unwrap();
    let app = App::start(&long_reports(folder.path())).await;
    app.wait_for_all("library-item", 12).await;
    let hearing = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(item => item.textContent.includes('hearing')).map(item => [item.dataset.eventId, Number(item.querySelector('.count').textContent)])",
            "the four reports of the hearing make one event",
            |events| events.as_array().is_some_and(|e| e.len() == 1 && e[0][1] == 4),
        )
        .await;
    let event = hearing[0][0].as_str().unwrap().to_string();
    // Clicked from the page: WebKitWebDriver answers a click on this row with an empty error
    // once the click has started the comparison, and a retried click would start another.
    let row = format!("[data-testid=event-item][data-event-id='{event}']");
    app.script(&format!("document.querySelector({row:?}).click()"))
        .await;
    app.wait_for("library-search")
        .await
        .send_keys("Sentinel")
        .await
        .unwrap();
    // The list answers the search while the comparison is still being made: no pane of the
    // hearing is on screen yet when the list narrows to the one report that names Sentinel.
    let when_narrowed = app
        .poll(
            "return [document.querySelectorAll('[data-testid=library-item]').length, \
             [...document.querySelectorAll('[data-testid=compare-pane]')].filter(pane => pane.textContent.includes('hearing')).length]",
            "the search narrows the list to one report",
            |seen| seen[0] == 1,
        )
        .await;
    assert_eq!(
        when_narrowed[1], 0,
        "the search was answered before the comparison was shown: {when_narrowed}"
    );
    app.poll(
        "return [...document.querySelectorAll('[data-testid=compare-pane]')].filter(pane => pane.textContent.includes('hearing')).length",
        "the comparison of the four reports is shown once made",
        |panes| panes == 4,
    )
    .await;
    app.close().await;
}

/// The files in `folder`, by name (hidden ones too: a temporary file left behind would show).
fn files_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Exports the library as JSON Lines to `dump` through the Library menu and the save dialog,
/// and checks what the window says: a toast with the `articles` written, the export bar's
/// progress and outcome, and no partial file left beside the export.
async fn export_library_as_json_lines(app: &App, dump: &std::path::Path, articles: usize) {
    choose_from_library_menu(app, "export-library-button").await;
    answer_file_dialog("Export Library", dump).await;
    let name = dump.file_name().unwrap().to_string_lossy();
    let said = format!("Exported {articles} articles to {name}");
    app.wait_until(
        &format!("(document.querySelector('[data-testid=toast-message]') || {{}}).textContent === {said:?}"),
        "the window says the export is written",
    )
    .await;
    app.wait_until(
        "document.querySelector('[data-testid=export-progress]').dataset.stage === 'exporting-library'",
        "the library export showed its progress in the export bar",
    )
    .await;
    let (outcome, shown) = export_outcome(app, "the library export ends").await;
    assert_eq!(outcome, "saved");
    assert!(shown.contains(&said), "{shown}");
    let files = files_in(dump.parent().unwrap());
    assert!(
        files.contains(&name.to_string()) && !files.iter().any(|f| f.contains("partial")),
        "no partial file is left beside the export: {files:?}"
    );
}

/// What the export progress bar says once the export has ended: `[outcome, status text]`.
async fn export_outcome(app: &App, why: &str) -> (String, String) {
    let ended = app
        .poll(
            "const box = document.querySelector('[data-testid=export-progress]'); \
             return box.dataset.state === 'done' ? [box.dataset.outcome, box.textContent] : null",
            why,
            |ended| ended.is_array(),
        )
        .await;
    serde_json::from_value(ended).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_long_export_shows_progress_and_cancelling_it_leaves_no_file_while_one_let_run_is_saved()
{
    let folder = tempfile::tempdir().unwrap();
    let app = App::start(&long_reports(folder.path())).await;
    app.wait_for_all("library-item", 12).await;
    let hearing = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(item => item.textContent.includes('hearing')).map(item => item.dataset.eventId)",
            "the four reports of the hearing make one event",
            |events| events.as_array().is_some_and(|e| e.len() == 1),
        )
        .await;
    let row = format!(
        "[data-testid=event-item][data-event-id='{}']",
        hearing[0].as_str().unwrap()
    );
    // Clicked from the page: the click starts a long comparison (see the search test above).
    app.script(&format!("document.querySelector({row:?}).click()"))
        .await;
    app.poll(
        "return [...document.querySelectorAll('[data-testid=compare-pane]')].filter(pane => pane.textContent.includes('hearing')).length",
        "the comparison of the four reports is shown",
        |panes| panes == 4,
    )
    .await;
    choose_value(&app, "export-format", "json").await;

    // Cancelled while the export compares: the bar said so, and no file is left, whole or not.
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("hearing.json");
    app.click("[data-testid=export-button]").await;
    answer_file_dialog("Export Comparison", &target).await;
    // Four articles read, then six pairs compared: ten steps, told one by one.
    let running = app
        .poll(
            "const box = document.querySelector('[data-testid=export-progress]'); \
             return !box.hidden && box.dataset.state === 'running' \
               && Number(document.getElementById('export-bar').value) >= 1 ? box.textContent : null",
            "the export shows its progress",
            |text| text.is_string(),
        )
        .await;
    assert!(
        running
            .as_str()
            .unwrap()
            .contains("Exporting: comparing, step")
            && running.as_str().unwrap().contains("of 10"),
        "the bar says what the export is doing: {running}"
    );
    app.script("document.querySelector('[data-testid=export-cancel]').click()")
        .await;
    let (outcome, said) = export_outcome(&app, "the export ends after cancel").await;
    assert_eq!(outcome, "cancelled", "{said}");
    assert!(said.contains("not written"), "the window says so: '{said}'");
    let severe = app
        .severe_axe_violations("the export progress", Some("[data-testid=export-progress]"))
        .await;
    assert!(severe.is_empty(), "{severe:?}");
    assert!(
        files_in(out.path()).is_empty(),
        "a cancelled export leaves no file: {:?}",
        files_in(out.path())
    );
    assert_eq!(
        app.script("return document.getElementById('error-message').hidden")
            .await,
        serde_json::json!(true),
        "a cancel is no error"
    );

    // Let run, the same export is written whole, and only it is in the folder.
    app.click("[data-testid=export-button]").await;
    answer_file_dialog("Export Comparison", &target).await;
    app.wait_until(
        "document.querySelector('[data-testid=export-progress]').dataset.state === 'running'",
        "the export runs again",
    )
    .await;
    let (outcome, said) = export_outcome(&app, "the export ends").await;
    assert_eq!(outcome, "saved", "{said}");
    assert!(said.contains("Saved hearing.json"), "{said}");
    app.wait_until(
        "document.querySelector('[data-testid=export-status]').textContent.includes('hearing.json')",
        "the comparison says where it was saved",
    )
    .await;
    assert_eq!(files_in(out.path()), vec!["hearing.json".to_string()]);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(saved["articles"].as_array().unwrap().len(), 4);
    app.close().await;
}

/// Makes the library file read-only for the app: its mode, and for root (who may write any
/// mode) the immutable attribute. Undone on drop, so the test's folder can be removed (by the
/// app, or here when the test failed).
struct ReadOnlyFile(std::path::PathBuf);

impl ReadOnlyFile {
    fn make(path: &std::path::Path) -> ReadOnlyFile {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let writable = std::fs::OpenOptions::new().append(true).open(path).is_ok();
        if writable {
            let status = std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .status()
                .expect("chattr runs");
            assert!(status.success(), "chattr +i {}", path.display());
        }
        assert!(
            std::fs::OpenOptions::new().append(true).open(path).is_err(),
            "the library file cannot be written"
        );
        ReadOnlyFile(path.to_path_buf())
    }
}

impl Drop for ReadOnlyFile {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(std::process::Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o644));
        // A failed test drops its app first, whose folder could not be removed whole then.
        if std::thread::panicking() {
            if let Some(folder) = self.0.parent() {
                let _ = std::fs::remove_dir_all(folder);
            }
        }
    }
}

/// The error banner's text once it shows, and its kind.
async fn error_banner(app: &App, why: &str) -> (String, String) {
    let shown = app
        .poll(
            "const banner = document.getElementById('error-message'); \
             return banner.hidden ? null : [document.getElementById('error-text').textContent, banner.dataset.kind]",
            why,
            |shown| shown.is_array(),
        )
        .await;
    serde_json::from_value(shown).unwrap()
}

/// Renames the event `id` in the library list, as a person does (the inline field, Enter).
async fn rename_event_in_list(app: &App, id: i64, title: &str) {
    let row = format!("[data-testid=event-item][data-event-id='{id}']");
    app.click(&format!("{row} [data-testid=event-rename]"))
        .await;
    retype(app, "[data-testid=event-rename-input]", title).await;
    press(app, "[data-testid=event-rename-input]", ENTER).await;
}

/// A message for the window: one sentence of the library's, with no command to type and no
/// raw database text.
fn assert_window_message(message: &str) {
    assert!(
        !message.contains("parallax ") && !message.contains('`'),
        "no command-line hint: {message}"
    );
    assert!(
        !message.contains("database error")
            && !message.contains("SQLITE")
            && !message.contains("Error"),
        "no raw error: {message}"
    );
    assert_eq!(message.lines().count(), 1, "one message: {message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_read_only_library_is_browsed_and_a_change_or_an_import_says_it_is_read_only() {
    let mut read_only = None;
    let app = App::start_with(&[], |library| {
        drop(parallax_library::Library::open_with_samples(library).unwrap());
        read_only = Some(ReadOnlyFile::make(library));
    })
    .await;

    // Browsing works: the list, a search, the sample comparison.
    app.wait_for_all("library-item", 8).await;
    app.wait_for_all("compare-pane", 5).await;
    search_until_marked(&app, "Kyiv", "the search marks the words found").await;
    assert_eq!(
        app.script("return document.getElementById('error-message').hidden")
            .await,
        serde_json::json!(true),
        "browsing a read-only library shows no error"
    );

    // A change: the one read-only message, and the name stays.
    let (event, title, _) = listed_events(&app).await.remove(0);
    rename_event_in_list(&app, event, "Renamed while read-only").await;
    let (message, kind) = error_banner(&app, "the rename is refused").await;
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(kind, "library");
    assert_window_message(&message);
    assert!(listed_events(&app)
        .await
        .iter()
        .any(|(id, shown, _)| *id == event && *shown == title));

    // An import: the same message, once.
    let shown = app.count("library-item").await;
    app.click("#error-dismiss").await;
    app.click("[data-testid=import-button]").await;
    answer_file_dialog("Open Articles", &fixture("harbour-ferry.md")).await;
    let (message, _) = error_banner(&app, "the import is refused").await;
    assert!(message.contains("read-only"), "{message}");
    assert_eq!(
        message.matches("read-only").count(),
        1,
        "said once: {message}"
    );
    assert!(!message.contains("parallax "), "{message}");
    assert_eq!(
        app.count("library-item").await,
        shown,
        "nothing was imported"
    );
    eprintln!("the window said: {message}");
    // Writable again before the app's folder is removed.
    drop(read_only);
    app.close().await;
}

/// The library file (with its journal files) moved to `to`, or deleted when `to` is `None`.
fn take_library_away(library: &std::path::Path, to: Option<&std::path::Path>) {
    for suffix in ["", "-wal", "-shm"] {
        let mut from = library.as_os_str().to_owned();
        from.push(suffix);
        match to {
            Some(to) => {
                let mut to = to.as_os_str().to_owned();
                to.push(suffix);
                let _ = std::fs::rename(from, to);
            }
            None => {
                let _ = std::fs::remove_file(from);
            }
        }
    }
    assert!(!library.exists());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_moved_away_while_open_says_so_on_a_change_and_an_import_and_makes_no_new_file() {
    library_taken_away_is_said_and_nothing_is_lost(true).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_library_deleted_while_open_says_so_on_a_change_and_an_import_and_makes_no_new_file() {
    library_taken_away_is_said_and_nothing_is_lost(false).await;
}

/// Moves (`moved`) or deletes the library file while the window has it open, then: a rename
/// and an import give the one library-gone message, no new library is made at its path, the
/// window still searches and exports what it shows, and (moved) nothing saved is lost.
async fn library_taken_away_is_said_and_nothing_is_lost(moved: bool) {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_for_all("compare-pane", 5).await;
    let library = app.library_file().await;
    let moved = moved.then(|| library.with_file_name("moved.sqlite3"));
    take_library_away(&library, moved.as_deref());

    // A change: the one message, and what is on screen stays.
    let (event, title, _) = listed_events(&app).await.remove(0);
    rename_event_in_list(&app, event, "Renamed once it was gone").await;
    let (message, kind) = error_banner(&app, "the rename is refused").await;
    assert!(message.contains("moved or deleted"), "{message}");
    assert_eq!(kind, "library");
    assert_window_message(&message);
    assert_eq!(app.count("library-item").await, 8);
    assert!(listed_events(&app)
        .await
        .iter()
        .any(|(id, shown, _)| *id == event && *shown == title));

    // An import: refused the same way, with no new library made where the old one was.
    app.click("#error-dismiss").await;
    app.click("[data-testid=import-button]").await;
    answer_file_dialog("Open Articles", &fixture("harbour-ferry.md")).await;
    let (message, _) = error_banner(&app, "the import is refused").await;
    assert!(message.contains("moved or deleted"), "{message}");
    // Worded for an import, not for a change.
    assert!(message.starts_with("Nothing was imported"), "{message}");
    assert!(!message.contains("change"), "{message}");
    assert!(
        !library.exists(),
        "no new library file where the old one was"
    );

    // The window is still there and answers: a search, the comparison.
    search_until_marked(&app, "Kyiv", "the search is still answered").await;
    assert!(app.count("compare-pane").await >= 5);

    // What is on screen can still be exported: only the library's file is gone.
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("after-the-move.md");
    choose_value(&app, "export-format", "markdown").await;
    app.click("[data-testid=export-button]").await;
    answer_file_dialog("Export Comparison", &target).await;
    app.wait_until(
        "document.querySelector('[data-testid=export-progress]').dataset.outcome === 'saved'",
        "the export is saved",
    )
    .await;
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("$150 million"));
    assert!(
        !library.exists(),
        "no new library file where the old one was"
    );

    if let Some(moved) = moved {
        let reopened = parallax_library::Library::open(&moved).unwrap();
        assert_eq!(every_article(&reopened).len(), 8, "nothing was lost");
        assert!(reopened
            .events()
            .unwrap()
            .iter()
            .any(|e| e.id == event && e.title == title));
    }
    app.close().await;
}

/// Types `words` into the library's search box and waits until the list marks them (`why` says
/// what the test expects).
async fn search_until_marked(app: &App, words: &str, why: &str) {
    app.wait_for("library-search")
        .await
        .send_keys(words)
        .await
        .unwrap();
    app.poll(
        "return document.querySelectorAll('[data-testid=library-item] mark').length",
        why,
        |marks| marks.as_u64().is_some_and(|n| n > 0),
    )
    .await;
}

/// Switches the theme with the toolbar's button until it reads `Theme: {theme}`.
async fn choose_theme(app: &App, theme: &str) {
    for _ in 0..4 {
        if app.text("#theme-switch").await == format!("Theme: {theme}") {
            return;
        }
        app.click("#theme-switch").await;
    }
    assert_eq!(app.text("#theme-switch").await, format!("Theme: {theme}"));
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_core_finds_no_serious_violation_in_any_view_or_dialog() {
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_for_all("aligned-pair", 10).await;
    let mut severe = Vec::new();

    // The sample event compared (the library list beside it), in the light and dark themes,
    // with a difference current and every coverage group open.
    for theme in ["light", "dark"] {
        choose_theme(&app, theme).await;
        severe.extend(
            app.severe_axe_violations(&format!("the compare view ({theme})"), None)
                .await,
        );
    }
    choose_theme(&app, "light").await;
    app.click("[data-testid=next-difference]").await;
    app.script("document.querySelectorAll('[data-testid=coverage-summary] details').forEach((d) => { d.open = true; })")
        .await;
    severe.extend(
        app.severe_axe_violations(
            "the coverage summary",
            Some("[data-testid=coverage-summary]"),
        )
        .await,
    );
    // A sentence chosen for the user's alignment, and the Library menu open.
    choose_sentence(&app, "[data-testid=aligned-pair]", true).await;
    severe.extend(
        app.severe_axe_violations("a sentence chosen for linking", None)
            .await,
    );
    app.click("[data-testid=library-menu-button]").await;
    app.wait_until(
        "!document.getElementById('library-menu').hidden",
        "the Library menu opens",
    )
    .await;
    severe.extend(app.severe_axe_violations("the Library menu", None).await);
    app.click("[data-testid=library-menu-button]").await;

    // The reader, its correction form and its choice of event.
    let first = listed_ids(&app).await.remove(0);
    open_in_reader(&app, &first).await;
    for theme in ["dark", "light"] {
        choose_theme(&app, theme).await;
        severe.extend(
            app.severe_axe_violations(&format!("the reader ({theme})"), None)
                .await,
        );
    }
    app.click("[data-testid=edit-article]").await;
    app.wait_for("edit-form").await;
    severe.extend(
        app.severe_axe_violations("the reader's correction form", None)
            .await,
    );
    app.click("[data-testid=edit-cancel]").await;
    app.click("[data-testid=move-article]").await;
    app.wait_for("move-event-choice").await;
    severe.extend(
        app.severe_axe_violations("the reader's move to event", None)
            .await,
    );
    app.click("[data-testid=move-cancel]").await;

    // An event's rename field and merge choice in the sidebar.
    app.click("[data-testid=event-item] [data-testid=event-rename]")
        .await;
    app.wait_for("event-rename-input").await;
    severe.extend(
        app.severe_axe_violations("the event rename field", None)
            .await,
    );
    press(&app, "[data-testid=event-rename-input]", ESCAPE).await;
    app.click("[data-testid=event-item] [data-testid=event-merge]")
        .await;
    app.wait_for("event-merge-choice").await;
    severe.extend(
        app.severe_axe_violations("the event merge choice", None)
            .await,
    );
    app.click("[data-testid=event-merge-cancel]").await;

    // The outlets dialog, with an outlet's rename form open.
    choose_from_library_menu(&app, "outlets-button").await;
    app.wait_for("outlet-rename").await;
    severe.extend(app.severe_axe_violations("the outlets dialog", None).await);
    app.click("[data-testid=outlet-rename]").await;
    app.wait_for("outlet-new-name").await;
    severe.extend(
        app.severe_axe_violations("the outlet rename form", None)
            .await,
    );
    app.click("[data-testid=outlets-close]").await;

    // The trash with an article in it, its confirmation, and the toast of the deletion.
    open_in_reader(&app, &first).await;
    app.click("[data-testid=reader-delete]").await;
    app.wait_until(
        "document.querySelector('.toast')",
        "the deletion's toast shows",
    )
    .await;
    severe.extend(
        app.severe_axe_violations("the toast after a deletion", None)
            .await,
    );
    choose_from_library_menu(&app, "trash-button").await;
    app.wait_for("trash-item").await;
    severe.extend(app.severe_axe_violations("the trash", None).await);
    app.click("[data-testid=trash-empty]").await;
    app.wait_for("trash-empty-confirm").await;
    severe.extend(
        app.severe_axe_violations("the trash's confirmation", None)
            .await,
    );

    assert!(
        severe.is_empty(),
        "axe-core finds serious or critical violations (listed above with their nodes):\n{}",
        severe.join("\n")
    );
    app.close().await;
}

const F7: &str = "\u{E037}";
const SHIFT_F7: &str = "\u{E008}\u{E037}\u{E000}";

/// Sends `keys` to the element that has the keyboard focus (the page's body when none has).
async fn press_on_focused(app: &App, keys: &str) {
    app.client
        .active_element()
        .await
        .expect("an element has the focus")
        .send_keys(keys)
        .await
        .unwrap_or_else(|e| panic!("cannot type {keys:?} on the focused element: {e}"));
}

/// Presses and releases `key` on the keyboard, wherever the focus is (WebDriver's element
/// send-keys focuses its element first, which keeps Tab inside a date field's parts).
async fn press_key(app: &App, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    app.client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
}

/// What has the keyboard focus: its `data-testid`, else its id, else its tag.
async fn focused(app: &App) -> String {
    let value = app
        .script("const a = document.activeElement; return !a || a === document.body ? 'body' : (a.dataset.testid || a.id || a.tagName.toLowerCase())")
        .await;
    value.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn cell_states_and_changed_words_are_told_in_words_as_well_as_colours() {
    let app = App::start(&[]).await;
    app.wait_for_all("aligned-pair", 10).await;
    app.wait_for("only-here").await;
    let only = app
        .script(
            "const cell = document.querySelector('[data-testid=only-here]'); \
             const hidden = cell.querySelector('.visually-hidden'); const box = hidden.getBoundingClientRect(); \
             return [hidden.textContent, cell.closest('[data-testid=compare-pane]').querySelector('.pane-outlet').textContent, \
                     box.width <= 1 && box.height <= 1, cell.textContent.startsWith(hidden.textContent)]",
        )
        .await;
    let outlet = only[1].as_str().unwrap();
    assert!(
        only[0]
            .as_str()
            .unwrap()
            .starts_with(&format!("only in {outlet}")),
        "an only-here cell says so in words: {only}"
    );
    assert_eq!(
        only[2], true,
        "the words are for screen readers, not seen: {only}"
    );
    assert_eq!(only[3], true, "they come before the sentence: {only}");

    let inserted = app
        .script("const mark = document.querySelector('mark.diff-insert'); return [mark.textContent, mark.querySelector('.visually-hidden').textContent]")
        .await;
    assert_eq!(inserted[1], "inserted: ", "{inserted}");
    assert!(
        inserted[0].as_str().unwrap().starts_with("inserted: ")
            && inserted[0].as_str().unwrap().len() > "inserted: ".len(),
        "an inserted word is read as 'inserted: …': {inserted}"
    );
    let deleted = app
        .script("return [...document.querySelectorAll('mark.diff-delete')].filter((m) => !m.textContent.startsWith('deleted: ')).length")
        .await;
    assert_eq!(deleted, 0, "every deleted word is read as 'deleted: …'");
    let marked = app
        .script(
            "const said = (css) => [...document.querySelectorAll(css)].every((cell) => cell.querySelector('[data-testid=cell-state]')?.textContent.includes(css.split('.').pop() === 'copied' ? 'copied word for word' : 'conflict')); \
             return [document.querySelectorAll('.cell.copied').length, said('.cell.copied'), document.querySelectorAll('.cell.conflict').length, said('.cell.conflict')]",
        )
        .await;
    assert!(
        marked[0].as_u64().unwrap() > 0 && marked[1] == true,
        "copied cells say 'copied word for word': {marked}"
    );
    assert!(
        marked[2].as_u64().unwrap() > 0 && marked[3] == true,
        "conflicting cells say 'conflict': {marked}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_high_contrast_theme_draws_every_state_as_a_pattern_with_enhanced_contrast_and_is_remembered(
) {
    let app = App::start(&[]).await;
    app.wait_for_all("aligned-pair", 10).await;
    choose_theme(&app, "high contrast").await;
    assert_eq!(
        app.script("return document.documentElement.dataset.theme")
            .await,
        "contrast"
    );

    // Each state of a cell, and an inserted word, is a pattern as well as a colour.
    let styles = app
        .script(
            "const style = (css) => { const e = document.querySelector(css); return e ? getComputedStyle(e) : null; }; \
             return [style('.cell.only:not(.copied)')?.borderLeftStyle, style('.cell.copied')?.borderLeftStyle, \
                     style('.cell.conflict')?.outlineStyle, style('mark.diff-insert')?.textDecorationLine, \
                     style('body').backgroundColor, style('body').color]",
        )
        .await;
    assert_eq!(
        styles,
        serde_json::json!([
            "dotted",
            "double",
            "dashed",
            "underline",
            "rgb(0, 0, 0)",
            "rgb(255, 255, 255)"
        ]),
        "only here, copied, conflict and inserted are told apart without colour"
    );

    // No serious violation, and every text at the enhanced (7:1) contrast, in the compare view
    // and in the reader.
    let mut severe = app
        .severe_axe_violations("the compare view (high contrast)", None)
        .await;
    let mut low_contrast = app.axe_rule_violations("color-contrast-enhanced").await;
    let first = listed_ids(&app).await.remove(0);
    open_in_reader(&app, &first).await;
    severe.extend(
        app.severe_axe_violations("the reader (high contrast)", None)
            .await,
    );
    low_contrast.extend(app.axe_rule_violations("color-contrast-enhanced").await);
    assert!(severe.is_empty(), "{severe:#?}");
    assert!(
        low_contrast.is_empty(),
        "text under 7:1 in high contrast: {low_contrast:#?}"
    );

    // Chosen once, kept after a restart.
    let app = app.restart(&[]).await;
    app.wait_for_all("library-item", 1).await;
    assert_eq!(app.text("#theme-switch").await, "Theme: high contrast");
    assert_eq!(
        app.script("return document.documentElement.dataset.theme")
            .await,
        "contrast"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn f7_and_shift_f7_move_the_keyboard_focus_to_a_difference_and_say_which() {
    let app = App::start(&[]).await;
    app.wait_for_all("aligned-pair", 10).await;
    let focused_cell = "(() => { const a = document.activeElement; return a && a.matches('.cell.current') ? a.dataset.row + ':' + a.dataset.column : null; })()";

    press_on_focused(&app, F7).await;
    let first = app
        .poll(
            &format!("return {focused_cell}"),
            "F7 focuses a difference",
            |v| v.is_string(),
        )
        .await;
    app.wait_until(
        "document.getElementById('announcer').textContent.startsWith('Difference 1 of')",
        "the difference is announced",
    )
    .await;
    let said = app.text("[data-testid=announcer]").await;
    assert!(
        said.is_empty() || said.contains("Difference 1 of"),
        "{said}"
    );

    press_on_focused(&app, F7).await;
    let second = app
        .poll(
            &format!("return {focused_cell}"),
            "F7 again focuses the next difference",
            |v| v.is_string() && v != &first,
        )
        .await;
    app.wait_until(
        "document.getElementById('announcer').textContent.startsWith('Difference 2 of')",
        "the second difference is announced",
    )
    .await;
    let row = |v: &serde_json::Value| -> u64 {
        v.as_str()
            .unwrap()
            .split(':')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(row(&second) > row(&first), "{first} then {second}");

    press_on_focused(&app, SHIFT_F7).await;
    app.poll(
        &format!("return {focused_cell}"),
        "Shift+F7 goes back to the first difference",
        |v| v == &first,
    )
    .await;
    app.wait_until(
        "document.getElementById('announcer').textContent.startsWith('Difference 1 of')",
        "going back is announced",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_alone_walks_from_the_library_list_to_a_difference_and_a_note() {
    let app = App::start(&[]).await;
    app.wait_for_all("event-item", 2).await;
    app.wait_for_all("aligned-pair", 10).await;

    // Tab from the page's start into the sidebar, until an event of the list has the focus.
    let mut walked = Vec::new();
    while walked.last().map(String::as_str) != Some("event-item") {
        assert!(
            walked.len() < 60,
            "Tab never reaches the event list: {walked:?}"
        );
        press_key(&app, '\u{E004}').await;
        let now = focused(&app).await;
        assert_ne!(now, "body", "Tab loses the focus after {walked:?}");
        walked.push(now);
    }
    assert!(
        app.script("return document.activeElement.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle !== 'none'")
            .await
            == true,
        "the focused event shows its focus"
    );

    // Enter opens the event; the focus follows into the comparison.
    press_key(&app, '\u{E007}').await;
    app.poll(
        "const a = document.activeElement; return a.dataset.testid || a.tagName",
        "Enter on an event takes the focus to the comparison's Next difference",
        |v| v == "next-difference",
    )
    .await;

    // Enter on Next difference puts the focus on the difference itself.
    press_key(&app, '\u{E007}').await;
    app.wait_until(
        "document.activeElement.matches('[data-testid=compare-view] .cell.current')",
        "Enter on Next difference focuses the difference",
    )
    .await;
    assert!(
        app.script("return document.activeElement.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle !== 'none'")
            .await
            == true,
        "the focused difference shows its focus"
    );

    // From the difference to a note on it: Enter chooses the sentence, N opens the note
    // dialog, the text is typed, Enter saves, and the note is shown under the sentence.
    press_key(&app, '\u{E007}').await;
    app.wait_until(
        "document.activeElement.classList.contains('link-chosen')",
        "Enter chooses the focused sentence",
    )
    .await;
    press_key(&app, 'n').await;
    app.wait_until(
        "document.activeElement.matches('[data-testid=note-text-input]')",
        "N opens the note dialog with the focus in its text",
    )
    .await;
    for key in "Checked by keyboard".chars() {
        press_key(&app, key).await;
    }
    press_key(&app, '\u{E007}').await;
    app.wait_until(
        "[...document.querySelectorAll('[data-testid=compare-view] .cell [data-testid=note-text]')].some(n => n.textContent === 'Checked by keyboard')",
        "the note is saved and shown under its sentence",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_plus_minus_and_zero_zoom_the_window_and_the_zoom_is_remembered() {
    const CTRL_PLUS: &str = "\u{E009}+\u{E000}";
    const CTRL_MINUS: &str = "\u{E009}-\u{E000}";
    const CTRL_ZERO: &str = "\u{E009}0\u{E000}";
    let app = App::start(&[]).await;
    app.wait_for_all("library-item", 8).await;
    // Zoom works in the dark theme (and both are remembered); WebDriver's clicks miss their
    // elements in a zoomed page, so the theme is chosen first.
    choose_theme(&app, "dark").await;
    let width = app
        .script("return window.innerWidth")
        .await
        .as_f64()
        .unwrap();
    let zoomed_to = |level: &str, ratio: f64| {
        format!("document.documentElement.dataset.zoom === '{level}' && Math.abs(window.innerWidth - {width} / {ratio}) < 3")
    };

    press_on_focused(&app, CTRL_PLUS).await;
    app.wait_until(&zoomed_to("1.1", 1.1), "Ctrl+plus zooms in")
        .await;
    press_on_focused(&app, CTRL_PLUS).await;
    app.wait_until(&zoomed_to("1.25", 1.25), "Ctrl+plus zooms in further")
        .await;
    press_on_focused(&app, CTRL_MINUS).await;
    app.wait_until(&zoomed_to("1.1", 1.1), "Ctrl+minus zooms out")
        .await;
    choose_theme(&app, "dark").await;

    let app = app.restart(&[]).await;
    app.wait_for_all("library-item", 8).await;
    app.wait_until(
        &zoomed_to("1.1", 1.1),
        "the zoom is the same after a restart",
    )
    .await;
    assert_eq!(
        app.script("return document.documentElement.dataset.theme")
            .await,
        "dark",
        "the dark theme is kept beside the zoom"
    );

    // A real mouse still hits what it points at in the zoomed window: where the pointer lands
    // in the page tells where the page's origin is on the screen, then the theme switch is
    // clicked there.
    app.script("window.pointerSeen = null; document.addEventListener('mousemove', (e) => { window.pointerSeen = [e.clientX, e.clientY]; })")
        .await;
    let (x, y, w, h) = window_geometry("Parallax").expect("the app's window");
    let (probe_x, probe_y) = (x + w / 2, y + h / 2);
    xdotool(&["mousemove", &probe_x.to_string(), &probe_y.to_string()]);
    xdotool(&[
        "mousemove",
        &(probe_x + 1).to_string(),
        &probe_y.to_string(),
    ]);
    let seen = app
        .poll(
            "return window.pointerSeen",
            "the page sees the pointer",
            |v| v.is_array(),
        )
        .await;
    let (seen_x, seen_y) = (seen[0].as_f64().unwrap(), seen[1].as_f64().unwrap());
    let target = app
        .script("const r = document.getElementById('theme-switch').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]")
        .await;
    let on_screen =
        |client: f64, seen: f64, probe: i32| (probe as f64 + (client - seen) * 1.1).round() as i32;
    let click_x = on_screen(target[0].as_f64().unwrap(), seen_x, probe_x + 1);
    let click_y = on_screen(target[1].as_f64().unwrap(), seen_y, probe_y);
    xdotool(&["mousemove", &click_x.to_string(), &click_y.to_string()]);
    xdotool(&["click", "1"]);
    app.wait_until(
        "document.getElementById('theme-switch').textContent === 'Theme: high contrast'",
        "a click on the zoomed theme switch switches the theme (dark to high contrast)",
    )
    .await;

    press_on_focused(&app, CTRL_ZERO).await;
    app.wait_until(&zoomed_to("1", 1.0), "Ctrl+0 resets the zoom")
        .await;
    app.close().await;
}

/// The conflict item of the sample event's disputed PATRIOT package amount.
const PATRIOT_CONFLICT: &str = "[...document.querySelectorAll('[data-testid=conflict-item]')].find(n => n.textContent.includes('$150 million'))";

/// The texts of the notes shown in the PATRIOT conflict item.
fn patriot_notes() -> String {
    format!("return [...(({PATRIOT_CONFLICT}) || document.createElement('p')).querySelectorAll('[data-testid=note-item]')].map(n => [n.querySelector('[data-testid=note-verdict]')?.textContent || null, n.querySelector('[data-testid=note-text]').textContent])")
}

const CTRL_SHIFT_Z: &str = "\u{E009}\u{E008}z\u{E000}";

#[tokio::test(flavor = "multi_thread")]
async fn a_note_with_a_verdict_on_a_disputed_fact_is_undone_redone_survives_reimport_and_is_exported_with_its_sources(
) {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    app.wait_for_all("conflict-item", 1).await;
    let compared: Vec<i64> = serde_json::from_value(
        app.script("return [...document.querySelectorAll('[data-testid=compare-pane]')].map(p => Number(p.dataset.articleId))")
            .await,
    )
    .unwrap();

    // Escape cancels the dialog and gives the focus back to the button that opened it.
    let open_dialog =
        format!("({PATRIOT_CONFLICT}).querySelector('[data-testid=conflict-note]').click()");
    app.script(&open_dialog).await;
    app.wait_for("note-dialog").await;
    press(&app, "[data-testid=note-text-input]", ESCAPE).await;
    app.wait_until(
        "!document.querySelector('[data-testid=note-dialog]') && document.activeElement && document.activeElement.dataset.testid === 'conflict-note'",
        "Escape closes the dialog and the focus returns to its button",
    )
    .await;
    assert_eq!(
        app.count("note-item").await,
        0,
        "a cancelled note is not written"
    );

    // A note with a verdict, saved with Enter.
    app.script(&open_dialog).await;
    app.wait_for("note-dialog").await;
    choose_value(&app, "note-verdict-input", "misleading").await;
    press(
        &app,
        "[data-testid=note-text-input]",
        "The ministry's own release says $150 million.",
    )
    .await;
    press(&app, "[data-testid=note-text-input]", ENTER).await;
    let shown = app
        .poll(
            &patriot_notes(),
            "the note shows under the disputed fact",
            |notes| notes.as_array().is_some_and(|n| n.len() == 1),
        )
        .await;
    assert_eq!(
        shown,
        serde_json::json!([[
            "misleading",
            "The ministry's own release says $150 million."
        ]])
    );
    assert_eq!(
        app.count("note-dialog").await,
        0,
        "Enter saved and closed the dialog"
    );
    // The note is also in the event's list, and under the sentence it annotates.
    app.wait_until(
        "document.querySelector('[data-testid=event-notes] [data-testid=note-item]') && document.querySelector('[data-testid=cell-notes] [data-testid=note-item]')",
        "the note is listed with the event's and under its sentence",
    )
    .await;
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let notes = library
        .notes(&parallax_library::NoteFilter::default())
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, "sentence");
    assert_eq!(notes[0].verdict.as_deref(), Some("misleading"));
    assert!(
        notes[0]
            .sentence_text
            .as_deref()
            .unwrap_or("")
            .contains("million"),
        "the note is on the sentence stating the amount: {:?}",
        notes[0].sentence_text
    );

    // Undo takes it away, redo brings it back.
    press(&app, "body", CTRL_Z).await;
    app.poll(&patriot_notes(), "Ctrl+Z takes the note back", |notes| {
        notes.as_array().is_some_and(|n| n.is_empty())
    })
    .await;
    assert!(library
        .notes(&parallax_library::NoteFilter::default())
        .unwrap()
        .is_empty());
    press(&app, "body", CTRL_SHIFT_Z).await;
    app.poll(&patriot_notes(), "Ctrl+Shift+Z writes it again", |notes| {
        notes.as_array().is_some_and(|n| n.len() == 1)
    })
    .await;

    // An edit, undone.
    app.script(&format!(
        "({PATRIOT_CONFLICT}).querySelector('[data-testid=note-edit]').click()"
    ))
    .await;
    app.wait_for("note-dialog").await;
    retype(&app, "[data-testid=note-text-input]", "Checked twice.").await;
    press(&app, "[data-testid=note-text-input]", ENTER).await;
    app.poll(&patriot_notes(), "the edit shows", |notes| {
        notes[0][1] == "Checked twice."
    })
    .await;
    press(&app, "body", CTRL_Z).await;
    app.poll(&patriot_notes(), "Ctrl+Z puts the text back", |notes| {
        notes[0][1] == "The ministry's own release says $150 million."
    })
    .await;

    // The library saved as JSON Lines, the event's articles trashed for good, the file loaded.
    let folder = tempfile::tempdir().unwrap();
    let dump = folder.path().join("all.jsonl");
    export_library_as_json_lines(&app, &dump, 8).await;
    for id in &compared {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    app.click("[data-testid=delete-button]").await;
    app.wait_until(
        &listed_count_is(3),
        "the event's five articles go to the trash",
    )
    .await;
    choose_from_library_menu(&app, "trash-button").await;
    app.wait_for_all("trash-item", 5).await;
    app.click("[data-testid=trash-empty]").await;
    app.click("[data-testid=trash-empty-confirm]").await;
    app.wait_for("trash-empty-state").await;
    assert!(
        library
            .notes(&parallax_library::NoteFilter::default())
            .unwrap()
            .is_empty(),
        "the note went with its article"
    );
    choose_from_library_menu(&app, "import-dump-button").await;
    answer_file_dialog("Import JSON Lines", &dump).await;
    app.wait_until(
        "document.getElementById('import-status').textContent === '5 imported · 3 already in the library'",
        "the five articles are loaded again",
    )
    .await;
    app.wait_until(&listed_count_is(8), "they are listed").await;
    let event = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(n => Number(n.querySelector('.count').textContent) === 5).map(n => n.dataset.eventId)",
            "the event of the five is listed again",
            |events| events.as_array().is_some_and(|e| e.len() == 1),
        )
        .await;
    app.script(&format!(
        "document.querySelector(\"[data-testid=event-item][data-event-id='{}']\").click()",
        event[0].as_str().unwrap()
    ))
    .await;
    app.wait_for_all("compare-pane", 5).await;
    let found = app
        .poll(
            &patriot_notes(),
            "the note is under its fact again",
            |notes| notes.as_array().is_some_and(|n| n.len() == 1),
        )
        .await;
    assert_eq!(
        found,
        serde_json::json!([[
            "misleading",
            "The ministry's own release says $150 million."
        ]])
    );
    let back = &library
        .notes(&parallax_library::NoteFilter::default())
        .unwrap()[0];
    assert!(
        back.target.is_some(),
        "the note found its article by content"
    );

    // The HTML report shows the note beside its sentence and cites the sources.
    choose_value(&app, "export-format", "html").await;
    app.click("[data-testid=export-button]").await;
    let target = folder.path().join("noted.html");
    answer_file_dialog("Export Comparison", &target).await;
    app.wait_until(
        "document.querySelector('[data-testid=export-status]').textContent.includes('noted.html')",
        "the window says the report was saved",
    )
    .await;
    let html = std::fs::read_to_string(&target).unwrap();
    assert!(
        html.contains("The ministry&#39;s own release says $150 million.")
            || html.contains("The ministry&#x27;s own release says $150 million.")
            || html.contains("The ministry's own release says $150 million."),
        "the report holds the note"
    );
    assert!(html.contains("misleading"), "and its verdict");
    assert!(
        html.contains("Articles and sources cited")
            && html.contains("https://original-report.example/2025/11/20/us-army-delegation-kyiv"),
        "and cites the sources"
    );

    // The compared articles cited as BibTeX, saved through the save dialog.
    choose_value(&app, "cite-format", "bibtex").await;
    app.click("[data-testid=cite-save]").await;
    let bib = folder.path().join("sources.bib");
    answer_file_dialog("Save Citations", &bib).await;
    app.wait_until(
        "(document.querySelector('[data-testid=toast-message]') || {}).textContent === 'Saved 5 citations to sources.bib'",
        "the window says the citations are saved",
    )
    .await;
    let written = std::fs::read_to_string(&bib).unwrap();
    assert_eq!(written.matches("@article").count(), 5, "{written}");
    app.wait_until(
        "!document.querySelector('[data-testid=cite-copy]').disabled",
        "the BibTeX is ready to copy",
    )
    .await;
    app.click("[data-testid=cite-copy]").await;
    let copied = app
        .poll(
            "return document.querySelector('[data-testid=cite-status]').textContent",
            "the window says the citations are copied",
            |status| status.as_str().is_some_and(|s| !s.is_empty()),
        )
        .await;
    assert_eq!(copied, "Copied 5 citations as BibTeX");
    eprintln!(
        "CLIPBOARD API: {}",
        app.script("return typeof (navigator.clipboard && navigator.clipboard.writeText)")
            .await
    );
    // What was copied is on the system clipboard: pasted into the search field, it is there.
    app.click("[data-testid=library-search]").await;
    press(&app, "[data-testid=library-search]", "\u{E009}v\u{E000}").await;
    let pasted = app
        .poll(
            "return document.querySelector('[data-testid=library-search]').value",
            "the citations paste from the clipboard",
            |value| value.as_str().is_some_and(|v| !v.is_empty()),
        )
        .await;
    assert!(
        pasted.as_str().unwrap().starts_with("@article{"),
        "the clipboard holds the BibTeX: {pasted}"
    );
    press(
        &app,
        "[data-testid=library-search]",
        "\u{E009}a\u{E000}\u{E003}",
    )
    .await;

    // The reader shows the note on its article's sentence; deleting it there is undone.
    let noted = back.article.unwrap().to_string();
    app.wait_until(&listed_count_is(8), "the whole library is listed again")
        .await;
    // Clicked from the page: WebKitWebDriver at times answers this click with an empty error
    // once it has opened the reader (as for the event row in the search test above).
    app.script(&format!(
        "document.querySelector(\"[data-testid=library-item][data-article-id='{noted}'] .article-open\").click()"
    ))
    .await;
    app.wait_until(
        &format!(
            "document.querySelector(\"[data-testid=article-reader][data-article-id='{noted}']\")"
        ),
        "the reader shows the noted article",
    )
    .await;
    let in_reader = "return [...document.querySelectorAll('[data-testid=reader-notes] [data-testid=note-item]')].map(n => n.querySelector('[data-testid=note-text]').textContent)";
    app.poll(in_reader, "the reader lists the sentence's note", |notes| {
        notes == &serde_json::json!(["The ministry's own release says $150 million."])
    })
    .await;
    app.click("[data-testid=reader-notes] [data-testid=note-delete]")
        .await;
    app.poll(in_reader, "Delete takes the note away", |notes| {
        notes.as_array().is_some_and(|n| n.is_empty())
    })
    .await;
    press(&app, "body", CTRL_Z).await;
    app.poll(in_reader, "Ctrl+Z brings it back", |notes| {
        notes.as_array().is_some_and(|n| n.len() == 1)
    })
    .await;

    // The reader cites its one article.
    app.wait_until(
        "!document.querySelector('[data-testid=reader-notes] [data-testid=cite-copy]').disabled",
        "the reader's citation is ready to copy",
    )
    .await;
    app.click("[data-testid=reader-notes] [data-testid=cite-copy]")
        .await;
    app.wait_until(
        "document.querySelector('[data-testid=reader-notes] [data-testid=cite-status]').textContent === 'Copied 1 citation as CSL-JSON'",
        "the reader says its citation is copied",
    )
    .await;
    app.close().await;
}

/// The kinds of the notes shown under the cell of `column` in `row`.
fn cell_note_kinds(column: usize, row: u64) -> String {
    format!("return [...document.querySelectorAll(\".cell[data-column='{column}'][data-row='{row}'] [data-testid=note-item]\")].map(n => n.dataset.noteKind)")
}

#[tokio::test(flavor = "multi_thread")]
async fn notes_are_written_on_a_sentence_an_aligned_pair_and_the_event_from_the_compare_view() {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    // A row where the first two reports' sentences are aligned.
    let row = app
        .script("return Number([...document.querySelectorAll(\"[data-testid=aligned-pair][data-column='0']\")].find(n => document.querySelector(`[data-testid=aligned-pair][data-column='1'][data-row='${n.dataset.row}']`)).dataset.row)")
        .await
        .as_u64()
        .unwrap();
    let cell = |column: usize| format!(".cell[data-column='{column}'][data-row='{row}']");

    // One chosen sentence, N, a note saved with Enter.
    choose_sentence(&app, &cell(0), true).await;
    press(&app, &cell(0), "n").await;
    app.wait_for("note-dialog").await;
    press(
        &app,
        "[data-testid=note-text-input]",
        "Only this outlet dates it.",
    )
    .await;
    press(&app, "[data-testid=note-text-input]", ENTER).await;
    app.poll(
        &cell_note_kinds(0, row),
        "the note shows under its sentence",
        |kinds| kinds == &serde_json::json!(["sentence"]),
    )
    .await;

    // One sentence in each of two reports: a note on the pair, with a verdict, saved by button.
    choose_sentence(&app, &cell(0), false).await;
    choose_sentence(&app, &cell(1), false).await;
    assert_eq!(app.text("[data-testid=note-button]").await, "Note on pair…");
    app.script("document.querySelector('[data-testid=note-button]').click()")
        .await;
    app.wait_for("note-dialog").await;
    choose_value(&app, "note-verdict-input", "accurate").await;
    press(&app, "[data-testid=note-text-input]", "Both say the same.").await;
    app.click("[data-testid=note-save]").await;
    app.poll(
        &cell_note_kinds(1, row),
        "the pair's note shows under its second sentence",
        |kinds| kinds == &serde_json::json!(["pair"]),
    )
    .await;
    assert_eq!(
        app.script(&cell_note_kinds(0, row)).await,
        serde_json::json!(["sentence", "pair"]),
        "and under its first, beside the sentence's own"
    );

    // A note on the event, listed with the others; the focus goes to the note written.
    app.script("document.querySelector('[data-testid=event-note-button]').click()")
        .await;
    app.wait_for("note-dialog").await;
    press(
        &app,
        "[data-testid=note-text-input]",
        "Five reports, one story.",
    )
    .await;
    press(&app, "[data-testid=note-text-input]", ENTER).await;
    app.poll(
        "return [...document.querySelectorAll('[data-testid=event-notes] [data-testid=note-item]')].map(n => n.dataset.noteKind)",
        "the event's list holds the three notes",
        |kinds| kinds == &serde_json::json!(["sentence", "pair", "event"]),
    )
    .await;
    app.wait_until(
        "document.activeElement && document.activeElement.closest('[data-testid=note-item]') && document.activeElement.closest('[data-testid=note-item]').dataset.noteKind === 'event'",
        "the focus is on the note just written",
    )
    .await;

    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let notes = library
        .notes(&parallax_library::NoteFilter::default())
        .unwrap();
    let written: Vec<(&str, Option<&str>, &str)> = notes
        .iter()
        .map(|n| (n.kind.as_str(), n.verdict.as_deref(), n.text.as_str()))
        .collect();
    assert_eq!(
        written,
        vec![
            ("sentence", None, "Only this outlet dates it."),
            ("pair", Some("accurate"), "Both say the same."),
            ("event", None, "Five reports, one story."),
        ]
    );

    // The event's notes are searched as one types: by a word of the text, then by verdict.
    let searched = "return [...document.querySelectorAll('[data-testid=event-notes] [data-testid=note-text]')].map(n => n.textContent)";
    press(&app, "[data-testid=notes-search]", "outlet").await;
    app.poll(
        searched,
        "the search keeps the note that holds the word",
        |found| found == &serde_json::json!(["Only this outlet dates it."]),
    )
    .await;
    retype(&app, "[data-testid=notes-search]", "accurate").await;
    app.poll(searched, "a verdict is searched too", |found| {
        found == &serde_json::json!(["Both say the same."])
    })
    .await;
    press(&app, "[data-testid=notes-search]", "\u{E009}a\u{E000}").await;
    press(&app, "[data-testid=notes-search]", "\u{E003}").await;
    app.poll(
        searched,
        "an empty search lists every note again",
        |found| found.as_array().is_some_and(|all| all.len() == 3),
    )
    .await;
    app.close().await;
}

/// Four dated reports of one rescue: Lakeside Wire at 07:45 UTC, Valley Herald at 09:50 UTC
/// (it copies Lakeside Wire's opening word for word), County Courier dated to the day only,
/// Hill Gazette undated. Written as Markdown with `Published:` lines, imported through the
/// command line as a person's files are.
fn quarry_reports(folder: &std::path::Path) -> Vec<String> {
    let opening = "Two hikers were pulled from the flooded quarry lake near Elmsford on Thursday morning after a six hour search by volunteer divers.";
    let reports = [
        ("hill-gazette.md", "Divers rescue hikers at Elmsford quarry", "Hill Gazette", None,
         "Volunteer divers rescued two hikers from the flooded quarry lake near Elmsford on Thursday. The council will meet on Monday to discuss the quarry.".to_string()),
        ("valley-herald.md", "Hikers pulled from Elmsford quarry lake", "Valley Herald", Some("2025-11-20T09:50:00Z"),
         format!("{opening} Fire chief Dana Whitlock said both hikers were treated for cold at the scene. Residents have asked the council to drain the quarry lake before next summer.")),
        ("lakeside-wire.md", "Two hikers rescued from Elmsford quarry lake", "Lakeside Wire", Some("2025-11-20T07:45:00Z"),
         format!("{opening} Fire chief Dana Whitlock said both hikers were treated for cold at the scene. The quarry owner said the fences had been repaired in October.")),
        ("county-courier.md", "Elmsford quarry lake rescue", "County Courier", Some("2025-11-20"),
         "Two hikers were rescued from the quarry lake near Elmsford on Thursday after volunteer divers searched for six hours. Residents have asked the council to drain the quarry lake before next summer.".to_string()),
    ];
    reports
        .into_iter()
        .map(|(file, title, outlet, published, body)| {
            let path = folder.join(file);
            let dated = published
                .map(|p| format!("Published: {p}\n"))
                .unwrap_or_default();
            std::fs::write(
                &path,
                format!("# {title}\n\nSource: {outlet}\n{dated}\n{body}\n"),
            )
            .unwrap();
            path.display().to_string()
        })
        .collect()
}

/// Starts the app with the quarry reports and opens their event's comparison.
async fn open_quarry_event(folder: &std::path::Path) -> App {
    let app = App::start(&quarry_reports(folder)).await;
    app.wait_for_all("library-item", 12).await;
    let quarry = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=event-item]')].filter(item => /quarry/i.test(item.textContent)).map(item => [item.dataset.eventId, Number(item.querySelector('.count').textContent)])",
            "the four quarry reports make one event",
            |events| events.as_array().is_some_and(|e| e.len() == 1 && e[0][1] == 4),
        )
        .await;
    let row = format!(
        "[data-testid=event-item][data-event-id='{}']",
        quarry[0][0].as_str().unwrap()
    );
    // Clicked from the page: WebKitWebDriver may answer a click that starts a comparison with
    // an empty error.
    app.script(&format!("document.querySelector({row:?}).click()"))
        .await;
    app.poll(
        "return [...document.querySelectorAll('[data-testid=compare-pane] .pane-outlet')].filter(p => ['Lakeside Wire', 'Valley Herald', 'County Courier', 'Hill Gazette'].includes(p.textContent)).length",
        "the four quarry reports are compared",
        |panes| panes == 4,
    )
    .await;
    app
}

#[tokio::test(flavor = "multi_thread")]
async fn the_timeline_strip_shows_the_reports_in_order_of_publication_and_who_said_what_first() {
    let folder = tempfile::tempdir().unwrap();
    let app = open_quarry_event(folder.path()).await;
    app.wait_for("timeline-strip").await;
    let shown = app
        .script(
            "return [...document.querySelectorAll('[data-testid=timeline-item]')].map(item => \
             [item.dataset.articleId, item.dataset.precision, item.querySelector('.timeline-source').textContent, item.querySelector('.timeline-date').textContent])",
        )
        .await;
    let shown: Vec<(String, String, String, String)> = serde_json::from_value(shown).unwrap();
    let sources: Vec<&str> = shown.iter().map(|s| s.2.as_str()).collect();
    assert_eq!(
        sources,
        [
            "Lakeside Wire",
            "Valley Herald",
            "County Courier",
            "Hill Gazette"
        ],
        "by minute, then the day-only report of that day, the undated one apart: {shown:?}"
    );
    let precisions: Vec<&str> = shown.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(precisions, ["minute", "minute", "day", "undated"]);
    assert_eq!(shown[0].3, "20 Nov 2025, 07:45 UTC");
    assert_eq!(shown[2].3, "20 Nov 2025");
    assert_eq!(shown[3].3, "undated");
    let panes = app
        .script("return [...document.querySelectorAll('[data-testid=compare-pane]')].map(p => [p.dataset.articleId, p.querySelector('.pane-outlet').textContent])")
        .await;
    let panes: Vec<(String, String)> = serde_json::from_value(panes).unwrap();
    for (id, _, source, _) in &shown {
        assert!(
            panes.contains(&(id.clone(), source.clone())),
            "each timeline item carries its article's id: {shown:?} {panes:?}"
        );
    }
    let gaps = app
        .script("return [...document.querySelectorAll('[data-testid=timeline-strip] .timeline-gap')].map(g => g.textContent)")
        .await;
    assert_eq!(gaps[0], "+2 hours", "{gaps}");

    app.click("[data-testid=timeline-open]").await;
    app.wait_for("timeline-view").await;
    let statements = app
        .script(
            "return [...document.querySelectorAll('[data-testid=timeline-statement]')].map(s => \
             [s.querySelector('q').textContent, s.querySelector('[data-testid=timeline-first]').textContent, s.querySelector('.timeline-reported').textContent])",
        )
        .await;
    let statements: Vec<(String, String, String)> = serde_json::from_value(statements).unwrap();
    let about = |words: &str| {
        statements
            .iter()
            .find(|s| s.0.contains(words))
            .unwrap_or_else(|| panic!("no statement about '{words}': {statements:?}"))
            .clone()
    };
    let fences = about("fences had been repaired");
    assert!(
        fences
            .1
            .starts_with("First: Lakeside Wire (20 Nov 2025, 07:45 UTC)"),
        "{fences:?}"
    );
    let opening = about("six hour search");
    assert!(opening.1.starts_with("First: Lakeside Wire"), "{opening:?}");
    assert!(
        opening
            .2
            .starts_with("Reported by Lakeside Wire, Valley Herald"),
        "{opening:?}"
    );
    let drain = about("drain the quarry lake");
    assert!(
        drain.1.starts_with("First: Valley Herald") && drain.1.contains("or County Courier"),
        "a day-only date on the same day may have been first: {drain:?}"
    );
    assert!(
        statements[0].1.starts_with("First: Lakeside Wire"),
        "statements in the order first made: {statements:?}"
    );
    app.click("[data-testid=timeline-close]").await;
    app.wait_until(
        "!document.querySelector('[data-testid=timeline-view]') && !document.querySelector('.compare-body').hidden",
        "the panes are back",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_passage_copied_word_for_word_says_who_published_it_first_and_how_long_before() {
    let folder = tempfile::tempdir().unwrap();
    let app = open_quarry_event(folder.path()).await;
    app.wait_for("shared-passage").await;
    let passages = app
        .script("return [...document.querySelectorAll('[data-testid=shared-passage]')].map(p => [p.querySelector('q').textContent, p.textContent])")
        .await;
    let passages: Vec<(String, String)> = serde_json::from_value(passages).unwrap();
    let opening = passages
        .iter()
        .find(|p| p.0.contains("six hour search") && p.1.contains("Valley Herald"))
        .unwrap_or_else(|| panic!("the copied opening is listed: {passages:?}"));
    assert!(
        opening
            .1
            .contains("copied from Lakeside Wire (published 2 hours earlier)"),
        "{opening:?}"
    );
    let drain = passages
        .iter()
        .find(|p| p.0.contains("drain the quarry lake"))
        .unwrap_or_else(|| panic!("the shared sentence on draining is listed: {passages:?}"));
    assert!(
        (drain
            .1
            .contains("words in Valley Herald and County Courier")
            || drain
                .1
                .contains("words in County Courier and Valley Herald"))
            && !drain.1.contains("copied from"),
        "a day-only date on the same day cannot tell who was first: {drain:?}"
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn groups_set_in_the_outlet_manager_show_a_blindspot_and_narrow_the_list() {
    let folder = tempfile::tempdir().unwrap();
    let app = open_quarry_event(folder.path()).await;
    assert_eq!(app.count("blindspot-item").await, 0, "no group yet");
    choose_from_library_menu(&app, "outlets-button").await;
    app.wait_until(
        "document.querySelector('[data-testid=outlets-dialog]')?.open",
        "the outlets dialog is open",
    )
    .await;
    for (outlet, group) in [
        ("Lakeside Wire", "leaning=left"),
        ("Valley Herald", "leaning=right"),
    ] {
        let row = format!("[data-testid=outlet-row][data-outlet='{outlet}']");
        // The dialog's list scrolls: bring the row's field into view before typing into it.
        app.script(&format!(
            "document.querySelector(\"{row} [data-testid=outlet-group-input]\").scrollIntoView({{block: 'center'}})"
        ))
        .await;
        // A fresh, empty field (the list is drawn again after each change): typed into.
        press(
            &app,
            &format!("{row} [data-testid=outlet-group-input]"),
            &format!("{group}{ENTER}"),
        )
        .await;
        let (dimension, name) = group.split_once('=').unwrap();
        app.wait_until(
            &format!("document.querySelector(\"{row} [data-testid=outlet-group][data-dimension='{dimension}'][data-group='{name}']\")"),
            "the outlet shows its group",
        )
        .await;
    }
    assert!(app
        .text("[data-testid=outlets-status]")
        .await
        .contains("Valley Herald is now in leaning: right"));
    app.click("[data-testid=outlets-close]").await;

    let blind = app
        .poll(
            "return [...document.querySelectorAll('[data-testid=blindspot-item]')].map(b => [b.dataset.dimension, b.dataset.group, b.textContent])",
            "the comparison on screen shows the blindspots of the groups",
            |items| items.as_array().is_some_and(|i| !i.is_empty()),
        )
        .await;
    let blind: Vec<(String, String, String)> = serde_json::from_value(blind).unwrap();
    assert!(
        blind.iter().any(|(d, g, text)| d == "leaning"
            && g == "right"
            && text.contains("fences had been repaired")),
        "what only the left-rated outlet reports is a blindspot of the right: {blind:?}"
    );
    assert!(
        !blind
            .iter()
            .any(|(_, g, text)| g == "right" && text.contains("six hour search")),
        "what a right-rated outlet reports is no blindspot of the right: {blind:?}"
    );
    let heading = app
        .script("return document.querySelector(\"[data-testid=blindspot][data-group='right'] summary\").textContent")
        .await;
    assert!(
        heading
            .as_str()
            .unwrap()
            .starts_with("Not reported by any outlet rated leaning “right”"),
        "{heading}"
    );

    choose_option(&app, "[data-testid=filter-group]", "leaning=left").await;
    let titles = listed_titles(&app, 1, "the one left-rated outlet's report").await;
    assert_eq!(titles, ["Two hikers rescued from Elmsford quarry lake"]);

    choose_from_library_menu(&app, "outlets-button").await;
    app.wait_until(
        "document.querySelector('[data-testid=outlets-dialog]')?.open",
        "the outlets dialog is open",
    )
    .await;
    // Clicked from the page: WebKitWebDriver may answer a click that starts async work with an
    // empty error, and a retried click would find the group already gone.
    app.script("document.querySelector(\"[data-testid=outlet-row][data-outlet='Lakeside Wire'] [data-testid=outlet-group-remove]\").click()")
        .await;
    app.wait_until(
        "!document.querySelector(\"[data-testid=outlet-row][data-outlet='Lakeside Wire'] [data-testid=outlet-group]\")",
        "the group is removed",
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn reuse_clusters_imported_from_passim_are_listed_beside_the_comparison_and_lead_to_their_sentences(
) {
    let app = App::start(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    let compared: Vec<i64> = serde_json::from_value(
        app.script("return [...document.querySelectorAll('[data-testid=compare-pane]')].map(p => Number(p.dataset.articleId))")
            .await,
    )
    .unwrap();
    let elsewhere: i64 = listed_ids(&app)
        .await
        .iter()
        .map(|id| id.parse().unwrap())
        .find(|id| !compared.contains(id))
        .expect("an article of another event");
    assert_eq!(app.count("reuse-cluster").await, 0, "nothing imported yet");

    // passim's output for one cluster: the opening words of two compared reports and of an
    // article of another event, as passim quotes them.
    let library = parallax_library::Library::open(&app.library_file().await).unwrap();
    let mut lines = String::new();
    for id in [compared[0], compared[1], elsewhere] {
        let text: String = library.article(id).unwrap().text.chars().take(60).collect();
        lines.push_str(
            &serde_json::json!({"cluster": 41, "size": 3, "id": id.to_string(), "series": "wire",
                "begin": 0, "end": text.chars().count(), "text": text})
            .to_string(),
        );
        lines.push('\n');
    }
    let imported = library
        .import_passim_clusters(&mut lines.as_bytes(), "out.json")
        .unwrap();
    assert_eq!(imported.imported, 3, "{imported:?}");
    drop(library);

    let app = app.restart(&[]).await;
    app.wait_for_all("compare-pane", 5).await;
    let cluster = app.wait_for("reuse-cluster").await;
    let said = cluster.text().await.unwrap();
    assert!(
        said.contains("also in 1 other article of the library") && said.contains("cluster 41"),
        "the cluster names where else it is: {said}"
    );
    // Chosen from the keyboard, it marks the two reports' first sentences.
    app.script("document.querySelector('[data-testid=reuse-cluster]').focus()")
        .await;
    press_on_focused(&app, "\u{E007}").await;
    app.wait_until(
        "document.querySelectorAll('[data-testid=compare-view] .cell.current').length === 2",
        "the cluster's sentences are shown in both reports",
    )
    .await;
    app.close().await;
}
