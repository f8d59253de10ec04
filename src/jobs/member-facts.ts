// What a playbook's target asks about a page of members, now: current tags, tier (the highest tier of their
// orders still paid) and group (docs/spec/metrics.md's four groups, workspace-wide). Only what the target names is read.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { PlaybookConfig } from '../config/automation-schema.js';
import { activeIn } from '../features/analytics/metrics/sets.js';
import { tierOf, type MemberFacts } from '../domain/automation/schedule.js';
import { customerGroup, groupWindows } from '../domain/metrics/customer-groups.js';
import type { PlaybookContext } from './context.js';

const DAY = 86_400_000;

export async function memberFacts(db: Kysely<Schema>, ids: number[], p: PlaybookConfig, ctx: PlaybookContext): Promise<Map<number, MemberFacts>> {
  const out = new Map<number, MemberFacts>(ids.map((id) => [id, { tags: [], tier: null, group: null }]));
  const t = p.target;
  if (!t || ids.length === 0) return out;
  const { now } = ctx;
  if (t.tags) {
    for (const r of await db.selectFrom('member_tags').select(['member_id', 'tag']).where('member_id', 'in', ids).execute()) {
      (out.get(Number(r.member_id))!.tags as string[]).push(r.tag);
    }
  }
  if (!t.tiers && !t.groups) return out;
  const paid = await db
    .selectFrom('orders')
    .select(['member_id', 'tier', 'paid_at'])
    .where('member_id', 'in', ids)
    .where('paid_at', '<', now)
    .where((eb) => eb.or([eb('fully_refunded_at', 'is', null), eb('fully_refunded_at', '>=', now)]))
    .execute();
  const tiers = new Map<number, (string | null)[]>(),
    firstPaid = new Map<number, number>();
  for (const o of paid) {
    const id = Number(o.member_id);
    (tiers.get(id) ?? tiers.set(id, []).get(id)!).push(o.tier);
    firstPaid.set(id, Math.min(firstPaid.get(id) ?? Infinity, Number(o.paid_at)));
  }
  for (const [id, f] of out) f.tier = tierOf(tiers.get(id) ?? []);
  if (!t.groups) return out;
  const scope = { community: null, timezone: ctx.timezone };
  const active = new Set(
    (
      await sql<{ member_id: number }>`SELECT member_id FROM (${activeIn(scope, now - ctx.dormantDays * DAY, now)}) a
    WHERE member_id IN (${sql.join(ids)})`.execute(db)
    ).rows.map((r) => Number(r.member_id)),
  );
  const joins = await db.selectFrom('members').select(['id', 'first_join_at']).where('id', 'in', ids).execute();
  for (const m of joins) {
    const id = Number(m.id);
    out.get(id)!.group = customerGroup(
      {
        firstJoin: m.first_join_at === null ? null : Number(m.first_join_at),
        firstPaid: firstPaid.get(id) ?? null,
        activeInQuietWindow: active.has(id),
      },
      groupWindows(ctx, now),
    );
  }
  return out;
}
