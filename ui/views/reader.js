// The article reader: metadata and the body, rendered as text; the metadata can be corrected
// (Edit, or E), tags added and removed, and the article moved to the trash.

import { el } from '../dom.js';
import { api } from '../api.js';
import { showError } from './errors.js';
import { openNoteDialog, addNote, noteList, describeTarget, setNotesRefresher, citeControl } from './notes.js';

const FIELDS = [
  ['title', 'Title'],
  ['outlet', 'Outlet'],
  ['byline', 'Byline'],
  ['published', 'Published'],
];

/** Shows one article in the main area, with why it is in its event when that is known
 * (`joinedTitle` is the headline of the article it was grouped with). `actions` saves changes:
 * `{ edit(id, edit) -> record, addTags(id, tags) -> tags, removeTags(id, tags) -> tags,
 * remove(id), move(id, event or null) }`, each a promise, `showTagged(tag)` narrows the library
 * list to a tag and `events()` gives the listed events, to move the article to one. */
export function showArticle(main, article, grouping, joinedTitle, actions) {
  const body = el('div', { class: 'reader-body' });
  const entities = article.entities || [];
  renderBody(body, article.text, entities);
  const named = renderEntities(body, entities);
  const head = el('div', { class: 'reader-head' });
  const tags = el('div', { class: 'reader-tags', role: 'group', 'aria-label': 'Tags', 'data-testid': 'article-tags' });
  const reader = el('article', { class: 'reader', 'data-testid': 'article-reader', 'data-article-id': article.id },
    head,
    tags,
    article.url ? el('p', { class: 'reader-url', text: article.url }) : null,
    grouping ? el('p', { class: 'reader-grouping', 'data-testid': 'grouping-reason', text: groupingReason(grouping, joinedTitle) }) : null,
    actions.events ? moveControl(article, actions) : null,
    readerNotes(article),
    named,
    body,
  );
  let current = article;
  const showHead = () => renderHead(head, current, { onEdit: startEditing, onDelete: () => actions.remove(current.id) });
  const startEditing = () => renderForm(head, current, {
    save: async (edit) => {
      current = await actions.edit(current.id, edit);
      showHead();
      head.querySelector('[data-testid=edit-article]').focus();
    },
    cancel: () => {
      showHead();
      head.querySelector('[data-testid=edit-article]').focus();
    },
  });
  const showTags = () => renderTags(tags, current, {
    add: async (names) => { current = { ...current, tags: await actions.addTags(current.id, names) }; showTags(); },
    remove: async (name) => { current = { ...current, tags: await actions.removeTags(current.id, [name]) }; showTags(); },
    show: (name) => actions.showTagged(name),
  });
  reader.startEditing = startEditing;
  showHead();
  showTags();
  main.replaceChildren(reader);
  main.focus();
}

const KINDS = [['person', 'People'], ['organization', 'Organisations'], ['place', 'Places']];

/** The body, a paragraph per blank-line-separated block, with every mention of an entity marked
 * (`spans` are character offsets, not UTF-16 units). Text only: never parsed as HTML. */
function renderBody(body, text, entities) {
  const chars = Array.from(text);
  const marks = [];
  entities.forEach((entity, index) => {
    for (const [start, end] of entity.spans || []) marks.push({ start, end, index });
  });
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const singular = { person: 'Person', organization: 'Organisation', place: 'Place' };
  let next = 0;
  for (const [start, end] of paragraphRanges(chars)) {
    const p = el('p');
    let cursor = start;
    while (next < marks.length && marks[next].start < start) next += 1;
    for (; next < marks.length && marks[next].end <= end; next += 1) {
      const mark = marks[next];
      if (mark.start < cursor) continue;
      if (mark.start > cursor) p.append(chars.slice(cursor, mark.start).join(''));
      const entity = entities[mark.index];
      p.append(el('mark', {
        class: `entity-mention kind-${entity.kind}`, 'data-entity': mark.index,
        title: `${singular[entity.kind]}: ${entity.name}`,
        text: chars.slice(mark.start, mark.end).join(''),
      }));
      cursor = mark.end;
    }
    if (cursor < end) p.append(chars.slice(cursor, end).join(''));
    body.append(p);
  }
}

