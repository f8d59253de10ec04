// POST /hooks/telegram: Telegram's webhook. The secret-token header is compared in constant time; the update is
// answered 200 only after its events are committed, so a crash or an outage before that makes Telegram deliver it
// again (a duplicate for the ledger). Anything else is refused without touching the database.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { errorJson } from '../../http/errors.js';
import { BodyTooLargeError, readBoundedBody } from '../../features/ingest/read-body.js';
import type { ConnectorContext, InboundResult } from '../types.js';
import { safeErr } from './redact.js';

export const WEBHOOK_PATH = '/hooks/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are a few kilobytes; anything near this is not Telegram. */
const MAX_UPDATE_BYTES = 1024 * 1024;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Equal digests, compared in constant time: neither the secret's content nor its length leaks through timing. */
export function secretMatches(given: string | undefined, secret: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}

export function mountWebhook(
  app: OpenAPIHono,
  secret: string,
  handle: (updates: unknown[]) => Promise<InboundResult>,
  log: ConnectorContext['log'],
  token?: string,
): void {
  app.post(WEBHOOK_PATH, async (c) => {
    if (!secretMatches(c.req.header(SECRET_HEADER), secret)) {
      return errorJson(c, 401, 'unauthorized', `missing or wrong ${SECRET_HEADER} header (it must equal TELEGRAM_WEBHOOK_SECRET)`);
    }
    let body: Buffer;
    try {
      body = await readBoundedBody(c.req.raw, MAX_UPDATE_BYTES);
    } catch (err) {
      if (err instanceof BodyTooLargeError) return errorJson(c, 413, 'too_large', err.message);
      throw err;
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      return errorJson(c, 400, 'invalid_request', 'body is not JSON (expected a Telegram Update)');
    }
    const id = (update as { update_id?: unknown } | null)?.update_id;
    if (typeof update !== 'object' || update === null || Array.isArray(update) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
      return errorJson(c, 400, 'invalid_request', 'body is not a Telegram Update (an object with a numeric update_id)');
    }
    let r: InboundResult;
    try {
      r = await handle([update]);
    } catch (err) {
      // Not acknowledged: Telegram retries, and what was committed before the failure is a duplicate then.
      log.error({ err: safeErr(err, token), update_id: id }, 'telegram update not stored');
      return errorJson(c, 503, 'unavailable', 'update not stored; deliver it again');
    }
    return c.json({ ok: true, accepted: r.accepted, duplicates: r.duplicates, rejected: r.rejected.length });
  });
}
