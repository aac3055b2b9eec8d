// The outlets dialog: every outlet with its article count; one can be renamed, and renaming it
// to another outlet's name merges the two after the dialog says so.

import { api } from '../api.js';
import { el } from '../dom.js';

/** Opens the dialog; `onRenamed` runs after an outlet was renamed or merged. */
export async function openOutletsDialog({ onRenamed, focusOutlet = null }) {
  document.querySelector('[data-testid=outlets-dialog]')?.remove();
  const dialog = el('dialog', { class: 'outlets-dialog', 'data-testid': 'outlets-dialog', 'aria-labelledby': 'outlets-title' });
  const status = el('p', { class: 'outlets-status', role: 'status', 'data-testid': 'outlets-status' });
  const list = el('ul', { class: 'outlet-list' });
  const close = el('button', { type: 'button', 'data-testid': 'outlets-close', text: 'Close', onclick: () => dialog.close() });
  dialog.append(el('h2', { id: 'outlets-title', text: 'Outlets' }),
    el('p', { class: 'outlets-note', text: 'Rename an outlet on all its articles. Renaming it to another outlet’s name merges the two.' }),
    list, status, el('p', { class: 'form-actions' }, close));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);

  const fill = async () => {
    const outlets = await api.listOutlets();
    list.replaceChildren(...outlets.map((outlet) => row(outlet, outlets)));
    if (!outlets.length) list.append(el('li', { class: 'empty', text: 'No article names its outlet yet.' }));
  };
  const row = (outlet, outlets) => {
    const item = el('li', { class: 'outlet-row', 'data-testid': 'outlet-row', 'data-outlet': outlet.outlet },
      el('span', { class: 'outlet-name', text: outlet.outlet }),
      el('span', { class: 'count', text: `${outlet.articles} article${outlet.articles === 1 ? '' : 's'}` }));
    const rename = el('button', { type: 'button', 'data-testid': 'outlet-rename', 'aria-label': `Rename ${outlet.outlet}`, text: 'Rename…' });
    rename.addEventListener('click', () => editName(item, outlet, outlets));
    item.append(rename);
    return item;
  };
  const editName = (item, outlet, outlets) => {
    const input = el('input', { type: 'text', 'data-testid': 'outlet-new-name', 'aria-label': `New name for ${outlet.outlet}`, autocomplete: 'off' });
    input.value = outlet.outlet;
    const warning = el('p', { class: 'merge-warning', 'data-testid': 'outlet-merge-warning', role: 'alert', hidden: true });
    const save = el('button', { type: 'submit', 'data-testid': 'outlet-save', text: 'Rename' });
    const form = el('form', { class: 'outlet-form' }, input, ' ', save, ' ',
      el('button', { type: 'button', text: 'Cancel', onclick: () => fill().then(() => list.querySelector(`[data-outlet="${CSS.escape(outlet.outlet)}"] button`)?.focus()) }),
      warning);
    let confirmedInto = null;
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        fill();
      }
    });
    input.addEventListener('input', () => { confirmedInto = null; warning.hidden = true; save.textContent = 'Rename'; });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const to = input.value.trim();
      if (!to || to === outlet.outlet) return;
      const existing = outlets.find((other) => other.outlet !== outlet.outlet && other.outlet === to);
      if (existing && confirmedInto !== to) {
        confirmedInto = to;
        warning.textContent = `“${existing.outlet}” is already an outlet (${existing.articles} article${existing.articles === 1 ? '' : 's'}): renaming merges “${outlet.outlet}” into it. Press Merge to go on.`;
        warning.hidden = false;
        save.textContent = 'Merge';
        save.dataset.testid = 'outlet-confirm-merge';
        save.focus();
        return;
      }
      try {
        const renamed = await api.renameOutlet(outlet.outlet, to);
        await fill();
        status.textContent = renamed.merged
          ? `Merged “${renamed.from}” into “${renamed.to}” (${renamed.articles} article${renamed.articles === 1 ? '' : 's'}).`
          : `Renamed “${renamed.from}” to “${renamed.to}” (${renamed.articles} article${renamed.articles === 1 ? '' : 's'}).`;
        await onRenamed(renamed);
      } catch (error) {
        warning.textContent = typeof error === 'string' ? error : String(error);
        warning.hidden = false;
      }
    });
    item.replaceChildren(el('span', { class: 'outlet-name', text: outlet.outlet }), form);
    input.focus();
    input.select();
  };

  await fill();
  dialog.showModal();
  const first = focusOutlet
    ? list.querySelector(`[data-outlet="${CSS.escape(focusOutlet)}"] [data-testid=outlet-rename]`)
    : list.querySelector('[data-testid=outlet-rename]');
  (first || close).focus();
}
