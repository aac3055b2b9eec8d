//! Exports of a comparison: each format on three short reports of one storm (a conflicting
//! amount, a copied passage, sentences only one outlet has, people and places), and hostile
//! article text in the formats people open.

use std::path::Path;

use dom_query::Document;
use parallax_report::{compare_texts, export, CompareReport, ComparedInput, ExportFormat};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn fixture(name: &str, title: &str, outlet: &str) -> ComparedInput {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name);
    ComparedInput {
        reference: name.into(),
        id: None,
        title: title.into(),
        outlet: Some(outlet.into()),
        path: None,
        text: std::fs::read_to_string(path).unwrap(),
        ..ComparedInput::default()
    }
}

fn storm() -> CompareReport {
    compare_texts(vec![
        fixture(
            "coastal-wire.txt",
            "Storm Ines closes Brest port",
            "Coastal Wire",
        ),
        fixture(
            "daily-tide.txt",
            "Brest port shut by storm",
            "The Daily Tide",
        ),
        fixture("brest-evening.txt", "Shops stay shut", "Brest Evening"),
    ])
}

const HOSTILE: &str = "<script>alert('x')</script> \"quoted\" & 'single' </td></tr></table> [link](javascript:alert(1)) *bold* | pipe";

/// Two articles whose every field a reader controls carries markup.
fn hostile() -> CompareReport {
    let article = |reference: &str, budget: &str| {
        ComparedInput {
        reference: reference.into(),
        id: None,
        title: format!("Title {HOSTILE}"),
        outlet: Some(format!("Outlet {reference} {HOSTILE}")),
        path: None,
        text: format!(
            "The council met on Monday. {HOSTILE} The budget was {budget}. The river rose.\n\nMayor <b>Anne</b> Leclerc & Vinci </td> spoke."
        ),
        ..ComparedInput::default()
    }
    };
    compare_texts(vec![article("a", "$4 million"), article("b", "$6 million")])
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

#[test]
fn the_fixture_comparison_has_what_the_exports_must_show() {
    let report = storm();
    let wire_tide = &report.pairs[0];
    assert!(!wire_tide.conflicts.is_empty(), "a conflicting amount");
    assert!(!wire_tide.shared_passages.is_empty(), "a copied passage");
    assert!(
        !report.coverage.reported_by_one.is_empty(),
        "an only-here sentence"
    );
    assert!(
        report.entities.len() >= 3,
        "entities: {:?}",
        report.entities
    );
}

#[test]
fn html_export_lays_the_comparison_out_in_one_self_contained_page() {
    let report = storm();
    let html = export(&report, ExportFormat::Html);
    let document = Document::from(html.as_str());

    let policy = document.select("meta[http-equiv='Content-Security-Policy']");
    assert_eq!(
        policy.attr("content").unwrap().as_ref(),
        "default-src 'none'; style-src 'unsafe-inline'"
    );
    for outside in [
        "script", "link", "img", "iframe", "object", "[src]", "[href]",
    ] {
        assert!(document.select(outside).is_empty(), "{outside} in the page");
    }
    assert_eq!(
        document.select("h1").text().as_ref(),
        "Storm Ines closes Brest port"
    );

    let heads: Vec<String> = document
        .select("table.rows thead th")
        .iter()
        .map(|th| th.text().to_string())
        .collect();
    assert_eq!(heads, ["Coastal Wire", "The Daily Tide", "Brest Evening"]);
    for row in document.select("table.rows tbody tr").iter() {
        assert_eq!(row.select("td").length(), 3, "one cell per article");
    }
    let spine: Vec<String> = document
        .select("table.rows tbody tr td:first-child:not(.empty)")
        .iter()
        .map(|td| td.text().to_string())
        .collect();
    assert_eq!(spine.len(), report.articles[0].sentences.len());
    assert!(spine[0].contains("closed the port of Brest"));

    let amount = document.select("[data-testid='aligned-pair']:has(ins)");
    assert!(amount.text().contains("repairs to the sea wall"));
    let only = document.select("[data-testid='only-here']");
    assert!(only.text().contains("We were lucky nobody was hurt"));

    let passages = document.select("[data-testid='shared-passage']");
    assert!(passages
        .text()
        .contains("told reporters that fishing boats"));
    assert_eq!(
        document.select("[data-testid='conflict-item']").length(),
        report.disputed_facts.len(),
        "one row per disputed fact"
    );
    let conflict = document.select("[data-testid='conflict-item']").first();
    let conflict_text = conflict.text();
    for expected in ["$5 million", "$7 million", "Coastal Wire", "The Daily Tide"] {
        assert!(
            conflict_text.contains(expected),
            "{expected} in {conflict_text}"
        );
    }

    let entities: Vec<String> = document
        .select("[data-testid='entity-row'] td:first-child")
        .iter()
        .map(|td| td.text().to_string())
        .collect();
    assert_eq!(entities.len(), report.entities.len());
    assert!(entities.iter().any(|name| name.contains("Leclerc")));
    assert!(entities.iter().any(|name| name == "Brest"));
}

#[test]
fn hostile_article_text_stays_text_in_html() {
    let report = hostile();
    let html = export(&report, ExportFormat::Html);
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(!html.contains("<b>"));

    let document = Document::from(html.as_str());
    assert!(document.select("script, b, a, [href]").is_empty());
    assert!(document.select("h1").text().contains(HOSTILE));
    let heads = document.select("table.rows thead th");
    assert_eq!(heads.length(), 2);
    assert!(heads.text().contains(HOSTILE));
    let cells = document.select("table.rows tbody td");
    assert!(
        cells.text().contains(HOSTILE),
        "the sentence shown as written"
    );
    for row in document.select("table.rows tbody tr").iter() {
        assert_eq!(
            row.select("td").length(),
            2,
            "a </td> in an article closes nothing"
        );
    }
    assert_eq!(
        document.select("table").length(),
        5,
        "every table the page opens"
    );
    let conflict = document.select("[data-testid='conflict-item']").text();
    assert!(conflict.contains("$4 million") && conflict.contains(HOSTILE));
    let entity_heads = document.select("[data-testid='entity-table'] thead th");
    assert_eq!(entity_heads.length(), 3 + 2, "one column per article");
}

#[test]
fn markdown_export_reads_as_a_report() {
    let report = storm();
    let markdown = export(&report, ExportFormat::Markdown);
    insta::assert_snapshot!("storm_markdown", markdown);

    assert!(markdown.starts_with("# Storm Ines closes Brest port\n"));
    assert!(markdown.contains("~~5~~") || markdown.contains("~~$5 million~~"));
    assert!(markdown.contains("## Conflicting facts"));
    assert!(
        markdown.contains(
            "**$5 million**: Coastal Wire, sentence 2 / **$7 million**: The Daily Tide, sentence 2"
        ),
        "one line per disputed fact, each value with who gives it"
    );
    let mut tables = 0;
    let mut struck = String::new();
    let mut in_strike = false;
    for event in Parser::new_ext(&markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::Strikethrough) => in_strike = true,
            Event::End(TagEnd::Strikethrough) => in_strike = false,
            Event::Text(text) if in_strike => struck.push_str(&text),
            Event::Html(_) | Event::InlineHtml(_) => panic!("raw HTML in {markdown}"),
            _ => {}
        }
    }
    assert_eq!(tables, 3, "pairs, conflicts and entities");
    assert!(!struck.is_empty(), "deleted words are struck through");
}

