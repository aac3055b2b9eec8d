// Starts the window: wires the toolbar, the library sidebar and the main view together.

import { api } from './api.js';
import { el } from './dom.js';
import { showError, clearError, whenSomethingIsGone } from './views/errors.js';
import { LibraryView } from './views/library.js';
import { showComparison } from './views/compare.js';
import { showArticle, editArticleOnScreen } from './views/reader.js';
import { ImportProgressView } from './views/imports.js';
import { ExportProgressView } from './views/exports.js';
import { setUpThemeSwitch } from './views/theme.js';
import { setUpZoom } from './views/zoom.js';
import { showTrash } from './views/trash.js';
import { openOutletsDialog } from './views/outlets.js';
import { showToast } from './views/toast.js';
import { remember, undo, forgetAll, listenForUndo, isTyping } from './undo.js';

setUpThemeSwitch(document.getElementById('theme-switch'));
setUpZoom();

const main = document.getElementById('main');
const compareButton = document.getElementById('compare-button');
const deleteButton = document.getElementById('delete-button');

const library = new LibraryView({
  onOpenArticle: (id) => openArticle(id),
  onOpenEvent: (event, how) => openEvent(event, how),
  onSelectionChange: (ids) => {
    compareButton.disabled = ids.length < 2;
    compareButton.textContent = ids.length >= 2 ? `Compare ${ids.length} articles` : 'Compare selected';
    deleteButton.disabled = ids.length === 0;
    deleteButton.textContent = ids.length > 1 ? `Move ${ids.length} to Trash` : 'Move to Trash';
  },
});

// An article or event deleted elsewhere (another window, the command line) leaves the list.
whenSomethingIsGone(() => library.refresh().catch(() => {}));

// What the reader saves: each change is written to the library, then the list shows it.
const readerActions = {
  edit: async (id, edit) => {
    const record = await api.editArticle(id, edit);
    await library.refresh();
    return record;
  },
  addTags: async (id, tags) => {
    const kept = await api.addTags(id, tags);
    await library.refresh();
    return kept;
  },
  removeTags: async (id, tags) => {
    const kept = await api.removeTags(id, tags);
    await library.refresh();
    return kept;
  },
  remove: (id) => moveToTrash([id]),
  showTagged: (tag) => library.filterByTag(tag),
  events: () => library.events(),
  // Moves the article (into a new event of its own when `event` is null), then shows the lists
  // and the reader's grouping line as they are now.
  move: async (id, event) => {
    try {
      await api.moveArticle(id, event);
      await library.refresh();
      await openArticle(id);
      main.querySelector('[data-testid=move-article]')?.focus();
    } catch (error) {
      showError(error);
    }
  },
};

// Moves articles to the trash; the toast (or Ctrl/Cmd+Z) brings them back.
async function moveToTrash(ids) {
  if (!ids.length) return;
  try {
    const deleted = await api.deleteArticles(ids);
    const shownId = Number(main.querySelector('[data-testid=article-reader]')?.dataset.articleId);
    const onScreen = deleted.includes(shownId) || comparedIds().some((id) => deleted.includes(id));
    library.clearSelection();
    await library.refresh();
    if (onScreen) showWelcome();
    const step = remember('delete', async () => {
      const restored = await api.restoreArticles(deleted);
      await library.refresh();
      showToast(`Restored ${count(restored.length)}`);
      // An article gets a new id when another took its old one meanwhile.
      if (restored.length === 1) openArticle(restored[0].id);
    });
    showToast(`Moved ${count(deleted.length)} to trash`, { label: 'Undo', run: () => undo(step).catch(showError) });
  } catch (error) {
    showError(error);
  }
}

// The toolbar's Library menu: opens below its button, closes on a choice, Escape or a click
// elsewhere; the arrow keys move between its items.
function setUpLibraryMenu(actions) {
  const button = document.getElementById('library-menu-button');
  const menu = document.getElementById('library-menu');
  const items = [...menu.querySelectorAll('button')];
  const close = (refocus) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };
  button.addEventListener('click', () => {
    const opening = menu.hidden;
    menu.hidden = !opening;
    button.setAttribute('aria-expanded', String(opening));
    if (opening) items[0].focus();
  });
  for (const item of items) {
    item.addEventListener('click', () => {
      close(false);
      actions[item.id]();
    });
  }
  menu.addEventListener('keydown', (event) => {
    const at = items.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length].focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (!menu.hidden && !event.target.closest('.library-menu')) close(false);
  });
}

function count(articles) {
  return articles === 1 ? '1 article' : `${articles} articles`;
}

function openTrash() {
  viewsAsked += 1;
  clearError();
  showTrash(main, { onChanged: () => library.refresh() });
}

function openOutlets() {
  // The comparison on screen names outlets in its headers, conflicts and coverage, and shows
  // coverage by their groups: it is compared again so that it shows the new name or groups too.
  const changed = async () => {
    await library.refresh();
    const compared = comparedIds();
    if (compared.length >= 2) await openComparison(compared);
  };
  openOutletsDialog({
    focusOutlet: document.getElementById('filter-outlet').value || null,
    onRenamed: changed,
    onGroupsChanged: changed,
  }).catch(showError);
}

