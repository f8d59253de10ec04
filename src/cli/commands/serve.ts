// `qunyun serve`: the HTTP API (and later the console). `npm start` runs it on the default database, which
// gets a demo workspace on first start when empty; a database named with --db or DATABASE_URL never does. The
// worker (outbox delivery, playbooks, jobs: jobs/worker.ts) runs in the same process unless --no-worker.
import fs from 'node:fs';
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { openForCommand } from '../open.js';
import { buildConnectors, outboxDelivery } from '../delivery.js';
import { saveSetting } from '../../features/workspace/settings.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP server (API at /api/v1, docs at /api/docs)')
    .option(...DB_OPTION)
    .option('--port <n>', 'port (default: PORT, else 3000)')
    .option('--host <host>', 'address to listen on (default: HOST, else 127.0.0.1; 0.0.0.0 for every interface)')
    .option('--config <file>', 'qunyun.yaml to apply on start (default: ./qunyun.yaml when present)')
    .option('--no-demo', 'never load the demo workspace')
    .option('--no-traffic', 'on a demo workspace, do not generate live demo traffic')
    .option('--simulate', 'deliver automation actions through the built-in simulator (default on a demo workspace, or QUNYUN_SIMULATE=1)')
    .option('--no-worker', 'leave outbox delivery, playbooks and jobs to `qunyun worker` processes (see docs/scale-out.md)')
    .action(
      async (o: {
        db?: string;
        port?: string;
        host?: string;
        config?: string;
        demo: boolean;
        simulate?: boolean;
        traffic: boolean;
        worker: boolean;
      }) => {
        const [{ serve }, { createApp }, { applyWorkspaceFile, readWorkspaceFile }, { demoEndFor, loadDemo }] = await Promise.all([
          import('@hono/node-server'),
          import('../../http/app.js'),
          import('../../features/workspace/apply.js'),
          import('../../features/demo/load.js'),
        ]);
        const opened = await openForCommand(o.db);
        const { ctx, env } = opened;
        const log = ctx.log;
        // Loopback by default (env.host): exposing the console beyond this machine is an explicit choice (--host, HOST).
        const host = o.host ?? env.host;
        const port = o.port === undefined ? env.port : Number(o.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0–65535 (got ${o.port})`);
        const configFile = o.config ?? (fs.existsSync('qunyun.yaml') ? 'qunyun.yaml' : undefined);
        if (configFile) {
          const r = await applyWorkspaceFile(ctx.database, readWorkspaceFile(configFile));
          log.info({ file: configFile, ...r }, 'applied workspace file');
        }
        // Existence, not count(*): counting a large ledger would slow every start.
        const anyEvent = await ctx.database.db
          .selectFrom('events')
          .select(sql<number>`1`.as('x'))
          .limit(1)
          .executeTakeFirst();
        const demo = await ctx.database.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
        // A first start killed mid-demo left demo=loading behind; ingest is idempotent, so loading again completes it.
        if (opened.isDefault && o.demo && (anyEvent === undefined || demo?.value.startsWith('loading'))) {
          const end = demo?.value.startsWith('loading:') ? new Date(demo.value.slice(8)) : demoEndFor(new Date());
          await saveSetting(ctx.database.db, 'demo', `loading:${end.toISOString()}`);
          console.log('First start on an empty database: loading the demo workspace (2,000 members, 90 days)…');
          const started = Date.now();
          const s = await loadDemo(ctx, { members: 2000, days: 90, seed: 42, end });
          await saveSetting(ctx.database.db, 'demo', 'loaded');
          console.log(`Demo loaded: ${s.accepted} events in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
          if (configFile) await applyWorkspaceFile(ctx.database, readWorkspaceFile(configFile));
        }
        const loaded = await ctx.database.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
        const connectors = await buildConnectors(ctx);
        for (const c of connectors) await c.start?.();
        if (connectors.length > 0) log.info({ connectors: connectors.map((c) => c.platform) }, 'connectors on');
        // The worker: on a demo (or when asked) the simulator delivers the outbox, else the connectors; playbooks and
        // jobs run beside it. On PostgreSQL any number of servers and workers share the work (docs/scale-out.md).
        const stopWorker = new AbortController();
        let worker: Promise<void> = Promise.resolve();
        if (o.worker) {
          const [{ runWorker }, outbox] = await Promise.all([import('../../jobs/worker.js'), outboxDelivery(ctx, connectors, o.simulate)]);
          worker = runWorker({ database: ctx.database, log, signal: stopWorker.signal, outbox });
        } else log.info('no worker in this process (--no-worker): outbox delivery, playbooks and jobs are left to `qunyun worker`');
        // A demo workspace comes alive: a little chat, questions, newcomers and spam every few seconds (features/demo/live-traffic.ts).
        const { startLiveTraffic } = await import('../../features/demo/live-traffic.js');
        const traffic =
          loaded?.value === 'loaded' && o.traffic
            ? startLiveTraffic(ctx.database, { onError: (err) => log.error({ err }, 'demo traffic failed') })
            : null;
        if (traffic)
          console.log('Demo workspace: generating live traffic (chat, questions, newcomers, spam) every few seconds; --no-traffic to stop it.');
        const demoLogin = loaded?.value === 'loaded' ? await ensureDemoLogin(ctx.database.db, opened.isDefault) : null;
        // Analytics in worker threads with a deadline (src/compute/): this thread stays free for health, writes and cached answers.
        const compute = await ctx.startComputeThreads();
        if (compute.mode === 'inline') log.warn('analytics run on the request thread (QUNYUN_COMPUTE_THREADS=0, or no built thread file)');
        const app = createApp(ctx, log, connectors);
        const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
          const shown = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
          if (demoLogin)
            console.log(
              `Demo workspace — sign in to the console as  ${demoLogin.username} / ${demoLogin.password}  (a demo account: add your own with \`qunyun user add\`)`,
            );
          console.log(`Qunyun is running at http://${shown}:${info.port}  (database: ${ctx.database.location}; API docs: /api/docs)`);
        });
        let stopping = false;
        const stop = (signal: string) => {
          // A second signal while stopping: out at once.
          if (stopping) process.exit(1);
          stopping = true;
          log.info({ signal }, 'shutting down');
          // The worker finishes the item it is on; the database closes once it has and the server is closed.
          stopWorker.abort();
          traffic?.stop();
          for (const c of connectors) void c.stop?.();
          // Computations in flight are ended (their requests answer 503): none can hold the stop up.
          void compute.close();
          server.close(() => void worker.then(() => opened.close()).then(() => process.exit(0)));
          // Requests still open after 3 s are cut; whatever is left after 5 s, the process exits anyway. The request
          // thread never runs a long computation, so these timers do fire.
          setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 3000).unref();
          setTimeout(() => process.exit(0), 5000).unref();
        };
        process.on('SIGINT', () => stop('SIGINT'));
        process.on('SIGTERM', () => stop('SIGTERM'));
      },
    );
}

