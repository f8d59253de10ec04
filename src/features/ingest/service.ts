// Stores one batch of validated events in one transaction: dedupe, resolve ids, insert, derive, then the context's
// hooks (hooks.ts) in the same transaction; after the commit, their afterCommit. The reply for a batch is built
// only after its transaction commits.
import { takeWriterLock } from '../../storage/locks.js';
import type { Database } from '../../storage/database.js';
import type { AcceptedEvent, LedgerEvent } from '../../domain/events/types.js';
import { compareEvents } from '../../domain/events/types.js';
import { sameBody } from '../../domain/events/validate.js';
import { bulkWrite } from '../../storage/bulk.js';
import { EVENTS_INSERT } from './bulk-specs.js';
import { DayState } from './day-state.js';
import { checkHooks, runAfterCommit, runInTransaction, type AcceptedBatch, type IngestHook } from './hooks.js';
import { dayBucketerFor } from '../../domain/time/zone.js';
import { DEFAULT_SETTINGS } from '../workspace/settings.js';
import { chunks, key } from '../../storage/chunks.js';
import { lookupMembers, resolveCommunities, resolveMembers } from './resolve.js';
import { blankErasedIdentities } from './erased.js';
import { graphEventsOf, mergeMembers, recomputeCommunities, recomputeMemberships, recomputeOrders, recomputeProfiles } from './derive.js';

export interface Rejection {
  line: number;
  reason: string;
}
export interface BatchResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
}
export interface IngestContext {
  database: Database;
  /**
   * What reacts to each accepted batch, in order (live rules, the dashboard cache …). Required: the full set comes
   * from ingestContextFor() in features/ingest-hooks.ts, which also offers the explicit opt-outs.
   */
  hooks: readonly IngestHook[];
  /** false skips the analytics-only derived state (member_days, spans, applied refunds): benchmarks only. */
  analytics?: boolean;
}
export interface BatchItem {
  line: number;
  value: AcceptedEvent;
}

const memberKeysOf = (e: LedgerEvent): string[] => {
  const out: string[] = [];
  if ('member' in e) out.push(key(e.platform, e.member));
  if (e.type === 'member.joined' && e.inviter !== undefined) out.push(key(e.platform, e.inviter));
  if (e.type === 'member.linked') out.push(key(e.other_platform, e.other_member));
  return out;
};

