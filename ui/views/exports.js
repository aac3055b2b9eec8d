// The export progress bar: comparing (each article read, each pair compared), then writing (bytes written of the whole), a cancel
// button, and the outcome: saved, cancelled (no file written) or failed (in the error banner).

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
    this.status.textContent = stage === 'writing'
      ? `Exporting: writing ${Math.floor((100 * done) / this.bar.max)}%`
      : `Exporting: comparing, step ${done} of ${total}`;
  }

  finish({ path, cancelled, error }) {
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
    this.status.textContent = cancelled ? `Export cancelled: ${name} was not written` : `Saved ${name}`;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => { this.box.hidden = true; }, 6000);
  }
}
