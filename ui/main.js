// Starts the window: wires the toolbar, the library sidebar and the main view together.

import { api } from './api.js';
import { el } from './dom.js';
import { showError, clearError } from './views/errors.js';
import { LibraryView } from './views/library.js';
import { showComparison } from './views/compare.js';
import { showArticle } from './views/reader.js';
import { ImportProgressView } from './views/imports.js';
import { setUpThemeSwitch } from './views/theme.js';

setUpThemeSwitch(document.getElementById('theme-switch'));

const main = document.getElementById('main');
const compareButton = document.getElementById('compare-button');

const library = new LibraryView({
  onOpenArticle: (id) => openArticle(id),
  onOpenEvent: (event) => openEvent(event),
  onSelectionChange: (ids) => {
    compareButton.disabled = ids.length < 2;
    compareButton.textContent = ids.length >= 2 ? `Compare ${ids.length} articles` : 'Compare selected';
  },
});

async function openArticle(id) {
  try {
    const [article, grouping] = await Promise.all([api.getArticle(id), api.explainGrouping(id).catch(() => null)]);
    const joined = grouping && grouping.grouped_with !== null && grouping.grouped_with !== undefined
      ? await api.getArticle(grouping.grouped_with).catch(() => null)
      : null;
    showArticle(main, article, grouping, joined && joined.title);
  } catch (error) {
    showError(error);
  }
}

async function openComparison(ids) {
  try {
    clearError();
    showComparison(main, await api.compare(ids));
  } catch (error) {
    showError(error);
  }
}

function openEvent(event) {
  if (event.articles.length >= 2) openComparison(event.articles);
  else if (event.articles.length === 1) openArticle(event.articles[0]);
}

function showWelcome() {
  main.replaceChildren(el('section', { class: 'empty-state' },
    el('h1', { text: 'Compare how outlets report one event' }),
    el('p', { text: 'Open article files (text, Markdown, saved web pages, PDF) with Open… or drop them on the window. '
      + 'Then choose an event, or check two or more articles and press Compare.' })));
}

// The library file cannot be opened: say so, and offer another (it is never overwritten).
function showLibraryTrouble(message) {
  showError(message);
  main.replaceChildren(el('section', { class: 'empty-state', 'data-testid': 'library-trouble' },
    el('h1', { text: 'This library cannot be opened' }),
    el('p', { text: message }),
    el('p', { text: 'The file was left as it is. Open another library, or start a new one.' }),
    el('p', { class: 'actions' },
      el('button', { type: 'button', 'data-testid': 'open-library-button', onclick: () => api.chooseLibrary(false).catch(showError), text: 'Open Library…' }),
      ' ',
      el('button', { type: 'button', 'data-testid': 'new-library-button', onclick: () => api.chooseLibrary(true).catch(showError), text: 'New Library…' }))));
}

compareButton.addEventListener('click', () => openComparison(library.selectedIds()));
document.getElementById('open-button').addEventListener('click', () => api.importWithDialog(false).catch(showError));
document.getElementById('folder-button').addEventListener('click', () => api.importWithDialog(true).catch(showError));

const imports = new ImportProgressView({
  onFinished: async (report) => {
    await library.refresh();
    const first = report && report.imported.length ? report.imported[0].id : null;
    if (first !== null) library.highlight(first);
  },
});

document.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    document.getElementById('library-search').focus();
  } else if (mod && event.key.toLowerCase() === 'o') {
    event.preventDefault();
    api.importWithDialog(event.shiftKey).catch(showError);
  }
});

// Shows the library: its biggest event compared, or the welcome when there is none.
async function showLibrary() {
  api.libraryInfo().then(({ path }) => {
    const shown = document.getElementById('library-path');
    shown.textContent = `Library: ${path.split(/[\\/]/).pop()}`;
    shown.title = path;
  }).catch(showError);
  try {
    await library.refresh();
  } catch (error) {
    library.clearLists();
    showLibraryTrouble(typeof error === 'string' ? error : String(error));
    return;
  }
  clearError();
  const biggest = library.events().slice().sort((a, b) => b.articles.length - a.articles.length)[0];
  if (biggest && biggest.articles.length >= 2) openEvent(biggest);
  else showWelcome();
}

function showExported({ path, error }) {
  if (error) {
    showError(error);
    return;
  }
  const status = document.querySelector('[data-testid=export-status]');
  if (status) status.textContent = `Saved ${path.split(/[\\/]/).pop()}`;
}

async function start() {
  await Promise.all([imports.listening, api.onLibraryChanged(() => showLibrary()), api.onExportFinished(showExported)]);
  await showLibrary();
  api.windowReady().catch(showError);
}

start();
