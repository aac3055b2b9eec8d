//! The commands the window calls: each parses its arguments, calls one library function and
//! maps the error to `{kind, message}` for the window.
//!
//! Every command that touches the library is `async`: its work runs off the main thread, on
//! the connection of its lane ([`Lane`]), so the window paints and takes keys meanwhile and a
//! search is answered while a comparison runs.

use parallax_library::{
    ArticlePage, ArticleRecord, ArticleSentence, CitationFormat, EmptiedTrash, EventSummary,
    Grouping, MetadataEdit, Note, NoteEdit, NoteFilter, NoteTarget, OutletCount, OutletGroups,
    OutletRenamed, RestoredArticle, SearchOptions, SearchSort, SentenceOverride, TagCount,
    TrashedArticle,
};
use parallax_report::{CompareReport, ExportFormat};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use crate::error::CommandError;
use crate::state::{run_on, AppState, Lane};
use crate::{export, import, library_files, library_switch};

/// Which library file the window shows.
#[derive(Debug, Serialize)]
pub struct LibraryInfo {
    path: String,
}

/// The page is listening: import the files named on the command line, if any.
#[tauri::command]
pub fn window_ready(app: AppHandle, state: State<'_, AppState>) {
    let files = state
        .files_to_open
        .lock()
        .map(|mut files| std::mem::take(&mut *files))
        .unwrap_or_default();
    import::start(app, files);
}

#[tauri::command]
pub fn library_info(state: State<'_, AppState>) -> LibraryInfo {
    LibraryInfo {
        path: state.library_path().display().to_string(),
    }
}

/// Opens the native dialog to choose another library file (or name a new one), and switches
/// to it; the window hears `library-changed`.
#[tauri::command]
pub fn choose_library(app: AppHandle, create: bool) {
    library_switch::choose(app, create);
}

#[tauri::command]
pub async fn list_events(app: AppHandle) -> Result<Vec<EventSummary>, CommandError> {
    run_on(app, Lane::Main, |library| library.events()).await
}

#[tauri::command]
pub async fn get_article(app: AppHandle, id: i64) -> Result<ArticleRecord, CommandError> {
    run_on(app, Lane::Main, move |library| library.article(id)).await
}

#[tauri::command]
pub async fn article_entities(
    app: AppHandle,
    id: i64,
) -> Result<Vec<parallax_core::entities::Entity>, CommandError> {
    run_on(app, Lane::Main, move |library| library.article_entities(id)).await
}

#[tauri::command]
pub async fn explain_grouping(app: AppHandle, id: i64) -> Result<Grouping, CommandError> {
    run_on(app, Lane::Main, move |library| library.grouping(id)).await
}

#[tauri::command]
pub async fn compare_articles(
    app: AppHandle,
    ids: Vec<i64>,
) -> Result<CompareReport, CommandError> {
    run_on(app, Lane::Compare, move |library| {
        parallax_report::compare_articles(library, &ids)
    })
    .await
}

/// Asks where to save the comparison of `ids` in `format`, then writes it there.
#[tauri::command]
pub fn export_comparison(
    app: AppHandle,
    ids: Vec<i64>,
    format: String,
) -> Result<(), CommandError> {
    parallax_library::check_comparison(&ids)?;
    let format: ExportFormat = format.parse()?;
    export::choose_and_write(app, ids, format);
    Ok(())
}

/// Asks the export under way to stop; it leaves no file.
#[tauri::command]
pub fn cancel_export(state: State<'_, AppState>) -> bool {
    export::cancel(&state)
}

/// The most articles one page of the library list asks for.
const MAX_PAGE: usize = 500;

/// What narrows the library list: an outlet, a date range, an event, a tag, an outlet group
/// (`leaning=right`) and an order.
#[derive(Debug, Deserialize)]
pub struct ListFilters {
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    event: Option<i64>,
    #[serde(default)]
    tag: Option<String>,
    #[serde(default)]
    group: Option<String>,
    sort: SearchSort,
}

impl ListFilters {
    /// The library's search options, the page bounded (the library checks the rest).
    fn into_options(self, limit: usize) -> Result<SearchOptions, CommandError> {
        let group = match self.group {
            Some(group) => Some(parallax_library::parse_group(&group)?),
            None => None,
        };
        Ok(SearchOptions {
            outlet: self.outlet,
            since: self.since,
            until: self.until,
            event: self.event,
            tag: self.tag,
            group,
            sort: self.sort,
            limit: limit.clamp(1, MAX_PAGE),
        })
    }
}

/// One page of the articles matching `query` (may be empty) and `filters`.
#[tauri::command]
pub async fn find_articles(
    app: AppHandle,
    query: String,
    filters: ListFilters,
    offset: usize,
    limit: usize,
) -> Result<ArticlePage, CommandError> {
    let options = filters.into_options(limit)?;
    run_on(app, Lane::Search, move |library| {
        library.find_articles(&query, &options, offset)
    })
    .await
}

