// The export progress bar, for every export task: a comparison (comparing, each article read and each pair compared, then
// writing, bytes of the whole), a backup of the library (pages copied) and the library as JSON Lines (articles written);
// a cancel button, and the outcome: saved, cancelled (no file written) or failed (in the error banner).

import { api } from '../api.js';
import { showError } from './errors.js';

export class ExportProgressView {
  constructor({ onFinished }) {
    this.box = document.getElementById('export-progress');
    this.bar = document.getElementById('export-bar');
    this.status = document.getElementById('export-progress-status');
    this.cancel = document.getElementById('export-cancel');
    this.cancel.addEventListener('click', () => {
      this.cancel.disabled = true;
      this.status.textContent = 'Cancelling the export…';
      api.cancelExport().catch(showError);
    });
    this.listening = Promise.all([
      api.onExportProgress((progress) => this.update(progress)),
      api.onExportFinished((finished) => {
        this.finish(finished);
        onFinished(finished);
      }),
    ]);
  }

  update({ stage, done, total }) {
    clearTimeout(this.hideTimer);
    this.box.hidden = false;
    this.box.dataset.state = 'running';
    this.box.dataset.stage = stage;
    delete this.box.dataset.outcome;
    this.cancel.hidden = false;
    if (this.cancel.disabled) return;
    this.bar.max = Math.max(total, 1);
    this.bar.value = done;
    this.status.textContent = statusOf(stage, done, this.bar.max);
  }

  finish({ task, path, cancelled, message, error }) {
    this.cancel.disabled = false;
    this.cancel.hidden = true;
    this.box.dataset.state = 'done';
    const name = path.split(/[\\/]/).pop();
    if (error) {
      this.box.dataset.outcome = 'failed';
      this.box.hidden = true;
      showError(error);
      return;
    }
    this.box.dataset.outcome = cancelled ? 'cancelled' : 'saved';
    this.box.hidden = false;
    this.bar.max = 1;
    this.bar.value = cancelled ? 0 : 1;
    const what = task === 'backup' ? 'Backup' : 'Export';
    this.status.textContent = cancelled ? `${what} cancelled: ${name} was not written` : (message || `Saved ${name}`);
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => { this.box.hidden = true; }, 6000);
  }
}

function statusOf(stage, done, total) {
  const percent = `${Math.floor((100 * done) / total)}%`;
  if (stage === 'writing') return `Exporting: writing ${percent}`;
  if (stage === 'backing-up') return `Backing up the library: ${percent}`;
  if (stage === 'exporting-library') return `Exporting the library: article ${done} of ${total}`;
  return `Exporting: comparing, step ${done} of ${total}`;
}
