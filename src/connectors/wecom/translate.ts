// WeCom callback documents → ledger events (docs/spec/events.md). Pure: the same document always gives the same events with
// the same ids, so a redelivered callback is a duplicate in the ledger. Mapping (docs/connectors/wecom.md):
//   change_external_contact / add_external_contact → member.profile (tag wecom:contact, State as the channel)
//   change_external_contact / del_follow_user      → member.profile (tag wecom:deleted-staff: the customer left us)
//   change_external_contact / del_external_contact → member.profile (tag wecom:deleted-by-staff, or
//                                                    wecom:transferred when Source is DELETE_BY_TRANSFER)
//   change_external_chat / create, change_name, change_owner → community.updated
//   change_external_chat / update add_member → member.joined per member; del_member → member.left per member
//   change_external_chat / dismiss → community.updated (the caller also closes the memberships it knows of)
import { createHash } from 'node:crypto';
import { fields, listField, parseXml, type XmlElement } from './xml.js';

export type LedgerLine = Record<string, unknown>;

export interface Translation {
  events: LedgerLine[];
  /** What the caller may do beyond the ledger: remember a welcome code, look a group up, close a dismissed group. */
  welcome?: { member: string; staff: string; code: string };
  chat?: { id: string; change: 'create' | 'change_name' | 'change_owner' | 'dismiss'; at: string; baseId: string };
  /** Set when the document is understood but carries nothing for the ledger (e.g. a group notice change). */
  ignored?: string;
}

export class TranslateError extends Error {}

export const PLATFORM = 'wecom';
const CHINA_OFFSET_MS = 8 * 3600_000;

/** Seconds (or milliseconds) since the epoch → an instant with the +08:00 offset WeCom users live in. */
export function chinaInstant(epoch: number, unit: 's' | 'ms' = 's'): string {
  const ms = unit === 's' ? epoch * 1000 : epoch;
  const iso = new Date(Math.trunc(ms) + CHINA_OFFSET_MS).toISOString();
  return `${iso.slice(0, 19)}${ms % 1000 === 0 ? '' : iso.slice(19, 23)}+08:00`;
}

/** A deterministic event id: a readable kind and a hash of everything that identifies the change. */
export function eventId(kind: string, parts: (string | undefined)[]): string {
  return `${kind}-${createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u001f'))
    .digest('hex')
    .slice(0, 32)}`;
}

/** JoinScene: the callback documents 0 (invited, directly or by link) and 3 (QR code); groupchat/get uses 1, 2, 3. */
export function joinMethod(scene: string | undefined): 'invited' | 'link' | 'qr' | 'unknown' {
  switch (scene) {
    case '0':
    case '1':
      return 'invited';
    case '2':
      return 'link';
    case '3':
      return 'qr';
    default:
      return 'unknown';
  }
}

/** QuitScene: 0 left by themselves, 1 removed by the owner or an admin (absent: left by themselves). */
export const quitReason = (scene: string | undefined): 'quit' | 'removed' => (scene === '1' ? 'removed' : 'quit');

function need(f: Record<string, string>, name: string): string {
  const v = f[name];
  if (!v) throw new TranslateError(`${name}: required for ${f.Event ?? f.InfoType} / ${f.ChangeType ?? '?'} but missing or empty`);
  return v;
}

export function translateXml(xml: string): Translation {
  return translateDocument(parseXml(xml));
}

export function translateDocument(root: XmlElement): Translation {
  const f = fields(root);
  // Self-built apps send Event/CreateTime/ToUserName; third-party (suite) apps InfoType/TimeStamp/AuthCorpId.
  const event = f.Event ?? f.InfoType ?? '';
  const created = f.CreateTime ?? f.TimeStamp ?? '';
  if (event === 'change_external_contact' || event === 'change_external_chat') {
    if (!/^\d{1,12}$/.test(created)) throw new TranslateError(`CreateTime: expected seconds since the epoch (got ${JSON.stringify(created)})`);
  }
  const base = [f.ToUserName ?? f.AuthCorpId, created, event, f.ChangeType, f.UpdateDetail];
  const at = () => chinaInstant(Number(created));
  if (event === 'change_external_contact') return contactChange(f, base, at());
  if (event === 'change_external_chat') return chatChange(root, f, base, at());
  return { events: [], ignored: `event ${JSON.stringify(event || f.MsgType || '(none)')} is not used by Qunyun` };
}

