// Community roles (seed 003): who is owner, admin, expert, backbone, mascot, onlooker, lurker or troublemaker in
// one community, from behaviour in the D days (the workspace's dormantDays) before an instant.
import type { Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { ROLES, ROLE_RULES, assignRole, type RoleKey, type RoleStats } from '../../../domain/metrics/roles.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { loadSettings } from '../../workspace/settings.js';
import { resolveCommunityRef } from '../../communities/repository.js';
import { MetricsInputError, parseInput } from '../metrics/service.js';
import { gatherRoleStats } from './stats.js';

const DAY = 86_400_000;

async function assess(db: Kysely<Schema>, communityId: number, t: number) {
  const settings = await loadSettings(db);
  const a = t - settings.dormantDays * DAY;
  const stats = await gatherRoleStats(db, communityId, settings.timezone, a, t);
  const roles = new Map<number, { role: RoleKey; stats: RoleStats }>();
  for (const [m, s] of stats) roles.set(m, { role: assignRole(s), stats: s });
  return { roles, a, settings };
}

/** member id → role in the community as of t (for exports and member records). */
export async function communityRoles(db: Kysely<Schema>, communityId: number, at: number): Promise<Map<number, RoleKey>> {
  const { roles } = await assess(db, communityId, at);
  return new Map([...roles].map(([m, r]) => [m, r.role]));
}

async function resolve(db: Kysely<Schema>, q: { at?: string; community?: string }) {
  if (q.community === undefined || q.community === '')
    throw new MetricsInputError('community: required — roles are assigned within one community (an id or platform:id)');
  const { timezone } = await loadSettings(db);
  const t = parseInput(q.at, timezone, 'at');
  const id = await resolveCommunityRef(db, q.community);
  const c = await db
    .selectFrom('communities')
    .select(['platform', 'external_id', 'name', 'config_name'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { t, id, label: { id, platform: c.platform, external_id: c.external_id, name: c.config_name ?? c.name } };
}

export async function rolesSummary(db: Kysely<Schema>, q: { at?: string; community?: string }) {
  const { t, id, label } = await resolve(db, q);
  const { roles, a, settings } = await assess(db, id, t);
  const counts = new Map<RoleKey, number>();
  for (const r of roles.values()) counts.set(r.role, (counts.get(r.role) ?? 0) + 1);
  const fmt = makeFormatter(settings.timezone);
  return {
    at: fmt(t),
    window: { from: fmt(a), to: fmt(t) },
    timezone: settings.timezone,
    community: label,
    members: roles.size,
    rules: ROLE_RULES,
    roles: ROLES.map((r) => ({
      key: r.key,
      name_zh: r.zh,
      name_en: r.en,
      members: counts.get(r.key) ?? 0,
      share: roles.size === 0 ? null : (counts.get(r.key) ?? 0) / roles.size,
    })),
  };
}

const order = new Map<RoleKey, number>(ROLES.map((r, i) => [r.key, i]));

export async function roleMembers(db: Kysely<Schema>, q: { at?: string; community?: string; role?: string; page: number; pageSize: number }) {
  if (q.role !== undefined && !order.has(q.role as RoleKey))
    throw new MetricsInputError(`role: unknown role ${JSON.stringify(q.role)} (one of ${ROLES.map((r) => r.key).join(', ')})`);
  const { t, id, label } = await resolve(db, q);
  const { roles, settings } = await assess(db, id, t);
  const picked = [...roles]
    .filter(([, r]) => q.role === undefined || r.role === q.role)
    .sort(([ma, a], [mb, b]) => order.get(a.role)! - order.get(b.role)! || b.stats.messages - a.stats.messages || ma - mb);
  const page = picked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const names =
    page.length === 0
      ? []
      : await db
          .selectFrom('members')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            page.map(([m]) => m),
          )
          .execute();
  const nameOf = new Map(names.map((n) => [Number(n.id), n.name]));
  return {
    at: makeFormatter(settings.timezone)(t),
    community: label,
    total: picked.length,
    page: q.page,
    page_size: q.pageSize,
    items: page.map(([m, r]) => ({
      member_id: m,
      name: nameOf.get(m) ?? null,
      role: r.role,
      platform_role: r.stats.platformRole,
      messages: r.stats.messages,
      replies_given: r.stats.repliesGiven,
      replies_received: r.stats.repliesReceived,
      partners: r.stats.partners,
      checkins: r.stats.checkins,
      removals: r.stats.removals,
    })),
  };
}
