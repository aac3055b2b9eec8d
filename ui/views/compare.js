// The compare view: one pane per article, aligned sentences facing each other, word
// differences inside aligned pairs, copied passages, conflicts and the entity table; and the
// user's own alignment: choose a sentence in two panes, then Link (L) or Unlink (U).

import { api } from '../api.js';
import { el, plural } from '../dom.js';
import { showError } from './errors.js';
import { drawConnectors } from './connectors.js';
import { remember, undo, isTyping } from '../undo.js';
import { announce } from './announce.js';
import { openNoteDialog, addNote, noteList, describeTarget, setNotesRefresher, citeControl } from './notes.js';
import { timelineStrip, timelineView, elapsed } from './timeline.js';

// The key handler of the comparison on screen; replaced when another is shown.
let differenceKeys = null;

// The alignment changes made in the compare view, latest last, for its Undo button.
const alignmentSteps = [];

/** Shows a comparison report (the CLI's `compare` JSON) in the main area. `options.onChanged`
 * compares the same articles again after the user linked or unlinked sentences. */
export function showComparison(main, report, options = {}) {
  const rows = report.rows;
  const view = el('section', { class: 'compare-view', 'data-testid': 'compare-view', 'aria-label': 'Comparison' });
  const navigation = el('div', { class: 'compare-toolbar', role: 'toolbar', 'aria-label': 'Differences' });
  const counter = el('span', { class: 'difference-counter' });
  const previous = el('button', { type: 'button', 'data-testid': 'previous-difference', title: 'Previous difference (Shift+F7, Alt+Up)', text: '↑ Previous' });
  const next = el('button', { type: 'button', 'data-testid': 'next-difference', title: 'Next difference (F7, Alt+Down)', text: '↓ Next' });
  const layers = el('span', { class: 'layers', role: 'group', 'aria-label': 'Layers' },
    ...[['differences', 'Differences'], ['passages', 'Copied passages'], ['entities', 'Entities'], ['conflicts', 'Conflicts'], ['connectors', 'Connectors']]
      .map(([layer, label]) => {
        const box = el('input', { type: 'checkbox', 'data-layer': layer, checked: true });
        box.addEventListener('change', () => view.classList.toggle(`hide-${layer}`, !box.checked));
        return el('label', {}, box, label);
      }));
  const ids = report.articles.map((article) => article.id);
  const format = el('select', { 'data-testid': 'export-format', 'aria-label': 'Export format' },
    ...[['html', 'HTML report'], ['markdown', 'Markdown'], ['json', 'JSON'], ['csv', 'Entities (CSV)']]
      .map(([value, label]) => el('option', { value, text: label })));
  const exportButton = el('button', { type: 'button', 'data-testid': 'export-button', title: 'Save this comparison to a file', text: 'Export…',
    onclick: () => api.exportComparison(ids, format.value).catch(showError) });
  const exportStatus = el('span', { class: 'export-status', 'data-testid': 'export-status', role: 'status' });
  const libraryIds = ids.filter((id) => id !== null && id !== undefined);
  navigation.append(previous, next, counter, layers, format, exportButton, exportStatus,
    libraryIds.length === ids.length ? citeControl(ids) : null, el('span', { class: 'legend' },
    el('span', { class: 'legend-swatch only-here', text: 'only here' }),
    el('span', { class: 'legend-swatch copied', text: 'copied word for word' }),
    el('span', { class: 'legend-swatch conflict', text: 'conflict' })));

  const grid = el('div', { class: 'compare-grid' });
  grid.style.gridTemplateColumns = `repeat(${report.articles.length}, minmax(16rem, 1fr))`;
  grid.style.gridTemplateRows = `auto repeat(${rows.length}, auto)`;
  const panes = report.articles.map((article, column) => {
    const pane = el('div', { class: 'compare-pane', 'data-testid': 'compare-pane', 'data-article-id': article.id ?? article.ref, role: 'region', 'aria-label': article.title });
    pane.style.gridColumn = String(column + 1);
    pane.style.gridRow = `1 / span ${rows.length + 1}`;
    pane.append(el('header', { class: 'pane-header' },
      el('h2', { text: article.title }),
      el('p', { class: 'pane-outlet', text: article.source })));
    grid.append(pane);
    return pane;
  });

  const differenceCells = [];
  rows.forEach((row, r) => {
    report.articles.forEach((article, column) => {
      const cell = row.cells[column];
      const node = el('div', { class: 'cell', 'data-row': r });
      node.style.gridRow = String(r + 2);
      if (cell) {
        node.classList.add(cell.state);
        if (cell.state === 'aligned') node.dataset.testid = 'aligned-pair';
        if (cell.state === 'only') node.dataset.testid = 'only-here';
        if (cell.moved) node.classList.add('moved');
        if (cell.copied) node.classList.add('copied');
        if (cell.conflict) node.classList.add('conflict');
        node.dataset.sentences = cell.sentences.join(',');
        node.dataset.column = String(column);
        node.tabIndex = 0;
        const states = statesInWords(cell, article);
        if (states) node.append(el('span', { class: 'visually-hidden', 'data-testid': 'cell-state', text: `${states}: ` }));
        renderRuns(node, cell.runs);
        if (cell.moved) node.title = 'Told at another point in this article';
      } else {
        node.classList.add('gap');
      }
      panes[column].append(node);
    });
    if (row.different) differenceCells.push(r);
  });

  const notes = notesOnScreen(report);
  showCellNotes(report, grid, notes);
  const side = el('aside', { class: 'compare-side' },
    notesSection(report, notes),
    coverageSummary(report, grid),
    conflictList(report, grid, notes),
    passageList(report),
    reuseList(report, grid),
    entityTable(report, grid));
  const alignment = alignmentTools(report, grid, main, options);
  setNotesRefresher(async () => {
    if (!document.body.contains(view) || !options.onChanged) return;
    const scroll = { top: grid.scrollTop, left: grid.scrollLeft };
    const fresh = await options.onChanged();
    if (document.body.contains(view)) showComparison(main, fresh, { ...options, scroll });
  });
  const body = el('div', { class: 'compare-body' }, grid, side);
  const reveal = (refs) => {
    grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
    const cells = refs.map((ref) => findCell(grid, ref.article, ref.sentence)).filter(Boolean);
    cells.forEach((n) => n.classList.add('current'));
    if (cells[0]) cells[0].scrollIntoView({ block: 'center' });
  };
  const closeTimeline = () => {
    view.querySelector('[data-testid=timeline-view]')?.remove();
    body.hidden = false;
  };
  const strip = timelineStrip(report, {
    onShowArticle: (index) => {
      closeTimeline();
      panes[index]?.scrollIntoView({ inline: 'center', block: 'nearest' });
      panes[index]?.querySelector('.cell')?.focus({ preventScroll: true });
    },
    onOpenView: () => {
      if (view.querySelector('[data-testid=timeline-view]')) return closeTimeline();
      body.hidden = true;
      const timeline = timelineView(report, {
        onShowSentences: (refs) => { closeTimeline(); reveal(refs); },
        onClose: closeTimeline,
      });
      body.after(timeline);
      timeline.querySelector('button')?.focus();
    },
  });
  view.append(navigation, alignment.toolbar, strip, body);
  main.replaceChildren(view);
  markUserLinks(report, grid);
  drawConnectors(grid, report, panes);
  if (options.scroll) {
    grid.scrollTop = options.scroll.top;
    grid.scrollLeft = options.scroll.left;
  }
  if (options.status) alignment.say(options.status);
  if (options.reveal) {
    const cells = options.reveal.map(([column, sentence]) => findCell(grid, column, sentence)).filter(Boolean);
    cells.forEach((cell) => cell.classList.add('current'));
    if (cells[0]) cells[0].scrollIntoView({ block: 'center' });
  }

  let current = -1;
  const go = (step) => {
    if (!differenceCells.length) return;
    current = (current + step + differenceCells.length) % differenceCells.length;
    const r = differenceCells[current];
    grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
    const cells = grid.querySelectorAll(`.cell[data-row="${r}"]`);
    cells.forEach((n) => n.classList.add('current'));
    cells[0].scrollIntoView({ block: 'center' });
    counter.textContent = `Difference ${current + 1} of ${differenceCells.length}`;
    // The keyboard follows: focus on the row's first sentence, and the difference said aloud.
    const sentence = [...cells].find((n) => n.dataset.sentences) || cells[0];
    if (!sentence.hasAttribute('tabindex')) sentence.tabIndex = -1;
    sentence.focus({ preventScroll: true });
    const pane = sentence.closest('.compare-pane');
    const outlet = report.articles[Number(sentence.dataset.column)]?.source || pane?.getAttribute('aria-label') || '';
    announce(`${counter.textContent}, ${outlet}: ${sentence.textContent}`);
  };
  counter.textContent = `${differenceCells.length} differences`;
  previous.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  if (differenceKeys) document.removeEventListener('keydown', differenceKeys);
  differenceKeys = (event) => {
    if (!document.body.contains(view)) return;
    if (alignment.onKey(event)) return;
    if (event.key === 'F7' || (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp'))) {
      event.preventDefault();
      go(event.shiftKey || event.key === 'ArrowUp' ? -1 : 1);
    }
  };
  document.addEventListener('keydown', differenceKeys);
}

function renderRuns(node, runs) {
  for (const run of runs) {
    if (run.op === 'equal') node.append(document.createTextNode(run.text));
    else {
      const insert = run.op === 'insert';
      node.append(el('mark', { class: insert ? 'diff-insert' : 'diff-delete' },
        el('span', { class: 'visually-hidden', text: insert ? 'inserted: ' : 'deleted: ' }), run.text));
    }
  }
}

// What a cell's colours and borders say, in words for screen readers.
function statesInWords(cell, article) {
  const states = [];
  if (cell.state === 'only') states.push(`only in ${article.source || article.title}`);
  if (cell.state === 'elsewhere') states.push('said elsewhere by another report');
  if (cell.moved) states.push('told at another point in this article');
  if (cell.copied) states.push('copied word for word');
  if (cell.conflict) states.push('conflict');
  return states.join(', ');
}

// One item per disputed fact: each value with the outlets that give it. The item jumps to the
// first sentence of every value; an outlet jumps to its own sentence beside the other values'.
function conflictList(report, grid, notes) {
  const list = el('ul', { class: 'conflict-list' });
  const outlet = (k) => report.articles[k].source || report.articles[k].outlet || report.articles[k].title;
  const jump = (targets) => {
    grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
    const cells = targets.map(([column, sentence]) => findCell(grid, column, sentence)).filter(Boolean);
    cells.forEach((n) => n.classList.add('current'));
    if (cells[0]) cells[0].scrollIntoView({ block: 'center' });
  };
  for (const fact of report.disputed_facts || []) {
    const firsts = fact.values.map((value) => value.sentences[0]);
    const values = el('span', { class: 'conflict-values' });
    fact.values.forEach((value, v) => {
      if (v) values.append(' / ');
      values.append(el('strong', { text: value.text }), ': ');
      const others = firsts.filter((_, w) => w !== v);
      value.articles.forEach((article, k) => {
        if (k) values.append(', ');
        const own = value.sentences.filter(([a]) => a === article);
        values.append(el('button', {
          type: 'button',
          class: 'conflict-source',
          text: outlet(article),
          onclick: (event) => { event.stopPropagation(); jump([...own, ...others]); },
        }));
      });
    });
    // A disputed fact is noted on the sentence that states its first value.
    const [noted, sentence] = fact.values[0].sentences[0];
    const article = report.articles[noted];
    const noteButton = article.id === null || article.id === undefined ? null : el('button', {
      type: 'button', class: 'note-button', 'data-testid': 'conflict-note', text: 'Note…', title: 'Write a note or a verdict on this fact',
      onclick: (event) => {
        event.stopPropagation();
        openNoteDialog({
          title: `Note on ${fact.what || fact.kind}`,
          about: article.sentences[sentence] || '',
          opener: event.currentTarget,
          onSave: (text, verdict) => addNote(`${article.id}:${sentence}`, text, verdict),
        }).catch(showError);
      },
    });
    const stated = new Set(fact.values.flatMap((value) => value.sentences.map(([a, s]) => `${report.articles[a].id}:${s}`)));
    const factNotes = notes.filter((note) => note.kind === 'sentence' && stated.has(`${note.article}:${note.sentence}`));
    const item = el('li', { class: 'conflict-item', 'data-testid': 'conflict-item', tabindex: 0 },
      el('span', { class: 'conflict-kind', text: fact.what || fact.kind }), values, noteButton,
      noteList(factNotes, (note) => describeTarget(note, sourceNamer(report))));
    item.addEventListener('click', () => jump(firsts));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === item) jump(firsts); });
    list.append(item);
  }
  return el('section', { class: 'side-section' }, el('h3', { text: `Conflicting facts (${list.children.length})` }),
    list.children.length ? list : el('p', { class: 'empty', text: 'No conflicting figures or dates found.' }));
}

