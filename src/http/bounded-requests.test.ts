// No request can stall the server: against a real `qunyun serve` on a demo workspace, the worst request each
// analytics and export route accepts (the longest period, the finest series, the farthest instant) is sent at once,
// while the health route is asked every 100 ms and must answer within 1 s each time. Every answer is a 200 or the
// 503 of a computation past its deadline. Requests past the limits are refused with the limit named, and a SIGTERM
// stops the server within seconds even while computations run. Needs the build (npm test makes it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, serverBase, startCli } from '../test-support/cli.js';

const built = fs.existsSync(path.join(path.dirname(BIN), '../dist/compute/thread.js'));
const required = process.env.CI === 'true';
if (!built && !required) console.log('[bounded requests] skipped: dist/ is not built (npm test builds it)');

/** The worst each route accepts (docs/limits.md): a path with its query, for every analytics and export operation. */
const WORST: Record<string, string[]> = {
  '/api/v1/metrics': ['from=2021-12-01&to=2026-12-05', 'from=2025-11-01&to=2026-12-05&by=day', 'from=2021-12-01&to=2026-12-05&by=week'],
  '/api/v1/metrics/products': ['from=2021-12-01&to=2026-12-05'],
  '/api/v1/cohorts': ['from=2023-12-01&to=2026-12-05&by=week'],
  '/api/v1/rfm': ['at=2100-01-01'],
  '/api/v1/rfm/members': ['at=2100-01-01&page_size=500'],
  '/api/v1/engagement': ['at=2100-01-01'],
  '/api/v1/communities/health': ['at=2100-01-01'],
  '/api/v1/roles': ['at=2100-01-01&community=COMMUNITY'],
  '/api/v1/roles/members': ['at=2100-01-01&page_size=500&community=COMMUNITY'],
  '/api/v1/export/members': ['format=xlsx&at=2100-01-01'],
  '/api/v1/export/metrics': ['format=xlsx&from=2025-11-01&to=2026-12-05&by=day'],
};

/** Just past the limits: each is refused with a 400 naming what is wrong. */
const PAST: [string, RegExp][] = [
  ['/api/v1/metrics?from=1000-01-01&to=9999-12-31', /1970–2100/],
  ['/api/v1/metrics?from=0000-01-01&to=2026-01-01', /1970–2100|not a real date/],
  ['/api/v1/metrics?from=2016-01-01&to=2026-12-05', /at most 1830 days/],
  ['/api/v1/metrics?from=2024-01-01&to=2026-01-01&by=day', /at most 400/],
  ['/api/v1/export/metrics?from=1990-01-01&to=2026-01-01', /at most 1830 days/],
  ['/api/v1/cohorts?from=2020-01-01&to=2026-01-01&by=month', /at most 1100 days/],
  ['/api/v1/rfm?at=9999-01-01', /1970–2100/],
];

describe.skipIf(!built && !required)('bounded requests against a real server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-bounded-'));
  const db = path.join(dir, 'demo.db');
  let server: ChildProcess;
  let base = '';
  let token = '';
  /** The largest demo community (roles are per community). */
  let community = '';
  const get = (p: string, init: RequestInit = {}) =>
    fetch(base + p, { ...init, headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(120_000) });

  beforeAll(async () => {
    if (!built) throw new Error('dist/ is missing: npm test builds it (npm run build)');
    for (const args of [
      ['demo', '--db', db, '--members', '600', '--days', '60'],
      ['user', 'add', 'bounded', '--role', 'analyst', '--db', db],
    ]) {
      const r = await runCli(args, { input: 'bounded-requests-password-1\n' });
      if (r.code !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
    }
    const t = await runCli(['token', 'create', 'bounded', '--user', 'bounded', '--db', db]);
    token = t.stdout.trim();
    // Two threads and a short deadline: the test sees the 503 path as well as the answers.
    server = startCli(['serve', '--db', db, '--port', '0', '--host', '127.0.0.1', '--no-traffic'], {
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      QUNYUN_COMPUTE_THREADS: '2',
      QUNYUN_COMPUTE_TIMEOUT_SECONDS: '20',
    });
    base = await serverBase(server);
    const list = (await (await get('/api/v1/communities')).json()) as { items: { platform: string; external_id: string }[] };
    community = encodeURIComponent(`${list.items[0]!.platform}:${list.items[0]!.external_id}`);
  }, 180_000);

  afterAll(() => {
    server?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists a worst request for every analytics and export operation', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const heavy = Object.entries(doc.paths)
      .filter(([, ops]) => Object.values(ops).some((op) => op.tags?.some((t) => t === 'analytics' || t === 'export')))
      .map(([p]) => p)
      .sort();
    expect(Object.keys(WORST).sort()).toEqual(heavy);
  });

  it('refuses periods and instants past the limits, naming them', async () => {
    for (const [p, message] of PAST) {
      const res = await get(p);
      expect(res.status, p).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, p).toMatch(message);
    }
  });

  it('answers health within 1 s while every worst request runs', async () => {
    const slow: string[] = [];
    let probes = 0;
    let done = false;
    const prober = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
        const ms = performance.now() - t0;
        probes++;
        if (res.status !== 200 || ms > 1000) slow.push(`${res.status} in ${Math.round(ms)} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const statuses = await Promise.all(
      Object.entries(WORST).flatMap(([p, queries]) =>
        queries.map(async (q) => {
          const res = await get(`${p}?${q.replace('COMMUNITY', community)}`);
          await res.arrayBuffer();
          return `${res.status} ${p}?${q}`;
        }),
      ),
    );
    done = true;
    await prober;
    for (const s of statuses) expect(s).toMatch(/^(200|503) /);
    expect(probes).toBeGreaterThan(0);
    expect(slow).toEqual([]);
  }, 300_000);

  it('stops on SIGTERM within seconds, even with computations running', async () => {
    const pending = get('/api/v1/metrics?from=2021-11-03&to=2026-11-03&by=month').catch(() => null);
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    const exited = new Promise<number>((resolve) => server.once('exit', () => resolve(Date.now() - t0)));
    server.kill('SIGTERM');
    expect(await exited).toBeLessThan(8000);
    await pending;
  }, 30_000);
});
