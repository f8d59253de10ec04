// Elimination and revival for one community, from its blueprint: a preview of who falls short today, an
// announcement of the list (noticeDays ahead, with how to revive), and carrying it out once the notice has run.
// Both go through the outbox like any rule's actions, keyed so that running them twice does nothing twice.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { judge, type EliminationRule, type RevivalRule } from '../../domain/automation/elimination.js';
import { resolveCommunityRef } from '../communities/repository.js';
import { presentAt } from '../analytics/metrics/sets.js';
import { loadSettings } from '../workspace/settings.js';
import { localDate } from '../../domain/time/periods.js';
import { makeFormatter } from '../../domain/time/format.js';
import { ActionInputError } from './actions.js';
import { staffOf } from './staff.js';

const DAY = 86_400_000;
const dayKey = (d: { y: number; m: number; d: number }) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
const n = (v: unknown) => Number(v ?? 0);

async function context(db: Kysely<Schema>, ref: string) {
  const id = await resolveCommunityRef(db, ref);
  const c = await db
    .selectFrom('communities')
    .select(['id', 'platform', 'external_id', 'name', 'config_name', 'blueprint'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const bp = c.blueprint ? (JSON.parse(c.blueprint) as { elimination?: EliminationRule; revival?: RevivalRule }) : {};
  if (!bp.elimination) throw new ActionInputError(`community: ${ref} has no elimination in its blueprint (qunyun.yaml communities[].elimination)`);
  // A notice that was undone, skipped or never delivered (dead) notified nobody.
  const notice = await db
    .selectFrom('actions')
    .select(['id', 'created_at', 'updated_at', 'status', 'payload'])
    .where('rule', '=', `elimination:${id}`)
    .where('kind', '=', 'send')
    .where('status', 'in', ['pending', 'sending', 'done'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const executedAt = notice ? ((JSON.parse(notice.payload) as { executed_at?: number }).executed_at ?? null) : null;
  return {
    id,
    c,
    rule: bp.elimination,
    revival: bp.revival,
    // The notice runs from when it went out (a delivered announcement's last update), not from when it was queued.
    notice: notice
      ? {
          id: Number(notice.id),
          at: Number(notice.status === 'done' ? notice.updated_at : notice.created_at),
          delivered: notice.status === 'done',
          executedAt,
        }
      : null,
  };
}

export async function eliminationPreview(db: Kysely<Schema>, ref: string, now = Date.now()) {
  const { id, c, rule, revival, notice } = await context(db, ref);
  const { timezone } = await loadSettings(db);
  const within = (rule.withinDays ?? 7) * DAY,
    since = notice?.at ?? now;
  const present = (await sql<{ member_id: number }>`${presentAt({ community: id, timezone }, now)}`.execute(db)).rows.map((r) => Number(r.member_id));
  const staff = (await staffOf(db, [id])).get(id) ?? new Set<number>();
  const stats = new Map<
    number,
    { joined: number; checkins: number; lastMsg: number | null; revCheckins: number; paid: boolean; name: string | null }
  >();
  for (let i = 0; i < present.length; i += 500) {
    const part = present.slice(i, i + 500);
    const rows = await sql<Record<string, unknown>>`SELECT ms.member_id, ms.last_join_at, m.name,
        (SELECT count(*) FROM events e WHERE e.member_id = ms.member_id AND e.type = 'checkin.done' AND e.community_id = ${id} AND e.at_ms >= ${now - within} AND e.at_ms < ${now}) AS checkins,
        (SELECT max(e.at_ms) FROM events e WHERE e.member_id = ms.member_id AND e.type = 'message.sent' AND e.community_id = ${id} AND e.at_ms < ${now}) AS last_msg,
        (SELECT count(*) FROM events e WHERE e.member_id = ms.member_id AND e.type = 'checkin.done' AND e.community_id = ${id} AND e.at_ms >= ${since} AND e.at_ms < ${now}) AS rev,
        (SELECT count(*) FROM orders o WHERE o.member_id = ms.member_id AND o.product = ${revival?.product ?? ''} AND o.paid_at >= ${since} AND o.paid_at < ${now}) AS paid
      FROM memberships ms JOIN members m ON m.id = ms.member_id WHERE ms.community_id = ${id} AND ms.member_id IN (${sql.join(part)})`.execute(db);
    for (const r of rows.rows)
      stats.set(n(r.member_id), {
        joined: n(r.last_join_at),
        checkins: n(r.checkins),
        lastMsg: r.last_msg === null ? null : n(r.last_msg),
        revCheckins: n(r.rev),
        paid: n(r.paid) > 0,
        name: r.name as string | null,
      });
  }
  const out = {
    candidates: [] as { member_id: number; name: string | null; reasons: string[] }[],
    revived: [] as { member_id: number; name: string | null; reason: string }[],
  };
  for (const [m, s] of stats) {
    const v = judge(
      rule,
      revival,
      {
        joinedAt: s.joined,
        checkinsInWindow: s.checkins,
        lastMessageAt: s.lastMsg,
        checkinsSinceNotice: notice ? s.revCheckins : 0,
        paidRevival: notice ? s.paid : false,
        staff: staff.has(m),
      },
      now,
    );
    if (!v.keep) out.candidates.push({ member_id: m, name: s.name, reasons: v.reasons });
    else if (v.reason.startsWith('revived')) out.revived.push({ member_id: m, name: s.name, reason: v.reason });
  }
  out.candidates.sort((a, b) => a.member_id - b.member_id);
  const executeFrom = notice ? notice.at + (rule.noticeDays ?? 0) * DAY : null;
  return {
    community: { id, platform: c.platform, external_id: c.external_id, name: c.config_name ?? c.name },
    at: new Date(now).toISOString(),
    rule,
    revival: revival ?? null,
    present: present.length,
    notice: notice
      ? {
          action_id: notice.id,
          announced_at: new Date(notice.at).toISOString(),
          execute_from: new Date(executeFrom!).toISOString(),
          executed_at: notice.executedAt === null ? null : new Date(notice.executedAt).toISOString(),
          delivered: notice.delivered,
        }
      : null,
    ...out,
  };
}

const insertAction = (
  db: Kysely<Schema>,
  v: {
    dedupe: string;
    rule: string;
    kind: string;
    platform: string;
    community: number;
    member: number | null;
    payload: object;
    reason: object;
    now: number;
  },
) =>
  db
    .insertInto('actions')
    .values({
      dedupe: v.dedupe,
      rule: v.rule,
      kind: v.kind,
      platform: v.platform,
      community_id: v.community,
      member_id: v.member,
      event_id: null,
      event_at: null,
      payload: JSON.stringify(v.payload),
      reason: JSON.stringify(v.reason),
      status: 'pending',
      attempts: 0,
      due_at: v.now,
      created_at: v.now,
      updated_at: v.now,
    })
    .onConflict((oc) => oc.column('dedupe').doNothing())
    .execute();

/** Posts today's list to the community (once per day), starting the notice period. */
export async function announceElimination(db: Kysely<Schema>, ref: string, now = Date.now()) {
  const p = await eliminationPreview(db, ref, now);
  if (p.candidates.length === 0) throw new ActionInputError(`community: nobody in ${ref} falls short today; nothing to announce`);
  const days = p.rule.noticeDays ?? 0;
  const how = [p.revival?.checkins ? `补卡 ${p.revival.checkins} 次` : null, p.revival?.product ? `购买 ${p.revival.product}` : null]
    .filter(Boolean)
    .join('或');
  const text = `以下成员未达到本群要求，将在 ${days} 天后移出：${p.candidates.map((x) => x.name ?? `#${x.member_id}`).join('、')}。${how ? `${how}即可复活。` : ''}`;
  const { timezone } = await loadSettings(db);
  await insertAction(db, {
    dedupe: `elimination|${p.community.id}|announce|${dayKey(localDate(timezone, now))}`,
    rule: `elimination:${p.community.id}`,
    kind: 'send',
    platform: p.community.platform,
    community: p.community.id,
    member: null,
    payload: { text, members: p.candidates.map((x) => x.member_id) },
    reason: { detail: 'elimination list announced' },
    now,
  });
  return eliminationPreview(db, ref, now);
}

/** Removes those still short once the notice has run; revived members stay. */
export async function executeElimination(db: Kysely<Schema>, ref: string, now = Date.now()) {
  const p = await eliminationPreview(db, ref, now);
  if (!p.notice)
    throw new ActionInputError(
      `community: announce the list first (qunyun elimination announce --community ${ref}); members get ${p.rule.noticeDays ?? 0} days' notice`,
    );
  if (!p.notice.delivered)
    throw new ActionInputError(`community: the announcement (action ${p.notice.action_id}) has not gone out yet; the notice starts when it does`);
  // The answer's instants are UTC; a person reads these messages, so they name the workspace's wall-clock time.
  const local = makeFormatter((await loadSettings(db)).timezone);
  const shown = (iso: string) => local(Date.parse(iso));
  if (now < Date.parse(p.notice.execute_from))
    throw new ActionInputError(`community: the notice runs until ${shown(p.notice.execute_from)}; the list can be carried out from then`);
  if (p.notice.executed_at)
    throw new ActionInputError(
      `community: the list announced ${shown(p.notice.announced_at)} was carried out at ${shown(p.notice.executed_at)}; announce a new one`,
    );
  // Only members who were on the announced list: nobody is removed without notice.
  const announced = new Set(await announcedMembers(db, p.notice.action_id));
  const removed = p.candidates.filter((x) => announced.has(x.member_id));
  for (const x of removed) {
    await insertAction(db, {
      dedupe: `elimination|${p.community.id}|remove|${x.member_id}|${p.notice.action_id}`,
      rule: `elimination:${p.community.id}`,
      kind: 'remove',
      platform: p.community.platform,
      community: p.community.id,
      member: x.member_id,
      payload: {},
      reason: { detail: x.reasons.join('; ') },
      now,
    });
  }
  const row = await db.selectFrom('actions').select('payload').where('id', '=', p.notice.action_id).executeTakeFirstOrThrow();
  // updated_at stays: it is when the notice went out.
  await db
    .updateTable('actions')
    .set({ payload: JSON.stringify({ ...JSON.parse(row.payload), executed_at: now }) })
    .where('id', '=', p.notice.action_id)
    .execute();
  return { ...p, removed: removed.length };
}

async function announcedMembers(db: Kysely<Schema>, actionId: number): Promise<number[]> {
  const row = await db.selectFrom('actions').select('payload').where('id', '=', actionId).executeTakeFirstOrThrow();
  return (JSON.parse(row.payload) as { members?: number[] }).members ?? [];
}

/**
 * One scheduled run of a community's elimination (blueprint elimination.schedule): carry out a notice that has run
 * its course, else announce a new list when there is none pending. Returns the actions written.
 */
export async function scheduledElimination(db: Kysely<Schema>, communityId: number, now: number): Promise<number> {
  const p = await eliminationPreview(db, `id:${communityId}`, now);
  if (p.notice && !p.notice.executed_at) {
    if (!p.notice.delivered || now < Date.parse(p.notice.execute_from)) return 0;
    return (await executeElimination(db, `id:${communityId}`, now)).removed;
  }
  if (p.candidates.length === 0) return 0;
  await announceElimination(db, `id:${communityId}`, now);
  return 1;
}
