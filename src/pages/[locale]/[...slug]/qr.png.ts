import type { APIRoute, GetStaticPaths } from 'astro';
import { getGuidePages } from '../../../lib/content/guide';
import { pagePath } from '../../../lib/content/paths';
import { qrPng } from '../../../lib/build/qr';

/**
 * The QR code of each guide page, next to it (`/km/app/qr.png`): the page shows it on wide
 * screens and in print, and loads it lazily, so a phone, which never shows it, never fetches it.
 * Beside its page, it is part of that language's offline copy too.
 */
export const getStaticPaths = (async () => {
  const pages = await getGuidePages();
  return pages.map(({ locale, slug }) => ({ params: { locale, slug: slug === 'index' ? undefined : slug }, props: { path: pagePath(locale, slug) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string }> = ({ props, site, url }) =>
  new Response(qrPng(new URL(props.path, site ?? url.origin).href).png, { headers: { 'content-type': 'image/png' } });