/// Where an article stands in the library list narrowed by `filters` (without a search), to
/// bring it into view; `None` when the filters leave it out.
#[tauri::command]
pub async fn article_position(
    app: AppHandle,
    id: i64,
    filters: ListFilters,
) -> Result<Option<usize>, CommandError> {
    let options = filters.into_options(1)?;
    run_on(app, Lane::Search, move |library| {
        library.listing_position(id, &options)
    })
    .await
}

/// The outlets of the library with their article counts, for the outlet filter.
#[tauri::command]
pub async fn list_outlets(app: AppHandle) -> Result<Vec<OutletCount>, CommandError> {
    run_on(app, Lane::Search, |library| library.outlets()).await
}

/// Every outlet with its groups (`{"leaning": "right"}`), for the outlets dialog and the group
/// filter.
#[tauri::command]
pub async fn list_outlet_groups(app: AppHandle) -> Result<Vec<OutletGroups>, CommandError> {
    run_on(app, Lane::Main, |library| library.outlet_groups()).await
}

/// Puts an outlet in groups, each `dimension=group` (`leaning=right`); `leaning=` removes its
/// leaning. Returns its groups now.
#[tauri::command]
pub async fn set_outlet_groups(
    app: AppHandle,
    outlet: String,
    groups: Vec<String>,
) -> Result<OutletGroups, CommandError> {
    let groups = groups
        .iter()
        .map(|g| parallax_library::parse_group(g))
        .collect::<Result<Vec<_>, _>>()?;
    run_on(app, Lane::Main, move |library| {
        library.set_outlet_groups(&outlet, &groups)
    })
    .await
}

/// Opens the native file (or folder) dialog and imports what the user picks.
#[tauri::command]
pub fn import_with_dialog(app: AppHandle, folders: bool) {
    import::choose_and_import(app, folders);
}

#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) -> bool {
    import::cancel(&state)
}

/// Corrects an article's headline, outlet, byline or date; returns the article as it is now.
#[tauri::command]
pub async fn edit_article(
    app: AppHandle,
    id: i64,
    edit: MetadataEdit,
) -> Result<ArticleRecord, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.edit_article(id, &edit)
    })
    .await
}

/// Renames an outlet on all its articles (merging it into `to` when that is an outlet).
#[tauri::command]
pub async fn rename_outlet(
    app: AppHandle,
    from: String,
    to: String,
) -> Result<OutletRenamed, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.rename_outlet(&from, &to)
    })
    .await
}

/// Renames an event; the name is kept whatever is imported later.
#[tauri::command]
pub async fn rename_event(app: AppHandle, event: i64, title: String) -> Result<(), CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.rename_event(event, &title)
    })
    .await
}

/// Merges the events `others` into `into`; later imports follow the merged event.
#[tauri::command]
pub async fn merge_events(app: AppHandle, into: i64, others: Vec<i64>) -> Result<(), CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.merge_events(into, &others)
    })
    .await
}

/// Moves an article into `event`, or into a new event of its own when `event` is `None`;
/// returns the event it is in now.
#[tauri::command]
pub async fn move_article(
    app: AppHandle,
    article: i64,
    event: Option<i64>,
) -> Result<i64, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.move_article(article, event)
    })
    .await
}

/// Adds tags to an article; returns all its tags.
#[tauri::command]
pub async fn add_tags(
    app: AppHandle,
    id: i64,
    tags: Vec<String>,
) -> Result<Vec<String>, CommandError> {
    run_on(app, Lane::Main, move |library| library.add_tags(id, &tags)).await
}

/// Removes tags from an article; returns the tags it keeps.
#[tauri::command]
pub async fn remove_tags(
    app: AppHandle,
    id: i64,
    tags: Vec<String>,
) -> Result<Vec<String>, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.remove_tags(id, &tags)
    })
    .await
}

/// The library's tags with their article counts, for the tag filter.
#[tauri::command]
pub async fn list_tags(app: AppHandle) -> Result<Vec<TagCount>, CommandError> {
    run_on(app, Lane::Search, |library| library.tag_counts()).await
}

/// Moves articles to the trash; returns their ids.
#[tauri::command]
pub async fn delete_articles(app: AppHandle, ids: Vec<i64>) -> Result<Vec<i64>, CommandError> {
    run_on(app, Lane::Main, move |library| library.delete(&ids)).await
}

/// Brings articles back from the trash.
#[tauri::command]
pub async fn restore_articles(
    app: AppHandle,
    ids: Vec<i64>,
) -> Result<Vec<RestoredArticle>, CommandError> {
    run_on(app, Lane::Main, move |library| library.restore(&ids)).await
}

/// The articles in the trash, most recently deleted first.
#[tauri::command]
pub async fn list_trash(app: AppHandle) -> Result<Vec<TrashedArticle>, CommandError> {
    run_on(app, Lane::Main, |library| library.trash()).await
}

