// The server under test for bench:load (mixed-load.bench.js): a demo workspace loaded through the built CLI, an
// owner and an API token made with `qunyun user add` / `qunyun token create`, then a real `qunyun serve` child on
// 127.0.0.1 with a port the system picks. Children are killed when the benchmark exits, however it exits.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { root } from '../cli.js';

const cli = path.join(root, 'bin', 'qunyun.js');
const children = new Set();

function killChildren() {
  for (const child of children) child.kill('SIGKILL');
}
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    killChildren();
    console.error(`bench:load: ${signal}, server stopped`);
    process.exit(130);
  });
}

/** Runs `qunyun ARGS` to completion with `input` on stdin; throws with its output when it fails. */
function qunyun(args, input = '') {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`qunyun ${args.join(' ')} exited ${r.status}\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** Loads the demo workspace into `db`, adds an owner and returns an API token acting as them. */
export function prepareWorkspace(db, { members, days }) {
  const started = Date.now();
  qunyun(['demo', '--members', String(members), '--days', String(days), '--seed', '1', '--db', db]);
  qunyun(['user', 'add', 'bench', '--role', 'owner', '--db', db], 'bench-load-password-1\n');
  const token = qunyun(['token', 'create', 'bench-load', '--user', 'bench', '--db', db]).trim();
  if (!token) throw new Error('qunyun token create printed no token');
  return { token, seconds: (Date.now() - started) / 1000 };
}

/**
 * `qunyun serve` on `db`: loopback only, no demo traffic of its own, automation delivered by the simulator as on a
 * demo workspace. Resolves once it prints its address; `stop()` ends it (SIGTERM, then SIGKILL after 10 s).
 */
export function startServer(db) {
  const args = [
    cli,
    'serve',
    '--db',
    db,
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--no-demo',
    '--no-traffic',
    '--simulate',
    ...(process.env.BENCH_SERVE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const tail = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not start within 60 s'), 60_000);
    function fail(why) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`qunyun serve ${why}:\n${tail.join('\n')}`));
    }
    // Both pipes are read to the end, so a full pipe can never stall the server; the last lines explain a failure.
    const onLine = (text) => {
      for (const line of text.split('\n')) {
        if (!line) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        const m = /running at http:\/\/[^:]+:(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({
            url: `http://127.0.0.1:${m[1]}`,
            pid: child.pid,
            /** The server's last output lines (for a failure report). */
            tail: () => tail.join('\n'),
            async stop() {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
              await exited;
              clearTimeout(kill);
            },
          });
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', onLine);
    child.stderr.setEncoding('utf8').on('data', onLine);
    exited.then(({ code, signal }) => fail(`exited (${signal ?? code}) before it was ready`));
  });
}

/**
 * A fresh schema on the PostgreSQL of BENCH_PG_URL (default: the local test database), as a database URL whose
 * search_path is that schema; `drop()` removes it. Null with the reason when PostgreSQL cannot be reached.
 */
export async function freshPostgresSchema(baseUrl) {
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (err) {
    return { skip: `PostgreSQL at ${baseUrl} not reachable (${err.message})` };
  }
  const schema = `bench_load_${process.pid}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let dropped = false;
  const drop = async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
    dropped = true;
  };
  process.once('exit', () => {
    // Best effort after an error or a signal: a synchronous psql, since no await runs in an exit handler.
    if (!dropped) spawnSync('psql', [baseUrl, '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { stdio: 'ignore' });
  });
  return { url, schema, drop };
}
