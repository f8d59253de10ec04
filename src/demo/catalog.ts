// The demo workspace's fixed cast: products, channels, communities and staff, shared by the event
// generator and the qunyun.yaml it describes.
import type { JoinMethod, Tier } from '../domain/events/types.js';

export interface ProductDef {
  key: string;
  name: string;
  aliases: string[];
  tier: Tier;
  price: number;
  salePrice: number;
}
export const PRODUCTS: readonly ProductDef[] = [
  { key: 'trial-camp', name: '7天瑜伽体验营', aliases: ['体验营', '体验课', '9.9体验营'], tier: 'lead', price: 990, salePrice: 990 },
  { key: 'course-21', name: '21天进阶训练营', aliases: ['进阶课', '正式课', '21天课'], tier: 'entry', price: 19900, salePrice: 16900 },
  { key: 'goods-box', name: '宝妈好物团购箱', aliases: ['好物箱', '团购箱'], tier: 'entry', price: 8900, salePrice: 7900 },
  { key: 'yoga-mat', name: '专业防滑瑜伽垫', aliases: ['瑜伽垫', '垫子'], tier: 'entry', price: 15900, salePrice: 12900 },
  { key: 'annual-vip', name: '年度VIP私教会员', aliases: ['年卡', 'VIP会员', '私教年卡'], tier: 'premium', price: 299900, salePrice: 259900 },
];
export const P_TRIAL = 0,
  P_COURSE = 1,
  P_GOODS = 2,
  P_MAT = 3,
  P_VIP = 4;
/** Pyramid level reached by buying a product: 1 lead, 2 entry, 3 premium. */
export const PRODUCT_LEVEL = [1, 2, 2, 2, 3] as const;

export interface ChannelDef {
  key: string;
  name: string;
  costPerJoin: number;
  method: JoinMethod;
  /** Multipliers: how long activity lasts, how likely to buy up, how likely to quit. */
  retention: number;
  conversion: number;
  quit: number;
  phone: number;
  spam: number;
}
export const CHANNELS: readonly ChannelDef[] = [
  { key: 'douyin', name: '抖音', costPerJoin: 600, method: 'qr', retention: 0.6, conversion: 0.5, quit: 1.8, phone: 0.2, spam: 2 },
  { key: 'xiaohongshu', name: '小红书', costPerJoin: 1000, method: 'qr', retention: 1.0, conversion: 1.1, quit: 1.0, phone: 0.3, spam: 1 },
  { key: 'wechat-ads', name: '朋友圈广告', costPerJoin: 1500, method: 'qr', retention: 0.7, conversion: 0.7, quit: 1.5, phone: 0.45, spam: 1.5 },
  { key: 'offline', name: '线下门店', costPerJoin: 400, method: 'qr', retention: 1.5, conversion: 1.8, quit: 0.5, phone: 0.7, spam: 0 },
  { key: 'referral', name: '老带新裂变', costPerJoin: 200, method: 'invited', retention: 1.3, conversion: 1.3, quit: 0.7, phone: 0.15, spam: 0.3 },
  {
    key: 'tg-youtube',
    name: 'YouTube频道邀请链接',
    costPerJoin: 300,
    method: 'link',
    retention: 0.9,
    conversion: 0.8,
    quit: 1.2,
    phone: 0.03,
    spam: 1.5,
  },
  {
    key: 'tg-link',
    name: 'Telegram公开邀请链接',
    costPerJoin: 100,
    method: 'link',
    retention: 0.8,
    conversion: 0.6,
    quit: 1.3,
    phone: 0.02,
    spam: 3,
  },
];
export const CH_REFERRAL = 4;
/** No channel (organic / unknown source). */
export const CH_NONE = 255;

export interface StaffDef {
  id: string;
  platform: string;
  name: string;
}
export const STAFF: readonly StaffDef[] = [
  { id: 'LinXiaoyu', platform: 'wecom', name: '林小雨老师' },
  { id: 'ZhouTing', platform: 'wecom', name: '周婷｜社群运营' },
  { id: 'ChenJiaolian', platform: 'wecom', name: '陈教练' },
  { id: 'WangJie', platform: 'wecom', name: '王姐｜好物团长' },
  { id: 'SuQing', platform: 'wecom', name: '苏晴｜私教主理人' },
  { id: '6021874411', platform: 'telegram', name: 'Coach Lin 林老师' },
  { id: '6021874412', platform: 'telegram', name: 'Yuki | 运营' },
];

