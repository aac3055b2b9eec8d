// The error banner: every failure the user should know of shows here, never only in a log.

const banner = document.getElementById('error-message');
const text = document.getElementById('error-text');
document.getElementById('error-dismiss').addEventListener('click', clearError);

const goneHandlers = [];

/** Calls `handler` whenever an error says something shown is no longer in the library. */
export function whenSomethingIsGone(handler) {
  goneHandlers.push(handler);
}

/** Shows an error message (a string, an Error, or a command's `{kind, message}` error) and acts
 * on its kind: what is shown is refreshed when the error says it is gone. */
export function showError(error) {
  text.textContent = typeof error === 'string' ? error : (error && error.message) || String(error);
  banner.dataset.kind = (error && error.kind) || '';
  banner.hidden = false;
  if (error && error.kind === 'not_found') goneHandlers.forEach((handler) => handler());
}

/** Hides the error banner. */
export function clearError() {
  banner.hidden = true;
  text.textContent = '';
}
