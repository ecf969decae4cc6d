import { fillTemplate } from '../lib/browser/format';
import { announce } from './announce';
import type { ClientStrings } from './strings';

/** A tool button; its icon is drawn by the stylesheet (`.section-copy::before`), keeping this script small. */
function button(className: string, label: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('aria-label', label);
  b.title = label;
  return b;
}

/** The section's address to share: this page, without any query, with `#id`. */
export function sectionUrl(id: string, page: Location = location): string {
  return `${page.origin}${page.pathname}#${encodeURIComponent(id)}`;
}

/** Shows the address selected in a field, for a browser that refuses the clipboard. */
function showFallback(tools: HTMLElement, url: string, message: string): void {
  let box = tools.querySelector<HTMLElement>('.copy-fallback');
  if (!box) {
    box = document.createElement('p');
    box.className = 'copy-fallback';
    const input = document.createElement('input');
    input.readOnly = true;
    input.setAttribute('aria-label', message);
    box.append(message, input);
    tools.append(box);
  }
  const input = box.querySelector('input')!;
  input.value = url;
  input.focus();
  input.select();
}

/**
 * Gives every section heading a button that copies the section's address, and where the
 * browser can share (phones, mostly) a share button. Both sit beside the heading in its
 * `.section-head`, named in the page's language.
 */
export function addSectionTools(strings: ClientStrings): void {
  for (const head of document.querySelectorAll<HTMLElement>('.section-head')) {
    const heading = head.querySelector<HTMLElement>(':scope > [id]');
    if (!heading) continue;
    const title = heading.textContent?.trim() ?? '';
    const url = () => sectionUrl(heading.id);
    const tools = document.createElement('div');
    tools.className = 'section-tools';

    const copy = button('section-copy', fillTemplate(strings['share.copy'], { section: title }));
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(url());
        copy.dataset.copied = strings['share.copied'];
        announce(strings['share.copied']);
        setTimeout(() => delete copy.dataset.copied, 2000);
      } catch {
        showFallback(tools, url(), strings['share.copyFailed']);
        announce(strings['share.copyFailed']);
      }
    });
    tools.append(copy);

    if (typeof navigator.share === 'function') {
      const share = button('section-share', fillTemplate(strings['share.share'], { section: title }));
      share.addEventListener('click', () => {
        navigator.share({ title: `${title} · ${document.title}`, url: url() }).catch(() => undefined);
      });
      tools.append(share);
    }
    head.append(tools);
  }
}
