/**
 * The guide's benchmark, `npm run bench`: README.md (at `npm run bench`) says what it measures and how.
 * `npm run bench -- --help` lists the options.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, devices, type Browser, type Page } from '@playwright/test';
import { localeCodes, pagefindIndex, type Locale } from '../src/i18n/locales.ts';
import { pageSlugs } from '../src/lib/content/topics.ts';
import { chromiumArgs, chromiumPath } from './lib/browser.ts';
import { firstLoad, firstSearch, servedSizes, type LoadWeight, type SearchWeight, type Weight } from './lib/page-weight.ts';
import { readSearchCases } from './lib/search-cases.ts';
import { searchQuality, type QualityRow } from './lib/search-quality.ts';
import { resolveRequest, serveStatic } from './lib/static-server.ts';
import { installPeer, linkNodeModules, makePeerProject, MODULE_CACHES, STARLIGHT_VERSION } from './bench-peer.ts';
import { writeSyntheticPages } from './bench-synthetic.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Progress on stderr: one line rewritten in a terminal, the phases only in a log. */
const progress = {
  step(text: string, last = false) {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}${last ? '\n' : ''}`);
    else if (last) process.stderr.write(`${text}\n`);
  },
  line(text: string) {
    process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`);
  },
};

/** The budgets the table marks with `!` (KB = 1,024 bytes). */
const BUDGET = { loadGzip: 15 * 1024, loadRequests: 3, scriptGzip: 3 * 1024, searchGzip: 110 * 1024 };

/** A first search per locale: "refund", as a reader of each language would type it. */
const QUERIES: Record<Locale, string> = {
  'zh-hans': '申请退款',
  'zh-hant': '退款',
  en: 'refund',
  ja: '返金',
  ko: '환불',
  th: 'คืนเงิน',
  vi: 'hoàn tiền',
  km: 'សងប្រាក់វិញ',
};

type Kind = 'overview' | 'topic' | 'search' | '404' | 'offline' | 'chooser';

/** One page of each kind for Lighthouse. Lighthouse refuses a document answered with status 404, so the not-found page is opened at its own address. */
const LIGHTHOUSE_PAGES: { path: string; kind: Kind }[] = [
  { path: '/en/', kind: 'overview' },
  { path: '/en/app/', kind: 'topic' },
  { path: '/km/app/', kind: 'topic' },
  { path: '/en/search/', kind: 'search' },
  { path: '/en/404/', kind: '404' },
  { path: '/', kind: 'chooser' },
];

// ---------------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------------

interface Options {
  scale?: number[];
  out: string;
  lighthouse: boolean;
  lighthouseRuns: number;
  keep: boolean;
  allQueries: boolean;
  /** Whether the build comparison with Starlight runs: by default in the default mode, not in the scale mode. */
  peer: boolean;
  peerOnly: boolean;
  searchOnly: boolean;
}

const USAGE = `Usage: npm run bench [-- options]   (what each table measures: README.md, under "npm run bench")
  --scale N,M,…          the scale mode: throw-away copies with N, M… synthetic articles per locale
  --out FILE             where the JSON goes (default: bench-results.json in the project)
  --no-lighthouse        skip the Lighthouse runs
  --lighthouse-runs N    Lighthouse runs per page, the median reported (default: 5)
  --all-queries          also a first search for every test query
  --peer, --no-peer      with or without the build comparison with Starlight (default: with, but not with --scale)
  --peer-only            only the build comparison with Starlight
  --search-only          only the search-quality table, on the dist/ already built (seconds)
  --keep                 keep the throw-away copies
  --help                 this text`;