// The notes of the comparison that concern its articles (a note on an article of the event
// not compared is listed too: the event's notes are one list).
function notesOnScreen(report) {
  return report.notes || [];
}

// Names a library article by its outlet when it is compared.
function sourceNamer(report) {
  return (id) => report.articles.find((article) => article.id === id)?.source || null;
}

// Each sentence's and pair's notes under the cells they annotate (a pair's under both).
function showCellNotes(report, grid, notes) {
  const byCell = new Map();
  const add = (id, sentence, note) => {
    const column = report.articles.findIndex((article) => article.id === id);
    if (column < 0 || sentence === null || sentence === undefined) return;
    const cell = findCell(grid, column, sentence);
    if (!cell) return;
    if (!byCell.has(cell)) byCell.set(cell, []);
    if (!byCell.get(cell).includes(note)) byCell.get(cell).push(note);
  };
  for (const note of notes) {
    if (note.kind === 'sentence') add(note.article, note.sentence, note);
    if (note.kind === 'pair') {
      add(note.article, note.sentence, note);
      add(note.other_article, note.other_sentence, note);
    }
  }
  for (const [cell, cellNotes] of byCell) {
    cell.classList.add('has-notes');
    const list = noteList(cellNotes, (note) => (note.kind === 'pair' ? describeTarget(note, sourceNamer(report)) : ''));
    list.classList.add('cell-notes');
    list.dataset.testid = 'cell-notes';
    cell.append(list);
  }
}

