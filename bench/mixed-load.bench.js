// npm run bench:load — a real `qunyun serve` under mixed load, on SQLite and then on PostgreSQL (issue 12). A demo
// workspace (BENCH_MEMBERS members, default 2,000, over BENCH_DAYS days, default 90) is loaded through the CLI, an
// owner and an API token are made, and the server is started on 127.0.0.1 with no demo traffic of its own. Then,
// for BENCH_SECONDS each (default 20; the issue's run is 60), three phases:
//   reads alone   8 dashboard readers (the console overview's three requests at once, back to back): the
//                 cached answers/s the server manages with nothing else to do — the baseline of reads;
//   writes alone  4 writers POSTing 100 new message.sent events each to /api/v1/events — the baseline of writes;
//   mixed         both at once.
// A health prober GETs /api/v1/health every 50 ms throughout. Printed per phase: dashboard answers/s and p50/p99,
// events/s and p50/p99 per POST, health p99, non-2xx or failed requests, the server's peak RSS (VmRSS), the
// automation actions the phase caused (the demo's flood rule — 5 messages in 10 s by one member — fires when the
// writers outpace the members they write as; a larger BENCH_MEMBERS spreads them), the mixed phase against the
// alone baselines, and the targets: PASS/FAIL is printed, never the exit status (benchmarks inform). Before each
// phase the server is left to settle (no automation action due, health answering fast; at most 180 s).
// BENCH_DB=sqlite|postgres runs one database only; BENCH_PG_URL names the PostgreSQL (default: the local test
// database), on which a fresh schema is made and dropped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fmt } from './cli.js';
import { freshPostgresSchema, prepareWorkspace, startServer } from './load/server.js';
import { mb, ms, rssSampler, Samples } from './load/stats.js';
import {
  client,
  closedLoop,
  dashboardPaths,
  eventWriter,
  openLoop,
  probeHealth,
  actionsTotal,
  readDashboard,
  settle,
  workspaceFacts,
} from './load/traffic.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const members = Number(process.env.BENCH_MEMBERS ?? 2000);
const days = Number(process.env.BENCH_DAYS ?? 90);
const which = process.env.BENCH_DB ?? 'both';
const pgBase = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const READERS = 8;
const WRITERS = 4;
const BATCH = 100;
const HEALTH_EVERY_MS = 50;
const TARGET = { eventsPerSecond: 1000, dashboardP99: 1000, healthP99: 100, rss: 500 * 1048576 };

/** One phase: `readers` dashboard readers and `writers` writers for `seconds`, the health prober throughout. */
async function phase(server, { readers, writers }) {
  const quiet = await settle(server.request);
  const actionsBefore = await actionsTotal(server.request).catch(() => NaN);
  server.rss.take();
  const deadline = performance.now() + seconds * 1000;
  const read = new Samples();
  const wrote = new Samples();
  const health = new Samples();
  const [, , skipped] = await Promise.all([
    closedLoop(readers, deadline, () => readDashboard(server.request, server.paths, read)).then(() => read.finish()),
    closedLoop(writers, deadline, (w) => server.writers[w](wrote)).then(() => wrote.finish()),
    openLoop(HEALTH_EVERY_MS, deadline, () => probeHealth(server.request, health)).finally(() => health.finish()),
  ]);
  const rss = server.rss.take();
  const actions = (await actionsTotal(server.request).catch(() => NaN)) - actionsBefore;
  return { read, wrote, health, skipped, rss, pages: server.paths.length, quiet, actions };
}

const ratio = (x, base) => (base > 0 ? `${(x / base).toFixed(2)}× alone` : '');
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

