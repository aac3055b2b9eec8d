// Light, dark and high-contrast themes: the system's by default, or the one the user picks
// (remembered). Under the system's theme, a system asking for more contrast gets the
// high-contrast one; forced colours (Windows high contrast) are the stylesheet's own.

const THEMES = ['system', 'light', 'dark', 'contrast'];
const NAMES = { system: 'system', light: 'light', dark: 'dark', contrast: 'high contrast' };
const KEY = 'parallax.theme';
const MORE_CONTRAST = window.matchMedia('(prefers-contrast: more)');

function apply(button, theme) {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  // The system's wish for more contrast counts only while the user has not picked a theme.
  if (theme === 'system' && MORE_CONTRAST.matches) root.dataset.systemContrast = '';
  else delete root.dataset.systemContrast;
  button.textContent = `Theme: ${NAMES[theme]}`;
}

/** Makes `button` cycle through the system, light, dark and high-contrast themes. */
export function setUpThemeSwitch(button) {
  let theme = localStorage.getItem(KEY);
  if (!THEMES.includes(theme)) theme = 'system';
  apply(button, theme);
  button.addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    localStorage.setItem(KEY, theme);
    apply(button, theme);
  });
  MORE_CONTRAST.addEventListener('change', () => apply(button, theme));
}
