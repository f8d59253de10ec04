// Each job kind's handler, by kind (the kinds and their payloads are in definitions.ts). Only the worker loads
// this module; a handler with heavy dependencies imports them inside itself. The type makes a kind without a
// handler a compile error.
import type { JOB_DEFINITIONS } from './definitions.js';
import type { JobHandlers } from './job-queue.js';

export const JOB_HANDLERS: JobHandlers<typeof JOB_DEFINITIONS> = {};
