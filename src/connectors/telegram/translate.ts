// Bot API updates → ledger events (docs/spec/events.md). Pure: no IO and no clock, so one update always gives
// the same events with the same ids, and a redelivered or re-fetched update is a duplicate in the ledger.
// Input is untrusted JSON (a webhook body), read defensively rather than trusted to match grammY's types.
//
// Ids: a message is `<chat>:<message_id>` (what outbox actions name to reply to or delete it); a service message's
// joins `<chat>:<message_id>:joined:<user>` and its leave `<chat>:<message_id>:left`; a chat_member transition
// `<chat>:member:<user>:<date>:joined|left`; a join request `<chat>:request:<user>:<date>`; the bot's own status
// `<chat>:bot:<date>:<status>`.

export const PLATFORM = 'telegram';

type Obj = Record<string, unknown>;
export type LedgerEvent = Record<string, unknown>;
interface User {
  id: number;
  is_bot: boolean;
  first_name?: string;
  last_name?: string;
  username?: string;
}
interface Chat {
  id: number;
  type: string;
  title?: string;
}

export interface TranslateOptions {
  /**
   * Whether service messages (new_chat_members, left_chat_member) become joins and leaves. Set false for a chat
   * whose chat_member updates reach the bot: they report the same changes, with the invite link. Default true.
   */
  serviceMembership?: boolean;
}

const obj = (v: unknown): Obj | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : null);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined);

function user(v: unknown): User | null {
  const o = obj(v);
  const id = int(o?.id);
  if (!o || id === undefined) return null;
  return { id, is_bot: o.is_bot === true, first_name: str(o.first_name), last_name: str(o.last_name), username: str(o.username) };
}

/** Groups and supergroups only: private chats and channels are not communities. */
function groupChat(v: unknown): Chat | null {
  const o = obj(v);
  const id = int(o?.id);
  if (!o || id === undefined || (o.type !== 'group' && o.type !== 'supergroup')) return null;
  return { id, type: o.type, title: str(o.title) };
}

/** Unix seconds → an instant the ledger accepts (…Z); undefined when absent or absurd. */
function instant(v: unknown): string | undefined {
  const s = int(v);
  if (s === undefined || s <= 0 || s > 253_402_300_799) return undefined;
  return new Date(s * 1000).toISOString().replace('.000Z', 'Z');
}

export function displayName(u: User): string | undefined {
  const full = [u.first_name, u.last_name].filter(Boolean).join(' ').trim();
  return full || u.username;
}

/** Drops undefined fields, so equal updates give byte-equal events. */
function ev(fields: Record<string, unknown>): LedgerEvent {
  const out: LedgerEvent = { platform: PLATFORM };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}

/** Someone other than the member, and a person: the inviter or remover worth recording. */
const other = (by: User | null, member: User): string | undefined => (by && !by.is_bot && by.id !== member.id ? String(by.id) : undefined);

export function translate(update: unknown, opts: TranslateOptions = {}): LedgerEvent[] {
  const u = obj(update);
  if (!u) return [];
  if (u.message !== undefined) return fromMessage(u.message, opts.serviceMembership ?? true);
  if (u.chat_member !== undefined) return fromChatMember(u.chat_member);
  if (u.my_chat_member !== undefined) return fromBotStatus(u.my_chat_member);
  if (u.chat_join_request !== undefined) return fromJoinRequest(u.chat_join_request);
  // edited_message, channel_post, callback_query, reactions…: not ledger events.
  return [];
}

