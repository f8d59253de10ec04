// docs/spec/events.md: re-ingesting, shuffling or re-batching a ledger gives the same member graph.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, dialectsUnderTest } from '../../test-support/databases.js';
import { dumpGraph } from '../../test-support/graph-dump.js';
import { ledger } from '../../test-support/random-ledger.js';
import { IngestSession } from './session.js';
import type { Database } from '../../storage/database.js';

const dialects = await dialectsUnderTest();

async function ingest(database: Database, lines: string[], batch: number) {
  const s = new IngestSession({ database, hooks: [] }, batch);
  let n = 0;
  for (const text of lines) await s.add({ line: ++n, text });
  return s.finish();
}

describe.each(dialects)('order-free ingest (%s)', (dialect) => {
  it('shuffled and re-batched ledgers give the same graph; a second run is all duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(
        ledger,
        fc.integer({ min: 1, max: 50 }).chain((seed) => fc.constant(seed)),
        fc.integer({ min: 1, max: 7 }),
        async (lines, seed, batch) => {
          const shuffled = [...lines];
          let x = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            x = (x * 1103515245 + 12345) % 2147483648;
            const j = x % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const a = await createTestDatabase(dialect);
          const b = await createTestDatabase(dialect);
          try {
            const ra = await ingest(a.database, lines, 1000);
            const rb = await ingest(b.database, shuffled, batch);
            expect(ra.rejected).toEqual([]);
            expect(rb.accepted).toBe(ra.accepted);
            expect(await dumpGraph(b.database.db)).toEqual(await dumpGraph(a.database.db));
            const again = await ingest(b.database, lines, batch);
            expect(again).toMatchObject({ accepted: 0, duplicates: lines.length, rejected_count: 0 });
            expect(await dumpGraph(b.database.db)).toEqual(await dumpGraph(a.database.db));
          } finally {
            await a.drop();
            await b.drop();
          }
        },
      ),
      { numRuns: dialect === 'sqlite' ? 60 : 15 },
    );
  });
});
