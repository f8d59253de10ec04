// The workspace's automation rules: qunyun.yaml's section (kept in settings by `apply`) with operators' toggles on
// top, compiled once per version and reused by every batch.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { automationSchema, type AutomationConfig } from '../../config/automation-schema.js';
import { compileRules, type CompiledRule } from '../../domain/automation/engine.js';

export const AUTOMATION_KEY = 'automation';

export interface LoadedRules {
  config: AutomationConfig;
  rules: CompiledRule[];
}

let cached: { version: string; loaded: LoadedRules } | null = null;

export async function saveAutomation(db: Kysely<Schema>, cfg: AutomationConfig): Promise<void> {
  const value = JSON.stringify(cfg);
  await db
    .insertInto('settings')
    .values({ key: AUTOMATION_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export async function loadRules(db: Kysely<Schema>): Promise<LoadedRules> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', AUTOMATION_KEY).executeTakeFirst();
  const toggles = await db.selectFrom('rule_toggles').select(['rule', 'enabled']).orderBy('rule').execute();
  const version = `${row?.value ?? ''}\u0000${JSON.stringify(toggles)}`;
  if (cached?.version === version) return cached.loaded;
  const config = automationSchema.parse(row ? JSON.parse(row.value) : {});
  const on = new Map(toggles.map((t) => [t.rule, Number(t.enabled) === 1]));
  for (const r of config.rules) if (on.has(r.key)) r.enabled = on.get(r.key)!;
  const loaded = { config, rules: compileRules(config) };
  cached = { version, loaded };
  return loaded;
}
