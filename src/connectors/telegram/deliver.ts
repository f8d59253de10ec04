// Outbox actions → Bot API calls. Targets are the platform ids behind the action's member and community; the message
// an action answers or deletes is named by its event id `<chat>:<message_id>`. Telegram's refusals come back as
// permanent failures with its description; rate limits, server errors and network trouble as retryable ones.
import { GrammyError, HttpError, type Api } from 'grammy';
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { Delivery, OutboxAction } from '../types.js';
import { unsupported } from '../types.js';
import { describeError, redactToken } from './redact.js';
import { PLATFORM, parseMessageId } from './translate.js';

export const TELEGRAM_KINDS = [
  'send',
  'reply',
  'warn',
  'delete',
  'mute',
  'unmute',
  'remove',
  'blacklist',
  'unblacklist',
  'approve',
  'decline',
] as const;

/** A refusal found before calling Telegram (missing target or payload): never worth retrying. */
class Refused extends Error {}

const PERMISSIONS = [
  'can_send_messages',
  'can_send_audios',
  'can_send_documents',
  'can_send_photos',
  'can_send_videos',
  'can_send_video_notes',
  'can_send_voice_notes',
  'can_send_polls',
  'can_send_other_messages',
  'can_add_web_page_previews',
  'can_change_info',
  'can_invite_users',
  'can_pin_messages',
  'can_manage_topics',
] as const;
const permissions = (allowed: boolean) => Object.fromEntries(PERMISSIONS.map((p) => [p, allowed]));

/** Telegram treats a restriction shorter than 30 s as forever: a short mute is stretched rather than made permanent. */
export const MIN_MUTE_SECONDS = 31;

async function communityOf(db: Kysely<Schema>, a: OutboxAction): Promise<number | string> {
  if (a.community_id === null) throw new Refused(`action ${a.id} (${a.kind}) names no community`);
  const c = await db.selectFrom('communities').select(['external_id', 'platform']).where('id', '=', a.community_id).executeTakeFirst();
  if (!c || c.platform !== PLATFORM) throw new Refused(`action ${a.id} (${a.kind}): community ${a.community_id} is not a Telegram chat`);
  return chatId(c.external_id);
}

/** Chat ids go out as numbers (they fit in 52 bits); anything else (a @username) as given. */
const chatId = (id: string): number | string => (/^-?\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id);

/** The member's Telegram user id, following merges (a merged member's identities moved to the survivor). */
async function userOf(db: Kysely<Schema>, a: OutboxAction): Promise<number> {
  if (a.member_id === null) throw new Refused(`action ${a.id} (${a.kind}) names no member`);
  let id: number | null = a.member_id;
  for (let hops = 0; id !== null && hops < 8; hops++) {
    const i = await db.selectFrom('identities').select('external_id').where('member_id', '=', id).where('platform', '=', PLATFORM).executeTakeFirst();
    if (i) {
      if (!/^\d{1,20}$/.test(i.external_id)) throw new Refused(`action ${a.id} (${a.kind}): Telegram identity ${i.external_id} is not a user id`);
      return Number(i.external_id);
    }
    const m = await db.selectFrom('members').select('merged_into').where('id', '=', id).executeTakeFirst();
    id = m?.merged_into ?? null;
  }
  throw new Refused(`action ${a.id} (${a.kind}): member ${a.member_id} has no Telegram identity`);
}

function text(a: OutboxAction): string {
  const t = a.payload.text;
  if (typeof t !== 'string' || t.trim() === '') throw new Refused(`action ${a.id} (${a.kind}) has no payload.text to send`);
  return t;
}

function message(a: OutboxAction): { chat: string; message: number } {
  const m = parseMessageId(a.event_id);
  if (!m) throw new Refused(`action ${a.id} (${a.kind}): event ${JSON.stringify(a.event_id)} is not a Telegram message (<chat>:<message_id>)`);
  return m;
}

/** What Telegram answers when the wanted state already holds: a retried action that had gone through. */
const ALREADY = /message to delete not found|USER_ALREADY_PARTICIPANT|HIDE_REQUESTER_MISSING/i;

