// One ordered list of migrations for both dialects, run by `qunyun migrate` and on every start.
import { sql, Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './database.js';
import * as m001 from './migrations/001_ledger.js';
import * as m002 from './migrations/002_metric_cache.js';
import * as m003 from './migrations/003_automation.js';
import * as m004 from './migrations/004_schedules.js';
import * as m005 from './migrations/005_accounts.js';
import * as m006 from './migrations/006_product_mentions.js';
import * as m007 from './migrations/007_jobs.js';
import * as m008 from './migrations/008_privacy.js';

const ALL = [
  ['001_ledger', m001],
  ['002_metric_cache', m002],
  ['003_automation', m003],
  ['004_schedules', m004],
  ['005_accounts', m005],
  ['006_product_mentions', m006],
  ['007_jobs', m007],
  ['008_privacy', m008],
] as const;

export async function migrateToLatest(database: Database): Promise<{ applied: string[] }> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, mod] of ALL) out[name] = { up: (db) => mod.up(db, database.dialect) };
      return out;
    },
  };
  // Kysely looks for its bookkeeping tables in every schema; pin them to ours so databases sharing a server stay apart.
  let schema: string | undefined;
  if (database.dialect === 'postgres') {
    const row = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
    schema = row.rows[0]?.s;
  }
  const migrator = new Migrator({
    db: database.db,
    provider,
    migrationTableName: 'qunyun_migrations',
    migrationLockTableName: 'qunyun_migrations_lock',
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
