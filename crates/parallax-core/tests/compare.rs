//! Comparison of articles on small fixtures: alignment through reordering, merges and
//! paraphrase, word diffs, shared passages and N-way coverage.

use parallax_core::compare::{compare, Comparison, DiffOp, PairComparison};
use parallax_core::text::{normalize, words};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Index of the sentence of `article` that starts with `prefix`.
fn sentence(comparison: &Comparison, article: usize, prefix: &str) -> usize {
    comparison.sentences[article]
        .iter()
        .position(|s| s.text.starts_with(prefix))
        .unwrap_or_else(|| panic!("no sentence starting with {prefix:?} in article {article}"))
}

/// The right sentences aligned with left sentence `i`, if any.
fn partners(pair: &PairComparison, i: usize) -> Option<Vec<usize>> {
    pair.alignments
        .iter()
        .find(|a| a.left.contains(&i))
        .map(|a| a.right.clone())
}

fn folded_words(text: &str) -> Vec<String> {
    words(text)
        .map(|w| normalize(w.text).into_owned())
        .collect()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn reordered_paragraphs_still_align() {
    let (a, b) = (fixture("harbour-a.txt"), fixture("harbour-b.txt"));
    let comparison = compare(&[&a, &b]);
    let pair = &comparison.pairs[0];
    let expected = [
        ("WRENHAVEN, March 3", "Councillors in Wrenhaven decided"),
        ("Repairs are expected", "Repairs to the harbour bridge"),
        ("Local haulage firms", "Wrenhaven's haulage companies"),
        (
            "The Chamber of Commerce estimated",
            "Local businesses stand to lose",
        ),
        (
            "“Nobody wants to see lorries",
            "“Nobody wants to see lorries",
        ),
        (
            "The vote passed by nine",
            "The council approved the measure",
        ),
        (
            "Mayor Alana Brook said the closure",
            "The bridge will stay closed",
        ),
    ];
    for (left, right) in expected {
        let i = sentence(&comparison, 0, left);
        let j = sentence(&comparison, 1, right);
        assert_eq!(
            partners(pair, i),
            Some(vec![j]),
            "{left:?} should align with {right:?}"
        );
    }
}

#[test]
fn a_sentence_no_other_article_covers_is_only_there() {
    let (a, b) = (fixture("harbour-a.txt"), fixture("harbour-b.txt"));
    let comparison = compare(&[&a, &b]);
    let market = sentence(&comparison, 1, "A farmers' market");
    assert!(comparison.pairs[0].right_only.contains(&market));
    assert!(comparison.coverage.support[1][market].is_empty());
}

#[test]
fn one_long_sentence_aligns_with_the_two_short_ones_it_merges() {
    let left = "The vote passed by nine votes to four. \
                The bridge will stay closed to lorries for at least six months.";
    let right = "The council approved the closure by nine votes to four, \
                 and the bridge will stay closed to lorries for at least six months.";
    let comparison = compare(&[left, right]);
    let pair = &comparison.pairs[0];
    assert_eq!(pair.alignments.len(), 1, "{:#?}", pair.alignments);
    assert_eq!(pair.alignments[0].left, [0, 1]);
    assert_eq!(pair.alignments[0].right, [0]);
    assert!(pair.left_only.is_empty() && pair.right_only.is_empty());

    // And the other way round: two short on the right.
    let comparison = compare(&[right, left]);
    assert_eq!(comparison.pairs[0].alignments[0].left, [0]);
    assert_eq!(comparison.pairs[0].alignments[0].right, [0, 1]);
}

#[test]
fn a_sentence_told_twice_by_the_other_article_aligns_with_both_tellings() {
    let left = "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday, citing cracks in \
                two steel supports. \
                The council will pay for the repairs, she said. \
                \"The bridge will stay closed to lorries for six months,\" Brook said in a statement.";
    let right = "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday after engineers \
                 found cracks, and said in a statement that it would stay closed for six months.";
    for (texts, flipped) in [([left, right], false), ([right, left], true)] {
        let comparison = compare(&texts);
        let pair = &comparison.pairs[0];
        let mut links: Vec<(usize, usize)> = Vec::new();
        for a in &pair.alignments {
            for &i in &a.left {
                links.extend(
                    a.right
                        .iter()
                        .map(|&j| if flipped { (j, i) } else { (i, j) }),
                );
            }
        }
        links.sort_unstable();
        assert_eq!(links, [(0, 0), (2, 0)], "{:#?}", pair.alignments);
        let (lonely, told_twice) = if flipped {
            (&pair.right_only, &pair.left_only)
        } else {
            (&pair.left_only, &pair.right_only)
        };
        assert_eq!(lonely, &[1], "the council's payment is only in one report");
        assert!(told_twice.is_empty());
        assert!(pair.similarity <= 1.0, "{}", pair.similarity);
        let article = usize::from(flipped);
        assert_eq!(comparison.coverage.support[article][2], [1 - article]);
        assert_eq!(comparison.coverage.reported_by_one.len(), 1);
    }
}

#[test]
fn a_sentence_that_shares_only_names_is_no_second_telling() {
    let left =
        "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday, citing cracks in \
                two steel supports. \
                Brook also opened a farmers' market on the Harbour quay.";
    let right = "Mayor Alana Brook closed the Harbour Bridge to lorries on Monday after engineers \
                 found cracks.";
    let comparison = compare(&[left, right]);
    let pair = &comparison.pairs[0];
    assert_eq!(pair.alignments.len(), 1, "{:#?}", pair.alignments);
    assert_eq!(pair.left_only, [1]);
}

#[test]
fn paraphrases_align() {
    let paraphrases = [
        (
            "The Army sent a delegation to Kyiv on Thursday.",
            "A delegation from the Army arrived in Kyiv on Thursday.",
        ),
        (
            "Engineers found cracks in two of the bridge's steel supports.",
            "Inspectors discovered cracks in two steel supports of the bridge.",
        ),
        (
            "The package, worth $105 million, includes Patriot missile parts.",
            "Patriot missile components are part of the $105 million package.",
        ),
        (
            "Officials said the talks would resume in Geneva next week.",
            "The talks will resume next week in Geneva, according to officials.",
        ),
    ];
    for (left, right) in paraphrases {
        let comparison = compare(&[left, right]);
        let pair = &comparison.pairs[0];
        assert_eq!(
            pair.alignments.len(),
            1,
            "{left:?} should align with {right:?}"
        );
        assert!(pair.alignments[0].score > 0.3 && pair.alignments[0].score <= 1.0);
    }
}

#[test]
fn a_sentence_of_function_words_alone_aligns_with_the_same_words() {
    let a = "The mayor closed the harbour bridge on Monday.\n\nWhy?\n\nThe council blamed the storm damage.";
    let b = "On Monday the mayor shut the harbour bridge.\n\n“Why?”\n\nStorm damage was blamed by the council.";
    let comparison = compare(&[a, b]);
    let pair = &comparison.pairs[0];
    for i in 0..3 {
        assert_eq!(partners(pair, i), Some(vec![i]), "sentence {i}");
    }
    // Two `Why?` on one side and one on the other: which one is meant cannot be told.
    let twice = "Why?\n\nThe mayor closed the harbour bridge on Monday.\n\nWhy?";
    let comparison = compare(&[twice, b]);
    let pair = &comparison.pairs[0];
    assert_eq!(partners(pair, 0), None);
    assert_eq!(partners(pair, 2), None);
    assert_eq!(partners(pair, 1), Some(vec![0]));
}

#[test]
fn a_loose_paraphrase_aligns_between_aligned_neighbours_and_only_there() {
    let a = "The mayor closed the harbour bridge on Monday after the storm.\n\nEngineers found cracks in two steel cables.\n\nThe council will vote on repairs next week.";
    let b = "On Monday the mayor shut the harbour bridge following the storm.\n\nInspectors say the cables are damaged.\n\nThe council will vote next week on repairs.";
    let comparison = compare(&[a, b]);
    let pair = &comparison.pairs[0];
    for i in 0..3 {
        assert_eq!(partners(pair, i), Some(vec![i]), "sentence {i}");
    }
    let loose = pair.alignments.iter().find(|al| al.left == [1]).unwrap();
    assert!(
        loose.score < 0.3,
        "alike enough on its own words ({}): not a case of context",
        loose.score
    );
    // The same two sentences, one of them told elsewhere: nothing around them agrees.
    let moved = "On Monday the mayor shut the harbour bridge following the storm.\n\nThe council will vote next week on repairs.\n\nInspectors say the cables are damaged.";
    let comparison = compare(&[a, moved]);
    let pair = &comparison.pairs[0];
    assert_eq!(partners(pair, 0), Some(vec![0]));
    assert_eq!(partners(pair, 2), Some(vec![1]));
    assert_eq!(partners(pair, 1), None);
}

#[test]
fn unrelated_sentences_do_not_align() {
    let unrelated = [
        (
            "Trump met Tea Party leaders in Manhattan on Friday.",
            "The poll showed Trump tied for second place with Huckabee.",
        ),
        (
            "The mayor opened a new library in the old town.",
            "Rain is expected across the north on Sunday.",
        ),
        (
            "Trump said he would decide by June whether to run for president.",
            "Trump said Obama's grandmother in Kenya had witnessed the birth.",
        ),
    ];
    for (left, right) in unrelated {
        let comparison = compare(&[left, right]);
        let pair = &comparison.pairs[0];
        assert!(
            pair.alignments.is_empty(),
            "{left:?} should not align with {right:?}: {:?}",
            pair.alignments
        );
        assert_eq!((pair.left_only.len(), pair.right_only.len()), (1, 1));
    }
}

#[test]
fn every_diff_rebuilds_both_aligned_texts() {
    let (a, b) = (fixture("harbour-a.txt"), fixture("harbour-b.txt"));
    let (c, d) = (fixture("wire-original.txt"), fixture("wire-copy.txt"));
    let comparison = compare(&[&a, &b, &c, &d]);
    let mut checked = 0;
    for pair in &comparison.pairs {
        for alignment in &pair.alignments {
            let joined = |article: usize, which: &[usize]| {
                which
                    .iter()
                    .map(|&i| comparison.sentences[article][i].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let keep = |op: DiffOp| -> String {
                alignment
                    .diff
                    .iter()
                    .filter(|r| r.op == DiffOp::Equal || r.op == op)
                    .map(|r| r.text.as_str())
                    .collect()
            };
            assert_eq!(keep(DiffOp::Delete), joined(pair.left, &alignment.left));
            assert_eq!(keep(DiffOp::Insert), joined(pair.right, &alignment.right));
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} alignments checked");
}

#[test]
fn a_wire_passage_is_found_despite_quote_style() {
    let (original, copy) = (fixture("wire-original.txt"), fixture("wire-copy.txt"));
    let comparison = compare(&[&original, &copy]);
    let pair = &comparison.pairs[0];
    assert_eq!(pair.shared_passages.len(), 1, "{:#?}", pair.shared_passages);
    let passage = &pair.shared_passages[0];
    assert!(passage
        .text
        .starts_with("Negotiators from both delegations"));
    assert!(passage.text.ends_with("after the meeting"));
    assert_eq!(passage.words, 49);
    assert_eq!(
        slice(&original, passage.left.start, passage.left.end),
        passage.text
    );
    assert!(slice(&copy, passage.right.start, passage.right.end).starts_with("Negotiators"));
    assert!(pair.right_copied_share > 0.6 && pair.right_copied_share < 0.9);
    assert!(pair.left_copied_share > 0.5);
}

#[test]
fn reported_passages_are_really_shared() {
    let texts: Vec<String> = [
        "harbour-a.txt",
        "harbour-b.txt",
        "wire-original.txt",
        "wire-copy.txt",
    ]
    .into_iter()
    .map(fixture)
    .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let comparison = compare(&refs);
    let mut passages = 0;
    for pair in &comparison.pairs {
        for passage in &pair.shared_passages {
            let left = folded_words(&slice(
                refs[pair.left],
                passage.left.start,
                passage.left.end,
            ));
            let right = folded_words(&slice(
                refs[pair.right],
                passage.right.start,
                passage.right.end,
            ));
            assert_eq!(left, right);
            assert_eq!(left.len(), passage.words);
            assert!(passage.words >= 8);
            passages += 1;
        }
    }
    assert!(passages >= 2);
}

#[test]
fn seven_shared_words_are_not_a_passage() {
    let left = "Late on Sunday the old harbour bridge was closed to all traffic by the police.";
    let right = "On Monday the old harbour bridge was closed to lorries by the city.";
    let comparison = compare(&[left, right]);
    assert!(
        comparison.pairs[0].shared_passages.is_empty(),
        "{:?}",
        comparison.pairs[0].shared_passages
    );
    let eight = "Early on Monday the old harbour bridge was closed to all vehicles again.";
    let comparison = compare(&[left, eight]);
    assert_eq!(comparison.pairs[0].shared_passages.len(), 1);
    assert_eq!(comparison.pairs[0].shared_passages[0].words, 8);
}

#[test]
fn coverage_tells_what_all_most_and_one_article_report() {
    let articles = [
        "The bridge was closed on Tuesday after engineers found cracks. Repairs will cost £11 million.",
        "Engineers found cracks, and the bridge was closed on Tuesday. A market opens on the quay next week.",
        "Cracks found by engineers led to the bridge being closed on Tuesday. Repairs will cost £11 million.",
        "The bridge closed on Tuesday after engineers discovered cracks. The mayor thanked the fire brigade.",
    ];
    let comparison = compare(&articles);
    let coverage = &comparison.coverage;
    assert_eq!(comparison.pairs.len(), 6);
    assert_eq!(coverage.support[0][0], [1, 2, 3]);
    assert_eq!(coverage.support[0][1], [2]);

    assert_eq!(coverage.reported_by_all.len(), 1);
    assert_eq!(coverage.reported_by_all[0].articles, [0, 1, 2, 3]);
    assert!(
        coverage.reported_by_most.is_empty(),
        "{:?}",
        coverage.reported_by_most
    );
    let alone: Vec<(usize, usize)> = coverage
        .reported_by_one
        .iter()
        .map(|s| (s.article, s.sentence))
        .collect();
    assert_eq!(alone, [(1, 1), (3, 1)]);
}

#[test]
fn twenty_articles_compare_in_every_pair() {
    let base = fixture("harbour-a.txt");
    let texts: Vec<String> = (0..20)
        .map(|n| match n % 3 {
            0 => base.clone(),
            1 => fixture("harbour-b.txt"),
            _ => format!(
                "{base}\n\nArticle {n} adds a closing line of its own about festival number {n}."
            ),
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let comparison = compare(&refs);
    assert_eq!(comparison.pairs.len(), 190);
    let opening = sentence(&comparison, 0, "WRENHAVEN");
    assert_eq!(comparison.coverage.support[0][opening].len(), 19);
    assert!(comparison.coverage.reported_by_all.len() >= 4);
    assert!(comparison
        .coverage
        .reported_by_most
        .iter()
        .all(|s| s.articles.len() > 10 && s.articles.len() < 20));
}

#[test]
fn the_same_text_twice_is_fully_similar() {
    let text = fixture("harbour-a.txt");
    let comparison = compare(&[&text, &text]);
    let pair = &comparison.pairs[0];
    assert!((pair.similarity - 1.0).abs() < 1e-6, "{}", pair.similarity);
    assert!(pair
        .alignments
        .iter()
        .all(|a| a.left == a.right && a.diff.len() == 1));
    assert_eq!(pair.shared_passages.len(), 1);
    assert!((pair.left_copied_share - 1.0).abs() < 1e-9);
}

#[test]
fn harbour_alignment_reads_as_expected() {
    let (a, b) = (fixture("harbour-a.txt"), fixture("harbour-b.txt"));
    let comparison = compare(&[&a, &b]);
    let pair = &comparison.pairs[0];
    let mut report = String::new();
    for alignment in &pair.alignments {
        report.push_str(&format!(
            "{:?} ~ {:?} ({:.2})\n",
            alignment.left, alignment.right, alignment.score
        ));
        for run in &alignment.diff {
            let sign = match run.op {
                DiffOp::Equal => ' ',
                DiffOp::Insert => '+',
                DiffOp::Delete => '-',
            };
            report.push_str(&format!("  {sign} {}\n", run.text));
        }
    }
    report.push_str(&format!(
        "left only: {:?}\nright only: {:?}\n",
        pair.left_only, pair.right_only
    ));
    insta::assert_snapshot!(report);
}

#[test]
fn a_comparison_tells_each_article_read_and_each_pair_compared_and_stops_when_asked() {
    let texts = [
        "The bridge closed on Monday. Repairs cost $2 million.",
        "The bridge closed on Monday. Repairs cost $3 million.",
        "Repairs to the bridge cost $2 million, the council said.",
    ];
    let mut seen = Vec::new();
    let whole = parallax_core::compare::compare_with_progress(&texts, &[], &mut |done, total| {
        seen.push((done, total));
        true
    })
    .expect("not stopped");
    // Three articles read, then three pairs compared.
    assert_eq!(seen, (1..=6).map(|done| (done, 6)).collect::<Vec<_>>());
    assert_eq!(whole, compare(&texts));

    let mut steps = 0;
    let stopped = parallax_core::compare::compare_with_progress(&texts, &[], &mut |done, _| {
        steps += 1;
        done < 4
    });
    assert!(stopped.is_none());
    assert_eq!(steps, 4, "nothing more is done once stopped");
}

/// Every (left, right) sentence link of the first pair.
fn links(comparison: &Comparison) -> Vec<(usize, usize)> {
    let mut found: Vec<(usize, usize)> = comparison.pairs[0]
        .alignments
        .iter()
        .flat_map(|a| {
            a.left
                .iter()
                .flat_map(move |&i| a.right.iter().map(move |&j| (i, j)))
        })
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn one_speaker_named_in_both_is_no_evidence_of_one_statement() {
    let left = "The harbour board met on Monday. \
                Dana Voss Jr., a lawyer for the harbour board, said the ferry contract was signed \
                without a vote.";
    let right =
        "Harbour board lawyer Dana Voss argued that the new tolls would keep the quay open \
                 all winter.";
    let comparison = compare(&[left, right]);
    assert_eq!(links(&comparison), [], "{:#?}", comparison.pairs[0]);
}

#[test]
fn a_quotation_and_its_paraphrase_by_one_speaker_align() {
    let left = "The hearing opened late on Tuesday, with Judge Mara Quill presiding. \
                \u{201c}I am being ambushed here,\u{201d} she told the prosecutor, Leon Dray. \
                \u{201c}Which filing is the real one? \
                Tell me that.\u{201d}";
    let right = "Judge Mara Quill said she felt ambushed by the new evidence. \
                 \"Which filing is the real one?\" Quill asked.";
    let comparison = compare(&[left, right]);
    let found = links(&comparison);
    assert!(found.contains(&(1, 0)), "{found:?}");
    assert!(found.contains(&(2, 1)), "{found:?}");
}

#[test]
fn quotations_of_two_speakers_are_two_statements() {
    let left = "Mayor Alana Brook said the bridge repairs would put the people of the valley back \
                to work by spring.";
    let right = "\u{201c}Closing a bridge is not putting people back to work,\u{201d} Councillor \
                 Dee Hart said.";
    let comparison = compare(&[left, right]);
    assert_eq!(links(&comparison), [], "{:#?}", comparison.pairs[0]);
}
