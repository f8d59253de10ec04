// Turns the day's planned records, in time order, into ledger events. Things that depend on what was
// already said (reply targets, who is still to be welcomed, the current nickname) are decided here.
import {
  JOIN_METHODS,
  type LedgerEvent,
  type MemberJoined,
  type MemberLeft,
  type MemberProfile,
  type MessageKind,
  type MessageSent,
  type OrderPaid,
  type OrderRefunded,
} from '../domain/events/types.js';
import { CHALLENGE, CHANNELS, COMMUNITIES, PRODUCTS, STAFF } from './catalog.js';
import * as msg from './messages.js';
import { ageBand, city, mobile } from './names.js';
import { A_ANSWER, A_CHECKIN, A_COMMUNITY, A_JOIN, A_LEAVE, A_LINK, A_MSG, A_ORDER, A_PROFILE, A_REFUND, A_STAFF } from './plan.js';
import { Rng, hash32 } from './prng.js';
import { PK_ATTRS, PK_BOUGHT, PK_INTENT, PK_NAME, PK_PHONE, PK_RENAME, PK_SPAM, PK_STAFF, PK_STAR } from './sim-commerce.js';
import type { Sim } from './sim-context.js';
import { answerText, questionText } from './qa.js';
import { S_WELCOME, staffPost } from './staff-messages.js';

const RING = 16;
const BOUGHT_TAG = ['已购体验营', '已购进阶课', '已购好物箱', '已购瑜伽垫', 'VIP'];
const PERSONA: Record<string, string[]> = {
  camp: ['减脂', '零基础', '上班族', '宝妈', '学生', '久坐肩颈痛'],
  pool: ['宝妈', '全职妈妈', '二胎', '职场妈妈'],
  vip: ['高净值'],
  tg: ['海外华人', '零基础', '上班族'],
};
const CHILD_AGE = ['0-1岁', '1-3岁', '3-6岁', '6岁以上'];
const CHANNEL_KEYS = CHANNELS.map((c) => c.key);

export function orderId(date: string, n: number): string {
  return 'QY' + date + String(n).padStart(7, '0');
}

export class Materializer {
  private seq = 0;
  private readonly rng: Rng;
  private readonly ringNum = new Int32Array(COMMUNITIES.length * RING);
  private readonly ringAuthor = new Int32Array(COMMUNITIES.length * RING);
  private readonly ringTime = new Float64Array(COMMUNITIES.length * RING);
  private readonly ringCount = new Int32Array(COMMUNITIES.length);
  private readonly newcomers: number[][] = COMMUNITIES.map(() => []);

  constructor(private readonly sim: Sim) {
    this.rng = new Rng(sim.opts.seed, 2);
  }

  /** The event for plan record i at second t of the current slot, or undefined when it turns out moot. */
  emit(i: number, t: number): LedgerEvent | undefined {
    const { plan } = this.sim;
    const ev = this.build(plan.act[i]!, plan.mem[i]!, plan.a1[i]!, plan.a2[i]!, plan.a3[i]!, t);
    if (ev) plan.emitted[i] = this.seq;
    return ev;
  }

  private nextId(): string {
    return 'd-' + ++this.seq;
  }

