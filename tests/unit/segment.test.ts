import { describe, expect, it } from 'vitest';
import { WORD_BREAK, markWordBreaks, markWordBreaksInHtml, needsWordBreaks, unsegment } from '../../src/lib/browser/segment';

const B = WORD_BREAK;

describe('word breaks for the index', () => {
  it('separates Khmer words with the ICU dictionary', () => {
    expect(markWordBreaks('សូមលុបគណនីរបស់អ្នក', 'km')).toBe(`សូម${B}លុប${B}គណនី${B}របស់${B}អ្នក`);
  });

  it('leaves spaces the writer typed, Latin words and punctuation as they are', () => {
    expect(markWordBreaks('លុបគណនី eSIM ។ គណនី', 'km')).toBe(`លុប${B}គណនី eSIM ។ គណនី`);
  });

  it('leaves text in other scripts untouched', () => {
    for (const text of ['Delete your account', '注销账户', '계정을 삭제합니다', 'การตั้งค่าบัญชี', 'Xóa tài khoản']) {
      expect(needsWordBreaks(text)).toBe(false);
      expect(markWordBreaks(text, 'km')).toBe(text);
    }
  });

  it('marks text in HTML but never tags, attributes, scripts or styles', () => {
    const html = '<p title="លុបគណនី">លុបគណនី</p><script>const a = "លុបគណនី";</script><style>/* លុបគណនី */</style>';
    expect(markWordBreaksInHtml(html, 'km')).toBe(
      `<p title="លុបគណនី">លុប${B}គណនី</p><script>const a = "លុបគណនី";</script><style>/* លុបគណនី */</style>`,
    );
  });

  it('breaks between words that touch across an inline element, not across blocks', () => {
    expect(markWordBreaksInHtml('<p>សូម<strong>លុប</strong>គណនី</p>', 'km')).toBe(`<p>សូម${B}<strong>លុប${B}</strong>គណនី</p>`);
    expect(markWordBreaksInHtml('<h2>គណនី</h2><p>របស់</p>', 'km')).toBe('<h2>គណនី</h2><p>របស់</p>');
    expect(markWordBreaksInHtml('<b>គណនី</b> របស់', 'km')).toBe('<b>គណនី</b> របស់');
  });

  it('removes exactly the added breaks from excerpts, keeping the writer’s spaces and marks', () => {
    const stored = markWordBreaks('សូមលុបគណនី ពេលនេះ', 'km');
    expect(unsegment(stored)).toBe('សូមលុបគណនី ពេលនេះ');
    expect(unsegment(`សូម${B}<mark>លុប\u2063</mark> គណនី`)).toBe('សូម<mark>លុប</mark>គណនី');
  });
});
