// The Telegram connector (docs/connectors/telegram.md): a grammY Bot API client; updates in by webhook
// (TELEGRAM_WEBHOOK_SECRET set) or long polling, translated (translate.ts) and committed before Telegram is
// acknowledged; outbox actions out as Bot API calls (deliver.ts).
import { Api } from 'grammy';
import type { Connector, ConnectorContext, InboundResult } from '../types.js';
import type { TelegramConfig } from './config.js';
import { TELEGRAM_KINDS, deliverTelegram } from './deliver.js';
import { MembershipSource } from './membership.js';
import { ALLOWED_UPDATES, Poller, type PollingOptions } from './polling.js';
import { safeErr } from './redact.js';
import { PLATFORM, translate, type LedgerEvent } from './translate.js';
import { mountWebhook } from './webhook.js';

export { readTelegramConfig, type TelegramConfig } from './config.js';

export interface TelegramConnector extends Connector {
  readonly api: Api;
  readonly mode: 'webhook' | 'polling';
  /** Translates updates and commits their events; resolves only once they are committed. */
  handleUpdates(updates: unknown[]): Promise<InboundResult>;
}

export interface TelegramOptions {
  polling?: PollingOptions;
  /** Clock for mute end times (tests). */
  now?: () => number;
}

export function createTelegramConnector(config: TelegramConfig, ctx: ConnectorContext, opts: TelegramOptions = {}): TelegramConnector {
  // Calls give up after 30 s (the outbox retries); a long poll is held open for its timeout, so it gets a margin on top.
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: 30 });
  const mode = config.webhookSecret === null ? 'polling' : 'webhook';
  // Polling asks for chat_member itself; a webhook's update types are whatever setWebhook was given (checked on start).
  const membership = new MembershipSource(api, config.botId, mode === 'polling');

  async function handleUpdates(updates: unknown[]): Promise<InboundResult> {
    const events: LedgerEvent[] = [];
    for (const u of updates) {
      membership.observe(u);
      events.push(...translate(u, { serviceMembership: await membership.serviceMembership(u) }));
    }
    if (events.length === 0) return { accepted: 0, duplicates: 0, rejected: [] };
    const r = await ctx.ingest(events);
    for (const x of r.rejected) {
      const e = events[x.line - 1];
      ctx.log.warn({ event: e?.id, type: e?.type, reason: x.reason }, 'telegram event refused by the ledger');
    }
    return r;
  }

  const poller =
    mode === 'polling'
      ? new Poller(
          new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: 30 + (opts.polling?.timeoutSeconds ?? 25) }),
          handleUpdates,
          ctx.log,
          opts.polling,
        )
      : null;

  return {
    platform: PLATFORM,
    platforms: [PLATFORM],
    kinds: TELEGRAM_KINDS,
    api,
    mode,
    handleUpdates,
    deliver: (action, db) => deliverTelegram(api, action, db, opts.now),
    routes: config.webhookSecret === null ? undefined : (app) => mountWebhook(app, config.webhookSecret!, handleUpdates, ctx.log, config.token),
    async start() {
      if (poller) {
        poller.start();
        ctx.log.info({ allowed_updates: ALLOWED_UPDATES }, 'telegram: long polling');
        return;
      }
      await checkWebhook(api, membership, ctx.log);
    },
    async stop() {
      await poller?.stop();
    },
  };
}

/** Webhook mode: reports what Telegram has on record (never fatal: the server must come up even if Telegram cannot be reached). */
async function checkWebhook(api: Api, membership: MembershipSource, log: ConnectorContext['log']): Promise<void> {
  try {
    const info = await api.getWebhookInfo();
    const types = info.allowed_updates ?? [];
    membership.setRequested(types.includes('chat_member'));
    if (!info.url)
      log.warn(
        {},
        "telegram: no webhook is set; call setWebhook with this server's /hooks/telegram URL and secret_token (docs/connectors/telegram.md)",
      );
    else if (!types.includes('chat_member'))
      log.warn({ allowed_updates: types }, 'telegram: the webhook does not ask for chat_member updates; invite-link channels will be missing');
    else log.info({ url: info.url, pending: info.pending_update_count }, 'telegram: webhook');
    if (info.last_error_message) log.warn({ error: info.last_error_message, at: info.last_error_date }, 'telegram: last webhook delivery failed');
  } catch (err) {
    log.warn({ err: safeErr(err, api.token) }, 'telegram: could not read the webhook info');
  }
}
