// The Trash view: the articles moved to the trash, each with Restore, and Empty Trash after a
// confirmation that says how many articles go for good.

import { api } from '../api.js';
import { el } from '../dom.js';
import { showError } from './errors.js';

/** Shows the trash in the main area; `onChanged` runs after a restore or an emptying. */
export async function showTrash(main, { onChanged }) {
  let trashed;
  try {
    trashed = await api.listTrash();
  } catch (error) {
    showError(error);
    return;
  }
  const status = el('p', { class: 'trash-status', role: 'status', 'data-testid': 'trash-status' });
  const confirm = el('div', { class: 'trash-confirm', 'data-testid': 'trash-confirm', role: 'alertdialog', 'aria-label': 'Empty the trash', hidden: true });
  const emptyButton = el('button', { type: 'button', 'data-testid': 'trash-empty', text: 'Empty Trash…', disabled: !trashed.length });
  const view = el('section', { class: 'trash-view', 'data-testid': 'trash-view', 'aria-labelledby': 'trash-title' },
    el('header', { class: 'trash-header' },
      el('h1', { id: 'trash-title', tabindex: -1, text: `Trash (${trashed.length})` }),
      emptyButton),
    confirm,
    status);
  const redraw = async (message) => {
    await showTrash(main, { onChanged });
    const shown = main.querySelector('[data-testid=trash-status]');
    if (shown && message) shown.textContent = message;
  };
  emptyButton.addEventListener('click', () => {
    const sure = el('button', { type: 'button', class: 'danger', 'data-testid': 'trash-empty-confirm', text: 'Delete for good' });
    const keep = el('button', { type: 'button', 'data-testid': 'trash-empty-cancel', text: 'Cancel' });
    confirm.replaceChildren(
      el('p', { text: `Delete ${trashed.length} article${trashed.length === 1 ? '' : 's'} for good? This cannot be undone.` }),
      sure, ' ', keep);
    confirm.hidden = false;
    keep.addEventListener('click', () => { confirm.hidden = true; emptyButton.focus(); });
    confirm.addEventListener('keydown', (event) => { if (event.key === 'Escape') { confirm.hidden = true; emptyButton.focus(); } });
    sure.addEventListener('click', async () => {
      try {
        const emptied = await api.emptyTrash();
        await onChanged();
        await redraw(`Deleted ${emptied.articles} article${emptied.articles === 1 ? '' : 's'} for good.`);
      } catch (error) {
        showError(error);
      }
    });
    keep.focus();
  });
  if (!trashed.length) {
    view.append(el('p', { class: 'empty', 'data-testid': 'trash-empty-state', text: 'The trash is empty. Articles you delete (Delete key) wait here until you empty it.' }));
  } else {
    const list = el('ul', { class: 'trash-list', 'data-testid': 'trash-list' });
    for (const article of trashed) {
      const restore = el('button', { type: 'button', 'data-testid': 'trash-restore', 'aria-label': `Restore ${article.title}`, text: 'Restore' });
      restore.addEventListener('click', async () => {
        try {
          await api.restoreArticles([article.id]);
          await onChanged();
          await redraw(`Restored “${article.title}”.`);
        } catch (error) {
          showError(error);
        }
      });
      const meta = [article.outlet, article.published ? article.published.slice(0, 10) : null, article.event_title ? `event: ${article.event_title}` : null]
        .filter(Boolean).join(' · ');
      list.append(el('li', { class: 'trash-item', 'data-testid': 'trash-item', 'data-article-id': article.id },
        el('span', { class: 'trash-text' },
          el('span', { class: 'article-title', text: article.title }),
          el('span', { class: 'article-meta', text: meta })),
        restore));
    }
    view.append(list);
  }
  main.replaceChildren(view);
  view.querySelector('h1').focus();
}
