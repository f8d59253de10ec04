// Two worker runners, each on its own connection to one database, share the queue: every job and every outbox
// action is worked exactly once and none is lost; stopping them finishes what they hold. A test-only job kind stands
// in, since no real kind exists yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pino } from 'pino';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../test-support/databases.js';
import { openDatabase, type Database } from '../storage/database.js';
import type { Deliverer } from '../features/automation/outbox.js';
import { defineJob } from './definitions.js';
import { bindJobs, enqueueWith, JOB_LEASE_MS, JOB_QUEUE } from './job-queue.js';
import { claimRows } from '../storage/queue.js';
import { OUTBOX_QUEUE } from '../features/automation/outbox.js';
import { runWorker } from './worker.js';

const log = pino({ level: 'silent' });
const TEST_JOBS = { 'test.count': defineJob({ payload: z.strictObject({ n: z.number().int() }), maxAttempts: 3 }) };
const JOBS = 300,
  ACTIONS = 120;
const pauseRandomly = () => new Promise((r) => setTimeout(r, Math.random() * 3));

describe.each(await dialectsUnderTest())('two workers on one queue (%s)', (dialect) => {
  let t: TestDatabase;
  let other: Database;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    other = await openDatabase(t.target);
  });
  afterAll(async () => {
    await other.close();
    await t.drop();
  });

  it('runs every job and delivers every action exactly once, split between them', async () => {
    const db = t.database.db;
    const now = Date.now();
    for (let n = 0; n < JOBS; n++) await enqueueWith(db, TEST_JOBS, 'test.count', { n }, { now });
    await db
      .insertInto('actions')
      .values(
        Array.from({ length: ACTIONS }, (_, i) => ({
          dedupe: `test|${i}`,
          rule: 'test',
          kind: 'send',
          platform: 'test',
          community_id: null,
          member_id: null,
          event_id: null,
          event_at: null,
          payload: JSON.stringify({ i }),
          reason: '{}',
          status: 'pending',
          attempts: 0,
          due_at: now - ACTIONS + i,
          locked_until: null,
          last_error: null,
          undo_of: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();

    const ran = new Map<number, string[]>(),
      delivered = new Map<number, string[]>();
    const note = (m: Map<number, string[]>, k: number, who: string) => m.set(k, [...(m.get(k) ?? []), who]);
    const workerOn = (database: Database, who: string, signal: AbortSignal) => {
      const deliverer: Deliverer = {
        platforms: '*',
        async deliver(a) {
          await pauseRandomly();
          note(delivered, Number(a.payload.i), who);
          return { ok: true };
        },
      };
      const jobs = bindJobs(TEST_JOBS, {
        'test.count': async (p) => {
          await pauseRandomly();
          note(ran, p.n, who);
        },
      });
      return runWorker({ database, log, signal, outbox: { deliverer, by: 'test' }, jobs, every: { outbox: 20, jobs: 20, scheduler: 60_000 } });
    };
    const stop = new AbortController();
    const workers = [workerOn(t.database, 'a', stop.signal), workerOn(other, 'b', stop.signal)];

    const open = async () => {
      const jobs = await db.selectFrom('jobs').select('id').where('status', '!=', 'done').execute();
      const actions = await db.selectFrom('actions').select('id').where('status', '!=', 'done').execute();
      return jobs.length + actions.length;
    };
    const deadline = Date.now() + 45_000;
    while ((await open()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await Promise.all(workers);

    expect(await open()).toBe(0);
    expect([...ran.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: JOBS }, (_, n) => n));
    expect([...delivered.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: ACTIONS }, (_, i) => i));
    expect([...ran.values(), ...delivered.values()].filter((by) => by.length !== 1)).toEqual([]);
    // Both took part.
    const by = (m: Map<number, string[]>, who: string) => [...m.values()].filter((w) => w[0] === who).length;
    expect(by(ran, 'a') + by(delivered, 'a')).toBeGreaterThan(0);
    expect(by(ran, 'b') + by(delivered, 'b')).toBeGreaterThan(0);
    const counts = await db.selectFrom('jobs').select(['attempts', 'locked_until']).distinct().execute();
    expect(counts).toEqual([{ attempts: 1, locked_until: null }]);
  }, 60_000);

  it('takes over what a crashed worker held once its leases lapsed, counting the lost attempt', async () => {
    const db = t.database.db;
    const now = Date.now();
    const { id } = await enqueueWith(db, TEST_JOBS, 'test.count', { n: 7 }, { key: 'crashed', now: now - JOB_LEASE_MS - 10 });
    await db
      .insertInto('actions')
      .values({
        dedupe: 'test|crashed',
        rule: 'test',
        kind: 'send',
        platform: 'test',
        community_id: null,
        member_id: null,
        event_id: null,
        event_at: null,
        payload: '{"i":7}',
        reason: '{}',
        status: 'pending',
        attempts: 0,
        due_at: now - JOB_LEASE_MS - 10,
        locked_until: null,
        last_error: null,
        undo_of: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    // A worker claimed both, then died: its leases ran out a moment ago.
    const crashedAt = now - JOB_LEASE_MS - 5;
    expect(await claimRows(other, JOB_QUEUE, { now: crashedAt, limit: 10, returning: ['id'] })).toHaveLength(1);
    expect(await claimRows(other, OUTBOX_QUEUE, { now: now - OUTBOX_QUEUE.leaseMs - 5, limit: 10, returning: ['id'] })).toHaveLength(1);
    const ran: number[] = [],
      delivered: unknown[] = [];
    const stop = new AbortController();
    const running = runWorker({
      database: t.database,
      log,
      signal: stop.signal,
      outbox: {
        deliverer: {
          platforms: '*',
          async deliver(a) {
            delivered.push(a.payload.i);
            return { ok: true };
          },
        },
        by: 'test',
      },
      jobs: bindJobs(TEST_JOBS, {
        'test.count': async (p) => {
          ran.push(p.n);
        },
      }),
      every: { jobs: 10, outbox: 10, scheduler: 60_000 },
    });
    for (let i = 0; i < 300 && (ran.length === 0 || delivered.length === 0); i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await running;
    expect([ran, delivered]).toEqual([[7], [7]]);
    expect(await db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
      status: 'done',
      attempts: 2,
    });
    expect(await db.selectFrom('actions').select(['status', 'attempts']).where('dedupe', '=', 'test|crashed').executeTakeFirstOrThrow()).toEqual({
      status: 'done',
      attempts: 2,
    });
  });

  it('a stopped worker stops: nothing enqueued afterwards is run', async () => {
    const ran: number[] = [];
    const stop = new AbortController();
    const running = runWorker({
      database: t.database,
      log,
      signal: stop.signal,
      outbox: null,
      jobs: bindJobs(TEST_JOBS, {
        'test.count': async (p) => {
          ran.push(p.n);
        },
      }),
      every: { jobs: 10, scheduler: 60_000 },
    });
    await enqueueWith(t.database.db, TEST_JOBS, 'test.count', { n: 1 }, { key: 'before' });
    for (let i = 0; i < 200 && ran.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await running;
    await enqueueWith(t.database.db, TEST_JOBS, 'test.count', { n: 2 }, { key: 'after' });
    await new Promise((r) => setTimeout(r, 100));
    expect(ran).toEqual([1]);
    expect(await t.database.db.selectFrom('jobs').select('status').where('key', '=', 'after').executeTakeFirstOrThrow()).toEqual({
      status: 'pending',
    });
  });
});
