// Per-day activity counts (member_days), accumulated for a batch or a rebuild and added in bulk. Counts are
// additive, so arrival order cannot matter; a change of zone rebuilds them. Text figures per day are built
// lazily by the metrics feature: here a batch only marks the days it brought new messages to.
import type { Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { DayBucketer } from '../../domain/time/zone.js';
import { bulkWrite } from '../../storage/bulk.js';
import { chunks } from '../../storage/chunks.js';
import { MEMBER_DAYS_ADD } from './bulk-specs.js';

type Trx = Transaction<Schema>;
export interface DayCount {
  member_id: number;
  community_id: number;
  day: number;
  messages: number;
  checkins: number;
  orders: number;
}

export class DayState {
  private readonly days = new Map<string, DayCount>();
  private readonly messageDays = new Set<number>();

  constructor(private readonly bucketer: DayBucketer) {}

  add(type: string, atMs: number, memberId: number, communityId: number | null): void {
    if (type !== 'message.sent' && type !== 'checkin.done' && type !== 'order.paid') return;
    const cid = communityId ?? 0;
    const day = this.bucketer.dayOf(atMs);
    const k = `${memberId}:${cid}:${day}`;
    let d = this.days.get(k);
    if (!d) this.days.set(k, (d = { member_id: memberId, community_id: cid, day, messages: 0, checkins: 0, orders: 0 }));
    if (type === 'checkin.done') d.checkins++;
    else if (type === 'order.paid') d.orders++;
    else {
      d.messages++;
      this.messageDays.add(day);
    }
  }

  async flush(trx: Trx): Promise<void> {
    await bulkWrite(trx, MEMBER_DAYS_ADD, [...this.days.values()] as unknown as Record<string, unknown>[]);
    // Their text figures are stale now: the next metrics request rebuilds them.
    for (const part of chunks([...this.messageDays], 500)) await trx.deleteFrom('text_days_built').where('day', 'in', part).execute();
    this.days.clear();
    this.messageDays.clear();
  }
}

/** Rebuilds all per-day counts from the ledger, inside the caller's transaction (which holds the writer lock). */
export async function rebuildDayState(trx: Trx, bucketer: DayBucketer, chunk = 50_000): Promise<number> {
  await trx.deleteFrom('member_days').execute();
  await trx.deleteFrom('text_days_built').execute();
  const state = new DayState(bucketer);
  let events = 0;
  let after = 0;
  for (;;) {
    const rows = await trx
      .selectFrom('events')
      .select(['seq', 'type', 'at_ms', 'member_id', 'community_id'])
      .where('seq', '>', after)
      .where('type', 'in', ['message.sent', 'checkin.done', 'order.paid'])
      .orderBy('seq')
      .limit(chunk)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) state.add(r.type, Number(r.at_ms), Number(r.member_id), r.community_id === null ? null : Number(r.community_id));
    await state.flush(trx);
    events += rows.length;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return events;
}