// The notes of the comparison's event, its articles, sentences and pairs, in one list, with a
// button for a note on the event itself.
function notesSection(report, notes) {
  const first = report.articles[0];
  const fromLibrary = report.articles.every((article) => article.id !== null && article.id !== undefined);
  const eventButton = fromLibrary ? el('button', { type: 'button', class: 'note-button', 'data-testid': 'event-note-button', text: 'Note on this event…',
    onclick: async (event) => {
      const opener = event.currentTarget;
      try {
        const { event: eventId } = await api.getArticle(first.id);
        await openNoteDialog({
          title: 'Note on this event',
          opener,
          onSave: (text, verdict) => addNote(`event:${eventId}`, text, verdict),
        });
      } catch (error) {
        showError(error);
      }
    } }) : null;
  const describe = (note) => describeTarget(note, sourceNamer(report));
  const listed = el('div', { class: 'notes-found' }, noteList(notes, describe)
    || el('p', { class: 'empty', text: 'No notes yet. Choose a sentence (or one in each of two reports) and press Note… (N), or note a conflicting fact.' }));
  // The event's notes searched by the library (text, verdict, author), as `parallax note list
  // --search` does; an answer made stale by later typing is dropped.
  const search = fromLibrary && notes.length ? el('input', { type: 'search', class: 'notes-search', 'data-testid': 'notes-search',
    placeholder: 'Search notes', 'aria-label': 'Search the notes of this event' }) : null;
  let asked = 0;
  search?.addEventListener('input', async () => {
    const mine = ++asked;
    const words = search.value.trim();
    try {
      const found = words ? await api.listNotes({ event: (await api.getArticle(first.id)).event, search: words }) : notes;
      if (mine !== asked) return;
      listed.replaceChildren(noteList(found, describe) || el('p', { class: 'empty', text: `No note of this event holds “${words}”.` }));
    } catch (error) {
      showError(error);
    }
  });
  return el('section', { class: 'side-section notes-section', 'data-testid': 'event-notes' },
    el('h3', { text: `Notes (${notes.length})` }),
    eventButton,
    search,
    listed);
}

