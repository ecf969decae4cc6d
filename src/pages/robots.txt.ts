import type { APIRoute } from 'astro';

/** Every page may be crawled; the sitemap (written by @astrojs/sitemap) lists them with their languages. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
