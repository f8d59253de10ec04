// A Telegram Desktop "Export chat history" (result.json, one chat) → ledger events on platform `telegram`.
// Ids as the Bot API writes them, so imported history and live bot events name the same people and chat:
// users `user123` → "123"; a supergroup or channel chat 123 → "-100123"; a basic group → "-123".
import type { ZoneClock } from './dates.js';
import type { Planned } from './run.js';
import { shortHash } from './ids.js';

// The same kinds the bot connector gives these (connectors/telegram/translate.ts), so a message counts alike from either source.
export const MEDIA_KINDS: Record<string, string> = {
  sticker: 'image',
  animation: 'video',
  video_file: 'video',
  video_message: 'video',
  voice_message: 'voice',
  audio_file: 'file',
};

/** The Bot API chat id of an exported chat (export `id` is the bare id; a negative one is kept as it is). */
export function chatIdOf(type: string, id: unknown): string {
  const n = String(id);
  if (n.startsWith('-')) return n;
  if (/supergroup|channel/.test(type)) return `-100${n}`;
  if (type === 'private_group') return `-${n}`;
  return n;
}

/** `user123` → "123", `channel123` → "-100123", `chat123` → "-123"; null when absent. */
export function peerIdOf(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string' || v === '') return null;
  const m = /^(user|channel|chat)(\d+)$/.exec(v);
  if (!m) return v;
  return m[1] === 'user' ? m[2]! : m[1] === 'channel' ? `-100${m[2]}` : `-${m[2]}`;
}

/** `text` as a string, or an array of strings and entities ({type, text}) → plain text. */
export function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return '';
  return v
    .map((p) =>
      typeof p === 'string'
        ? p
        : p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string'
          ? (p as { text: string }).text
          : '',
    )
    .join('');
}

function kindOf(m: Record<string, unknown>, text: string): string {
  if (typeof m.media_type === 'string') return MEDIA_KINDS[m.media_type] ?? 'other';
  if (m.photo !== undefined) return 'image';
  if (m.file !== undefined) return 'file';
  if (m.contact_information !== undefined) return 'card';
  if (m.location_information !== undefined || m.poll !== undefined) return 'other';
  return text === '' ? 'other' : 'text';
}

export type Msg = Record<string, unknown>;
export interface TelegramOut {
  pos: number;
  planned: Planned[];
}
export interface TelegramIssue {
  pos: number;
  reason: string;
}

const MAX_TEXT = 65_536;

/**
 * Maps messages one at a time. Service messages that name people only by display name (invites, removals)
 * wait until the end, when every sender seen in the file can be looked up by name.
 */
export class TelegramMapper {
  chatType = '';
  chatId: unknown = undefined;
  chatName: string | undefined;
  private lastName = new Map<string, string>();
  private byName = new Map<string, Set<string>>();
  private waiting: Msg[] = [];
  private lastMs: number | undefined;
  /** Joins and leaves held back at most (each a small object); a larger export is refused with a clear error. */
  static readonly MAX_WAITING = 500_000;

  constructor(
    private readonly clock: ZoneClock,
    private readonly window: { since?: number; until?: number } = {},
  ) {}

  get community(): string {
    if (this.chatId === undefined) throw new Error('no chat id before the messages: is this a Telegram Desktop export of one chat (result.json)?');
    return chatIdOf(this.chatType, this.chatId);
  }

  private id(msg: Msg, suffix?: string): string {
    return `tg-export:${this.community}:${String(msg.id)}${suffix ? `:${suffix}` : ''}`;
  }

  private remember(name: unknown, id: string | null): void {
    if (typeof name !== 'string' || name === '' || id === null) return;
    const ids = this.byName.get(name) ?? new Set<string>();
    if (ids.size < 2) ids.add(id);
    this.byName.set(name, ids);
  }

  /** When the message happened: `date_unixtime` (UTC), else `date` (local time of the exporting computer, read in the workspace zone). */
  private when(m: Msg): number | string {
    if (m.date_unixtime !== undefined && /^\d{1,12}$/.test(String(m.date_unixtime))) return Number(m.date_unixtime) * 1000;
    const d = typeof m.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(m.date) : null;
    if (!d) return `no date (date_unixtime or date) in ${JSON.stringify(m.date ?? null)}`;
    const [y, mo, da, h, mi, s] = d.slice(1).map(Number) as [number, number, number, number, number, number];
    return this.clock.fromWall(Date.UTC(y, mo - 1, da, h, mi, s));
  }

