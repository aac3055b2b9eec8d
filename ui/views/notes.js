// A fact-checker's notes and verdicts: the dialog that writes or edits one, the list that
// shows them with Edit and Delete, and the Cite control. Adding, editing and deleting a note
// can be undone (Ctrl/Cmd+Z) and redone (Ctrl/Cmd+Shift+Z); the view on screen redraws after.

import { api } from '../api.js';
import { el } from '../dom.js';
import { showError } from './errors.js';
import { showToast } from './toast.js';
import { remember, undo } from '../undo.js';

// Redraws the notes of the view on screen (the comparison or the reader); set by that view.
let refreshShown = async () => {};

/** The view on screen says how to show notes again after one changed. */
export function setNotesRefresher(refresh) {
  refreshShown = refresh;
}

// The Edit button of the note `id` on screen, if it is shown.
function noteEditButton(id) {
  return document.querySelector(`[data-testid=note-item][data-note-id="${id}"] [data-testid=note-edit]`);
}

// Redraws, then puts the focus on the note `id` when it is shown (an undo or a redo).
async function refresh(id = null) {
  await refreshShown();
  const shown = id === null ? null : noteEditButton(id);
  if (shown && !document.querySelector('dialog[open]')) shown.focus();
}

/** Opens the note dialog. `note` is the note to edit (none for a new one); `onSave(text,
 * verdict)` writes it. Enter saves, Shift+Enter starts a new line, Escape cancels; the focus
 * goes back to `opener`. */
export async function openNoteDialog({ title, about = '', note = null, opener = document.activeElement, onSave }) {
  document.querySelector('[data-testid=note-dialog]')?.remove();
  const scale = await api.verdictScale();
  const dialog = el('dialog', { class: 'note-dialog', 'data-testid': 'note-dialog', 'aria-labelledby': 'note-dialog-title' });
  const text = el('textarea', { 'data-testid': 'note-text-input', rows: 4, 'aria-label': 'Note', placeholder: 'What you found (Enter saves, Shift+Enter for a new line)' });
  text.value = note ? note.text : '';
  const verdict = el('select', { 'data-testid': 'note-verdict-input', 'aria-label': 'Verdict' },
    el('option', { value: '', text: 'No verdict' }),
    ...scale.map((v) => el('option', { value: v, text: v })));
  verdict.value = note && note.verdict ? note.verdict : '';
  const status = el('p', { class: 'note-dialog-status', role: 'status' });
  const save = el('button', { type: 'submit', 'data-testid': 'note-save', text: note ? 'Save' : 'Add note' });
  const cancel = el('button', { type: 'button', 'data-testid': 'note-cancel', text: 'Cancel', onclick: () => dialog.close() });
  const form = el('form', { method: 'dialog' },
    el('h2', { id: 'note-dialog-title', text: title }),
    about ? el('blockquote', { class: 'note-about', text: about }) : null,
    el('label', { class: 'note-field' }, 'Note', text),
    el('label', { class: 'note-field' }, 'Verdict', verdict),
    status,
    el('p', { class: 'actions' }, save, ' ', cancel));
  let saving = false;
  let focusAfter = null;
  const submit = async () => {
    if (saving) return;
    if (!text.value.trim()) {
      status.textContent = 'Write the note first.';
      text.focus();
      return;
    }
    saving = true;
    try {
      const saved = await onSave(text.value.trim(), verdict.value || null);
      // The page behind a modal dialog takes no focus: the note is focused once it closes.
      focusAfter = saved ? noteEditButton(saved.id) : null;
      dialog.close();
    } catch (error) {
      status.textContent = String(error);
      saving = false;
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); submit(); });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    const next = focusAfter || opener;
    if (next && next.isConnected) next.focus();
  });
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  text.focus();
}

/** Writes a new note on `target` (`12:3`, `12:3,14:5`, `12` or `event:4`); undoable. */
export async function addNote(target, text, verdict) {
  const note = await api.addNote(target, text, verdict);
  const step = remember('add note', async () => {
    await api.deleteNote(note.id);
    await refresh();
    showToast('Note removed');
  }, async () => {
    await api.restoreNote(note.id);
    await refresh(note.id);
    showToast('Note added again');
  });
  await refresh(note.id);
  showToast('Note added', { label: 'Undo', run: () => undo(step).catch(showError) });
  return note;
}

/** Changes a note's text and verdict; undoable (the library keeps the version before). */
export async function editNote(note, text, verdict) {
  const edited = await api.editNote(note.id, { text, verdict: verdict || '' });
  const swap = async (message) => {
    await api.undoNoteEdit(note.id);
    await refresh(note.id);
    showToast(message);
  };
  const step = remember('edit note', () => swap('Note edit undone'), () => swap('Note edit made again'));
  await refresh(note.id);
  showToast('Note saved', { label: 'Undo', run: () => undo(step).catch(showError) });
  return edited;
}

/** Deletes a note; undoable. */
export async function deleteNote(note) {
  await api.deleteNote(note.id);
  const step = remember('delete note', async () => {
    await api.restoreNote(note.id);
    await refresh(note.id);
    showToast('Note restored');
  }, async () => {
    await api.deleteNote(note.id);
    await refresh();
    showToast('Note deleted');
  });
  await refresh();
  showToast('Note deleted', { label: 'Undo', run: () => undo(step).catch(showError) });
}

