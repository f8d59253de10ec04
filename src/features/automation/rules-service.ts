// Rules for operators: list them with what they did lately, switch them on and off, test a text against the
// message rules, and dry-run one over a past period of the ledger (what it would have done, nothing sent).
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { CompiledRule, type AutoEvent, type Proposed } from '../../domain/automation/engine.js';
import { ratio } from '../../domain/metrics/rates.js';
import { loadSettings } from '../workspace/settings.js';
import { parseInput } from '../analytics/metrics/service.js';
import { checkPeriod, PERIOD_LIMITS } from '../../domain/time/limits.js';
import { loadRules } from './rules.js';
import { ActionInputError } from './actions.js';
import { staffOf } from './staff.js';

export async function listRules(db: Kysely<Schema>, now = Date.now()) {
  const { config, rules } = await loadRules(db);
  const since = now - 7 * 86_400_000;
  const counts = await db
    .selectFrom('actions')
    .select(['rule', 'kind', (eb) => eb.fn.countAll().as('n')])
    .where('created_at', '>=', since)
    .groupBy(['rule', 'kind'])
    .execute();
  return {
    fresh_minutes: config.freshMinutes,
    lists: Object.fromEntries(Object.entries(config.lists).map(([k, v]) => [k, v.length])),
    ladders: config.ladders,
    rules: rules.map((r) => ({
      key: r.key,
      on: r.config.on,
      enabled: r.config.enabled,
      description: r.config.description ?? null,
      communities: r.config.communities ?? null,
      match: r.config.match ?? null,
      actions: r.config.actions,
      ladder: r.config.ladder ?? null,
      last_7_days: Object.fromEntries(counts.filter((c) => c.rule === r.key).map((c) => [c.kind, Number(c.n)])),
      // FAQ rules: questions answered automatically / all questions the rule saw (answered or handed to an operator).
      answered_share: r.config.actions.includes('answer') ? share(counts.filter((c) => c.rule === r.key)) : undefined,
    })),
  };
}

function share(rows: { kind: string; n: unknown }[]): number | null {
  const replied = Number(rows.find((c) => c.kind === 'reply')?.n ?? 0),
    handed = Number(rows.find((c) => c.kind === 'notify')?.n ?? 0);
  return ratio(replied, replied + handed);
}

export async function toggleRule(db: Kysely<Schema>, key: string, enabled: boolean, now = Date.now()) {
  const { rules } = await loadRules(db);
  if (!rules.some((r) => r.key === key))
    throw new ActionInputError(
      `rule: unknown rule ${JSON.stringify(key)} (rules: ${rules.map((r) => r.key).join(', ') || 'none — add them under automation.rules in qunyun.yaml'})`,
    );
  await db
    .insertInto('rule_toggles')
    .values({ rule: key, enabled: enabled ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.column('rule').doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: now }))
    .execute();
  return { key, enabled };
}

const view = (rule: string, a: Proposed) => ({
  rule,
  kind: a.kind,
  text: a.text,
  seconds: a.seconds,
  tag: a.tag,
  step: a.step,
  hits: a.hits,
  detail: a.detail,
});

/** What the message rules would do with this text from a member who joined long ago and has no strikes. */
export async function testText(db: Kysely<Schema>, q: { text: string; community?: string; rule?: string }) {
  const { rules } = await loadRules(db);
  if (q.rule !== undefined && !rules.some((r) => r.key === q.rule)) throw new ActionInputError(`rule: unknown rule ${JSON.stringify(q.rule)}`);
  const at = Date.now();
  const ev: AutoEvent = {
    type: 'message',
    at,
    platform: 'test',
    community: q.community ?? '',
    memberName: null,
    communityName: null,
    text: q.text,
    kind: 'text',
  };
  const out = [];
  for (const r of rules) {
    if (q.rule !== undefined && r.key !== q.rule) continue;
    // Without a community, test every rule as if it applied here.
    const probe = q.community === undefined ? { ...ev, community: r.config.communities?.[0] ?? '' } : ev;
    for (const a of r.evaluate(probe, { joinedAt: at - 365 * 86_400_000, strikes: 0, recent: [at], communityRules: [] })) out.push(view(r.key, a));
  }
  return { text: q.text, actions: out };
}

