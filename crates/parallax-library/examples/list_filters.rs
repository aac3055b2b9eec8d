//! Measures the window's narrowed library list on an existing library: a page of the listing
//! with each filter, deep pages, searches with filters, and the outlet counts.
//!
//! ```text
//! cargo run --release -p parallax-library --example list_filters -- LIBRARY.sqlite3
//! ```

use std::time::{Duration, Instant};

use parallax_library::{Library, SearchOptions, SearchSort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("give the library file")?;
    let library = Library::open(path.as_ref())?;
    let (outlets, took) = timed(|| library.outlets())?;
    println!("outlets with counts: {} outlets in {took:?}", outlets.len());
    let (all, took) = timed(|| {
        library
            .find_articles("", &SearchOptions::every_article(), 0)
            .map(|p| p.articles)
    })?;
    println!(
        "list every article (unfiltered window list): {} in {took:?}",
        all.len()
    );
    let page = |options: SearchOptions| SearchOptions {
        limit: 200,
        ..options
    };
    let day = |n: usize| {
        all.iter()
            .filter_map(|a| a.published.clone())
            .nth(n)
            .map(|d| d[..10].to_string())
    };
    let common = outlets.first().map(|o| o.outlet.clone());
    let rare = outlets.last().map(|o| o.outlet.clone());
    let event = all[all.len() / 2].event;
    // A word few articles share: the longest of an article's first fifty.
    let text = library.article(all[7].id)?.text;
    let uncommon = text
        .split_whitespace()
        .take(50)
        .max_by_key(|w| w.len())
        .unwrap_or("x")
        .to_string();
    let cases: Vec<(&str, &str, SearchOptions, usize)> = vec![
        (
            "no filter, newest, first page",
            "",
            page(SearchOptions::default()),
            0,
        ),
        (
            "no filter, newest, middle page",
            "",
            page(SearchOptions::default()),
            all.len() / 2,
        ),
        (
            "no filter, newest, last page",
            "",
            page(SearchOptions::default()),
            all.len().saturating_sub(200),
        ),
        (
            "no filter, oldest, first page",
            "",
            page(SearchOptions {
                sort: SearchSort::Oldest,
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "no filter, oldest, last page",
            "",
            page(SearchOptions {
                sort: SearchSort::Oldest,
                ..SearchOptions::default()
            }),
            all.len().saturating_sub(200),
        ),
        (
            "commonest outlet",
            "",
            page(SearchOptions {
                outlet: common.clone(),
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "rarest outlet",
            "",
            page(SearchOptions {
                outlet: rare.clone(),
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "one event",
            "",
            page(SearchOptions {
                event,
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "a month",
            "",
            page(SearchOptions {
                since: day(all.len() / 2),
                until: day(all.len() / 2 - 4000),
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "a month and the commonest outlet",
            "",
            page(SearchOptions {
                since: day(all.len() / 2),
                until: day(all.len() / 2 - 4000),
                outlet: common.clone(),
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "search, best match",
            "story",
            page(SearchOptions::default()),
            0,
        ),
        (
            "search, newest",
            "story",
            page(SearchOptions {
                sort: SearchSort::Newest,
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "search + commonest outlet",
            "story",
            page(SearchOptions {
                outlet: common.clone(),
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "common title word search",
            all[7].title.split(' ').nth(3).unwrap_or("x"),
            page(SearchOptions::default()),
            0,
        ),
        (
            "uncommon word search, best match",
            &uncommon,
            page(SearchOptions::default()),
            0,
        ),
        (
            "uncommon word search, newest",
            &uncommon,
            page(SearchOptions {
                sort: SearchSort::Newest,
                ..SearchOptions::default()
            }),
            0,
        ),
        (
            "uncommon word + a month",
            &uncommon,
            page(SearchOptions {
                since: day(all.len() / 2),
                until: day(all.len() / 2 - 4000),
                ..SearchOptions::default()
            }),
            0,
        ),
    ];
    for (name, query, options, offset) in cases {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..5 {
            let (found, took) = timed(|| library.find_articles(query, &options, offset))?;
            total = found.total;
            times.push(took);
        }
        times.sort();
        println!(
            "{name:<40} {total:>7} match, median {:?} (fastest {:?}, slowest {:?})",
            times[2], times[0], times[4]
        );
    }
    Ok(())
}

fn timed<T, E>(f: impl FnOnce() -> Result<T, E>) -> Result<(T, Duration), E> {
    let started = Instant::now();
    let value = f()?;
    Ok((value, started.elapsed()))
}
