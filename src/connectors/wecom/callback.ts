// The WeCom callback: GET /hooks/wecom answers URL verification, POST /hooks/wecom receives encrypted events.
// Order of checks: parameters → body size → outer XML → msg_signature (constant time) → timestamp window →
// decryption and receive id → inner XML → ledger, once per msg_signature (a repeat of a committed request is
// answered "success" again; one arriving while the first is in flight waits for its outcome). "success" is answered only after the events are
// committed; any failure before that answers an error, so WeCom delivers again and the ledger counts a duplicate.
// POST /hooks/wecom/archive takes decrypted 会话存档 records as NDJSON, with WECOM_TOKEN as a bearer token.
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { errorJson, jsonProblem } from '../../http/errors.js';
import { BodyTooLargeError, readBoundedBody } from '../../features/ingest/read-body.js';
import type { ConnectorContext } from '../types.js';
import type { WecomConfig } from './config.js';
import { CallbackRefusal, checkTimestamp, constantTimeEqual, openEnvelope, ReplayGuard, verifySignature } from './security.js';
import { fields, parseXml, XmlError } from './xml.js';
import { eventId, PLATFORM, TranslateError, translateDocument, type LedgerLine, type Translation } from './translate.js';
import { groupEvents, type Directory } from './directory.js';
import { ArchiveError, archiveRecordToEvents } from './archive.js';

export const MAX_CALLBACK_BYTES = 256 * 1024;
export const MAX_ARCHIVE_BYTES = 8 * 1024 * 1024;

export interface CallbackDeps {
  config: WecomConfig;
  ctx: ConnectorContext;
  directory: Directory;
  guard?: ReplayGuard;
  now?: () => number;
}

async function readBody(c: Context, limit: number): Promise<string> {
  try {
    return (await readBoundedBody(c.req.raw, limit)).toString('utf8');
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw new CallbackRefusal(413, 'body_too_large', `request body larger than ${limit} bytes`);
    throw err;
  }
}

