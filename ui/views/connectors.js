// Meld-like connectors in the compare view. The rows put every sentence beside the first
// article's sentence it matches, so another article's sentences can stand out of their own
// order (marked as moved), and two other articles' matching sentences can land on different
// rows. Between adjacent panes, a band joins each such sentence to its counterpart: the places
// where the two articles do not tell the story in the same order.

const SVG = 'http://www.w3.org/2000/svg';

/** Draws the connectors of `report` over `grid`, and redraws them whenever the panes change size. */
export function drawConnectors(grid, report, panes) {
  const links = orderLinks(report);
  const svg = document.createElementNS(SVG, 'svg');
  svg.classList.add('connectors');
  svg.setAttribute('aria-hidden', 'true');
  grid.prepend(svg);
  const cells = panes.map((pane) => {
    const byRow = new Map();
    for (const node of pane.querySelectorAll('.cell[data-row]')) byRow.set(Number(node.dataset.row), node);
    return byRow;
  });

  const draw = () => {
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    const origin = grid.getBoundingClientRect();
    const dx = grid.scrollLeft - origin.left;
    const dy = grid.scrollTop - origin.top;
    const paths = links.map((link) => {
      const left = span(cells[link.left], link.leftRows, dy);
      const right = span(cells[link.right], link.rightRows, dy);
      if (!left || !right) return null;
      const x1 = panes[link.left].getBoundingClientRect().right + dx;
      const x2 = panes[link.right].getBoundingClientRect().left + dx;
      const xm = (x1 + x2) / 2;
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('d', `M${x1},${left.top} C${xm},${left.top} ${xm},${right.top} ${x2},${right.top}`
        + ` L${x2},${right.bottom} C${xm},${right.bottom} ${xm},${left.bottom} ${x1},${left.bottom} Z`);
      path.classList.add('connector');
      path.dataset.testid = 'connector';
      path.dataset.leftPane = String(link.left);
      path.dataset.rightPane = String(link.right);
      path.dataset.leftSentences = link.leftSentences.join(',');
      path.dataset.rightSentences = link.rightSentences.join(',');
      return path;
    }).filter(Boolean);
    svg.replaceChildren(...paths);
    svg.setAttribute('width', String(grid.scrollWidth));
    svg.setAttribute('height', String(grid.scrollHeight));
  };

  let frame = null;
  const redraw = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      if (grid.isConnected) draw();
    });
  };
  const observer = new ResizeObserver(redraw);
  observer.observe(grid);
  panes.forEach((pane) => observer.observe(pane));
  draw();
  return { redraw, count: links.length };
}

// The top and bottom (in the grid's scrolled coordinates) of a pane's cells in these rows.
function span(byRow, rows, dy) {
  let top = Infinity;
  let bottom = -Infinity;
  for (const row of rows) {
    const node = byRow.get(row);
    if (!node) continue;
    const rect = node.getBoundingClientRect();
    top = Math.min(top, rect.top + dy);
    bottom = Math.max(bottom, rect.bottom + dy);
  }
  return top === Infinity ? null : { top, bottom };
}

// The alignments of adjacent articles whose sentences do not face each other, or stand out of
// their own article's order: one link per pair of row sets.
function orderLinks(report) {
  const rowOf = report.articles.map(() => new Map());
  const moved = report.articles.map(() => new Set());
  report.rows.forEach((row, r) => {
    row.cells.forEach((cell, k) => {
      if (!cell) return;
      cell.sentences.forEach((s) => rowOf[k].set(s, r));
      if (cell.moved) moved[k].add(r);
    });
  });
  const links = [];
  for (let a = 0; a + 1 < report.articles.length; a += 1) {
    const b = a + 1;
    const pair = report.pairs.find((p) => (p.left === a && p.right === b) || (p.left === b && p.right === a));
    if (!pair) continue;
    const seen = new Set();
    for (const alignment of pair.alignments) {
      const [mine, theirs] = pair.left === a ? [alignment.left, alignment.right] : [alignment.right, alignment.left];
      const leftRows = [...new Set(mine.map((s) => rowOf[a].get(s)))].filter((r) => r !== undefined).sort((x, y) => x - y);
      const rightRows = [...new Set(theirs.map((s) => rowOf[b].get(s)))].filter((r) => r !== undefined).sort((x, y) => x - y);
      if (!leftRows.length || !rightRows.length) continue;
      const facing = leftRows.join() === rightRows.join();
      const outOfOrder = leftRows.some((r) => moved[a].has(r)) || rightRows.some((r) => moved[b].has(r));
      if (facing && !outOfOrder) continue;
      const key = `${leftRows}|${rightRows}`;
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ left: a, right: b, leftRows, rightRows, leftSentences: [...mine].sort((x, y) => x - y), rightSentences: [...theirs].sort((x, y) => x - y) });
    }
  }
  return links;
}