/** Character ranges of the paragraphs: text between blank lines. */
function paragraphRanges(chars) {
  const ranges = [];
  let start = 0;
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '\n') {
      let j = i + 1;
      let breaks = 1;
      while (j < chars.length && /\s/.test(chars[j])) {
        if (chars[j] === '\n') breaks += 1;
        j += 1;
      }
      if (breaks >= 2) {
        ranges.push([start, i]);
        start = j;
        i = j;
        continue;
      }
    }
    i += 1;
  }
  ranges.push([start, chars.length]);
  return ranges.filter(([a, b]) => chars.slice(a, b).join('').trim());
}

/** The people, organisations and places the article names, by kind; choosing one marks its
 * mentions in the body and brings the first into view. */
function renderEntities(body, entities) {
  if (!entities.length) return null;
  const box = el('div', { class: 'reader-entities', 'data-testid': 'reader-entities', role: 'group', 'aria-label': 'Named in this article' });
  for (const [kind, heading] of KINDS) {
    const chips = entities
      .map((entity, index) => ({ entity, index }))
      .filter(({ entity }) => entity.kind === kind)
      .map(({ entity, index }) => {
        const chip = el('button', {
          type: 'button', class: `entity-chip kind-${kind}`, 'data-testid': 'reader-entity', 'data-entity': index,
          'aria-pressed': 'false', title: entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : 'Mark it in the text',
          text: `${entity.name} ${entity.mentions}`,
        });
        chip.addEventListener('click', () => {
          const on = chip.getAttribute('aria-pressed') !== 'true';
          box.querySelectorAll('.entity-chip').forEach((c) => c.setAttribute('aria-pressed', 'false'));
          body.querySelectorAll('mark.entity-mention.selected').forEach((m) => m.classList.remove('selected'));
          if (!on) return;
          chip.setAttribute('aria-pressed', 'true');
          const mentions = body.querySelectorAll(`mark.entity-mention[data-entity="${index}"]`);
          mentions.forEach((m) => m.classList.add('selected'));
          if (mentions[0]) mentions[0].scrollIntoView({ block: 'center' });
        });
        return chip;
      });
    if (chips.length) box.append(el('div', { class: 'entity-kind-row' }, el('span', { class: 'entity-kind-label', text: heading }), ...chips));
  }
  return box;
}

/** Opens the edit form of the article on screen, if one is; returns whether it did. */
export function editArticleOnScreen(main) {
  const reader = main.querySelector('[data-testid=article-reader]');
  if (!reader || !reader.startEditing || reader.querySelector('[data-testid=edit-form]')) return false;
  reader.startEditing();
  return true;
}

function renderHead(head, article, { onEdit, onDelete }) {
  const corrected = Object.keys(article.corrected || {});
  const meta = [article.outlet, article.byline, article.published, `${article.word_count} words`].filter(Boolean).join(' · ');
  const was = (field) => {
    const before = article.corrected[field];
    return `Corrected by you; it read “${before === null || before === undefined ? '(nothing)' : before}”`;
  };
  const title = el('h1', { 'data-testid': 'reader-title', text: article.title });
  const line = el('p', { class: 'reader-meta', 'data-testid': 'reader-meta', text: meta });
  if (corrected.includes('title')) {
    title.classList.add('corrected');
    title.title = was('title');
  }
  // replaceChildren would write a null as the text "null": only nodes go in.
  head.replaceChildren(...[
    title,
    line,
    corrected.length ? el('p', { class: 'corrected-fields', 'data-testid': 'corrected-fields', 'data-fields': corrected.join(','),
      title: corrected.map((field) => `${labelOf(field)}: ${was(field)}`).join('\n'),
      text: `Corrected by you: ${corrected.map((field) => labelOf(field).toLowerCase()).join(', ')}` }) : null,
    el('p', { class: 'reader-actions' },
      el('button', { type: 'button', 'data-testid': 'edit-article', title: 'Correct the title, outlet, byline or date (E)', text: 'Edit…', onclick: onEdit }),
      ' ',
      el('button', { type: 'button', 'data-testid': 'reader-delete', title: 'Move this article to the trash (Delete)', text: 'Move to Trash', onclick: onDelete })),
  ].filter(Boolean));
}

