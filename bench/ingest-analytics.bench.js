// npm run bench:ingest-analytics — what keeping analytics state current costs at ingest. A demo ledger of
// BENCH_MEMBERS members (default 100,000; about 2.6M events) is ingested through `qunyun ingest` into fresh SQLite
// files, alternately with the analytics state (member_days, membership spans, applied refunds, dashboard-period
// invalidation) and without it (QUNYUN_BENCH_NO_ANALYTICS=1: ledger and member graph only), BENCH_RUNS times
// each (default 2); prints events/s of the best run of each and the slowdown. Target: < 20 %.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt, sh } from './cli.js';

const members = Number(process.env.BENCH_MEMBERS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-abench-'));
const file = path.join(dir, 'demo.ndjson');

console.log(`bench:ingest-analytics — ${fmt(members)} demo members, node ${process.version}, ${os.cpus().length} cores`);
sh(['demo', '--members', String(members), '--days', '90', '--seed', '1', '--end', '2026-11-01', '--out', file]);
const best = { with: Infinity, without: Infinity };
let events = 0;
for (let i = 0; i < runs; i++) {
  for (const mode of i % 2 === 0 ? ['without', 'with'] : ['with', 'without']) {
    const db = path.join(dir, `${mode}-${i}.db`);
    const r = sh(['ingest', file, '--db', db, '--json'], mode === 'without' ? { QUNYUN_BENCH_NO_ANALYTICS: '1' } : {});
    events = JSON.parse(r.out).accepted;
    best[mode] = Math.min(best[mode], r.seconds);
    console.log(`  run ${i + 1} ${mode.padEnd(7)} analytics state: ${fmt(events / r.seconds)} events/s (${r.seconds.toFixed(1)} s)`);
    for (const f of fs.readdirSync(dir)) if (f.startsWith(`${mode}-${i}.db`)) fs.rmSync(path.join(dir, f));
  }
}
const slowdown = best.with / best.without - 1;
console.log(
  `${fmt(events)} events: without analytics state ${fmt(events / best.without)} events/s, with ${fmt(events / best.with)} events/s; ` +
    `slowdown ${(slowdown * 100).toFixed(1)} % (target < 20 %)`,
);
fs.rmSync(dir, { recursive: true, force: true });
