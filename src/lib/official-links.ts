/**
 * The one rule for external links: the guide links only to official channels (sellers,
 * phone makers, carriers, platforms and public authorities). A domain listed here also
 * covers its subdomains. Telegram and other messenger links are refused outright, with a
 * reason, because unofficial "deactivation services" advertise through them.
 */
export const officialDomains: readonly string[] = [
  // eSIM sellers and travel platforms that resell eSIMs
  'airalo.com',
  'holafly.com',
  'getnomad.app',
  'saily.com',
  'ubigi.com',
  'trip.com',
  'klook.com',
  // Phone makers
  'apple.com',
  'google.com',
  'samsung.com',
  // Carriers
  'cellcard.com.kh',
  'metfone.com.kh',
  'smart.com.kh',
  'fetnet.net',
  // Public authorities
  'gov.kh',
  'gov.cn',
  'ftc.gov',
  'fcc.gov',
  'fbi.gov',
  'ic3.gov',
  'europa.eu',
];

/** Messenger and link-shortener hosts that never belong in the guide, with the reason given to the writer. */
const refusedHosts: Record<string, string> = {
  't.me': 'a Telegram link',
  'telegram.me': 'a Telegram link',
  'telegram.org': 'a Telegram link',
  'telegram.dog': 'a Telegram link',
  'wa.me': 'a WhatsApp chat link',
  'bit.ly': 'a link shortener that hides where it goes',
  'tinyurl.com': 'a link shortener that hides where it goes',
};

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Says why an external link may not appear in the guide, or returns undefined when it may.
 *
 * @example externalLinkProblem('https://esim.holafly.com/refund-policy') // undefined
 * @example externalLinkProblem('https://t.me/someone') // 'it is a Telegram link: …'
 */
export function externalLinkProblem(href: string): string | undefined {
  if (href.startsWith('tg:')) return 'it is a Telegram link: the guide never sends readers to Telegram or other unofficial channels';
  if (href.startsWith('mailto:')) {
    const domain = href.slice('mailto:'.length).split('?')[0]?.split('@')[1]?.toLowerCase() ?? '';
    return officialDomains.some((d) => hostMatches(domain, d))
      ? undefined
      : `the e-mail address is not at an official domain (see src/lib/official-links.ts)`;
  }
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'it is not a valid address';
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  for (const [refused, what] of Object.entries(refusedHosts)) {
    if (hostMatches(host, refused)) {
      return `it is ${what}: the guide never sends readers to unofficial channels; point to the seller’s own app or website instead`;
    }
  }
  if (url.protocol !== 'https:') return 'it does not use https://';
  if (!officialDomains.some((d) => hostMatches(host, d))) {
    return `${host} is not an official channel listed in src/lib/official-links.ts; link only to sellers, phone makers, carriers or authorities, and cite other sources without a link`;
  }
  return undefined;
}

/** True for links that leave the site (a scheme such as https:, mailto: or tg:, or a protocol-relative //). */
export function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}
