/**
 * Words that carry no meaning in a search, per language (the base subtag of the page's lang).
 * Readers type questions ("how do I delete my account", "注销前要准备什么"); these words would
 * otherwise match every page. A query made only of stop words keeps them.
 */
export const stopWords: Record<string, ReadonlySet<string>> = {
  en: new Set(
    'a an the is are was be do does did i my me we our you your it its to of in on at for from by with and or how what which who can could should would will when where why this that there if not any about up off out back over down into onto'.split(' '),
  ),
  // Simplified and Traditional forms alike: one base language, two scripts.
  zh: new Set(
    '的 了 吗 呢 吧 啊 怎么 怎样 如何 什么 哪里 哪个 为什么 我 我的 你 你的 是 在 要 会 能 可以 应该 一下 一个 还 和 与 或 就 都 也 嗎 怎麼 怎樣 什麼 哪裡 哪個 為什麼 會 應該 一個 還 與'.split(' '),
  ),
  ja: new Set('の に は を が で と も へ や か た だ て な ね よ です ます でし まし ない たい どう どこ どの どれ なに 何 いつ なぜ する し して した される こと もの よう ため から まで 私 わから 分から ください 方法 やり方'.split(' ')),
  ko: new Set('어떻게 어디 어디서 무엇 뭐 무슨 왜 언제 어느 하나요 되나요 있나요 하면 해야 하는 방법 수 저 제 내 나 그 이 좀 및 또는'.split(' ')),
  th: new Set('อย่างไร ยังไง ทำไม ที่ไหน อะไร ไหม ได้ ไม่ ของ ที่ และ หรือ จะ ต้อง ให้ การ ความ ฉัน เรา คือ เป็น ก็ แล้ว ด้วย วิธี ทำ อยู่ ถ้า'.split(' ')),
  vi: new Set('làm sao thế nào như gì ở đâu của tôi mình có không được là và với cho để khi bị thì mà cách nếu này đó một các những phải'.split(' ')),
  km: new Set('យ៉ាងដូចម្តេច ដូចម្តេច ម្តេច អ្វី ណា នៅ របស់ ខ្ញុំ និង ឬ ដែល បាន មិន ទេ ជា ក្នុង ពី ឱ្យ ត្រូវ តើ ហើយ ទៅ យ៉ាង ធ្វើ'.split(' ')),
};

export function isStopWord(word: string, lang: string): boolean {
  const base = lang.toLowerCase().split('-')[0] ?? '';
  return stopWords[base]?.has(word.toLowerCase()) ?? false;
}
