// What operators post on a community's playbook: morning post, live reminder, check-in nudge, content,
// promotions, notices (answers to questions are in qa.ts).
import type { MessageKind } from '../domain/events/types.js';
import type { CommunityKind } from './catalog.js';
import type { Rng } from './prng.js';

export const S_MORNING = 0,
  S_LIVE = 1,
  S_REMIND = 2,
  S_CONTENT = 3,
  S_PROMO = 4,
  S_WELCOME = 5,
  S_SPAM_NOTICE = 6,
  S_ELIM_NOTICE = 7,
  S_GOODS = 8;

const LIVE_TOPICS = ['肩颈放松', '开髋与下背舒缓', '核心激活', '睡前助眠流', '体态矫正', '燃脂流瑜伽', '腿部线条', '呼吸与冥想'];

interface StaffPost {
  kind: MessageKind;
  text?: string;
}

export function staffPost(rng: Rng, what: number, community: CommunityKind, campaign: string | undefined, dayOfPeriod: number): StaffPost {
  switch (what) {
    case S_MORNING:
      return community === 'tg'
        ? { kind: 'text', text: `Good morning/evening everyone 🌏 今天的跟练视频已发在频道，第${dayOfPeriod}天一起加油！` }
        : {
            kind: 'text',
            text: rng.pick([
              '早上好呀各位☀️ 今天的跟练视频已发，记得打卡哦',
              `早安！今日练习：${rng.pick(LIVE_TOPICS)}，练完来群里打卡`,
              '早～今天也是元气满满的一天，跟练视频见群文件',
            ]),
          };
    case S_LIVE:
      return { kind: 'text', text: `今晚8点直播跟练《${rng.pick(LIVE_TOPICS)}》，提前5分钟进直播间～` };
    case S_REMIND:
      return {
        kind: 'text',
        text: rng.pick([
          '还没打卡的同学抓紧啦，今天打卡截止到23:59',
          '打卡提醒⏰ 坚持就是胜利，今天的你打卡了吗？',
          '今天打卡的同学超棒👍 还没打卡的加油',
        ]),
      };
    case S_CONTENT:
      return rng.chance(0.5)
        ? { kind: 'file', text: rng.pick(['21天体态改善计划.pdf', '零基础瑜伽体式图解.pdf', '饮食搭配建议.pdf']) }
        : { kind: 'video' };
    case S_PROMO:
      return {
        kind: 'link',
        text:
          campaign === 'double11'
            ? '🔥双11限时：年卡2599元、进阶课169元，仅限前50名 https://shop.qunyun.demo/d11'
            : `🔥限时活动进行中：进阶课169元、年卡立减400 https://shop.qunyun.demo/${campaign ?? 'sale'}`,
      };
    case S_WELCOME:
      return { kind: 'text', text: '欢迎新朋友们🎉 进群先看群公告，有问题随时@我' };
    case S_SPAM_NOTICE:
      return { kind: 'text', text: rng.pick(['已移出发广告的成员，大家注意甄别，不要私加陌生人', '提醒：群内禁止发广告和拉人，违者直接移出']) };
    case S_ELIM_NOTICE:
      return { kind: 'text', text: '按群规（2天前已预告）：7天内打卡不足5次的同学今天移出本群，想回来的同学补卡3次即可复活～' };
    case S_GOODS:
      return {
        kind: 'link',
        text: rng.pick([
          '今日团购：儿童保温杯 2件79元 https://shop.qunyun.demo/g/cup',
          '今日团购：有机小米粥 3斤装39.9 https://shop.qunyun.demo/g/mi',
          '本周好物箱上新啦👉 https://shop.qunyun.demo/g/box',
          '宝宝洗护套装限时拼团 https://shop.qunyun.demo/g/wash',
        ]),
      };
    default:
      return { kind: 'text', text: '大家有问题随时@我' };
  }
}