/// Deletes the trashed articles for good.
#[tauri::command]
pub async fn empty_trash(app: AppHandle) -> Result<EmptiedTrash, CommandError> {
    run_on(app, Lane::Main, |library| library.empty_trash()).await
}

/// The alignment corrections of two library articles, `a` first.
#[tauri::command]
pub async fn alignment_overrides(
    app: AppHandle,
    a: i64,
    b: i64,
) -> Result<Vec<SentenceOverride>, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.alignment_overrides(a, b)
    })
    .await
}

/// Links (`linked`) or unlinks two sentences of two library articles; returns the corrections
/// of that pair of articles.
#[tauri::command]
pub async fn set_alignment(
    app: AppHandle,
    a: ArticleSentence,
    b: ArticleSentence,
    linked: bool,
) -> Result<Vec<SentenceOverride>, CommandError> {
    run_on(app, Lane::Main, move |library| {
        if linked {
            library.link_sentences(a, b)
        } else {
            library.unlink_sentences(a, b)
        }
    })
    .await
}

/// Forgets the correction of two sentences (an undo); returns whether there was one.
#[tauri::command]
pub async fn forget_alignment(
    app: AppHandle,
    a: ArticleSentence,
    b: ArticleSentence,
) -> Result<bool, CommandError> {
    run_on(app, Lane::Main, move |library| {
        library.remove_alignment_override(a, b)
    })
    .await
}

/// Asks where to write a backup of the library, then writes it; the window hears
/// `library-file-saved`.
#[tauri::command]
pub fn back_up_library(app: AppHandle) {
    library_files::choose_and_back_up(app);
}

/// Asks where to write the library as JSON Lines, then writes it.
#[tauri::command]
pub fn export_library(app: AppHandle) {
    library_files::choose_and_dump(app);
}

/// Asks for a JSON Lines export to load; the window hears `import-finished` with its report.
#[tauri::command]
pub fn import_library_dump(app: AppHandle) {
    library_files::choose_and_load(app);
}

/// Who writes the window's notes: the user the app runs as, as the CLI's `note add` defaults.
fn note_author() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| "me".to_string())
}

/// Writes a note on `target` (`12`, `12:3`, `12:3,14:5` or `event:4`), with an optional
/// verdict from the scale.
#[tauri::command]
pub async fn add_note(
    app: AppHandle,
    target: String,
    text: String,
    verdict: Option<String>,
) -> Result<Note, CommandError> {
    let target: NoteTarget = target.parse()?;
    run_on(app, Lane::Main, move |library| {
        library.add_note(&target, &text, verdict.as_deref(), &note_author())
    })
    .await
}

/// The notes the filter lets through, oldest first.
#[tauri::command]
pub async fn list_notes(app: AppHandle, filter: NoteFilter) -> Result<Vec<Note>, CommandError> {
    run_on(app, Lane::Main, move |library| library.notes(&filter)).await
}

/// Changes a note's text or verdict (an empty verdict clears it).
#[tauri::command]
pub async fn edit_note(app: AppHandle, id: i64, edit: NoteEdit) -> Result<Note, CommandError> {
    run_on(app, Lane::Main, move |library| library.edit_note(id, &edit)).await
}

/// Undoes a note's last edit; undoing again redoes it.
#[tauri::command]
pub async fn undo_note_edit(app: AppHandle, id: i64) -> Result<Note, CommandError> {
    run_on(app, Lane::Main, move |library| library.undo_note_edit(id)).await
}

/// Moves a note to the trash.
#[tauri::command]
pub async fn delete_note(app: AppHandle, id: i64) -> Result<Note, CommandError> {
    run_on(app, Lane::Main, move |library| library.delete_note(id)).await
}

/// Brings a deleted note back.
#[tauri::command]
pub async fn restore_note(app: AppHandle, id: i64) -> Result<Note, CommandError> {
    run_on(app, Lane::Main, move |library| library.restore_note(id)).await
}

/// The verdicts a note can give, in order.
#[tauri::command]
pub async fn verdict_scale(app: AppHandle) -> Result<Vec<String>, CommandError> {
    run_on(app, Lane::Main, |library| library.verdict_scale()).await
}

/// The citations of library articles `ids` in `format` (`csl-json`, `bibtex` or `ris`).
#[tauri::command]
pub async fn cite_articles(
    app: AppHandle,
    ids: Vec<i64>,
    format: String,
) -> Result<String, CommandError> {
    let format: CitationFormat = format.parse()?;
    run_on(app, Lane::Main, move |library| {
        Ok(parallax_library::cite(&library.citations(&ids)?, format))
    })
    .await
}

/// Asks where to save the citations of `ids` in `format`, then writes them there; the window
/// hears `library-file-saved`.
#[tauri::command]
pub fn save_citations(app: AppHandle, ids: Vec<i64>, format: String) -> Result<(), CommandError> {
    let format: CitationFormat = format.parse()?;
    export::choose_and_save_citations(app, ids, format);
    Ok(())
}
