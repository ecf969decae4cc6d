import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in Japanese; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['解約', 'キャンセル', '停止', '利用停止', '無効化'],
  ['削除', '消去', '消す'],
  ['返金', '払い戻し', '払戻し', '返金申請'],
  ['自動チャージ', 'オートチャージ', '自動更新', '自動購入', 'トップアップ'],
  ['サブスクリプション', 'サブスク', '定期購入', '定期プラン'],
  ['アカウント削除', '退会', 'アカウント閉鎖', 'アカウント解約'],
  ['認証コード', '確認コード', 'ワンタイムコード', 'ワンタイムパスワード', 'OTP', 'SMS認証'],
  ['スマートフォン', 'スマホ', '携帯', '端末'],
  ['モバイルデータ通信', 'モバイル通信', 'データ通信', 'モバイルデータ'],
  ['販売元', '販売会社', '購入先', '事業者'],
  ['サポート', 'カスタマーサポート', 'カスタマーサービス', '問い合わせ', '窓口'],
  ['旅行用eSIM', '海外eSIM', 'トラベルeSIM', '海外旅行eSIM', 'プリペイドeSIM'],
  ['QRコード', 'アクティベーションコード', 'インストール用コード'],
  ['通信会社', 'キャリア', '携帯会社', '通信事業者'],
  ['サインイン', 'ログイン'],
  ['販売元', '購入先', 'どこで買った', '販売会社', '提供元'],
] satisfies SynonymGroups;
