// Light and dark themes: the system's by default, or the one the user picks (remembered).

const THEMES = ['system', 'light', 'dark'];
const KEY = 'parallax.theme';

function apply(button, theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.textContent = `Theme: ${theme}`;
}

/** Makes `button` cycle through the system, light and dark themes. */
export function setUpThemeSwitch(button) {
  let theme = localStorage.getItem(KEY);
  if (!THEMES.includes(theme)) theme = 'system';
  apply(button, theme);
  button.addEventListener('click', () => {
    theme = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
    localStorage.setItem(KEY, theme);
    apply(button, theme);
  });
}
