// npm run bench:metrics — a demo workspace (BENCH_MEMBERS members, default 1,000,000, over BENCH_DAYS days,
// default 90) ingested into SQLite through `qunyun ingest`; then the monthly dashboard (one month, plus the same
// month --by day) measured warm: p50 / p99 over BENCH_RUNS runs. In the same run, the naive answer — replaying
// the raw ledger in memory (src/domain/metrics/reference.ts) for the same month — is timed as the baseline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'qunyun.js');
const members = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
const days = Number(process.env.BENCH_DAYS ?? 90);
const runs = Number(process.env.BENCH_RUNS ?? 10);
const dir = process.env.BENCH_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-mbench-'));
fs.mkdirSync(dir, { recursive: true });
const db = path.join(dir, 'qunyun.db');
const end = '2026-11-01';
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const { openDatabase } = await import(path.join(root, 'dist/storage/database.js'));
const { computeMetrics } = await import(path.join(root, 'dist/features/metrics/service.js'));
const { referenceMetrics } = await import(path.join(root, 'dist/domain/metrics/reference.js'));

function sh(args) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qunyun ${args.join(' ')} failed:\n${r.stdout}`);
  return { seconds: (Date.now() - started) / 1000, out: r.stdout };
}

console.log(`bench:metrics — ${fmt(members)} members × ${days} days, node ${process.version}, ${os.cpus().length} cores`);
if (!fs.existsSync(db)) {
  const file = path.join(dir, 'demo.ndjson');
  const g = sh(['demo', '--members', String(members), '--days', String(days), '--seed', '1', '--end', end, '--out', file]);
  console.log(`generated in ${g.seconds.toFixed(0)} s`);
  sh(['apply', path.join(dir, 'qunyun.yaml'), '--db', db]);
  const i = sh(['ingest', file, '--db', db, '--json']);
  const s = JSON.parse(i.out);
  console.log(`ingested ${fmt(s.accepted)} events in ${i.seconds.toFixed(0)} s (${fmt(s.accepted / i.seconds)} events/s, with all analytics state)`);
  fs.rmSync(file);
}
const d = await openDatabase(db);
const q = { from: '2026-10-01', to: end };
const cold = Date.now();
await computeMetrics(d.db, q);
console.log(`first (cold) monthly answer: ${Date.now() - cold} ms (builds the month's text figures once)`);
const times = [];
let answer;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  answer = await computeMetrics(d.db, q);
  await computeMetrics(d.db, { ...q, by: 'day' });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const p = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))];
console.log(`dashboard (month + month by day), warm, ${runs} runs: p50 ${p(0.5).toFixed(0)} ms, p99 ${p(0.99).toFixed(0)} ms  (targets 300 / 1000)`);

// The naive baseline: read every event and replay the month in memory.
const t0 = performance.now();
const events = [];
let after = 0;
for (;;) {
  const rows = await d.db.selectFrom('events').select(['seq', 'at_ms', 'body']).where('seq', '>', after).orderBy('seq').limit(50_000).execute();
  if (rows.length === 0) break;
  for (const r of rows) events.push({ event: JSON.parse(r.body), atMs: Number(r.at_ms) });
  after = Number(rows[rows.length - 1].seq);
}
const settings = Object.fromEntries((await d.db.selectFrom('settings').selectAll().execute()).map((r) => [r.key, r.value]));
const products = (await d.db.selectFrom('products').select(['name', 'aliases']).execute()).map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) }));
const naive = referenceMetrics(events, {
  from: Date.parse(answer.from), to: Date.parse(answer.to), dormantDays: Number(settings.dormantDays ?? 30),
  newCustomerDays: Number(settings.newCustomerDays ?? 30), community: null, products,
});
const naiveMs = performance.now() - t0;
const { topics: _topics, ...content } = answer.content;
const same = JSON.stringify({ groups: answer.groups, rates: answer.rates, acquisition: answer.acquisition, content, conversion: answer.conversion }) === JSON.stringify(naive);
console.log(`naive full scan of ${fmt(events.length)} events for the month alone: ${naiveMs.toFixed(0)} ms; engine month answer p50 is ${(naiveMs / p(0.5)).toFixed(1)}× faster for twice the work; same figures (all but topics): ${same}`);
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the naive replay holds every event)`);
await d.close();