async function call(api: Api, a: OutboxAction, db: Kysely<Schema>, nowSeconds: number): Promise<void> {
  switch (a.kind) {
    case 'send': {
      // Playbook steps for one member (payload.to = 'member') go to them privately.
      const chat = a.payload.to === 'member' ? await userOf(db, a) : await communityOf(db, a);
      await api.sendMessage(chat, text(a));
      return;
    }
    case 'reply':
    case 'warn': {
      const body = text(a);
      const m = parseMessageId(a.event_id);
      const chat = m ? chatId(m.chat) : await communityOf(db, a);
      // Sent even if the message is gone (a rule's delete usually goes first).
      await api.sendMessage(chat, body, m ? { reply_parameters: { message_id: m.message, allow_sending_without_reply: true } } : {});
      return;
    }
    case 'delete': {
      const m = message(a);
      await api.deleteMessage(chatId(m.chat), m.message);
      return;
    }
    case 'mute': {
      const seconds = a.payload.seconds;
      if (typeof seconds !== 'number' || !(seconds > 0)) throw new Refused(`action ${a.id} (mute) has no positive payload.seconds`);
      const until = nowSeconds + Math.max(MIN_MUTE_SECONDS, Math.ceil(seconds));
      await api.restrictChatMember(await communityOf(db, a), await userOf(db, a), permissions(false), {
        until_date: until,
        use_independent_chat_permissions: true,
      });
      return;
    }
    case 'unmute':
      // Every permission granted lifts the restriction; the chat's defaults still apply.
      await api.restrictChatMember(await communityOf(db, a), await userOf(db, a), permissions(true), { use_independent_chat_permissions: true });
      return;
    case 'remove': {
      // A ban removes; the unban right after lets them come back by a link later.
      const chat = await communityOf(db, a),
        userId = await userOf(db, a);
      await api.banChatMember(chat, userId);
      await api.unbanChatMember(chat, userId, { only_if_banned: true });
      return;
    }
    case 'blacklist':
      await api.banChatMember(await communityOf(db, a), await userOf(db, a));
      return;
    case 'unblacklist':
      await api.unbanChatMember(await communityOf(db, a), await userOf(db, a), { only_if_banned: true });
      return;
    case 'approve':
      await api.approveChatJoinRequest(await communityOf(db, a), await userOf(db, a));
      return;
    case 'decline':
      await api.declineChatJoinRequest(await communityOf(db, a), await userOf(db, a));
      return;
  }
}

export async function deliverTelegram(api: Api, a: OutboxAction, db: Kysely<Schema>, now: () => number = Date.now): Promise<Delivery> {
  if (!(TELEGRAM_KINDS as readonly string[]).includes(a.kind)) return unsupported('telegram', a.kind);
  try {
    await call(api, a, db, Math.floor(now() / 1000));
    return { ok: true };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, retryable: false, error: `telegram: ${err.message}` };
    if (err instanceof GrammyError && ALREADY.test(err.description)) return { ok: true };
    return failure(err, api.token);
  }
}

/**
 * A Bot API failure → retryable (429, 5xx, network) or permanent (400, 403 …), with Telegram's own description.
 * The text never carries the bot token (network errors quote the request URL, `/bot<token>/…`): it is stored in
 * `actions.last_error` and served by the API.
 */
export function failure(err: unknown, token?: string): Delivery & { ok: false } {
  const r = (retryable: boolean, error: string): Delivery & { ok: false } => ({ ok: false, retryable, error: redactToken(error, token) });
  if (err instanceof GrammyError) {
    const what = `telegram ${err.method} (${err.error_code}): ${err.description}`;
    if (err.error_code === 429) return r(true, `${what}; rate limited, retry after ${err.parameters.retry_after ?? '?'} s`);
    if (err.error_code >= 500) return r(true, what);
    if (err.parameters.migrate_to_chat_id !== undefined) return r(false, `${what}; the group is now supergroup ${err.parameters.migrate_to_chat_id}`);
    if (err.error_code === 401) return r(false, `${what}; check TELEGRAM_BOT_TOKEN`);
    return r(false, what);
  }
  if (err instanceof HttpError) return r(true, `telegram: network error: ${describeError(err, token)}`);
  return r(true, `telegram: ${describeError(err, token)}`);
}