/** What a message carries, in the ledger's kinds; null for a service message (no content of its own). */
const CONTENT: [string, string][] = [
  ['text', 'text'],
  ['photo', 'image'],
  ['sticker', 'image'],
  ['animation', 'video'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['voice', 'voice'],
  ['audio', 'file'],
  ['document', 'file'],
  ['contact', 'card'],
  ['location', 'other'],
  ['venue', 'other'],
  ['poll', 'other'],
  ['dice', 'other'],
  ['game', 'other'],
  ['story', 'other'],
  ['invoice', 'other'],
  ['paid_media', 'other'],
  ['giveaway', 'other'],
  ['checklist', 'other'],
];
function contentKind(m: Obj): string | null {
  for (const [field, kind] of CONTENT) if (m[field] !== undefined) return kind;
  return null;
}

function fromMessage(v: unknown, serviceMembership: boolean): LedgerEvent[] {
  const m = obj(v);
  const chat = groupChat(m?.chat);
  const at = instant(m?.date);
  const mid = int(m?.message_id);
  if (!m || !chat || !at || mid === undefined) return [];
  const community = String(chat.id);
  const id = `${community}:${mid}`;
  const from = user(m.from);

  const joined = Array.isArray(m.new_chat_members) ? m.new_chat_members : m.new_chat_member !== undefined ? [m.new_chat_member] : null;
  if (joined) {
    if (!serviceMembership) return [];
    return joined
      .map(user)
      .filter((x): x is User => x !== null && !x.is_bot)
      .map((x) => {
        const inviter = other(from, x);
        return ev({
          id: `${id}:joined:${x.id}`,
          type: 'member.joined',
          at,
          community,
          member: String(x.id),
          name: displayName(x),
          inviter,
          method: inviter ? 'added' : 'self',
        });
      });
  }
  if (m.left_chat_member !== undefined) {
    const gone = user(m.left_chat_member);
    if (!serviceMembership || !gone || gone.is_bot) return [];
    const by = other(from, gone);
    return [
      ev({
        id: `${id}:left`,
        type: 'member.left',
        at,
        community,
        member: String(gone.id),
        reason: from && from.id !== gone.id ? 'removed' : 'quit',
        by,
      }),
    ];
  }
  if (str(m.new_chat_title)) return [ev({ id, type: 'community.updated', at, community, name: m.new_chat_title })];
  if (m.group_chat_created === true || m.supergroup_chat_created === true) {
    return [ev({ id, type: 'community.updated', at, community, name: chat.title, owner: from && !from.is_bot ? String(from.id) : undefined })];
  }
  if (m.migrate_from_chat_id !== undefined) return [ev({ id, type: 'community.updated', at, community, name: chat.title })];

  const kind = contentKind(m);
  // Sent on behalf of a chat (an anonymous admin, the linked channel) or by a bot: no member to count.
  if (kind === null || !from || from.is_bot || m.sender_chat !== undefined) return [];
  const text = str(m.text) ?? str(m.caption);
  return [
    ev({ id, type: 'message.sent', at, community, member: String(from.id), kind, text, reply_to: replyTo(m, community), mentions: mentions(m) }),
  ];
}

/** The replied-to message's event id; in a forum topic every message "replies" to the topic's first message, which is no reply. */
function replyTo(m: Obj, community: string): string | undefined {
  const r = obj(m.reply_to_message);
  const rid = int(r?.message_id);
  if (!r || rid === undefined || r.forum_topic_created !== undefined) return undefined;
  return `${community}:${rid}`;
}

/** Members named by text_mention entities (people without a username); @username mentions carry no id. */
function mentions(m: Obj): string[] | undefined {
  const entities = [m.entities, m.caption_entities].flatMap((e) => (Array.isArray(e) ? e : []));
  const ids = new Set<string>();
  for (const e of entities) {
    const o = obj(e);
    const who = o?.type === 'text_mention' ? user(o.user) : null;
    if (who && !who.is_bot) ids.add(String(who.id));
  }
  return ids.size > 0 ? [...ids] : undefined;
}

/** In the chat: creator, administrator, member, or restricted but still a member. */
function isIn(v: unknown): boolean {
  const s = obj(v);
  if (!s) return false;
  return s.status === 'creator' || s.status === 'administrator' || s.status === 'member' || (s.status === 'restricted' && s.is_member === true);
}

function fromChatMember(v: unknown): LedgerEvent[] {
  const c = obj(v);
  const chat = groupChat(c?.chat);
  const at = instant(c?.date);
  const member = user(obj(c?.new_chat_member)?.user);
  if (!c || !chat || !at || !member || member.is_bot) return [];
  const was = isIn(c.old_chat_member),
    now = isIn(c.new_chat_member);
  if (was === now) return []; // promotions, restrictions: not a join or a leave
  const from = user(c.from);
  const community = String(chat.id);
  const base = `${community}:member:${member.id}:${int(c.date)}`;
  if (now) {
    const link = obj(c.invite_link);
    const byLink = link !== null || c.via_join_request === true || c.via_chat_folder_invite_link === true;
    const creator = user(link?.creator);
    const inviter = byLink ? (creator && !creator.is_bot && creator.id !== member.id ? String(creator.id) : undefined) : other(from, member);
    const method = byLink ? 'link' : inviter ? 'added' : 'self';
    return [
      ev({
        id: `${base}:joined`,
        type: 'member.joined',
        at,
        community,
        member: String(member.id),
        name: displayName(member),
        channel: str(link?.name),
        inviter,
        method,
      }),
    ];
  }
  const kicked = obj(c.new_chat_member)?.status === 'kicked';
  const removed = kicked || (from !== null && from.id !== member.id);
  return [
    ev({
      id: `${base}:left`,
      type: 'member.left',
      at,
      community,
      member: String(member.id),
      reason: removed ? 'removed' : 'quit',
      by: other(from, member),
    }),
  ];
}

/** The bot's own status changed (added, promoted, removed): the chat's current title, so the community has a name. */
function fromBotStatus(v: unknown): LedgerEvent[] {
  const c = obj(v);
  const chat = groupChat(c?.chat);
  const at = instant(c?.date);
  const status = str(obj(c?.new_chat_member)?.status);
  if (!c || !chat || !at || !status || !chat.title) return [];
  return [ev({ id: `${chat.id}:bot:${int(c.date)}:${status}`, type: 'community.updated', at, community: String(chat.id), name: chat.title })];
}

/**
 * A request to join (a link that needs approval): not a join yet — that comes as chat_member once approved. It is
 * recorded as a profile with a pending marker: the chat asked to join, when, and by which link.
 */
function fromJoinRequest(v: unknown): LedgerEvent[] {
  const r = obj(v);
  const chat = groupChat(r?.chat);
  const at = instant(r?.date);
  const who = user(r?.from);
  if (!r || !chat || !at || !who || who.is_bot) return [];
  const link = str(obj(r.invite_link)?.name);
  const attributes: Record<string, string> = { telegram_join_request: String(chat.id), telegram_join_request_at: at };
  if (link) attributes.telegram_join_request_link = link;
  if (who.username) attributes.telegram_username = who.username;
  return [
    ev({ id: `${chat.id}:request:${who.id}:${int(r.date)}`, type: 'member.profile', at, member: String(who.id), name: displayName(who), attributes }),
  ];
}

/** A message event id `<chat>:<message_id>` back to its parts; null for any other id. */
export function parseMessageId(id: string | null | undefined): { chat: string; message: number } | null {
  const m = id ? /^(-?\d{1,20}):(\d{1,15})$/.exec(id) : null;
  return m ? { chat: m[1]!, message: Number(m[2]) } : null;
}
