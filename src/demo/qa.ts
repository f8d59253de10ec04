// The questions members keep asking (the operator's FAQ) paired with the answers they get, so a reply
// always fits its question. Experienced members answer only what they can know from experience.
import type { CommunityKind } from './catalog.js';
import type { Rng } from './prng.js';

export const T_PRICE = 0,
  T_SCHEDULE = 1,
  T_REFUND = 2,
  T_PRODUCT = 3,
  T_SHIPPING = 4,
  T_HEALTH = 5,
  T_REPLAY = 6;

interface QA {
  q: string;
  a: string;
  peer?: string;
}
const EN_OFFSET = 64;

const ZH: QA[][] = [
  [
    { q: '体验营多少钱？', a: '体验营9.9元7天，每晚8点直播跟练，报名链接在群公告哦～' },
    { q: '9.9的体验课还能报吗', a: '还能报，本期周日截止，链接在群公告' },
    { q: '进阶课多少钱呀', a: '21天进阶训练营原价199，活动期间169，有问题随时私信我' },
    { q: '年卡有优惠吗', a: '年卡活动价会在群里提前通知，大促期间2599，先关注群公告哦' },
    { q: '正式课怎么收费', a: '正式课就是21天进阶训练营，199元，体验营学员有专属优惠券' },
  ],
  [
    { q: '课程什么时候开始？', a: '每期周一开营，报名后会拉你进新群', peer: '周一开营，报完名老师会拉群的' },
    { q: '今晚几点直播？', a: '每晚8点准时直播，提前5分钟进直播间～', peer: '8点，每天都是' },
    { q: '明天还有跟练吗', a: '每天都有，早上7点发跟练视频，晚上8点直播', peer: '有的，天天都有' },
  ],
  [
    { q: '怎么退款？', a: '开课7天内可以全额退款，私信我订单号就行' },
    { q: '买错了能退吗', a: '可以的，私信我订单号，1-3个工作日原路退回' },
    { q: '退款多久到账', a: '退款1-3个工作日原路退回，放心' },
  ],
  [
    { q: '体验营和进阶课有什么区别？', a: '体验营是入门跟练，进阶课有体态评估和分阶段计划', peer: '进阶课强度大一些，还有老师点评，我觉得值' },
    { q: '零基础能跟上进阶课吗', a: '可以的，进阶课第一周从基础体式开始', peer: '我就是零基础，跟得上，别担心' },
    { q: '瑜伽垫买哪个好', a: '推荐6mm的防滑垫，膝盖不好选8mm，群里有团购价', peer: '我买的群里那款，挺防滑的' },
    { q: '年卡包含私教课吗', a: '年卡包含每月2节私教和线下沙龙' },
  ],
  [
    { q: '团购什么时候发货？', a: '团购今天下午统一发货，明天能查到物流' },
    { q: '好物箱里都有什么', a: '好物箱清单在群公告里，每周更新', peer: '上周的有纸巾、洗衣凝珠和零食，挺实用' },
    { q: '快递到哪了', a: '私信我手机号帮你查一下' },
    { q: '可以改地址吗', a: '改地址私信我，发货前都可以改' },
  ],
  [
    { q: '生理期能练吗？', a: '生理期建议只做舒缓拉伸，不做倒立体式', peer: '我生理期只做拉伸，感觉还挺舒服' },
    { q: '腰不好能做这个动作吗', a: '腰不好先做猫牛式，动作放慢，有不适马上停', peer: '我腰也不好，先从猫牛式开始的' },
    { q: '产后多久可以开始练', a: '顺产42天后、剖腹产3个月后可以从轻柔的开始', peer: '我是产后两个月开始的，从呼吸练起' },
    { q: '饭后多久可以练', a: '饭后1.5-2小时再练比较好', peer: '我一般吃完两小时再练' },
  ],
  [
    { q: '直播有回放吗？', a: '直播都有回放，在群公告的课程链接里', peer: '有回放，群公告里有链接' },
    { q: '错过直播怎么办', a: '回放保留7天，记得及时看哦', peer: '看回放就行，我经常看回放' },
  ],
];

const EN: QA[][] = [
  [{ q: 'How much is the trial camp?', a: 'The 7-day trial camp is ¥9.9 (about $1.5), link in the pinned message 📌' }],
  [{ q: 'What time is the class in EST?', a: '8pm Beijing time = 7am EST (8am during summer time)', peer: '7am for me in Toronto' }],
  [{ q: 'Can I get a refund?', a: 'Yes, within 7 days — DM me your order number' }],
  [],
  [],
  [],
  [{ q: 'Is the live session recorded?', a: 'Yes, replays stay available for 7 days', peer: 'Yes! I always watch the replay' }],
];

/** Which question a member asks depends on where they are in the pyramid (level 0–3) and the group. */
export function pickTopic(rng: Rng, level: number, kind: CommunityKind): number {
  const u = rng.next();
  if (kind === 'pool') return u < 0.35 ? T_SHIPPING : u < 0.6 ? T_PRICE : u < 0.8 ? T_PRODUCT : u < 0.9 ? T_HEALTH : T_REFUND;
  if (level <= 1 && u < 0.35) return T_PRICE;
  if (u < 0.5) return T_SCHEDULE;
  if (u < 0.62) return T_REPLAY;
  if (u < 0.78) return T_PRODUCT;
  if (u < 0.92) return T_HEALTH;
  return T_REFUND;
}

/** A question variant of a topic; Telegram members sometimes ask in English. */
export function pickVariant(rng: Rng, topic: number, kind: CommunityKind): number {
  const en = EN[topic]!;
  if (kind === 'tg' && en.length > 0 && rng.chance(0.3)) return EN_OFFSET + rng.int(en.length);
  return rng.int(ZH[topic]!.length);
}

function qa(topic: number, variant: number): QA {
  return variant >= EN_OFFSET ? EN[topic]![variant - EN_OFFSET]! : ZH[topic]![variant]!;
}

export function questionText(topic: number, variant: number): string {
  return qa(topic, variant).q;
}

/** Whether an experienced member could answer this one (operational questions are for staff). */
export function peerCanAnswer(topic: number, variant: number): boolean {
  return qa(topic, variant).peer !== undefined;
}

export function answerText(topic: number, variant: number, askerName: string, peer: boolean): string {
  const x = qa(topic, variant);
  return `@${askerName} ${peer && x.peer ? x.peer : x.a}`;
}
