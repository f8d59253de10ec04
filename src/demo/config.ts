// qunyun.yaml for the demo workspace: the same products, channels and communities the events use,
// with each community's blueprint (goal, persona, benefits, gates, rules, elimination/revival).
import { stringify } from 'yaml';
import { CHANNELS, COMMUNITIES, PRODUCTS, capacities, expectedChannelJoins } from './catalog.js';
import type { DemoOptions } from './sim-context.js';

const CAMP_BLUEPRINT = {
  goal: '21天养成练习习惯，转化正式课',
  persona: '25-40岁城市女性，想减脂塑形、改善久坐体态',
  benefits: { content: ['每日跟练视频', '每晚8点直播跟练'], social: ['打卡互助', '同城约练'], service: ['老师答疑', '体态评估'] },
  gates: [{ type: 'price', product: 'trial-camp', description: '支付9.9元体验营后扫码入群' }],
  rules: ['禁止发广告', '禁止拉人进其他群', '禁止私加群友推销', '每天打卡，连续3天未打卡会被提醒'],
  announcement: '欢迎加入！每晚8点直播跟练，练完在群里打卡。7天内打卡不足5次将被移出，补卡3次可复活。',
  period: { days: 21 },
  elimination: { minCheckins: 5, withinDays: 7, silentDays: 14, noticeDays: 2 },
  revival: { checkins: 3, product: 'trial-camp' },
};

const BLUEPRINTS: Record<string, object> = {
  camp: CAMP_BLUEPRINT,
  pool: {
    goal: '宝妈好物团购与育儿交流，沉淀私域流量池',
    persona: '0-6岁孩子的妈妈，关注性价比和育儿经验',
    benefits: { content: ['每周好物清单', '育儿干货'], social: ['宝妈互助', '同城遛娃'], service: ['团购售后', '专属客服'] },
    gates: [{ type: 'identity', tags: ['宝妈'], description: '宝妈身份，老带新优先' }],
    rules: ['禁止发广告和微商链接', '禁止拉人', '团购售后请私聊团长'],
    announcement: '每天上午10点发团购，每周三晚育儿分享。老带新入群送好物小样！',
    elimination: { silentDays: 60, noticeDays: 3 },
  },
  vip: {
    goal: '服务年卡会员，提升续费与转介绍',
    persona: '购买年度私教会员的核心用户',
    benefits: { content: ['私教课表', '会员专属课程'], social: ['线下私享沙龙'], service: ['1对1私教', '专属客服'] },
    gates: [{ type: 'price', product: 'annual-vip', description: '购买年度VIP私教会员后由主理人拉入' }],
    rules: ['会员专属，请勿外传课程内容'],
    announcement: '欢迎加入VIP私享会！私教课请提前一天预约，每月一次线下沙龙。',
    period: { days: 365 },
  },
  tg: {
    goal: '服务海外华人学员，跨时区跟练并转化体验营',
    persona: '海外华人女性，想在家练瑜伽',
    benefits: { content: ['跟练视频与直播回放'], social: ['跨时区打卡'], service: ['老师答疑'] },
    gates: [{ type: 'action', action: 'join-via-invite-link', description: '通过YouTube频道或邀请链接入群并填写问卷' }],
    rules: ['No ads / 禁止广告', 'Be kind / 友善交流'],
    announcement: '欢迎！直播为北京时间每晚8点，回放7天内可看。Please check in daily!',
    elimination: { silentDays: 30, noticeDays: 2 },
  },
};

