// Recomputes the per-member per-day activity table from the ledger (after a time-zone change).
import type { Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { DayBucketer } from '../../domain/time/zone.js';
import { addMemberDays, type DayCount } from '../ingest/derive.js';

const COLUMN = { 'message.sent': 'messages', 'checkin.done': 'checkins', 'order.paid': 'orders' } as const;

/** Runs inside the caller's transaction (which holds the writer lock), so a zone change and its buckets commit together. */
export async function rebuildMemberDays(trx: Transaction<Schema>, bucketer: DayBucketer, chunk = 50_000): Promise<number> {
  let events = 0;
  {
    await trx.deleteFrom('member_days').execute();
    let after = 0;
    for (;;) {
      const rows = await trx.selectFrom('events').select(['seq', 'type', 'at_ms', 'member_id', 'community_id'])
        .where('seq', '>', after).where('type', 'in', Object.keys(COLUMN)).orderBy('seq').limit(chunk).execute();
      if (rows.length === 0) break;
      const days = new Map<string, DayCount>();
      for (const r of rows) {
        const cid = r.community_id === null ? 0 : Number(r.community_id);
        const day = bucketer.dayOf(Number(r.at_ms));
        const k = `${r.member_id}:${cid}:${day}`;
        let d = days.get(k);
        if (!d) days.set(k, (d = { member_id: Number(r.member_id), community_id: cid, day, messages: 0, checkins: 0, orders: 0 }));
        d[COLUMN[r.type as keyof typeof COLUMN]]++;
      }
      await addMemberDays(trx, days.values());
      events += rows.length;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
  return events;
}