function findCell(grid, column, sentence) {
  const pane = grid.querySelectorAll('.compare-pane')[column];
  if (!pane) return null;
  return [...pane.querySelectorAll('.cell[data-sentences]')].find((n) => n.dataset.sentences.split(',').includes(String(sentence))) || null;
}

function passageList(report) {
  const list = el('ul', { class: 'passage-list' });
  const dated = (index) => (report.timeline?.articles || []).find((a) => a.index === index);
  for (const pair of report.pairs) {
    for (const passage of pair.shared_passages) {
      const left = report.articles[pair.left];
      const right = report.articles[pair.right];
      const item = el('li', { class: 'shared-passage', 'data-testid': 'shared-passage' }, el('q', { text: passage.text }));
      const earlier = passage.earlier;
      const later = earlier === pair.left ? pair.right : pair.left;
      const gap = earlier === undefined || earlier === null ? null : elapsed(dated(earlier), dated(later));
      if (gap) {
        item.dataset.earlier = String(report.articles[earlier].id ?? earlier);
        item.append(el('span', { class: 'passage-meta', text: `${passage.words} words in ${report.articles[later].source}, ` }),
          el('span', { class: 'passage-direction', 'data-testid': 'passage-direction',
            text: `copied from ${report.articles[earlier].source} (published ${gap} earlier)` }));
      } else {
        item.append(el('span', { class: 'passage-meta', text: `${passage.words} words in ${left.source} and ${right.source}` }));
      }
      list.append(item);
    }
  }
  return el('section', { class: 'side-section' }, el('h3', { text: `Copied word for word (${list.children.length})` }),
    list.children.length ? list : el('p', { class: 'empty', text: 'No passage of eight or more words is shared.' }));
}

// Passages a text-reuse run (passim) found, as imported with `parallax passages import`: each
// cluster once, with the reports it is in here and how many other library articles hold it.
function reuseList(report, grid) {
  const clusters = report.reuse_clusters || [];
  if (!clusters.length) return null;
  const sentenceAt = (index, offset) => {
    const spans = report.articles[index].sentence_spans || [];
    const found = spans.findIndex(([start, end]) => offset >= start && offset < end);
    return found < 0 ? 0 : found;
  };
  const list = el('ul', { class: 'passage-list' });
  for (const cluster of clusters) {
    const first = cluster.passages[0];
    if (!first) continue;
    const outlets = [...new Set(cluster.passages.map((p) => report.articles[p.article].source))];
    const others = cluster.other_articles.length;
    const item = el('li', { class: 'shared-passage reuse-cluster', 'data-testid': 'reuse-cluster', tabindex: 0,
      'data-cluster': cluster.cluster, title: 'Show it in the reports' },
      el('q', { text: first.text }),
      el('span', { class: 'passage-meta', text: `In ${outlets.join(', ')}${others ? `; also in ${others} other article${others === 1 ? '' : 's'} of the library` : ''} (${cluster.source} cluster ${cluster.cluster})` }));
    const show = () => {
      grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
      const cells = cluster.passages.map((p) => findCell(grid, p.article, sentenceAt(p.article, p.start))).filter(Boolean);
      cells.forEach((n) => n.classList.add('current'));
      if (cells[0]) cells[0].scrollIntoView({ block: 'center' });
    };
    item.addEventListener('click', show);
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
    list.append(item);
  }
  return el('section', { class: 'side-section', 'data-testid': 'reuse-clusters' },
    el('h3', { text: `Reuse found by text-reuse tools (${list.children.length})` }), list);
}

