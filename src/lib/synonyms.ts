import { isUnspaced } from './search-plan';

/**
 * Readers use different words for one act (cancel, deactivate, close; 注销, 销户; 退会,
 * アカウント削除). Rather than stuff the pages with every variant, a query's words are widened
 * with the other words of their synonym group, and a page that holds any of them matches.
 */

/** A query word and the words that count as the same for matching it. */
export interface Concept {
  /** The word as the reader wrote it (a term of the search plan, or a phrase of the query). */
  term: string;
  /** Every form to look for, the term first. */
  forms: string[];
}

const norm = (text: string) => text.normalize('NFC').toLowerCase().trim();

/** The query holds `entry`: anywhere in scripts without spaces, as whole words elsewhere. */
function holds(query: string, entry: string): boolean {
  if (isUnspaced(entry)) return query.includes(entry);
  return ` ${query.replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ')} `.includes(` ${entry} `);
}

/**
 * The concepts of a query: each of its terms, with the words of any group that holds the term;
 * and any longer group entry the query holds as a whole (`注销账号`, `money back`), which no
 * single term stands for. At most `max` forms per concept, the term first.
 *
 * @example concepts('退費', ['退費'], [['退款', '退費', '退錢']]) // [{ term: '退費', forms: ['退費', '退款', '退錢'] }]
 */
export function concepts(query: string, terms: readonly string[], groups: readonly (readonly string[])[], max = 6): Concept[] {
  const q = norm(query);
  const out: Concept[] = terms.map((term) => {
    const forms = [term];
    for (const group of groups) {
      if (!group.some((w) => norm(w) === norm(term))) continue;
      for (const w of group) if (!forms.some((f) => norm(f) === norm(w))) forms.push(w);
    }
    return { term, forms: forms.slice(0, max) };
  });
  for (const group of groups) {
    for (const entry of group) {
      const e = norm(entry);
      const isTerm = out.some((c) => c.forms.some((f) => norm(f) === e));
      const long = isUnspaced(e) ? [...e].length > 2 : e.includes(' ');
      if (!long || isTerm || !holds(q, e)) continue;
      out.push({ term: entry, forms: [entry, ...group.filter((w) => norm(w) !== e)].slice(0, max) });
    }
  }
  return out;
}