/** Exits with the message and the usage, as a command does when it is called wrongly. */
function usageError(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

/** The command line, read strictly: an unknown option or a bad value stops with exit code 2. */
function readOptions(args: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      options: {
        scale: { type: 'string' },
        out: { type: 'string' },
        lighthouse: { type: 'boolean', default: true },
        'lighthouse-runs': { type: 'string', default: '5' },
        'all-queries': { type: 'boolean', default: false },
        peer: { type: 'boolean' },
        'peer-only': { type: 'boolean', default: false },
        'search-only': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    usageError((error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const wholeNumbers = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);
  const scale = values.scale?.split(',').map(wholeNumbers);
  if (scale?.some(Number.isNaN)) usageError(`--scale takes whole numbers separated by commas, e.g. --scale 10,100,1000 (got "${values.scale}")`);
  const lighthouseRuns = wholeNumbers(values['lighthouse-runs']);
  if (!(lighthouseRuns >= 1)) usageError(`--lighthouse-runs takes a whole number of at least 1 (got "${values['lighthouse-runs']}")`);
  if (values['peer-only'] && scale) usageError('--peer-only and --scale are two different modes: give one');
  if (values['peer-only'] && values.peer === false) usageError('--peer-only and --no-peer contradict each other');
  if (values['search-only'] && (scale || values['peer-only'])) usageError('--search-only is a mode of its own: give it alone');
  return {
    scale,
    out: values.out ? resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : join(root, 'bench-results.json'),
    lighthouse: values.lighthouse,
    lighthouseRuns,
    keep: values.keep,
    allQueries: values['all-queries'],
    peer: values.peer ?? !scale,
    peerOnly: values['peer-only'],
    searchOnly: values['search-only'],
  };
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/** Runs `astro build` in `dir` and returns its wall time; throws with the build's output on failure. */
function build(dir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<number> {
  const astro = join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const start = performance.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [astro, 'build', ...extraArgs], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) ok(performance.now() - start);
      else fail(new Error(`astro build failed in ${dir} (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring in the browser
// ---------------------------------------------------------------------------------------------

const phone = devices['Pixel 7']!;

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}

/** Runs `run` with a page in a fresh phone-sized context (nothing cached), closed afterwards. */
async function inFreshContext<T>(browser: Browser, serviceWorkers: 'allow' | 'block', run: (page: Page) => Promise<T>): Promise<T> {
  const { defaultBrowserType: _, ...device } = phone;
  const context = await browser.newContext({ ...device, serviceWorkers });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

/**
 * Waits until the service worker has kept the locale for offline reading: its cache for the
 * locale holds entries (`cache.addAll` stores all or nothing), or 60 s have passed.
 */
function offlineCopyKept(locale: Locale): (page: Page) => Promise<unknown> {
  return (page) =>
    page.waitForFunction(
      async (code) => {
        for (const name of await caches.keys()) if (name.endsWith(`-${code}`) && (await (await caches.open(name)).keys()).length > 0) return true;
        return false;
      },
      locale,
      { timeout: 60_000, polling: 250 },
    );
}

interface PageRow {
  path: string;
  kind: Kind;
  locale?: Locale;
  load: LoadWeight;
}

interface SearchRow extends SearchWeight {
  locale: Locale;
  query: string;
  from: string;
}

interface OfflineRow {
  locale: Locale;
  /** What the service worker fetched after the first load of the locale's overview. */
  worker: Weight;
}

function pagesToWeigh(): { path: string; kind: Kind; locale?: Locale }[] {
  const pages: { path: string; kind: Kind; locale?: Locale }[] = [];
  for (const locale of localeCodes) {
    for (const slug of pageSlugs) pages.push({ path: slug === 'index' ? `/${locale}/` : `/${locale}/${slug}/`, kind: slug === 'index' ? 'overview' : 'topic', locale });
    pages.push({ path: `/${locale}/search/`, kind: 'search', locale });
    pages.push({ path: `/${locale}/no-such-page/`, kind: '404', locale });
    pages.push({ path: `/${locale}/offline/`, kind: 'offline', locale });
  }
  pages.push({ path: '/', kind: 'chooser' });
  pages.push({ path: '/no-such-page/', kind: '404' });
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------

interface LighthouseRun {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpSeconds: number;
  runtimeError?: string;
}

/** One page's Lighthouse runs: the median of each measure, LCP's range, and every run. */
interface LighthouseRow extends LighthouseRun {
  path: string;
  kind: Kind;
  lcpMin: number;
  lcpMax: number;
  runs: LighthouseRun[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Lighthouse `runs` times on `url`, each in a fresh browser, summed up by medians. */
async function lighthouseRow(page: { path: string; kind: Kind }, url: string, runs: number): Promise<LighthouseRow> {
  const all: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) all.push(await runLighthouse(url));
  const of = (key: keyof Omit<LighthouseRun, 'runtimeError'>) => median(all.map((r) => r[key]));
  const lcps = all.map((r) => r.lcpSeconds);
  return {
    ...page,
    performance: of('performance'),
    accessibility: of('accessibility'),
    bestPractices: of('bestPractices'),
    seo: of('seo'),
    lcpSeconds: of('lcpSeconds'),
    lcpMin: Math.min(...lcps),
    lcpMax: Math.max(...lcps),
    runtimeError: all.find((r) => r.runtimeError)?.runtimeError,
    runs: all,
  };
}

async function runLighthouse(url: string): Promise<LighthouseRun> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: [...chromiumArgs, '--headless=new'], logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpSeconds: (lhr.audits['largest-contentful-paint']?.numericValue ?? NaN) / 1000,
      runtimeError: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : undefined,
    };
  } finally {
    chrome.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

const kb = (bytes: number | undefined) => (bytes === undefined ? '' : (bytes / 1024).toFixed(1));
const over = (text: string, value: number, limit: number) => (value > limit ? `${text}!` : text);

/** A Markdown table with right-aligned number columns, padded for reading in a terminal. */
function table(head: string[], rows: string[][], leftColumns = 1): string {
  const width = (s: string) => [...s].length;
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => (i < leftColumns ? s + ' '.repeat(widths[i]! - width(s)) : ' '.repeat(widths[i]! - width(s)) + s);
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < leftColumns ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...rows.map((r) => line(head.map((_, i) => r[i] ?? '')))].join('\n');
}

function siteTable(pages: PageRow[], searches: SearchRow[], offline: OfflineRow[], lighthouse: LighthouseRow[]): string {
  const head = ['page', 'kind', 'load gz', 'load br', 'req', 'script gz', 'search gz', 'search br', 'req', 'ms', 'SW copy gz', 'SW req', 'LH perf', 'a11y', 'BP', 'SEO', 'LCP s', 'LCP range'];
  const rows = pages.map((p) => {
    const s = p.kind === 'overview' ? searches.find((x) => x.locale === p.locale) : undefined;
    const o = p.kind === 'overview' ? offline.find((x) => x.locale === p.locale) : undefined;
    const lhPath = p.kind === '404' && p.locale ? `/${p.locale}/404/` : p.path;
    const lh = lighthouse.find((x) => x.path === lhPath);
    return [
      p.path,
      p.kind,
      over(kb(p.load.totalGzip), p.load.totalGzip, BUDGET.loadGzip),
      kb(p.load.totalBrotli),
      over(String(p.load.count), p.load.count, BUDGET.loadRequests),
      over(kb(p.load.scriptGzip), p.load.scriptGzip, BUDGET.scriptGzip),
      s ? over(kb(s.totalGzip), s.totalGzip, BUDGET.searchGzip) : '',
      s ? kb(s.totalBrotli) : '',
      s ? String(s.count) : '',
      s ? String(s.ms) : '',
      o ? kb(o.worker.totalGzip) : '',
      o ? String(o.worker.count) : '',
      ...(lh
        ? [String(lh.performance), String(lh.accessibility), String(lh.bestPractices), String(lh.seo), lh.lcpSeconds.toFixed(2), `${lh.lcpMin.toFixed(2)}–${lh.lcpMax.toFixed(2)}`]
        : ['', '', '', '', '', '']),
    ];
  });
  return table(head, rows, 2);
}

// ---------------------------------------------------------------------------------------------
// Results file
// ---------------------------------------------------------------------------------------------

function about(): { date: string; commit: string; node: string; lighthouse: string; machine: string } {
  const git = (args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const lighthouseVersion = (() => {
    try {
      return JSON.parse(readFileSync(join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version as string;
    } catch {
      return '';
    }
  })();
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain']) ? '+uncommitted' : ''),
    node: process.version,
    lighthouse: lighthouseVersion,
    // Timings (build, search ms, Lighthouse performance) mean little on a busy machine: say how busy it was.
    machine: `${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)} at the start`,
  };
}

function save(out: string, key: 'site' | 'scale' | 'build', value: unknown): void {
  let results: Record<string, unknown> = {};
  if (existsSync(out)) {
    try {
      results = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      results = {};
    }
  }
  results[key] = value;
  writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
}

// ---------------------------------------------------------------------------------------------
// The default mode
// ---------------------------------------------------------------------------------------------

async function benchSite(options: Options): Promise<void> {
  const info = about();
  progress.step('Building the site…');
  const buildMs = await build(root);
  progress.line(`Built the site in ${(buildMs / 1000).toFixed(1)} s`);
  const dist = join(root, 'dist');
  const server = await serveStatic(dist);
  const browser = await launch();
  const chromiumVersion = browser.version();
  const pages: PageRow[] = [];
  const searches: SearchRow[] = [];
  const offline: OfflineRow[] = [];
  const lighthouse: LighthouseRow[] = [];
  const allQueries: { rows: QueryRow[]; over: string[] } = { rows: [], over: [] };
  try {
    const list = pagesToWeigh();
    for (const [i, p] of list.entries()) {
      progress.step(`First loads: ${i + 1}/${list.length} ${p.path}`, i === list.length - 1);
      pages.push({ ...p, load: await inFreshContext(browser, 'block', (page) => firstLoad(page, server.url + p.path, { root: dist })) });
    }
    for (const [i, locale] of localeCodes.entries()) {
      progress.step(`First searches and offline copies: ${locale}`, i === localeCodes.length - 1);
      const from = `/${locale}/`;
      const query = QUERIES[locale];
      const search = await inFreshContext(browser, 'block', async (page) => {
        await firstLoad(page, server.url + from, { root: dist });
        return firstSearch(page, query, { root: dist });
      });
      searches.push({ locale, query, from, ...search });
      const load = await inFreshContext(browser, 'allow', (page) => firstLoad(page, server.url + from, { root: dist, until: offlineCopyKept(locale) }));
      offline.push({ locale, worker: load.serviceWorker });
    }
    if (options.allQueries) {
      const sets = [readSearchCases('search-cases.json'), readSearchCases('search-holdout.json')];
      for (const [i, locale] of localeCodes.entries()) {
        const queries = [...new Set(sets.flatMap((cases) => (cases[locale] ?? []).map(([query]) => query)))];
        const bytes: number[] = [];
        for (const [k, query] of queries.entries()) {
          progress.step(`Every test query: ${locale} ${k + 1}/${queries.length}`, i === localeCodes.length - 1 && k === queries.length - 1);
          const search = await inFreshContext(browser, 'block', async (page) => {
            await firstLoad(page, server.url + `/${locale}/`, { root: dist });
            return firstSearch(page, query, { root: dist, quietMs: 300 });
          });
          bytes.push(search.totalGzip);
          if (search.totalGzip > BUDGET.searchGzip) allQueries.over.push(`${locale} “${query}” ${kb(search.totalGzip)} KB`);
        }
        bytes.sort((a, b) => a - b);
        allQueries.rows.push({ locale, queries: bytes.length, min: bytes[0]!, median: bytes[Math.floor(bytes.length / 2)]!, max: bytes.at(-1)!, over: bytes.filter((b) => b > BUDGET.searchGzip).length });
      }
    }
  } finally {
    await browser.close();
  }
  try {
    if (options.lighthouse) {
      for (const [i, p] of LIGHTHOUSE_PAGES.entries()) {
        progress.step(`Lighthouse ×${options.lighthouseRuns}: ${p.path}`, i === LIGHTHOUSE_PAGES.length - 1);
        lighthouse.push(await lighthouseRow(p, server.url + p.path, options.lighthouseRuns));
      }
    }
  } finally {
    await server.close();
  }

  progress.step('Search quality: every test query through the search core, in Node', true);
  const quality = await searchQualityRows(dist);
  const results = { ...info, chromium: chromiumVersion, buildMs: Math.round(buildMs), budget: BUDGET, pages, searches, offline, lighthouse, quality, ...(options.allQueries ? { allQueries } : {}) };
  save(options.out, 'site', results);

  const queries = searches.map((s) => `${s.locale} “${s.query}”`).join(', ');
  console.log(`\nBuild ${(buildMs / 1000).toFixed(1)} s (astro build, with Pagefind and the service worker) · ${info.commit} · Node ${info.node} · Chromium ${chromiumVersion} · Lighthouse ${info.lighthouse} · ${info.machine}, ${loadavg()[0]!.toFixed(1)} at the end\n`);
  console.log(siteTable(pages, searches, offline, lighthouse));
  console.log(`
KB = 1,024 bytes. load: the page's own first load at phone size (Pixel 7), service workers blocked, until the network is idle.
gz/br: the build's gzip twin (Zopfli for pages, styles and scripts; else gzip -9) / brotli q11 of each file served (Pagefind's index files at their size); req: requests; script gz: JavaScript.
search: a first search from the overview's header field (${queries}): everything fetched from the focus on; ms: until the results show.
SW copy: what the service worker downloads for offline reading after a first visit to the locale (shared files and the whole locale), not in "load".
LH: Lighthouse ${info.lighthouse} mobile, simulated throttling, median of ${options.lighthouseRuns} runs (perf, accessibility, best practices, SEO, LCP; LCP range: fastest–slowest run); the 404 row's scores are for /en/404/ opened directly.
! = over budget: load ${kb(BUDGET.loadGzip)} KB gz, ${BUDGET.loadRequests} requests, script ${kb(BUDGET.scriptGzip)} KB gz; search ${kb(BUDGET.searchGzip)} KB gz.
Results: ${relative(process.cwd(), options.out) || options.out}`);
  for (const l of lighthouse) if (l.runtimeError) console.log(`Lighthouse on ${l.path}: ${l.runtimeError}`);
  console.log(`\n${qualityTable(quality)}`);
  if (options.allQueries) {
    console.log(`\nA first search for every test query (search-cases.json and search-holdout.json), KB gzip:\n`);
    console.log(table(
      ['locale', 'queries', 'smallest', 'median', 'largest', `over ${kb(BUDGET.searchGzip)}`],
      allQueries.rows.map((r) => [r.locale, String(r.queries), kb(r.min), kb(r.median), kb(r.max), String(r.over)]),
    ));
    for (const line of allQueries.over) console.log(`over budget: ${line}`);
  }
}

/** Every query of both sets through the search core with the site's own Pagefind, run in Node (scripts/lib/search-quality.ts). */
async function searchQualityRows(dist: string): Promise<(Omit<QualityRow, 'misses'> & { set: string; misses: string[] })[]> {
  const rows = [];
  for (const set of ['search-cases.json', 'search-holdout.json', 'search-holdout-kinds.json'] as const) {
    for (const row of await searchQuality(dist, readSearchCases(set))) rows.push({ set, ...row });
  }
  return rows;
}

function qualityTable(rows: Awaited<ReturnType<typeof searchQualityRows>>): string {
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)} %`;
  return `Search quality and Pagefind calls per query (the search core in Node, with the built index):\n\n${table(
    ['set', 'locale', 'cases', 'top 1', 'top 3', 'calls/query', 'most calls'],
    rows.map((r) => [r.set.replace('.json', ''), r.locale, String(r.cases), pct(r.top1, r.cases), pct(r.top3, r.cases), r.callsMean.toFixed(1), String(r.callsMax)]),
    2,
  )}
calls: Pagefind searches one query costs (its phrase, all its words, each word and synonym form; each distinct search once).
Node's ICU may segment a few queries otherwise than a reader's browser (Trip.com, some Khmer words); npm test measures top 3 in Chromium.`;
}

interface QueryRow {
  locale: string;
  queries: number;
  min: number;
  median: number;
  max: number;
  over: number;
}

// ---------------------------------------------------------------------------------------------
// Throw-away copies (the scale mode and the build comparison)
// ---------------------------------------------------------------------------------------------

/** Top-level entries the copy leaves out: installed, built or private to this checkout. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.astro', '.scratch', '.bench', 'test-results', 'playwright-report', 'bench-results.json']);

/** Copies the project to a temporary folder, node_modules linked, with its own build caches. */
function copyProject(options: { syntheticPages?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'guide-bench-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => !NOT_COPIED.has(relative(root, src).split(/[\\/]/)[0] ?? ''),
  });
  linkNodeModules(join(root, 'node_modules'), join(dir, 'node_modules'));
  // The copy's own settings, in its own config (nothing in src/ knows of the bench):
  // - Astro keeps its content store in node_modules/.astro and Vite its cache in node_modules/.vite:
  //   in the copy, both stay in the copy;
  // - with synthetic pages (the scale mode), gzip twins come from zlib's best level instead of
  //   Zopfli, which would take an hour for eight thousand pages.
  writeFileSync(
    join(dir, 'astro.bench.config.mjs'),
    [
      "import config from './astro.config.mjs';",
      ...(options.syntheticPages
        ? [
            "import { steps } from './src/integrations/post-build';",
            "import { GZ, gzipBest, shouldPrecompress } from './src/lib/build/precompress';",
            "const early = steps.findIndex((s) => s.name === 'precompress pages');",
            "const at = steps.findIndex((s) => s.name === 'precompress');",
            "if (at < 0 || early < 0) throw new Error('astro.bench.config.mjs: src/integrations/post-build.ts has no “precompress pages” and “precompress” steps');",
            "steps[early] = { name: 'precompress pages (bench: with the rest)', run: async () => 'skipped' };",
            'steps[at] = { name: \'precompress (zlib, bench)\', run: async (site) => {',
            '  let n = 0;',
            '  for (const path of site.files()) {',
            '    if (path.endsWith(GZ)) continue;',
            '    const bytes = await site.read(path);',
            '    if (!shouldPrecompress(path, bytes.length)) continue;',
            '    const gz = await gzipBest(bytes);',
            '    if (gz.length < bytes.length) { await site.write(path + GZ, gz); n++; }',
            '  }',
            '  return `${n} files, zlib`;',
            '} };',
          ]
        : []),
      '',
      "export default { ...config, cacheDir: './.bench-cache/astro/', vite: { ...config.vite, cacheDir: './.bench-cache/vite/' } };",
      '',
    ].join('\n'),
  );
  if (options.syntheticPages) {
    // The copy's topic list lets pages named synthetic-<n> through, routed and indexed like
    // topics, outside the navigation and the reading order.
    const topics = join(dir, 'src/lib/content/topics.ts');
    const from = 'return (pageSlugs as readonly string[]).includes(slug);';
    const text = readFileSync(topics, 'utf8');
    if (text.split(from).length !== 2) throw new Error(`${topics}: isPageSlug no longer reads “${from}”; update copyProject in scripts/bench.ts`);
    writeFileSync(topics, text.replace(from, 'return (pageSlugs as readonly string[]).includes(slug) || /^synthetic-[0-9]+$/.test(slug);'));
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The scale mode
// ---------------------------------------------------------------------------------------------

interface ScaleLocale {
  /** Bytes of the locale's Pagefind index and fragment files. */
  indexBytes: number;
  fragmentBytes: number;
  indexFiles: number;
  fragmentFiles: number;
  search: SearchWeight & { query: string };
  /** Gzip -9 bytes of what the service worker keeps for the locale (shared files and the locale's), from sw.js. */
  offlineGzip: number;
  offlineFiles: number;
}

interface ScaleRow {
  syntheticPerLocale: number;
  pagesPerLocale: number;
  buildMs: number;
  distBytes: number;
  locales: Partial<Record<Locale, ScaleLocale>>;
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  return total;
}

/** The locale's Pagefind files in a folder of the bundle (`index` or `fragment`): count and bytes. */
function pagefindFiles(dist: string, folder: string, locale: Locale): { files: number; bytes: number } {
  const prefix = `${pagefindIndex(locale)}_`;
  const names = readdirSync(join(dist, 'pagefind', folder)).filter((n) => n.startsWith(prefix));
  return { files: names.length, bytes: names.reduce((n, name) => n + statSync(join(dist, 'pagefind', folder, name)).size, 0) };
}

/** The offline copy of a locale as the built service worker lists it, weighed as page-weight.ts weighs a file. */
async function offlineCopy(dist: string, locale: Locale): Promise<{ gzip: number; files: number }> {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const manifest = JSON.parse(/^const MANIFEST = (.*);$/m.exec(sw)?.[1] ?? 'null') as { shared: string[]; locales: Record<string, string[]> } | null;
  if (!manifest) throw new Error('sw.js has no manifest line');
  const urls = [...manifest.shared, ...(manifest.locales[locale] ?? [])];
  let gzip = 0;
  for (const url of urls) {
    const found = await resolveRequest(dist, url);
    if (found.status !== 200) continue;
    gzip += (await servedSizes(found.file)).gzip;
  }
  return { gzip, files: urls.length };
}

function scaleTable(rows: ScaleRow[]): string {
  const head = ['synthetic/locale', 'pages/locale', 'build s', 'dist MB', 'locale', 'index+fragments KB', 'index KB', 'fragments KB', 'search gz', 'search req', 'search ms', 'SW copy gz KB'];
  const lines: string[][] = [];
  for (const row of rows) {
    localeCodes.forEach((locale, i) => {
      const l = row.locales[locale];
      if (!l) return;
      lines.push([
        i === 0 ? String(row.syntheticPerLocale) : '',
        i === 0 ? String(row.pagesPerLocale) : '',
        i === 0 ? (row.buildMs / 1000).toFixed(1) : '',
        i === 0 ? (row.distBytes / 1024 / 1024).toFixed(1) : '',
        locale,
        kb(l.indexBytes + l.fragmentBytes),
        kb(l.indexBytes),
        kb(l.fragmentBytes),
        over(kb(l.search.totalGzip), l.search.totalGzip, BUDGET.searchGzip),
        String(l.search.count),
        String(l.search.ms),
        kb(l.offlineGzip),
      ]);
    });
  }
  return table(head, lines, 0);
}

async function benchScale(options: Options): Promise<void> {
  const info = about();
  const counts = [...new Set([0, ...options.scale!])].sort((a, b) => a - b);
  const rows: ScaleRow[] = [];
  for (const n of counts) {
    const dir = copyProject({ syntheticPages: true });
    try {
      writeSyntheticPages(join(dir, 'content'), n);
      progress.step(`Scale ${n}: building ${pageSlugs.length + n} pages per locale in ${dir}…`);
      const buildMs = await build(dir, ['--config', 'astro.bench.config.mjs']);
      progress.line(`Scale ${n}: built ${pageSlugs.length + n} pages per locale in ${(buildMs / 1000).toFixed(1)} s`);
      const dist = join(dir, 'dist');
      const row: ScaleRow = { syntheticPerLocale: n, pagesPerLocale: pageSlugs.length + n, buildMs: Math.round(buildMs), distBytes: sizeOf(dist), locales: {} };
      const server = await serveStatic(dist);
      const browser = await launch();
      try {
        for (const [i, locale] of localeCodes.entries()) {
          progress.step(`Scale ${n}: search and offline copy, ${locale}`, i === localeCodes.length - 1);
          const index = pagefindFiles(dist, 'index', locale);
          const fragment = pagefindFiles(dist, 'fragment', locale);
          const query = QUERIES[locale];
          const search = await inFreshContext(browser, 'block', async (page) => {
            await firstLoad(page, `${server.url}/${locale}/`, { root: dist });
            return firstSearch(page, query, { root: dist });
          });
          const copy = await offlineCopy(dist, locale);
          row.locales[locale] = {
            indexBytes: index.bytes,
            fragmentBytes: fragment.bytes,
            indexFiles: index.files,
            fragmentFiles: fragment.files,
            search: { ...search, query },
            offlineGzip: copy.gzip,
            offlineFiles: copy.files,
          };
        }
      } finally {
        await browser.close();
        await server.close();
      }
      rows.push(row);
      // Saved after every size, so a long run that is stopped keeps what it measured.
      save(options.out, 'scale', { ...info, rows });
    } finally {
      if (options.keep) progress.line(`Scale ${n}: kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  const queries = localeCodes.map((l) => `${l} “${QUERIES[l]}”`).join(', ');
  console.log(`\nScale: synthetic articles per locale · ${info.commit} · Node ${info.node} · ${info.machine}, ${loadavg()[0]!.toFixed(1)} at the end\n`);
  console.log(scaleTable(rows));
  console.log(`
KB = 1,024 bytes. build: astro build of a copy (with Pagefind and the service worker); dist MB: everything built.
index+fragments: the locale's Pagefind files (index/ and fragment/), as written (gzip already).
search: a first search from the overview's header field (${queries}), service workers blocked: gzip bytes, requests, ms to results.
SW copy: what the service worker downloads for the locale on a first visit (shared files and all the locale's pages and index), gzip -9 (these builds skip Zopfli).
! = search over ${kb(BUDGET.searchGzip)} KB gz. Results: ${relative(process.cwd(), options.out) || options.out}`);
}

// ---------------------------------------------------------------------------------------------
// The build comparison
// ---------------------------------------------------------------------------------------------

const ROUNDS = 3;

/**
 * One sentence more at the end of an article, as a writer's edit: a different one each round.
 * In words, not digits: a number in one language only is a content error (fact parity).
 */
function editOneSentence(dir: string, articles: string, round: number): void {
  const file = join(dir, articles, 'en', 'app.mdx');
  const word = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][round - 1] ?? 'next';
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nThe bench added this sentence in its ${word} round.\n`);
}

/**
 * Our build against Starlight's on the same articles (scripts/bench-peer.ts), each in its
 * throw-away copy, both run the same way:
 *
 * - the first build on a machine: no dist/, no cache of any kind;
 * - then ROUNDS full builds after a one-sentence edit of one article, alternating: no dist/ and
 *   no Astro or Vite cache, but what a build keeps between runs by content stays (our Zopfli
 *   output, src/lib/build/precompress.ts), as on a writer's machine.
 */
async function benchBuilds(options: Options): Promise<void> {
  const info = about();
  progress.step(`Build comparison: installing Starlight ${STARLIGHT_VERSION} (once, then reused)…`);
  const install = await installPeer();
  if (install.installMs !== undefined) progress.line(`Build comparison: installed Starlight ${STARLIGHT_VERSION} in ${(install.installMs / 1000).toFixed(1)} s`);
  const projects = [
    { name: 'ours', dir: copyProject(), articles: 'content', args: ['--config', 'astro.bench.config.mjs'], first: 0, ms: [] as number[] },
    { name: 'starlight', dir: makePeerProject(install), articles: 'src/content/docs', args: [], first: 0, ms: [] as number[] },
  ];
  const clean = (dir: string, everything: boolean) => {
    for (const built of ['dist', '.astro', '.bench-cache', 'node_modules/.astro', 'node_modules/.vite', ...(everything ? MODULE_CACHES.map((name) => join('node_modules', name)) : [])]) {
      rmSync(join(dir, built), { recursive: true, force: true });
    }
  };
  try {
    for (const project of projects) {
      clean(project.dir, true);
      progress.step(`Build comparison, first build: ${project.name}…`);
      project.first = await build(project.dir, project.args);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const project of projects) {
        clean(project.dir, false);
        editOneSentence(project.dir, project.articles, round);
        progress.step(`Build comparison, round ${round}/${ROUNDS}: ${project.name}…`);
        project.ms.push(await build(project.dir, project.args));
      }
    }
  } finally {
    for (const project of projects) {
      if (options.keep) progress.line(`Build comparison: kept ${project.dir}`);
      else rmSync(project.dir, { recursive: true, force: true });
    }
  }
  progress.step('Build comparison: done', true);
  const [ours, starlight] = projects.map((p) => median(p.ms)) as [number, number];
  const ratio = ours / starlight;
  const firstRatio = projects[0]!.first / projects[1]!.first;
  save(options.out, 'build', {
    ...info,
    versions: install.versions,
    rounds: ROUNDS,
    firstBuildMs: { ours: Math.round(projects[0]!.first), starlight: Math.round(projects[1]!.first), ratio: Number(firstRatio.toFixed(2)) },
    oursMs: projects[0]!.ms.map(Math.round),
    starlightMs: projects[1]!.ms.map(Math.round),
    oursMedianMs: Math.round(ours),
    starlightMedianMs: Math.round(starlight),
    ratio: Number(ratio.toFixed(2)),
  });
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`\nBuild comparison · ${info.commit} · Node ${info.node} · ${info.machine}, ${loadavg()[0]!.toFixed(1)} at the end\n`);
  console.log(table(
    ['build', 'first build s', 'after an edit: median s', 'runs s'],
    projects.map((p) => [p.name === 'ours' ? 'the guide' : `Starlight ${STARLIGHT_VERSION}`, seconds(p.first), seconds(median(p.ms)), p.ms.map(seconds).join(', ')]),
  ));
  console.log(`
Build time ratio, the guide / Starlight: ${ratio.toFixed(2)} after a one-sentence edit (median of ${ROUNDS} rounds, alternating); ${firstRatio.toFixed(2)} for the first build on a machine.
Each: a full astro build (astro ${install.versions.astro}, pagefind ${install.versions.pagefind}) of a throw-away copy without dist/ and Astro's caches, both run by ${process.execPath}.
The first build also starts without the guide's Zopfli cache (node_modules/.cache/guide-precompress), which later builds keep.
Starlight: the same articles with its defaults (Pagefind search, sitemap). Results: ${relative(process.cwd(), options.out) || options.out}`);
}

const options = readOptions(process.argv.slice(2));
if (options.searchOnly) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'pagefind', 'pagefind.js'))) usageError('--search-only reads dist/: build the site first (npm run build)');
  console.log(qualityTable(await searchQualityRows(dist)));
} else if (options.peerOnly) await benchBuilds(options);
else {
  if (options.scale) await benchScale(options);
  else await benchSite(options);
  if (options.peer) await benchBuilds(options);
}
