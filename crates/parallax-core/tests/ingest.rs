//! `ingest::extract` on the documents people open: saved pages, text, Markdown, PDF and e-mail,
//! in several encodings, and on the bad input a folder of files always holds.

use parallax_core::ingest::{check_size, extract, ExtractedArticle, Format, MAX_FILE_BYTES};
use parallax_core::Error;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/ingest/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn read(name: &str) -> ExtractedArticle {
    extract(&fixture(name), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn paragraphs(article: &ExtractedArticle) -> Vec<&str> {
    article.text.split("\n\n").collect()
}

#[test]
fn a_saved_news_page_gives_its_article_without_boilerplate() {
    let article = read("news-page.html");
    assert_eq!(article.format, Format::Html);
    let text = &article.text;
    assert!(
        text.starts_with("A delegation of senior United States Army officers"),
        "{text}"
    );
    assert!(text.contains("What the plan contains"));
    assert!(
        text.contains("“No agreement will be signed without the consent of the Ukrainian people,”")
    );
    assert!(text.ends_with("asked to see strengthened."), "{text}");
    for boilerplate in [
        "cookies",
        "Politics",
        "Share on",
        "Related stories",
        "reader comment",
        "All rights reserved",
        "tracking",
        "Accept",
    ] {
        assert!(
            !text.contains(boilerplate),
            "{boilerplate:?} leaked into {text}"
        );
    }
}

#[test]
fn a_byline_section_label_and_time_stamp_outside_the_article_are_not_the_body() {
    let article = read("broadsheet-page.html");
    let body = paragraphs(&article);
    assert!(
        body[0].starts_with("Envoys from the two governments agreed"),
        "{body:#?}"
    );
    assert!(
        body[4].starts_with("The two governments will share"),
        "{body:#?}"
    );
    assert_eq!(body.len(), 5, "{body:#?}");
    for furniture in [
        "World news",
        "Maria Lindqvist",
        "09.15",
        "Photograph",
        "More on this story",
    ] {
        assert!(!article.text.contains(furniture), "{furniture}: {body:#?}");
    }
}

#[test]
fn headings_paragraphs_and_quotes_stay_in_order_separated_by_blank_lines() {
    let article = read("news-page.html");
    let paragraphs = paragraphs(&article);
    let position = |start: &str| {
        paragraphs
            .iter()
            .position(|p| p.starts_with(start))
            .unwrap()
    };
    assert!(position("A delegation") < position("The visit"));
    assert!(position("The visit") < position("What the plan contains"));
    assert!(position("What the plan contains") < position("The plan, drafted"));
    assert!(position("The plan, drafted") < position("“No agreement"));
    assert!(position("“No agreement") < position("Officials in Kyiv"));
    assert!(!article.text.contains("\n\n\n"));
}

#[test]
fn typographic_characters_are_kept_as_written() {
    let article = read("news-page.html");
    assert!(
        article.text.contains("$105\u{a0}million"),
        "the non-breaking space is kept"
    );
    assert!(article.text.contains("“We are here to listen,”"));
    assert!(article.text.contains("delegation’s leader"));
    assert!(article.text.contains("ministry — briefly"));
}

#[test]
fn page_metadata_is_read_and_the_modified_time_is_not_the_publication_time() {
    let article = read("news-page.html");
    assert_eq!(
        article.title,
        "Army delegation arrives in Kyiv for talks on peace plan"
    );
    assert_eq!(article.outlet.as_deref(), Some("The Kyiv Ledger"));
    assert_eq!(article.byline.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(article.published.as_deref(), Some("2025-11-20T07:15:00Z"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://kyivledger.example/2025/11/20/army-delegation-kyiv")
    );
    assert_eq!(article.language.as_deref(), Some("en-US"));
}

#[test]
fn a_page_in_a_declared_legacy_charset_decodes_its_quotes_and_dashes() {
    let article = read("legacy-latin1.html");
    assert_eq!(article.title, "Café owners “defiant” after blackout");
    assert!(article
        .text
        .contains("“We have candles, we have gas, and we have customers,” said one owner – who"));
}

#[test]
fn the_format_is_recognised_by_content_as_well_as_extension() {
    let page = fixture("news-page.html");
    assert_eq!(extract(&page, "saved.txt").unwrap().format, Format::Html);
    assert_eq!(extract(&page, "no-extension").unwrap().format, Format::Html);
    assert_eq!(
        extract(&fixture("article.pdf"), "report.bin")
            .unwrap()
            .format,
        Format::Pdf
    );
    assert_eq!(
        extract(&fixture("newsletter.eml"), "message.txt")
            .unwrap()
            .format,
        Format::Email
    );
    assert_eq!(
        extract(&fixture("notes.md"), "notes.txt").unwrap().format,
        Format::Markdown
    );
    let plain = extract(b"Just one line of text in a file called page.", "page.html").unwrap();
    assert_eq!(plain.format, Format::Text);
}

#[test]
fn text_header_lines_become_metadata() {
    let article = read("wire-copy.txt");
    assert_eq!(article.format, Format::Text);
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(article.outlet.as_deref(), Some("Kyiv Wire"));
    assert_eq!(article.byline.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(article.published.as_deref(), Some("2025-11-20"));
    assert_eq!(
        paragraphs(&article),
        vec![
            "KYIV — A delegation of senior United States Army officers arrived in Kyiv on Thursday to discuss a 28-point peace plan with Ukrainian officials.",
            "The Pentagon confirmed a $105 million package of PATRIOT air defence equipment the same day.",
        ]
    );
}

#[test]
fn text_without_blank_lines_has_one_paragraph_per_line() {
    let article = read("pasted-lines.txt");
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(paragraphs(&article).len(), 3);
    assert!(article.text.ends_with("\n\nTalks continue on Friday."));
}

#[test]
fn the_file_name_is_the_title_of_last_resort() {
    let article = extract(
        b"The delegation arrived on Thursday. It met officials.",
        "kyiv_talks.txt",
    )
    .unwrap();
    assert_eq!(article.title, "kyiv talks");
    assert_eq!(
        article.text,
        "The delegation arrived on Thursday. It met officials."
    );
}

#[test]
fn markdown_front_matter_and_blocks_are_read() {
    let article = read("notes.md");
    assert_eq!(article.format, Format::Markdown);
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(article.outlet.as_deref(), Some("The Kyiv Ledger"));
    assert_eq!(article.byline.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(article.published.as_deref(), Some("2025-11-20T07:15:00Z"));
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(
        paragraphs(&article),
        vec![
            "A delegation of senior United States Army officers arrived in Kyiv on Thursday to discuss a 28-point peace plan.",
            "“We are here to listen,” the delegation’s leader said.",
            "a ceasefire along the current front line",
            "an exchange of prisoners",
        ]
    );
}

#[test]
fn utf16_files_with_a_bom_are_read() {
    let text = "Kyiv talks\n\n“Delegations met” – on Thursday.\n";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [le, be] {
        let article = extract(&bytes, "talks.txt").unwrap();
        assert_eq!(article.title, "Kyiv talks");
        assert_eq!(article.text, "“Delegations met” – on Thursday.");
    }
}

#[test]
fn utf8_with_a_bom_and_windows_1252_text_are_read() {
    let article = extract("\u{FEFF}Title line\n\nCafé “ok”.".as_bytes(), "a.txt").unwrap();
    assert_eq!(
        (article.title.as_str(), article.text.as_str()),
        ("Title line", "Café “ok”.")
    );
    let legacy = b"Title line\n\nThe minister said \x93we will not retreat\x94 \x96 and caf\xE9 owners agreed.";
    let article = extract(legacy, "a.txt").unwrap();
    assert_eq!(
        article.text,
        "The minister said “we will not retreat” – and café owners agreed."
    );
}

#[test]
fn a_pdf_text_layer_is_read() {
    let article = read("article.pdf");
    assert_eq!(article.format, Format::Pdf);
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert!(
        article
            .text
            .contains("arrived in Kyiv on Thursday to discuss a 28-point peace plan"),
        "{}",
        article.text
    );
    assert!(article.text.contains("$105 million PATRIOT"));
}

#[test]
fn an_encrypted_pdf_is_refused_as_encrypted() {
    let error = extract(&fixture("encrypted.pdf"), "encrypted.pdf").unwrap_err();
    assert!(matches!(error, Error::Encrypted(_)), "{error}");
    assert_eq!(error.to_string(), "the PDF is encrypted");
}

#[test]
fn a_scanned_pdf_without_text_is_refused_clearly() {
    let error = extract(&fixture("scanned.pdf"), "scanned.pdf").unwrap_err();
    assert!(matches!(error, Error::NoText(_)), "{error}");
    assert!(error.to_string().contains("no text layer"), "{error}");
}

#[test]
fn an_html_newsletter_is_decoded_from_quoted_printable() {
    let article = read("newsletter.eml");
    assert_eq!(article.format, Format::Email);
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(article.outlet.as_deref(), Some("The Kyiv Ledger"));
    assert_eq!(article.published.as_deref(), Some("2025-11-20T07:15:00Z"));
    assert!(
        article
            .text
            .contains("arrived in Kyiv on Thursday to discuss a 28-point peace plan"),
        "{}",
        article.text
    );
    assert!(
        article.text.contains("Café owners"),
        "the part's iso-8859-1 is decoded"
    );
}

#[test]
fn a_forwarded_article_in_base64_loses_the_forward_header() {
    let article = read("forwarded.eml");
    assert_eq!(article.title, "Army delegation arrives in Kyiv");
    assert_eq!(article.byline.as_deref(), Some("Olena Kovalenko"));
    assert_eq!(
        article.published.as_deref(),
        Some("2025-11-20"),
        "the forwarded date, not the forward's"
    );
    assert!(article.text.starts_with("A delegation of senior United States Army officers arrived in Kyiv on Thursday — “to listen”."));
    assert!(!article.text.contains("Forwarded message"));
}

#[test]
fn an_empty_file_is_refused() {
    assert!(matches!(extract(b"", "empty.txt"), Err(Error::Empty)));
    assert!(matches!(
        extract(b" \n\t\r\n ", "blank.md"),
        Err(Error::Empty)
    ));
    assert_eq!(Error::Empty.to_string(), "the file is empty");
}

#[test]
fn binary_data_with_a_text_extension_is_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    assert!(matches!(extract(png, "photo.txt"), Err(Error::Binary)));
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert!(matches!(extract(&noise, "noise.html"), Err(Error::Binary)));
}

#[test]
fn invalid_bytes_are_an_error_not_replacement_characters() {
    let error = extract(b"\xEF\xBB\xBFTitle\n\nBroken \xC3\x28 text", "broken.txt").unwrap_err();
    assert!(
        matches!(error, Error::Undecodable { offset: 14, .. }),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "the text is not valid UTF-8 (invalid bytes at offset 14)"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    assert!(matches!(
        check_size(MAX_FILE_BYTES + 1),
        Err(Error::TooLarge { .. })
    ));
    let too_big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
    let error = extract(&too_big, "huge.txt").unwrap_err();
    assert!(
        matches!(error, Error::TooLarge { size, limit } if size == MAX_FILE_BYTES + 1 && limit == MAX_FILE_BYTES)
    );
}

#[test]
fn truncated_and_malformed_pages_do_not_panic() {
    let page = fixture("news-page.html");
    for cut in [40, 600, page.len() / 2, page.len() - 30] {
        let result = extract(&page[..cut], "cut.html");
        if let Err(error) = &result {
            assert!(
                matches!(error, Error::NoText(_) | Error::Undecodable { .. }),
                "cut at {cut}: {error}"
            );
        }
    }
    let garbage = b"<html><body><p>Unclosed <b><i>tags <div></p></span></table><td>cell<<<>>></p>A real sentence about Kyiv.";
    let article = extract(garbage, "garbage.html").unwrap();
    assert!(article.text.contains("A real sentence about Kyiv."));
    assert!(matches!(
        extract(
            b"<html><head><title>t</title></head><body></body></html>",
            "e.html"
        ),
        Err(Error::NoText(_))
    ));
}

fn deep_nest(depth: usize) -> Vec<u8> {
    let mut page = b"<html><body>".to_vec();
    page.extend(b"<div>".repeat(depth));
    page.extend(b"<p>Deep text.</p>");
    page.extend(b"</div>".repeat(depth));
    page.extend(b"</body></html>");
    page
}

#[test]
fn a_200000_deep_nest_of_divs_is_refused_on_a_small_thread_stack() {
    let page = deep_nest(200_000);
    let result = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract(&page, "deep.html").map(|a| a.text))
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(
        matches!(result, Err(Error::Malformed(ref m)) if m.contains("levels deep")),
        "{result:?}"
    );
}

#[test]
fn a_200000_deep_nest_of_divs_is_refused_on_the_main_thread_stack() {
    let page = deep_nest(200_000);
    let result = std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || extract(&page, "deep.html").map(|a| a.text))
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert!(matches!(result, Err(Error::Malformed(_))), "{result:?}");
}

#[test]
fn a_moderately_deep_page_still_reads_on_a_small_stack() {
    let page = deep_nest(1_500);
    let text = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract(&page, "deep.html").map(|a| a.text))
        .unwrap()
        .join()
        .expect("no stack overflow");
    assert_eq!(text.unwrap(), "Deep text.");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_was_not_utf8_still_gives_an_article() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9-\xFF.txt").to_string_lossy();
    let article = extract(b"The delegation arrived on Thursday.", &name).unwrap();
    assert_eq!(article.title, "caf");
    assert_eq!(article.text, "The delegation arrived on Thursday.");
}

#[test]
fn a_page_with_a_huge_number_of_elements_gives_its_visible_text() {
    let mut page = b"<html><body><nav>Menu</nav>".to_vec();
    // Short paragraphs keep the page under the article word limit while it has 61,000 elements.
    for index in 0..61_000 {
        page.extend(format!("<p>Line {index}.</p>").as_bytes());
    }
    page.extend(b"</body></html>");
    let article = extract(&page, "huge.html").unwrap();
    assert!(article.text.starts_with("Line 0."));
    assert!(article.text.ends_with("Line 60999."));
}

#[test]
fn a_single_file_saved_page_is_read_as_a_web_page() {
    let article = read("saved-page.mhtml");
    assert_eq!(article.format, Format::Html);
    assert_eq!(
        article.title,
        "Army delegation arrives in Kyiv for talks on peace plan"
    );
    assert_eq!(article.outlet.as_deref(), Some("The Kyiv Ledger"));
    assert_eq!(
        article.published.as_deref(),
        Some("2025-11-20T07:15:00Z"),
        "the page's date, not the save's"
    );
    assert!(article
        .text
        .starts_with("A delegation of senior United States Army officers"));
    assert!(!article.text.contains("cookies"));
}

#[test]
fn an_article_longer_than_the_word_limit_is_refused_with_its_length() {
    let limit = parallax_core::ingest::MAX_ARTICLE_WORDS;
    let sentence = "The council met again on Tuesday. ";
    let text = format!("A very long record\n\n{}", sentence.repeat(limit / 6 + 1));
    let error = parallax_core::ingest::extract(text.as_bytes(), "record.txt").unwrap_err();
    assert!(
        matches!(error, parallax_core::Error::TooLong { words, .. } if words > limit),
        "{error}"
    );
    assert!(error.to_string().contains("too long"), "{error}");
    let within = format!("A long record\n\n{}", sentence.repeat(limit / 6 - 10));
    assert!(parallax_core::ingest::extract(within.as_bytes(), "record.txt").is_ok());
}