function report(name, r, base) {
  const parts = [];
  if (r.read.latencies.length > 0) {
    parts.push(
      `dashboard ${r.read.rate.toFixed(1)} answers/s${base ? ` (${ratio(r.read.rate, base.read.rate)})` : ''} ` +
        `= ${(r.read.rate * r.pages).toFixed(0)} requests/s, ` +
        `p50 ${ms(r.read.percentile(50))}, p99 ${ms(r.read.percentile(99))}`,
    );
  }
  if (r.wrote.latencies.length > 0) {
    parts.push(
      `events ${fmt(r.wrote.rate)}/s${base ? ` (${ratio(r.wrote.rate, base.wrote.rate)})` : ''}, ` +
        `POST p50 ${ms(r.wrote.percentile(50))}, p99 ${ms(r.wrote.percentile(99))}`,
    );
  }
  const wall = Math.max(r.read.ended, r.wrote.ended, r.health.ended) - r.health.started;
  const more = [
    `health p99 ${ms(r.health.percentile(99))}${r.skipped ? ` (${r.skipped} probes skipped: 200 in flight)` : ''}`,
    `errors ${r.read.errors + r.wrote.errors + r.health.errors}`,
    `RSS peak ${mb(r.rss)}`,
    `${fmt(r.actions)} automation actions caused`,
    `took ${(wall / 1000).toFixed(1)} s, ${r.quiet.settled ? 'after' : 'NOT settled after'} ${r.quiet.seconds.toFixed(1)} s settling`,
  ];
  console.log(`  ${name.padEnd(13)}${parts.join(' | ')}\n  ${''.padEnd(13)}${more.join(' | ')}`);
  for (const [what, s] of [
    ['dashboard', r.read],
    ['events', r.wrote],
    ['health', r.health],
  ]) {
    if (s.errors > 0) console.log(`  ${''.padEnd(13)}${s.errors} ${what} requests failed; first: ${s.firstError}`);
  }
}

function targets(r) {
  const checks = [
    [`writing ≥ ${fmt(TARGET.eventsPerSecond)} events/s`, r.wrote.rate >= TARGET.eventsPerSecond, `${fmt(r.wrote.rate)}/s`],
    [`dashboard p99 < ${ms(TARGET.dashboardP99)}`, r.read.percentile(99) < TARGET.dashboardP99, ms(r.read.percentile(99))],
    [`health p99 < ${ms(TARGET.healthP99)}`, r.health.percentile(99) < TARGET.healthP99, ms(r.health.percentile(99))],
    [`RSS < ${mb(TARGET.rss)}`, r.rss < TARGET.rss, mb(r.rss)],
  ];
  console.log(`  targets under mixed load: ${checks.map(([what, ok, got]) => `${what}: ${verdict(ok)} (${got})`).join('; ')}`);
  return checks.every(([, ok]) => ok);
}

async function benchDatabase(label, db) {
  const prep = prepareWorkspace(db, { members, days });
  const started = await startServer(db);
  const request = client(started.url, prep.token);
  const rss = rssSampler(started.pid);
  try {
    const facts = await workspaceFacts(request);
    const server = {
      request,
      rss,
      paths: dashboardPaths(facts.timezone),
      writers: Array.from({ length: WRITERS }, (_, w) => eventWriter(request, facts, w, BATCH)),
    };
    console.log(
      `${label}: demo workspace loaded in ${prep.seconds.toFixed(1)} s (${facts.communities.length} communities); ` +
        `server pid ${started.pid} at ${started.url}, RSS ${mb(rss.take())}`,
    );
    await readDashboard(request, server.paths, new Samples()); // the first answer fills the period cache
    const reads = await phase(server, { readers: READERS, writers: 0 });
    report('reads alone', reads);
    const writes = await phase(server, { readers: 0, writers: WRITERS });
    report('writes alone', writes);
    const mixed = await phase(server, { readers: READERS, writers: WRITERS });
    report('mixed', mixed, { read: reads.read, wrote: writes.wrote });
    return targets(mixed);
  } catch (err) {
    console.log(`${label}: failed — ${err.message}\n  the server's last lines:\n${started.tail()}`);
    return false;
  } finally {
    rss.stop();
    await started.stop();
  }
}

console.log(
  `bench:load — ${fmt(members)} demo members over ${days} days; ${seconds} s per phase; ${READERS} dashboard readers, ` +
    `${WRITERS} writers × ${BATCH} events per POST, health every ${HEALTH_EVERY_MS} ms; node ${process.version}, ` +
    `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
const verdicts = [];
if (which === 'both' || which === 'sqlite') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-load-'));
  try {
    verdicts.push(['SQLite', await benchDatabase('SQLite', path.join(dir, 'qunyun.db'))]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (which === 'both' || which === 'postgres') {
  const pg = await freshPostgresSchema(pgBase);
  if (pg.skip) console.log(`PostgreSQL: skipped — ${pg.skip}`);
  else {
    try {
      verdicts.push(['PostgreSQL', await benchDatabase(`PostgreSQL (schema ${pg.schema})`, pg.url)]);
    } finally {
      await pg.drop();
    }
  }
}
console.log(`all targets met under mixed load: ${verdicts.map(([db, ok]) => `${db} ${verdict(ok)}`).join(', ') || 'no database ran'}`);
