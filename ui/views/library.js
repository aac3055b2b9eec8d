// The library sidebar: events, articles with check boxes, search as you type, and filters by
// outlet, tag, dates and event with a sort. The article list is windowed and paged: only the rows in
// view (and a few around them) exist in the page, and the library sends the articles a page at
// a time as the list scrolls, so a library of 100,000 articles opens and scrolls as quickly as
// one of ten.

import { api } from '../api.js';
import { el, clear } from '../dom.js';
import { showError } from './errors.js';

// Every article row has this height in pixels, so a row's place follows from its index.
const ROW_HEIGHT = 76;
// Rows drawn beyond each edge of the visible part, so a quick scroll shows no gap.
const OVERSCAN = 10;
// Articles fetched at once.
const PAGE = 200;
// Events offered in the event filter at most: the newest, within the dates chosen.
const EVENT_CHOICES = 300;
// Events listed at once in the sidebar; more on request.
const EVENT_BATCH = 100;

export class LibraryView {
  constructor({ onOpenArticle, onOpenEvent, onSelectionChange }) {
    this.list = document.getElementById('library-list');
    this.eventList = document.getElementById('event-list');
    this.count = document.getElementById('article-count');
    this.search = document.getElementById('library-search');
    this.outletFilter = document.getElementById('filter-outlet');
    this.tagFilter = document.getElementById('filter-tag');
    this.groupFilter = document.getElementById('filter-group');
    this.eventFilter = document.getElementById('filter-event');
    this.sinceFilter = document.getElementById('filter-since');
    this.untilFilter = document.getElementById('filter-until');
    this.sort = document.getElementById('library-sort');
    this.clearFilters = document.getElementById('filter-clear');
    this.onOpenArticle = onOpenArticle;
    this.onOpenEvent = onOpenEvent;
    this.onSelectionChange = onSelectionChange;
    this.eventRows = [];
    this.articleCount = 0;
    this.selected = new Set();
    this.rows = [];
    this.page = null;
    this.generation = 0;
    this.sortChosen = false;
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
    this.outletFilter.addEventListener('change', () => this.runSearch());
    this.tagFilter.addEventListener('change', () => this.runSearch());
    this.groupFilter.addEventListener('change', () => this.runSearch());
    this.eventFilter.addEventListener('change', () => this.runSearch());
    for (const date of [this.sinceFilter, this.untilFilter]) {
      date.addEventListener('change', () => {
        this.fillEventChoices();
        this.runSearch();
      });
    }
    this.sort.addEventListener('change', () => {
      this.sortChosen = true;
      this.runSearch();
    });
    this.clearFilters.addEventListener('click', () => {
      this.outletFilter = setChoice(this.outletFilter, '', () => this.runSearch());
      this.tagFilter = setChoice(this.tagFilter, '', () => this.runSearch());
      this.groupFilter = setChoice(this.groupFilter, '', () => this.runSearch());
      this.eventFilter = setChoice(this.eventFilter, '', () => this.runSearch());
      for (const date of [this.sinceFilter, this.untilFilter]) date.value = '';
      this.sortChosen = false;
      this.fillEventChoices();
      this.runSearch();
      this.search.focus();
    });
  }

  clearLists() {
    this.eventRows = [];
    this.articleCount = 0;
    this.rows = [];
    this.page = null;
    this.selected.clear();
    clear(this.list);
    clear(this.eventList);
    this.count.textContent = '';
    this.onSelectionChange([]);
    fillChoices(this.outletFilter, 'All outlets', []);
    fillChoices(this.tagFilter, 'All tags', []);
    fillChoices(this.groupFilter, 'All groups', []);
    fillChoices(this.eventFilter, 'All events', []);
  }

  events() {
    return this.eventRows;
  }

  selectedIds() {
    return [...this.selected];
  }

  // Unchecks every article (after they moved to the trash).
  clearSelection() {
    this.selected.clear();
    this.renderWindow();
    this.onSelectionChange([]);
  }

  // Shows only the articles with `tag`.
  filterByTag(tag) {
    const offered = [...this.tagFilter.options].find((option) => option.value.toLowerCase() === tag.toLowerCase());
    if (!offered) return;
    this.tagFilter = setChoice(this.tagFilter, offered.value, () => this.runSearch());
    this.runSearch();
  }

