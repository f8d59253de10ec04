// A compute thread (compute/pool.ts starts them): opens its own connection to the database and answers the named
// read computations of features/computations.ts, one at a time, until the pool ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { openDatabase } from '../storage/database.js';
import { isComputationName, runComputation } from '../features/computations.js';
import { errorForThread, type ThreadAnswer, type ThreadTask } from './messages.js';

const { target, statementTimeoutMs } = workerData as { target: string; statementTimeoutMs: number };
// Two connections: a computation's parallel queries (Promise.all) need more than one on PostgreSQL.
const database = await openDatabase(target, { statementTimeoutMs, maxConnections: 2 });

// SQLite: the request thread's connection does not checkpoint the WAL (compute/computer.ts turns that off), because
// a checkpoint runs inside a commit and, after a long read here, copies the whole WAL back with the event loop held.
// A thread checkpoints instead, between computations, at most once a second; PASSIVE never waits for the writer.
let checkpointed = 0;
let running = 0;
async function checkpoint(): Promise<void> {
  if (database.dialect !== 'sqlite' || running > 0 || Date.now() - checkpointed < 1000) return;
  checkpointed = Date.now();
  await sql`PRAGMA wal_checkpoint(PASSIVE)`.execute(database.db);
}
setInterval(() => void checkpoint().catch(() => undefined), 1000).unref();

parentPort!.on('message', (task: ThreadTask) => {
  running++;
  const answer = isComputationName(task.name)
    ? runComputation(database.db, task.name, task.input)
    : Promise.reject(new Error(`unknown computation ${task.name}`));
  answer
    .finally(() => {
      running--;
      return checkpoint().catch(() => undefined);
    })
    .then(
      (a) => parentPort!.postMessage({ id: task.id, ok: true, answer: a } satisfies ThreadAnswer),
      (err: unknown) => parentPort!.postMessage({ id: task.id, ok: false, error: errorForThread(err) } satisfies ThreadAnswer),
    );
});
