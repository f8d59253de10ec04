// The audit log and its controls: list actions with why they happened, undo (unmute, lift a blacklist), and send
// a dead action again.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { ActionKind } from '../../domain/automation/engine.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';

/** A request automation refuses: an unknown status or rule, an action that cannot be undone or retried, an elimination not due (400). */
export class ActionInputError extends InvalidInputError {}
export class ActionNotFound extends NotFoundError {}

export const STATUSES = ['pending', 'sending', 'done', 'dead', 'undone', 'skipped'] as const;
/** What an action does: the rules' kinds and the two undos. */
export const ACTION_KINDS = [
  'delete',
  'warn',
  'mute',
  'remove',
  'blacklist',
  'send',
  'reply',
  'tag',
  'notify',
  'approve',
  'decline',
  'unmute',
  'unblacklist',
] as const;
export type StoredActionKind = (typeof ACTION_KINDS)[number];
// Fails to compile when the engine gains a kind this list lacks.
true satisfies [Exclude<ActionKind, StoredActionKind>] extends [never] ? true : false;

/** The kinds the moderation log lists: deletions, warnings, mutes, removals, blacklists. */
export const MODERATION_KINDS = ['delete', 'warn', 'mute', 'remove', 'blacklist'] as const;

function shape(r: Record<string, unknown>) {
  const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)).toISOString());
  const at = (v: unknown) => new Date(Number(v)).toISOString();
  return {
    id: Number(r.id),
    rule: r.rule as string,
    kind: r.kind as StoredActionKind,
    platform: r.platform as string,
    status: r.status as (typeof STATUSES)[number],
    community_id: r.community_id === null ? null : Number(r.community_id),
    member_id: r.member_id === null ? null : Number(r.member_id),
    member_name: (r.member_name as string | null) ?? null,
    event_id: r.event_id as string | null,
    event_at: iso(r.event_at),
    payload: JSON.parse(String(r.payload)) as Record<string, unknown>,
    reason: JSON.parse(String(r.reason)) as Record<string, unknown>,
    attempts: Number(r.attempts),
    due_at: at(r.due_at),
    last_error: r.last_error as string | null,
    undo_of: r.undo_of === null ? null : Number(r.undo_of),
    created_at: at(r.created_at),
    updated_at: at(r.updated_at),
  };
}
export type ActionView = ReturnType<typeof shape>;

export async function listActions(
  db: Kysely<Schema>,
  q: { status?: string; rule?: string; member?: number; kind?: string; page: number; pageSize: number; within?: readonly number[] },
) {
  if (q.status !== undefined && !(STATUSES as readonly string[]).includes(q.status))
    throw new ActionInputError(`status: unknown status ${JSON.stringify(q.status)} (one of ${STATUSES.join(', ')})`);
  let query = db.selectFrom('actions as a').leftJoin('members as m', 'm.id', 'a.member_id').selectAll('a').select('m.name as member_name');
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.rule) query = query.where('a.rule', '=', q.rule);
  if (q.kind) query = query.where('a.kind', '=', q.kind);
  if (q.member !== undefined) query = query.where('a.member_id', '=', q.member);
  // An operator's read scope: actions in their communities (workspace-wide ones, such as blacklists, are not).
  if (q.within !== undefined) query = query.where('a.community_id', 'in', q.within.length ? [...q.within] : [-1]);
  const total = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('a.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const counts = await db
    .selectFrom('actions')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  return {
    total: Number(total.n),
    page: q.page,
    page_size: q.pageSize,
    by_status: Object.fromEntries(STATUSES.map((s) => [s, Number(counts.find((c) => c.status === s)?.n ?? 0)])) as Record<
      (typeof STATUSES)[number],
      number
    >,
    items: rows.map((r) => shape(r as Record<string, unknown>)),
  };
}

async function load(db: Kysely<Schema>, id: number) {
  const r = await db
    .selectFrom('actions as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .selectAll('a')
    .select('m.name as member_name')
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new ActionNotFound(`action ${id} not found`);
  return shape(r as Record<string, unknown>);
}
export const getAction = load;

const UNDO: Record<string, string> = { mute: 'unmute', blacklist: 'unblacklist' };

/**
 * Undoes a mute (an unmute goes out) or a blacklist (lifted now; an unblacklist goes out). A pending action is
 * simply cancelled. Deletions, removals and sent messages cannot be taken back on the platforms; that is an error.
 */
export async function undoAction(db: Kysely<Schema>, id: number, now = Date.now()) {
  const a = await load(db, id);
  if (a.status === 'undone') throw new ActionInputError(`action ${id} is already undone`);
  if (a.status === 'skipped') throw new ActionInputError(`action ${id} was skipped (a missed playbook step): nothing went out, nothing to undo`);
  if (a.status === 'sending') throw new ActionInputError(`action ${id} is being delivered right now; undo it in a minute, once it has gone out`);
  if (a.kind.startsWith('un')) throw new ActionInputError(`action ${id} is itself an undo (${a.kind})`);
  const inverse = UNDO[a.kind];
  if (a.status === 'done' && !inverse)
    throw new ActionInputError(`action ${id}: a ${a.kind} that went out cannot be undone on the platform (only mute and blacklist can)`);
  await db.transaction().execute(async (trx) => {
    // Only from the state read above: a worker claiming the action meanwhile makes this a no-op, reported below.
    const r = await trx
      .updateTable('actions')
      .set({ status: 'undone', updated_at: now })
      .where('id', '=', id)
      .where('status', '=', a.status)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      throw new ActionInputError(`action ${id} changed while being undone (a worker picked it up); look again and retry`);
    if (a.kind === 'blacklist') await trx.deleteFrom('blacklist').where('member_id', '=', a.member_id!).execute();
    // The ladder step it took is given back, when it was the member's latest.
    const step = typeof a.payload.step === 'number' ? a.payload.step : null;
    if (step !== null && a.member_id !== null && a.community_id !== null) {
      await trx
        .updateTable('strikes')
        .set({ count: step - 1, updated_at: now })
        .where('member_id', '=', a.member_id)
        .where('community_id', '=', a.community_id)
        .where('count', '=', step)
        .execute();
    }
    if (a.status !== 'done') return;
    await trx
      .insertInto('actions')
      .values({
        dedupe: `undo|${id}`,
        rule: a.rule,
        kind: inverse!,
        platform: a.platform,
        community_id: a.community_id,
        member_id: a.member_id,
        event_id: a.event_id,
        event_at: a.event_at === null ? null : Date.parse(a.event_at),
        payload: '{}',
        reason: JSON.stringify({ detail: `operator undid action ${id}` }),
        status: 'pending',
        attempts: 0,
        due_at: now,
        undo_of: id,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('dedupe').doNothing())
      .execute();
  });
  return load(db, id);
}

/** A dead action goes back to the outbox, due now, with its attempts reset. */
export async function retryAction(db: Kysely<Schema>, id: number, now = Date.now()) {
  const a = await load(db, id);
  if (a.status !== 'dead') throw new ActionInputError(`action ${id} is ${a.status}; only dead actions can be retried`);
  await sql`UPDATE actions SET status = 'pending', attempts = 0, due_at = ${now}, updated_at = ${now} WHERE id = ${id}`.execute(db);
  return load(db, id);
}
