// The general job queue on both dialects, with test-only kinds (no real kind exists yet): enqueueing with a dedupe
// key, retry with exponential backoff, dead letters, takeover of a crashed worker's lease, a stopping worker
// handing back what it has not started.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { pino } from 'pino';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../test-support/databases.js';
import { claimRows, exponentialBackoff, settleLease } from '../storage/queue.js';
import { defineJob } from './definitions.js';
import { bindJobs, enqueueWith, JOB_LEASE_MS, JOB_QUEUE, PermanentJobError, runDueJobs, type JobHandlers } from './job-queue.js';

const log = pino({ level: 'silent' });
const TEST_JOBS = {
  'test.flaky': defineJob({
    payload: z.strictObject({ failures: z.number().int().min(0) }),
    maxAttempts: 4,
    backoffMs: exponentialBackoff(1000, 60_000),
  }),
  'test.final': defineJob({ payload: z.strictObject({ note: z.string() }), maxAttempts: 5 }),
  'test.slow': defineJob({ payload: z.strictObject({ n: z.number() }), maxAttempts: 3 }),
};

describe.each(await dialectsUnderTest())('job queue (%s)', (dialect) => {
  let t: TestDatabase;
  let runs: { kind: string; attempt: number; payload: unknown }[];
  let release: () => void = () => {};
  let slowStarted: () => void = () => {};
  const handlers: JobHandlers<typeof TEST_JOBS> = {
    'test.flaky': async (p, ctx) => {
      runs.push({ kind: 'test.flaky', attempt: ctx.job.attempt, payload: p });
      if (ctx.job.attempt <= p.failures) throw new Error(`failure ${ctx.job.attempt}`);
    },
    'test.final': async (p, ctx) => {
      runs.push({ kind: 'test.final', attempt: ctx.job.attempt, payload: p });
      throw new PermanentJobError(`cannot: ${p.note}`);
    },
    'test.slow': async (p, ctx) => {
      runs.push({ kind: 'test.slow', attempt: ctx.job.attempt, payload: p });
      slowStarted();
      await new Promise<void>((r) => {
        release = r;
      });
    },
  };
  const jobs = bindJobs(TEST_JOBS, handlers);
  const db = () => t.database.db;
  const job = (id: number) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const run = (now: number) => runDueJobs(t.database, jobs, { log, now: () => now });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());
  beforeEach(async () => {
    runs = [];
    await db().deleteFrom('jobs').execute();
  });

  it('enqueues once per dedupe key, checks the payload, refuses an unknown kind', async () => {
    const a = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 0 }, { key: 'k1', now: 1000 });
    const b = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 5 }, { key: 'k1', now: 2000 });
    expect(b).toEqual({ id: a.id, created: false });
    const c = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 0 }, { now: 1000, runAt: 5000 });
    expect(c.created).toBe(true);
    expect(await job(a.id)).toMatchObject({
      kind: 'test.flaky',
      payload: '{"failures":0}',
      status: 'pending',
      attempts: 0,
      max_attempts: 4,
      run_at: 1000,
      key: 'k1',
    });
    expect(await job(c.id)).toMatchObject({ run_at: 5000, key: null });
    await expect(enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: -1 })).rejects.toThrow(/test.flaky: invalid payload: failures/);
    await expect(enqueueWith(db(), TEST_JOBS, 'nope' as 'test.flaky', { failures: 0 })).rejects.toThrow(/"nope" is not defined/);
    // Only what is due runs.
    expect(await run(1000)).toEqual({ done: 1, retry: 0, dead: 0 });
    expect(await run(5000)).toEqual({ done: 1, retry: 0, dead: 0 });
  });

  it('retries with exponential backoff, then succeeds; a job out of attempts is dead with its last error', async () => {
    const { id } = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 2 }, { now: 0 });
    expect(await run(10)).toEqual({ done: 0, retry: 1, dead: 0 });
    expect(await job(id)).toMatchObject({ status: 'pending', attempts: 1, run_at: 10 + 1000, last_error: 'failure 1', locked_until: null });
    expect(await run(1009)).toEqual({ done: 0, retry: 0, dead: 0 });
    expect(await run(1010)).toEqual({ done: 0, retry: 1, dead: 0 });
    expect(await job(id)).toMatchObject({ attempts: 2, run_at: 1010 + 2000, last_error: 'failure 2' });
    expect(await run(3010)).toEqual({ done: 1, retry: 0, dead: 0 });
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 3, last_error: null });

    const dead = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 99 }, { now: 0 });
    let clock = 10_000;
    for (let i = 1; i <= 4; i++) {
      expect(await run(clock)).toEqual(i < 4 ? { done: 0, retry: 1, dead: 0 } : { done: 0, retry: 0, dead: 1 });
      clock += 1000 * 2 ** (i - 1);
    }
    expect(await job(dead.id)).toMatchObject({ status: 'dead', attempts: 4, last_error: 'failure 4' });
    expect(await run(clock + 3_600_000)).toEqual({ done: 0, retry: 0, dead: 0 });
  });

  it('a permanent failure or a payload that no longer parses is dead at once', async () => {
    const { id } = await enqueueWith(db(), TEST_JOBS, 'test.final', { note: 'no such chat' }, { now: 0 });
    const now = 1;
    const bad = await db()
      .insertInto('jobs')
      .values({
        kind: 'test.final',
        payload: '{"note":7}',
        run_at: 0,
        status: 'pending',
        max_attempts: 5,
        locked_until: null,
        last_error: null,
        key: null,
        created_at: 0,
        updated_at: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await run(now)).toEqual({ done: 0, retry: 0, dead: 2 });
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'cannot: no such chat' });
    expect(await job(Number(bad.id))).toMatchObject({ status: 'dead', last_error: expect.stringMatching(/^invalid payload: note: /) });
    expect(runs.map((r) => r.kind)).toEqual(['test.final']);
  });

  it("takes over a crashed worker's job once its lease lapses; the crashed worker can no longer settle it", async () => {
    const { id } = await enqueueWith(db(), TEST_JOBS, 'test.flaky', { failures: 0 }, { now: 0 });
    const [crashed] = await claimRows(t.database, JOB_QUEUE, { now: 100, limit: 5, returning: ['id', 'attempts'] });
    expect(crashed!.row.id).toBe(id);
    expect(await job(id)).toMatchObject({ status: 'running', locked_until: 100 + JOB_LEASE_MS });
    // Held: nobody else runs it while the lease lasts.
    expect(await run(100 + JOB_LEASE_MS)).toEqual({ done: 0, retry: 0, dead: 0 });
    expect(await run(101 + JOB_LEASE_MS)).toEqual({ done: 1, retry: 0, dead: 0 });
    // The takeover counted as an attempt: a job that keeps killing its worker ends dead.
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(runs).toEqual([{ kind: 'test.flaky', attempt: 2, payload: { failures: 0 } }]);
    const late = await settleLease(
      db(),
      JOB_QUEUE,
      { key: id, lease: crashed!.lease, attempts: 0 },
      { ok: false, retryable: true, error: 'x' },
      200 + JOB_LEASE_MS,
      { maxAttempts: 4, backoffMs: () => 0 },
    );
    expect(late).toBe('lost');
    expect(await job(id)).toMatchObject({ status: 'done', last_error: null });
  });

  it('a job taken over as often as it may be attempts is given up without running', async () => {
    const { id } = await enqueueWith(db(), TEST_JOBS, 'test.slow', { n: 1 }, { now: 0 });
    let now = 0;
    for (let i = 0; i < 3; i++) {
      now += JOB_LEASE_MS + 1;
      await claimRows(t.database, JOB_QUEUE, { now, limit: 5, returning: ['id'] });
    }
    expect(await job(id)).toMatchObject({ status: 'running', attempts: 2 });
    expect(await run(now + JOB_LEASE_MS + 1)).toEqual({ done: 0, retry: 0, dead: 1 });
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 4, last_error: 'taken over 3 times after its worker stopped; given up' });
    expect(runs).toEqual([]);
  });

  it('a stopping worker finishes the job in hand and hands the rest back unstarted', async () => {
    for (let n = 0; n < 5; n++) await enqueueWith(db(), TEST_JOBS, 'test.slow', { n }, { now: 0 });
    const stop = new AbortController();
    const started = new Promise<void>((r) => {
      slowStarted = r;
    });
    const running = runDueJobs(t.database, jobs, { log, now: () => 10, signal: stop.signal });
    await started;
    stop.abort();
    release();
    expect(await running).toEqual({ done: 1, retry: 0, dead: 0 });
    const rows = await db().selectFrom('jobs').select(['status', 'attempts', 'locked_until']).orderBy('id').execute();
    expect(rows).toEqual([
      { status: 'done', attempts: 1, locked_until: null },
      ...Array(4).fill({ status: 'pending', attempts: 0, locked_until: null }),
    ]);
  });
});
