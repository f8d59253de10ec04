// Per-day state of activity and message text, accumulated for a batch (or a rebuild) and added in bulk:
// member_days counts (with product mentions) and message_terms. All of it is additive, so arrival order
// cannot matter; what depends on configuration (zone, products) is rebuilt when that changes.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { DayBucketer } from '../../domain/time/zone.js';
import { mentionMatcher, topicTerms } from '../../domain/text/topics.js';
import { bulkWrite } from '../../storage/bulk.js';
import { MEMBER_DAYS_ADD, MESSAGE_TERMS_ADD } from './bulk-specs.js';

type Trx = Transaction<Schema>;
export interface DayCount { member_id: number; community_id: number; day: number; messages: number; checkins: number; orders: number; mentions: number }

let cachedMatcher: { key: string; match: (text: string) => boolean } | undefined;

/** The product-mention test for the products configured now (read under the writer lock). */
export async function currentMentionMatcher(trx: Trx): Promise<(text: string) => boolean> {
  const rows = await trx.selectFrom('products').select(['name', 'aliases']).orderBy('key').execute();
  const key = JSON.stringify(rows);
  if (cachedMatcher?.key !== key) {
    cachedMatcher = { key, match: mentionMatcher(rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[] }))) };
  }
  return cachedMatcher.match;
}

export class DayState {
  private readonly days = new Map<string, DayCount>();
  private readonly terms = new Map<string, { day: number; community_id: number; term: string; count: number }>();

  constructor(private readonly bucketer: DayBucketer, private readonly mentions: (text: string) => boolean) {}

  add(type: string, atMs: number, memberId: number, communityId: number | null, text: string | undefined): void {
    if (type !== 'message.sent' && type !== 'checkin.done' && type !== 'order.paid') return;
    const cid = communityId ?? 0;
    const day = this.bucketer.dayOf(atMs);
    const k = `${memberId}:${cid}:${day}`;
    let d = this.days.get(k);
    if (!d) this.days.set(k, (d = { member_id: memberId, community_id: cid, day, messages: 0, checkins: 0, orders: 0, mentions: 0 }));
    if (type === 'checkin.done') d.checkins++;
    else if (type === 'order.paid') d.orders++;
    else {
      d.messages++;
      if (text) {
        if (this.mentions(text)) d.mentions++;
        for (const term of topicTerms(text)) {
          const tk = `${day}:${cid}:${term}`;
          const t = this.terms.get(tk);
          if (t) t.count++;
          else this.terms.set(tk, { day, community_id: cid, term, count: 1 });
        }
      }
    }
  }

  async flush(trx: Trx): Promise<void> {
    await bulkWrite(trx, MEMBER_DAYS_ADD, [...this.days.values()] as unknown as Record<string, unknown>[]);
    await bulkWrite(trx, MESSAGE_TERMS_ADD, [...this.terms.values()]);
    this.days.clear();
    this.terms.clear();
  }
}

/** Rebuilds all per-day state from the ledger, inside the caller's transaction (which holds the writer lock). */
export async function rebuildDayState(trx: Trx, bucketer: DayBucketer, chunk = 20_000): Promise<number> {
  await trx.deleteFrom('member_days').execute();
  await trx.deleteFrom('message_terms').execute();
  const state = new DayState(bucketer, await currentMentionMatcher(trx));
  let events = 0;
  let after = 0;
  for (;;) {
    const rows = await trx.selectFrom('events').select(['seq', 'type', 'at_ms', 'member_id', 'community_id',
      sql<string | null>`CASE WHEN type = 'message.sent' THEN body ELSE NULL END`.as('body')])
      .where('seq', '>', after).where('type', 'in', ['message.sent', 'checkin.done', 'order.paid']).orderBy('seq').limit(chunk).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const text = r.body === null ? undefined : (JSON.parse(r.body) as { text?: string }).text;
      state.add(r.type, Number(r.at_ms), Number(r.member_id), r.community_id === null ? null : Number(r.community_id), text);
    }
    await state.flush(trx);
    events += rows.length;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return events;
}
