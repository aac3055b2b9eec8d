// The library sidebar: events, articles with check boxes, and search as you type. The article
// list is windowed: only the rows in view (and a few around them) exist in the page, so a
// library of 100,000 articles scrolls as smoothly as one of ten.

import { api } from '../api.js';
import { el, clear } from '../dom.js';
import { showError } from './errors.js';

// Every article row has this height in pixels, so a row's place follows from its index.
const ROW_HEIGHT = 76;
// Rows drawn beyond each edge of the visible part, so a quick scroll shows no gap.
const OVERSCAN = 10;

export class LibraryView {
  constructor({ onOpenArticle, onOpenEvent, onSelectionChange }) {
    this.list = document.getElementById('library-list');
    this.eventList = document.getElementById('event-list');
    this.count = document.getElementById('article-count');
    this.search = document.getElementById('library-search');
    this.onOpenArticle = onOpenArticle;
    this.onOpenEvent = onOpenEvent;
    this.onSelectionChange = onSelectionChange;
    this.articles = [];
    this.eventRows = [];
    this.selected = new Set();
    this.rows = [];
    this.hits = new Map();
    this.justImported = null;
    this.list.addEventListener('scroll', () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = null;
        this.renderWindow(false);
      });
    });
    this.search.addEventListener('input', () => {
      clearTimeout(this.searchTimer);
      this.searchTimer = setTimeout(() => this.runSearch(), 120);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.search.value = '';
        this.runSearch();
      }
    });
  }

  clearLists() {
    this.articles = [];
    this.eventRows = [];
    this.selected.clear();
    clear(this.list);
    clear(this.eventList);
    this.count.textContent = '';
    this.onSelectionChange([]);
  }

  events() {
    return this.eventRows;
  }

  titleOf(id) {
    const article = this.articles.find((a) => a.id === id);
    return article ? article.title : `article ${id}`;
  }

  selectedIds() {
    return [...this.selected];
  }

  async refresh() {
    const [articles, events] = await Promise.all([api.listArticles(), api.listEvents()]);
    this.articles = articles;
    this.eventRows = events;
    for (const id of [...this.selected]) if (!articles.some((a) => a.id === id)) this.selected.delete(id);
    this.renderEvents();
    if (this.search.value.trim()) await this.runSearch();
    else this.renderArticles(articles);
    this.onSelectionChange(this.selectedIds());
  }

  renderEvents() {
    clear(this.eventList);
    for (const event of this.eventRows) {
      const item = el('li', {
        class: 'event-item', 'data-testid': 'event-item', 'data-event-id': event.id, tabindex: 0, role: 'button',
        title: 'Compare the reports of this event',
        onclick: () => this.onOpenEvent(event),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.onOpenEvent(event); } },
      }, el('span', { class: 'event-title', text: event.title }), el('span', { class: 'count', text: String(event.articles.length) }));
      this.eventList.append(item);
    }
  }

  renderArticles(rows, hits = new Map()) {
    this.rows = rows;
    this.hits = hits;
    this.count.textContent = `(${rows.length})`;
    this.list.scrollTop = 0;
    this.renderWindow();
  }

  // Draws the rows in view; the spacer gives the list its full scroll height. A scroll that
  // keeps the same rows in view redraws nothing, so focus and clicks stay on their rows.
  renderWindow(force = true) {
    const first = Math.max(0, Math.floor(this.list.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, Math.ceil((this.list.scrollTop + this.list.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    if (!force && this.drawn && this.drawn[0] === first && this.drawn[1] === last) return;
    this.drawn = [first, last];
    clear(this.list);
    if (!this.rows.length) {
      this.list.append(el('li', { class: 'empty', text: this.search.value.trim() ? 'No article matches.' : 'No articles yet: press Open… or drop files here.' }));
      return;
    }
    const spacer = el('li', { class: 'list-spacer', role: 'presentation' });
    spacer.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.list.append(spacer);
    for (let index = first; index < last; index += 1) {
      const article = this.rows[index];
      const item = this.renderItem(article, this.hits.get(article.id));
      item.style.top = `${index * ROW_HEIGHT}px`;
      if (article.id === this.justImported) item.classList.add('just-imported');
      this.list.append(item);
    }
  }

  renderItem(article, hit) {
    const box = el('input', { type: 'checkbox', 'aria-label': `Select ${article.title}` });
    box.checked = this.selected.has(article.id);
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(article.id);
      else this.selected.delete(article.id);
      this.onSelectionChange(this.selectedIds());
    });
    const meta = [article.outlet, article.published ? article.published.slice(0, 10) : null].filter(Boolean).join(' · ');
    const open = el('button', { type: 'button', class: 'article-open', onclick: () => this.onOpenArticle(article.id) },
      el('span', { class: 'article-title', text: article.title }),
      el('span', { class: 'article-meta', text: meta }),
      hit ? highlighted(hit) : null);
    return el('li', { class: 'library-item', 'data-testid': 'library-item', 'data-article-id': article.id }, box, open);
  }

  async runSearch() {
    const query = this.search.value.trim();
    if (!query) {
      this.renderArticles(this.articles);
      return;
    }
    try {
      const hits = await api.search(query);
      if (query !== this.search.value.trim()) return;
      const byId = new Map(this.articles.map((a) => [a.id, a]));
      const rows = hits.map((hit) => byId.get(hit.id) || { id: hit.id, title: hit.title, outlet: hit.outlet });
      this.renderArticles(rows, new Map(hits.map((hit) => [hit.id, hit])));
    } catch (error) {
      showError(error);
    }
  }

  highlight(id) {
    this.justImported = id;
    const index = this.rows.findIndex((article) => article.id === id);
    if (index >= 0) this.list.scrollTop = Math.max(0, index * ROW_HEIGHT - this.list.clientHeight / 2);
    this.renderWindow();
  }
}

// A search snippet with its matched words marked; highlights are character (code point) ranges.
function highlighted(hit) {
  const chars = Array.from(hit.snippet);
  const node = el('span', { class: 'article-snippet' });
  let at = 0;
  for (const [start, end] of hit.highlights || []) {
    node.append(chars.slice(at, start).join(''), el('mark', { text: chars.slice(start, end).join('') }));
    at = end;
  }
  node.append(chars.slice(at).join(''));
  return node;
}
