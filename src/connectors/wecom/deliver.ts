// Outbox actions → WeCom API calls. What the API allows for customer groups (客户群):
//   send  → a group message task (externalcontact/add_msg_template, chat_type group, for the group's owner to
//           confirm), or to one member: the welcome (send_welcome_msg) when a fresh WelcomeCode is known, else a
//           single-customer message task from the staff member they follow
//   reply / warn → the same group message task, the text prefixed with "@name" (the API has no real mentions)
//   tag   → the corp tag (群运 group) marked on the customer (mark_tag), then recorded as member.profile
// Nothing removes, mutes or deletes in a customer group through the API: those kinds are refused, naming why.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { ConnectorContext, Delivery, OutboxAction } from '../types.js';
import { unsupported } from '../types.js';
import { WecomApiError, type WecomApi } from './api.js';
import type { Directory } from './directory.js';
import { PLATFORM } from './translate.js';

export const WECOM_KINDS = ['send', 'reply', 'warn', 'tag'] as const;

const NO_API: Record<string, string> = {
  delete: "the WeCom API cannot delete or recall a member's message in a customer group",
  mute: 'customer groups have no mute in the WeCom API',
  unmute: 'customer groups have no mute in the WeCom API',
  remove: 'the WeCom API cannot remove a member from a customer group (the owner or an admin removes them in the WeCom client)',
  blacklist: 'the WeCom API cannot remove a member from a customer group; the blacklist still stands in Qunyun',
  unblacklist: 'there is nothing to undo on WeCom: the blacklist was lifted in Qunyun',
  notify: "operator notices stay in Qunyun's audit log; the WeCom connector does not deliver them",
};

const ONCE = { attempts: 1 };

/**
 * A member's name as it appears in a warning from the owner's account: a spammer named "加微信 http://x" must not get
 * the ad repeated for them, so links, contact cues and long digit runs go, and the rest is capped.
 */
