import type { SynonymGroups } from '../synonyms';

/**
 * Words readers use for the same thing, in Simplified Chinese; a query word finds pages that use another
 * word of its group (see src/lib/browser/synonyms.ts). Only true near-synonyms in this guide's context.
 */
export default [
  ['注销', '销户', '注销账号', '删除账号', '关闭账户'],
  ['取消', '停用', '终止', '关闭', '退订', '解约'],
  ['删除', '移除', '删掉', '清除'],
  ['退款', '退费', '退钱', '申请退款'],
  ['自动续费', '自动充值', '自动续订', '自动续期', '续费', '自动扣费'],
  ['充值', '加值', '流量包'],
  ['账号', '账户', '帐号', '帐户'],
  ['App', '应用', 'APP', '软件'],
  ['官网', '官方网站', '网站', '网页版'],
  ['客服', '人工客服', '在线客服', '客服热线'],
  ['验证码', '短信验证码', '动态密码', 'OTP'],
  ['手机号', '号码', '电话号码'],
  ['流量', '数据', '上网', '移动数据'],
  ['远游卡', '旅行eSIM', '境外流量卡', '漫游卡'],
  ['诈骗', '骗局', '骗子', '钓鱼'],
  ['卖家', '谁卖的', '在哪买', '哪家买', '商家', '购买渠道'],
  ['Trip.com', '携程'],
] satisfies SynonymGroups;
