//! The comparison as one self-contained HTML page: inline style, no script, and a
//! Content-Security-Policy that forbids any, so the page opens offline in any browser and even
//! a bug in the escaping cannot run an article's script.
//!
//! Every piece of text that comes from an article (title, outlet, sentences, entity names,
//! conflicting values) or a note goes through [`Page::text`], which escapes it. An article's
//! address is a link only when it is an `http` or `https` one.

use parallax_core::compare::DiffOp;

use crate::report::CompareReport;

use super::{
    article_labels, article_notes, day, event_notes, kind_name, note_place, report_title,
    sentence_notes,
};
use crate::layout::{CellState, Row};
use parallax_library::Note;

const STYLE: &str = "
:root { color-scheme: light dark; --line: #8884; --muted: #777; --ins: #2a7a2a33; --del: #b3262633;
  --only: #c9a22722; --conflict: #b32626; --copied: #3a6ea522; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 90rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; }
.lead, .muted, .num, .marks { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #8881; }
table.rows { table-layout: fixed; }
tr.different > td { border-left: 3px solid #c9a227aa; }
td.empty { background: repeating-linear-gradient(45deg, transparent 0 6px, #8881 6px 12px); }
td.only { background: var(--only); }
td.copied { box-shadow: inset 0 0 0 2px var(--copied); }
td.conflict { outline: 2px solid var(--conflict); outline-offset: -2px; }
.num { font-size: 0.75rem; margin-right: 0.3rem; }
.marks { display: block; font-size: 0.75rem; margin-top: 0.2rem; }
ins { background: var(--ins); text-decoration: none; }
del { background: var(--del); }
q { font-style: italic; }
td.count { text-align: right; font-variant-numeric: tabular-nums; }
td.absent { color: var(--muted); }
.legend span { margin-right: 1rem; }
aside.note { display: block; margin-top: 0.3rem; padding: 0.2rem 0.4rem; border-left: 3px solid #3a6ea5; background: #3a6ea511; font-size: 0.85rem; }
aside.note .verdict { font-weight: bold; text-transform: uppercase; font-size: 0.75rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; }
@media print { tr { break-inside: avoid; } }
";

/// An HTML page being written: markup goes in as it is, text only escaped.
struct Page {
    out: String,
}

impl Page {
    /// Appends markup this module wrote (never text from an article).
    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Appends text, escaped so that it can stand in an element or a quoted attribute.
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.out.push_str("&amp;"),
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&#39;"),
                _ => self.out.push(c),
            }
        }
    }

    /// Appends `<tag>text</tag>`, the text escaped.
    fn element(&mut self, tag: &str, text: &str) {
        self.raw(&format!("<{tag}>"));
        self.text(text);
        let name = tag.split_whitespace().next().unwrap_or(tag);
        self.raw(&format!("</{name}>"));
    }
}

/// Writes `report` as a self-contained HTML page.
pub(crate) fn write(report: &CompareReport) -> String {
    let labels = article_labels(report);
    let title = report_title(report);
    let mut page = Page { out: String::new() };
    page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.raw("<meta name=\"generator\" content=\"Parallax\">\n");
    page.element(
        "title",
        &format!("{title}: how {} articles compare", labels.len()),
    );
    page.raw(&format!("\n<style>{STYLE}</style>\n</head>\n<body>\n"));
    page.element("h1", &title);
    page.raw(&format!(
        "\n<p class=\"lead\">{} articles compared by Parallax, sentence by sentence.</p>\n",
        report.articles.len()
    ));
    for note in event_notes(report) {
        note_aside(&mut page, note);
    }
    articles(&mut page, report);
    timeline(&mut page, report, &labels);
    pairs(&mut page, report, &labels);
    sentences(&mut page, report, &labels);
    passages(&mut page, report, &labels);
    conflicts(&mut page, report, &labels);
    entities(&mut page, report, &labels);
    notes(&mut page, report, &labels);
    page.raw("<footer>Exported by Parallax. This page holds no script and loads nothing.</footer>\n</body>\n</html>\n");
    page.out
}

/// The articles with the sources they cite: outlet, byline, headline, date, address and when
/// each entered the library, and the notes on each article as a whole.
fn articles(page: &mut Page, report: &CompareReport) {
    page.raw("<section id=\"articles\">\n<h2>Articles and sources cited</h2>\n<table data-testid=\"sources\">\n<thead><tr><th>#</th><th>Outlet</th><th>Byline</th><th>Title</th><th>Published</th><th>Address</th><th>Added to the library</th><th>Sentences</th><th>Source</th></tr></thead>\n<tbody>\n");
    for (k, article) in report.articles.iter().enumerate() {
        let cited = &article.citation;
        page.raw(&format!(
            "<tr data-testid=\"source\"><td class=\"num\">{}</td>",
            k + 1
        ));
        page.element("td", article.outlet.as_deref().unwrap_or("(unknown)"));
        page.element("td", cited.byline.as_deref().unwrap_or(""));
        page.raw("<td>");
        page.text(&article.title);
        for note in article_notes(report, k) {
            note_aside(page, note);
        }
        page.raw("</td>");
        page.element("td", cited.published.as_deref().unwrap_or(""));
        page.raw("<td>");
        match cited.url.as_deref() {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                page.raw("<a rel=\"noreferrer noopener\" href=\"");
                page.text(url);
                page.raw("\">");
                page.text(url);
                page.raw("</a>");
            }
            Some(other) => page.text(other),
            None => {}
        }
        page.raw("</td>");
        page.element("td", cited.imported.as_deref().map(day).unwrap_or(""));
        page.raw(&format!(
            "<td class=\"count\">{}</td>",
            article.sentences.len()
        ));
        page.element("td class=\"muted\"", &article.reference);
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

/// A note beside what it annotates: verdict, author, time, then its text.
fn note_aside(page: &mut Page, note: &Note) {
    page.raw(&format!(
        "<aside class=\"note\" data-testid=\"note\" data-note-id=\"{}\">",
        note.id
    ));
    if let Some(verdict) = &note.verdict {
        page.element("span class=\"verdict\"", verdict);
        page.raw(" ");
    }
    page.text(&note.text);
    page.raw(" <span class=\"muted\">(");
    page.text(&note.author);
    page.raw(", ");
    page.text(note.edited.as_deref().unwrap_or(&note.created));
    page.raw(")</span></aside>");
}

/// Every note, with what it annotates.
fn notes(page: &mut Page, report: &CompareReport, labels: &[String]) {
    page.raw("<section id=\"notes\">\n<h2>Notes and verdicts</h2>\n");
    if report.notes.is_empty() {
        page.raw("<p class=\"muted\">No note on these articles.</p>\n</section>\n");
        return;
    }
    page.raw("<table>\n<thead><tr><th>On</th><th>Verdict</th><th>Note</th><th>By, when</th></tr></thead>\n<tbody>\n");
    for note in &report.notes {
        page.raw("<tr data-testid=\"note-row\">");
        page.raw("<td>");
        page.text(&note_place(report, labels, note));
        if let Some(sentence) = &note.sentence_text {
            page.element("span class=\"marks\"", sentence);
        }
        page.raw("</td>");
        page.element("td", note.verdict.as_deref().unwrap_or(""));
        page.element("td", &note.text);
        let when = match &note.edited {
            Some(edited) => format!("{}, {} (edited {edited})", note.author, note.created),
            None => format!("{}, {}", note.author, note.created),
        };
        page.element("td class=\"muted\"", &when);
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

fn pairs(page: &mut Page, report: &CompareReport, labels: &[String]) {
    page.raw("<section id=\"pairs\">\n<h2>Pairs</h2>\n<table>\n<thead><tr><th>Articles</th><th>Similarity</th><th>Aligned</th><th>Only in the first</th><th>Only in the second</th><th>Copied word for word</th><th>Conflicts</th></tr></thead>\n<tbody>\n");
    for pair in &report.pairs {
        page.raw("<tr>");
        page.element(
            "td",
            &format!("{} and {}", labels[pair.left], labels[pair.right]),
        );
        page.raw(&format!(
            "<td class=\"count\">{:.0}%</td><td class=\"count\">{}</td><td class=\"count\">{}</td><td class=\"count\">{}</td><td class=\"count\">{:.0}% / {:.0}%</td><td class=\"count\">{}</td></tr>\n",
            pair.similarity * 100.0,
            pair.alignments.len(),
            pair.left_only.len(),
            pair.right_only.len(),
            pair.left_copied_share * 100.0,
            pair.right_copied_share * 100.0,
            pair.conflicts.len(),
        ));
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

fn sentences(page: &mut Page, report: &CompareReport, labels: &[String]) {
    let rows: &[Row] = &report.rows;
    page.raw("<section id=\"sentences\">\n<h2>Sentences side by side</h2>\n");
    page.raw("<p class=\"legend muted\"><span><ins>added</ins> words the first article lacks</span><span><del>removed</del> words the other lacks</span><span>shaded: only this article says it</span><span>outlined: a conflicting fact</span></p>\n");
    page.raw("<table class=\"rows\">\n<thead><tr>");
    for label in labels {
        page.element("th", label);
    }
    page.raw("</tr></thead>\n<tbody>\n");
    for row in rows {
        let filled = row.cells.iter().flatten().count();
        page.raw("<tr");
        if row.different {
            page.raw(" class=\"different\"");
        }
        if filled >= 2 {
            page.raw(" data-testid=\"aligned-pair\"");
        }
        page.raw(">");
        for (k, cell) in row.cells.iter().enumerate() {
            let Some(cell) = cell else {
                page.raw("<td class=\"empty\"></td>");
                continue;
            };
            let mut classes = vec![match cell.state {
                CellState::Aligned => "aligned",
                CellState::Only => "only",
                CellState::Elsewhere => "elsewhere",
            }];
            let mut marks = Vec::new();
            if cell.state == CellState::Only {
                marks.push("only here");
            }
            if cell.state == CellState::Elsewhere {
                marks.push("said elsewhere by another article");
            }
            for (flag, class, mark) in [
                (cell.moved, "moved", "moved: earlier in its article"),
                (cell.copied, "copied", "copied word for word"),
                (cell.conflict, "conflict", "conflicting fact"),
            ] {
                if flag {
                    classes.push(class);
                    marks.push(mark);
                }
            }
            page.raw(&format!("<td class=\"{}\"", classes.join(" ")));
            if cell.state == CellState::Only {
                page.raw(" data-testid=\"only-here\"");
            }
            page.raw(">");
            let numbers: Vec<String> = cell.sentences.iter().map(|s| (s + 1).to_string()).collect();
            page.raw(&format!(
                "<span class=\"num\" title=\"sentence {0} of article {1}\">{0}</span>",
                numbers.join("+"),
                k + 1
            ));
            for run in &cell.runs {
                match run.op {
                    DiffOp::Equal => page.text(&run.text),
                    DiffOp::Insert => page.element("ins", &run.text),
                    DiffOp::Delete => page.element("del", &run.text),
                }
            }
            if !marks.is_empty() {
                page.element("span class=\"marks\"", &marks.join(" · "));
            }
            for &s in &cell.sentences {
                for note in sentence_notes(report, k, s) {
                    note_aside(page, note);
                }
            }
            page.raw("</td>");
        }
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

fn passages(page: &mut Page, report: &CompareReport, labels: &[String]) {
    page.raw("<section id=\"copied\">\n<h2>Passages copied word for word</h2>\n");
    let mut any = false;
    for pair in report
        .pairs
        .iter()
        .filter(|p| !p.shared_passages.is_empty())
    {
        any = true;
        page.element(
            "h3",
            &format!("{} and {}", labels[pair.left], labels[pair.right]),
        );
        page.raw("<ul>\n");
        for passage in &pair.shared_passages {
            page.raw("<li data-testid=\"shared-passage\">");
            page.element("q", &passage.text);
            page.raw(&format!(
                " <span class=\"muted\">{} words</span>",
                passage.words
            ));
            if let Some(first) = passage.earlier {
                page.raw(" <span class=\"muted\">");
                page.text(&format!("{} published first", labels[first]));
                page.raw("</span>");
            }
            page.raw("</li>\n");
        }
        page.raw("</ul>\n");
    }
    if !any {
        page.raw("<p class=\"muted\">No passage is shared word for word.</p>\n");
    }
    page.raw("</section>\n");
}

/// The articles by publication and each statement's first report; left out when no article is
/// dated.
fn timeline(page: &mut Page, report: &CompareReport, labels: &[String]) {
    let timeline = &report.timeline;
    if timeline.articles.iter().all(|a| a.precision.is_none()) {
        return;
    }
    page.raw("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ol>\n");
    for article in &timeline.articles {
        page.element(
            "li",
            &format!(
                "{}: {}",
                article.published.as_deref().unwrap_or("undated"),
                labels[article.index]
            ),
        );
    }
    page.raw("</ol>\n<table>\n<thead><tr><th>Statement</th><th>First reported by</th><th>Reported by</th></tr></thead>\n<tbody>\n");
    for statement in &timeline.statements {
        page.raw("<tr>");
        page.element("td", &statement.text);
        let first = statement
            .first_article
            .map_or("unknown (undated)".to_string(), |a| labels[a].clone());
        page.element("td", &first);
        let all: Vec<&str> = statement
            .articles
            .iter()
            .map(|&a| labels[a].as_str())
            .collect();
        page.element("td", &all.join(", "));
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

/// One row per disputed fact: each value with the articles that give it and their sentences.
fn conflicts(page: &mut Page, report: &CompareReport, labels: &[String]) {
    page.raw("<section id=\"conflicts\">\n<h2>Conflicting facts</h2>\n");
    if report.disputed_facts.is_empty() {
        page.raw("<p class=\"muted\">No fact is stated differently.</p>\n</section>\n");
        return;
    }
    page.raw("<table>\n<thead><tr><th>Kind</th><th>What</th><th>Values and who gives them</th></tr></thead>\n<tbody>\n");
    for fact in &report.disputed_facts {
        page.raw("<tr data-testid=\"conflict-item\">");
        page.element("td", &fact.kind);
        page.element("td", &fact.what);
        page.raw("<td>");
        for value in &fact.values {
            page.raw("<p>");
            page.element("strong", &value.text);
            for &[article, sentence] in &value.sentences {
                page.raw(" <span class=\"muted\">(");
                page.text(&labels[article]);
                page.raw(&format!(", sentence {})</span>", sentence + 1));
                if let Some(text) = report.articles[article].sentences.get(sentence) {
                    page.element("span class=\"marks\"", text);
                }
                for note in sentence_notes(report, article, sentence) {
                    note_aside(page, note);
                }
            }
            page.raw("</p>");
        }
        page.raw("</td></tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

fn entities(page: &mut Page, report: &CompareReport, labels: &[String]) {
    page.raw("<section id=\"entities\">\n<h2>Who and what each article names</h2>\n");
    page.raw("<table data-testid=\"entity-table\">\n<thead><tr><th>Entity</th><th>Kind</th><th>Also written</th>");
    for label in labels {
        page.element("th", label);
    }
    page.raw("</tr></thead>\n<tbody>\n");
    for entity in &report.entities {
        page.raw("<tr data-testid=\"entity-row\">");
        page.element("td", &entity.name);
        page.element("td", kind_name(entity.kind));
        page.element("td class=\"muted\"", &entity.aliases.join(", "));
        for k in 0..labels.len() {
            match entity.mentions.get(k).copied().unwrap_or(0) {
                0 => page.raw("<td class=\"count absent\">not named</td>"),
                n => page.raw(&format!("<td class=\"count\">{n}</td>")),
            }
        }
        page.raw("</tr>\n");
    }
    page.raw("</tbody>\n</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        let mut page = Page { out: String::new() };
        page.text("<script>alert(\"x\")</script> & 'y'");
        assert_eq!(
            page.out,
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }
}
