// Opens (and migrates) the database a command was pointed at: --db, else DATABASE_URL, else ./data/qunyun.db; the
// context it returns carries the configuration parsed at start-up and the process's logger.
import { pino } from 'pino';
import { processEnv, databaseTarget, type Env } from '../config/env.js';
import { openDatabase } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';
import { createContext, type AppContext } from '../context.js';

export interface Opened {
  ctx: AppContext;
  env: Env;
  isDefault: boolean;
  close(): Promise<void>;
}

export async function openForCommand(dbFlag: string | undefined): Promise<Opened> {
  const env = processEnv();
  const { target, isDefault } = databaseTarget(env, dbFlag);
  const database = await openDatabase(target);
  try {
    await migrateToLatest(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const log = pino({ level: env.logLevel });
  return { ctx: createContext(database, env, log), env, isDefault, close: () => database.close() };
}

/** Runs fn with an opened database and always closes it. */
export async function withDatabase<T>(dbFlag: string | undefined, fn: (o: Opened) => Promise<T>): Promise<T> {
  const o = await openForCommand(dbFlag);
  try {
    return await fn(o);
  } finally {
    await o.close();
  }
}
