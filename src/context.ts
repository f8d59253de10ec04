// What request handlers, commands and workers share: the database, the configuration parsed at start-up, the
// logger, and the workspace settings behind the database.
import { pino, type Logger } from 'pino';
import type { Database } from './storage/database.js';
import type { Env } from './config/env.js';
import { loadSettings, type WorkspaceSettings } from './features/workspace/settings.js';
import type { IngestContext } from './features/ingest/service.js';
import type { IngestChoice } from './features/ingest-hooks.js';
import type { Computer } from './features/computations.js';
import type { ComputeService } from './compute/computer.js';

export interface AppContext {
  database: Database;
  env: Env;
  log: Logger;
  /** Settings are re-read per use: `qunyun apply` in another process may change them. */
  settings(): Promise<WorkspaceSettings>;
  /** How this app ingests: every hook (live rules, dashboard cache) unless `choice` opts out of one. */
  ingestContext(choice?: IngestChoice): Promise<IngestContext>;
  /** A read computation (features/computations.ts): shared by identical concurrent requests; in threads once started. */
  compute: Computer;
  /** `qunyun serve`: from now on computations run in worker threads (env.compute). Close the service on stop. */
  startComputeThreads(): Promise<ComputeService>;
}

/** Without a logger (tests), nothing is logged. */
export function createContext(database: Database, env: Env, log: Logger = pino({ level: 'silent' })): AppContext {
  const settings = () => loadSettings(database.db);
  // Loaded on first use: a command that computes nothing does not load analytics.
  let service: Promise<ComputeService> | undefined;
  const inline = () => (service ??= import('./compute/computer.js').then(({ createComputeService }) => createComputeService(database, null, log)));
  return {
    database,
    env,
    log,
    settings,
    async ingestContext(choice) {
      // Loaded on first use: a CLI command that never ingests does not load automation.
      const { ingestContextFor } = await import('./features/ingest-hooks.js');
      return ingestContextFor(database, choice);
    },
    compute: (async (name, input, options) => (await inline()).compute(name, input, options)) as Computer,
    async startComputeThreads() {
      const { createComputeService } = await import('./compute/computer.js');
      const threaded = createComputeService(database, env.compute, log);
      service = Promise.resolve(threaded);
      return threaded;
    },
  };
}