  private build(act: number, m: number, a1: number, a2: number, a3: number, t: number): LedgerEvent | undefined {
    const { st, clock } = this.sim;
    const at = clock.format(t);
    switch (act) {
      case A_MSG:
        return this.message(m, a1, a2, a3, t, at);
      case A_CHECKIN:
        return {
          id: this.nextId(),
          type: 'checkin.done',
          at,
          platform: st.platformOf(m),
          member: st.idOf(m),
          challenge: CHALLENGE,
          community: COMMUNITIES[a1]!.key,
        };
      case A_ANSWER:
        return this.answer(m, a1, a2, a3, t, at);
      case A_STAFF:
        return this.staff(m, a1, a2, t, at);
      case A_JOIN: {
        const c = a1;
        const ch = (a2 >> 8) & 255;
        const method = JOIN_METHODS[a2 & 255]!;
        const ev: MemberJoined = {
          id: this.nextId(),
          type: 'member.joined',
          at,
          platform: st.platformOf(m),
          community: COMMUNITIES[c]!.key,
          member: st.idOf(m),
          name: st.nameOf(m),
        };
        if (ch !== 255) ev.channel = CHANNEL_KEYS[ch]!;
        if (a3 >= 0) ev.inviter = st.idOf(a3);
        ev.method = method;
        if (method !== 'added') {
          const list = this.newcomers[c]!;
          if (list.length < 6) list.push(m);
        }
        return ev;
      }
      case A_LEAVE: {
        const ev: MemberLeft = {
          id: this.nextId(),
          type: 'member.left',
          at,
          platform: st.platformOf(m),
          community: COMMUNITIES[a1]!.key,
          member: st.idOf(m),
          reason: a2 ? 'removed' : 'quit',
        };
        if (a3 >= 0) ev.by = STAFF[a3]!.id;
        return ev;
      }
      case A_ORDER: {
        const product = PRODUCTS[a1 & 255]!;
        const c = ((a1 >> 8) & 255) - 1;
        const campaign = ((a1 >> 16) & 255) - 1;
        const ev: OrderPaid = {
          id: this.nextId(),
          type: 'order.paid',
          at,
          platform: st.platformOf(m),
          member: st.idOf(m),
          order: orderId(clock.compactDate(this.sim.k), a2),
          amount: a3,
          product: product.key,
          tier: product.tier,
        };
        if (campaign >= 0) ev.campaign = this.sim.campaignKeys[campaign]!;
        if (c >= 0) ev.community = COMMUNITIES[c]!.key;
        return ev;
      }
      case A_REFUND: {
        const ev: OrderRefunded = {
          id: this.nextId(),
          type: 'order.refunded',
          at,
          platform: st.platformOf(m),
          order: orderId(clock.compactDate(a1), a2),
        };
        if (a3 >= 0) ev.amount = a3;
        return ev;
      }
      case A_PROFILE:
        return this.profile(m, a1, a2, a3, at);
      case A_LINK:
        return {
          id: this.nextId(),
          type: 'member.linked',
          at,
          platform: st.platformOf(m),
          member: st.idOf(m),
          other_platform: st.platformOf(a1),
          other_member: st.idOf(a1),
        };
      case A_COMMUNITY: {
        const def = COMMUNITIES[a1]!;
        const admins = def.admins.map((s) => STAFF[s]!.id);
        if (a2 === 1) admins.push(st.idOf(a3));
        return {
          id: this.nextId(),
          type: 'community.updated',
          at,
          platform: def.platform,
          community: def.key,
          name: def.name,
          owner: STAFF[def.owner]!.id,
          admins,
        };
      }
      default:
        return undefined;
    }
  }

  private remember(c: number, n: number, author: number, t: number): void {
    const slot = c * RING + (this.ringCount[c]! % RING);
    this.ringNum[slot] = n;
    this.ringAuthor[slot] = author;
    this.ringTime[slot] = this.sim.clock.slotStart + t;
    this.ringCount[c]!++;
  }

  /** A recent message in community c by someone else (within 3 hours), as a ring slot, or −1. */
  private recent(c: number, not: number, t: number): number {
    const count = this.ringCount[c]!;
    if (count === 0) return -1;
    const back = 1 + this.rng.int(Math.min(count, 6));
    const slot = c * RING + ((count - back) % RING);
    if (this.ringAuthor[slot] === not || this.sim.clock.slotStart + t - this.ringTime[slot]! > 3 * 3600) return -1;
    return slot;
  }

  private message(m: number, c: number, cat: number, extra: number, t: number, at: string): MessageSent {
    const { st } = this.sim;
    const rng = this.rng;
    const kind = COMMUNITIES[c]!.kind;
    let type: MessageKind = 'text';
    let text: string | undefined;
    let replyTo: string | undefined;
    let mentions: string[] | undefined;
    switch (cat) {
      case msg.M_HELLO:
        text = msg.helloText(rng);
        break;
      case msg.M_MORNING:
        text = msg.morningText(rng);
        break;
      case msg.M_NIGHT:
        text = msg.nightText(rng);
        break;
      case msg.M_THANKS:
        text = msg.thanksText(rng);
        break;
      case msg.M_BACK:
        text = msg.backText(rng);
        break;
      case msg.M_PRODUCT:
        text = msg.productText(rng);
        break;
      case msg.M_QUESTION:
        text = questionText(extra & 255, extra >> 8);
        break;
      case msg.M_CHECKIN:
        if (rng.chance(0.25)) type = 'image';
        else text = msg.checkinText(rng, extra);
        break;
      case msg.M_MEDIA:
        type = msg.mediaKind(rng, kind);
        if (type === 'link') text = msg.linkText(rng);
        else if (type === 'file') text = rng.pick(['体态自测表.xlsx', '减脂食谱.pdf', '宝宝辅食计划.docx']);
        break;
      case msg.M_SPAM: {
        const u = rng.next();
        if (u < 0.15)
          type = 'card'; // a personal name card of the spammer's WeChat
        else {
          text = msg.spamText(rng);
          if (text.includes('http')) type = 'link';
        }
        break;
      }
      case msg.M_REPLY: {
        const slot = this.recent(c, m, t);
        if (slot >= 0) {
          replyTo = 'd-' + this.ringNum[slot]!;
          if (rng.chance(0.4)) mentions = [st.idOf(this.ringAuthor[slot]!)];
          text = msg.replyText(rng, kind);
        } else text = msg.chatText(rng, kind);
        break;
      }
      default:
        text = msg.chatText(rng, kind);
    }
    const ev: MessageSent = {
      id: this.nextId(),
      type: 'message.sent',
      at,
      platform: st.platformOf(m),
      community: COMMUNITIES[c]!.key,
      member: st.idOf(m),
      kind: type,
    };
    if (text !== undefined) ev.text = text;
    if (replyTo) ev.reply_to = replyTo;
    if (mentions) ev.mentions = mentions;
    this.remember(c, this.seq, m, t);
    return ev;
  }

