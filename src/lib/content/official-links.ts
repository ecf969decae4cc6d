import { decodeSafely } from '../browser/address';

/**
 * The one rule for addresses that leave the guide: it links only to official channels, by exact
 * host. A domain is never allowed whole, because big domains host pages anyone can publish
 * (Google Sites, Google Forms, shared documents) and redirectors that lead anywhere
 * (`www.google.com/url?q=…`): exactly what fake "refund desks" use. Each host says why it is here.
 * Add a host only for a page the guide cites, and only when anything on that host is published by
 * the organisation itself.
 */
export const officialHosts: Readonly<Record<string, string>> = {
  // eSIM sellers and the travel platforms that resell eSIMs: their help centres and policies
  'www.airalo.com': 'Airalo’s website and help centre',
  'airalo.com': 'Airalo’s website without “www” (some help pages are linked that way)',
  'cdn.airalo.com': 'Airalo’s help centre, served from Airalo’s own host',
  'esim.holafly.com': 'Holafly’s shop, refund policies and help',
  'www.getnomad.app': 'Nomad’s website and help centre',
  'saily.com': 'Saily’s website (its refund explainer)',
  'support.saily.com': 'Saily’s help centre',
  'cellulardata.ubigi.com': 'Ubigi’s help centre',
  'trip.com': 'Trip.com product pages (eSIM terms)',
  'www.trip.com': 'Trip.com product pages (eSIM terms)',
  'id.trip.com': 'Trip.com’s Indonesian site (an eSIM product’s terms)',
  'klook.com': 'Klook help centre',
  'www.klook.com': 'Klook help centre',
  // Phone and app-store makers: their support sites only (not google.com: it also serves a redirector)
  'support.apple.com': 'Apple Support',
  'support.google.com': 'Google Help (Google Play subscriptions)',
  // Carriers
  'cellcard.com.kh': 'Cellcard, a Cambodian carrier',
  'www.cellcard.com.kh': 'Cellcard, a Cambodian carrier',
  'metfone.com.kh': 'Metfone, a Cambodian carrier',
  'service.fetnet.net': 'Far EasTone’s customer service site',
  // Public authorities
  'consumer.ftc.gov': 'US Federal Trade Commission, consumer advice',
  'fcc.gov': 'US Federal Communications Commission',
  'ic3.gov': 'FBI Internet Crime Complaint Center',
  'gat.nmg.gov.cn': 'Inner Mongolia Public Security Department (anti-fraud notice)',
};

/** Domains of official e-mail addresses (`mailto:`), exact. */
export const officialMailDomains: Readonly<Record<string, string>> = {
  'holafly.com': 'Holafly’s support address',
};

const messenger = 'a messenger chat link: unofficial “deactivation services” advertise through them';
const shortener = 'a link shortener, which hides where it goes';
const redirector = 'a redirector, which can send the reader anywhere';
const userPages = 'a host where anyone can publish pages, as fake “refund desks” do';
const forms = 'a forms service: a form can collect card numbers and codes under any name';
const documents = 'a document-sharing host: anyone can upload a document there';

/**
 * Hosts refused outright, with the reason given to the writer. Each also covers its subdomains,
 * except a subdomain that `officialHosts` lists by name (support.google.com under google.com);
 * a unit test keeps messengers and shorteners out of that list.
 */
export const refusedHosts: Readonly<Record<string, string>> = {
  't.me': messenger,
  'telegram.me': messenger,
  'telegram.org': messenger,
  'telegram.dog': messenger,
  'wa.me': messenger,
  'whatsapp.com': messenger,
  'line.me': messenger,
  'm.me': messenger,
  'bit.ly': shortener,
  'tinyurl.com': shortener,
  't.co': shortener,
  'goo.gl': shortener,
  'is.gd': shortener,
  'ow.ly': shortener,
  'cutt.ly': shortener,
  'rebrand.ly': shortener,
  's.id': shortener,
  'shorturl.at': shortener,
  'url.cn': shortener,
  'google.com': `${redirector} (www.google.com/url), or pages anyone can publish (Sites, Forms, Docs); link to support.google.com instead`,
  'l.facebook.com': redirector,
  'lm.facebook.com': redirector,
  'l.instagram.com': redirector,
  'href.li': redirector,
  'sites.google.com': userPages,
  'github.io': userPages,
  'github.com': userPages,
  'gitlab.io': userPages,
  'medium.com': userPages,
  'blogspot.com': userPages,
  'wordpress.com': userPages,
  'notion.site': userPages,
  'netlify.app': userPages,
  'vercel.app': userPages,
  'pages.dev': userPages,
  'wixsite.com': userPages,
  'weebly.com': userPages,
  'linktr.ee': userPages,
  'pastebin.com': userPages,
  'forms.gle': forms,
  'docs.google.com': forms,
  'forms.office.com': forms,
  'typeform.com': forms,
  'jotform.com': forms,
  'drive.google.com': documents,
  'dropbox.com': documents,
  'scribd.com': documents,
  '1drv.ms': documents,
  'doc88.com': documents,
  'docin.com': documents,
  'wenku.baidu.com': documents,
};

function underDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function refusal(host: string): string | undefined {
  // The most specific entry wins: sites.google.com says "anyone can publish", not "redirector".
  const match = Object.keys(refusedHosts)
    .filter((domain) => host === domain || (underDomain(host, domain) && !Object.hasOwn(officialHosts, host)))
    .sort((a, b) => b.length - a.length)[0];
  return match === undefined ? undefined : `${host} is ${refusedHosts[match]}`;
}

const LIST = 'src/lib/content/official-links.ts';

/**
 * Says why an address may not appear in the guide, or returns undefined when it may. The address
 * is read the way a browser reads it (the URL parser lowercases and decodes the host), so case,
 * entities already decoded by the Markdown reader, or a trailing dot do not slip past.
 *
 * @example externalLinkProblem('https://esim.holafly.com/refund-policy') // undefined
 * @example externalLinkProblem('https://t.me/someone') // 't.me is a messenger chat link: …'
 */
export function externalLinkProblem(href: string): string | undefined {
  const trimmed = href.trim();
  if (/^mailto:/i.test(trimmed)) {
    const address = decodeSafely(trimmed.slice('mailto:'.length).split('?')[0] ?? '');
    const at = address.lastIndexOf('@');
    const domain = at < 0 ? '' : address.slice(at + 1).toLowerCase();
    if (at < 0 || address.includes(',')) return 'the e-mail link must hold exactly one address';
    return Object.hasOwn(officialMailDomains, domain) ? undefined : `the e-mail address is not at an official domain listed in ${LIST}`;
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'it is not a valid address';
  }
  if (url.protocol === 'tg:') return `it is a Telegram link: ${messenger}`;
  const host = url.hostname.toLowerCase();
  const refused = host ? refusal(host.replace(/\.$/, '')) : undefined;
  if (refused) return `${refused}; point to the seller’s own app or website instead`;
  if (url.protocol !== 'https:') return 'it does not use https://';
  if (url.username || url.password) return 'it carries a user name or password before the host, a trick that disguises where a link goes';
  if (url.port) return 'it names a port; official sites are linked without one';
  if (!Object.hasOwn(officialHosts, host)) {
    return `${host} is not an official channel listed in ${LIST}; link only to sellers, phone makers, carriers or authorities, and cite other sources without a link`;
  }
  return undefined;
}

/** True for addresses that leave the site (a scheme such as https:, mailto: or tg:, or a protocol-relative //). */
export function isExternal(href: string): boolean {
  return /^\s*[a-z][a-z0-9+.-]*:/i.test(href) || /^\s*[/\\]{2}/.test(href);
}
