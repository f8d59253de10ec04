// Playbook occurrences → outbox rows, shaped like the rules' (kind send with payload.text, kind tag), keyed by
// playbook, step, occurrence instant and recipient: whatever reaches an occurrence twice (two workers, a retry
// after a crash between claim and commit) finds the key taken and writes nothing.
import type { Insertable, Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { chunks } from '../storage/chunks.js';
import type { PlaybookConfig, PlaybookStep } from '../config/automation-schema.js';
import { occurrenceKey, type Outcome } from '../domain/automation/schedule.js';
import { stepRule, stepText, type CommunityInfo } from './context.js';
import { makeWallClock } from '../domain/time/format.js';

type ActionRow = Insertable<Schema['actions']>;

export interface Occurrence {
  playbook: PlaybookConfig;
  step: PlaybookStep;
  at: number;
  outcome: Outcome;
  now: number;
  community: CommunityInfo;
  /** The member of a per-member step (a private message); null for a community step. */
  member: { id: number; name: string | null } | null;
  detail: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The rows of one occurrence: a send and/or a tag; a skipped occurrence is recorded with status skipped. */
export function occurrenceRows(o: Occurrence): ActionRow[] {
  const to = o.member ? { member: o.member.id } : { community: o.community.id };
  const why =
    o.outcome === 'late'
      ? `${o.detail}; sent late (missed: late)`
      : o.outcome === 'skip'
        ? `${o.detail}; skipped: reached ${Math.round((o.now - o.at) / 60_000)} min after its time (missed: skip)`
        : o.detail;
  const base = {
    rule: stepRule(o.playbook, o.step),
    platform: o.community.platform,
    community_id: o.community.id,
    member_id: o.member?.id ?? null,
    event_id: null,
    event_at: o.at,
    reason: JSON.stringify({ hits: [], detail: why, occurrence: iso(o.at), outcome: o.outcome }),
    status: o.outcome === 'skip' ? 'skipped' : 'pending',
    attempts: 0,
    due_at: o.now,
    created_at: o.now,
    updated_at: o.now,
  };
  const rows: ActionRow[] = [];
  const text = stepText(o.playbook, o.step, o.community, o.member ? (o.member.name ?? '新朋友') : null);
  if (text !== undefined) {
    rows.push({
      ...base,
      dedupe: occurrenceKey(o.playbook.key, o.step.key, o.at, to),
      kind: 'send',
      payload: JSON.stringify({ text, to: o.member ? 'member' : 'community' }),
    });
  }
  if (o.step.tag !== undefined && o.member) {
    rows.push({
      ...base,
      dedupe: occurrenceKey(o.playbook.key, o.step.key, o.at, to, 'tag'),
      kind: 'tag',
      payload: JSON.stringify({ tag: o.step.tag }),
    });
  }
  return rows;
}

/** Earlier occurrences of a community step passed over in one pass, recorded once as skipped. */
// Instants in the text a person reads are the workspace's wall-clock time with its offset.
export function supersededRow(o: Occurrence, count: number, latest: number, timezone: string): ActionRow {
  const clock = makeWallClock(timezone);
  return {
    dedupe: occurrenceKey(o.playbook.key, o.step.key, o.at, { community: o.community.id }, 'superseded'),
    rule: stepRule(o.playbook, o.step),
    kind: 'send',
    platform: o.community.platform,
    community_id: o.community.id,
    member_id: null,
    event_id: null,
    event_at: o.at,
    payload: JSON.stringify({ text: stepText(o.playbook, o.step, o.community, null) ?? null, to: 'community' }),
    reason: JSON.stringify({
      hits: [],
      detail: `${count} occurrence${count === 1 ? '' : 's'} from ${clock(o.at)} superseded by the one at ${clock(latest)}`,
      occurrence: iso(o.at),
      outcome: 'skip',
      count,
    }),
    status: 'skipped',
    attempts: 0,
    due_at: o.now,
    created_at: o.now,
    updated_at: o.now,
  };
}

export interface Written {
  sent: number;
  late: number;
  skipped: number;
}

/** Inserts rows whose key is free; counts what was written, by outcome. */
export async function writeRows(db: Kysely<Schema>, rows: ActionRow[]): Promise<Written> {
  const out: Written = { sent: 0, late: 0, skipped: 0 };
  if (rows.length === 0) return out;
  const taken = await existingKeys(
    db,
    rows.map((r) => r.dedupe),
  );
  const fresh = rows.filter((r) => !taken.has(r.dedupe));
  for (const part of chunks(fresh, 500)) {
    const r = await db
      .insertInto('actions')
      .values(part)
      .onConflict((oc) => oc.column('dedupe').doNothing())
      .returning(['dedupe', 'status', 'reason'])
      .execute();
    for (const x of r) {
      if (x.status === 'skipped') out.skipped++;
      else if ((JSON.parse(x.reason) as { outcome?: string }).outcome === 'late') out.late++;
      else out.sent++;
    }
  }
  return out;
}

/** The keys among these already in the outbox. */
export async function existingKeys(db: Kysely<Schema>, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(keys)], 500)) {
    for (const r of await db.selectFrom('actions').select('dedupe').where('dedupe', 'in', part).execute()) out.add(r.dedupe);
  }
  return out;
}
