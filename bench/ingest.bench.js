// npm run bench:ingest — ingest N demo events (default 1,000,000) into SQLite through `qunyun ingest`, and in the
// same run insert the same rows with a bare better-sqlite3 loop (one prepared statement, batched transactions,
// the same table, indexes and pragmas) as the physical baseline. Prints events/s for both, the ratio, and the
// CLI's peak RSS; then the PostgreSQL figure when a server is reachable (BENCH_PG_URL or the local test one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { execSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'qunyun.js');
const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-bench-'));
const file = path.join(dir, 'demo.ndjson');
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs the CLI, sampling its peak RSS (VmHWM) from /proc while it runs. */
function run(args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let peak = 0;
    child.stdout.on('data', (d) => {
      out += d;
    });
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited */
      }
    };
    const timer = setInterval(sample, 50);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`qunyun ${args.join(' ')} exited ${code}\n${out}`));
      else resolve({ seconds, peak, out });
    });
  });
}

/** The physical baseline: the same rows into the same table with one prepared statement. */
async function bareInsert(dbPath) {
  const db = new SQLite(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -16384'); // the same pragmas as qunyun's own connection (storage/database.ts)
  db.pragma('busy_timeout = 30000');
  db.exec(`CREATE TABLE events (seq integer PRIMARY KEY AUTOINCREMENT, platform text NOT NULL, event_id text NOT NULL, type text NOT NULL,
    at_ms bigint NOT NULL, member_id bigint, community_id bigint, order_key text, body text NOT NULL, ingested_at bigint NOT NULL,
    UNIQUE (platform, event_id));
    CREATE INDEX events_member_type_at ON events (member_id, type, at_ms);
    CREATE INDEX events_type_at ON events (type, at_ms);
    CREATE INDEX events_order_key ON events (order_key) WHERE order_key IS NOT NULL;`);
  const insert = db.prepare(
    'INSERT INTO events (platform, event_id, type, at_ms, member_id, community_id, order_key, body, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)',
  );
  const flush = db.transaction((rows) => {
    for (const r of rows) insert.run(r);
  });
  const members = new Map();
  const communities = new Map();
  const idOf = (map, k) => {
    let v = map.get(k);
    if (v === undefined) map.set(k, (v = map.size + 1));
    return v;
  };
  const started = process.hrtime.bigint();
  let rows = [];
  let n = 0;
  const now = Date.now();
  for await (const line of readline.createInterface({ input: fs.createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity })) {
    if (!line) continue;
    const e = JSON.parse(line);
    const platform = e.platform ?? 'import';
    rows.push([
      platform,
      e.id,
      e.type,
      Date.parse(e.at),
      e.member === undefined ? null : idOf(members, platform + ':' + e.member),
      e.community === undefined ? null : idOf(communities, platform + ':' + e.community),
      e.order === undefined ? null : platform + ':' + e.order,
      line,
      now,
    ]);
    if (rows.length === 5000) {
      flush(rows);
      rows = [];
    }
    n++;
  }
  flush(rows);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { seconds, n };
}

async function pgReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
console.log(`bench:ingest — target ${fmt(target)} events, node ${process.version}, ${os.cpus().length} cores`);
// About 22 events per member over 60 days in the demo generator; sized to reach the target, then cut exactly.
const members = Number(process.env.BENCH_MEMBERS ?? Math.ceil(target / 20));
const gen = await run(['demo', '--members', String(members), '--days', '60', '--seed', '1', '--end', '2026-11-01', '--out', file + '.full']);
let kept = 0;
{
  const out = fs.createWriteStream(file);
  for await (const line of readline.createInterface({ input: fs.createReadStream(file + '.full'), crlfDelay: Infinity })) {
    if (kept === target) break;
    if (!out.write(line + '\n')) await new Promise((r) => out.once('drain', r));
    kept++;
  }
  await new Promise((r) => out.end(r));
  fs.rmSync(file + '.full');
}
console.log(`generated ${fmt(kept)} events (${(fs.statSync(file).size / 1e6).toFixed(0)} MB) in ${gen.seconds.toFixed(1)} s`);

// Each phase starts with the disk quiet: pending writeback of the previous phase would slow the next one's fsyncs.
const settle = () => {
  execSync('sync');
};
settle();
const base = await bareInsert(path.join(dir, 'bare.db'));
settle();
console.log(`baseline  bare better-sqlite3 loop: ${fmt(base.n / base.seconds)} events/s (${base.seconds.toFixed(1)} s)`);
const ours = await run(['ingest', file, '--db', path.join(dir, 'qunyun.db'), '--json']);
const summary = JSON.parse(ours.out);
if (summary.accepted !== kept) throw new Error(`expected ${kept} accepted, got ${JSON.stringify(summary).slice(0, 300)}`);
const ratio = kept / ours.seconds / (base.n / base.seconds);
console.log(
  `qunyun    ingest (SQLite):           ${fmt(kept / ours.seconds)} events/s (${ours.seconds.toFixed(1)} s), peak RSS ${(ours.peak / 1048576).toFixed(0)} MB`,
);
console.log(`ratio     qunyun / baseline:         ${ratio.toFixed(2)}  (target ≥ 0.50)  ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
console.log(`memory    peak RSS < 300 MB:          ${ours.peak < 300 * 1048576 ? 'OK' : 'ABOVE TARGET'}`);
settle();
const again = await run(['ingest', file, '--db', path.join(dir, 'qunyun.db'), '--json']);
console.log(`re-ingest (all duplicates):          ${fmt(kept / again.seconds)} events/s, duplicates ${JSON.parse(again.out).duplicates}`);

if (await pgReachable()) {
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    settle();
    const p = await run(['ingest', file, '--db', url, '--json']);
    console.log(
      `qunyun    ingest (PostgreSQL):       ${fmt(kept / p.seconds)} events/s (${p.seconds.toFixed(1)} s), peak RSS ${(p.peak / 1048576).toFixed(0)} MB`,
    );
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL not reachable: PostgreSQL figure skipped');
}
fs.rmSync(dir, { recursive: true, force: true });