/**
 * The demo's own account, so `npm start` opens straight into a signed-in console: made once, on the default
 * database's demo workspace while it has no user, and printed at every start while it is the only account and
 * keeps its first password (kept for that in settings; dropped as soon as either changes). Null otherwise.
 */
async function ensureDemoLogin(db: Kysely<Schema>, isDefault: boolean) {
  const [repo, { hashPassword, verifyPassword }, { randomBytes }] = await Promise.all([
    import('../../features/auth/repository.js'),
    import('../../features/auth/password.js'),
    import('node:crypto'),
  ]);
  const kept = await db.selectFrom('settings').select('value').where('key', '=', 'demo_login').executeTakeFirst();
  if (kept) {
    const login = JSON.parse(kept.value) as { username: string; password: string };
    const user = await repo.findUser(db, { username: login.username });
    // Printed only while it is still the demo's only account with its first password; then forgotten.
    if (user && (await repo.countUsers(db)) === 1 && (await verifyPassword(login.password, user.password_hash))) return login;
    await db.deleteFrom('settings').where('key', '=', 'demo_login').execute();
    return null;
  }
  if (!isDefault || (await repo.countUsers(db)) > 0) return null;
  const login = { username: 'demo', password: randomBytes(9).toString('base64url') };
  await repo.insertUser(db, { username: login.username, passwordHash: await hashPassword(login.password), role: 'owner' });
  await saveSetting(db, 'demo_login', JSON.stringify(login));
  return login;
}