// What all outlets report, what only one does, who is quoted where, and how far they name the
// same people, organisations and places; each statement and sentence jumps to its place.
function coverageSummary(report, grid) {
  const coverage = report.coverage || {};
  const all = coverage.reported_by_all || [];
  const most = coverage.reported_by_most || [];
  const onlyOne = coverage.reported_by_one || [];
  const outletOf = (index) => report.articles[index].source;
  const jumpTo = (refs) => {
    grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
    const targets = refs.map((ref) => findCell(grid, ref.article, ref.sentence)).filter(Boolean);
    targets.forEach((n) => n.classList.add('current'));
    if (targets[0]) targets[0].scrollIntoView({ block: 'center' });
  };
  const sentenceItem = (refs, testid, note) => {
    const first = refs[0];
    const item = el('li', { class: 'coverage-sentence', 'data-testid': testid, tabindex: 0,
      'data-article': first.article, 'data-sentence': first.sentence, title: 'Show it in the reports' },
      el('span', { text: report.articles[first.article].sentences[first.sentence] || '' }),
      note ? el('span', { class: 'coverage-outlets', text: note }) : null);
    item.addEventListener('click', () => jumpTo(refs));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jumpTo(refs); } });
    return item;
  };
  const group = (title, testid, items, open = false) => el('details', { class: 'coverage-group', 'data-testid': testid, open },
    el('summary', { text: `${title} (${items.length})` }),
    items.length ? el('ul', { class: 'coverage-sentences' }, ...items) : el('p', { class: 'empty', text: 'None.' }));

  const everyone = report.articles.length > 2 ? 'Reported by every outlet' : 'Reported by both';
  const groups = [group(everyone, 'coverage-all', all.map((statement) => sentenceItem(statement.sentences, 'coverage-statement')))];
  if (report.articles.length > 2) {
    groups.push(group('Reported by most', 'coverage-most', most.map((statement) =>
      sentenceItem(statement.sentences, 'coverage-statement', `not in ${report.articles.map((_, k) => k).filter((k) => !statement.articles.includes(k)).map(outletOf).join(', ')}`))));
  }
  report.articles.forEach((article, index) => {
    const own = onlyOne.filter((ref) => ref.article === index);
    const details = group(`Only ${outletOf(index)}`, 'coverage-only', own.map((ref) => sentenceItem([ref], 'coverage-only-sentence')));
    details.dataset.article = String(index);
    groups.push(details);
  });

  return el('section', { class: 'side-section coverage-summary', 'data-testid': 'coverage-summary' },
    el('h3', { text: 'Coverage' }),
    el('p', { class: 'coverage-note', text: report.articles.length > 2
      ? `${plural(all.length, 'statement')} in every report, ${most.length} in most; ${plural(onlyOne.length, 'sentence')} only one report has.`
      : `${plural(all.length, 'statement')} in both reports; ${plural(onlyOne.length, 'sentence')} only one has.` }),
    overlapScores(report),
    ...groups,
    ...groupCoverage(report, sentenceItem, group),
    quoteTable(report, jumpTo));
}

// Coverage by outlet group, per dimension the user defined (`leaning`, `country`...): what only
// one group's outlets report, what every group's report, and each group's blindspot (what no
// outlet of that group reports).
function groupCoverage(report, sentenceItem, group) {
  const entityNote = (names) => (names.length ? el('p', { class: 'coverage-entities', text: `Named: ${names.join(', ')}` }) : null);
  return Object.entries(report.coverage?.by_group || {}).map(([dimension, coverage]) => {
    const parts = [];
    for (const [name, share] of Object.entries(coverage.groups)) {
      const outlets = share.articles.map((k) => report.articles[k].source).join(', ');
      const only = group(`Only ${dimension} “${name}” reports`, 'coverage-group-only',
        share.statements.map((statement) => sentenceItem(statement.sentences, 'coverage-group-statement')));
      only.dataset.group = name;
      only.append(...[el('p', { class: 'coverage-outlets', text: `Outlets: ${outlets}` }), entityNote(share.entities)].filter(Boolean));
      const blind = group(`Not reported by any outlet rated ${dimension} “${name}”`, 'blindspot',
        (share.blindspot || []).map((statement) => {
          const item = sentenceItem(statement.sentences, 'blindspot-item',
            `reported by ${[...new Set(statement.sentences.map((ref) => ref.article))].map((k) => report.articles[k].source).join(', ')}`);
          item.dataset.group = name;
          item.dataset.dimension = dimension;
          return item;
        }), (share.blindspot || []).length > 0);
      blind.dataset.group = name;
      parts.push(only, blind);
    }
    if (Object.keys(coverage.groups).length >= 2) {
      const every = group(`Every ${dimension} group reports`, 'coverage-every-group',
        coverage.every_group.statements.map((statement) => sentenceItem(statement.sentences, 'coverage-group-statement')));
      const named = entityNote(coverage.every_group.entities);
      if (named) every.append(named);
      parts.push(every);
    }
    return el('section', { class: 'coverage-by-group', 'data-testid': 'coverage-by-group', 'data-dimension': dimension },
      el('h4', { text: `By ${dimension}` }), ...parts);
  });
}

