// A stand-in compute thread for src/compute/pool.test.ts (plain JS: a worker cannot load TypeScript): `echo`
// answers its input, `spin` keeps the thread busy for input.ms, `invalid` fails with a typed error, `hog` allocates
// until the heap limit ends the thread, `crash` exits the thread.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (task) => {
  const answer = (a) => parentPort.postMessage({ id: task.id, ok: true, answer: a });
  switch (task.name) {
    case 'echo':
      return answer(task.input);
    case 'spin': {
      const end = Date.now() + task.input.ms;
      while (Date.now() < end);
      return answer('spun');
    }
    case 'invalid':
      return parentPort.postMessage({ id: task.id, ok: false, error: { kind: 'invalid', code: 'period_too_long', message: 'to: too long' } });
    case 'hog': {
      const keep = [];
      for (;;) keep.push(new Array(100_000).fill(keep.length));
    }
    case 'crash':
      return process.exit(3);
    default:
      return parentPort.postMessage({ id: task.id, ok: false, error: { kind: 'internal', code: 'internal', message: `no ${task.name}` } });
  }
});
