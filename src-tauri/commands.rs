//! The commands the window calls: each parses its arguments, calls one library function and
//! maps the error to a message the window shows.

use parallax_library::{
    ArticlePage, ArticleRecord, ArticleSentence, CompareReport, EmptiedTrash, EventSummary,
    ExportFormat, Grouping, MetadataEdit, OutletCount, OutletRenamed, RestoredArticle,
    SearchOptions, SearchSort, SentenceOverride, TagCount, TrashedArticle,
};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use crate::state::AppState;
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
pub fn list_events(state: State<'_, AppState>) -> Result<Vec<EventSummary>, String> {
    state.with_library(|library| library.events())
}

#[tauri::command]
pub fn get_article(state: State<'_, AppState>, id: i64) -> Result<ArticleRecord, String> {
    state.with_library(|library| library.article(id))
}

#[tauri::command]
pub fn article_entities(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<parallax_core::entities::Entity>, String> {
    state.with_library(|library| library.article_entities(id))
}

#[tauri::command]
pub fn explain_grouping(state: State<'_, AppState>, id: i64) -> Result<Grouping, String> {
    state.with_library(|library| library.grouping(id))
}

#[tauri::command]
pub fn compare_articles(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<CompareReport, String> {
    check_comparison(&ids)?;
    state.with_library(|library| library.compare(&ids))
}

/// Asks where to save the comparison of `ids` in `format`, then writes it there.
#[tauri::command]
pub fn export_comparison(app: AppHandle, ids: Vec<i64>, format: String) -> Result<(), String> {
    check_comparison(&ids)?;
    let format: ExportFormat = format
        .parse()
        .map_err(|e: parallax_library::Error| e.to_string())?;
    export::choose_and_write(app, ids, format);
    Ok(())
}

fn check_comparison(ids: &[i64]) -> Result<(), String> {
    let mut unique = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    if unique.len() != ids.len() {
        return Err("an article was chosen twice: choose different articles to compare".into());
    }
    parallax_library::check_comparison_size(ids.len()).map_err(|e| e.to_string())
}

/// The most articles one page of the library list asks for.
const MAX_PAGE: usize = 500;

/// What narrows the library list: an outlet, a date range, an event and an order.
#[derive(Debug, Deserialize)]
pub struct ListFilters {
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    event: Option<i64>,
    #[serde(default)]
    tag: Option<String>,
    sort: SearchSort,
}

/// One page of the articles matching `query` (may be empty) and `filters`.
#[tauri::command]
pub fn find_articles(
    state: State<'_, AppState>,
    query: String,
    filters: ListFilters,
    offset: usize,
    limit: usize,
) -> Result<ArticlePage, String> {
    check_query(&query)?;
    let options = filters.into_options(limit)?;
    state.with_library(|library| library.find_articles(&query, &options, offset))
}

/// Where an article stands in the library list narrowed by `filters` (without a search), to
/// bring it into view; `None` when the filters leave it out.
#[tauri::command]
pub fn article_position(
    state: State<'_, AppState>,
    id: i64,
    filters: ListFilters,
) -> Result<Option<usize>, String> {
    let options = filters.into_options(1)?;
    state.with_library(|library| library.listing_position(id, &options))
}

/// The outlets of the library with their article counts, for the outlet filter.
#[tauri::command]
pub fn list_outlets(state: State<'_, AppState>) -> Result<Vec<OutletCount>, String> {
    state.with_library(|library| library.outlets())
}

impl ListFilters {
    /// The library's search options, the dates checked and the page bounded.
    fn into_options(self, limit: usize) -> Result<SearchOptions, String> {
        for date in [&self.since, &self.until].into_iter().flatten() {
            check_date(date)?;
        }
        Ok(SearchOptions {
            outlet: self.outlet,
            since: self.since,
            until: self.until,
            event: self.event,
            tag: self.tag,
            sort: self.sort,
            limit: limit.clamp(1, MAX_PAGE),
        })
    }
}

fn check_query(query: &str) -> Result<(), String> {
    if query.chars().count() > 500 {
        return Err("the search is too long: use at most 500 characters".into());
    }
    Ok(())
}

/// A filter date is a calendar day, `YYYY-MM-DD`, as the date fields give it.
fn check_date(date: &str) -> Result<(), String> {
    let bytes = date.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if shaped {
        Ok(())
    } else {
        Err(format!("'{date}' is not a date: write it as YYYY-MM-DD"))
    }
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
pub fn edit_article(
    state: State<'_, AppState>,
    id: i64,
    edit: MetadataEdit,
) -> Result<ArticleRecord, String> {
    state.with_library(|library| library.edit_article(id, &edit))
}

/// Renames an outlet on all its articles (merging it into `to` when that is an outlet).
#[tauri::command]
pub fn rename_outlet(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<OutletRenamed, String> {
    state.with_library(|library| library.rename_outlet(&from, &to))
}

/// Renames an event; the name is kept whatever is imported later.
#[tauri::command]
pub fn rename_event(state: State<'_, AppState>, event: i64, title: String) -> Result<(), String> {
    state.with_library(|library| library.rename_event(event, &title))
}

/// Merges the events `others` into `into`; later imports follow the merged event.
#[tauri::command]
pub fn merge_events(state: State<'_, AppState>, into: i64, others: Vec<i64>) -> Result<(), String> {
    state.with_library(|library| library.merge_events(into, &others))
}

/// Moves an article into `event`, or into a new event of its own when `event` is `None`;
/// returns the event it is in now.
#[tauri::command]
pub fn move_article(
    state: State<'_, AppState>,
    article: i64,
    event: Option<i64>,
) -> Result<i64, String> {
    state.with_library(|library| library.move_article(article, event))
}

/// Adds tags to an article; returns all its tags.
#[tauri::command]
pub fn add_tags(
    state: State<'_, AppState>,
    id: i64,
    tags: Vec<String>,
) -> Result<Vec<String>, String> {
    state.with_library(|library| library.add_tags(id, &tags))
}

/// Removes tags from an article; returns the tags it keeps.
#[tauri::command]
pub fn remove_tags(
    state: State<'_, AppState>,
    id: i64,
    tags: Vec<String>,
) -> Result<Vec<String>, String> {
    state.with_library(|library| library.remove_tags(id, &tags))
}

/// The library's tags with their article counts, for the tag filter.
#[tauri::command]
pub fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, String> {
    state.with_library(|library| library.tag_counts())
}

/// Moves articles to the trash; returns their ids.
#[tauri::command]
pub fn delete_articles(state: State<'_, AppState>, ids: Vec<i64>) -> Result<Vec<i64>, String> {
    state.with_library(|library| library.delete(&ids))
}

/// Brings articles back from the trash.
#[tauri::command]
pub fn restore_articles(
    state: State<'_, AppState>,
    ids: Vec<i64>,
) -> Result<Vec<RestoredArticle>, String> {
    state.with_library(|library| library.restore(&ids))
}

/// The articles in the trash, most recently deleted first.
#[tauri::command]
pub fn list_trash(state: State<'_, AppState>) -> Result<Vec<TrashedArticle>, String> {
    state.with_library(|library| library.trash())
}

/// Deletes the trashed articles for good.
#[tauri::command]
pub fn empty_trash(state: State<'_, AppState>) -> Result<EmptiedTrash, String> {
    state.with_library(|library| library.empty_trash())
}

/// The alignment corrections of two library articles, `a` first.
#[tauri::command]
pub fn alignment_overrides(
    state: State<'_, AppState>,
    a: i64,
    b: i64,
) -> Result<Vec<SentenceOverride>, String> {
    state.with_library(|library| library.alignment_overrides(a, b))
}

/// Links (`linked`) or unlinks two sentences of two library articles; returns the corrections
/// of that pair of articles.
#[tauri::command]
pub fn set_alignment(
    state: State<'_, AppState>,
    a: ArticleSentence,
    b: ArticleSentence,
    linked: bool,
) -> Result<Vec<SentenceOverride>, String> {
    state.with_library(|library| {
        if linked {
            library.link_sentences(a, b)
        } else {
            library.unlink_sentences(a, b)
        }
    })
}

/// Forgets the correction of two sentences (an undo); returns whether there was one.
#[tauri::command]
pub fn forget_alignment(
    state: State<'_, AppState>,
    a: ArticleSentence,
    b: ArticleSentence,
) -> Result<bool, String> {
    state.with_library(|library| library.remove_alignment_override(a, b))
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