function query(c: Context, names: string[]): Record<string, string> {
  const out = Object.fromEntries(names.map((n) => [n, c.req.query(n) ?? '']));
  const missing = names.filter((n) => out[n] === '');
  if (missing.length > 0)
    throw new CallbackRefusal(400, 'missing_parameters', `missing query parameter${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  return out;
}

/** One kind of signed request: its query parameters, where its ciphertext is, and what to do once it passed the checks. */
interface SignedRoute {
  params: string[];
  ciphertext(c: Context, q: Record<string, string>): Promise<string>;
  handle(c: Context, encrypted: string): Promise<Response>;
  /** The answer to a request already committed; routes without one (URL verification, which stores nothing) just run again. */
  duplicate?(c: Context): Response;
}

function parseOrRefuse(xml: string, what: string) {
  try {
    return parseXml(xml);
  } catch (err) {
    if (err instanceof XmlError) throw new CallbackRefusal(400, 'bad_xml', `${what} is not acceptable XML: ${err.message}`);
    throw err;
  }
}

/** Members Qunyun knows to be in a dismissed group leave it (WeCom announces no del_member for a dismissal). */
async function dismissal(db: Kysely<Schema>, chat: NonNullable<Translation['chat']>): Promise<LedgerLine[]> {
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('communities as c', 'c.id', 'ms.community_id')
    .innerJoin('identities as i', 'i.member_id', 'ms.member_id')
    .select('i.external_id')
    .where('c.platform', '=', PLATFORM)
    .where('c.external_id', '=', chat.id)
    .where('i.platform', '=', PLATFORM)
    .where('ms.present', '=', 1)
    .execute();
  return [...new Set(rows.map((r) => r.external_id))].sort().map((member) => ({
    id: eventId('dismiss', [chat.baseId, member]),
    platform: PLATFORM,
    type: 'member.left',
    at: chat.at,
    community: chat.id,
    member,
    reason: 'removed',
  }));
}

export function registerWecomRoutes(app: OpenAPIHono, deps: CallbackDeps): void {
  const { config, ctx, directory } = deps;
  const guard = deps.guard ?? new ReplayGuard();
  const now = deps.now ?? Date.now;

  /**
   * Runs the shared checks, then the route's work. With `duplicate`, the work runs once per msg_signature: a
   * request already committed is answered `duplicate` (WeCom's retry after a lost answer), and one arriving while
   * the same request is still in flight waits for it, so a retry is never refused while the event is not stored.
   */
  const signed = (route: SignedRoute) => async (c: Context) => {
    try {
      const q = query(c, route.params);
      const encrypted = await route.ciphertext(c, q);
      const r = { signature: q.msg_signature!, timestamp: q.timestamp!, nonce: q.nonce!, encrypted };
      verifySignature(config.token, r);
      checkTimestamp(r.timestamp, now());
      if (!route.duplicate) return await route.handle(c, encrypted);
      const done = await guard.once(r.signature, now, () => route.handle(c, encrypted));
      return done.duplicate ? route.duplicate(c) : done.value;
    } catch (err) {
      if (err instanceof CallbackRefusal) {
        ctx.log.warn({ code: err.code, path: c.req.path }, `wecom callback refused: ${err.message}`);
        return errorJson(c, err.status, err.code, err.message);
      }
      // Not committed (the database is down…): WeCom delivers again, and then it is accepted.
      ctx.log.error({ err, path: c.req.path }, 'wecom callback failed before its events were committed');
      return errorJson(c, 503, 'not_committed', 'the events could not be committed; WeCom will deliver them again');
    }
  };

  app.get(
    '/hooks/wecom',
    signed({
      params: ['msg_signature', 'timestamp', 'nonce', 'echostr'],
      // A "+" of the base64 echostr arrives as a space when the caller did not percent-encode it.
      ciphertext: async (_c, q) => q.echostr!.replace(/ /g, '+'),
      handle: async (c, encrypted) => c.text(openEnvelope(config.aesKey, config.corpId, encrypted)),
    }),
  );

  app.post(
    '/hooks/wecom',
    signed({
      params: ['msg_signature', 'timestamp', 'nonce'],
      duplicate: (c) => c.text('success'),
      async ciphertext(c) {
        const outer = parseOrRefuse(await readBody(c, MAX_CALLBACK_BYTES), 'the request body');
        const encrypted = fields(outer).Encrypt;
        if (!encrypted) throw new CallbackRefusal(400, 'bad_xml', 'the request body has no <Encrypt> element');
        return encrypted;
      },
      async handle(c, encrypted) {
        const plain = openEnvelope(config.aesKey, config.corpId, encrypted);
        let t: Translation;
        try {
          t = translateDocument(parseOrRefuse(plain, 'the decrypted message'));
        } catch (err) {
          if (err instanceof TranslateError) throw new CallbackRefusal(400, 'bad_event', `the event cannot be read: ${err.message}`);
          throw err;
        }
        const events = [...t.events, ...(await extras(t))];
        if (t.ignored) ctx.log.info({ ignored: t.ignored }, 'wecom callback acknowledged without ledger events');
        if (events.length > 0) {
          const r = await ctx.ingest(events);
          // A refused line will not improve by WeCom delivering it again: log it and acknowledge.
          if (r.rejected.length > 0) ctx.log.warn({ rejected: r.rejected }, 'wecom callback: events refused by the ledger');
        }
        if (t.welcome) directory.welcome.set(t.welcome.member, t.welcome.code, now());
        return c.text('success');
      },
    }),
  );

  /** Group details for a new or changed group (best effort: WeCom waits only 5 s for the answer), members closed on dismissal. */
  async function extras(t: Translation): Promise<LedgerLine[]> {
    if (!t.chat) return [];
    if (t.chat.change === 'dismiss') return dismissal(ctx.database.db, t.chat);
    try {
      const detail = await directory.group(t.chat.id, { attempts: 1, timeoutMs: 2000 }, true);
      return groupEvents(detail, t.chat.baseId, t.chat.at, t.chat.change === 'create');
    } catch (err) {
      ctx.log.warn({ chat: t.chat.id, err: (err as Error).message }, 'wecom: group details unavailable; recorded the change without them');
      return [];
    }
  }

  app.post('/hooks/wecom/archive', async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const presented = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    if (!presented || !constantTimeEqual(config.token, presented)) {
      return errorJson(c, 401, 'bad_token', 'send the WECOM_TOKEN as "Authorization: Bearer <token>"');
    }
    let body: string;
    try {
      body = await readBody(c, MAX_ARCHIVE_BYTES);
    } catch (err) {
      if (err instanceof CallbackRefusal) return errorJson(c, err.status, err.code, `${err.message}; split the archive into several requests`);
      throw err;
    }
    const events: LedgerLine[] = [];
    const sourceLine: number[] = [];
    const rejected: { line: number; reason: string }[] = [];
    let skipped = 0;
    body.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      try {
        const r = archiveRecordToEvents(JSON.parse(raw));
        if (r.skipped) skipped++;
        for (const e of r.events) {
          events.push(e);
          sourceLine.push(i + 1);
        }
      } catch (err) {
        if (!(err instanceof ArchiveError) && !(err instanceof SyntaxError)) throw err;
        rejected.push({ line: i + 1, reason: err instanceof SyntaxError ? jsonProblem(err) : err.message });
      }
    });
    const r = events.length > 0 ? await ctx.ingest(events) : { accepted: 0, duplicates: 0, rejected: [] };
    for (const x of r.rejected) rejected.push({ line: sourceLine[x.line - 1] ?? x.line, reason: x.reason });
    return c.json({ accepted: r.accepted, duplicates: r.duplicates, skipped, rejected: rejected.sort((a, b) => a.line - b.line) });
  });
}
