/**
 * How wide a text sets, in columns: one per character a reader sees (a grapheme, so a Khmer or
 * Thai cluster with its marks is one), two for Chinese, Japanese and Korean characters and
 * full-width forms, which take about twice the width of a Latin letter. Length limits that must
 * fit the layout in every language count this way.
 *
 * @example displayWidth('Refund') // 6
 * @example displayWidth('申请退款') // 8
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;
