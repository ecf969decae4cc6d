/**
 * Words that carry no meaning in a search, per language (the base subtag of the page's lang).
 * Readers type questions ("how do I delete my account", "注销前要准备什么"); these words would
 * otherwise match every page. A query made only of stop words keeps them.
 */
export const stopWords: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'a an the is are was be do does did i my me we our you your it its to of in on at for from by with and or how what which who can could should would will when where why this that there if not any about up off out back over down into onto'.split(' '),
  ),
  zh: new Set('的 了 吗 呢 吧 啊 怎么 怎样 如何 什么 哪里 哪个 为什么 我 我的 你 你的 是 在 要 会 能 可以 应该 一下 一个 还 和 与 或 就 都 也'.split(' ')),
};

export function isStopWord(word: string, lang: string): boolean {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  return stopWords[base]?.has(word.toLowerCase()) ?? false;
}
