// The scheduler's units of due work, derived from the playbooks: one per cron, campaign or afterJoin step, and
// one per playbook on dormant (its dormancy watch and its afterStart steps run together, in that order, so a
// member started in a pass gets a step that is already due in the same pass). Rows in `schedules` follow them.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { chunks } from '../storage/chunks.js';
import type { PlaybookStep } from '../config/automation-schema.js';
import { campaignInstant, CronSchedule } from '../domain/automation/schedule.js';
import type { PlaybookContext } from './context.js';

export type UnitKind = 'cron' | 'campaign' | 'join' | 'dormant' | 'elimination';
export interface Unit {
  key: string;
  playbook: string;
  step: string | null;
  kind: UnitKind;
  spec: string;
}

export const stepKind = (s: PlaybookStep): UnitKind => (s.cron !== undefined ? 'cron' : s.afterCampaign ? 'campaign' : 'join');

export function unitsOf(ctx: PlaybookContext): Unit[] {
  const out: Unit[] = [];
  for (const p of ctx.config.playbooks) {
    if (!p.enabled) continue;
    if (p.on === 'dormant') {
      out.push({ key: p.key, playbook: p.key, step: null, kind: 'dormant', spec: JSON.stringify({ on: 'dormant' }) });
      continue;
    }
    for (const s of p.steps) {
      const kind = stepKind(s);
      const timing =
        kind === 'cron'
          ? { cron: s.cron, timezone: ctx.timezone }
          : kind === 'campaign'
            ? { ...s.afterCampaign, date: ctx.config.campaigns[s.afterCampaign!.campaign], timezone: ctx.timezone }
            : { kind };
      out.push({ key: `${p.key}/${s.key}`, playbook: p.key, step: s.key, kind, spec: JSON.stringify(timing) });
    }
  }
  // A blueprint's elimination.schedule: announce, then carry out after the notice (features/automation/elimination.ts).
  for (const c of ctx.communities) {
    if (c.eliminationCron)
      out.push({
        key: `elimination/${c.id}`,
        playbook: '(elimination)',
        step: String(c.id),
        kind: 'elimination',
        spec: JSON.stringify({ cron: c.eliminationCron, timezone: ctx.timezone }),
      });
  }
  return out;
}

/** When a unit is next due after `after`: a cron's next occurrence, a campaign step's instant (null once past), or at once. */
export function nextDue(u: Unit, ctx: PlaybookContext, after: number): number | null {
  if (u.kind === 'elimination') return new CronSchedule((JSON.parse(u.spec) as { cron: string }).cron, ctx.timezone).next(after);
  const step = ctx.config.playbooks.find((p) => p.key === u.playbook)?.steps.find((s) => s.key === u.step);
  if (u.kind === 'cron') return new CronSchedule(step!.cron!, ctx.timezone).next(after);
  if (u.kind === 'campaign') {
    const c = step!.afterCampaign!;
    const at = campaignInstant(ctx.timezone, ctx.config.campaigns[c.campaign]!, c.days, c.at);
    return at > after ? at : null;
  }
  return after + 1;
}

/**
 * Makes `schedules` hold one row per unit: a new unit starts from now (nothing before it is owed), a unit whose
 * timing changed starts afresh, a unit gone from the playbooks is dropped.
 */
export async function syncUnits(db: Kysely<Schema>, ctx: PlaybookContext): Promise<Unit[]> {
  const units = unitsOf(ctx);
  const now = ctx.now;
  const rows = new Map((await db.selectFrom('schedules').select(['key', 'spec']).execute()).map((r) => [r.key, r.spec]));
  for (const u of units) {
    const spec = rows.get(u.key);
    if (spec === u.spec) continue;
    const next_at = nextDue(u, ctx, now);
    if (spec === undefined) {
      await db
        .insertInto('schedules')
        .values({
          key: u.key,
          playbook: u.playbook,
          step: u.step,
          kind: u.kind,
          spec: u.spec,
          next_at,
          last_run_at: now,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    } else {
      await db
        .updateTable('schedules')
        .set({ kind: u.kind, spec: u.spec, next_at, last_run_at: now, created_at: now, locked_until: null, updated_at: now })
        .where('key', '=', u.key)
        .where('spec', '=', spec)
        .execute();
    }
  }
  const keep = new Set(units.map((u) => u.key));
  const gone = [...rows.keys()].filter((k) => !keep.has(k));
  for (const part of chunks(gone, 500)) await db.deleteFrom('schedules').where('key', 'in', part).execute();
  return units;
}
