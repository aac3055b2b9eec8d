// The error banner: every failure the user should know of shows here, never only in a log.

const banner = document.getElementById('error-message');
const text = document.getElementById('error-text');
document.getElementById('error-dismiss').addEventListener('click', clearError);

/** Shows an error message (a string from a command, or an Error). */
export function showError(error) {
  text.textContent = typeof error === 'string' ? error : (error && error.message) || String(error);
  banner.hidden = false;
}

/** Hides the error banner. */
export function clearError() {
  banner.hidden = true;
  text.textContent = '';
}
