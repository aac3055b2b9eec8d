// The article reader: metadata and the body, rendered as text.

import { el } from '../dom.js';

/** Shows one article in the main area. */
export function showArticle(main, article) {
  const meta = [article.outlet, article.byline, article.published, `${article.word_count} words`].filter(Boolean).join(' · ');
  const body = el('div', { class: 'reader-body' });
  for (const paragraph of article.text.split(/\n\s*\n/)) {
    if (paragraph.trim()) body.append(el('p', { text: paragraph }));
  }
  main.replaceChildren(el('article', { class: 'reader', 'data-testid': 'article-reader', 'data-article-id': article.id },
    el('h1', { text: article.title }),
    el('p', { class: 'reader-meta', text: meta }),
    article.url ? el('p', { class: 'reader-url', text: article.url }) : null,
    body,
  ));
  main.focus();
}