  // Reads the events and outlets again and redraws the list with the filters as they are.
  async refresh() {
    const [events, outlets, tags, outletGroups] = await Promise.all([api.listEvents(), api.listOutlets(), api.listTags(), api.listOutletGroups()]);
    this.eventRows = events;
    // Every article is in exactly one event, so the events give the library's articles.
    const present = new Set(events.flatMap((event) => event.articles));
    this.articleCount = present.size;
    for (const id of [...this.selected]) if (!present.has(id)) this.selected.delete(id);
    this.renderEvents();
    fillChoices(this.outletFilter, 'All outlets', outlets.map((o) => [o.outlet, `${o.outlet} (${o.articles})`]));
    fillChoices(this.tagFilter, 'All tags', tags.map((t) => [t.tag, `${t.tag} (${t.articles})`]), true);
    fillChoices(this.groupFilter, 'All groups', groupChoices(outletGroups));
    this.groupFilter.hidden = this.groupFilter.options.length < 2;
    this.fillEventChoices();
    await this.runSearch();
    this.onSelectionChange(this.selectedIds());
  }

  // Offers the newest events within the dates chosen (a library can hold tens of thousands),
  // and always the one already chosen.
  fillEventChoices() {
    const since = this.sinceFilter.value;
    const until = this.untilFilter.value;
    const day = (event) => (event.first_published || '').slice(0, 10);
    const chosen = this.eventFilter.value;
    const offered = this.eventRows
      .filter((event) => (!since || day(event) >= since) && (!until || (day(event) && day(event) <= until)))
      .slice(0, EVENT_CHOICES);
    if (chosen && !offered.some((event) => String(event.id) === chosen)) {
      const kept = this.eventRows.find((event) => String(event.id) === chosen);
      if (kept) offered.push(kept);
    }
    fillChoices(this.eventFilter, 'All events', offered.map((e) => [String(e.id), `${e.title} (${e.articles.length})`]));
  }