// The ids of the articles of the comparison on screen, in their order (none when none is shown).
function comparedIds() {
  return [...main.querySelectorAll('[data-testid=compare-pane]')].map((pane) => Number(pane.dataset.articleId));
}

// The main view shows what was asked for last: an article or a comparison asked for later makes
// an earlier one stale, and its answer is dropped when it comes (commands run off the main
// thread, so answers can come in any order).
let viewsAsked = 0;

async function openArticle(id) {
  const asked = ++viewsAsked;
  try {
    const [article, grouping, entities] = await Promise.all([api.getArticle(id), api.explainGrouping(id).catch(() => null),
      api.articleEntities(id).catch(() => [])]);
    const joined = grouping && grouping.grouped_with !== null && grouping.grouped_with !== undefined
      ? await api.getArticle(grouping.grouped_with).catch(() => null)
      : null;
    if (asked !== viewsAsked) return;
    showArticle(main, { ...article, entities }, grouping, joined && joined.title, readerActions);
  } catch (error) {
    if (asked === viewsAsked) showError(error);
  }
}

// `keyboard`: the comparison was asked for from the keyboard, so the focus goes to it (its
// Next difference button) rather than staying in the sidebar.
async function openComparison(ids, { keyboard = false } = {}) {
  const asked = ++viewsAsked;
  try {
    clearError();
    const report = await api.compare(ids);
    if (asked !== viewsAsked) return;
    showComparison(main, report, { onChanged: () => api.compare(ids) });
    if (keyboard) main.querySelector('[data-testid=next-difference]')?.focus();
  } catch (error) {
    if (asked === viewsAsked) showError(error);
  }
}

function openEvent(event, how = {}) {
  if (event.articles.length >= 2) openComparison(event.articles, how);
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
deleteButton.addEventListener('click', () => moveToTrash(library.selectedIds()));
setUpLibraryMenu({
  'trash-button': openTrash,
  'outlets-button': openOutlets,
  'backup-button': () => api.backUpLibrary().catch(showError),
  'export-library-button': () => api.exportLibrary().catch(showError),
  'import-dump-button': () => api.importLibraryDump().catch(showError),
});
listenForUndo(showError);

const imports = new ImportProgressView({
  onFinished: async (report) => {
    await library.refresh();
    const first = report && report.imported.length ? report.imported[0].id : null;
    if (first !== null) library.highlight(first);
  },
});

const exportProgress = new ExportProgressView({ onFinished: showExported });

document.addEventListener('keydown', (event) => {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key.toLowerCase() === 'f') {
    event.preventDefault();
    document.getElementById('library-search').focus();
  } else if (mod && event.key.toLowerCase() === 'o') {
    event.preventDefault();
    api.importWithDialog(event.shiftKey).catch(showError);
  } else if (!mod && !event.altKey && !isTyping(event.target) && !document.querySelector('dialog[open]')) {
    if (event.key === 'Delete') {
      // The checked articles, else the one in the reader, else the focused row.
      const checked = library.selectedIds();
      const shown = main.querySelector('[data-testid=article-reader]')?.dataset.articleId;
      const focused = event.target instanceof Element ? event.target.closest('[data-testid=library-item]')?.dataset.articleId : null;
      const ids = checked.length ? checked : [focused || shown].filter(Boolean).map(Number);
      if (ids.length) {
        event.preventDefault();
        moveToTrash(ids);
      }
    } else if (event.key === 'e' || event.key === 'E') {
      if (editArticleOnScreen(main)) event.preventDefault();
    }
  }
});

// Shows the library: its biggest event compared, or the welcome when there is none.
async function showLibrary() {
  forgetAll();
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

// The comparison on screen says where its export went (the progress bar says it too).
function showExported({ task, path, cancelled, message, error }) {
  if (error || cancelled) return;
  if (task !== 'comparison') {
    showToast(message);
    return;
  }
  const status = document.querySelector('[data-testid=export-status]');
  if (status) status.textContent = `Saved ${path.split(/[\\/]/).pop()}`;
}

// Citations saved (the library's backup and JSON Lines export are export tasks: showExported).
function showLibraryFileSaved({ message, error }) {
  if (error) showError(error);
  else showToast(message);
}

function runMenuAction(action) {
  if (action === 'show-trash') openTrash();
  else if (action === 'outlets') openOutlets();
  else if (action === 'edit-article' && !editArticleOnScreen(main)) showToast('Open an article first: Edit Article corrects the article in the reader.');
}

async function start() {
  await Promise.all([imports.listening, exportProgress.listening, api.onLibraryChanged(() => showLibrary()),
    api.onLibraryFileSaved(showLibraryFileSaved), api.onMenuAction(runMenuAction)]);
  await showLibrary();
  // For the window bench: when the library was first drawn, in the page's clock.
  performance.mark('library-shown');
  api.windowReady().catch(showError);
}

start();
