//! The comparison as readable Markdown: the articles, each pair's aligned sentences with the
//! word differences as `~~deleted~~` and `**inserted**`, what only one article says, copied
//! passages, and tables of conflicts and entities.
//!
//! Article text goes through [`escape`], so an article cannot open a link, an emphasis, a
//! table cell or raw HTML.

use std::fmt::Write;

use parallax_core::compare::DiffOp;

use crate::report::CompareReport;

use super::{
    article_labels, article_notes, day, event_notes, kind_name, note_byline, note_place,
    report_title, sentence_notes,
};
use parallax_library::Note;

/// Writes `report` as Markdown.
pub(crate) fn write(report: &CompareReport) -> String {
    let labels = article_labels(report);
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_all(&mut out, report, &labels);
    out
}

fn write_all(out: &mut String, report: &CompareReport, labels: &[String]) -> std::fmt::Result {
    writeln!(out, "# {}\n", escape(&report_title(report)))?;
    writeln!(
        out,
        "{} articles compared by Parallax, sentence by sentence.\n",
        report.articles.len()
    )?;

    for note in event_notes(report) {
        writeln!(out, "{}\n", note_line(note))?;
    }

    writeln!(out, "## Articles\n")?;
    for (k, article) in report.articles.iter().enumerate() {
        let cited = &article.citation;
        let mut line = format!(
            "{}. **{}**: {}",
            k + 1,
            escape(article.outlet.as_deref().unwrap_or("unknown outlet")),
            escape(&article.title)
        );
        if let Some(byline) = &cited.byline {
            line.push_str(&format!(". By {}", escape_inline(byline)));
        }
        if let Some(published) = &cited.published {
            line.push_str(&format!(". Published {}", escape_inline(published)));
        }
        if let Some(url) = &cited.url {
            line.push_str(&format!(". Address: {}", escape_inline(url)));
        }
        if let Some(imported) = &cited.imported {
            line.push_str(&format!(". Added to the library {}", day(imported)));
        }
        line.push_str(&format!(" (source: {})", escape(&article.reference)));
        writeln!(out, "{line}")?;
        for note in article_notes(report, k) {
            writeln!(out, "   {}", note_line(note))?;
        }
    }

    write_timeline(out, report, labels)?;

    writeln!(out, "\n## Pairs\n")?;
    writeln!(
        out,
        "| Articles | Similarity | Aligned | Copied word for word | Conflicts |"
    )?;
    writeln!(out, "| --- | ---: | ---: | ---: | ---: |")?;
    for pair in &report.pairs {
        writeln!(
            out,
            "| {} and {} | {:.0}% | {} | {:.0}% / {:.0}% | {} |",
            escape(&labels[pair.left]),
            escape(&labels[pair.right]),
            pair.similarity * 100.0,
            pair.alignments.len(),
            pair.left_copied_share * 100.0,
            pair.right_copied_share * 100.0,
            pair.conflicts.len()
        )?;
    }

    writeln!(out, "\n## Aligned sentences")?;
    for pair in &report.pairs {
        let (left, right) = (escape(&labels[pair.left]), escape(&labels[pair.right]));
        writeln!(out, "\n### {left} and {right}\n")?;
        if pair.alignments.is_empty() {
            writeln!(
                out,
                "No sentence of one says what a sentence of the other says."
            )?;
            continue;
        }
        writeln!(
            out,
            "Words only {left} has are ~~struck through~~; words only {right} has are **in bold**.\n"
        )?;
        for alignment in &pair.alignments {
            write!(
                out,
                "- {} ↔ {}: ",
                sentence_numbers(&alignment.left),
                sentence_numbers(&alignment.right)
            )?;
            for run in &alignment.diff {
                match run.op {
                    DiffOp::Equal => out.push_str(&escape_inline(&run.text)),
                    DiffOp::Delete => out.push_str(&marked(&run.text, "~~")),
                    DiffOp::Insert => out.push_str(&marked(&run.text, "**")),
                }
            }
            out.push('\n');
            let mut shown: Vec<i64> = Vec::new();
            let sides = [(pair.left, &alignment.left), (pair.right, &alignment.right)];
            for (k, sentences) in sides {
                for &s in sentences {
                    for note in sentence_notes(report, k, s) {
                        // A pair's note goes under that pair's alignment only.
                        let ids = [
                            report.articles[pair.left].id,
                            report.articles[pair.right].id,
                        ];
                        let other_pair = note.kind == "pair"
                            && !(ids.contains(&note.article) && ids.contains(&note.other_article));
                        if !other_pair && !shown.contains(&note.id) {
                            shown.push(note.id);
                            writeln!(out, "  {}", note_line(note))?;
                        }
                    }
                }
            }
        }
    }

    writeln!(out, "\n## Said by one article only\n")?;
    let mut any = false;
    for (k, article) in report.articles.iter().enumerate() {
        let alone: Vec<usize> = (0..article.sentences.len())
            .filter(|&s| {
                report
                    .coverage
                    .support
                    .get(k)
                    .and_then(|sentences| sentences.get(s))
                    .is_none_or(|others| others.is_empty())
            })
            .collect();
        if alone.is_empty() {
            continue;
        }
        any = true;
        writeln!(out, "**{}**\n", escape(&labels[k]))?;
        for s in alone {
            writeln!(out, "- {}: {}", s + 1, escape(&article.sentences[s]))?;
            for note in sentence_notes(report, k, s) {
                writeln!(out, "  {}", note_line(note))?;
            }
        }
        out.push('\n');
    }
    if !any {
        writeln!(out, "Every sentence is said by at least two articles.\n")?;
    }

    writeln!(out, "## Passages copied word for word\n")?;
    let mut any = false;
    for pair in report
        .pairs
        .iter()
        .filter(|p| !p.shared_passages.is_empty())
    {
        any = true;
        writeln!(
            out,
            "**{} and {}**\n",
            escape(&labels[pair.left]),
            escape(&labels[pair.right])
        )?;
        for passage in &pair.shared_passages {
            let earlier = match passage.earlier {
                Some(first) => format!(", {} published first", escape(&labels[first])),
                None => String::new(),
            };
            writeln!(
                out,
                "- “{}” ({} words{earlier})",
                escape(&passage.text),
                passage.words
            )?;
        }
        out.push('\n');
    }
    if !any {
        writeln!(out, "No passage is shared word for word.\n")?;
    }

    writeln!(out, "## Conflicting facts\n")?;
    if report.disputed_facts.is_empty() {
        writeln!(out, "No fact is stated differently.\n")?;
    } else {
        writeln!(out, "| Kind | What | Values and who gives them |")?;
        writeln!(out, "| --- | --- | --- |")?;
        for fact in &report.disputed_facts {
            let values: Vec<String> = fact
                .values
                .iter()
                .map(|value| {
                    let who: Vec<String> = value
                        .sentences
                        .iter()
                        .map(|&[article, sentence]| {
                            let notes: String = sentence_notes(report, article, sentence)
                                .into_iter()
                                .map(|note| {
                                    format!(
                                        " (*note*: {}: {})",
                                        escape_inline(&note_byline(note)),
                                        escape_inline(&note.text)
                                    )
                                })
                                .collect();
                            format!(
                                "{}, sentence {}{notes}",
                                escape(&labels[article]),
                                sentence + 1
                            )
                        })
                        .collect();
                    format!("**{}**: {}", escape(&value.text), who.join("; "))
                })
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                escape(&fact.kind),
                escape(&fact.what),
                values.join(" / ")
            )?;
        }
        out.push('\n');
    }

    writeln!(out, "## Notes and verdicts\n")?;
    if report.notes.is_empty() {
        writeln!(out, "No note on these articles.\n")?;
    } else {
        for note in &report.notes {
            write!(
                out,
                "- On {}",
                escape_inline(&note_place(report, labels, note))
            )?;
            if let Some(sentence) = &note.sentence_text {
                write!(out, " (“{}”)", escape_inline(sentence))?;
            }
            writeln!(
                out,
                ": {} ({})",
                escape_inline(&note.text),
                escape_inline(&note_byline(note))
            )?;
        }
        out.push('\n');
    }

    writeln!(out, "## Who and what each article names\n")?;
    write!(out, "| Entity | Kind | Also written |")?;
    for label in labels {
        write!(out, " {} |", escape(label))?;
    }
    write!(out, "\n| --- | --- | --- |")?;
    for _ in labels {
        out.push_str(" ---: |");
    }
    out.push('\n');
    for entity in &report.entities {
        write!(
            out,
            "| {} | {} | {} |",
            escape(&entity.name),
            kind_name(entity.kind),
            escape(&entity.aliases.join(", "))
        )?;
        for k in 0..labels.len() {
            match entity.mentions.get(k).copied().unwrap_or(0) {
                0 => out.push_str(" – |"),
                n => write!(out, " {n} |")?,
            }
        }
        out.push('\n');
    }
    Ok(())
}

