// Zoom: Ctrl+plus, Ctrl+minus and Ctrl+0 (Cmd on macOS) zoom the whole window as a browser
// does (the webview's own zoom, so layout and measurements stay in step), remembered across
// restarts in the window's web storage.

import { announce } from './announce.js';

const KEY = 'parallax.zoom';
const LEVELS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

function apply(level) {
  document.documentElement.dataset.zoom = String(level);
  return window.__TAURI__.webview.getCurrentWebview().setZoom(level);
}

/** Applies the zoom remembered and listens for the zoom keys. */
export function setUpZoom() {
  let level = Number(localStorage.getItem(KEY));
  if (!LEVELS.includes(level)) level = 1;
  if (level !== 1) apply(level).catch(() => {});
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const at = LEVELS.indexOf(level);
    let next;
    if (event.key === '+' || event.key === '=') next = LEVELS[Math.min(at + 1, LEVELS.length - 1)];
    else if (event.key === '-' || event.key === '_') next = LEVELS[Math.max(at - 1, 0)];
    else if (event.key === '0') next = 1;
    else return;
    event.preventDefault();
    level = next;
    localStorage.setItem(KEY, String(level));
    apply(level).then(() => announce(`Zoom ${Math.round(level * 100)}%`)).catch(() => {});
  });
}