export function mentionName(name: string | null | undefined): string {
  const cleaned = (name ?? '')
    .replace(/https?:\/\/\S+|www\.\S+|\S+\.(?:com|cn|net|top|vip|cc)\S*/giu, '')
    .replace(/加\s*微\s*信|加\s*[vV]|微\s*信|威\s*信|薇\s*信|[vV]\s*信|\b(?:vx|wx|qq)\b|\d{5,}/giu, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length === 0 ? '群成员' : [...cleaned].slice(0, 20).join('');
}

/** add_msg_template refuses text over 4,000 bytes. */
const MAX_TEXT_BYTES = 4000;
const DEFAULT_WARNING = '请遵守群规，谢谢配合。';

class Refused extends Error {}

interface Target {
  member: string | null;
  memberName: string | null;
  chat: string | null;
}

async function target(db: Kysely<Schema>, a: OutboxAction): Promise<Target> {
  const t: Target = { member: null, memberName: null, chat: null };
  if (a.member_id !== null) {
    const m = await db
      .selectFrom('identities')
      .select('external_id')
      .where('member_id', '=', a.member_id)
      .where('platform', '=', PLATFORM)
      .orderBy('external_id')
      .executeTakeFirst();
    t.member = m?.external_id ?? null;
    t.memberName = (await db.selectFrom('members').select('name').where('id', '=', a.member_id).executeTakeFirst())?.name ?? null;
  }
  if (a.community_id !== null) {
    const c = await db.selectFrom('communities').select(['external_id', 'platform']).where('id', '=', a.community_id).executeTakeFirst();
    t.chat = c?.platform === PLATFORM ? c.external_id : null;
  }
  return t;
}

function textOf(a: OutboxAction, prefix = '', fallback?: string): string {
  const text = typeof a.payload.text === 'string' && a.payload.text.trim() !== '' ? a.payload.text : fallback;
  if (!text) throw new Refused(`${a.kind} action ${a.id} has no payload.text to send`);
  if (Buffer.byteLength(prefix + text) > MAX_TEXT_BYTES)
    throw new Refused(`${a.kind} action ${a.id}: text longer than WeCom's ${MAX_TEXT_BYTES} bytes`);
  return prefix + text;
}

export interface DeliverDeps {
  api: WecomApi;
  directory: Directory;
  ingest: ConnectorContext['ingest'];
  now?: () => number;
}

export function wecomDeliver(deps: DeliverDeps): (a: OutboxAction, db: Kysely<Schema>) => Promise<Delivery> {
  const { api, directory } = deps;
  const now = deps.now ?? Date.now;

  const groupMessage = async (chat: string, text: string) => {
    const owner = (await directory.group(chat)).owner;
    if (!owner) throw new Refused(`WeCom lists no owner for group ${chat}, so no one can send the group message`);
    // One attempt in the client: a timed-out send may have reached WeCom, and each task spends one of the group's
    // four monthly messages; the outbox retries later, with backoff.
    const r = await api.call(
      'externalcontact/add_msg_template',
      { chat_type: 'group', sender: owner, chat_id_list: [chat], text: { content: text } },
      {},
      ONCE,
    );
    if (Array.isArray(r.fail_list) && r.fail_list.length > 0)
      throw new Refused(`WeCom did not accept the group message for ${r.fail_list.join(', ')}`);
  };

  const privateMessage = async (a: OutboxAction, member: string, text: string) => {
    const code = typeof a.payload.welcome_code === 'string' ? a.payload.welcome_code : directory.welcome.get(member, now());
    if (code) {
      await api.call('externalcontact/send_welcome_msg', { welcome_code: code, text: { content: text } }, {}, ONCE);
      directory.welcome.take(member, now()); // used once, and only once it has worked
      return;
    }
    const staff = await directory.followUser(member);
    if (!staff) throw new Refused(`customer ${member} is no staff member's contact, so WeCom cannot message them privately`);
    await api.call(
      'externalcontact/add_msg_template',
      { chat_type: 'single', sender: staff, external_userid: [member], text: { content: text } },
      {},
      ONCE,
    );
  };

  const tag = async (a: OutboxAction, member: string, db: Kysely<Schema>) => {
    const name = typeof a.payload.tag === 'string' ? a.payload.tag.trim() : '';
    if (!name) throw new Refused(`tag action ${a.id} has no payload.tag`);
    const staff = await directory.followUser(member);
    // WeCom tags belong to a staff member's contact; a customer who is nobody's contact is tagged in Qunyun only.
    if (staff) await api.call('externalcontact/mark_tag', { userid: staff, external_userid: member, add_tag: [await directory.tagId(name)] });
    // Recorded once: a retry after the record committed (but before the outbox settled) finds it there.
    const id = `qunyun-action-${a.id}`;
    if (await db.selectFrom('events').select('seq').where('platform', '=', PLATFORM).where('event_id', '=', id).executeTakeFirst()) return;
    const r = await deps.ingest([{ id, platform: PLATFORM, type: 'member.profile', member, tags_add: [name], at: new Date(now()).toISOString() }]);
    if (r.rejected.length > 0) throw new Refused(`the tag could not be recorded: ${r.rejected[0]!.reason}`);
  };

  return async (a, db) => {
    if (!(WECOM_KINDS as readonly string[]).includes(a.kind)) {
      const u = unsupported('WeCom', a.kind);
      return NO_API[a.kind] && !u.ok ? { ...u, error: `${u.error}: ${NO_API[a.kind]}` } : u;
    }
    try {
      const t = await target(db, a);
      const needMember = (): string =>
        t.member ??
        (() => {
          throw new Refused(`${a.kind} action ${a.id}: the member has no WeCom identity`);
        })();
      if (a.kind === 'tag') await tag(a, needMember(), db);
      else if (a.kind === 'send' && (a.payload.to === 'member' || typeof a.payload.welcome_code === 'string' || t.chat === null)) {
        await privateMessage(a, needMember(), textOf(a));
      } else {
        if (!t.chat) throw new Refused(`${a.kind} action ${a.id} names no WeCom customer group`);
        const mention = a.kind === 'send' ? '' : `@${mentionName(t.memberName ?? t.member)} `;
        await groupMessage(t.chat, textOf(a, mention, a.kind === 'warn' ? DEFAULT_WARNING : undefined));
      }
      return { ok: true };
    } catch (err) {
      if (err instanceof WecomApiError) return { ok: false, retryable: err.retryable, error: err.message };
      if (err instanceof Refused) return { ok: false, retryable: false, error: err.message };
      return { ok: false, retryable: true, error: (err as Error).message ?? String(err) };
    }
  };
}
