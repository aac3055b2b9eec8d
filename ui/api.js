// The window's only way to the library: Tauri commands and events.

const tauri = window.__TAURI__;

/** A command's failure: `kind` says what to do about it (see src-tauri/error.rs), `message` what to show. */
export class CommandError extends Error {
  constructor({ kind, message }) {
    super(message);
    this.kind = kind;
  }

  toString() {
    return this.message;
  }
}

function call(command, args) {
  return tauri.core.invoke(command, args).catch((failure) => {
    throw failure && typeof failure === 'object' && 'kind' in failure ? new CommandError(failure) : failure;
  });
}

export const api = {
  windowReady: () => call('window_ready'),
  libraryInfo: () => call('library_info'),
  chooseLibrary: (create) => call('choose_library', { create }),
  onLibraryChanged: (handler) => tauri.event.listen('library-changed', (event) => handler(event.payload)),
  listEvents: () => call('list_events'),
  getArticle: (id) => call('get_article', { id }),
  articleEntities: (id) => call('article_entities', { id }),
  explainGrouping: (id) => call('explain_grouping', { id }),
  compare: (ids) => call('compare_articles', { ids }),
  exportComparison: (ids, format) => call('export_comparison', { ids, format }),
  cancelExport: () => call('cancel_export'),
  onExportProgress: (handler) => tauri.event.listen('export-progress', (event) => handler(event.payload)),
  onExportFinished: (handler) => tauri.event.listen('export-finished', (event) => handler(event.payload)),
  findArticles: (query, filters, offset, limit) => call('find_articles', { query, filters, offset, limit }),
  listOutlets: () => call('list_outlets'),
  listOutletGroups: () => call('list_outlet_groups'),
  setOutletGroups: (outlet, groups) => call('set_outlet_groups', { outlet, groups }),
  articlePosition: (id, filters) => call('article_position', { id, filters }),
  importWithDialog: (folders) => call('import_with_dialog', { folders }),
  cancelImport: () => call('cancel_import'),
  onImportProgress: (handler) => tauri.event.listen('import-progress', (event) => handler(event.payload)),
  onImportFinished: (handler) => tauri.event.listen('import-finished', (event) => handler(event.payload)),
  editArticle: (id, edit) => call('edit_article', { id, edit }),
  renameOutlet: (from, to) => call('rename_outlet', { from, to }),
  renameEvent: (event, title) => call('rename_event', { event, title }),
  mergeEvents: (into, others) => call('merge_events', { into, others }),
  moveArticle: (article, event) => call('move_article', { article, event }),
  addTags: (id, tags) => call('add_tags', { id, tags }),
  removeTags: (id, tags) => call('remove_tags', { id, tags }),
  listTags: () => call('list_tags'),
  deleteArticles: (ids) => call('delete_articles', { ids }),
  restoreArticles: (ids) => call('restore_articles', { ids }),
  listTrash: () => call('list_trash'),
  emptyTrash: () => call('empty_trash'),
  alignmentOverrides: (a, b) => call('alignment_overrides', { a, b }),
  setAlignment: (a, b, linked) => call('set_alignment', { a, b, linked }),
  forgetAlignment: (a, b) => call('forget_alignment', { a, b }),
  backUpLibrary: () => call('back_up_library'),
  exportLibrary: () => call('export_library'),
  importLibraryDump: () => call('import_library_dump'),
  onLibraryFileSaved: (handler) => tauri.event.listen('library-file-saved', (event) => handler(event.payload)),
  addNote: (target, text, verdict) => call('add_note', { target, text, verdict }),
  listNotes: (filter) => call('list_notes', { filter: { event: null, article: null, search: null, deleted: false, ...filter } }),
  editNote: (id, edit) => call('edit_note', { id, edit }),
  undoNoteEdit: (id) => call('undo_note_edit', { id }),
  deleteNote: (id) => call('delete_note', { id }),
  restoreNote: (id) => call('restore_note', { id }),
  verdictScale: () => call('verdict_scale'),
  citeArticles: (ids, format) => call('cite_articles', { ids, format }),
  saveCitations: (ids, format) => call('save_citations', { ids, format }),
  onMenuAction: (handler) => tauri.event.listen('menu-action', (event) => handler(event.payload)),
};