/// A note as a list item under what it annotates: `- Note (wrong · Ana · time): text`.
fn note_line(note: &Note) -> String {
    format!(
        "- *Note* ({}): {}",
        escape_inline(&note_byline(note)),
        escape_inline(&note.text)
    )
}

/// `3` or `3+4`: sentence numbers as people count them, from 1.
/// The articles by publication and each statement's first report; left out when no article is
/// dated, as it would say nothing.
fn write_timeline(out: &mut String, report: &CompareReport, labels: &[String]) -> std::fmt::Result {
    let timeline = &report.timeline;
    if timeline.articles.iter().all(|a| a.precision.is_none()) {
        return Ok(());
    }
    writeln!(out, "\n## Timeline\n")?;
    for article in &timeline.articles {
        writeln!(
            out,
            "- {}: {}",
            escape(article.published.as_deref().unwrap_or("undated")),
            escape(&labels[article.index])
        )?;
    }
    writeln!(out, "\n| Statement | First reported by | Reported by |")?;
    writeln!(out, "| --- | --- | --- |")?;
    for statement in &timeline.statements {
        let first = statement
            .first_article
            .map_or("unknown (undated)".to_string(), |a| escape(&labels[a]));
        let all: Vec<String> = statement
            .articles
            .iter()
            .map(|&a| escape(&labels[a]))
            .collect();
        writeln!(
            out,
            "| {} | {first} | {} |",
            escape(&statement.text),
            all.join(", ")
        )?;
    }
    Ok(())
}

