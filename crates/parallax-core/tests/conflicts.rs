//! Conflicting facts and quotations across three short reports of one (fictional) event, each
//! stating some facts in another form and some differently.

use parallax_core::compare::{compare, Comparison};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/conflicts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn three_reports() -> Comparison {
    let texts = [
        fixture("northgate.txt"),
        fixture("meridian.txt"),
        fixture("continental.txt"),
    ];
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    compare(&refs)
}

/// `(left article, right article, kind, left value, right value)` of every conflict.
fn conflicts(comparison: &Comparison) -> Vec<(usize, usize, String, String, String)> {
    let mut found = Vec::new();
    for pair in &comparison.pairs {
        for c in &pair.conflicts {
            found.push((
                pair.left,
                pair.right,
                c.kind.clone(),
                c.left.clone(),
                c.right.clone(),
            ));
        }
    }
    found
}

fn has(
    found: &[(usize, usize, String, String, String)],
    pair: (usize, usize),
    kind: &str,
    left: &str,
    right: &str,
) -> bool {
    found
        .iter()
        .any(|c| (c.0, c.1) == pair && c.2 == kind && c.3 == left && c.4 == right)
}

#[test]
fn conflicting_amounts_weekdays_and_casualties_are_reported() {
    let found = conflicts(&three_reports());
    assert!(
        has(&found, (0, 1), "weekday", "Thursday", "Friday"),
        "{found:#?}"
    );
    assert!(
        has(&found, (0, 1), "casualties", "12 people", "15 people"),
        "{found:#?}"
    );
    assert!(
        has(&found, (0, 2), "money", "$105 million", "$150m"),
        "{found:#?}"
    );
    assert!(
        has(&found, (1, 2), "money", "105 million dollars", "$150m"),
        "{found:#?}"
    );
    assert!(
        has(&found, (1, 2), "weekday", "Friday", "Thursday"),
        "{found:#?}"
    );
    assert!(
        has(&found, (1, 2), "casualties", "15 people", "a dozen people"),
        "{found:#?}"
    );
}

#[test]
fn one_amount_given_two_ways_is_one_disputed_fact_across_all_reports() {
    let comparison = three_reports();
    let amounts: Vec<_> = comparison
        .disputed_facts
        .iter()
        .filter(|f| f.kind == "money")
        .collect();
    assert_eq!(amounts.len(), 1, "{:#?}", comparison.disputed_facts);
    let values: Vec<(&str, &[usize])> = amounts[0]
        .values
        .iter()
        .map(|v| (v.text.as_str(), v.articles.as_slice()))
        .collect();
    // $105 million (Northgate) and 105 million dollars (Meridian) are one value.
    assert_eq!(values, [("$105 million", &[0, 1][..]), ("$150m", &[2][..])]);
    assert!(amounts[0].what.ends_with("amount"), "{}", amounts[0].what);
    for value in &amounts[0].values {
        for &[article, sentence] in &value.sentences {
            let text = &comparison.sentences[article][sentence].text;
            assert!(text.contains("PATRIOT"), "{text}");
        }
    }
}

#[test]
fn every_pairwise_conflict_is_in_one_disputed_fact() {
    let comparison = three_reports();
    for pair in &comparison.pairs {
        for c in &pair.conflicts {
            let holding: Vec<_> = comparison
                .disputed_facts
                .iter()
                .filter(|f| {
                    let gives = |article: usize, sentence: usize| {
                        f.values
                            .iter()
                            .any(|v| v.sentences.contains(&[article, sentence]))
                    };
                    gives(pair.left, c.left_sentence) && gives(pair.right, c.right_sentence)
                })
                .collect();
            assert_eq!(holding.len(), 1, "{c:?} in {holding:#?}");
        }
    }
}

#[test]
fn equal_values_in_other_forms_are_not_conflicts() {
    let found = conflicts(&three_reports());
    let values: Vec<&str> = found
        .iter()
        .flat_map(|c| [c.3.as_str(), c.4.as_str()])
        .collect();
    // $105 million = 105 million dollars; 28% = 28 per cent; 12 people = a dozen people;
    // Driscoll, 39 = a 39-year-old; Thursday = Thursday, 20 November; wounded 40 on both sides.
    for agreed in [
        "28%",
        "28 per cent",
        "39",
        "39-year-old",
        "20 November",
        "40",
    ] {
        assert!(
            !values.contains(&agreed),
            "{agreed} is reported in {found:#?}"
        );
    }
    assert!(!has(
        &found,
        (0, 1),
        "money",
        "$105 million",
        "105 million dollars"
    ));
    assert!(!has(
        &found,
        (0, 2),
        "casualties",
        "12 people",
        "a dozen people"
    ));
}

#[test]
fn extra_numbers_on_one_side_and_datelines_are_not_conflicts() {
    let found = conflicts(&three_reports());
    let values: Vec<&str> = found
        .iter()
        .flat_map(|c| [c.3.as_str(), c.4.as_str()])
        .collect();
    for extra in ["60 percent", "14 officers", "Nov 19", "Wednesday"] {
        assert!(
            !values.contains(&extra),
            "{extra} is reported in {found:#?}"
        );
    }
}

#[test]
fn every_conflict_points_at_sentences_that_state_its_values() {
    let comparison = three_reports();
    for pair in &comparison.pairs {
        for c in &pair.conflicts {
            let left = &comparison.sentences[pair.left][c.left_sentence].text;
            let right = &comparison.sentences[pair.right][c.right_sentence].text;
            assert!(left.contains(&c.left), "{:?} not in {left:?}", c.left);
            assert!(right.contains(&c.right), "{:?} not in {right:?}", c.right);
        }
    }
}

#[test]
fn quotations_are_attributed_linked_and_their_changed_words_reported() {
    let comparison = three_reports();
    let speakers: Vec<Option<&str>> = comparison
        .quotes
        .iter()
        .map(|q| q[0].speaker.as_deref())
        .collect();
    assert_eq!(
        speakers,
        [
            Some("Dan Driscoll"),
            Some("Dan Driscoll"),
            Some("Dan Driscoll")
        ]
    );
    let exact = comparison
        .quote_links
        .iter()
        .find(|l| (l.left, l.right) == (0, 1))
        .expect("a link 0-1");
    assert!(exact.same_words);
    let changed = comparison
        .quote_links
        .iter()
        .find(|l| (l.left, l.right) == (0, 2))
        .expect("a link 0-2");
    assert!(!changed.same_words);
    let found = conflicts(&comparison);
    let quote_conflicts: Vec<(usize, usize)> = found
        .iter()
        .filter(|c| c.2 == "quote")
        .map(|c| (c.0, c.1))
        .collect();
    assert_eq!(quote_conflicts, [(0, 2), (1, 2)]);
}

#[test]
fn the_conflicts_read_as_expected() {
    let comparison = three_reports();
    let mut report = String::new();
    for pair in &comparison.pairs {
        for c in &pair.conflicts {
            report.push_str(&format!(
                "[{}] ~ [{}] {}: {:?} / {:?}\n  < {}\n  > {}\n",
                pair.left,
                pair.right,
                c.kind,
                c.left,
                c.right,
                comparison.sentences[pair.left][c.left_sentence].text,
                comparison.sentences[pair.right][c.right_sentence].text
            ));
        }
    }
    insta::assert_snapshot!(report);
}
