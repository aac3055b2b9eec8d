//! The text the commands print for people (without `--json`).

use std::fmt::Write;

use parallax_core::compare::DiffOp;
use parallax_core::entities::{Entity, Overlap, Quantity, ResolvedEntity};
use parallax_core::ingest::ExtractedArticle;
use parallax_core::timeline::Precision;
use parallax_library::{
    ArticleRecord, EmptiedTrash, EventSummary, Grouping, ImportReport, ListedArticle, Note,
    OutletCount, OutletGroups, OutletRenamed, RestoredArticle, SentenceOverride, TrashedArticle,
};
use parallax_report::{CompareReport, EventTimeline};

pub(crate) fn extracted(path: &str, article: &ExtractedArticle, word_count: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", article.title);
    let fields = [
        ("file", Some(path)),
        ("format", Some(article.format.as_str())),
        // Said outright, so a reader knows the file was read for it and named none.
        (
            "outlet",
            article.outlet.as_deref().or(Some("not found in the file")),
        ),
        ("byline", article.byline.as_deref()),
        ("published", article.published.as_deref()),
        ("url", article.url.as_deref()),
        ("language", article.language.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = writeln!(out, "{name:>10}: {value}");
        }
    }
    let _ = writeln!(out, "{:>10}: {word_count}\n\n{}", "words", article.text);
    out
}

