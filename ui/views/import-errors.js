// The panel that lists every file an import could not read, one row each with its reason, until
// the user dismisses it.

import { el, clear } from '../dom.js';

// Rows drawn at most; the heading always gives the whole count.
const MOST_ROWS = 1000;

export class ImportErrorsView {
  constructor() {
    this.panel = document.getElementById('import-errors');
    this.title = document.getElementById('import-errors-title');
    this.list = document.getElementById('import-error-list');
    document.getElementById('import-errors-dismiss').addEventListener('click', () => this.dismiss());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.dismiss();
      }
    });
  }

  /** Shows the files of an import's report that failed, each with its reason. */
  show(failed) {
    clear(this.list);
    this.title.textContent = failed.length === 1
      ? '1 file could not be imported'
      : `${failed.length} files could not be imported`;
    for (const file of failed.slice(0, MOST_ROWS)) {
      const name = file.path.split(/[\\/]/).pop();
      this.list.append(el('li', { class: 'import-error', 'data-testid': 'import-error', tabindex: 0, 'data-path': file.path },
        el('span', { class: 'import-error-file', text: name, title: file.path }),
        el('span', { class: 'import-error-reason', text: file.error }),
        el('span', { class: 'import-error-path', text: file.path })));
    }
    if (failed.length > MOST_ROWS) {
      this.list.append(el('li', { class: 'empty', text: `and ${failed.length - MOST_ROWS} more` }));
    }
    this.panel.hidden = false;
  }

  /** Hides the panel; focus goes back to the page. */
  dismiss() {
    const hadFocus = this.panel.contains(document.activeElement);
    this.panel.hidden = true;
    clear(this.list);
    if (hadFocus) document.getElementById('main').focus();
  }
}
