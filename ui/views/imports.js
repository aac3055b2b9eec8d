// The import progress bar: done / total, the current file, a cancel button, and the outcome;
// the files that failed go to the error panel.

import { api } from '../api.js';
import { showError } from './errors.js';
import { ImportErrorsView } from './import-errors.js';

export class ImportProgressView {
  constructor({ onFinished }) {
    this.errors = new ImportErrorsView();
    this.box = document.getElementById('import-progress');
    this.bar = document.getElementById('import-bar');
    this.status = document.getElementById('import-status');
    this.cancel = document.getElementById('import-cancel');
    this.cancel.addEventListener('click', () => {
      this.cancel.disabled = true;
      this.status.textContent = 'Cancelling…';
      api.cancelImport().catch(showError);
    });
    this.listening = Promise.all([
      api.onImportProgress((progress) => this.update(progress)),
      api.onImportFinished((finished) => {
        this.finish(finished);
        onFinished(finished.report);
      }),
    ]);
  }

  update({ done, total, current }) {
    this.box.hidden = false;
    this.box.dataset.state = 'running';
    this.cancel.hidden = false;
    this.bar.max = Math.max(total, 1);
    this.bar.value = done;
    const name = current ? current.split(/[\\/]/).pop() : '';
    this.status.textContent = `${done} of ${total}${name ? ` · ${name}` : ''}`;
  }

  finish({ report, error }) {
    this.cancel.disabled = false;
    this.cancel.hidden = true;
    this.box.dataset.state = 'done';
    if (error) {
      this.box.hidden = true;
      showError(error);
      return;
    }
    const parts = [`${report.imported.length} imported`];
    if (report.duplicates.length) parts.push(`${report.duplicates.length} already in the library`);
    if (report.failed.length) parts.push(`${report.failed.length} failed`);
    if (report.cancelled) parts.push('cancelled');
    this.box.hidden = false;
    this.bar.max = 1;
    this.bar.value = 1;
    this.status.textContent = parts.join(' · ');
    if (report.failed.length) this.errors.show(report.failed);
    // The library itself failed (the disk full, the file moved): said once, above the list.
    if (report.stopped) {
      parts.push('stopped');
      this.status.textContent = parts.join(' · ');
      showError(`The import stopped: ${report.stopped}`);
    }
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => { this.box.hidden = true; }, 6000);
  }
}
