// What one scheduler pass (or a preview) reads once: the playbooks (qunyun.yaml's automation section, as
// applied), the workspace zone and dormancy days, and the communities with their keys, platforms and names.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { AutomationConfig, PlaybookConfig, PlaybookStep } from '../config/automation-schema.js';
import { loadRules } from '../features/automation/rules.js';
import { loadSettings } from '../features/workspace/settings.js';
import { render } from '../domain/automation/engine.js';

export interface CommunityInfo {
  id: number;
  key: string;
  platform: string;
  name: string;
  rules: string[];
  eliminationCron: string | null;
}

export interface PlaybookContext {
  now: number;
  timezone: string;
  dormantDays: number;
  newCustomerDays: number;
  config: AutomationConfig;
  communities: CommunityInfo[];
  /** The communities a playbook covers: those it names (key or platform:key), or every one. */
  communitiesOf(p: PlaybookConfig): CommunityInfo[];
}

export async function loadPlaybookContext(db: Kysely<Schema>, now: number): Promise<PlaybookContext> {
  const { config } = await loadRules(db);
  const settings = await loadSettings(db);
  const rows = await db
    .selectFrom('communities')
    .select(['id', 'platform', 'external_id', 'name', 'config_name', 'blueprint'])
    .orderBy('id')
    .execute();
  const communities = rows.map((r) => ({
    id: Number(r.id),
    key: r.external_id,
    platform: r.platform,
    name: r.config_name ?? r.name ?? r.external_id,
    rules: (r.blueprint ? (JSON.parse(r.blueprint) as { rules?: string[] }).rules : undefined) ?? [],
    eliminationCron: (r.blueprint ? (JSON.parse(r.blueprint) as { elimination?: { schedule?: string } }).elimination?.schedule : undefined) ?? null,
  }));
  return {
    now,
    timezone: settings.timezone,
    dormantDays: settings.dormantDays,
    newCustomerDays: settings.newCustomerDays,
    config,
    communities,
    communitiesOf: (p) =>
      p.communities === undefined
        ? communities
        : communities.filter((c) => p.communities!.includes(c.key) || p.communities!.includes(`${c.platform}:${c.key}`)),
  };
}

/** The rule name actions of a step carry in the audit log. */
export const stepRule = (p: PlaybookConfig, s: PlaybookStep): string => `playbook:${p.key}/${s.key}`;

/** A step's message for a community or a member: {name}, {community}, {rules} and the playbook's vars. */
export function stepText(p: PlaybookConfig, s: PlaybookStep, c: CommunityInfo, memberName: string | null): string | undefined {
  if (s.send === undefined) return undefined;
  return render(s.send, { ...p.vars, name: memberName ?? '', community: c.name, rules: c.rules.join('；') });
}
