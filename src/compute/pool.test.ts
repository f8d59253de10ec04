// The compute pool's promises: answers and typed errors cross from the thread, a task past its deadline is answered
// 503 and its thread replaced, a thread out of memory or crashed fails only its task, a full queue refuses at once,
// and the request thread stays free while a thread works. A stand-in thread keeps this about the pool, not analytics.
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ComputePool } from './pool.js';
import { InvalidInputError, UnavailableError } from '../domain/errors.js';

const file = new URL('../test-support/stand-in-thread.mjs', import.meta.url);
const log = pino({ level: 'silent' });
let pool: ComputePool | undefined;
const make = (o: Partial<{ threads: number; timeoutMs: number; maxQueue: number; memoryMb: number }> = {}) =>
  (pool = new ComputePool(file, { target: ':memory:', threads: 1, timeoutMs: 2000, maxQueue: 4, memoryMb: 64, log, ...o }));
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('ComputePool', () => {
  it('answers from the thread, and rebuilds its typed errors', async () => {
    const p = make();
    expect(await p.run('echo', { a: [1, 'x'] })).toEqual({ a: [1, 'x'] });
    const err = await p.run('invalid', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({ code: 'period_too_long', message: 'to: too long' });
  });

  it('keeps the request thread free while a thread works', async () => {
    const p = make();
    const busy = p.run('spin', { ms: 600 });
    // This thread's timers keep firing while the other thread spins (were it blocked, none would until the answer).
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await busy;
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(5);
    expect(await busy).toBe('spun');
  });

  it('answers 503 past the deadline, ends the thread and goes on with a new one', async () => {
    const p = make({ timeoutMs: 300 });
    const err = await p.run('spin', { ms: 60_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err).toMatchObject({ code: 'timeout' });
    expect(await p.run('echo', 7)).toBe(7);
    expect(p.load()).toMatchObject({ threads: 1, running: 0 });
  });

  it('a thread out of memory, or one that exits, fails only its own task', async () => {
    const p = make({ timeoutMs: 20_000 });
    expect(await p.run('hog', {}).catch((e: unknown) => e)).toMatchObject({ code: 'too_much_memory' });
    expect(await p.run('crash', {}).catch((e: unknown) => e)).toMatchObject({ code: 'computation_failed' });
    expect(await p.run('echo', 'still here')).toBe('still here');
  });

  it('refuses at once when the queue is full, and ends everything on close', async () => {
    const p = make({ maxQueue: 2 });
    const running = p.run('spin', { ms: 1000 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const queued = [p.run('echo', 1), p.run('echo', 2)].map((x) => x.catch((e: unknown) => e));
    expect(await p.run('echo', 3).catch((e: unknown) => e)).toMatchObject({ code: 'busy' });
    await p.close();
    expect(await running).toMatchObject({ code: 'stopping' });
    for (const q of queued) expect(await q).toMatchObject({ code: 'stopping' });
    expect(await p.run('echo', 4).catch((e: unknown) => e)).toMatchObject({ code: 'stopping' });
  });
});
