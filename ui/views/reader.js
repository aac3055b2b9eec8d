// The article reader: metadata and the body, rendered as text.

import { el } from '../dom.js';

/** Shows one article in the main area, with why it is in its event when that is known
 * (`joinedTitle` is the headline of the article it was grouped with). */
export function showArticle(main, article, grouping, joinedTitle) {
  const meta = [article.outlet, article.byline, article.published, `${article.word_count} words`].filter(Boolean).join(' · ');
  const body = el('div', { class: 'reader-body' });
  for (const paragraph of article.text.split(/\n\s*\n/)) {
    if (paragraph.trim()) body.append(el('p', { text: paragraph }));
  }
  main.replaceChildren(el('article', { class: 'reader', 'data-testid': 'article-reader', 'data-article-id': article.id },
    el('h1', { text: article.title }),
    el('p', { class: 'reader-meta', text: meta }),
    article.url ? el('p', { class: 'reader-url', text: article.url }) : null,
    grouping ? el('p', { class: 'reader-grouping', 'data-testid': 'grouping-reason', text: groupingReason(grouping, joinedTitle) }) : null,
    body,
  ));
  main.focus();
}

function groupingReason(grouping, joinedTitle) {
  if (grouping.placed_by_user) return 'You put this article in its event.';
  if (grouping.grouped_with === null || grouping.grouped_with === undefined) return 'This article started its event: no article imported before it reports the same story.';
  const similarity = grouping.similarity === null ? '' : ` (similarity ${grouping.similarity.toFixed(2)})`;
  const shared = grouping.shared_terms.length ? `; both name ${grouping.shared_terms.slice(0, 8).join(', ')}` : '';
  return `Grouped with “${joinedTitle || `article ${grouping.grouped_with}`}”${similarity}${shared}.`;
}
