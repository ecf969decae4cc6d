import { THEME_KEY } from '../lib/browser/head-script';
import type { ClientStrings } from './strings';

type Theme = 'light' | 'dark';

/**
 * The theme toggle: the page follows `prefers-color-scheme` until the reader picks a theme,
 * which is remembered on the device and applied before the first paint by the head script.
 */
export function wireThemeToggle(strings: ClientStrings): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!toggle) return;
  const root = document.documentElement;
  const system = matchMedia('(prefers-color-scheme: dark)');
  const current = (): Theme => (root.dataset.theme as Theme | undefined) ?? (system.matches ? 'dark' : 'light');
  const label = () => {
    const text = current() === 'dark' ? strings['theme.toLight'] : strings['theme.toDark'];
    toggle.setAttribute('aria-label', text);
    // The name says what a press does, so no aria-pressed: "Switch to light theme, pressed" contradicts itself.
    toggle.title = text;
  };
  toggle.addEventListener('click', () => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Private mode may refuse storage: the choice still holds for this page.
    }
    label();
  });
  system.addEventListener('change', label);
  label();
}
