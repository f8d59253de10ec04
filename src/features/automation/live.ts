// Rules on live events, inside the ingest transaction: the actions they propose land in the outbox in the same
// commit as the events (nothing lost), keyed by rule and event (nothing acted on twice). Only events at most
// `freshMinutes` old trigger anything, so importing the past never mutes anyone today.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { LedgerEvent } from '../../domain/events/types.js';
import type { AutoEvent, CompiledRule, Proposed } from '../../domain/automation/engine.js';
import { chunks } from '../../storage/chunks.js';
import { loadRules } from './rules.js';
import { PendingActions } from './enqueue.js';
import { staffOf } from './staff.js';
import { runGateRules } from './gates.js';
import type { IngestHook, StoredEvent } from '../ingest/hooks.js';

type Trx = Transaction<Schema>;
export type LiveEvent = StoredEvent;

const TYPES: Record<string, AutoEvent['type']> = { 'message.sent': 'message', 'member.joined': 'join', 'member.left': 'leave' };
/**
 * Connectors mark one-to-one relationships with tags: `<platform>:contact` when a customer adds a staff account
 * (WeCom add_external_contact), `<platform>:deleted-staff` when the customer deletes it (del_follow_user) — the
 * latter is a leave (reason quit) with no community, so churn alerts fire for it too.
 */
const tagged = (e: LedgerEvent, tag: string) => e.type === 'member.profile' && (e.tags_add ?? []).includes(`${e.platform}:${tag}`);
const isContact = (e: LedgerEvent) => tagged(e, 'contact');
const isContactLost = (e: LedgerEvent) => tagged(e, 'deleted-staff');
const triggerOf = (e: LedgerEvent): AutoEvent['type'] | undefined => (isContact(e) ? 'contact' : isContactLost(e) ? 'leave' : TYPES[e.type]);

export async function runLiveRules(trx: Trx, events: readonly LiveEvent[], now = Date.now()): Promise<number> {
  const { config, rules } = await loadRules(trx);
  const isFresh = (e: LiveEvent) => e.memberId !== null && e.atMs >= now - config.freshMinutes * 60_000 && e.atMs <= now + 5 * 60_000;
  const gateOutbox = new PendingActions();
  const gated = await runGateRules(
    trx,
    events.filter(isFresh).map((e) => ({ event: e.event, atMs: e.atMs, memberId: e.memberId! })),
    rules,
    gateOutbox,
    now,
  );
  await gateOutbox.flush(trx);
  const live = events
    .filter((e) => isFresh(e) && triggerOf(e.event) && (e.communityId !== null || isContact(e.event) || isContactLost(e.event)))
    .sort((a, b) => a.atMs - b.atMs);
  return gated + (await runEventRules(trx, live, rules, now));
}

/** Ingest's hook (composed in features/ingest-hooks.ts): the batch's actions commit with its events. */
export const liveRulesHook: IngestHook = {
  name: 'automation: live rules',
  async inTransaction(trx, batch) {
    await runLiveRules(trx, batch.events);
  },
};

