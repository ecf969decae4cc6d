import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales';
import { synonyms } from '../../src/i18n/synonyms';
import { absentForms, concepts, matchKey } from '../../src/lib/browser/synonyms';

describe('synonym concepts', () => {
  it('widens a term with the other words of its group', () => {
    expect(concepts('退費', ['退費'], [['退款', '退費', '退錢']])).toEqual([{ term: '退費', forms: ['退費', '退款', '退錢'] }]);
    expect(concepts('Cancel plan', ['Cancel', 'plan'], [['cancel', 'deactivate']])).toEqual([
      { term: 'Cancel', forms: ['Cancel', 'deactivate'] },
      { term: 'plan', forms: ['plan'] },
    ]);
  });

  it('adds a longer entry the query holds as a whole, which no single term stands for', () => {
    const groups = [['delete account', 'close account'], ['注销账号', '删除账号']];
    expect(concepts('how to close account', ['close', 'account'], groups)).toContainEqual({ term: 'close account', forms: ['close account', 'delete account'] });
    expect(concepts('注销账号', ['注销', '销账', '账号'], groups)).toContainEqual({ term: '注销账号', forms: ['注销账号', '删除账号'] });
    // A whole-word match only: "enclose accounts" does not hold "close account".
    expect(concepts('enclose accounts', ['enclose', 'accounts'], groups)).toHaveLength(2);
  });

  it('has groups for every locale, each with at least two distinct words', () => {
    for (const code of localeCodes) {
      const groups = synonyms[code];
      expect(groups.length, code).toBeGreaterThanOrEqual(8);
      for (const group of groups) expect(new Set(group).size, `${code}: ${group.join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds forms inside text whatever its accents, case, spaces or index word breaks', () => {
    expect(matchKey('Hoàn Tiền')).toBe('hoantien');
    expect(matchKey('ลบ\u200bบัญชี')).toBe(matchKey('ลบบัญชี'));
    expect(matchKey('លុប\u2063 គណនី')).toBe(matchKey('លុបគណនី'));
  });

  it('reports the forms no page holds, and none where Pagefind stems words', () => {
    const groups = [['退款', '退费', '退钱'], ['QR 码', '二维码']];
    expect(absentForms(groups, ['申请退款时扫描二维码', '退费规则'])).toEqual(['退钱', 'QR 码']);
    expect(absentForms([['hoàn tiền', 'lấy lại tiền']], ['Yêu cầu HOAN TIEN'])).toEqual(['lấy lại tiền']);
    expect(absentForms([['deactivate', 'terminate']], ['deactivation'], true)).toEqual([]);
  });
});