const TYPES: Record<string, AutoEvent['type']> = { 'message.sent': 'message', 'member.joined': 'join', 'member.left': 'leave' };

/** Replays [from, to) through one rule with a fresh ladder; nothing is stored or sent. */
export async function dryRun(db: Kysely<Schema>, q: { rule: string; from: string; to: string; sample?: number }) {
  const { rules, config } = await loadRules(db);
  const rule = rules.find((r) => r.key === q.rule);
  if (!rule) throw new ActionInputError(`rule: unknown rule ${JSON.stringify(q.rule)}`);
  const { timezone } = await loadSettings(db);
  const from = parseInput(q.from, timezone, 'from'),
    to = parseInput(q.to, timezone, 'to');
  checkPeriod(from, to, PERIOD_LIMITS.dryRun);
  // A dry run shows what a switched-off rule would do too.
  const live = new CompiledRule({ ...rule.config, enabled: true }, rule.ladder, config.lists);
  const communities = new Map(
    (await db.selectFrom('communities').select(['id', 'external_id', 'name', 'config_name', 'blueprint']).execute()).map((c) => [
      Number(c.id),
      { key: c.external_id, name: c.config_name ?? c.name, rules: (c.blueprint ? JSON.parse(c.blueprint).rules : undefined) ?? [] },
    ]),
  );
  const staff = await staffOf(db, [...communities.keys()]);
  const strikes = new Map<string, number>(),
    recent = new Map<string, number[]>(),
    joined = new Map<string, number>();
  const byKind: Record<string, number> = {};
  const samples: (ReturnType<typeof view> & { at: string; member_id: number; event_id: string })[] = [];
  let scanned = 0;
  // An hour of the ledger at a time: each window is an index range on (type, at_ms), whatever the period's length.
  for (let w = from; w < to; w += 3_600_000) {
    const rows = await sql<{
      seq: number;
      at_ms: number;
      platform: string;
      event_id: string;
      type: string;
      member_id: number | null;
      community_id: number | null;
      body: string;
    }>`
      SELECT seq, at_ms, platform, event_id, type, member_id, community_id, body FROM events
      WHERE type IN ('message.sent', 'member.joined', 'member.left') AND at_ms >= ${w} AND at_ms < ${Math.min(to, w + 3_600_000)}
      ORDER BY at_ms, seq`.execute(db);
    for (const r of rows.rows) {
      scanned++;
      if (r.member_id === null || r.community_id === null) continue;
      const k = `${r.member_id}:${r.community_id}`,
        at = Number(r.at_ms);
      const body = JSON.parse(r.body) as { text?: string; kind?: string; name?: string; reason?: string };
      const c = communities.get(Number(r.community_id));
      if (r.type === 'member.joined') joined.set(k, at);
      if (r.type === 'message.sent') {
        const list = (recent.get(k) ?? []).filter((t) => t > at - rule.floodWindow);
        list.push(at);
        recent.set(k, list);
      }
      const ev: AutoEvent = {
        type: TYPES[r.type]!,
        at,
        platform: r.platform,
        community: c?.key ?? '',
        memberName: body.name ?? null,
        communityName: c?.name ?? null,
        text: body.text ?? null,
        kind: body.kind ?? null,
        reason: body.reason,
      };
      const acts = live.evaluate(ev, {
        joinedAt: joined.get(k) ?? null,
        strikes: strikes.get(k) ?? 0,
        recent: recent.get(k) ?? [],
        communityRules: c?.rules ?? [],
        staff: staff.get(Number(r.community_id))?.has(Number(r.member_id)) ?? false,
      });
      if (acts.some((a) => a.step !== undefined)) strikes.set(k, (strikes.get(k) ?? 0) + 1);
      for (const a of acts) {
        byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
        if (samples.length < (q.sample ?? 50))
          samples.push({ ...view(rule.key, a), at: new Date(at).toISOString(), member_id: Number(r.member_id), event_id: r.event_id });
      }
    }
  }
  return {
    rule: rule.key,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    events_scanned: scanned,
    actions: byKind,
    members_struck: strikes.size,
    samples,
  };
}
