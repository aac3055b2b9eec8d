// The compare view: one pane per article, aligned sentences facing each other, word
// differences inside aligned pairs, copied passages, conflicts and the entity table.

import { el } from '../dom.js';
import { buildRows } from './rows.js';

// The key handler of the comparison on screen; replaced when another is shown.
let differenceKeys = null;

/** Shows a comparison report (the CLI's `compare` JSON) in the main area. */
export function showComparison(main, report) {
  const rows = buildRows(report);
  const view = el('section', { class: 'compare-view', 'data-testid': 'compare-view', 'aria-label': 'Comparison' });
  const navigation = el('div', { class: 'compare-toolbar', role: 'toolbar', 'aria-label': 'Differences' });
  const counter = el('span', { class: 'difference-counter' });
  const previous = el('button', { type: 'button', 'data-testid': 'previous-difference', title: 'Previous difference (Shift+F7, Alt+Up)', text: '↑ Previous' });
  const next = el('button', { type: 'button', 'data-testid': 'next-difference', title: 'Next difference (F7, Alt+Down)', text: '↓ Next' });
  navigation.append(previous, next, counter, el('span', { class: 'legend' },
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
      el('p', { class: 'pane-outlet', text: article.outlet || 'Unknown outlet' })));
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
        renderRuns(node, cell.runs);
        if (cell.moved) node.title = 'Told at another point in this article';
      } else {
        node.classList.add('gap');
      }
      panes[column].append(node);
    });
    if (row.different) differenceCells.push(r);
  });

  const side = el('aside', { class: 'compare-side' },
    conflictList(report, grid),
    passageList(report),
    entityTable(report));
  view.append(navigation, el('div', { class: 'compare-body' }, grid, side));
  main.replaceChildren(view);

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
  };
  counter.textContent = `${differenceCells.length} differences`;
  previous.addEventListener('click', () => go(-1));
  next.addEventListener('click', () => go(1));
  if (differenceKeys) document.removeEventListener('keydown', differenceKeys);
  differenceKeys = (event) => {
    if (!document.body.contains(view)) return;
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
    else node.append(el('mark', { class: run.op === 'insert' ? 'diff-insert' : 'diff-delete', text: run.text }));
  }
}

function conflictList(report, grid) {
  const list = el('ul', { class: 'conflict-list' });
  for (const pair of report.pairs) {
    for (const conflict of pair.conflicts) {
      const left = report.articles[pair.left];
      const right = report.articles[pair.right];
      const item = el('li', { class: 'conflict-item', 'data-testid': 'conflict-item', tabindex: 0, role: 'button' },
        el('span', { class: 'conflict-kind', text: conflict.kind }),
        el('span', { class: 'conflict-values' },
          el('strong', { text: conflict.left }), ` (${left.outlet || left.title}) vs `,
          el('strong', { text: conflict.right }), ` (${right.outlet || right.title})`));
      const jump = () => {
        grid.querySelectorAll('.cell.current').forEach((n) => n.classList.remove('current'));
        const targets = [[pair.left, conflict.left_sentence], [pair.right, conflict.right_sentence]]
          .map(([column, sentence]) => findCell(grid, column, sentence)).filter(Boolean);
        targets.forEach((n) => n.classList.add('current'));
        if (targets[0]) targets[0].scrollIntoView({ block: 'center' });
      };
      item.addEventListener('click', jump);
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter') jump(); });
      list.append(item);
    }
  }
  return el('section', { class: 'side-section' }, el('h3', { text: `Conflicting facts (${list.children.length})` }),
    list.children.length ? list : el('p', { class: 'empty', text: 'No conflicting figures or dates found.' }));
}

function findCell(grid, column, sentence) {
  const pane = grid.querySelectorAll('.compare-pane')[column];
  if (!pane) return null;
  return [...pane.querySelectorAll('.cell[data-sentences]')].find((n) => n.dataset.sentences.split(',').includes(String(sentence))) || null;
}

function passageList(report) {
  const list = el('ul', { class: 'passage-list' });
  for (const pair of report.pairs) {
    for (const passage of pair.shared_passages) {
      const left = report.articles[pair.left];
      const right = report.articles[pair.right];
      list.append(el('li', { class: 'shared-passage', 'data-testid': 'shared-passage' },
        el('q', { text: passage.text }),
        el('span', { class: 'passage-meta', text: `${passage.words} words in ${left.outlet || left.title} and ${right.outlet || right.title}` })));
    }
  }
  return el('section', { class: 'side-section' }, el('h3', { text: `Copied word for word (${list.children.length})` }),
    list.children.length ? list : el('p', { class: 'empty', text: 'No passage of eight or more words is shared.' }));
}

function entityTable(report) {
  const table = el('table', { class: 'entity-table', 'data-testid': 'entity-table' });
  table.append(el('thead', {}, el('tr', {}, el('th', { text: 'Named' }), el('th', { text: 'Kind' }),
    ...report.articles.map((a) => el('th', { text: a.outlet || a.title, title: a.title })))));
  const body = el('tbody');
  for (const entity of report.entities) {
    const missing = entity.mentions.some((m) => m === 0);
    body.append(el('tr', { class: `entity-row${missing ? ' partial' : ''}`, 'data-testid': 'entity-row', title: entity.aliases.length ? `Also: ${entity.aliases.join(', ')}` : null },
      el('td', { text: entity.name }), el('td', { class: 'entity-kind', text: entity.kind }),
      ...entity.mentions.map((m) => el('td', { class: m ? 'named' : 'not-named', text: m ? String(m) : '—' }))));
  }
  table.append(body);
  return el('section', { class: 'side-section' }, el('h3', { text: `Who and what is named (${report.entities.length})` }), table);
}