  // Lists the events, newest first, a batch at a time: a library can hold tens of thousands.
  renderEvents(shown = EVENT_BATCH) {
    clear(this.eventList);
    for (const event of this.eventRows.slice(0, shown)) {
      const item = el('li', {
        class: 'event-item', 'data-testid': 'event-item', 'data-event-id': event.id, tabindex: 0,
        title: 'Compare the reports of this event',
        onclick: () => this.onOpenEvent(event),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.onOpenEvent(event, { keyboard: true }); } },
      }, el('span', { class: 'event-title', text: event.title }), el('span', { class: 'count', text: String(event.articles.length) }),
      this.eventActions(event));
      this.eventList.append(item);
    }
    const more = this.eventRows.length - shown;
    if (more > 0) {
      this.eventList.append(el('li', { class: 'event-more' },
        el('button', { type: 'button', 'data-testid': 'more-events', text: `Show ${Math.min(more, EVENT_BATCH)} more of ${more} older events`,
          onclick: () => {
            this.renderEvents(shown + EVENT_BATCH);
            this.eventList.querySelectorAll('[data-testid=event-item]')[shown]?.focus();
          } })));
    }
  }

  // An event's corrections: Rename… and Merge into…. Clicks and keys stay here, so they do not
  // open the event.
  eventActions(event) {
    const box = el('span', {
      class: 'event-actions', role: 'group', 'aria-label': `Correct the event ${event.title}`,
      onclick: (e) => e.stopPropagation(),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') e.stopPropagation(); },
    });
    const showButtons = (focus) => {
      const rename = el('button', { type: 'button', class: 'event-action', 'data-testid': 'event-rename', title: 'Rename this event', text: 'Rename…',
        onclick: () => this.startRenaming(box, event, showButtons) });
      const merge = el('button', { type: 'button', class: 'event-action', 'data-testid': 'event-merge', title: 'Merge this event into another', text: 'Merge into…',
        disabled: this.eventRows.length < 2, onclick: () => this.startMerging(box, event, showButtons) });
      box.replaceChildren(rename, merge);
      if (focus) (focus === 'merge' ? merge : rename).focus();
    };
    showButtons(null);
    return box;
  }

  // An inline field: Enter saves the new name, Escape leaves it as it was.
  startRenaming(box, event, showButtons) {
    const input = el('input', { type: 'text', class: 'event-rename-input', 'data-testid': 'event-rename-input',
      'aria-label': 'New name of the event', autocomplete: 'off' });
    input.value = event.title;
    input.addEventListener('keydown', async (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        showButtons('rename');
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const title = input.value.trim();
        if (!title || title === event.title) { showButtons('rename'); return; }
        try {
          await api.renameEvent(event.id, title);
          await this.changedEvents(event.id, 'event-rename');
        } catch (error) {
          showError(error);
        }
      }
    });
    box.replaceChildren(input);
    input.focus();
    input.select();
  }

  // A choice of the other listed events, then Merge to confirm (Escape or Cancel leaves it).
  startMerging(box, event, showButtons) {
    const others = this.eventRows.filter((other) => other.id !== event.id);
    const choice = el('select', { 'data-testid': 'event-merge-choice', 'aria-label': `Merge “${event.title}” into` },
      el('option', { value: '', text: 'Merge into…' }),
      ...others.map((other) => el('option', { value: String(other.id), text: `${other.title} (${other.articles.length})`, title: other.title })));
    const confirm = el('button', { type: 'button', 'data-testid': 'event-merge-confirm', text: 'Merge', disabled: true });
    const cancel = el('button', { type: 'button', 'data-testid': 'event-merge-cancel', text: 'Cancel', onclick: () => showButtons('merge') });
    choice.addEventListener('change', () => { confirm.disabled = !choice.value; });
    confirm.addEventListener('click', async () => {
      const into = Number(choice.value);
      if (!into) return;
      try {
        await api.mergeEvents(into, [event.id]);
        await this.changedEvents(into, 'event-item');
      } catch (error) {
        showError(error);
      }
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && box.contains(choice)) { e.preventDefault(); showButtons('merge'); }
    });
    box.replaceChildren(choice, confirm, cancel);
    choice.focus();
  }

  // After an event changed: the lists again, and focus back on the event that is left.
  async changedEvents(id, focus) {
    await this.refresh();
    const item = this.eventList.querySelector(`[data-testid=event-item][data-event-id="${id}"]`);
    if (!item) return;
    (focus === 'event-item' ? item : item.querySelector(`[data-testid=${focus}]`) || item).focus();
  }

  // The filters as the library takes them; the sort follows the search unless one was chosen.
  filters(query) {
    const relevance = this.sort.querySelector('option[value=relevance]');
    relevance.disabled = !query;
    if (!this.sortChosen) this.sort.value = query ? 'relevance' : 'newest';
    else if (!query && this.sort.value === 'relevance') this.sort.value = 'newest';
    const event = this.eventFilter.value;
    return {
      outlet: this.outletFilter.value || null,
      tag: this.tagFilter.value || null,
      group: this.groupFilter.value || null,
      event: event ? Number(event) : null,
      since: this.sinceFilter.value || null,
      until: this.untilFilter.value || null,
      sort: this.sort.value,
    };
  }

  // Shows the articles the search and the filters let through (all of them when there is
  // neither): the first page at once, the rest fetched as the list scrolls.
  async runSearch() {
    const query = this.search.value.trim();
    const filters = this.filters(query);
    const filtered = Boolean(filters.outlet || filters.tag || filters.group || filters.event !== null || filters.since || filters.until);
    this.clearFilters.hidden = !(filtered || this.sortChosen);
    const generation = ++this.generation;
    try {
      const first = await api.findArticles(query, filters, 0, PAGE);
      if (generation !== this.generation) return;
      this.page = { query, filters, generation, asked: new Set([0]) };
      const rows = new Array(first.total);
      first.articles.forEach((article, i) => { rows[i] = article; });
      this.rows = rows;
      this.narrowed = Boolean(query) || filtered;
      this.count.textContent = this.narrowed ? `(${rows.length} of ${this.articleCount})` : `(${rows.length})`;
      this.list.scrollTop = 0;
      this.renderWindow();
    } catch (error) {
      showError(error);
    }
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
      this.list.append(el('li', { class: 'empty', text: this.narrowed ? 'No article matches.' : 'No articles yet: press Open… or drop files here.' }));
      return;
    }
    this.fetchMissing(first, last);
    const spacer = el('li', { class: 'list-spacer', 'aria-hidden': 'true' });
    spacer.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.list.append(spacer);
    for (let index = first; index < last; index += 1) {
      const article = this.rows[index];
      const item = article ? this.renderItem(article) : el('li', { class: 'library-item loading', 'aria-busy': 'true', text: '…' });
      item.style.top = `${index * ROW_HEIGHT}px`;
      if (article && article.id === this.justImported) item.classList.add('just-imported');
      this.list.append(item);
    }
  }

  // Asks for the pages rows first..last need that were not asked for yet.
  fetchMissing(first, last) {
    if (!this.page) return;
    const { query, filters, generation, asked } = this.page;
    for (let page = Math.floor(first / PAGE); page * PAGE < last; page += 1) {
      if (asked.has(page)) continue;
      asked.add(page);
      api.findArticles(query, filters, page * PAGE, PAGE).then((found) => {
        if (generation !== this.generation) return;
        found.articles.forEach((article, i) => { this.rows[found.offset + i] = article; });
        this.renderWindow();
      }).catch(showError);
    }
  }

  renderItem(article) {
    const box = el('input', { type: 'checkbox', 'aria-label': `Select ${article.title}` });
    box.checked = this.selected.has(article.id);
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(article.id);
      else this.selected.delete(article.id);
      this.onSelectionChange(this.selectedIds());
    });
    const meta = [article.source !== article.title ? article.source : null, article.published ? article.published.slice(0, 10) : null].filter(Boolean).join(' · ');
    const open = el('button', { type: 'button', class: 'article-open', onclick: () => this.onOpenArticle(article.id) },
      el('span', { class: 'article-title', text: article.title }),
      el('span', { class: 'article-meta', text: meta }),
      article.snippet ? highlighted(article) : null);
    return el('li', { class: 'library-item', 'data-testid': 'library-item', 'data-article-id': article.id }, box, open);
  }

  // Marks an article just imported and brings it into view: the library says where it
  // stands when the list is not a search (a search's order is the search's own).
  async highlight(id) {
    this.justImported = id;
    let index = this.rows.findIndex((article) => article && article.id === id);
    if (index < 0 && this.page && !this.page.query) {
      const { generation, filters } = this.page;
      const position = await api.articlePosition(id, filters).catch(() => null);
      if (generation !== this.generation) return;
      if (position !== null && position !== undefined) index = position;
    }
    if (index >= 0) this.list.scrollTop = Math.max(0, index * ROW_HEIGHT - this.list.clientHeight / 2);
    this.renderWindow();
  }
}

