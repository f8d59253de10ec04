// Long polling: getUpdates in a loop, the offset advanced only after a batch's events are committed. Telegram
// forgets updates below the offset it is last asked for, so an update whose events failed to commit is fetched
// again on the next call (and a redelivery of what did commit is a duplicate). grammY's own bot.start() moves past
// an update whose handler failed, which is why the loop is ours.
import { GrammyError, type Api } from 'grammy';
import type { ConnectorContext, InboundResult } from '../types.js';
import { safeErr } from './redact.js';

/** Update types the bot asks for; chat_member must be asked for explicitly (and needs the bot to be an admin). */
export const ALLOWED_UPDATES = ['message', 'chat_member', 'my_chat_member', 'chat_join_request'] as const;

/** grammY's Node build types its signals with the abort-controller polyfill; the platform's own works alike. */
type GrammySignal = Parameters<Api['getUpdates']>[1];

export interface PollingOptions {
  /** Seconds Telegram holds a getUpdates call open when there is nothing new (default 25). */
  timeoutSeconds?: number;
  /** Pause after an empty answer, for servers that answer at once (default 200 ms). */
  idleMs?: number;
  /** First pause after a failure; doubles up to 30 s (default 1 s). */
  backoffMs?: number;
}

export class Poller {
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private offset: number | undefined;

  constructor(
    private readonly api: Api,
    private readonly handle: (updates: unknown[]) => Promise<InboundResult>,
    private readonly log: ConnectorContext['log'],
    private readonly opts: PollingOptions = {},
  ) {}

  /** The next update id asked for: everything below it is committed. */
  get nextOffset(): number | undefined {
    return this.offset;
  }

  start(): void {
    if (this.loop) return;
    const abort = (this.abort = new AbortController());
    this.loop = this.run(abort.signal);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = null;
    this.abort = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    let webhookCleared = false;
    while (!signal.aborted) {
      try {
        // getUpdates is refused (409) while a webhook is set: polling mode means no webhook.
        if (!webhookCleared) {
          await this.api.deleteWebhook({ drop_pending_updates: false }, signal as unknown as GrammySignal);
          webhookCleared = true;
        }
        const updates = await this.api.getUpdates(
          { offset: this.offset, timeout: this.opts.timeoutSeconds ?? 25, allowed_updates: [...ALLOWED_UPDATES] },
          signal as unknown as GrammySignal,
        );
        if (updates.length > 0) {
          await this.handle(updates);
          this.offset = Math.max(...updates.map((u) => u.update_id)) + 1;
        } else {
          await pause(this.opts.idleMs ?? 200, signal);
        }
        failures = 0;
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        const retryAfter = err instanceof GrammyError && err.error_code === 429 ? (err.parameters.retry_after ?? 1) * 1000 : 0;
        const wait = Math.max(retryAfter, Math.min(30_000, (this.opts.backoffMs ?? 1000) * 2 ** (failures - 1)));
        this.log.error(
          { err: safeErr(err, this.api.token), failures, offset: this.offset, retryInMs: wait },
          'telegram polling failed; updates will be fetched again',
        );
        await pause(wait, signal);
      }
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
