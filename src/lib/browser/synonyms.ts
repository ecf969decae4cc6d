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
export function concepts(query: string, terms: readonly string[], groups: readonly (readonly string[])[], max = 4): Concept[] {
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

/**
 * Text reduced to what any Pagefind match needs: lowercase, without accents, marks, spaces or
 * the invisible word breaks of the index. If a form is not inside a page's text so reduced,
 * no search for it can find that page (Pagefind matches words, their starts, or phrases).
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\p{M}\p{Z}\s\u200b-\u200d\u2060-\u2064\ufeff]/gu, '')
    .toLowerCase();
}

/**
 * The forms of the groups that occur nowhere in a language's pages. Searching for them costs
 * a reader a piece of the index each and finds nothing, so the search asks only for the rest
 * (yet still knows the group of a word the reader typed). `texts` are the pages' indexed text.
 * Where Pagefind stems words (English), a form may match a page that holds another inflection,
 * so pass `stemmed` and nothing is reported absent.
 *
 * @example absentForms([['refund', 'money back']], ['Ask for a refund.']) // ['money back']
 */
export function absentForms(groups: readonly (readonly string[])[], texts: readonly string[], stemmed = false): string[] {
  if (stemmed) return [];
  const haystack = texts.map(matchKey).join('\n');
  return [...new Set(groups.flat())].filter((form) => !haystack.includes(matchKey(form)));
}
