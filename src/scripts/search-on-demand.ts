import { loadModule } from './load-module';
import searchUrl from './run-search?worker&url';
/**
 * The search field without the search code: it loads `search.ts` (and with it Pagefind) only
 * when the reader reaches for search, by focusing or typing in the field, by `/` or Ctrl/⌘+K
 * anywhere on the page, or by opening a search page with `?q=` in its address.
 */
export function searchOnDemand(): void {
  // The search starts as its module arrives; later calls find the module loaded and do nothing.
  const load = () => loadModule(searchUrl);
  const forms = [...document.querySelectorAll<HTMLFormElement>('[data-search-form]')];
  for (const form of forms) {
    const input = form.querySelector('input');
    input?.addEventListener('focus', load, { once: true });
    input?.addEventListener('input', load, { once: true });
    // This script starts after the first paint: a reader may be in the field already.
    if (input && (document.activeElement === input || input.value)) void load();
    if (form.dataset.mode === 'page' && new URLSearchParams(location.search).get('q')) void load();
  }
  const field = forms[0]?.querySelector<HTMLInputElement>('input[type="search"]');
  if (!field) return;
  document.addEventListener('keydown', (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.altKey) return;
    const target = event.target as HTMLElement | null;
    const typing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey;
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    if (!slash && !commandK) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
}
