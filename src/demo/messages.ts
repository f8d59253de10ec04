// What members say: Chinese chat by community kind, product mentions by name or alias, check-in posts,
// media and ad spam (questions and their answers are in qa.ts).
import type { MessageKind } from '../domain/events/types.js';
import type { CommunityKind } from './catalog.js';
import type { Rng } from './prng.js';

export const M_HELLO = 0,
  M_MORNING = 1,
  M_NIGHT = 2,
  M_CHAT = 3,
  M_REPLY = 4,
  M_QUESTION = 5,
  M_PRODUCT = 6,
  M_CHECKIN = 7,
  M_MEDIA = 8,
  M_THANKS = 9,
  M_BACK = 10,
  M_SPAM = 11;

const HELLO = [
  '大家好，新人报到🙋‍♀️',
  '我是从小红书看到来的，请多关照～',
  'hello大家好',
  '新人求带！',
  '报到报到',
  '大家好，零基础小白一枚，请多指教',
  '刚进群，先看看群公告',
  '闺蜜拉我进来的，大家好呀',
  '大家好～听说这里可以一起打卡',
  '新人，想减肥的来组队',
];
const MORNING = ['早上好☀️', '早安～今天也要加油', '姐妹们早！', '早～', '早上好呀，今天天气真好', '早安打工人', '新的一天，冲鸭💪'];
const NIGHT = ['晚安🌙', '今天练完了，睡觉去了', '大家晚安～明天见', '晚安，明早继续', '睡前拉伸完毕，晚安'];
const THANKS = ['谢谢老师！', '收到～', '好的明白了', '谢谢🙏', '懂了，谢谢解答', '感谢！马上去试试', '好的好的'];
const BACK = [
  '好久没来了，最近有什么活动吗？',
  '潜水好久，出来冒个泡',
  '最近太忙断了好久，今天重新开始',
  '还有人在练吗？我回来了',
  '有段时间没打卡了，惭愧😅',
];
const REPLY = [
  '同问',
  '+1',
  '我也想知道',
  '哈哈哈哈哈',
  '真的！',
  '一起加油💪',
  '我也是这样',
  '谢谢分享🙏',
  '收藏了',
  '太厉害了吧',
  '羡慕了',
  '求同款',
  '对对对',
  '我也遇到过',
  '学到了',
  '👍👍👍',
  '坚持就是胜利',
  '我也报了',
  '可以可以',
];

const CHAT: Record<CommunityKind, string[]> = {
  camp: [
    '今天的课好难啊，腿都在抖😂',
    '老师的口令好温柔',
    '肩颈终于不那么痛了',
    '坚持一周了，体重掉了1斤',
    '有没有人一起练？',
    '下犬式脚跟总是落不了地',
    '昨天的直播跟下来出了一身汗',
    '午休时间偷偷练了10分钟',
    '今天状态不好，只做了拉伸',
    '感觉柔韧性真的有进步',
    '终于能摸到脚尖了！',
    '练完睡眠好多了',
    '老公说我最近体态好了',
    '每天晚上8点雷打不动',
    '膝盖有点不舒服，先休息一天',
    '三角式好难保持平衡',
    '平板支撑坚持了1分钟！',
    '有没有早上练的姐妹',
  ],
  pool: [
    '孩子终于睡了，偷得半小时',
    '这次团购的纸巾好用吗',
    '宝宝湿疹有什么推荐的吗',
    '今天接娃迟到了😭',
    '有没有同城的宝妈',
    '二宝刚满月，累但幸福',
    '这个辅食机谁买过',
    '幼儿园报名好卷啊',
    '上次团的洗衣液很好用',
    '周末带娃去哪玩比较好',
    '娃发烧了一晚上没睡',
    '求推荐绘本',
    '又到了换季买衣服的时候',
    '产后腰痛有没有办法',
    '宝妈也要爱自己',
    '谁家娃不爱吃饭',
  ],
  vip: [
    '私教课约周六上午可以吗',
    '体态评估报告收到了，很专业',
    '这周的沙龙我报名',
    '跟着私教练了一个月，核心稳多了',
    '年卡的权益好多，用不完',
    '老师推荐的呼吸法很有用',
    '下次线下活动在哪里',
    '想约一节理疗瑜伽',
  ],
  tg: [
    'Morning from Toronto 🇨🇦',
    '时差党报到，这边刚天亮',
    'Anyone from Sydney?',
    '直播回放在哪里看呀',
    '在国外也能跟练，太好了',
    'Just finished today’s session 🧘',
    '这边冬天太冷了，在家练',
    '周末一起线上练吗',
    'Love this group!',
    '终于找到组织了',
    '刚下班，补一节课',
  ],
};