/** Rules on the batch's live messages, joins, leaves and contacts (in time order). */
async function runEventRules(trx: Trx, live: LiveEvent[], rules: CompiledRule[], now: number): Promise<number> {
  if (live.length === 0) return 0;
  const blacklisted = await blacklistedAmong(trx, [...new Set(live.filter((e) => e.event.type === 'member.joined').map((e) => e.memberId!))]);
  const active = rules.filter((r) => r.config.enabled);
  if (active.length === 0 && blacklisted.size === 0) return 0;

  const memberIds = [...new Set(live.map((e) => e.memberId!))];
  const communityIds = [...new Set(live.filter((e) => e.communityId !== null).map((e) => e.communityId!))];
  const names = new Map<number, string | null>();
  const joins = new Map<string, number | null>();
  const strikes = new Map<string, number>();
  for (const part of chunks(memberIds, 500)) {
    for (const r of await trx.selectFrom('members').select(['id', 'name']).where('id', 'in', part).execute()) names.set(Number(r.id), r.name);
    for (const r of await trx
      .selectFrom('memberships')
      .select(['member_id', 'community_id', 'last_join_at'])
      .where('member_id', 'in', part)
      .execute()) {
      joins.set(`${r.member_id}:${r.community_id}`, r.last_join_at === null ? null : Number(r.last_join_at));
    }
    for (const r of await trx.selectFrom('strikes').select(['member_id', 'community_id', 'count']).where('member_id', 'in', part).execute()) {
      strikes.set(`${r.member_id}:${r.community_id}`, Number(r.count));
    }
  }
  const communities = new Map<number, { name: string | null; rules: string[] }>();
  const rows =
    communityIds.length === 0
      ? []
      : await trx.selectFrom('communities').select(['id', 'name', 'config_name', 'blueprint']).where('id', 'in', communityIds).execute();
  for (const r of rows) {
    const bp = r.blueprint ? (JSON.parse(r.blueprint) as { rules?: string[] }) : {};
    communities.set(Number(r.id), { name: r.config_name ?? r.name, rules: bp.rules ?? [] });
  }
  const recent = await recentMessages(trx, active, live);
  const staff = await staffOf(trx, communityIds);

  let proposed = 0;
  const outbox = new PendingActions();
  const touchedStrikes = new Map<string, number>();
  for (const e of live) {
    const ev = e.event;
    const k = `${e.memberId}:${e.communityId}`;
    const c = e.communityId === null ? undefined : communities.get(e.communityId);
    const auto: AutoEvent = {
      type: triggerOf(ev)!,
      at: e.atMs,
      platform: ev.platform,
      community: 'community' in ev ? (ev.community ?? '') : '',
      memberName: names.get(e.memberId!) ?? null,
      communityName: c?.name ?? null,
      text: ev.type === 'message.sent' ? (ev.text ?? null) : null,
      kind: ev.type === 'message.sent' ? ev.kind : null,
      reason: ev.type === 'member.left' ? ev.reason : isContactLost(ev) ? 'quit' : undefined,
    };
    const lists: { rule: string; actions: Proposed[]; batchSeconds?: number }[] = [];
    // A blacklisted member who rejoins is removed, and nothing else (no welcome) happens.
    const refused = ev.type === 'member.joined' && blacklisted.has(e.memberId!);
    if (refused) lists.push({ rule: '(blacklist)', actions: [{ kind: 'remove', hits: [], detail: 'blacklisted member rejoined' }] });
    const j = joins.get(k) ?? null;
    const ctx = {
      joinedAt: j !== null && j <= e.atMs ? j : null,
      strikes: 0,
      recent: recentUpTo(recent.get(k), e.atMs),
      communityRules: c?.rules ?? [],
      staff: e.communityId === null ? false : (staff.get(e.communityId)?.has(e.memberId!) ?? false),
    };
    for (const rule of refused ? [] : active) {
      if (!rule.appliesTo(auto)) continue;
      ctx.strikes = strikes.get(k) ?? 0;
      const actions = rule.evaluate(auto, ctx);
      if (actions.length === 0) continue;
      lists.push({ rule: rule.key, actions, batchSeconds: rule.config.batchSeconds });
      if (actions.some((a) => a.step !== undefined)) {
        strikes.set(k, (strikes.get(k) ?? 0) + 1);
        touchedStrikes.set(k, strikes.get(k)!);
      }
    }
    for (const l of lists) {
      proposed += await outbox.add(trx, l.actions, {
        rule: l.rule,
        platform: ev.platform,
        eventId: ev.id,
        at: e.atMs,
        memberId: e.memberId!,
        communityId: e.communityId,
        batchSeconds: l.batchSeconds ?? 0,
        now,
      });
    }
  }
  await outbox.flush(trx);
  for (const [k, count] of touchedStrikes) {
    if (k.endsWith(':null')) continue;
    const [member_id, community_id] = k.split(':').map(Number) as [number, number];
    await trx
      .insertInto('strikes')
      .values({ member_id, community_id, count, updated_at: now })
      .onConflict((oc) => oc.columns(['member_id', 'community_id']).doUpdateSet({ count, updated_at: now }))
      .execute();
  }
  return proposed;
}

const NONE: number[] = [];
/** The member's message instants up to t (the list is read only by flood rules; most events need none). */
function recentUpTo(list: number[] | undefined, t: number): number[] {
  if (!list) return NONE;
  let n = 0;
  while (n < list.length && list[n]! <= t) n++;
  return n === list.length ? list : list.slice(0, n);
}

async function blacklistedAmong(trx: Trx, ids: number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (const part of chunks(ids, 500))
    for (const r of await trx.selectFrom('blacklist').select('member_id').where('member_id', 'in', part).execute()) out.add(Number(r.member_id));
  return out;
}

/** Message instants per member:community within the longest flood window before each batch event. */
async function recentMessages(trx: Trx, rules: CompiledRule[], live: LiveEvent[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const window = Math.max(0, ...rules.map((r) => r.floodWindow));
  const messages = live.filter((e) => e.event.type === 'message.sent');
  if (window === 0 || messages.length === 0) return out;
  const lo = messages[0]!.atMs - window,
    hi = messages[messages.length - 1]!.atMs;
  for (const part of chunks([...new Set(messages.map((e) => e.memberId!))], 500)) {
    const rows = await sql<{ member_id: number; community_id: number; at_ms: number }>`SELECT member_id, community_id, at_ms FROM events
      WHERE member_id IN (${sql.join(part)}) AND type = 'message.sent' AND at_ms > ${lo} AND at_ms <= ${hi}`.execute(trx);
    for (const r of rows.rows) {
      const k = `${r.member_id}:${r.community_id}`;
      (out.get(k) ?? out.set(k, []).get(k)!).push(Number(r.at_ms));
    }
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
