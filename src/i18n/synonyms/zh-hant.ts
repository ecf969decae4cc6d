import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in Traditional Chinese; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['取消', '停用', '終止', '關閉', '解約'],
  ['刪除', '移除', '刪掉', '清除'],
  ['註銷', '銷戶', '註銷帳號', '刪除帳號', '關閉帳戶'],
  ['退款', '退費', '退錢'],
  ['自動儲值', '自動續約', '自動續訂', '自動續費', '續購', '自動加購'],
  ['儲值', '加值', '充值'],
  ['帳號', '帳戶'],
  ['App', '應用程式', 'APP'],
  ['官網', '官方網站', '網站'],
  ['客服', '客服中心', '線上客服', '客服專線'],
  ['門號', '號碼', '電話號碼'],
  ['行動數據', '行動網路', '上網', '數據'],
  ['驗證碼', 'OTP', '一次性密碼', '動態密碼', '認證碼'],
  ['eSIM', '網卡', '上網卡', '旅行 eSIM'],
  ['QR Code', 'QR 碼', '行動條碼', '二維碼'],
  ['賣家', '誰賣', '在哪買', '哪家買', '商家', '購買管道'],
  ['Trip.com', '攜程'],
] satisfies SynonymGroups;
