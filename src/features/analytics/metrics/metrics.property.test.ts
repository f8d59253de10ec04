// docs/spec/metrics.md's invariants on random ledgers: order, duplicates and later events never change a period's
// figures; the groups partition present(to); SQLite and PostgreSQL answer the same JSON.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase, dialectsUnderTest, postgresUnavailable } from '../../../test-support/databases.js';
import { eventBody } from '../../../test-support/random-ledger.js';
import { IngestSession } from '../../ingest/session.js';
import { ingestContextFor } from '../../ingest-hooks.js';
import { computeMetrics, type PeriodMetrics } from './service.js';
import { presentAt } from './sets.js';
import type { Database, SqlDialect } from '../../../storage/database.js';

const dialects = await dialectsUnderTest();
const FROM = '2026-10-05',
  TO = '2026-10-12';
const TO_MS = Date.parse('2026-10-12T00:00:00+08:00');

async function ingest(database: Database, lines: string[]) {
  const s = new IngestSession(ingestContextFor(database), 7);
  let n = 0;
  for (const text of lines) await s.add({ line: ++n, text });
  return s.finish();
}

async function metricsOf(dialect: SqlDialect, lines: string[]) {
  const t = await createTestDatabase(dialect);
  try {
    await ingest(t.database, lines);
    const whole = (await computeMetrics(t.database.db, { from: FROM, to: TO })) as PeriodMetrics;
    const daily = await computeMetrics(t.database.db, { from: FROM, to: TO, by: 'day' });
    const present = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM (${presentAt({ community: null, timezone: 'Asia/Shanghai' }, TO_MS)}) p`.execute(t.database.db);
    return { whole, daily, present: Number(present.rows[0]!.n) };
  } finally {
    await t.drop();
  }
}

const withIds = (bodies: Record<string, unknown>[], prefix: string) => bodies.map((b, i) => JSON.stringify({ id: `${prefix}${i}`, ...b }));
const ledger = fc.array(eventBody, { minLength: 1, maxLength: 30 });
// Events at or after `to`, none of them member.linked (which rewrites history by definition).
const later = fc
  .array(
    eventBody.filter((b) => b.type !== 'member.linked'),
    { maxLength: 8 },
  )
  .map((bs) => bs.map((b) => ({ ...b, at: new Date(TO_MS + (Date.parse(b.at) % 86_400_000) + 1000 * (b.at.length % 7)).toISOString() })));

describe.each(dialects)('metrics properties (%s)', (dialect) => {
  it('shuffles, duplicates and events after `to` change nothing; the groups partition present(to)', async () => {
    await fc.assert(
      fc.asyncProperty(ledger, later, fc.integer(), async (bodies, after, seed) => {
        const lines = withIds(bodies, 'e');
        const shuffled = [...lines, ...lines.slice(0, 3)];
        let x = Math.abs(seed) || 1;
        for (let i = shuffled.length - 1; i > 0; i--) {
          x = (x * 48271) % 2147483647;
          const j = x % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = await metricsOf(dialect, lines);
        const b = await metricsOf(dialect, [...shuffled, ...withIds(after, 'late')]);
        expect(b.whole).toEqual(a.whole);
        expect(b.daily).toEqual(a.daily);
        const g = a.whole.groups;
        expect(g.potential + g.new + g.core + g.dormant).toBe(a.present);
        for (const v of [g.potential, g.new, g.core, g.dormant]) expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: dialect === 'sqlite' ? 25 : 8 },
    );
  });
});

describe('metrics across dialects', () => {
  it('SQLite and PostgreSQL answer identical JSON for the same ledger', async (ctx) => {
    const reason = await postgresUnavailable();
    if (reason !== null && process.env.CI !== 'true') ctx.skip();
    await fc.assert(
      fc.asyncProperty(ledger, async (bodies) => {
        const lines = withIds(bodies, 'e');
        const [s, p] = await Promise.all([metricsOf('sqlite', lines), metricsOf('postgres', lines)]);
        expect(JSON.stringify(p.whole)).toBe(JSON.stringify(s.whole));
        expect(JSON.stringify(p.daily)).toBe(JSON.stringify(s.daily));
      }),
      { numRuns: 8 },
    );
  });
});
