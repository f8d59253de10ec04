// The finished-period cache never serves a stale answer: ingest part of a random ledger, ask (filling the cache),
// ingest the rest, ask again — every period must equal the naive replay of the whole ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';
import { coarseEventBody, eventBody } from '../../../test-support/random-ledger.js';
import { parseEventLine } from '../../../domain/events/validate.js';
import { referenceMetrics, type RefEvent } from '../../../domain/metrics/reference.js';
import { IngestSession } from '../../ingest/session.js';
import { ingestContextFor } from '../../ingest-hooks.js';
import { computeMetrics, type PeriodMetrics } from './service.js';
import { ledgerVersion, storePeriods } from './period-cache.js';
import { applyWorkspaceFile } from '../../workspace/apply.js';
import { parseWorkspaceFile } from '../../../config/workspace-file.js';

const QUERIES = [
  { from: '2026-10-01', to: '2026-10-09', by: 'day' as const },
  { from: '2026-10-01', to: '2026-10-22', by: 'week' as const },
  { from: '2026-10-03T05:30:00Z', to: '2026-10-15' },
];
const strip = (m: PeriodMetrics) => {
  const { topics: _t, ...content } = m.content;
  return { groups: m.groups, rates: m.rates, acquisition: m.acquisition, content, conversion: m.conversion };
};

describe('finished-period cache', () => {
  it('agrees with the naive replay after more events arrive, merges and settings changes included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(eventBody, coarseEventBody), { minLength: 2, maxLength: 30 }),
        fc.nat(),
        fc.boolean(),
        async (bodies, cut, reconfigure) => {
          const lines = bodies.map((b, i) => JSON.stringify({ id: `e${i}`, ...b }));
          const k = 1 + (cut % (lines.length - 1));
          const t = await createTestDatabase('sqlite');
          try {
            const cfg = (d: number) =>
              parseWorkspaceFile(
                `workspace: { dormantDays: ${d}, newCustomerDays: 4 }\nproducts: [{ key: camp, name: 体验营, tier: lead, price: 990 }]\n`,
              );
            await applyWorkspaceFile(t.database, cfg(5));
            const ingest = async (part: string[], from: number) => {
              const s = new IngestSession(ingestContextFor(t.database), 4);
              let n = from;
              for (const text of part) await s.add({ line: ++n, text });
              await s.finish();
            };
            await ingest(lines.slice(0, k), 0);
            for (const q of QUERIES) await computeMetrics(t.database.db, q);
            await ingest(lines.slice(k), k);
            if (reconfigure) await applyWorkspaceFile(t.database, cfg(3));
            const events: RefEvent[] = lines.map((l) => {
              const r = parseEventLine(l);
              if (!r.ok) throw new Error(r.reason);
              return r.value;
            });
            for (const q of QUERIES) {
              const got = await computeMetrics(t.database.db, q);
              for (const p of 'series' in got ? got.series : [got]) {
                const want = referenceMetrics(events, {
                  from: Date.parse(p.from!),
                  to: Date.parse(p.to!),
                  dormantDays: reconfigure ? 3 : 5,
                  newCustomerDays: 4,
                  community: null,
                  products: [{ name: '体验营', aliases: [] }],
                });
                expect(strip(p)).toEqual(want);
              }
            }
          } finally {
            await t.drop();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

const dialects = await dialectsUnderTest();
describe.each(dialects)('finished-period cache (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const join = (id: string, member: string, at: string) => ({ id, platform: 'wecom', type: 'member.joined', community: 'g1', member, at });
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await h.post(ndjson([join('j1', 'a', '2026-10-02T10:00:00+08:00'), join('j2', 'b', '2026-10-20T10:00:00+08:00')]));
  });
  afterAll(() => h.drop());
  const rows = async () =>
    Number(
      (
        await h.ctx.database.db
          .selectFrom('metric_periods')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps periods that end before a new event and drops the rest', async () => {
    const q = '/api/v1/metrics?from=2026-10-01&to=2026-11-01&by=week';
    const first = (await h.get(q)).body.series;
    expect(first.map((p: any) => p.acquisition.new_members)).toEqual([1, 0, 0, 1, 0]);
    expect(await rows()).toBe(5);
    // At exactly the end of the last week: no period ends after it, nothing is dropped.
    await h.post(ndjson([join('j3', 'c', '2026-11-01T00:00:00+08:00')]));
    expect(await rows()).toBe(5);
    // In the third week (Oct 12–19; Oct 1 is a Thursday): that week and every later one are recomputed.
    await h.post(ndjson([join('j4', 'd', '2026-10-15T10:00:00+08:00')]));
    expect(await rows()).toBe(2);
    expect((await h.get(q)).body.series.map((p: any) => p.acquisition.new_members)).toEqual([1, 0, 1, 1, 0]);
    expect(await rows()).toBe(5);
    // A merge can change any period.
    await h.post(
      ndjson([
        {
          id: 'l1',
          platform: 'wecom',
          type: 'member.linked',
          member: 'a',
          other_platform: 'wecom',
          other_member: 'd',
          at: '2026-10-30T00:00:00+08:00',
        },
      ]),
    );
    expect(await rows()).toBe(0);
    expect((await h.get(q)).body.series.map((p: any) => p.acquisition.new_members)).toEqual([1, 0, 0, 1, 0]);
  });

  it('an answer computed while a write landed is kept only where that write cannot have changed it', async () => {
    const db = h.ctx.database.db;
    const v = await ledgerVersion(db);
    await h.post(ndjson([join('j5', 'e', '2026-12-10T10:00:00Z')]));
    const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
    await storePeriods(db, 'race', v, [
      { s: at('2026-12-01'), e: at('2026-12-10'), answer: 'before' },
      { s: at('2026-12-01'), e: at('2026-12-11'), answer: 'after' },
    ]);
    const kept = await db.selectFrom('metric_periods').select('answer').where('scope', '=', 'race').execute();
    expect(kept.map((r) => r.answer)).toEqual(['"before"']);
  });
});
