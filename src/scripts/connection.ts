import type { ClientStrings } from './strings';

/**
 * Offline reading: registers the service worker, asks it to keep this page's language, and
 * says quietly (a line at the foot of the window) when the page is being read without a connection.
 */
export function keepOffline(strings: ClientStrings): void {
  const note = document.createElement('p');
  note.className = 'connection-note';
  note.setAttribute('role', 'status');
  const show = (text: string) => {
    note.textContent = text;
    note.hidden = !text;
  };
  const update = () => show(navigator.onLine ? '' : strings['offline.notice']);
  document.querySelector('.site-header')?.after(note);
  addEventListener('online', update);
  addEventListener('offline', update);
  update();

  // Browsers allow service workers on https and on localhost only; elsewhere `register` fails quietly.
  if (!('serviceWorker' in navigator)) return;
  // The page's own language (the layout writes it on <html>), not its address's: offline, a page
  // never kept is shown as the offline page of a language that is. Asking to keep the address's
  // language would fail and leave an empty cache, which the next build's worker would take for a
  // language to keep.
  const locale = document.documentElement.dataset.locale;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string; added?: number }>) => {
    // Said once, the first time the language is kept; later visits stay silent.
    if (event.data?.type === 'locale-cached' && event.data.added && navigator.onLine) show(strings['offline.ready']);
  });
  // The page has loaded by now (the head script starts this script after that, src/lib/build/after-paint.ts),
  // so the worker's downloads never compete with the page's own.
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => locale && registration.active?.postMessage({ type: 'cache-locale', locale }))
    .catch(() => undefined);
}
