// Shared answers: identical requests compute once, a reader always gets an answer at least as new as the ledger it
// saw, a key never runs more than two computations, and max-stale serves an older answer while one refreshes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SharedAnswers, stableKey } from './shared-answers.js';

/** A ledger whose version the test moves, and a computation the test finishes by hand. */
function harness() {
  let version = 1;
  const started: { version: number; finish: () => void }[] = [];
  const shared = new SharedAnswers(
    async () => version,
    (_name, input) =>
      new Promise((resolve) => {
        const v = version;
        started.push({ version: v, finish: () => resolve({ input, version: v }) });
      }),
    { freshMs: 60_000, maxEntries: 3 },
  );
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    shared,
    started,
    tick,
    write: () => version++,
    async finishAll() {
      for (let i = 0; i < 10; i++) {
        await tick();
        for (const s of started.splice(0)) s.finish();
      }
    },
  };
}

describe('SharedAnswers', () => {
  it('keys ignore key order and undefined values', () => {
    expect(stableKey({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe(stableKey({ a: [1, { c: 'x' }], b: 1 }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: '1' }));
  });

  it('identical concurrent requests share one computation; a kept answer is served until a write', async () => {
    const h = harness();
    const answers = Promise.all([1, 2, 3, 4].map(() => h.shared.get('m', { from: 'x' })));
    await h.tick();
    await h.tick();
    expect(h.started).toHaveLength(1);
    await h.finishAll();
    expect(new Set((await answers).map((a) => JSON.stringify(a))).size).toBe(1);
    await h.shared.get('m', { from: 'x' });
    expect(h.started).toHaveLength(0);
    h.write();
    const after = h.shared.get('m', { from: 'x' });
    await h.finishAll();
    expect(await after).toEqual({ input: { from: 'x' }, version: 2 });
  });

  it('readers after a write join one queued computation, never the older one, and never more than two run', async () => {
    const h = harness();
    let running = 0,
      most = 0;
    const shared = new SharedAnswers(
      async () => h.started.length + 100,
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return 'ok';
      },
      { freshMs: 0, maxEntries: 10 },
    );
    await Promise.all(Array.from({ length: 50 }, () => shared.get('m', {})));
    expect(most).toBe(1);

    const g = harness();
    const first = g.shared.get('m', {});
    await g.tick();
    await g.tick();
    g.write();
    const second = Promise.all([1, 2, 3].map(() => g.shared.get('m', {})));
    await g.tick();
    // The three newer readers wait behind the running computation, which answered for version 1.
    expect(g.started).toHaveLength(1);
    g.started.shift()!.finish();
    expect(await first).toEqual({ input: {}, version: 1 });
    await g.finishAll();
    for (const a of await second) expect(a).toEqual({ input: {}, version: 2 });
  });

  it('property: every answer is at least as new as the version its reader saw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('read', 'write', 'finish'), { maxLength: 40 }), async (steps) => {
        const h = harness();
        const reads: { saw: number; answer: Promise<unknown> }[] = [];
        let version = 1;
        for (const s of steps) {
          if (s === 'write') version = h.write() + 1;
          else if (s === 'read') reads.push({ saw: version, answer: h.shared.get('m', {}) });
          else h.started.shift()?.finish();
          await h.tick();
        }
        await h.finishAll();
        for (const r of reads) expect(((await r.answer) as { version: number }).version).toBeGreaterThanOrEqual(r.saw);
      }),
      { numRuns: 150 },
    );
  });

  it('max-stale serves the kept answer at once and refreshes it in the background', async () => {
    const h = harness();
    const first = h.shared.get('m', {});
    await h.finishAll();
    await first;
    h.write();
    expect(await h.shared.get('m', {}, 60_000)).toEqual({ input: {}, version: 1 });
    await h.tick();
    expect(h.started).toHaveLength(1);
    await h.finishAll();
    expect(await h.shared.get('m', {})).toEqual({ input: {}, version: 2 });
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const h = harness();
    for (const k of ['a', 'b', 'c', 'd']) {
      const p = h.shared.get('m', { k });
      await h.finishAll();
      await p;
    }
    expect(h.shared.size).toBe(3);
  });
});