// Chooses `value` in a select from the page's side, and returns the select to use from now on.
// WebKit fires `change` only when a person's choice differs from their previous one, even when
// the page changed the value meanwhile: choosing again what they had chosen before would go
// unheard. A fresh copy of the select (with `onChange` listening) forgets the previous choice.
function setChoice(select, value, onChange) {
  const fresh = select.cloneNode(true);
  fresh.value = value;
  fresh.addEventListener('change', onChange);
  select.replaceWith(fresh);
  return fresh;
}

// Replaces a select's choices, keeping the one chosen while it is still offered (`anyCase`: the
// same value written otherwise, as tags are).
function fillChoices(select, everything, choices, anyCase = false) {
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '', text: everything }),
    ...choices.map(([value, label]) => el('option', { value, text: label, title: label })));
  const same = (value) => (anyCase ? value.toLowerCase() === chosen.toLowerCase() : value === chosen);
  const kept = choices.find(([value]) => same(value));
  select.value = kept ? kept[0] : '';
}

// Every `dimension=group` some outlet is in, as filter choices (`leaning: left (2 outlets)`).
function groupChoices(outletGroups) {
  const counts = new Map();
  for (const outlet of outletGroups) {
    for (const [dimension, group] of Object.entries(outlet.groups)) {
      const key = `${dimension}=${group}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => {
    const [dimension, group] = key.split(/=(.*)/s);
    return [key, `${dimension}: ${group} (${count} outlet${count === 1 ? '' : 's'})`];
  });
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