const PRODUCT_TALK = [
  '体验营真的值，9.9块钱跟练7天',
  '刚下单了年卡，冲！',
  '体验营9.9太划算了，推荐给闺蜜了',
  '瑜伽垫到了，防滑效果不错',
  '好物箱这次的东西好实用',
  '进阶课第一周就感觉不一样了',
  '纠结要不要报正式课',
  '21天课比体验课强度大多了',
  '团购箱里的零食娃很喜欢',
  '年卡双11价格心动了',
  '私教年卡有人报了吗',
  '垫子有点厚，适合我这种膝盖不好的',
  '报了7天瑜伽体验营，明天开始！',
  '21天进阶训练营第二周了，腰围小了2cm',
  '年度VIP私教会员的私教课太值了',
  '宝妈好物团购箱这期有什么？',
];

const CHECKIN = [
  'Day {n} 打卡✅',
  '第{n}天打卡，今天练了{m}分钟',
  '打卡+1 💪 第{n}天',
  '今日份打卡完成～ 坚持第{n}天',
  '第{n}天，出汗了，舒服',
  'Day {n} ✔️ 今天做了开髋',
  '打卡第{n}天，体重-{k}斤',
];

const SPAM = [
  '加微信vx{d}领取免费减肥资料',
  '兼职日结300+，宝妈学生都可做，私聊',
  '招代理，一件代发，零门槛，加V：dg{d}',
  '低价代购各种大牌，需要的加我',
  '免费领瑜伽服👉 http://t.cn/A6{s}',
  '刷单返利，日赚500，有意者私',
  '专业祛斑，加vx{d}',
  '同城交友，点击 http://bit.ly/{s}',
];

const LINKS = ['https://www.xiaohongshu.com/explore/64{s}', 'https://v.douyin.com/i{s}/', 'https://mp.weixin.qq.com/s/{s}', 'https://b23.tv/{s}'];
const B36 = 'abcdefghijklmnopqrstuvwxyz0123456789';

function token(rng: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += B36[rng.int(36)]!;
  return s;
}

export function helloText(rng: Rng): string {
  return rng.pick(HELLO);
}
export function morningText(rng: Rng): string {
  return rng.pick(MORNING);
}
export function nightText(rng: Rng): string {
  return rng.pick(NIGHT);
}
export function thanksText(rng: Rng): string {
  return rng.pick(THANKS);
}
export function backText(rng: Rng): string {
  return rng.pick(BACK);
}
export function replyText(rng: Rng, kind: CommunityKind): string {
  return rng.chance(0.5) ? rng.pick(REPLY) : chatText(rng, kind); // half are quick reactions, half carry on the topic
}
export function productText(rng: Rng): string {
  return rng.pick(PRODUCT_TALK);
}
const LEAD = ['姐妹们，', '哈哈，', '说真的，', '', '', ''];
const TAIL = ['', '', '', '～', '😂', '🤣', '💪', '🥰', '！', '哈哈哈'];

/** Chat lines get an occasional lead-in or tail so the same line doesn't repeat verbatim thousands of times. */
export function chatText(rng: Rng, kind: CommunityKind): string {
  const line = rng.pick(CHAT[kind]);
  const r = rng.u32();
  if ((r & 3) !== 0) return line;
  return LEAD[(r >>> 2) % LEAD.length]! + line + TAIL[(r >>> 8) % TAIL.length]!;
}

export function checkinText(rng: Rng, n: number): string {
  return rng
    .pick(CHECKIN)
    .replace('{n}', String(n))
    .replace('{m}', String(rng.range(15, 60)))
    .replace('{k}', String(rng.range(1, 6)));
}

export function spamText(rng: Rng): string {
  return rng
    .pick(SPAM)
    .replace('{d}', String(rng.range(100, 99999)))
    .replace('{s}', token(rng, 6));
}

export function linkText(rng: Rng): string {
  return rng.pick(LINKS).replace('{s}', token(rng, 10));
}

/** The kind of a media message; voice notes are common in WeCom mum groups, rare on Telegram. */
export function mediaKind(rng: Rng, kind: CommunityKind): MessageKind {
  const u = rng.next();
  const voice = kind === 'pool' ? 0.3 : kind === 'tg' ? 0.05 : 0.15;
  if (u < 0.5) return 'image';
  if (u < 0.5 + voice) return 'voice';
  if (u < 0.72 + voice / 2) return 'link';
  if (u < 0.85 + voice / 4) return 'video';
  return u < 0.97 ? 'other' : 'file';
}