function contactChange(f: Record<string, string>, base: (string | undefined)[], at: string): Translation {
  const change = f.ChangeType ?? '';
  if (!['add_external_contact', 'del_external_contact', 'del_follow_user'].includes(change)) {
    return { events: [], ignored: `change_external_contact / ${change || '(no ChangeType)'} is not used by Qunyun` };
  }
  const member = need(f, 'ExternalUserID');
  const staff = need(f, 'UserID');
  const id = eventId('contact', [...base, staff, member, f.Source]);
  const profile = (extra: LedgerLine): LedgerLine => ({ id, platform: PLATFORM, type: 'member.profile', at, member, ...extra });
  if (change === 'add_external_contact') {
    const attributes: Record<string, string> = { wecom_staff: staff };
    if (f.State) attributes.channel = f.State;
    const t: Translation = {
      events: [profile({ tags_add: ['wecom:contact'], tags_remove: ['wecom:deleted-staff', 'wecom:deleted-by-staff'], attributes })],
    };
    if (f.WelcomeCode) t.welcome = { member, staff, code: f.WelcomeCode };
    return t;
  }
  if (change === 'del_follow_user') {
    return { events: [profile({ tags_add: ['wecom:deleted-staff'], attributes: { wecom_deleted_staff: staff } })] };
  }
  const transferred = f.Source === 'DELETE_BY_TRANSFER';
  const attributes: Record<string, string> = { wecom_deleted_by: staff };
  if (f.Source) attributes.wecom_delete_source = f.Source;
  return { events: [profile({ tags_add: [transferred ? 'wecom:transferred' : 'wecom:deleted-by-staff'], attributes })] };
}

function chatChange(root: XmlElement, f: Record<string, string>, base: (string | undefined)[], at: string): Translation {
  const change = f.ChangeType ?? '';
  const chat = need(f, 'ChatId');
  const updated = (detail: string): Translation => {
    const id = eventId('chat', [...base, chat]);
    return {
      events: [{ id, platform: PLATFORM, type: 'community.updated', at, community: chat }],
      chat: { id: chat, change: detail as NonNullable<Translation['chat']>['change'], at, baseId: id },
    };
  };
  if (change === 'create' || change === 'dismiss') return updated(change);
  if (change !== 'update') return { events: [], ignored: `change_external_chat / ${change || '(no ChangeType)'} is not used by Qunyun` };
  const detail = f.UpdateDetail ?? '';
  if (detail === 'change_name' || detail === 'change_owner') return updated(detail);
  if (detail !== 'add_member' && detail !== 'del_member') {
    return { events: [], ignored: `change_external_chat / update / ${detail || '(no UpdateDetail)'} is not used by Qunyun` };
  }
  const members = [...new Set(listField(root, 'MemChangeList'))];
  if (members.length === 0) throw new TranslateError(`MemChangeList: no member listed for ${detail} in chat ${chat}`);
  const events = members.map((member): LedgerLine => {
    const id = eventId(detail === 'add_member' ? 'join' : 'leave', [...base, chat, f.CurMemVer, member]);
    return detail === 'add_member'
      ? { id, platform: PLATFORM, type: 'member.joined', at, community: chat, member, method: joinMethod(f.JoinScene) }
      : { id, platform: PLATFORM, type: 'member.left', at, community: chat, member, reason: quitReason(f.QuitScene) };
  });
  return { events };
}