#[test]
fn hostile_article_text_stays_text_in_markdown() {
    let report = hostile();
    let markdown = export(&report, ExportFormat::Markdown);
    let mut text = String::new();
    let mut header_cells = 0;
    let mut in_head = false;
    let mut emphasis: Option<String> = None;
    let mut emphasised = Vec::new();
    for event in Parser::new_ext(&markdown, markdown_options()) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML {html:?}"),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => panic!("a link in {markdown}"),
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis = Some(String::new()),
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                emphasised.extend(emphasis.take());
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableCell) if in_head => header_cells += 1,
            Event::Text(t) | Event::Code(t) => {
                text.push_str(&t);
                if let Some(inner) = emphasis.as_mut() {
                    inner.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    assert!(text.contains(HOSTILE), "the text reads as written: {text}");
    assert!(
        !emphasised.iter().any(|e| e == "bold"),
        "article text opened an emphasis: {emphasised:?}"
    );
    assert!(text.contains("Mayor <b>Anne</b> Leclerc & Vinci </td> spoke."));
    assert!(text.contains("$6 million"), "the conflict table");
    // Pairs (5) + conflicts (3) + entities (3 + 2): a `|` in an outlet adds no column.
    assert_eq!(header_cells, 5 + 3 + 5);
}

#[test]
fn json_export_is_the_report_as_is() {
    let report = storm();
    let json: serde_json::Value =
        serde_json::from_str(&export(&report, ExportFormat::Json)).unwrap();
    let refs: Vec<&str> = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        ["coastal-wire.txt", "daily-tide.txt", "brest-evening.txt"]
    );
    assert_eq!(json["pairs"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["pairs"][0]["conflicts"][0]["left"],
        report.pairs[0].conflicts[0].left.as_str()
    );
    assert_eq!(
        json["entities"].as_array().unwrap().len(),
        report.entities.len()
    );
    assert_eq!(
        json["articles"][1]["sentences"][0],
        report.articles[1].sentences[0].as_str()
    );
}

#[test]
fn csv_export_parses_back_to_the_entity_matrix() {
    let report = storm();
    let csv_text = export(&report, ExportFormat::Csv);
    insta::assert_snapshot!("storm_entities_csv", csv_text);

    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "name",
            "kind",
            "aliases",
            "Coastal Wire",
            "The Daily Tide",
            "Brest Evening"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // The entities, then the sources cited: one row per field, one column per article; then
    // the timeline: its order, its precision, one row per statement.
    assert_eq!(
        records.len(),
        report.entities.len() + 6 + 2 + report.timeline.statements.len()
    );
    let sources = &records[report.entities.len()..report.entities.len() + 6];
    let fields: Vec<&str> = sources.iter().map(|r| &r[0]).collect();
    assert_eq!(
        fields,
        ["outlet", "byline", "title", "published", "url", "imported"]
    );
    assert!(sources.iter().all(|r| &r[1] == "source"));
    assert_eq!(&sources[2][3], "Storm Ines closes Brest port");
    for (record, entity) in records.iter().zip(&report.entities) {
        assert_eq!(&record[0], entity.name);
        assert_eq!(
            &record[1],
            serde_json::to_value(entity.kind).unwrap().as_str().unwrap()
        );
        assert_eq!(&record[2], entity.aliases.join("; "));
        let mentions: Vec<usize> = (3..6).map(|i| record[i].parse().unwrap()).collect();
        assert_eq!(mentions, entity.mentions);
    }
}

#[test]
fn csv_quotes_outlets_with_commas_quotes_and_line_breaks() {
    let mut report = storm();
    report.articles[0].outlet = Some("Le \"Télégramme\", Brest\nedition".into());
    report.articles[1].outlet = Some("=HYPERLINK(\"http://x\")".into());
    let csv_text = export(&report, ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.len(), 6);
    assert_eq!(&headers[3], "Le \"Télégramme\", Brest\nedition");
    assert_eq!(
        &headers[4], "'=HYPERLINK(\"http://x\")",
        "a formula stays text in a spreadsheet"
    );
    assert!(reader.records().all(|r| r.unwrap().len() == 6));
}

#[test]
fn articles_of_one_outlet_get_columns_of_their_own() {
    let mut report = storm();
    report.articles[2].outlet = Some("Coastal Wire".into());
    let csv_text = export(&report, ExportFormat::Csv);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[3], "Coastal Wire (coastal-wire.txt)");
    assert_eq!(&headers[5], "Coastal Wire (brest-evening.txt)");
}
