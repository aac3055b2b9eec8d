// The outlets dialog: every outlet with its article count and its groups; one can be renamed
// (renaming it to another outlet's name merges the two after the dialog says so), and put in or
// taken out of groups of the user's own (`leaning=left`, `country=NZ`).

import { api } from '../api.js';
import { el } from '../dom.js';

/** Opens the dialog; `onRenamed` runs after an outlet was renamed or merged, `onGroupsChanged`
 * after its groups changed. */
export async function openOutletsDialog({ onRenamed, onGroupsChanged = async () => {}, focusOutlet = null }) {
  document.querySelector('[data-testid=outlets-dialog]')?.remove();
  const dialog = el('dialog', { class: 'outlets-dialog', 'data-testid': 'outlets-dialog', 'aria-labelledby': 'outlets-title' });
  const status = el('p', { class: 'outlets-status', role: 'status', 'data-testid': 'outlets-status' });
  const list = el('ul', { class: 'outlet-list' });
  const close = el('button', { type: 'button', 'data-testid': 'outlets-close', text: 'Close', onclick: () => dialog.close() });
  dialog.append(el('h2', { id: 'outlets-title', text: 'Outlets' }),
    el('p', { class: 'outlets-note', text: 'Rename an outlet on all its articles. Renaming it to another outlet’s name merges the two. '
      + 'Put an outlet in groups of your own, one per dimension: leaning=left, country=NZ.' }),
    list, status, el('p', { class: 'form-actions' }, close));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);

  const fill = async () => {
    const [outlets, grouped] = await Promise.all([api.listOutlets(), api.listOutletGroups()]);
    const groupsOf = new Map(grouped.map((o) => [o.outlet, o.groups]));
    list.replaceChildren(...outlets.map((outlet) => row({ ...outlet, groups: groupsOf.get(outlet.outlet) || {} }, outlets)));
    if (!outlets.length) list.append(el('li', { class: 'empty', text: 'No article names its outlet yet.' }));
  };
  const row = (outlet, outlets) => {
    const item = el('li', { class: 'outlet-row', 'data-testid': 'outlet-row', 'data-outlet': outlet.outlet },
      el('span', { class: 'outlet-name', text: outlet.outlet }),
      el('span', { class: 'count', text: `${outlet.articles} article${outlet.articles === 1 ? '' : 's'}` }));
    const rename = el('button', { type: 'button', 'data-testid': 'outlet-rename', 'aria-label': `Rename ${outlet.outlet}`, text: 'Rename…' });
    rename.addEventListener('click', () => editName(item, outlet, outlets));
    item.append(rename, groupEditor(outlet));
    return item;
  };
  // The outlet's groups, each with a Remove button, and a field to add one (`leaning=left`).
  const groupEditor = (outlet) => {
    const setGroups = async (groups, said) => {
      const now = await api.setOutletGroups(outlet.outlet, groups);
      await fill();
      const shown = Object.entries(now.groups).map(([d, g]) => `${d}: ${g}`).join(', ');
      status.textContent = `${said} ${outlet.outlet} is now in ${shown || 'no group'}.`;
      list.querySelector(`[data-outlet="${CSS.escape(outlet.outlet)}"] [data-testid=outlet-group-input]`)?.focus();
      await onGroupsChanged(now);
    };
    const chips = Object.entries(outlet.groups).map(([dimension, group]) => el('span', {
      class: 'outlet-group', 'data-testid': 'outlet-group', 'data-dimension': dimension, 'data-group': group },
    `${dimension}: ${group} `,
    el('button', { type: 'button', 'data-testid': 'outlet-group-remove', 'aria-label': `Take ${outlet.outlet} out of ${dimension} ${group}`, text: '×',
      onclick: () => setGroups([`${dimension}=`], `Removed ${dimension}: ${group}.`).catch(showFailure) })));
    const input = el('input', { type: 'text', 'data-testid': 'outlet-group-input', placeholder: 'leaning=left',
      'aria-label': `Group for ${outlet.outlet}, as dimension=group`, autocomplete: 'off' });
    const add = el('button', { type: 'submit', 'data-testid': 'outlet-group-add', text: 'Set group' });
    const form = el('form', { class: 'outlet-group-form' }, input, ' ', add);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) return;
      if (!value.includes('=')) {
        showFailure('Write the group as dimension=group, for example leaning=left.');
        return;
      }
      setGroups([value], 'Set.').catch(showFailure);
    });
    return el('div', { class: 'outlet-groups', 'data-testid': 'outlet-groups' }, ...chips, form);
  };
  const showFailure = (error) => {
    status.textContent = typeof error === 'string' ? error : String(error);
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