/** Where a note is, in words: "sentence 3 of Northgate Wire". `sourceOf(id)` names an article. */
export function describeTarget(note, sourceOf = () => null) {
  const source = (id, title) => sourceOf(id) || title || `article ${id}`;
  if (note.kind === 'event') return `the event${note.event_title ? ` “${note.event_title}”` : ''}`;
  if (note.kind === 'article') return source(note.article, note.article_title);
  // A sentence the article no longer splits into is named by its article alone.
  const sentence = (index, id, title) => (index === null || index === undefined
    ? source(id, title)
    : `sentence ${index + 1} of ${source(id, title)}`);
  if (note.kind === 'sentence') return sentence(note.sentence, note.article, note.article_title);
  if (note.kind === 'pair') {
    return `${sentence(note.sentence, note.article, note.article_title)} and ${sentence(note.other_sentence, note.other_article)}`;
  }
  return note.kind;
}

function when(note) {
  const shown = (iso) => iso.replace('T', ' ').replace(/:\d\dZ$/, ' UTC').replace(/Z$/, ' UTC');
  return note.edited ? `${shown(note.created)}, edited ${shown(note.edited)}` : shown(note.created);
}

/** One note: its verdict, text, author and time, with Edit and Delete. `where` (optional)
 * says what it annotates. */
export function noteItem(note, where = '') {
  const edit = el('button', { type: 'button', class: 'note-action', 'data-testid': 'note-edit', text: 'Edit', title: 'Edit this note' });
  const remove = el('button', { type: 'button', class: 'note-action', 'data-testid': 'note-delete', text: 'Delete', title: 'Delete this note (Ctrl+Z brings it back)' });
  const item = el('li', { class: 'note-item', 'data-testid': 'note-item', 'data-note-id': note.id, 'data-note-kind': note.kind },
    note.verdict ? el('span', { class: 'note-verdict', 'data-testid': 'note-verdict', 'data-verdict': note.verdict, text: note.verdict }) : null,
    el('span', { class: 'note-text', 'data-testid': 'note-text', text: note.text }),
    el('span', { class: 'note-meta', text: `${where ? `on ${where} · ` : ''}${note.author} · ${when(note)}` }),
    el('span', { class: 'note-actions' }, edit, remove));
  // Clicks on a note are the note's, not the cell's or the conflict's around it.
  item.addEventListener('click', (event) => event.stopPropagation());
  edit.addEventListener('click', () => openNoteDialog({
    title: 'Edit note',
    about: where,
    note,
    opener: edit,
    onSave: (text, verdict) => editNote(note, text, verdict),
  }).catch(showError));
  remove.addEventListener('click', () => deleteNote(note).catch(showError));
  return item;
}

/** A list of notes (nothing when there are none). */
export function noteList(notes, describe = () => '') {
  if (!notes.length) return null;
  return el('ul', { class: 'note-list', 'data-testid': 'note-list' }, ...notes.map((note) => noteItem(note, describe(note))));
}

const CITATION_FORMATS = [['csl-json', 'CSL-JSON'], ['bibtex', 'BibTeX'], ['ris', 'RIS']];

/** The Cite control for library articles `ids`: a format, Copy (to the clipboard) and Save…
 * (through the native save dialog). The text is fetched ahead so Copy writes it within the
 * click, as the clipboard asks. */
export function citeControl(ids) {
  const format = el('select', { 'data-testid': 'cite-format', 'aria-label': 'Citation format' },
    ...CITATION_FORMATS.map(([value, label]) => el('option', { value, text: label })));
  const status = el('span', { class: 'cite-status', 'data-testid': 'cite-status', role: 'status' });
  let ready = null;
  // Copy waits (disabled) for the text of the format chosen.
  const fetchText = () => {
    const asked = format.value;
    ready = null;
    copy.disabled = true;
    api.citeArticles(ids, asked).then((text) => {
      if (format.value !== asked) return;
      ready = { format: asked, text };
      copy.disabled = false;
    }).catch(showError);
  };
  const label = () => CITATION_FORMATS.find(([value]) => value === format.value)[1];
  const copy = el('button', { type: 'button', 'data-testid': 'cite-copy', text: 'Copy citation' + (ids.length > 1 ? 's' : ''),
    title: 'Copy the sources as CSL-JSON, BibTeX or RIS' });
  copy.addEventListener('click', () => {
    if (!ready || ready.format !== format.value) {
      status.textContent = 'The citations are not ready yet: try again.';
      fetchText();
      return;
    }
    const { text } = ready;
    const said = `Copied ${ids.length === 1 ? '1 citation' : `${ids.length} citations`} as ${label()}`;
    const fallback = () => {
      // WebKit without the async clipboard: a selected text field and the copy command.
      const field = el('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
      field.value = text;
      document.body.append(field);
      field.select();
      const copied = document.execCommand('copy');
      field.remove();
      status.textContent = copied ? said : 'The clipboard refused the citations: use Save… instead.';
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(() => { status.textContent = said; }, fallback);
    } else {
      fallback();
    }
  });
  const save = el('button', { type: 'button', 'data-testid': 'cite-save', text: 'Save…', title: 'Save the citations to a file',
    onclick: () => api.saveCitations(ids, format.value).catch(showError) });
  format.addEventListener('change', fetchText);
  fetchText();
  return el('span', { class: 'cite-control', role: 'group', 'aria-label': 'Cite', 'data-testid': 'cite-control' },
    el('span', { class: 'cite-label', text: 'Cite:' }), format, copy, save, status);
}
