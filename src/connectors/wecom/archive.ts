// 会话存档 (message archive) records → message.sent. WeCom's archive SDK is a native library that we do not ship;
// it outputs one decrypted JSON record per message, and this accepts exactly that output. Only group messages
// (a non-empty `roomid`) become ledger events: the community is the room, the member the sender. Recalls,
// switches and one-to-one chats are skipped with a reason.
import { chinaInstant, PLATFORM, type LedgerLine } from './translate.js';

export class ArchiveError extends Error {}

/** 10000-01-01T00:00:00+08:00 in epoch milliseconds: no msgtime reaches it. */
export const MAX_MSGTIME_MS = Date.UTC(10000, 0, 1) - 8 * 3_600_000;

type Kind = 'text' | 'image' | 'link' | 'file' | 'voice' | 'video' | 'card' | 'other';

const KINDS: Record<string, Kind> = {
  text: 'text',
  markdown: 'text',
  image: 'image',
  emotion: 'image',
  link: 'link',
  weapp: 'link',
  news: 'link',
  file: 'file',
  voice: 'voice',
  meeting_voice_call: 'voice',
  video: 'video',
  card: 'card',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The readable text of a record, when it has one (links keep their URL so link rules can see it). */
function textOf(type: string, r: Record<string, unknown>): string | undefined {
  const body = obj(r[type]);
  switch (type) {
    case 'text':
    case 'markdown':
      return str(body.content);
    case 'link':
      return [str(body.title), str(body.link_url)].filter(Boolean).join(' ') || undefined;
    case 'weapp':
      return str(body.title);
    case 'file':
      return str(body.filename);
    case 'card':
      return str(body.corpname);
    case 'mixed': {
      const items = Array.isArray(obj(r.mixed).item) ? (obj(r.mixed).item as unknown[]) : [];
      const texts = items
        .map(obj)
        .filter((i) => i.type === 'text')
        .map((i) => {
          try {
            return str(obj(JSON.parse(String(i.content))).content);
          } catch {
            return undefined;
          }
        });
      return texts.filter(Boolean).join('\n') || undefined;
    }
    default:
      return undefined;
  }
}

export interface ArchiveResult {
  events: LedgerLine[];
  skipped?: string;
}

/** One decrypted archive record (parsed JSON) → zero or one ledger event; ArchiveError names a malformed field. */
export function archiveRecordToEvents(json: unknown): ArchiveResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ArchiveError('record: must be a JSON object');
  const r = json as Record<string, unknown>;
  const msgid = str(r.msgid);
  if (!msgid) throw new ArchiveError('msgid: required (a decrypted 会话存档 record)');
  if (msgid.length > 190) throw new ArchiveError('msgid: longer than 190 characters');
  const action = str(r.action) ?? 'send';
  if (action !== 'send') return { events: [], skipped: `action ${action} (${action === 'recall' ? 'a recall' : 'not a message'})` };
  const room = str(r.roomid);
  if (!room) return { events: [], skipped: 'a one-to-one chat (no roomid): not a community message' };
  const from = str(r.from);
  if (!from) throw new ArchiveError('from: required for a message');
  // Bounded so the instant has a four-digit year in China time (a Date ends at 8.64e15 ms; 1e20 would throw).
  if (typeof r.msgtime !== 'number' || !Number.isFinite(r.msgtime) || r.msgtime <= 0 || r.msgtime >= MAX_MSGTIME_MS) {
    throw new ArchiveError(`msgtime: expected milliseconds since the epoch, before the year 10000 (got ${JSON.stringify(r.msgtime)})`);
  }
  const type = str(r.msgtype) ?? '';
  if (type === 'revoke') return { events: [], skipped: 'a revoke notice' };
  const event: LedgerLine = {
    id: `msg-${msgid}`,
    platform: PLATFORM,
    type: 'message.sent',
    at: chinaInstant(r.msgtime, 'ms'),
    community: room,
    member: from,
    kind: KINDS[type] ?? (type === 'mixed' ? 'text' : 'other'),
  };
  const text = textOf(type, r);
  if (text !== undefined) {
    const cut = text.slice(0, 65_536); // the ledger's text limit, never splitting a surrogate pair
    event.text = /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
  }
  return { events: [event] };
}