// Who is quoted in which report: one row per speaker, with the outlets that quote them and
// how often; a row shows the quotations in the panes.
function quoteTable(report, jumpTo) {
  const speakers = new Map();
  (report.quotes || []).forEach((quotes, index) => {
    for (const quote of quotes) {
      const speaker = quote.speaker || 'Speaker not named';
      if (!speakers.has(speaker)) speakers.set(speaker, report.articles.map(() => []));
      speakers.get(speaker)[index].push({ article: index, sentence: quote.sentence });
    }
  });
  const section = el('div', { class: 'quote-coverage' }, el('h4', { text: `Who is quoted where (${speakers.size})` }));
  if (!speakers.size) {
    section.append(el('p', { class: 'empty', text: 'No report quotes anyone directly.' }));
    return section;
  }
  const list = el('ul', { class: 'quote-table', 'data-testid': 'quote-table' });
  for (const [speaker, byArticle] of speakers) {
    const quotedBy = byArticle.map((refs, index) => [refs, index]).filter(([refs]) => refs.length);
    const silent = report.articles.length - quotedBy.length;
    const row = el('li', { class: 'quote-row', 'data-testid': 'quote-row', 'data-speaker': speaker, tabindex: 0, title: 'Show the quotations' },
      el('span', { class: 'quote-speaker', text: speaker }),
      el('span', { class: 'quote-outlets' },
        ...quotedBy.map(([refs, index]) => el('span', { class: 'quote-outlet', 'data-article': index, 'data-quotes': refs.length,
          text: `${report.articles[index].source} ×${refs.length}` }))),
      silent ? el('span', { class: 'quote-silent', text: `not quoted in ${silent} of ${report.articles.length} reports` }) : null);
    const jump = () => jumpTo(byArticle.flat());
    row.addEventListener('click', jump);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); jump(); } });
    list.append(row);
  }
  section.append(list);
  return section;
}

// How far the reports name the same entities, per kind: named by every report over named by any.
// A kind no report names has no share to show (the score of 1 would read as full agreement).
function overlapScores(report) {
  const overlap = report.overlap;
  if (!overlap || !overlap.by_kind) return null;
  const kinds = { person: 'People', organization: 'Organisations', place: 'Places' };
  const list = el('ul', { class: 'overlap-scores', 'data-testid': 'entity-overlap' },
    ...overlap.by_kind.map((kind) => el('li', { class: 'overlap-kind', 'data-testid': 'overlap-kind', 'data-kind': kind.kind,
      'data-score': kind.score, 'data-named': kind.named },
      el('span', { text: kinds[kind.kind] || kind.kind }),
      kind.named ? el('meter', { min: 0, max: 1, value: kind.score, title: `${Math.round(kind.score * 100)}%` }) : null,
      el('span', { class: 'count', text: kind.named ? `${kind.shared} of ${kind.named} named by all` : 'none named' }))));
  const named = overlap.by_kind.some((kind) => kind.named);
  return el('div', { class: 'entity-overlap' },
    el('h4', { text: named ? `Named by every report: ${Math.round((overlap.score || 0) * 100)}% overall`
      : 'Named by every report: no person, organisation or place is named' }),
    list);
}

function entityTable(report, grid) {
  const table = el('table', { class: 'entity-table', 'data-testid': 'entity-table' });
  table.append(el('thead', {}, el('tr', {}, el('th', { text: 'Named' }), el('th', { text: 'Kind' }),
    ...report.articles.map((a) => el('th', { text: a.source, title: a.title })))));
  const body = el('tbody');
  for (const entity of report.entities) {
    const missing = entity.mentions.some((m) => m === 0);
    const row = el('tr', { class: `entity-row${missing ? ' partial' : ''}`, 'data-testid': 'entity-row', tabindex: 0,
      title: entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : 'Select to highlight in every report' },
      el('td', { text: entity.name }), el('td', { class: 'entity-kind', text: entity.kind }),
      ...entity.mentions.map((m) => el('td', { class: m ? 'named' : 'not-named', text: m ? String(m) : '—' })));
    const select = () => {
      const already = row.classList.contains('selected');
      body.querySelectorAll('.entity-row.selected').forEach((r) => r.classList.remove('selected'));
      clearEntityHighlight(grid);
      if (!already) {
        row.classList.add('selected');
        const first = highlightEntity(grid, entity);
        if (first) first.scrollIntoView({ block: 'center' });
      }
    };
    row.addEventListener('click', select);
    row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } });
    body.append(row);
  }
  table.append(body);
  return el('section', { class: 'side-section' }, el('h3', { text: `Who and what is named (${report.entities.length})` }),
    el('div', { class: 'table-scroll' }, table));
}

// Marks every surface form of an entity in the panes; returns the first mark.
function highlightEntity(grid, entity) {
  const forms = [entity.name, ...entity.aliases].filter((f) => f.length > 1).sort((a, b) => b.length - a.length);
  if (!forms.length) return null;
  const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  let first = null;
  for (const cell of grid.querySelectorAll('.cell')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('.visually-hidden')) nodes.push(walker.currentNode);
    for (const node of nodes) {
      const text = node.nodeValue;
      pattern.lastIndex = 0;
      if (!pattern.test(text)) continue;
      pattern.lastIndex = 0;
      const pieces = document.createDocumentFragment();
      let at = 0;
      for (const match of text.matchAll(pattern)) {
        pieces.append(document.createTextNode(text.slice(at, match.index)));
        const mark = el('mark', { class: 'entity-hit', text: match[0] });
        first = first || mark;
        pieces.append(mark);
        at = match.index + match[0].length;
      }
      pieces.append(document.createTextNode(text.slice(at)));
      node.replaceWith(pieces);
    }
  }
  return first;
}