pub(crate) fn entities(entities: &[Entity], quantities: &[Quantity]) -> String {
    let mut out = String::new();
    if entities.is_empty() && quantities.is_empty() {
        return "No entities or quantities found.\n".into();
    }
    for entity in entities {
        let kind = serde_json::to_value(entity.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let _ = write!(out, "{:<13} {} ({}x)", kind, entity.name, entity.mentions);
        if !entity.aliases.is_empty() {
            let _ = write!(out, ", also {}", entity.aliases.join(", "));
        }
        out.push('\n');
    }
    for quantity in quantities {
        let kind = serde_json::to_value(quantity.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let value = serde_json::to_string(&quantity.value).unwrap_or_default();
        let _ = writeln!(out, "{kind:<13} {} = {value}", quantity.text);
    }
    out
}

/// The entity x article matrix of several files and the overlap per kind.
pub(crate) fn entities_across(
    articles: &[String],
    entities: &[ResolvedEntity],
    overlap: &Overlap,
) -> String {
    let mut out = String::new();
    for (i, article) in articles.iter().enumerate() {
        let _ = writeln!(out, "[{i}] {article}");
    }
    if entities.is_empty() {
        out.push_str("No people, organisations or places found.\n");
        return out;
    }
    let width = entities
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    for entity in entities {
        let counts: Vec<String> = entity
            .mentions
            .iter()
            .map(|&m| {
                if m == 0 {
                    "-".to_string()
                } else {
                    m.to_string()
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "{:<13} {:<width$}  {}",
            kind_name(entity.kind),
            entity.name,
            counts.join(" ")
        );
    }
    out.push('\n');
    // A kind no article names has no share to give: its score of 1 is not agreement.
    for kind in &overlap.by_kind {
        let kind_name = kind_name(kind.kind);
        let _ = if kind.named == 0 {
            writeln!(out, "{kind_name:<13} none named")
        } else {
            writeln!(
                out,
                "{kind_name:<13} named by all: {} of {} ({:.0}%)",
                kind.shared,
                kind.named,
                kind.score * 100.0
            )
        };
    }
    if overlap.shared.is_empty() && overlap.partial.is_empty() {
        let _ = writeln!(out, "{:<13} none named", "overlap");
    } else {
        let _ = writeln!(out, "{:<13} {:.0}%", "overlap", overlap.score * 100.0);
    }
    out
}

fn kind_name(kind: impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn comparison(report: &CompareReport) -> String {
    let mut out = String::new();
    for (i, article) in report.articles.iter().enumerate() {
        let outlet = article
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "[{i}] {}{outlet}: {}, {} sentences",
            article.reference,
            article.title,
            article.sentences.len()
        );
    }
    for pair in &report.pairs {
        let (left, right) = (&report.articles[pair.left], &report.articles[pair.right]);
        let _ = writeln!(
            out,
            "\n== [{}] vs [{}]: similarity {:.2}",
            pair.left, pair.right, pair.similarity
        );
        for alignment in &pair.alignments {
            let same = alignment.diff.iter().all(|run| run.op == DiffOp::Equal);
            let mut line = String::new();
            for run in &alignment.diff {
                match run.op {
                    DiffOp::Equal => line.push_str(&run.text),
                    DiffOp::Delete => {
                        let _ = write!(line, "[-{}-]", run.text);
                    }
                    DiffOp::Insert => {
                        let _ = write!(line, "{{+{}+}}", run.text);
                    }
                }
            }
            let _ = writeln!(
                out,
                "{} {:?} ~ {:?}  {}{}",
                if same { "=" } else { "~" },
                alignment.left,
                alignment.right,
                line.trim(),
                if alignment.by_user {
                    "  (linked by you)"
                } else {
                    ""
                }
            );
        }
        for &i in &pair.left_only {
            let _ = writeln!(out, "< only in [{}]: {}", pair.left, left.sentences[i]);
        }
        for &j in &pair.right_only {
            let _ = writeln!(out, "> only in [{}]: {}", pair.right, right.sentences[j]);
        }
        for passage in &pair.shared_passages {
            let earlier = match passage.earlier {
                Some(first) => format!(", [{first}] published first"),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "| shared passage ({} words{earlier}): {}",
                passage.words, passage.text
            );
        }
    }
    if !report.disputed_facts.is_empty() {
        let _ = writeln!(out, "\nDisputed facts:");
    }
    for fact in &report.disputed_facts {
        let values: Vec<String> = fact
            .values
            .iter()
            .map(|value| {
                let who: Vec<String> = value
                    .articles
                    .iter()
                    .map(|&k| report.articles[k].source.clone())
                    .collect();
                format!("{}: {}", value.text, who.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "! {} ({}): {}",
            fact.what,
            fact.kind,
            values.join(" / ")
        );
    }
    if !report.entities.is_empty() {
        let _ = writeln!(out, "\nEntities (mentions per article):");
        for entity in &report.entities {
            let mentions: Vec<String> = entity.mentions.iter().map(usize::to_string).collect();
            let _ = writeln!(out, "  {:<32} {}", entity.name, mentions.join(" "));
        }
    }
    for (dimension, coverage) in &report.coverage.by_group {
        let _ = writeln!(out, "\nBy {dimension}:");
        for (group, share) in &coverage.groups {
            let _ = writeln!(out, "  only {dimension}={group}:");
            for statement in &share.statements {
                let _ = writeln!(out, "    - {}", statement.text);
            }
            if !share.entities.is_empty() {
                let _ = writeln!(out, "    names: {}", share.entities.join(", "));
            }
        }
        for (group, share) in &coverage.groups {
            if share.blindspot.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  not reported by any {dimension}={group} outlet:");
            for statement in &share.blindspot {
                let _ = writeln!(out, "    - {}", statement.text);
            }
        }
        if !coverage.every_group.statements.is_empty() {
            let _ = writeln!(out, "  every group:");
            for statement in &coverage.every_group.statements {
                let _ = writeln!(out, "    - {}", statement.text);
            }
        }
    }
    out
}

pub(crate) fn import(report: &ImportReport) -> String {
    let mut out = String::new();
    for article in &report.imported {
        let _ = writeln!(
            out,
            "imported  {:>6}  {}  ({})",
            article.id, article.title, article.path
        );
    }
    for duplicate in &report.duplicates {
        let _ = writeln!(
            out,
            "duplicate {:>6}  {}",
            duplicate.existing_id, duplicate.path
        );
    }
    for failed in &report.failed {
        let _ = writeln!(out, "failed            {}: {}", failed.path, failed.error);
    }
    let _ = writeln!(
        out,
        "{} imported, {} duplicates, {} failed{}",
        report.imported.len(),
        report.duplicates.len(),
        report.failed.len(),
        if report.cancelled { " (cancelled)" } else { "" }
    );
    out
}

pub(crate) fn articles(articles: &[ListedArticle], filtered: bool) -> String {
    if articles.is_empty() && filtered {
        return "No article matches.\n".into();
    }
    if articles.is_empty() {
        return "The library is empty: `parallax import PATH` or `parallax samples` adds articles.\n".into();
    }
    let mut out = String::new();
    for article in articles {
        let date = article
            .published
            .as_deref()
            .map(|d| d.get(..10).unwrap_or(d))
            .unwrap_or("");
        let outlet = article.outlet.as_deref().unwrap_or("");
        let tags = if article.tags.is_empty() {
            String::new()
        } else {
            format!("  [{}]", article.tags.join(", "))
        };
        let _ = writeln!(
            out,
            "{:>6}  {:<10}  {:<24}  {}{tags}",
            article.id,
            date,
            truncate(outlet, 24),
            article.title
        );
    }
    out
}

pub(crate) fn hits(hits: &[ListedArticle], terminal: bool) -> String {
    if hits.is_empty() {
        return "No article matches.\n".into();
    }
    let (open, close) = if terminal {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::new();
    for hit in hits {
        let outlet = hit
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{:>6}  {}{outlet}", hit.id, hit.title);
        // No words searched for: no snippet.
        let Some(found) = hit.snippet.as_deref() else {
            continue;
        };
        let mut snippet = String::new();
        let mut bounds = hit
            .highlights
            .iter()
            .flat_map(|[s, e]| [(*s, open), (*e, close)])
            .peekable();
        for (i, c) in found.chars().enumerate() {
            while let Some((_, mark)) = bounds.next_if(|(at, _)| *at == i) {
                snippet.push_str(mark);
            }
            snippet.push(c);
        }
        snippet.extend(bounds.map(|(_, mark)| mark));
        let _ = writeln!(out, "        {}", snippet.replace('\n', " "));
    }
    out
}

pub(crate) fn events(events: &[EventSummary], articles: &[ListedArticle]) -> String {
    if events.is_empty() {
        return "No events: the library is empty.\n".into();
    }
    let mut out = String::new();
    for event in events {
        let _ = writeln!(
            out,
            "event {}: {} ({} articles)",
            event.id,
            event.title,
            event.articles.len()
        );
        for id in &event.articles {
            if let Some(article) = articles.iter().find(|a| a.id == *id) {
                let outlet = article.outlet.as_deref().unwrap_or("");
                let _ = writeln!(
                    out,
                    "  {:>6}  {:<24}  {}",
                    id,
                    truncate(outlet, 24),
                    article.title
                );
            }
        }
    }
    out
}

pub(crate) fn grouping(grouping: &Grouping, title: &str, closest: Option<&str>) -> String {
    let mut out = format!(
        "article {} \"{title}\" is in event {}",
        grouping.article, grouping.event
    );
    match (grouping.placed_by_user, grouping.grouped_with, closest) {
        (true, _, _) => out.push_str(": you put it there."),
        (false, Some(other), Some(closest)) => {
            let _ = write!(out, ": it resembles article {other} \"{closest}\"");
            if let Some(similarity) = grouping.similarity {
                let _ = write!(out, " (similarity {similarity:.2})");
            }
            if !grouping.shared_terms.is_empty() {
                let _ = write!(
                    out,
                    "; both are about: {}",
                    grouping.shared_terms.join(", ")
                );
            }
            out.push('.');
        }
        _ => match (grouping.split_from, grouping.split_link) {
            (Some(other), Some(link)) => {
                let other = match &grouping.split_from_title {
                    Some(title) => format!("event {other} ({title})"),
                    None => "another event".to_string(),
                };
                let _ = write!(
                    out,
                    ": its event was cut in two, as its articles and those now in {other} \
                     hardly resemble each other (mean link {link:.3})."
                );
            }
            _ => match (&grouping.folded_from_title, grouping.fold_link) {
                (Some(title), Some(link)) => {
                    let _ = write!(
                        out,
                        ": it started an event of its own ({title}), which was folded into this \
                         one, as their articles resemble each other (mean link {link:.3})."
                    );
                }
                _ => {
                    out.push_str(": no earlier article reported the same event, so it started one.")
                }
            },
        },
    }
    out.push('\n');
    out
}

pub(crate) fn edited(record: &ArticleRecord) -> String {
    let mut out = format!("article {}: {}\n", record.id, record.title);
    let fields = [
        ("outlet", record.outlet.as_deref()),
        ("byline", record.byline.as_deref()),
        ("published", record.published.as_deref()),
    ];
    for (name, value) in fields {
        let _ = writeln!(out, "{name:>10}: {}", value.unwrap_or("-"));
    }
    if !record.corrected.is_empty() {
        let fields: Vec<&str> = record.corrected.keys().map(String::as_str).collect();
        let _ = writeln!(out, "{:>10}: {}", "corrected", fields.join(", "));
    }
    out
}

pub(crate) fn outlets(outlets: &[OutletCount]) -> String {
    if outlets.is_empty() {
        return "No article has an outlet.\n".into();
    }
    let mut out = String::new();
    for outlet in outlets {
        let _ = writeln!(out, "{:>6}  {}", outlet.articles, outlet.outlet);
    }
    out
}

pub(crate) fn outlet_groups(outlets: &[OutletGroups]) -> String {
    if outlets.is_empty() {
        return "No outlets yet.\n".into();
    }
    let mut out = String::new();
    for outlet in outlets {
        let groups: Vec<String> = outlet
            .groups
            .iter()
            .map(|(dimension, name)| format!("{dimension}={name}"))
            .collect();
        let groups = if groups.is_empty() {
            "(no groups)".to_string()
        } else {
            groups.join(" ")
        };
        let _ = writeln!(out, "{}  {groups}", outlet.outlet);
    }
    out
}

pub(crate) fn timeline(timeline: &EventTimeline) -> String {
    let mut out = format!(
        "Event {}: {}\n\nArticles by publication:\n",
        timeline.event, timeline.title
    );
    for article in &timeline.timeline.articles {
        let when = match (article.published.as_deref(), article.precision) {
            (Some(date), Some(Precision::Day)) => format!("{date} (day only)"),
            (Some(date), _) => date.to_string(),
            (None, _) => "undated".to_string(),
        };
        let id = article.id.map_or(String::new(), |id| format!("{id:>5}  "));
        let _ = writeln!(out, "{id}{when:<22}  {}", article.source);
    }
    let _ = writeln!(out, "\nStatements by first report:");
    for statement in &timeline.timeline.statements {
        let tied: Vec<String> = statement.first_tied.iter().map(i64::to_string).collect();
        let first = match statement.first {
            Some(id) if tied.is_empty() => format!("first {id}"),
            Some(id) => format!("first {id}, or as early {}", tied.join(", ")),
            None => "undated".to_string(),
        };
        let others: Vec<String> = statement.reported_by.iter().map(i64::to_string).collect();
        let _ = writeln!(
            out,
            "- {} [{first}; reported by {}]",
            statement.text,
            others.join(", ")
        );
    }
    out
}

pub(crate) fn outlet_renamed(renamed: &OutletRenamed) -> String {
    format!(
        "Renamed '{}' to '{}' on {}{}.\n",
        renamed.from,
        renamed.to,
        count(renamed.articles, "article"),
        if renamed.merged {
            ", merging it into the outlet of that name"
        } else {
            ""
        }
    )
}

pub(crate) fn tags(article: i64, tags: &[String]) -> String {
    if tags.is_empty() {
        return format!("article {article} has no tags\n");
    }
    format!("article {article}: {}\n", tags.join(", "))
}

pub(crate) fn deleted(ids: &[i64]) -> String {
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!(
        "Moved to the trash: {} (`parallax restore ID` brings an article back).\n",
        list.join(", ")
    )
}

pub(crate) fn restored(restored: &[RestoredArticle]) -> String {
    let mut out = String::new();
    for article in restored {
        let _ = write!(out, "restored {}", article.trashed_id);
        if article.id != article.trashed_id {
            let _ = write!(out, " as article {} (its id was taken)", article.id);
        }
        let _ = writeln!(
            out,
            " into {}event {}",
            if article.new_event { "a new " } else { "" },
            article.event
        );
    }
    out
}

pub(crate) fn trash(trash: &[TrashedArticle]) -> String {
    if trash.is_empty() {
        return "The trash is empty.\n".into();
    }
    let mut out = String::new();
    for article in trash {
        let outlet = article.outlet.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "{:>6}  {:<20}  {:<24}  {}",
            article.id,
            article.trashed,
            truncate(outlet, 24),
            article.title
        );
    }
    let _ = writeln!(
        out,
        "{} in the trash: `parallax restore ID` brings one back, `parallax trash empty` deletes them for good.",
        trash.len()
    );
    out
}

pub(crate) fn emptied(emptied: &EmptiedTrash) -> String {
    format!(
        "Deleted {} and {} for good; removed {} left without articles.\n",
        count(emptied.articles, "article"),
        count(emptied.notes, "note"),
        count(emptied.events, "event")
    )
}

/// One note: its id and target, verdict, author and time, then its text and what it is on.
pub(crate) fn note(note: &Note) -> String {
    let mut out = String::new();
    let target = note
        .target
        .clone()
        .unwrap_or_else(|| "(its article is not in the library)".into());
    let _ = write!(out, "#{} on {} {target}", note.id, note.kind);
    if let Some(verdict) = &note.verdict {
        let _ = write!(out, " [{verdict}]");
    }
    let _ = write!(out, " by {}, {}", note.author, note.created);
    if let Some(edited) = &note.edited {
        let _ = write!(out, " (edited {edited})");
    }
    if let Some(deleted) = &note.deleted {
        let _ = write!(out, " (deleted {deleted})");
    }
    let _ = writeln!(out, "\n    {}", note.text);
    let on = match note.kind.as_str() {
        "event" => note.event_title.clone(),
        _ => note.article_title.clone(),
    };
    if let Some(on) = on {
        let _ = writeln!(out, "    on: {on}");
    }
    if let Some(sentence) = &note.sentence_text {
        let _ = writeln!(out, "    sentence: {sentence}");
    }
    if let Some(sentence) = &note.other_sentence_text {
        let _ = writeln!(out, "    and: {sentence}");
    }
    out
}

pub(crate) fn notes(notes: &[Note]) -> String {
    if notes.is_empty() {
        return "No notes.\n".into();
    }
    notes.iter().map(note).collect::<Vec<_>>().join("\n")
}

pub(crate) fn verdicts(scale: &[String]) -> String {
    format!("Verdicts: {}\n", scale.join(", "))
}

pub(crate) fn overrides(a: i64, b: i64, overrides: &[SentenceOverride]) -> String {
    if overrides.is_empty() {
        return format!("No alignment corrections between articles {a} and {b}.\n");
    }
    let mut out = String::new();
    for o in overrides {
        let _ = writeln!(
            out,
            "{} {}:{} {} {}:{}\n    {}\n    {}",
            if o.linked { "linked  " } else { "unlinked" },
            o.left.article,
            o.left.sentence,
            if o.linked { "=" } else { "≠" },
            o.right.article,
            o.right.sentence,
            o.left_text,
            o.right_text
        );
    }
    out
}

/// "1 article", "2 articles".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut short: String = text.chars().take(width - 1).collect();
    short.push('…');
    short
}

pub(crate) fn passage_import(report: &parallax_library::PassageImport) -> String {
    let mut out = String::new();
    for unmatched in &report.unmatched {
        let _ = writeln!(
            out,
            "no article      {}: document '{}' (cluster {})",
            unmatched.path, unmatched.id, unmatched.cluster
        );
    }
    for failed in &report.failed {
        let _ = writeln!(out, "failed          {}: {}", failed.path, failed.error);
    }
    let _ = writeln!(
        out,
        "{} passages imported, {} already held, {} with no article, {} failed; {} clusters in the library",
        report.imported,
        report.already_held,
        report.unmatched.len(),
        report.failed.len(),
        report.clusters
    );
    out
}

pub(crate) fn reuse_clusters(clusters: &[parallax_library::ReuseCluster]) -> String {
    let mut out = String::new();
    if clusters.is_empty() {
        out.push_str(
            "No shared passages: import a passim run's output with `parallax passages import`\n",
        );
        return out;
    }
    for cluster in clusters {
        let size = cluster
            .size
            .map(|s| format!(", {s} passages in the run"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "cluster {} ({}{size})",
            cluster.cluster, cluster.source
        );
        for passage in &cluster.passages {
            let _ = writeln!(
                out,
                "  {:>6}  {}  {}  [{}..{}]  {}",
                passage.article,
                passage.published.as_deref().unwrap_or("undated"),
                passage.outlet.as_deref().unwrap_or("(no outlet)"),
                passage.start,
                passage.end,
                passage.title
            );
        }
    }
    out
}
