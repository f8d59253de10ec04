// Worker threads for the read computations (features/computations.ts): the request thread stays free for health
// checks, writes and cached answers while a long period is computed. Each thread opens its own connection. A task
// past its deadline ends its thread (a new one takes its place) and answers "took too long"; a thread that runs out
// of memory does the same, so no request can stall the server or grow it without bound.
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { UnavailableError } from '../domain/errors.js';
import { errorFromThread, type ThreadAnswer, type ThreadTask } from './messages.js';

export interface PoolOptions {
  /** The database to open in each thread (a file path or a PostgreSQL URL). */
  target: string;
  threads: number;
  /** Queue wait plus run time; past it the task is refused and its thread replaced. */
  timeoutMs: number;
  /** Tasks waiting beyond this are refused at once ("busy"). */
  maxQueue: number;
  /** Heap of each thread. */
  memoryMb: number;
  log: Logger;
}

interface Task {
  id: number;
  name: string;
  input: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

/** The thread's file: beside this one when built; from src/ (tests) the built copy, if there is one. */
export function threadFile(): URL | null {
  for (const rel of ['./thread.js', '../../dist/compute/thread.js']) {
    const url = new URL(rel, import.meta.url);
    if (fs.existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

export class ComputePool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: URL,
    private readonly options: PoolOptions,
  ) {
    for (let i = 0; i < options.threads; i++) this.slots.push(this.spawn());
  }

  run(name: string, input: unknown, timeoutMs = this.options.timeoutMs): Promise<unknown> {
    if (this.closed) return Promise.reject(new UnavailableError('the server is stopping', 'stopping'));
    if (this.waiting.length >= this.options.maxQueue)
      return Promise.reject(new UnavailableError(`the server is busy (${this.waiting.length} computations waiting); try again shortly`, 'busy'));
    return new Promise((resolve, reject) => {
      const task: Task = { id: this.nextId++, name, input, resolve, reject };
      task.timer = setTimeout(() => this.expire(task, timeoutMs), timeoutMs);
      this.waiting.push(task);
      this.dispatch();
    });
  }

  /** Tasks running and waiting (health figures). */
  load(): { running: number; waiting: number; threads: number } {
    return { running: this.slots.filter((s) => s.task).length, waiting: this.waiting.length, threads: this.slots.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) this.settle(t, new UnavailableError('the server is stopping', 'stopping'));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.task) this.settle(s.task, new UnavailableError('the server is stopping', 'stopping'));
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, {
      workerData: { target: this.options.target, statementTimeoutMs: this.options.timeoutMs },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    const slot: Slot = { worker };
    worker.on('message', (m: ThreadAnswer) => {
      const t = slot.task;
      if (!t || t.id !== m.id) return;
      slot.task = undefined;
      if (m.ok) this.settle(t, undefined, m.answer);
      else this.settle(t, errorFromThread(m.error, this.options.log));
      this.dispatch();
    });
    worker.on('error', (err) => this.lost(slot, err));
    worker.on('exit', () => this.lost(slot, new Error('thread exited')));
    worker.unref();
    return slot;
  }

  /** A thread died (out of memory, a crash) or was ended: its task fails, a new thread takes its place. */
  private lost(slot: Slot, err: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const t = slot.task;
    slot.task = undefined;
    if (t) {
      const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (oom) this.options.log.warn({ task: t.name }, 'a computation ran out of memory');
      else if (err.message !== 'thread exited') this.options.log.error({ err, task: t.name }, 'a computation thread failed');
      this.settle(
        t,
        oom
          ? new UnavailableError(
              `the computation needed more than ${this.options.memoryMb} MB; choose a shorter period or one community`,
              'too_much_memory',
            )
          : new UnavailableError('the computation failed; try again', 'computation_failed'),
      );
    }
    if (this.closed) return;
    this.slots[i] = this.spawn();
    this.dispatch();
  }

  private expire(task: Task, timeoutMs: number): void {
    const qi = this.waiting.indexOf(task);
    if (qi >= 0) this.waiting.splice(qi, 1);
    const slot = this.slots.find((s) => s.task === task);
    this.settle(
      task,
      new UnavailableError(`the computation took longer than ${timeoutMs / 1000} s; choose a shorter period or one community`, 'timeout'),
    );
    if (slot) {
      this.options.log.warn({ task: task.name, timeoutMs }, 'a computation passed its deadline: its thread is replaced');
      slot.task = undefined;
      const i = this.slots.indexOf(slot);
      // Replaced now, so the next task does not wait for the old thread to finish dying.
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
      void slot.worker.terminate();
      this.dispatch();
    }
  }

  private settle(task: Task, err?: unknown, answer?: unknown): void {
    clearTimeout(task.timer);
    if (err) task.reject(err);
    else task.resolve(answer);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task) continue;
      const task = this.waiting.shift();
      if (!task) return;
      slot.task = task;
      const message: ThreadTask = { id: task.id, name: task.name, input: task.input };
      slot.worker.postMessage(message);
    }
  }
}