function labelOf(field) {
  return (FIELDS.find(([name]) => name === field) || [field, field])[1];
}

// The form keeps what was typed when saving fails, and says why.
function renderForm(head, article, { save, cancel }) {
  const inputs = {};
  const error = el('p', { class: 'form-error', 'data-testid': 'edit-error', role: 'alert', hidden: true });
  const form = el('form', { class: 'edit-form', 'data-testid': 'edit-form', 'aria-label': 'Correct the article' });
  for (const [field, label] of FIELDS) {
    const input = el('input', { type: 'text', name: field, 'data-testid': `edit-${field}`, autocomplete: 'off',
      placeholder: field === 'published' ? 'YYYY-MM-DD or 2025-11-20T09:15:00Z' : field === 'title' ? '' : 'empty clears it' });
    input.value = article[field] || '';
    inputs[field] = input;
    form.append(el('label', { class: 'edit-field' }, el('span', { text: label }), input));
  }
  const saveButton = el('button', { type: 'submit', 'data-testid': 'edit-save', text: 'Save' });
  form.append(error, el('p', { class: 'form-actions' }, saveButton, ' ',
    el('button', { type: 'button', 'data-testid': 'edit-cancel', text: 'Cancel', onclick: cancel }),
    el('span', { class: 'form-hint', text: 'Enter saves, Escape cancels' })));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const edit = {};
    for (const [field] of FIELDS) {
      const value = inputs[field].value.trim();
      edit[field] = value === (article[field] || '') ? null : value;
    }
    if (Object.values(edit).every((value) => value === null)) {
      cancel();
      return;
    }
    saveButton.disabled = true;
    try {
      await save(edit);
    } catch (failure) {
      error.textContent = typeof failure === 'string' ? failure : String(failure);
      error.hidden = false;
      saveButton.disabled = false;
      const field = /date/i.test(error.textContent) ? inputs.published : /headline|title/i.test(error.textContent) ? inputs.title : null;
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    }
  });
  head.replaceChildren(form);
  inputs.title.focus();
  inputs.title.select();
}

function renderTags(box, article, { add, remove, show }) {
  const error = el('span', { class: 'form-error', role: 'alert', 'data-testid': 'tag-error' });
  const chips = (article.tags || []).map((tag) => el('span', { class: 'tag-chip', 'data-testid': 'tag-chip', 'data-tag': tag },
    el('button', { type: 'button', class: 'tag-name', 'data-testid': 'tag-filter', title: `List the articles tagged ${tag}`, text: tag, onclick: () => show(tag) }),
    el('button', { type: 'button', class: 'tag-remove', 'data-testid': 'tag-remove', 'aria-label': `Remove the tag ${tag}`, title: 'Remove this tag', text: '×',
      onclick: () => remove(tag).catch((failure) => { error.textContent = String(failure); }) })));
  const input = el('input', { type: 'text', 'data-testid': 'tag-input', 'aria-label': 'Add a tag', placeholder: 'Add a tag', autocomplete: 'off' });
  const submit = async () => {
    const names = input.value.split(',').map((name) => name.trim()).filter(Boolean);
    if (!names.length) return;
    try {
      await add(names);
      box.querySelector('[data-testid=tag-input]').focus();
    } catch (failure) {
      error.textContent = typeof failure === 'string' ? failure : String(failure);
    }
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  });
  box.replaceChildren(el('span', { class: 'tags-label', text: 'Tags:' }), ...chips, input,
    el('button', { type: 'button', 'data-testid': 'tag-add', text: 'Add', onclick: submit }), error);
}

