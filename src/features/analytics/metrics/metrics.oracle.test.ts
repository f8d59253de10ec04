// The SQL engine against the naive in-memory replay of the raw ledger (domain/metrics/reference.ts), on random
// ledgers, whole-day and ragged periods, workspace-wide and per community.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase } from '../../../test-support/databases.js';
import { coarseEventBody, eventBody } from '../../../test-support/random-ledger.js';
import { parseEventLine } from '../../../domain/events/validate.js';
import { referenceMetrics, type RefEvent } from '../../../domain/metrics/reference.js';
import { TopicCounter } from '../../../domain/text/topics.js';
import { IngestSession } from '../../ingest/session.js';
import { ingestContextFor } from '../../ingest-hooks.js';
import { computeMetrics, type PeriodMetrics } from './service.js';
import { applyWorkspaceFile } from '../../workspace/apply.js';
import { parseWorkspaceFile } from '../../../config/workspace-file.js';

const PERIODS = [
  ['2026-10-05', '2026-10-12'],
  ['2026-10-03T05:30:00Z', '2026-10-09T17:00:00+08:00'],
  ['2026-10-01', '2026-10-25'],
] as const;

describe('metrics engine = naive replay of the ledger', () => {
  it('agrees on every figure but topics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(eventBody, coarseEventBody), { minLength: 1, maxLength: 40 }), async (bodies) => {
        const lines = bodies.map((b, i) => JSON.stringify({ id: `e${i}`, ...b }));
        const t = await createTestDatabase('sqlite');
        try {
          // Short D and N so that dormancy and "new" happen within the random ledgers' three weeks.
          await applyWorkspaceFile(
            t.database,
            parseWorkspaceFile(
              'workspace: { dormantDays: 3, newCustomerDays: 4 }\nproducts: [{ key: camp, name: 体验营, tier: lead, price: 990 }]\n',
            ),
          );
          const s = new IngestSession(ingestContextFor(t.database), 5);
          let n = 0;
          for (const text of lines) await s.add({ line: ++n, text });
          await s.finish();
          const events: RefEvent[] = lines.map((l) => {
            const r = parseEventLine(l);
            if (!r.ok) throw new Error(r.reason);
            return r.value;
          });
          for (const [from, to] of PERIODS) {
            for (const community of [null, { platform: 'wecom', id: 'g1' }]) {
              const exists = await t.database.db
                .selectFrom('communities')
                .select('id')
                .where('platform', '=', 'wecom')
                .where('external_id', '=', 'g1')
                .executeTakeFirst();
              if (community && !exists) continue;
              const got = (await computeMetrics(t.database.db, { from, to, community: community ? 'wecom:g1' : undefined })) as PeriodMetrics;
              const want = referenceMetrics(events, {
                from: Date.parse(got.from!),
                to: Date.parse(got.to!),
                dormantDays: 3,
                newCustomerDays: 4,
                community,
                products: [{ name: '体验营', aliases: [] }],
              });
              const { topics, ...content } = got.content;
              expect({ groups: got.groups, rates: got.rates, acquisition: got.acquisition, content, conversion: got.conversion }).toEqual(want);
              // Topics: per-day term counts kept at ingest (plus ragged edges) = segmenting the period's texts now.
              const expected = new TopicCounter();
              for (const x of events) {
                const ev = x.event;
                if (
                  ev.type === 'message.sent' &&
                  ev.text &&
                  x.atMs >= Date.parse(got.from!) &&
                  x.atMs < Date.parse(got.to!) &&
                  (!community || (ev.platform === 'wecom' && ev.community === 'g1'))
                )
                  expected.add(ev.text);
              }
              expect(topics).toEqual(expected.top());
            }
          }
        } finally {
          await t.drop();
        }
      }),
      { numRuns: 60 },
    );
  });
});
