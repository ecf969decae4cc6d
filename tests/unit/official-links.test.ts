import { describe, expect, it } from 'vitest';
import { externalLinkProblem, isExternal, officialHosts, refusedHosts } from '../../src/lib/content/official-links';
import { parseArticle } from '../../src/lib/content/parse-article';

describe('official links', () => {
  it('allows the listed hosts over https, and official e-mail addresses', () => {
    expect(externalLinkProblem('https://esim.holafly.com/refund-policy')).toBeUndefined();
    expect(externalLinkProblem('https://www.airalo.com/help')).toBeUndefined();
    expect(externalLinkProblem('HTTPS://SUPPORT.APPLE.COM/en-us/118428')).toBeUndefined();
    expect(externalLinkProblem('https://support.google.com/googleplay/answer/7018481')).toBeUndefined();
    expect(externalLinkProblem('mailto:help@holafly.com')).toBeUndefined();
  });

  it('allows hosts, not whole domains: an unlisted subdomain of an official site is refused', () => {
    expect(externalLinkProblem('https://evil.airalo.com/')).toMatch(/evil\.airalo\.com is not an official channel/);
    expect(externalLinkProblem('https://apple.com/')).toMatch(/not an official channel/);
  });

  it('refuses Google’s redirector, Sites, Forms and Docs, with the reason', () => {
    expect(externalLinkProblem('https://www.google.com/url?q=https://evil.example/')).toMatch(/redirector/);
    expect(externalLinkProblem('https://google.com/')).toMatch(/redirector/);
    expect(externalLinkProblem('https://sites.google.com/view/airalo-refund')).toMatch(/anyone can publish/);
    expect(externalLinkProblem('https://docs.google.com/forms/d/e/x/viewform')).toMatch(/forms service/);
    expect(externalLinkProblem('https://forms.gle/abc')).toMatch(/forms service/);
    expect(externalLinkProblem('https://drive.google.com/file/d/x')).toMatch(/document-sharing/);
    expect(externalLinkProblem('https://someone.github.io/esim-refund/')).toMatch(/anyone can publish/);
  });

  it('refuses messengers in every spelling, with the reason', () => {
    for (const href of ['https://t.me/esim_help', 'http://t.me/x', 'https://telegram.me/x', 'https://www.t.me/x', 'HTTPS://T.ME/x', 'https://t.me./x', 'tg://resolve?domain=x', 'https://wa.me/855', 'https://api.whatsapp.com/send?phone=1']) {
      expect(externalLinkProblem(href), href).toMatch(/Telegram|messenger/);
    }
  });

  it('refuses lookalikes, plain http, credentials, ports, shorteners and unknown addresses', () => {
    expect(externalLinkProblem('https://airalo.com.evil.example/')).toMatch(/not an official channel/);
    expect(externalLinkProblem('https://notairalo.com/')).toMatch(/not an official channel/);
    expect(externalLinkProblem('http://airalo.com/')).toMatch(/https/);
    expect(externalLinkProblem('https://support.apple.com@evil.example/')).toMatch(/user name or password/);
    expect(externalLinkProblem('https://user:pw@support.apple.com/')).toMatch(/user name or password/);
    expect(externalLinkProblem('https://support.apple.com:8443/')).toMatch(/port/);
    expect(externalLinkProblem('https://bit.ly/abc')).toMatch(/shortener/);
    expect(externalLinkProblem('javascript:alert(1)')).toMatch(/https/);
    expect(externalLinkProblem('data:text/html,<script>')).toMatch(/https/);
    expect(externalLinkProblem('mailto:someone@gmail.com')).toMatch(/official domain/);
    expect(externalLinkProblem('mailto:help@holafly.com,x@evil.example')).toMatch(/exactly one address/);
  });

  it('reads an address after the Markdown reader has decoded its entities', () => {
    const [link] = parseArticle('---\ntitle: T\n---\n\n[x](&#x68;ttps&#58;//T.ME/x)\n').links;
    expect(externalLinkProblem(link!.href)).toMatch(/messenger/);
  });

  it('keeps messengers and shorteners out of the allowlist, and gives every host a reason', () => {
    for (const [host, why] of Object.entries(officialHosts)) {
      expect(why.length, host).toBeGreaterThan(5);
      expect(host, 'exact lowercase host').toMatch(/^[a-z0-9.-]+$/);
      for (const [refused, reason] of Object.entries(refusedHosts)) {
        if (/messenger|shortener/.test(reason)) expect(host === refused || host.endsWith(`.${refused}`), `${host} under ${refused}`).toBe(false);
      }
    }
  });

  it('tells external links from site paths', () => {
    expect(isExternal('https://x.org')).toBe(true);
    expect(isExternal('mailto:a@b.c')).toBe(true);
    expect(isExternal('//t.me/x')).toBe(true);
    expect(isExternal('/\\t.me/x')).toBe(true);
    expect(isExternal('/en/app/')).toBe(false);
    expect(isExternal('#id')).toBe(false);
  });
});
