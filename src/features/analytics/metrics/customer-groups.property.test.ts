// One customer-group rule, four ways to reach it, member by member on random ledgers: the SQL engine (figures.ts,
// the rule restated in SQL), the sweep (sweep.ts), the members' classification (members/classify.ts, used by the
// member list and the export) and the naive replay (domain/metrics/reference.ts) — the last three calling
// domain/metrics/customer-groups.ts. Random D, N and instants (local midnights, so the sweep applies), workspace
// and community scope, on both dialects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase, dialectsUnderTest } from '../../../test-support/databases.js';
import { coarseEventBody, eventBody } from '../../../test-support/random-ledger.js';
import { parseEventLine } from '../../../domain/events/validate.js';
import { referenceGroups, type RefEvent } from '../../../domain/metrics/reference.js';
import { emptyGroupCounts, type CustomerGroup, type GroupSettings } from '../../../domain/metrics/customer-groups.js';
import { startOfDay, zonedInstant } from '../../../domain/time/periods.js';
import { ingestContextFor } from '../../ingest-hooks.js';
import { IngestSession } from '../../ingest/session.js';
import { groupOf, memberPage } from '../../members/classify.js';
import { groupMembers, groupsAt } from './figures.js';
import { sweep, sweepable } from './sweep.js';
import type { Scope } from './sets.js';
import type { Database } from '../../../storage/database.js';

const dialects = await dialectsUnderTest();
const TZ = 'Asia/Shanghai';
const DAY = 86_400_000;
// Local midnights over the random ledgers' three weeks (and a little after).
const midnight = fc.integer({ min: 1, max: 23 }).map((d) => zonedInstant(TZ, 2026, 10, d));
const settings = fc.record({ dormantDays: fc.integer({ min: 1, max: 8 }), newCustomerDays: fc.integer({ min: 1, max: 8 }) });
// `edge` puts t exactly D or N days after an event at a local midnight (the coarse ledgers have many), so that a
// first join at t − D, a first payment at t − N and activity at t − D or at t itself are tried, not only hoped for.
const asks = fc.array(
  fc.record({
    day: midnight,
    edge: fc.option(fc.record({ event: fc.nat(), by: fc.constantFrom('dormantDays', 'newCustomerDays', null) }), { nil: null }),
    p: settings,
    community: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);

// The events whose instant t − D or t − N is worth landing on: joins and activity for D, payments for N.
const EDGE_TYPES: Record<keyof GroupSettings, string[]> = {
  dormantDays: ['member.joined', 'message.sent', 'checkin.done', 'order.paid'],
  newCustomerDays: ['order.paid'],
};

function instantOf(q: { day: number; edge: { event: number; by: keyof GroupSettings | null } | null; p: GroupSettings }, events: RefEvent[]): number {
  if (q.edge === null) return q.day;
  const by = q.edge.by;
  const midnights = [
    ...new Set(
      events
        .filter((e) => by === null || EDGE_TYPES[by].includes(e.event.type))
        .map((e) => e.atMs)
        .filter((ms) => startOfDay(TZ, ms) === ms),
    ),
  ];
  if (midnights.length === 0) return q.day;
  return midnights[q.edge.event % midnights.length]! + (by === null ? 0 : q.p[by] * DAY);
}

async function ingest(database: Database, lines: string[]) {
  const s = new IngestSession(ingestContextFor(database), 6);
  let n = 0;
  for (const text of lines) await s.add({ line: ++n, text });
  await s.finish();
}

const sorted = (m: Map<number, CustomerGroup>) => [...m].sort((a, b) => a[0] - b[0]);

async function sqlGroups(database: Database, scope: Scope, p: GroupSettings, t: number) {
  const r = await sql<{ member_id: number; grp: CustomerGroup }>`SELECT member_id, grp FROM (${groupMembers(scope, p, t)}) g`.execute(database.db);
  return new Map(r.rows.map((x) => [Number(x.member_id), x.grp]));
}

async function sweptGroups(database: Database, scope: Scope, p: GroupSettings, t: number) {
  const periods = [{ s: t - DAY, e: t }];
  expect(sweepable(TZ, p, periods)).toBe(true);
  const out = new Map<number, CustomerGroup>();
  const [period] = await sweep(database.db, scope, p, periods, (member, i, g) => {
    if (i === 0) out.set(member, g);
  });
  return { out, counts: period!.groups };
}

async function classifiedGroups(database: Database, scope: Scope, p: GroupSettings, t: number, present: number[]) {
  const asOf = { scope, t, ...p };
  const facts = await memberPage(database.db, present, asOf);
  return new Map(present.map((id) => [id, groupOf(facts.get(id)!, asOf)]));
}

/** The replay's group for each member id, through any of the member's identities (all agree after merges). */
async function oracleGroups(database: Database, events: RefEvent[], scope: Scope, p: GroupSettings, t: number) {
  const community = scope.community === null ? null : { platform: 'wecom', id: 'g1' };
  const groupOfIdentity = referenceGroups(events, { from: t - DAY, to: t, ...p, community, products: [] });
  const out = new Map<number, CustomerGroup>();
  for (const i of await database.db.selectFrom('identities').select(['member_id', 'platform', 'external_id']).execute()) {
    const g = groupOfIdentity(i.platform, i.external_id);
    const id = Number(i.member_id);
    if (g === null) continue;
    if (out.has(id)) expect(out.get(id)).toBe(g);
    out.set(id, g);
  }
  return out;
}

describe.each(dialects)('customer groups, member by member (%s)', (dialect) => {
  it('the SQL engine, the sweep, the classification and the replay give every present member the same group', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(eventBody, coarseEventBody), { minLength: 1, maxLength: 40 }), asks, async (bodies, questions) => {
        const lines = bodies.map((b, i) => JSON.stringify({ id: `e${i}`, ...b }));
        const events: RefEvent[] = lines.map((l) => {
          const r = parseEventLine(l);
          if (!r.ok) throw new Error(r.reason);
          return r.value;
        });
        const t0 = await createTestDatabase(dialect);
        try {
          await ingest(t0.database, lines);
          const g1 = await t0.database.db
            .selectFrom('communities')
            .select('id')
            .where('platform', '=', 'wecom')
            .where('external_id', '=', 'g1')
            .executeTakeFirst();
          for (const q of questions) {
            if (q.community && !g1) continue;
            const scope: Scope = { community: q.community ? Number(g1!.id) : null, timezone: TZ };
            const t = instantOf(q, events);
            const bySql = await sqlGroups(t0.database, scope, q.p, t);
            const swept = await sweptGroups(t0.database, scope, q.p, t);
            const classified = await classifiedGroups(t0.database, scope, q.p, t, [...bySql.keys()]);
            const oracle = await oracleGroups(t0.database, events, scope, q.p, t);
            expect(sorted(swept.out)).toEqual(sorted(bySql));
            expect(sorted(classified)).toEqual(sorted(bySql));
            expect(sorted(oracle)).toEqual(sorted(bySql));
            // And the counts the dashboard shows are those members'.
            const counts = emptyGroupCounts();
            for (const g of bySql.values()) counts[g]++;
            expect(await groupsAt(t0.database.db, scope, q.p, t)).toEqual(counts);
            expect(swept.counts).toEqual(counts);
          }
        } finally {
          await t0.drop();
        }
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 10 },
    );
  });
});