fn sentence_numbers(sentences: &[usize]) -> String {
    sentences
        .iter()
        .map(|s| (s + 1).to_string())
        .collect::<Vec<_>>()
        .join("+")
}

/// `text` between two `marker`s, its surrounding spaces left outside: `** word **` would not
/// be read as emphasis.
fn marked(text: &str, marker: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return escape_inline(text);
    }
    let start = text.len() - text.trim_start().len();
    let end = start + inner.len();
    format!(
        "{}{marker}{}{marker}{}",
        escape_inline(&text[..start]),
        escape_inline(inner),
        escape_inline(&text[end..])
    )
}

/// `text` made literal wherever it stands in a line: Markdown's inline punctuation and HTML's
/// `<` and `&` backslash-escaped, line breaks turned into spaces.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` made literal even at the start of a line: a leading `-`, `+`, `=` or `1.` would open
/// a list or a heading underline.
fn escape(text: &str) -> String {
    let inline = escape_inline(text.trim());
    let digits = inline.chars().take_while(char::is_ascii_digit).count();
    match inline.chars().nth(digits) {
        Some('.' | ')') if digits > 0 => format!("{}\\{}", &inline[..digits], &inline[digits..]),
        Some('-' | '+' | '=') if digits == 0 => format!("\\{inline}"),
        _ => inline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_punctuation_is_escaped() {
        assert_eq!(
            escape("<b>*x*</b> & [link](y) | ~z~"),
            "\\<b\\>\\*x\\*\\</b\\> \\& \\[link\\](y) \\| \\~z\\~"
        );
    }

    #[test]
    fn a_leading_number_or_dash_does_not_open_a_list() {
        assert_eq!(escape("1. first"), "1\\. first");
        assert_eq!(escape("- item"), "\\- item");
        assert_eq!(escape("2025 was a year"), "2025 was a year");
    }

    #[test]
    fn spaces_stay_outside_the_emphasis() {
        assert_eq!(marked(" seven ", "**"), " **seven** ");
        assert_eq!(marked("  ", "~~"), "  ");
    }
}
