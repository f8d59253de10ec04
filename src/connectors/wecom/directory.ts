// What deliveries and callbacks look up on WeCom, cached briefly: a customer group's details (owner, admins,
// members), the staff member who follows a customer, and the id of a corp tag by name. Also the short-lived
// welcome codes that add_external_contact callbacks hand out (valid 20 s, usable once).
import type { CallLimits, WecomApi } from './api.js';
import { chinaInstant, eventId, joinMethod, PLATFORM, type LedgerLine } from './translate.js';

const CACHE_MS = 10 * 60_000;
export const TAG_GROUP = '群运';

export interface GroupDetail {
  chatId: string;
  name?: string;
  owner?: string;
  admins: string[];
  members: { userid: string; name?: string; joinTime?: number; joinScene?: number; inviter?: string }[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'object' && x !== null) : []);

class TtlCache<V> {
  private m = new Map<string, { v: V; until: number }>();
  constructor(
    private readonly ttl: number,
    private readonly max = 5000,
  ) {}
  get(k: string, now: number): V | undefined {
    const e = this.m.get(k);
    return e && now < e.until ? e.v : undefined;
  }
  set(k: string, v: V, now: number): void {
    this.m.delete(k);
    this.m.set(k, { v, until: now + this.ttl });
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value!);
  }
  take(k: string, now: number): V | undefined {
    const v = this.get(k, now);
    this.m.delete(k);
    return v;
  }
}

export class Directory {
  private groups = new TtlCache<GroupDetail>(CACHE_MS);
  private follows = new TtlCache<string | null>(CACHE_MS);
  private tags = new TtlCache<string>(CACHE_MS);
  /** Welcome codes by external contact: WeCom honours one for 20 seconds after the callback. */
  readonly welcome = new TtlCache<string>(20_000);

  constructor(
    private readonly api: WecomApi,
    private readonly now: () => number = Date.now,
  ) {}

  async group(chatId: string, limits?: CallLimits, fresh = false): Promise<GroupDetail> {
    const hit = fresh ? undefined : this.groups.get(chatId, this.now());
    if (hit) return hit;
    const r = await this.api.call('externalcontact/groupchat/get', { chat_id: chatId, need_name: 1 }, {}, limits);
    const g = (r.group_chat ?? {}) as Record<string, unknown>;
    const detail: GroupDetail = {
      chatId,
      name: str(g.name),
      owner: str(g.owner),
      admins: list(g.admin_list)
        .map((a) => str(a.userid))
        .filter((x): x is string => x !== undefined),
      members: list(g.member_list).flatMap((m) => {
        const userid = str(m.userid);
        if (!userid) return [];
        const inviter = str((m.invitor as Record<string, unknown> | undefined)?.userid);
        return [{ userid, name: str(m.name) ?? str(m.group_nickname), joinTime: num(m.join_time), joinScene: num(m.join_scene), inviter }];
      }),
    };
    this.groups.set(chatId, detail, this.now());
    return detail;
  }

  /** The staff member a customer is a contact of (the first WeCom lists); null when they follow nobody. */
  async followUser(externalUserId: string): Promise<string | null> {
    const hit = this.follows.get(externalUserId, this.now());
    if (hit !== undefined) return hit;
    let staff: string | null = null;
    try {
      const r = await this.api.call('externalcontact/get', undefined, { external_userid: externalUserId });
      staff =
        list(r.follow_user)
          .map((f) => str(f.userid))
          .find((x) => x !== undefined) ?? null;
    } catch (err) {
      if ((err as { code?: number }).code !== 84061) throw err;
    }
    this.follows.set(externalUserId, staff, this.now());
    return staff;
  }

  /** The id of corp tag `name` in the 群运 tag group, created there when missing. */
  async tagId(name: string): Promise<string> {
    const hit = this.tags.get(name, this.now());
    if (hit) return hit;
    const found = await this.api.call('externalcontact/get_corp_tag_list', {});
    for (const g of list(found.tag_group)) {
      if (g.group_name !== TAG_GROUP) continue;
      const t = list(g.tag).find((x) => x.name === name);
      if (t && str(t.id)) {
        this.tags.set(name, str(t.id)!, this.now());
        return str(t.id)!;
      }
    }
    const made = await this.api.call('externalcontact/add_corp_tag', { group_name: TAG_GROUP, tag: [{ name }] });
    const id = str(list((made.tag_group as Record<string, unknown> | undefined)?.tag).find((x) => x.name === name)?.id);
    if (!id) throw new Error(`add_corp_tag answered without the id of tag ${JSON.stringify(name)}`);
    this.tags.set(name, id, this.now());
    return id;
  }
}

/**
 * A group's details as ledger events: its name/owner/admins (id derived from the callback's event), and — for a new
 * group, whose first members WeCom announces in no add_member callback — a join for each member it lists.
 */
export function groupEvents(d: GroupDetail, baseId: string, at: string, withMembers: boolean): LedgerLine[] {
  const community: LedgerLine = { id: `${baseId}-detail`, platform: PLATFORM, type: 'community.updated', at, community: d.chatId, admins: d.admins };
  if (d.name) community.name = d.name;
  if (d.owner) community.owner = d.owner;
  if (!withMembers) return [community];
  const joins = d.members.map((m): LedgerLine => {
    const e: LedgerLine = {
      id: eventId('join', ['groupchat', d.chatId, m.userid, String(m.joinTime ?? '')]),
      platform: PLATFORM,
      type: 'member.joined',
      at: m.joinTime ? chinaInstant(m.joinTime) : at,
      community: d.chatId,
      member: m.userid,
      method: joinMethod(m.joinScene?.toString()),
    };
    if (m.name) e.name = m.name;
    if (m.inviter && m.inviter !== m.userid) e.inviter = m.inviter;
    return e;
  });
  return [community, ...joins];
}
