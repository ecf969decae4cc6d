import { fragmentId } from '../lib/browser/address';

/**
 * Follows the section being read, for two things: the "On this page" list marks it
 * (`aria-current`), and the language switcher's links carry its id, so a reader who switches
 * language lands on the same section, whether they arrived by a #link or simply scrolled there.
 */
export function followSection(links: Iterable<HTMLAnchorElement>): void {
  const anchors = [...links];
  const headings = [...document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]')];
  const toc = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  if (headings.length === 0) return;

  /**
   * The section being read among `list`: the last heading above the upper third of the
   * viewport, or the section named in the address when it is on screen (a section near the
   * page's end never reaches that line).
   */
  const current = (list: HTMLElement[]): string => {
    const line = innerHeight / 3;
    const hash = fragmentId(location.hash);
    let id = '';
    for (const h of list) {
      const top = h.getBoundingClientRect().top;
      if (top <= line || (h.id === hash && top < innerHeight)) id = h.id;
    }
    return id;
  };
  const sections = headings.filter((h) => toc.some((a) => a.hash === `#${h.id}`));
  const mark = () => {
    const id = current(sections);
    for (const a of toc) a.hash === `#${id}` ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current');
  };

  // Keep the written path (`/en/app/`) and change only its fragment.
  const bases = anchors.map((a) => (a.getAttribute('href') ?? '').split('#')[0]);
  const write = (id: string) => anchors.forEach((a, i) => a.setAttribute('href', id ? `${bases[i]}#${encodeURIComponent(id)}` : bases[i]!));

  // The switcher sits at the top of the page, so a reader scrolls back up to reach it. Only a
  // place where the reader pauses counts as "reading"; passing sections on the way up, or the
  // page top above every section, leave the section they were reading in the links.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  const scrolled = () => {
    // Scroll events come faster than frames: measure the headings once per frame at most.
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      mark();
    });
    clearTimeout(timer);
    timer = setTimeout(() => {
      const id = current(headings);
      if (id) write(id);
    }, 600);
  };
  const now = () => {
    mark();
    write(current(headings));
  };
  addEventListener('scroll', scrolled, { passive: true });
  addEventListener('hashchange', now);
  // Scroll restoration and #links have settled: this runs after the page's load (src/lib/build/after-paint.ts).
  now();
}
