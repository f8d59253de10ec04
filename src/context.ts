// What request handlers, commands and workers share: the database, the configuration parsed at start-up, the
// logger, and the workspace settings behind the database.
import { pino, type Logger } from 'pino';
import type { Database } from './storage/database.js';
import type { Env } from './config/env.js';
import { loadSettings, type WorkspaceSettings } from './features/workspace/settings.js';
import type { IngestContext } from './features/ingest/service.js';
import type { IngestChoice } from './features/ingest-hooks.js';

export interface AppContext {
  database: Database;
  env: Env;
  log: Logger;
  /** Settings are re-read per use: `qunyun apply` in another process may change them. */
  settings(): Promise<WorkspaceSettings>;
  /** How this app ingests: every hook (live rules, dashboard cache) unless `choice` opts out of one. */
  ingestContext(choice?: IngestChoice): Promise<IngestContext>;
}

/** Without a logger (tests), nothing is logged. */
export function createContext(database: Database, env: Env, log: Logger = pino({ level: 'silent' })): AppContext {
  const settings = () => loadSettings(database.db);
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
  };
}