function groupingReason(grouping, joinedTitle) {
  if (grouping.placed_by_user) return 'You put this article in its event.';
  if ((grouping.grouped_with === null || grouping.grouped_with === undefined)
      && grouping.split_from !== null && grouping.split_from !== undefined) {
    const link = grouping.split_link === null || grouping.split_link === undefined ? '' : ` (mean link ${grouping.split_link.toFixed(3)})`;
    const other = grouping.split_from_title ? `those now in “${grouping.split_from_title}”` : 'those now in another event';
    return `This article's event was cut in two: its articles and ${other} hardly resemble each other${link}.`;
  }
  if ((grouping.grouped_with === null || grouping.grouped_with === undefined)
      && grouping.folded_from_title) {
    const link = grouping.fold_link === null || grouping.fold_link === undefined ? '' : ` (mean link ${grouping.fold_link.toFixed(3)})`;
    return `This article started an event of its own, “${grouping.folded_from_title}”, which grouping then folded into this one: its articles resemble this event's${link}.`;
  }
  if (grouping.grouped_with === null || grouping.grouped_with === undefined) return 'This article started its event: no article imported before it reports the same story.';
  const similarity = grouping.similarity === null ? '' : ` (similarity ${grouping.similarity.toFixed(2)})`;
  const shared = grouping.shared_terms.length ? `; both name ${grouping.shared_terms.slice(0, 8).join(', ')}` : '';
  return `Grouped with “${joinedTitle || `article ${grouping.grouped_with}`}”${similarity}${shared}.`;
}

/** "Move to event…": a choice of the other events, or a new event of its own, then Move. */
function moveControl(article, actions) {
  const box = el('p', { class: 'reader-move', 'data-testid': 'reader-move' });
  const showButton = (focus) => {
    const button = el('button', { type: 'button', 'data-testid': 'move-article', title: 'Put this article in another event', text: 'Move to event…',
      onclick: () => showChoice() });
    box.replaceChildren(button);
    if (focus) button.focus();
  };
  const showChoice = () => {
    const others = actions.events().filter((event) => !event.articles.includes(article.id));
    const choice = el('select', { 'data-testid': 'move-event-choice', 'aria-label': 'Move this article to' },
      el('option', { value: 'new', text: 'A new event of its own' }),
      ...others.map((event) => el('option', { value: String(event.id), text: event.title, title: event.title })));
    const confirm = el('button', { type: 'button', 'data-testid': 'move-confirm', text: 'Move' });
    const cancel = el('button', { type: 'button', 'data-testid': 'move-cancel', text: 'Cancel', onclick: () => showButton(true) });
    confirm.addEventListener('click', () => {
      confirm.disabled = true;
      actions.move(article.id, choice.value === 'new' ? null : Number(choice.value)).finally(() => { confirm.disabled = false; });
    });
    box.onkeydown = (e) => {
      if (e.key === 'Escape') { e.preventDefault(); showButton(true); }
    };
    box.replaceChildren(choice, confirm, cancel);
    choice.focus();
  };
  showButton(false);
  return box;
}

// The article's notes and its sentences' (and pairs'), with a note on the whole article and the
// Cite control for it.
function readerNotes(article) {
  const list = el('div', { class: 'reader-note-list' });
  const heading = el('h3', { text: 'Notes' });
  const section = el('section', { class: 'reader-notes', 'data-testid': 'reader-notes', 'aria-label': 'Notes' });
  const add = el('button', { type: 'button', class: 'note-button', 'data-testid': 'reader-note-button', text: 'Note on this article…',
    onclick: () => openNoteDialog({
      title: 'Note on this article',
      about: article.title,
      opener: add,
      onSave: (text, verdict) => addNote(String(article.id), text, verdict),
    }).catch(showError) });
  const fill = async () => {
    const notes = await api.listNotes({ article: article.id });
    const where = (note) => (note.kind === 'sentence' && note.sentence_text ? `“${note.sentence_text}”` : describeTarget(note));
    list.replaceChildren(noteList(notes, where) || el('p', { class: 'empty', text: 'No notes on this article.' }));
    heading.textContent = `Notes (${notes.length})`;
  };
  section.append(heading, el('p', { class: 'reader-note-tools' }, add, ' ', citeControl([article.id])), list);
  setNotesRefresher(async () => { if (section.isConnected) await fill(); });
  fill().catch(showError);
  return section;
}
