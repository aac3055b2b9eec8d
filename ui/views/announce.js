// Says something to screen readers through the window's polite live region (#announcer).

/** Announces `text`; the same text said twice is announced twice. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = text; });
}
