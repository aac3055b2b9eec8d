// Lays a comparison out in rows: each row holds, for every article, the sentences that say the
// same thing, so aligned sentences face each other across the panes.
//
// The first article is the spine: its sentences keep their order, and every other article's
// aligned sentences join their row (marked as moved when they stand elsewhere in their own
// article). Sentences the spine does not cover get rows of their own after the sentence that
// precedes them in their article, shared with other articles that say the same.

/** Returns `[{ cells: [cell|null per article], different }]`, cells holding sentences and runs. */
export function buildRows(report) {
  const count = report.articles.length;
  const pairOf = (a, b) => report.pairs.find((p) => (p.left === a && p.right === b) || (p.left === b && p.right === a));
  const rows = spineRows(report, pairOf);
  const placed = report.articles.map(() => new Map());
  rows.forEach((row, r) => row.cells.forEach((cell, k) => cell && cell.sentences.forEach((s) => placed[k].set(s, r))));

  for (let k = 1; k < count; k += 1) {
    report.articles[k].sentences.forEach((_, j) => {
      if (placed[k].has(j)) return;
      const r = joinableRow(rows, report, pairOf, k, j) ?? insertAfterPredecessor(rows, placed, k, j);
      rows[r].cells[k] = { sentences: [j], runs: [{ op: 'equal', text: report.articles[k].sentences[j] }] };
      placed[k].set(j, r);
    });
  }
  finish(rows, report);
  return rows;
}

function spineRows(report, pairOf) {
  const count = report.articles.length;
  const spine = report.articles[0].sentences;
  const unitOf = spine.map((_, i) => i);
  for (let k = 1; k < count; k += 1) {
    const pair = pairOf(0, k);
    for (const a of pair ? pair.alignments : []) {
      const left = pair.left === 0 ? a.left : a.right;
      for (const i of left) unitOf[i] = unitOf[left[0]] = Math.min(unitOf[left[0]], unitOf[i]);
    }
  }
  const rows = [];
  const rowOfUnit = new Map();
  spine.forEach((text, i) => {
    const unit = unitOf[i];
    if (!rowOfUnit.has(unit)) {
      rowOfUnit.set(unit, rows.length);
      rows.push({ cells: Array(count).fill(null), alignments: Array(count).fill(null).map(() => []) });
      rows[rows.length - 1].cells[0] = { sentences: [], runs: [] };
    }
    rows[rowOfUnit.get(unit)].cells[0].sentences.push(i);
  });
  for (let k = 1; k < count; k += 1) {
    const pair = pairOf(0, k);
    for (const a of pair ? pair.alignments : []) {
      const [left, right] = pair.left === 0 ? [a.left, a.right] : [a.right, a.left];
      const row = rows[rowOfUnit.get(unitOf[left[0]])];
      row.cells[k] = row.cells[k] || { sentences: [], runs: [] };
      row.cells[k].sentences.push(...right);
      row.alignments[k].push({ alignment: a, flipped: pair.left !== 0 });
    }
  }
  for (const row of rows) {
    row.cells.forEach((cell, k) => {
      if (!cell) return;
      cell.sentences.sort((x, y) => x - y);
      const only = row.alignments[k].length === 1 ? row.alignments[k][0] : null;
      if (k > 0 && only) cell.runs = only.alignment.diff.filter((d) => d.op !== (only.flipped ? 'insert' : 'delete'))
        .map((d) => ({ op: d.op === 'equal' ? 'equal' : 'insert', text: d.text }));
      else cell.runs = [{ op: 'equal', text: cell.sentences.map((s) => report.articles[k].sentences[s]).join(' ') }];
    });
    if (report.articles.length === 2 && row.alignments[1].length === 1) {
      const { alignment, flipped } = row.alignments[1][0];
      row.cells[0].runs = alignment.diff.filter((d) => d.op !== (flipped ? 'delete' : 'insert'))
        .map((d) => ({ op: d.op === 'equal' ? 'equal' : 'delete', text: d.text }));
    }
  }
  return rows;
}

function joinableRow(rows, report, pairOf, k, j) {
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r];
    if (row.cells[0] || row.cells[k]) continue;
    for (let m = 1; m < row.cells.length; m += 1) {
      const cell = row.cells[m];
      const pair = cell && pairOf(m, k);
      if (!pair) continue;
      const aligned = pair.alignments.some((a) => {
        const [mine, theirs] = pair.left === k ? [a.left, a.right] : [a.right, a.left];
        return mine.includes(j) && theirs.some((s) => cell.sentences.includes(s));
      });
      if (aligned) return r;
    }
  }
  return null;
}

function insertAfterPredecessor(rows, placed, k, j) {
  let after = -1;
  for (let p = j - 1; p >= 0; p -= 1) {
    if (placed[k].has(p)) {
      after = placed[k].get(p);
      break;
    }
  }
  let at = after + 1;
  while (at < rows.length && !rows[at].cells[0]) at += 1;
  rows.splice(at, 0, { cells: Array(rows[0] ? rows[0].cells.length : k + 1).fill(null), alignments: [], extra: true });
  for (const map of placed) for (const [s, r] of map) if (r >= at) map.set(s, r + 1);
  return at;
}

function finish(rows, report) {
  const support = (report.coverage && report.coverage.support) || [];
  const copied = report.articles.map(() => new Set());
  const conflicted = report.articles.map(() => new Set());
  for (const pair of report.pairs) {
    for (const passage of pair.shared_passages) {
      markSpans(report.articles[pair.left], passage.left, copied[pair.left]);
      markSpans(report.articles[pair.right], passage.right, copied[pair.right]);
    }
    for (const c of pair.conflicts) {
      conflicted[pair.left].add(c.left_sentence);
      conflicted[pair.right].add(c.right_sentence);
    }
  }
  const lastSeen = report.articles.map(() => -1);
  for (const row of rows) {
    const filled = row.cells.filter(Boolean).length;
    row.different = filled < row.cells.length;
    row.cells.forEach((cell, k) => {
      if (!cell) return;
      const alone = cell.sentences.every((s) => !(support[k] && support[k][s] && support[k][s].length));
      cell.state = filled >= 2 ? 'aligned' : alone ? 'only' : 'elsewhere';
      cell.moved = cell.sentences[0] < lastSeen[k];
      lastSeen[k] = Math.max(lastSeen[k], ...cell.sentences);
      cell.copied = cell.sentences.some((s) => copied[k].has(s));
      cell.conflict = cell.sentences.some((s) => conflicted[k].has(s));
      if (cell.conflict || cell.runs.some((run) => run.op !== 'equal')) row.different = true;
    });
  }
}

function markSpans(article, span, into) {
  (article.sentence_spans || []).forEach(([start, end], s) => {
    if (start < span.end && span.start < end) into.add(s);
  });
}
