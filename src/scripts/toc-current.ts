/**
 * Marks the "On this page" link of the section being read (`aria-current="true"`): the last
 * section whose heading has passed the upper third of the screen, or the one the address names
 * when it is on screen (a section at the page's end never reaches that line). An
 * IntersectionObserver on the headings says when to look again, so scrolling costs nothing.
 */
export function markCurrentSection(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  const headings = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  const update = () => {
    const line = innerHeight / 3;
    let current = -1;
    headings.forEach((h, i) => {
      const top = h?.getBoundingClientRect().top ?? line;
      if (top < line || (h?.id === decodeURIComponent(location.hash.slice(1)) && top < innerHeight)) current = i;
    });
    links.forEach((a, i) => (i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current')));
  };
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -67% 0px' });
  headings.forEach((h) => h && observer.observe(h));
  addEventListener('hashchange', update);
}