  private answer(m: number, a1: number, question: number, asker: number, t: number, at: string): MessageSent {
    const { st, plan } = this.sim;
    const c = a1 & 255;
    const topic = (a1 >> 8) & 255;
    const peer = ((a1 >> 16) & 1) === 1;
    const variant = a1 >> 17;
    const ev: MessageSent = {
      id: this.nextId(),
      type: 'message.sent',
      at,
      platform: st.platformOf(m),
      community: COMMUNITIES[c]!.key,
      member: st.idOf(m),
      kind: 'text',
      text: answerText(topic, variant, st.nameOf(asker), peer),
    };
    const q = plan.emitted[question]!;
    if (q > 0) ev.reply_to = 'd-' + q;
    ev.mentions = [st.idOf(asker)];
    this.remember(c, this.seq, m, t);
    return ev;
  }

  private staff(s: number, c: number, what: number, t: number, at: string): MessageSent | undefined {
    const { st } = this.sim;
    const def = COMMUNITIES[c]!;
    let ev: MessageSent;
    if (what === S_WELCOME) {
      const list = this.newcomers[c]!;
      if (list.length === 0) return undefined;
      const names = list.map((m) => '@' + st.nameOf(m)).join(' ');
      ev = {
        id: this.nextId(),
        type: 'message.sent',
        at,
        platform: def.platform,
        community: def.key,
        member: STAFF[s]!.id,
        kind: 'text',
        text: `欢迎新朋友 ${names} 🎉 进群先看群公告，有问题随时@我`,
        mentions: list.map((m) => st.idOf(m)),
      };
      list.length = 0;
    } else {
      const campaign = this.sim.campaignToday >= 0 ? this.sim.campaignKeys[this.sim.campaignToday] : undefined;
      const post = staffPost(this.rng, what, def.kind, campaign, this.sim.k + 1);
      ev = { id: this.nextId(), type: 'message.sent', at, platform: def.platform, community: def.key, member: STAFF[s]!.id, kind: post.kind };
      if (post.text !== undefined) ev.text = post.text;
    }
    this.remember(c, this.seq, s, t);
    return ev;
  }

  private profile(m: number, kinds: number, a2: number, a3: number, at: string): MemberProfile {
    const { st } = this.sim;
    const rng = this.rng;
    const ev: MemberProfile = { id: this.nextId(), type: 'member.profile', at, platform: st.platformOf(m), member: st.idOf(m) };
    const tags: string[] = [];
    if (kinds & PK_STAFF) {
      ev.name = STAFF[m]!.name;
      tags.push('员工');
    }
    if (kinds & PK_RENAME) {
      st.nameVer[m]!++;
      ev.name = st.nameOf(m);
    }
    if (kinds & PK_NAME) ev.name = st.nameOf(m);
    if (kinds & PK_PHONE) ev.phone = mobile(hash32(m, this.sim.opts.seed, 99));
    if (kinds & PK_ATTRS) {
      const kind = COMMUNITIES[st.comm[m]!]?.kind ?? 'pool';
      const h = hash32(m, this.sim.opts.seed, 7);
      const attributes: Record<string, string> = { city: city(h, kind === 'tg'), age_band: ageBand(h) };
      const persona = PERSONA[kind]!;
      tags.push(persona[h % persona.length]!);
      if (rng.chance(0.4)) {
        const second = persona[(h >>> 8) % persona.length]!;
        if (!tags.includes(second)) tags.push(second);
      }
      if (tags.some((x) => x.includes('妈')) && !attributes.age_band!.startsWith('4') && !attributes.age_band!.startsWith('5'))
        attributes.child_age = CHILD_AGE[(h >>> 16) % CHILD_AGE.length]!;
      ev.attributes = attributes;
    }
    if (kinds & PK_INTENT) tags.push('高意向');
    if (kinds & PK_BOUGHT) {
      tags.push(BOUGHT_TAG[a2]!);
      if (a3) ev.tags_remove = ['高意向'];
    }
    if (kinds & PK_STAR) tags.push('打卡达人');
    if (kinds & PK_SPAM) tags.push('广告号');
    if (tags.length > 0) ev.tags_add = tags;
    return ev;
  }
}
