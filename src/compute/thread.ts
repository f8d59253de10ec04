// A compute thread (compute/pool.ts starts them): opens its own connection to the database and answers the named
// read computations of features/computations.ts, one at a time, until the pool ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../storage/database.js';
import { isComputationName, runComputation } from '../features/computations.js';
import { errorForThread, type ThreadAnswer, type ThreadTask } from './messages.js';

const { target, statementTimeoutMs } = workerData as { target: string; statementTimeoutMs: number };
// Two connections: a computation's parallel queries (Promise.all) need more than one on PostgreSQL.
const database = await openDatabase(target, { statementTimeoutMs, maxConnections: 2 });

parentPort!.on('message', (task: ThreadTask) => {
  const answer = isComputationName(task.name)
    ? runComputation(database.db, task.name, task.input)
    : Promise.reject(new Error(`unknown computation ${task.name}`));
  answer.then(
    (a) => parentPort!.postMessage({ id: task.id, ok: true, answer: a } satisfies ThreadAnswer),
    (err: unknown) => parentPort!.postMessage({ id: task.id, ok: false, error: errorForThread(err) } satisfies ThreadAnswer),
  );
});