  /** Events for one exported message now, or an issue (skipped, with the reason). */
  map(m: Msg, issue: (i: TelegramIssue) => void, skip: (reason: string) => void): TelegramOut | null {
    const pos = typeof m.id === 'number' ? m.id : Number(m.id);
    const ms = this.when(m);
    if (typeof ms === 'string') {
      issue({ pos, reason: ms });
      return null;
    }
    const at = this.clock.format(ms);
    if (this.lastMs === undefined || ms > this.lastMs) this.lastMs = ms;
    const from = peerIdOf(m.type === 'service' ? m.actor_id : m.from_id);
    this.remember(m.type === 'service' ? m.actor : m.from, from);
    if ((this.window.since !== undefined && ms < this.window.since) || (this.window.until !== undefined && ms >= this.window.until)) {
      skip('outside --since/--until');
      return null;
    }
    const base = { platform: 'telegram', community: this.community, at };
    if (m.type === 'message') {
      if (from === null) {
        issue({ pos, reason: 'a message without from_id' });
        return null;
      }
      // Posts from a linked channel or an anonymous admin speak as a chat, not a person: the bot never counts them either.
      if (from.startsWith('-')) {
        skip('posted as a channel or the group itself, not by a member');
        return null;
      }
      const text = plainText(m.text);
      const event: Record<string, unknown> = { ...base, id: this.id(m), type: 'message.sent', member: from, kind: kindOf(m, text) };
      if (text !== '') event.text = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT).replace(/[\ud800-\udbff]$/, '') : text;
      if (m.reply_to_message_id !== undefined) event.reply_to = `tg-export:${this.community}:${String(m.reply_to_message_id)}`;
      const mentions = Array.isArray(m.text_entities)
        ? [
            ...new Set(
              (m.text_entities as Record<string, unknown>[])
                .filter((e) => e?.type === 'mention_name' && e.user_id !== undefined)
                .map((e) => String(e.user_id)),
            ),
          ]
        : [];
      if (mentions.length > 0) event.mentions = mentions;
      const planned: Planned[] = [{ event }];
      // A name the first time a member is seen in this file, and again whenever it changes.
      if (typeof m.from === 'string' && m.from !== '' && this.lastName.get(from) !== m.from) {
        this.lastName.set(from, m.from);
        planned.push({ event: { platform: 'telegram', at, id: this.id(m, 'profile'), type: 'member.profile', member: from, name: m.from } });
      }
      return { pos, planned };
    }
    if (m.type !== 'service') {
      skip(`type ${JSON.stringify(m.type)}`);
      return null;
    }
    switch (m.action) {
      case 'join_group_by_link':
      case 'join_group_by_request':
      case 'invite_members':
      case 'remove_members':
        this.hold(m);
        return null;
      case 'create_group':
        this.hold(m);
        return {
          pos,
          planned: [
            {
              event: {
                ...base,
                id: this.id(m),
                type: 'community.updated',
                ...(typeof m.title === 'string' ? { name: m.title } : {}),
                ...(from ? { owner: from } : {}),
              },
            },
          ],
        };
      case 'edit_group_title':
      case 'migrate_from_group':
        if (typeof m.title !== 'string') {
          skip(`${m.action} without a title`);
          return null;
        }
        return { pos, planned: [{ event: { ...base, id: this.id(m), type: 'community.updated', name: m.title } }] };
      default:
        skip(`service action ${typeof m.action === 'string' ? m.action : '(none)'}`);
        return null;
    }
  }

  private hold(m: Msg): void {
    if (this.waiting.length >= TelegramMapper.MAX_WAITING)
      throw new Error(`more than ${TelegramMapper.MAX_WAITING} join/leave service messages: split the export by date`);
    this.waiting.push(m);
  }

  private resolve(name: unknown): string | null {
    if (typeof name !== 'string') return null;
    const ids = this.byName.get(name);
    return ids && ids.size === 1 ? [...ids][0]! : null;
  }

  /** The joins and leaves held back, now that names can be looked up; and the chat's name as of the export. */
  finish(issue: (i: TelegramIssue) => void, unknownName: (pos: number, reason: string) => void): TelegramOut[] {
    const out: TelegramOut[] = [];
    for (const m of this.waiting) {
      const pos = Number(m.id);
      const at = this.clock.format(this.when(m) as number);
      const actor = peerIdOf(m.actor_id);
      const base = { platform: 'telegram', community: this.community, at };
      const planned: Planned[] = [];
      const joined = (member: string, name: unknown, extra: Record<string, unknown>) =>
        planned.push({
          event: { ...base, id: this.id(m, member), type: 'member.joined', member, ...(typeof name === 'string' && name ? { name } : {}), ...extra },
        });
      if (m.action === 'join_group_by_link' || m.action === 'join_group_by_request') {
        if (actor === null) {
          issue({ pos, reason: `${m.action} without actor_id` });
          continue;
        }
        const inviter = this.resolve(m.inviter);
        joined(actor, m.actor, { method: 'link', ...(inviter && inviter !== actor ? { inviter } : {}) });
      } else {
        const names = Array.isArray(m.members) ? m.members : [];
        if (m.action === 'create_group' && actor) joined(actor, m.actor, { method: 'self' });
        for (const name of names) {
          const self = name === m.actor && actor !== null;
          const member = self ? actor : this.resolve(name);
          if (member === null) {
            unknownName(
              pos,
              `${m.action === 'remove_members' ? 'a removed' : 'an invited'} member the export names without an id, and ` +
                `${this.byName.has(String(name)) ? 'more than one user' : 'no user'} in the file has that name: skipped`,
            );
            continue;
          }
          if (m.action === 'remove_members') {
            planned.push({
              event: {
                ...base,
                id: this.id(m, member),
                type: 'member.left',
                member,
                reason: self ? 'quit' : 'removed',
                ...(self || !actor ? {} : { by: actor }),
              },
            });
          } else joined(member, name, self ? { method: 'self' } : { method: 'invited', ...(actor ? { inviter: actor } : {}) });
        }
      }
      if (planned.length > 0) out.push({ pos, planned });
    }
    this.waiting = [];
    if (this.chatName !== undefined && this.lastMs !== undefined) {
      // The chat's name as of the export, dated at its last message; floating (run.ts): a later export with more
      // messages but the same name is a duplicate, a renamed chat a new event.
      const event = {
        platform: 'telegram',
        community: this.community,
        at: this.clock.format(this.lastMs),
        type: 'community.updated',
        name: this.chatName,
        id: `tg-export:${this.community}:name:${shortHash(this.chatName)}`,
      };
      out.push({ pos: 0, planned: [{ floating: true, event }] });
    }
    return out;
  }
}
