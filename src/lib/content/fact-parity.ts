/**
 * What must never differ between the languages of one section: numbers and amounts, phone
 * numbers and short codes, e-mail addresses and link targets. A translation says the same
 * facts in other words; a reader must never get another deadline or hotline by switching
 * language. Facts are read after normalising digits (Khmer, Thai, full-width), spacing and the
 * number formats of the guide's languages (1,000 / 1.000, 3.50 / 3,50).
 */

/** One section of an article as the parity check reads it. */
export interface SectionText {
  /** The section id, or '' for the text before the first section. */
  id: string;
  line: number;
  /** The section's words: heading, text, table cells, code; not link addresses. */
  text: string;
  /** Link and image targets in the section. */
  links: string[];
  /** The section as written (Markdown), to tell when it changed. */
  raw: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** USSD-style codes such as *1200# or #31#. */
const SHORT_CODE = /[*#]\d+(?:[*#]\d+)*#?/g;
/** A phone number: digits in three or more groups joined by single spaces or hyphens, with an optional +. */
const PHONE = /(?<!\d|\d[.,])\+?\d{1,4}(?:[ \u00a0-]\d{2,4}){2,}(?!\d|[.,]\d)/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;

/**
 * Small numbers that are part of a word in one language and a numeral word in another: Japanese
 * counters (5つ "five", 1回 "once", 1通 "one message", 2段階 "two-step", 1日以上 "a day or more") and Korean 제3자 "third party",
 * 2단계 "two-step", where Chinese writes 三, 一次, 两步, 第三方. They state no fact, so they are
 * not compared; a larger number with a counter (最大10回, "up to 10 times") still is.
 */
const WORD_NUMBERS: Readonly<Record<string, RegExp>> = {
  ja: /(?<!\d)(?:[1-9](?=つ)|[1-3](?=回|段階|通)|1(?=日以上))/g,
  ko: /(?<=제)[1-3](?=자)|(?<!\d)[1-3](?=단계|가지)/g,
};

/** Turns every decimal digit of any script (Khmer, Thai, full-width…) into 0–9; punctuation stays as written. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0)!;
    // Unicode puts every script's digits in runs of ten from zero; find this digit's zero.
    for (let zero = code; zero > code - 10; zero--) {
      if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String(code - zero);
    }
    return d;
  });
}

/**
 * The value of a written number, whatever the language's separators: a separator followed by
 * exactly three digits groups thousands, any other is the decimal mark.
 *
 * @example numberValue('1,000') // '1000'
 * @example numberValue('3,50') // '3.5'
 */
export function numberValue(written: string): string {
  const parts = written.split(/[.,]/);
  if (parts.length === 1) return String(Number(written));
  const grouped = parts.slice(1).every((p) => p.length === 3);
  if (grouped) return String(Number(parts.join('')));
  const decimals = parts.pop()!;
  return String(Number(`${parts.join('')}.${decimals}`));
}

/**
 * The facts of a section's text, as comparable tokens (`number 14`, `phone +886936010888`,
 * `code *1200#`, `e-mail help@holafly.com`).
 */
export function textFacts(text: string, locale = ''): Set<string> {
  const facts = new Set<string>();
  let rest = asciiDigits(text);
  const words = WORD_NUMBERS[locale];
  if (words) rest = rest.replace(words, ' ');
  const take = (pattern: RegExp, kind: string, value: (m: string) => string) => {
    rest = rest.replace(pattern, (m) => {
      facts.add(`${kind} ${value(m)}`);
      return ' ';
    });
  };
  take(EMAIL, 'e-mail', (m) => m.toLowerCase());
  take(SHORT_CODE, 'code', (m) => m);
  take(PHONE, 'phone', (m) => m.replace(/[ \u00a0-]/g, ''));
  take(NUMBER, 'number', numberValue);
  return facts;
}

/** A link target with the page's own locale taken out, so `/en/app/#x` and `/ja/app/#x` compare equal. */
export function linkFact(href: string, locale: string): string {
  const target = href.trim();
  if (/^mailto:/i.test(target)) return `link ${target.toLowerCase()}`;
  return `link ${target.startsWith(`/${locale}/`) ? `/…/${target.slice(locale.length + 2)}` : target}`;
}

/** Every fact of one section. */
export function sectionFacts(section: SectionText, locale: string): Set<string> {
  const facts = textFacts(section.text, locale);
  for (const href of section.links) facts.add(linkFact(href, locale));
  return facts;
}

export interface FactDifference {
  id: string;
  line: number;
  /** Facts the source section has and the translation lacks. */
  missing: string[];
  /** Facts the translation has and the source section lacks. */
  extra: string[];
}

/**
 * The sections whose facts differ between a translation and its source, matched by id.
 * Sections missing on either side are the section-id check's business, not this one's.
 */
export function compareFacts(source: SectionText[], sourceLocale: string, target: SectionText[], locale: string): FactDifference[] {
  const sourceById = new Map(source.map((s) => [s.id, s]));
  const differences: FactDifference[] = [];
  for (const section of target) {
    const original = sourceById.get(section.id);
    if (!original) continue;
    const want = sectionFacts(original, sourceLocale);
    const have = sectionFacts(section, locale);
    const missing = [...want].filter((f) => !have.has(f));
    const extra = [...have].filter((f) => !want.has(f));
    if (missing.length > 0 || extra.length > 0) differences.push({ id: section.id, line: section.line, missing, extra });
  }
  return differences;
}