function clearEntityHighlight(grid) {
  grid.querySelectorAll('mark.entity-hit').forEach((mark) => mark.replaceWith(document.createTextNode(mark.textContent)));
  grid.normalize();
}

// The toolbar of the user's alignment: which sentences are chosen, Link, Unlink and Undo.
// Links are per pair of articles, between sentences of two library articles.
function alignmentTools(report, grid, main, options) {
  const chosen = new Map();
  const status = el('span', { class: 'link-status', 'data-testid': 'link-status', role: 'status' });
  const link = el('button', { type: 'button', 'data-testid': 'link-sentences', title: 'Say the two chosen sentences report the same (L)', text: 'Link', disabled: true });
  const unlink = el('button', { type: 'button', 'data-testid': 'unlink-sentences', title: 'Say the two chosen sentences do not report the same (U)', text: 'Unlink', disabled: true });
  const undoButton = el('button', { type: 'button', 'data-testid': 'undo-link', title: 'Take back the last link or unlink (Ctrl+Z)', text: 'Undo',
    disabled: !alignmentSteps.some((step) => !step.done) });
  const noteButton = el('button', { type: 'button', 'data-testid': 'note-button', title: 'Write a note or a verdict on the chosen sentence, or on the two chosen sentences side by side (N)', text: 'Note…', disabled: true });
  const fromFiles = report.articles.some((article) => article.id === null || article.id === undefined);
  const toolbar = el('div', { class: 'alignment-toolbar', role: 'toolbar', 'aria-label': 'Your alignment', 'data-testid': 'alignment-toolbar' },
    el('span', { class: 'alignment-label', text: 'Your alignment:' }), link, unlink, undoButton, noteButton, status);
  const say = (text) => { status.textContent = text; };
  const describe = (column, sentence) => `sentence ${sentence + 1} of ${report.articles[column].source}`;

  // The two chosen cells as [column, sentence] pairs, and the pair of the report between them.
  const chosenPair = () => {
    if (chosen.size !== 2) return null;
    const [[a, cellA], [b, cellB]] = [...chosen.entries()].sort((x, y) => x[0] - y[0]);
    const sentencesOf = (cell) => cell.dataset.sentences.split(',').map(Number);
    const pair = report.pairs.find((p) => p.left === a && p.right === b);
    const aligned = pair ? pair.alignments.filter((al) => sentencesOf(cellA).some((s) => al.left.includes(s)) && sentencesOf(cellB).some((s) => al.right.includes(s))) : [];
    return { a, b, left: sentencesOf(cellA), right: sentencesOf(cellB), aligned };
  };
  const update = () => {
    const chosenNow = chosenPair();
    link.disabled = fromFiles || !chosenNow || chosenNow.aligned.length > 0;
    unlink.disabled = fromFiles || !chosenNow || chosenNow.aligned.length === 0;
    noteButton.disabled = fromFiles || chosen.size === 0;
    noteButton.textContent = chosen.size === 2 ? 'Note on pair…' : 'Note…';
    if (fromFiles) say('Files compared by path cannot be linked: import them into the library first.');
    else if (!chosen.size) say('Choose a sentence in one report and one in another.');
    else if (chosen.size === 1) say('Now choose a sentence in another report.');
    else if (chosenNow.aligned.length) say('These sentences are aligned: Unlink (U) separates them.');
    else say('Link (L) says these sentences report the same.');
  };
  // A chosen sentence is outlined, and says so to screen readers (a cell has no role that
  // aria-pressed would be allowed on).
  const markChosen = (cell, on) => {
    cell.classList.toggle('link-chosen', on);
    cell.querySelector(':scope > .chosen-label')?.remove();
    if (on) cell.prepend(el('span', { class: 'visually-hidden chosen-label', text: 'chosen for linking: ' }));
  };
  const choose = (cell) => {
    const column = Number(cell.dataset.column);
    if (chosen.get(column) === cell) {
      chosen.delete(column);
      markChosen(cell, false);
    } else {
      if (chosen.get(column)) markChosen(chosen.get(column), false);
      if (!chosen.has(column) && chosen.size === 2) {
        const [oldest] = chosen.keys();
        markChosen(chosen.get(oldest), false);
        chosen.delete(oldest);
      }
      chosen.set(column, cell);
      markChosen(cell, true);
    }
    update();
  };
  grid.addEventListener('click', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('.cell[data-sentences]') : null;
    // A click that ends a text selection is for copying, not choosing.
    if (!cell || String(window.getSelection() || '').length) return;
    choose(cell);
  });
  grid.addEventListener('keydown', (event) => {
    // A note under a cell keeps its own keys (Enter on its Edit button).
    if (event.target instanceof Element && event.target.closest('.note-list')) return;
    const cell = event.target instanceof Element ? event.target.closest('.cell[data-sentences]') : null;
    if (cell && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      choose(cell);
    }
  });

  // Writes the corrections for `sentencePairs` ([left, right] sentence indices of columns a, b)
  // and redraws; undo puts back what each pair had before.
  const change = async (linked, sentencePairs, a, b, message) => {
    const idA = report.articles[a].id;
    const idB = report.articles[b].id;
    const reveal = [[a, sentencePairs[0][0]], [b, sentencePairs[0][1]]];
    const before = await api.alignmentOverrides(idA, idB);
    const previous = sentencePairs.map(([l, r]) => {
      const found = before.find((o) => o.left.sentence === l && o.right.sentence === r);
      return [l, r, found ? found.linked : null];
    });
    for (const [l, r] of sentencePairs) {
      await api.setAlignment({ article: idA, sentence: l }, { article: idB, sentence: r }, linked);
    }
    const step = remember(linked ? 'link' : 'unlink', async () => {
      for (const [l, r, was] of previous) {
        const sideA = { article: idA, sentence: l };
        const sideB = { article: idB, sentence: r };
        if (was === null) await api.forgetAlignment(sideA, sideB);
        else await api.setAlignment(sideA, sideB, was);
      }
      await redraw(`Undone: ${message}`, reveal);
    });
    alignmentSteps.push(step);
    await redraw(message, reveal);
  };
  const redraw = async (message, reveal) => {
    if (!options.onChanged) return;
    const scroll = { top: grid.scrollTop, left: grid.scrollLeft };
    const fresh = await options.onChanged();
    showComparison(main, fresh, { ...options, scroll, status: message, reveal });
    main.querySelector('[data-testid=link-status]')?.focus?.();
  };
  // A cell may hold several sentences (one said in two): Link joins every one of them to every
  // one of the other cell's, so what was chosen is linked whole.
  const doLink = () => {
    const p = chosenPair();
    if (!p || link.disabled) return;
    const pairs = p.left.flatMap((l) => p.right.map((r) => [l, r]));
    const side = (column, sentences) => sentences.length === 1
      ? describe(column, sentences[0])
      : `sentences ${sentences.map((s) => s + 1).join(' and ')} of ${report.articles[column].source}`;
    const message = `Linked ${side(p.a, p.left)} with ${side(p.b, p.right)}.`;
    change(true, pairs, p.a, p.b, message).catch(showError);
  };
  const doUnlink = () => {
    const p = chosenPair();
    if (!p || unlink.disabled) return;
    const pairs = [];
    for (const al of p.aligned) {
      for (const l of al.left.filter((s) => p.left.includes(s))) {
        for (const r of al.right.filter((s) => p.right.includes(s))) pairs.push([l, r]);
      }
    }
    const message = `Unlinked ${describe(p.a, pairs[0][0])} from ${describe(p.b, pairs[0][1])}.`;
    change(false, pairs, p.a, p.b, message).catch(showError);
  };
  const doUndo = () => {
    const step = [...alignmentSteps].reverse().find((s) => !s.done);
    if (step) undo(step).catch(showError);
  };
  // One chosen sentence: a note on it; one in each of two reports: a note on the pair.
  const doNote = () => {
    if (noteButton.disabled) return;
    const cells = [...chosen.entries()].sort((x, y) => x[0] - y[0]);
    const sides = cells.map(([column, cell]) => ({ column, sentence: Number(cell.dataset.sentences.split(',')[0]) }));
    const target = sides.map(({ column, sentence }) => `${report.articles[column].id}:${sentence}`).join(',');
    openNoteDialog({
      title: sides.length === 2 ? 'Note on these two sentences' : `Note on ${describe(sides[0].column, sides[0].sentence)}`,
      about: sides.map(({ column, sentence }) => report.articles[column].sentences[sentence]).join('\n'),
      opener: noteButton,
      onSave: (text, verdict) => addNote(target, text, verdict),
    }).catch(showError);
  };
  noteButton.addEventListener('click', doNote);
  link.addEventListener('click', doLink);
  unlink.addEventListener('click', doUnlink);
  undoButton.addEventListener('click', doUndo);
  update();
  const onKey = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return false;
    if (event.key === 'l' || event.key === 'L') { doLink(); return true; }
    if (event.key === 'u' || event.key === 'U') { doUnlink(); return true; }
    if ((event.key === 'n' || event.key === 'N') && !document.querySelector('dialog[open]')) { event.preventDefault(); doNote(); return true; }
    return false;
  };
  return { toolbar, say, onKey };
}

// Marks the sentences a person linked, in both panes.
function markUserLinks(report, grid) {
  for (const pair of report.pairs) {
    for (const alignment of pair.alignments) {
      if (!alignment.by_user) continue;
      const cells = [...alignment.left.map((s) => findCell(grid, pair.left, s)), ...alignment.right.map((s) => findCell(grid, pair.right, s))];
      for (const cell of cells.filter(Boolean)) {
        cell.classList.add('by-user');
        cell.dataset.byUser = 'true';
        cell.title = 'Linked by you';
      }
    }
  }
}
