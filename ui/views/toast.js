// A short message at the bottom of the window, with an optional action (Undo); it leaves after
// a while, or when another takes its place.

import { el } from '../dom.js';

const region = el('div', { class: 'toast-region', role: 'status', 'aria-live': 'polite' });
document.body.append(region);

/** Shows `message`; `action` is `{ label, run }`. */
export function showToast(message, action = null, seconds = 10) {
  clearTimeout(region.timer);
  const toast = el('div', { class: 'toast', 'data-testid': 'toast' }, el('span', { 'data-testid': 'toast-message', text: message }));
  if (action) {
    toast.append(el('button', { type: 'button', 'data-testid': 'toast-action', text: action.label,
      onclick: () => { hideToast(); action.run(); } }));
  }
  toast.append(el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss', text: '×', onclick: hideToast }));
  region.replaceChildren(toast);
  region.timer = setTimeout(hideToast, seconds * 1000);
}

export function hideToast() {
  clearTimeout(region.timer);
  region.replaceChildren();
}
