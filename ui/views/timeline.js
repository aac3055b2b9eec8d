// The timeline of a comparison: the strip above the panes (the reports in order of publication,
// to the minute where the date has a time, to the day otherwise, undated ones apart), the view
// of its own (every statement with its first report and who reported it), and the words for
// how long before another an article came out.

import { el, plural } from '../dom.js';

/** A publication date as shown: `20 Nov 2025, 09:15 UTC`, `20 Nov 2025`, or `undated`. */
export function dateLabel(article) {
  if (!article.precision || !article.published) return 'undated';
  const day = new Date(`${article.published.slice(0, 10)}T00:00:00Z`);
  const dayText = day.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  if (article.precision !== 'minute') return dayText;
  const time = instant(article).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${dayText}, ${time} UTC`;
}

/** How long before `later` `earlier` came out, in the precision both dates have: `40 minutes`,
 * `2 hours`, `3 days`; null when the dates cannot tell. */
export function elapsed(earlier, later) {
  if (!earlier?.precision || !later?.precision) return null;
  if (earlier.precision === 'minute' && later.precision === 'minute') {
    const minutes = Math.round((instant(later) - instant(earlier)) / 60000);
    if (minutes <= 0) return null;
    if (minutes < 60) return plural(minutes, 'minute');
    if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
    return plural(Math.round(minutes / (24 * 60)), 'day');
  }
  const days = Math.round((dayOf(later) - dayOf(earlier)) / 86400000);
  return days > 0 ? plural(days, 'day') : null;
}

// The moment a dated-to-the-minute article came out (a date-time without an offset read as UTC,
// as the library reads it).
function instant(article) {
  const text = article.published;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`;
  return new Date(zoned);
}

function dayOf(article) {
  return new Date(`${article.published.slice(0, 10)}T00:00:00Z`);
}

/** The strip above the panes: one item per report in order of publication, the time between
 * two reports in between, undated reports apart. `onShowArticle(index)` brings a report's pane
 * into view; `onOpenView` opens the timeline view. */
export function timelineStrip(report, { onShowArticle, onOpenView }) {
  const articles = report.timeline?.articles || [];
  const dated = articles.filter((a) => a.precision);
  const undated = articles.filter((a) => !a.precision);
  const item = (article) => {
    const node = el('li', { class: `timeline-item precision-${article.precision || 'none'}`, 'data-testid': 'timeline-item',
      'data-article-id': article.id ?? '', 'data-index': article.index, 'data-precision': article.precision || 'undated' },
    el('button', { type: 'button', class: 'timeline-report', title: `${article.title}: show this report`, onclick: () => onShowArticle(article.index) },
      el('span', { class: 'timeline-date', text: dateLabel(article) }),
      el('span', { class: 'timeline-source', text: article.source })));
    return node;
  };
  const axis = el('ol', { class: 'timeline-axis', 'aria-label': 'Reports in order of publication' });
  dated.forEach((article, k) => {
    if (k) {
      const gap = elapsed(dated[k - 1], article);
      axis.append(el('li', { class: 'timeline-gap', 'aria-hidden': 'true', text: gap ? `+${gap}` : 'same time' }));
    }
    axis.append(item(article));
  });
  const strip = el('nav', { class: 'timeline-strip', 'data-testid': 'timeline-strip', 'aria-label': 'Timeline' },
    el('span', { class: 'timeline-label', text: 'Published:' }), axis);
  if (undated.length) {
    strip.append(el('ol', { class: 'timeline-undated', 'aria-label': 'Undated reports' }, ...undated.map(item)));
  }
  if (!dated.length) axis.append(el('li', { class: 'empty', text: 'No report gives its date.' }));
  strip.append(el('button', { type: 'button', class: 'timeline-open', 'data-testid': 'timeline-open',
    title: 'Every statement with the report that made it first', text: 'Who said it first…', onclick: onOpenView }));
  return strip;
}

/** The timeline view: every statement in the order first made, with its first report (and the
 * reports that may have been first when the dates cannot tell) and every report that made it.
 * `onShowSentences(refs)` shows a statement in the panes; `onClose` goes back to them. */
export function timelineView(report, { onShowSentences, onClose }) {
  const byIndex = new Map((report.timeline?.articles || []).map((a) => [a.index, a]));
  const source = (index) => byIndex.get(index)?.source || report.articles[index]?.source || '';
  const indexOfId = (id) => report.articles.findIndex((a) => a.id === id);
  const list = el('ol', { class: 'timeline-statements' });
  for (const statement of report.timeline?.statements || []) {
    const first = statement.first_article;
    const tied = (statement.first_tied || []).map(indexOfId).filter((k) => k >= 0);
    const firstText = first === null || first === undefined
      ? 'First report unknown: no report that makes it gives its date.'
      : `First: ${source(first)} (${dateLabel(byIndex.get(first))})${tied.length ? `, or ${tied.map(source).join(', ')}: the dates cannot tell` : ''}`;
    const item = el('li', { class: 'timeline-statement', 'data-testid': 'timeline-statement', tabindex: 0, role: 'button',
      'data-first-article-id': first === null || first === undefined ? '' : (report.articles[first]?.id ?? ''),
      title: 'Show it in the reports' },
    el('q', { text: statement.text }),
    el('span', { class: 'timeline-first', 'data-testid': 'timeline-first', text: firstText }),
    el('span', { class: 'timeline-reported', text: `Reported by ${statement.articles.map(source).join(', ')}` }));
    const show = () => onShowSentences(statement.sentences);
    item.addEventListener('click', show);
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(); } });
    list.append(item);
  }
  const close = el('button', { type: 'button', 'data-testid': 'timeline-close', text: '← Back to the reports', onclick: onClose });
  return el('section', { class: 'timeline-view', 'data-testid': 'timeline-view', 'aria-label': 'Who said it first' },
    el('header', { class: 'timeline-view-header' }, el('h2', { text: 'Who said it first' }), close),
    el('p', { class: 'timeline-note', text: 'Every statement in the order it was first made, with the report that made it first and every report that made it.' }),
    list.children.length ? list : el('p', { class: 'empty', text: 'No statement.' }));
}
