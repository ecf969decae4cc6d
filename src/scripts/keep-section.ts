/**
 * Keeps the reader's section when they switch language: the switcher links carry the id of the
 * section being read, whether the reader arrived by a #link or simply scrolled there.
 */
export function keepSectionInLinks(links: Iterable<HTMLAnchorElement>): void {
  const anchors = [...links];
  const headings = [...document.querySelectorAll<HTMLElement>('.prose :is(h2, h3)[id]')];
  if (anchors.length === 0 || headings.length === 0) return;

  /**
   * The section being read: the last heading above the upper third of the viewport, or the
   * section named in the address when it is on screen (a section near the page's end never
   * reaches that line).
   */
  const current = (): string => {
    const line = window.innerHeight / 3;
    let index = -1;
    headings.forEach((h, i) => {
      if (h.getBoundingClientRect().top <= line) index = i;
    });
    const target = headings.findIndex((h) => h.id === decodeURIComponent(location.hash.slice(1)));
    const top = target >= 0 ? headings[target]!.getBoundingClientRect().top : -1;
    if (target > index && top >= 0 && top < window.innerHeight) index = target;
    return index >= 0 ? headings[index]!.id : '';
  };

  // Keep the written path (`/en/app/`) and change only its fragment.
  const bases = anchors.map((a) => (a.getAttribute('href') ?? '').split('#')[0]);
  const write = (id: string) => anchors.forEach((a, i) => a.setAttribute('href', id ? `${bases[i]}#${encodeURIComponent(id)}` : bases[i]!));

  // The switcher sits at the top of the page, so a reader scrolls back up to reach it. Only a
  // place where the reader pauses counts as "reading"; passing sections on the way up, or the
  // page top above every section, leave the section they were reading in the links.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const id = current();
      if (id) write(id);
    }, 600);
  };
  const now = () => write(current());
  addEventListener('scroll', settle, { passive: true });
  addEventListener('hashchange', now);
  // Scroll restoration and #links settle after load; read the position once they have.
  addEventListener('load', now);
  now();
}
