//! Hostile articles in the real window: nothing a file contains may run, and what it contains
//! shows as text. Each payload sets `window.__parallaxPwned` or opens a dialog if it runs.

mod support;

use fantoccini::Locator;
use support::{fixture, App};

const HOSTILE: [&str; 3] = [
    "hostile/hostile-page.html",
    "hostile/hostile-notes.md",
    "hostile/hostile-bidi.txt",
];

async fn assert_nothing_ran(app: &App, after: &str) {
    let pwned = app
        .script(
            "return window.__parallaxPwned === undefined ? null : String(window.__parallaxPwned)",
        )
        .await;
    assert!(pwned.is_null(), "a payload ran after {after}: {pwned}");
    let alert = app.client.get_alert_text().await;
    assert!(
        alert.is_err(),
        "a payload opened a dialog after {after}: {alert:?}"
    );
    let frames = app
        .script(
            "return document.querySelectorAll('iframe, script:not([src]), object, embed').length",
        )
        .await;
    assert_eq!(
        frames, 0,
        "no frame, inline script or plugin element reached the page after {after}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_articles_show_as_text_in_the_reader_and_the_compare_view_and_nothing_runs() {
    let files: Vec<String> = HOSTILE
        .iter()
        .map(|name| fixture(name).display().to_string())
        .collect();
    let app = App::start(&files).await;
    app.wait_for_all("library-item", 11).await;
    assert_nothing_ran(&app, "import").await;

    let ids: Vec<String> = serde_json::from_value(
        app.script(
            "return [...document.querySelectorAll('[data-testid=library-item]')]
               .filter(n => /^(Council budget vote delayed again|Library cost questioned at council meeting|Budget vote delayed for a third week)$/.test(n.querySelector('.article-title').textContent))
               .map(n => n.dataset.articleId)",
        )
        .await,
    )
    .unwrap();
    assert_eq!(ids.len(), 3, "the three hostile files are in the library");

    for id in &ids {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] .article-open"
        ))
        .await;
        app.client
            .wait()
            .for_element(Locator::Css(&format!(
                "[data-testid=article-reader][data-article-id='{id}']"
            )))
            .await
            .unwrap();
        assert_nothing_ran(&app, &format!("opening article {id} in the reader")).await;
    }

    let reader_text = app
        .script("return document.querySelector('[data-testid=article-reader]').textContent")
        .await;
    let reader_text = reader_text.as_str().unwrap();
    assert!(
        reader_text.contains("<b onmouseover=alert(1)>"),
        "markup in a text file shows literally"
    );
    assert!(
        reader_text.contains('\u{202e}'),
        "bidi controls are kept as text, not stripped or obeyed as markup"
    );

    for id in &ids {
        app.click(&format!(
            "[data-testid=library-item][data-article-id='{id}'] input[type=checkbox]"
        ))
        .await;
    }
    app.client
        .find(Locator::Id("compare-button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let panes = app.wait_for_all("compare-pane", 3).await;
    assert_eq!(panes.len(), 3);
    assert_nothing_ran(&app, "comparing the hostile articles").await;
    let shown = app
        .script("return document.querySelector('[data-testid=compare-view]').textContent")
        .await;
    assert!(
        shown.as_str().unwrap().contains("<b onmouseover=alert(1)>"),
        "the compare view shows markup as text"
    );
    app.close().await;
}
