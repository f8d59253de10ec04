// `qunyun apply FILE`: makes the database match qunyun.yaml (settings, products, channels, blueprints).
import fs from 'node:fs';
import { EVERYTHING, recordChange } from '../analytics/metrics/period-cache.js';
import { saveAutomation } from '../automation/rules.js';
import type { Transaction } from 'kysely';
import { takeWriterLock } from '../../storage/locks.js';
import type { Schema } from '../../storage/schema.js';
import type { Database } from '../../storage/database.js';
import { parseWorkspaceFile, type WorkspaceFile } from '../../config/workspace-file.js';
import { dayBucketerFor } from '../../domain/time/zone.js';
import { key } from '../../storage/chunks.js';
import { resolveCommunities } from '../ingest/resolve.js';
import { loadSettings, saveSettings, type WorkspaceSettings } from './settings.js';
import { rebuildDayState } from '../ingest/day-state.js';

export interface ApplyResult {
  products: number;
  channels: number;
  communities: number;
  timezoneChanged: boolean;
  rebuiltDays: number;
}

export function readWorkspaceFile(path: string): WorkspaceFile {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, {
      cause: err,
    });
  }
  return parseWorkspaceFile(text, path);
}

export async function applyWorkspaceFile(database: Database, cfg: WorkspaceFile): Promise<ApplyResult> {
  const w = cfg.workspace;
  let timezoneChanged = false;
  let rebuiltDays = 0;
  await database.db.transaction().execute(async (trx) => {
    await takeWriterLock(trx, 'new-version');
    const before = await loadSettings(trx);
    timezoneChanged = before.timezone !== w.timezone;
    await saveSettings(trx, { name: w.name ?? before.name, timezone: w.timezone, dormantDays: w.dormantDays, newCustomerDays: w.newCustomerDays });
    const productsBefore = JSON.stringify(await trx.selectFrom('products').select(['key', 'name', 'aliases']).orderBy('key').execute());
    await trx.deleteFrom('products').execute();
    for (const p of cfg.products) {
      await trx
        .insertInto('products')
        .values({ key: p.key, name: p.name, aliases: JSON.stringify(p.aliases), tier: p.tier, price: p.price })
        .execute();
    }
    await trx.deleteFrom('channels').execute();
    for (const c of cfg.channels) await trx.insertInto('channels').values({ key: c.key, name: c.name, cost: c.cost }).execute();
    const ids = await resolveCommunities(trx, new Set(cfg.communities.map((c) => key(c.platform, c.key))));
    await trx.updateTable('communities').set({ config_name: null, blueprint: null }).execute();
    for (const c of cfg.communities) {
      const { key: k, platform, name, ...blueprint } = c;
      await trx
        .updateTable('communities')
        .set({ config_name: name, blueprint: JSON.stringify(blueprint) })
        .where('id', '=', ids.get(key(platform, k))!)
        .execute();
    }
    await saveAutomation(trx, cfg.automation);
    // Product mentions per day are built on demand; new product names make them all stale.
    const productsAfter = JSON.stringify(await trx.selectFrom('products').select(['key', 'name', 'aliases']).orderBy('key').execute());
    if (productsAfter !== productsBefore) await trx.deleteFrom('text_days_built').execute();
    rebuiltDays = await afterSettingsChange(trx, before, w, productsAfter !== productsBefore);
  });
  return { products: cfg.products.length, channels: cfg.channels.length, communities: cfg.communities.length, timezoneChanged, rebuiltDays };
}

/**
 * What a change of settings entails, in the caller's transaction (which holds the writers' lock): per-day
 * counts are bucketed in the workspace zone, so a new zone rebuilds them; finished dashboard periods depend on
 * the zone, both parameters and the product names. Returns the days rebuilt.
 */
export async function afterSettingsChange(
  trx: Transaction<Schema>,
  before: WorkspaceSettings,
  after: Pick<WorkspaceSettings, 'timezone' | 'dormantDays' | 'newCustomerDays'>,
  productsChanged = false,
): Promise<number> {
  const timezoneChanged = before.timezone !== after.timezone;
  const rebuilt = timezoneChanged ? await rebuildDayState(trx, dayBucketerFor(after.timezone)) : 0;
  if (timezoneChanged || productsChanged || before.dormantDays !== after.dormantDays || before.newCustomerDays !== after.newCustomerDays) {
    await recordChange(trx, EVERYTHING);
  }
  return rebuilt;
}
