import { describe, expect, it } from 'vitest';
import { externalLinkProblem, isExternal } from '../../src/lib/official-links';

describe('official links', () => {
  it('allows official domains and their subdomains over https', () => {
    expect(externalLinkProblem('https://esim.holafly.com/refund-policy')).toBeUndefined();
    expect(externalLinkProblem('https://www.airalo.com/help')).toBeUndefined();
    expect(externalLinkProblem('https://gat.nmg.gov.cn/x.html')).toBeUndefined();
    expect(externalLinkProblem('mailto:help@holafly.com')).toBeUndefined();
  });

  it('refuses Telegram in every spelling, with the reason', () => {
    for (const href of ['https://t.me/esim_help', 'http://t.me/x', 'https://telegram.me/x', 'https://www.t.me/x', 'tg://resolve?domain=x']) {
      expect(externalLinkProblem(href), href).toMatch(/Telegram/);
    }
  });

  it('refuses lookalikes, plain http and unknown domains', () => {
    expect(externalLinkProblem('https://airalo.com.evil.example/')).toMatch(/not an official channel/);
    expect(externalLinkProblem('https://notairalo.com/')).toMatch(/not an official channel/);
    expect(externalLinkProblem('http://airalo.com/')).toMatch(/https/);
    expect(externalLinkProblem('https://bit.ly/abc')).toMatch(/shortener/);
    expect(externalLinkProblem('mailto:someone@gmail.com')).toMatch(/official domain/);
  });

  it('tells external links from site paths', () => {
    expect(isExternal('https://x.org')).toBe(true);
    expect(isExternal('mailto:a@b.c')).toBe(true);
    expect(isExternal('//t.me/x')).toBe(true);
    expect(isExternal('/en/app/')).toBe(false);
    expect(isExternal('#id')).toBe(false);
  });
});