export async function ingestBatch(ctx: IngestContext, items: BatchItem[]): Promise<BatchResult> {
  const result: BatchResult = { accepted: 0, duplicates: 0, rejected: [] };
  checkHooks(ctx.hooks);
  if (items.length === 0) return result;
  const accepted = await ctx.database.db.transaction().execute(async (trx): Promise<AcceptedBatch | null> => {
    await takeWriterLock(trx, 'new-version');
    // Events for erased people are blanked before anything else sees them (docs/privacy.md).
    await blankErasedIdentities(trx, items);
    // Read under the lock: a concurrent `qunyun apply` that changes the zone re-buckets under the same lock.
    const tz = await trx.selectFrom('settings').select('value').where('key', '=', 'timezone').executeTakeFirst();
    const bucketer = dayBucketerFor(tz?.value ?? DEFAULT_SETTINGS.timezone);

    // 1. Duplicates and conflicts. Every delivery of an id is judged against the first accepted body: the stored
    // one, or else the first in this batch — so a repeated conflicting delivery is a conflict each time.
    const conflict = (it: BatchItem) =>
      result.rejected.push({
        line: it.line,
        reason: `id: conflict — event ${JSON.stringify(it.value.event.id)} on platform ${it.value.event.platform} was already accepted with a different body`,
      });
    const deliveries = new Map<string, BatchItem[]>();
    const byPlat = new Map<string, string[]>();
    for (const it of items) {
      const { platform, id } = it.value.event;
      const k = key(platform, id);
      const list = deliveries.get(k);
      if (list) list.push(it);
      else {
        deliveries.set(k, [it]);
        (byPlat.get(platform) ?? byPlat.set(platform, []).get(platform)!).push(id);
      }
    }
    const stored = new Map<string, string>();
    for (const [platform, ids] of byPlat) {
      for (const part of chunks(ids, 500)) {
        const rows = await trx
          .selectFrom('events')
          .select(['event_id', 'body'])
          .where('platform', '=', platform)
          .where('event_id', 'in', part)
          .execute();
        for (const r of rows) stored.set(key(platform, r.event_id), r.body);
      }
    }
    const fresh: BatchItem[] = [];
    for (const [k, list] of deliveries) {
      let reference = stored.get(k);
      let i = 0;
      if (reference === undefined) {
        fresh.push(list[0]!);
        reference = list[0]!.value.body;
        i = 1;
      }
      for (; i < list.length; i++) {
        if (sameBody(reference, list[i]!.value.body)) result.duplicates++;
        else conflict(list[i]!);
      }
    }
    const events = fresh.map((it) => it.value);
    result.accepted = events.length;
    if (events.length === 0) return null;

    // 2. Our ids for the members and communities the events name.
    const memberKeys = new Set<string>();
    const communityKeys = new Set<string>();
    for (const { event: e } of events) {
      for (const k of memberKeysOf(e)) memberKeys.add(k);
      if ('community' in e && e.community !== undefined) communityKeys.add(key(e.platform, e.community));
    }
    const members = await resolveMembers(trx, memberKeys);
    const communities = await resolveCommunities(trx, communityKeys);
    const now = Date.now();
    const rows = events.map(({ event: e, atMs, body }) => ({
      platform: e.platform,
      event_id: e.id,
      type: e.type,
      at_ms: atMs,
      member_id: 'member' in e ? members.get(key(e.platform, e.member))! : null,
      community_id: 'community' in e && e.community !== undefined ? communities.get(key(e.platform, e.community))! : null,
      order_key: 'order' in e ? key(e.platform, e.order) : null,
      body,
      ingested_at: now,
    }));
    await bulkWrite(trx, EVENTS_INSERT, rows);

    // 3. Identity merges, in ledger order; later steps see the merged ids.
    const redirect = new Map<number, number>();
    const final = (id: number): number => {
      let cur = id;
      while (redirect.has(cur)) cur = redirect.get(cur)!;
      return cur;
    };
    const membershipTouched = new Set<number>();
    const profileTouched = new Set<number>();
    const links = events
      .filter((x) => x.event.type === 'member.linked')
      .sort((a, b) =>
        compareEvents({ atMs: a.atMs, platform: a.event.platform, id: a.event.id }, { atMs: b.atMs, platform: b.event.platform, id: b.event.id }),
      );
    for (const { event: e } of links) {
      if (e.type !== 'member.linked') continue;
      const pair = [key(e.platform, e.member), key(e.other_platform, e.other_member)];
      const ids = await lookupMembers(trx, pair);
      const a = ids.get(pair[0]!)!,
        b = ids.get(pair[1]!)!;
      if (a === b) continue;
      const [winner, loser] = a < b ? [a, b] : [b, a];
      await mergeMembers(trx, winner, loser);
      redirect.set(loser, winner);
      membershipTouched.add(winner);
      profileTouched.add(winner);
    }

    // 4. Derived state.
    const days = new DayState(bucketer);
    const orderKeys = new Set<string>();
    const communityTouched = new Set<number>();
    for (let i = 0; i < events.length; i++) {
      const { event: e, atMs } = events[i]!;
      const row = rows[i]!;
      const memberId = row.member_id === null ? null : final(row.member_id);
      if (memberId !== null) days.add(e.type, atMs, memberId, row.community_id);
      if (e.type === 'member.joined' || e.type === 'member.left') membershipTouched.add(memberId!);
      if (e.type === 'member.profile' || (e.type === 'member.joined' && e.name !== undefined)) profileTouched.add(memberId!);
      if (row.order_key !== null) orderKeys.add(row.order_key);
      if (e.type === 'community.updated') communityTouched.add(row.community_id!);
    }
    const analytics = ctx.analytics !== false;
    if (analytics) await days.flush(trx);
    const membershipIds = [...new Set([...membershipTouched].map(final))];
    const profileIds = [...new Set([...profileTouched].map(final))];
    const graphRows = await graphEventsOf(trx, [...new Set([...membershipIds, ...profileIds])]);
    await recomputeMemberships(trx, membershipIds, graphRows, analytics);
    await recomputeProfiles(trx, profileIds, graphRows);
    await recomputeOrders(trx, orderKeys, analytics);
    await recomputeCommunities(trx, [...communityTouched]);
    // 5. The hooks, in this same commit (live rules' outbox rows, the dashboard cache's invalidation).
    const batch: AcceptedBatch = {
      events: events.map(({ event, atMs }, i) => ({
        event,
        atMs,
        memberId: rows[i]!.member_id === null ? null : final(rows[i]!.member_id!),
        communityId: rows[i]!.community_id,
      })),
    };
    await runInTransaction(ctx.hooks, trx, batch);
    return batch;
  });
  if (accepted !== null) await runAfterCommit(ctx.hooks, accepted);
  return result;
}