// Rules that answer the demo's own chatter: its ad spam, its FAQ, its joins and leaves (docs/automation.md).
const AUTOMATION = {
  playbooks: [
    {
      key: 'camp-sop',
      description: '训练营 SOP：每晚直播提醒、入营第二天早上问候',
      communities: ['wr-yoga-1', 'wr-yoga-2'],
      steps: [
        { key: 'live-reminder', cron: '30 19 * * *', send: '今晚8点直播跟练，提前5分钟进直播间，练完记得打卡～' },
        { key: 'day1', afterJoin: { days: 1, at: '09:00' }, send: '{name}，早上好！今天是入营第二天，跟练视频在群公告，练完来群里打卡哦' },
      ],
    },
    {
      key: 'reactivate',
      description: '沉睡唤醒：好久不见的问候，三天后送回归福利',
      on: 'dormant',
      steps: [
        { key: 'nudge', afterStart: { days: 0, at: '10:00' }, send: '{name}，好久不见～ 本周有新的跟练主题，回来一起练吧' },
        { key: 'offer', afterStart: { days: 3, at: '10:00' }, send: '{name}，回归福利：进阶课专属优惠券已放进你的账户', tag: '唤醒-已发券' },
      ],
    },
  ],
  lists: { ads: ['加微信', '加V', '兼职日结', '招代理', '一件代发', '刷单返利', '低价代购', '同城交友', '祛斑', '免费领'] },
  ladders: { standard: ['warn', 'mute:1h', 'remove', 'blacklist'] },
  rules: [
    {
      key: 'no-ads',
      description: '广告、外链、联系方式：删除并按阶梯处理',
      on: 'message',
      match: { words: ['ads'], links: true, phones: true, wechatIds: true },
      actions: ['delete', 'strike'],
      ladder: 'standard',
    },
    {
      key: 'flood',
      description: '10 秒内 5 条以上：删除并禁言 10 分钟',
      on: 'message',
      match: { flood: { messages: 5, seconds: 10 } },
      actions: ['delete', { mute: '10m' }],
    },
    {
      key: 'welcome',
      description: '入群欢迎（1 分钟内合并）',
      on: 'join',
      batchSeconds: 60,
      actions: [{ send: '欢迎 {name} 加入{community}！群规：{rules}。做个自我介绍吧～' }],
    },
    {
      key: 'faq',
      description: '常见问题自动回答，答不了的转给运营',
      on: 'message',
      actions: ['answer'],
      threshold: 1,
      faq: [
        { q: '体验营多少钱', a: '体验营9.9元7天，每晚8点直播跟练，报名链接在群公告哦～', keywords: ['价格', '费用', '收费', '体验课', '报名'] },
        { q: '进阶课多少钱', a: '21天进阶训练营原价199，活动期间169；体验营学员有专属优惠券', keywords: ['正式课', '进阶课', '年卡', '优惠'] },
        { q: '课程什么时候开始', a: '每期周一开营，每晚8点准时直播，报名后会拉你进新群', keywords: ['开营', '直播', '几点', '跟练', '开始'] },
        { q: '直播有回放吗', a: '直播都有回放，保留7天，链接在群公告里', keywords: ['回放', '错过', '重播'] },
        { q: '怎么退款', a: '开课7天内可以全额退款，私信我订单号，1-3个工作日原路退回', keywords: ['退款', '退钱', '到账', '买错'] },
        { q: '团购什么时候发货', a: '团购当天下午统一发货，第二天能查到物流', keywords: ['发货', '快递', '物流', '地址'] },
        {
          q: '体验营和进阶课有什么区别',
          a: '体验营是入门跟练，进阶课有体态评估和分阶段计划，零基础也能跟上',
          keywords: ['区别', '零基础', '瑜伽垫', '私教'],
        },
      ],
    },
    { key: 'churn-alert', description: '成员主动退群提醒运营', on: 'leave', reasons: ['quit'], actions: [{ notify: '{name} 退出了{community}' }] },
  ],
};

/** The demo workspace as qunyun.yaml text; deterministic for the given options. */
export function demoConfigYaml(opts: DemoOptions): string {
  const caps = capacities(opts.members);
  const joins = expectedChannelJoins(opts.members);
  const doc = {
    workspace: { name: '演示工作区', timezone: opts.timezone ?? 'Asia/Shanghai', dormantDays: 30, newCustomerDays: 30 },
    products: PRODUCTS.map((p) => ({ key: p.key, name: p.name, aliases: [...p.aliases], tier: p.tier, price: p.price })),
    channels: CHANNELS.map((c, i) => ({ key: c.key, name: c.name, cost: Math.round((joins[i]! * c.costPerJoin) / 100) * 100 })),
    communities: COMMUNITIES.map((c, i) => {
      const { period, elimination, revival, ...rest } = BLUEPRINTS[c.kind] as typeof CAMP_BLUEPRINT;
      const out: Record<string, unknown> = { key: c.key, platform: c.platform, name: c.name, ...rest, capacity: caps[i]! };
      if (period) out.period = period;
      if (elimination) out.elimination = elimination;
      if (revival) out.revival = revival;
      return out;
    }),
    automation: AUTOMATION,
  };
  return (
    `# Qunyun demo workspace (seed ${opts.seed}, ${opts.members} members, ${opts.days} days)\n` +
    stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false })
  );
}