export type CommunityKind = 'camp' | 'pool' | 'vip' | 'tg';
export interface CommunityDef {
  key: string;
  platform: string;
  name: string;
  kind: CommunityKind;
  owner: number;
  admins: number[];
  challenge: boolean;
  /** Channel weights, indexed like CHANNELS, plus the weight of "no channel" last. */
  mix: number[];
}
export const COMMUNITIES: readonly CommunityDef[] = [
  {
    key: 'wr-yoga-1',
    platform: 'wecom',
    name: '瑜伽训练营·1群',
    kind: 'camp',
    owner: 0,
    admins: [1, 2],
    challenge: true,
    mix: [35, 25, 15, 5, 15, 0, 0, 5],
  },
  {
    key: 'wr-yoga-2',
    platform: 'wecom',
    name: '瑜伽训练营·2群',
    kind: 'camp',
    owner: 0,
    admins: [1, 2],
    challenge: true,
    mix: [35, 25, 15, 5, 15, 0, 0, 5],
  },
  {
    key: 'wr-baoma',
    platform: 'wecom',
    name: '宝妈好物分享群',
    kind: 'pool',
    owner: 3,
    admins: [1],
    challenge: false,
    mix: [10, 25, 5, 20, 35, 0, 0, 5],
  },
  { key: 'wr-vip', platform: 'wecom', name: '瑜伽VIP私享会', kind: 'vip', owner: 4, admins: [0, 1], challenge: false, mix: [0, 0, 0, 0, 0, 0, 0, 1] },
  {
    key: '-1001876543210',
    platform: 'telegram',
    name: 'Qunyun Yoga 海外华人练习群',
    kind: 'tg',
    owner: 5,
    admins: [6],
    challenge: true,
    mix: [0, 0, 0, 0, 20, 45, 30, 5],
  },
];
export const C_YOGA1 = 0,
  C_YOGA2 = 1,
  C_BAOMA = 2,
  C_VIP = 3,
  C_TG = 4;
/** Share of new members arriving at the camp pool (yoga 1→2), the mum group and the Telegram group. */
export const ENTRY_SHARE = { camp: 0.55, pool: 0.3, tg: 0.15 };
export const CHALLENGE = '21-day-yoga';

/** Group capacities scale with the demo size so the group pool routes 1群 → 2群 about mid-period. */
export function capacities(members: number): number[] {
  const up = (x: number, min: number) => Math.max(min, Math.ceil(x / 100) * 100);
  const camp = up(members * ENTRY_SHARE.camp * 0.45, 200);
  return [camp, camp, up(members * ENTRY_SHARE.pool * 1.1, 200), up(members * 0.03, 100), up(members * ENTRY_SHARE.tg * 1.1, 200)];
}

/** Expected joins per channel, for the channel cost in qunyun.yaml. */
export function expectedChannelJoins(members: number): number[] {
  const out = CHANNELS.map(() => 0);
  const add = (c: CommunityDef, share: number) => {
    const total = c.mix.reduce((a, b) => a + b, 0);
    c.mix.forEach((w, i) => {
      if (i < out.length) out[i]! += (members * share * w) / total;
    });
  };
  add(COMMUNITIES[C_YOGA1]!, ENTRY_SHARE.camp);
  add(COMMUNITIES[C_BAOMA]!, ENTRY_SHARE.pool);
  add(COMMUNITIES[C_TG]!, ENTRY_SHARE.tg);
  return out;
}

export interface CampaignDef {
  key: string;
  month: number;
  from: number;
  to: number;
}
/** Calendar campaigns; when none falls in the period, an "anniversary" sale is placed at 60% of it. */
export const CAMPAIGNS: readonly CampaignDef[] = [
  { key: '618', month: 6, from: 1, to: 18 },
  { key: 'double11', month: 11, from: 1, to: 11 },
  { key: 'double12', month: 12, from: 10, to: 12 },
];
export const FALLBACK_CAMPAIGN = 'anniversary';
