// The window's only way to the library: Tauri commands and events.

const tauri = window.__TAURI__;

function call(command, args) {
  return tauri.core.invoke(command, args);
}

export const api = {
  windowReady: () => call('window_ready'),
  libraryInfo: () => call('library_info'),
  chooseLibrary: (create) => call('choose_library', { create }),
  onLibraryChanged: (handler) => tauri.event.listen('library-changed', (event) => handler(event.payload)),
  listEvents: () => call('list_events'),
  getArticle: (id) => call('get_article', { id }),
  explainGrouping: (id) => call('explain_grouping', { id }),
  compare: (ids) => call('compare_articles', { ids }),
  exportComparison: (ids, format) => call('export_comparison', { ids, format }),
  onExportFinished: (handler) => tauri.event.listen('export-finished', (event) => handler(event.payload)),
  findArticles: (query, filters, offset, limit) => call('find_articles', { query, filters, offset, limit }),
  listOutlets: () => call('list_outlets'),
  articlePosition: (id, filters) => call('article_position', { id, filters }),
  importWithDialog: (folders) => call('import_with_dialog', { folders }),
  cancelImport: () => call('cancel_import'),
  onImportProgress: (handler) => tauri.event.listen('import-progress', (event) => handler(event.payload)),
  onImportFinished: (handler) => tauri.event.listen('import-finished', (event) => handler(event.payload)),
};
