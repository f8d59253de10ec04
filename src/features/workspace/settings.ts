// Workspace settings stored in the database (applied from qunyun.yaml), with the documented defaults.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { DEFAULT_GROUP_SETTINGS, type GroupSettings } from '../../domain/metrics/customer-groups.js';

/** Name and zone, and the customer-group rule's D and N (domain/metrics/customer-groups.ts). */
export interface WorkspaceSettings extends GroupSettings {
  name: string;
  timezone: string;
}

export const DEFAULT_SETTINGS: WorkspaceSettings = { name: 'Qunyun', timezone: 'Asia/Shanghai', ...DEFAULT_GROUP_SETTINGS };

export async function loadSettings(db: Kysely<Schema>): Promise<WorkspaceSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const map = new Map(rows.map((r) => [r.key, r.value]));
  return {
    name: map.get('name') ?? DEFAULT_SETTINGS.name,
    timezone: map.get('timezone') ?? DEFAULT_SETTINGS.timezone,
    dormantDays: Number(map.get('dormantDays') ?? DEFAULT_SETTINGS.dormantDays),
    newCustomerDays: Number(map.get('newCustomerDays') ?? DEFAULT_SETTINGS.newCustomerDays),
  };
}

export async function saveSetting(db: Kysely<Schema>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function saveSettings(db: Kysely<Schema>, s: WorkspaceSettings): Promise<void> {
  for (const [key, value] of Object.entries(s)) {
    await db
      .insertInto('settings')
      .values({ key, value: String(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
      .execute();
  }
}
