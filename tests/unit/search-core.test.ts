import { describe, expect, it } from 'vitest';
import { searchGuide, type EnginePage, type EngineResult, type SearchEngine } from '../../src/lib/browser/search-core';
import { WORD_BREAK } from '../../src/lib/browser/segment';

/** A page of the fake site: its title, and its sections as heading → text. */
interface FakePage {
  id: string;
  url: string;
  title: string;
  sections: Record<string, string>;
}

/**
 * A stand-in for Pagefind with its matching rules, small enough to read: a quoted query matches
 * pages holding the exact text; plain words match pages holding every word as a word start (in
 * any case). Results come in the order of how often the words occur. It records every query and
 * every page whose data was read.
 */
function fakeEngine(pages: FakePage[]) {
  const queries: string[] = [];
  const read: string[] = [];
  const textOf = (p: FakePage) => [p.title, ...Object.entries(p.sections).flat()].join('\n').toLowerCase();
  const count = (p: FakePage, q: string): number => {
    const text = textOf(p);
    const needles = [...q.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => ({ exact: m[1] !== undefined, text: (m[1] ?? m[2]!).toLowerCase() }));
    let hits = 0;
    for (const n of needles) {
      const found = n.exact ? text.split(n.text).length - 1 : (text.match(new RegExp(`(^|[^\\p{L}])${n.text}`, 'gu')) ?? []).length;
      if (found === 0) return 0;
      hits += found;
    }
    return hits;
  };
  const data = (p: FakePage): EnginePage => {
    const anchors = Object.keys(p.sections).map((heading, i) => ({ element: 'h2', id: `s${i}`, text: heading }));
    return {
      url: p.url,
      excerpt: '',
      meta: { title: p.title },
      anchors,
      sub_results: Object.entries(p.sections).map(([heading, text], i) => ({ title: heading, url: `${p.url}#s${i}`, excerpt: text, locations: [i] })),
    };
  };
  const engine: SearchEngine = {
    async search(q) {
      queries.push(q);
      const results: EngineResult[] = pages
        .map((p) => ({ p, n: count(p, q) }))
        .filter(({ n }) => n > 0)
        .sort((a, b) => b.n - a.n)
        .map(({ p }) => ({ id: p.id, data: async () => (read.push(p.id), data(p)) }));
      return { results };
    },
  };
  return { engine, queries, read };
}

const site: FakePage[] = [
  { id: 'p-index', url: '/en/', title: 'Closing a travel eSIM', sections: { 'Before you start': 'Keep your order number. You may get a refund.' } },
  { id: 'p-prep', url: '/en/preparation/', title: 'Before you delete', sections: { 'Request a refund': 'Ask the seller for a refund before you delete the eSIM.', 'Auto top-up': 'Turn off auto top-up.' } },
  { id: 'p-app', url: '/en/app/', title: 'In the app', sections: { 'Delete the account': 'Open settings and delete the account.', 'Money back': 'Sellers rarely pay money back once used.' } },
  { id: 'p-scams', url: '/en/pitfalls/', title: 'Scams to avoid', sections: { 'Fake support': 'Nobody official asks for your password. A refund never needs it.' } },
];
const outline = Object.fromEntries(site.map((p) => [p.id, [p.title, ...Object.keys(p.sections)]]));

describe('the search core, with a fake engine', () => {
  it('ranks the page whose heading names the word above pages that only mention it', async () => {
    const { engine } = fakeEngine(site);
    const pages = await searchGuide('refund', { engine, language: 'en', pages: outline });
    expect(pages.map((p) => p.url)).toEqual(['/en/preparation/', '/en/', '/en/pitfalls/']);
    // …and opens that page at the section whose heading names it.
    expect(pages[0]!.sub_results[0]!.url).toBe('/en/preparation/#s0');
  });

  it('shows at most three pages, and reads the data of those only when the outline knows every page', async () => {
    const { engine, read } = fakeEngine(site);
    const pages = await searchGuide('refund', { engine, language: 'en', pages: outline });
    expect(pages).toHaveLength(3);
    expect(read.sort()).toEqual(['p-index', 'p-prep', 'p-scams']);
    const one = fakeEngine(site);
    await searchGuide('refund', { engine: one.engine, language: 'en', pages: outline, maxPages: 1 });
    expect(one.read).toEqual(['p-prep']);
  });

  it('reads a page’s data to rank it when the outline lacks it (an outline of another build)', async () => {
    const { engine, read } = fakeEngine(site);
    const { 'p-app': _, ...partial } = outline;
    const pages = await searchGuide('delete account', { engine, language: 'en', pages: partial });
    expect(pages[0]!.url).toBe('/en/app/');
    expect(read).toContain('p-app');
  });

  it('finds a page by a synonym of the reader’s word, and never asks for forms no page holds', async () => {
    const { engine, queries } = fakeEngine(site);
    const synonyms = [['reimbursement', 'money back', 'cashback']];
    const pages = await searchGuide('reimbursement', { engine, language: 'en', pages: outline, synonyms, absent: ['cashback', 'reimbursement'] });
    expect(pages.map((p) => p.url)).toEqual(['/en/app/']);
    expect(pages[0]!.sub_results[0]!.title).toBe('Money back');
    expect(queries).toEqual(['"money back"']);
  });

  it('asks the engine each distinct query once', async () => {
    const { engine, queries } = fakeEngine(site);
    await searchGuide('refund', { engine, language: 'en', pages: outline, synonyms: [['refund', 'refunds'], ['refund', 'money back']] });
    expect(queries.length).toBe(new Set(queries).size);
  });

  it('puts a page holding the whole phrase first', async () => {
    const { engine } = fakeEngine(site);
    const pages = await searchGuide('delete the account', { engine, language: 'en', pages: outline });
    expect(pages[0]!.url).toBe('/en/app/');
  });

  it('asks nothing for a query without words', async () => {
    const { engine, queries } = fakeEngine(site);
    expect(await searchGuide('  ?! ', { engine, language: 'en', pages: outline })).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('searches Chinese by exact words, so 注销 never matches 注册 and 销售 apart', async () => {
    const zh: FakePage[] = [
      { id: 'a', url: '/zh-hans/app/', title: '在应用里', sections: { 注销账号: '在设置里注销。' } },
      { id: 'b', url: '/zh-hans/website/', title: '在网站上', sections: { 注册: '注册和销售。' } },
    ];
    const { engine, queries } = fakeEngine(zh);
    const pages = await searchGuide('注销', { engine, language: 'zh-Hans', pages: {} });
    expect(pages.map((p) => p.url)).toEqual(['/zh-hans/app/']);
    expect(queries.every((q) => q.startsWith('"'))).toBe(true);
  });

  it('shows Khmer results without the word breaks the index needed', async () => {
    const km: FakePage[] = [{ id: 'k', url: '/km/app/', title: `លុប${WORD_BREAK}គណនី`, sections: { [`លុប${WORD_BREAK}គណនី`]: `ចុច${WORD_BREAK}លុប` } }];
    const { engine } = fakeEngine(km);
    const [page] = await searchGuide('លុបគណនី', { engine, language: 'km', pages: {} });
    expect(page!.meta.title).toBe('លុបគណនី');
    expect(JSON.stringify(page)).not.toContain(WORD_BREAK);
  });
});
