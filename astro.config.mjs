// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import sitemap from '@astrojs/sitemap';
import { localeCodes, locales, sourceLocale } from './src/i18n/locales';
import contentCheck from './src/integrations/content-check';
import postBuild from './src/integrations/post-build';
import remarkContentOnly from './src/plugins/remark-content-only';
import remarkSectionIds from './src/plugins/remark-section-ids';
import remarkCallouts from './src/plugins/remark-callouts';
import remarkTranslationNotes from './src/plugins/remark-translation-notes';
import rehypeSectionHeads from './src/plugins/rehype-section-heads';
import rehypeTaskList from './src/plugins/rehype-task-list';
import rehypeTableLabels from './src/plugins/rehype-table-labels';

// The guide's public address. A placeholder until the site has a domain: set SITE_URL to
// the real origin when deploying (it feeds canonical URLs, hreflang and share metadata).
const site = process.env.SITE_URL ?? 'https://esim-guide.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  i18n: {
    locales: [...localeCodes],
    defaultLocale: sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // No syntax highlighting: the guide's few code blocks are plain text, and Shiki writes its
    // colours into a style="" attribute, which the Content-Security-Policy (style-src 'self',
    // deploy/security-headers.conf) blocks. global.css styles `.prose pre` itself.
    syntaxHighlight: false,
    // GFM runs once, here, with the guide's own plugins (Astro 7's default processor runs no remark plugins).
    processor: unified({
      gfm: false,
      smartypants: false,
      // remarkContentOnly first: an article holding code fails before anything else reads it.
      remarkPlugins: [remarkContentOnly, [remarkGfm, { singleTilde: false }], remarkTranslationNotes, remarkSectionIds, remarkCallouts],
      rehypePlugins: [rehypeSectionHeads, rehypeTaskList, rehypeTableLabels],
    }),
  },
  integrations: [
    contentCheck(),
    mdx(),
    // Every guide page with its language alternates; the search, not-found and offline pages stay out.
    sitemap({
      i18n: { defaultLocale: sourceLocale, locales: Object.fromEntries(localeCodes.map((code) => [code, locales[code].lang])) },
      filter: (page) => !/\/(search|404|offline)\/$/.test(new URL(page).pathname),
      // The chooser at / belongs to no locale, yet the i18n option files it under the default one, as
      // a second zh-Hans page. Give each page the alternates its own head lists instead: its eight
      // languages, and the chooser as x-default.
      serialize(item) {
        const chooser = new URL('/', site).href;
        const links = (item.links ?? []).filter((link) => link.url !== chooser);
        return links.length > 0 ? { ...item, links: [...links, { url: chooser, lang: 'x-default' }] } : item;
      },
    }),
    // After every other integration has written its files (the sitemap above): the guide's own
    // steps on the built site, in the order listed in src/integrations/post-build.ts.
    postBuild(),
  ],
  build: {
    // The stylesheet goes inside every page: a reader on a slow roaming line gets the first
    // paint after one round trip instead of two, and the service worker keeps every page for the
    // next visit anyway. The guide pages share one; the language chooser's adds chooser.css. The
    // CSP allows both by their sha256 (deploy/security-headers.conf), which
    // tests/e2e/nginx.spec.ts checks against the built pages.
    inlineStylesheets: 'always',
  },
  vite: {
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              // A page's script is named after its component, "Base.<hash>.js", not
              // "Base.astro_astro_type_script_index_0_lang.<hash>.js": every page names it once.
              entryFileNames: (chunk) => `_astro/${chunk.name.split('.astro')[0]}.[hash].js`,
            },
          },
        },
      },
    },
    // Modules loaded on demand are bundled as "workers" for their URL (src/scripts/load-module.ts).
    worker: { format: 'es' },
    build: {
      // Scripts go in files, never inline: the Content-Security-Policy (deploy/nginx.conf) allows
      // no inline script but the hashed head script, and a file is cached once for every page.
      assetsInlineLimit: 0,
      // Code loaded on demand has nothing to preload (and comes by its URL, src/scripts/load-module.ts,
      // so Vite's preload helper stays out of every page's script).
      modulePreload: false,
      rollupOptions: {
        // Astro marks MDX modules with a "use astro:head-inject" directive that the bundler
        // warns it may drop; Astro handles it itself, and twelve such warnings per build would
        // bury the messages a writer needs to see.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
