// Proposed actions → outbox rows. The dedupe key (rule, event, position) makes a second delivery of the same
// event a no-op; a blacklist takes effect here (it is our own state); joins inside a rule's batch window
// share one pending welcome instead of one message each.
import { sql, type Insertable, type Transaction } from 'kysely';
import { chunks } from '../../storage/chunks.js';
import type { Schema } from '../../storage/schema.js';
import { render, type Proposed } from '../../domain/automation/engine.js';

type Trx = Transaction<Schema>;
export interface Cause {
  rule: string;
  platform: string;
  eventId: string | null;
  at: number;
  memberId: number;
  communityId: number | null;
  batchSeconds: number;
  now: number;
}

type ActionRow = Insertable<Schema['actions']>;

/** Actions of one batch, written together at the end (one multi-row insert per 500, not one statement each). */
export class PendingActions {
  private rows: ActionRow[] = [];
  private blacklists: { dedupe: string; member_id: number; reason: string }[] = [];

  async add(trx: Trx, actions: Proposed[], c: Cause): Promise<number> {
    let n = 0;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i]!;
      const batched = a.kind === 'send' && c.batchSeconds > 0;
      // Welcomes in a batch window merge into the open one, so they are written at once (there are few).
      if (batched && (await joinBatch(trx, a, c))) {
        n++;
        continue;
      }
      const payload = {
        text: a.text,
        seconds: a.seconds,
        tag: a.tag,
        step: a.step,
        to: a.to,
        ...(batched ? { template: a.template, vars: a.vars, members: [a.vars?.name ?? ''] } : {}),
      };
      const dedupe = `${c.rule}|${c.platform}|${c.eventId ?? ''}|${i}`;
      const row: ActionRow = {
        dedupe,
        rule: c.rule,
        kind: a.kind,
        platform: c.platform,
        community_id: c.communityId,
        member_id: c.memberId,
        event_id: c.eventId,
        event_at: c.at,
        payload: JSON.stringify(payload),
        reason: JSON.stringify({ hits: a.hits, detail: a.detail }),
        status: 'pending',
        attempts: 0,
        due_at: batched ? c.at + c.batchSeconds * 1000 : c.now,
        created_at: c.now,
        updated_at: c.now,
      };
      if (batched)
        await trx
          .insertInto('actions')
          .values(row)
          .onConflict((oc) => oc.column('dedupe').doNothing())
          .execute();
      else this.rows.push(row);
      if (a.kind === 'blacklist') this.blacklists.push({ dedupe, member_id: c.memberId, reason: c.rule });
      n++;
    }
    return n;
  }

  async flush(trx: Trx): Promise<void> {
    for (const part of chunks(this.rows, 500))
      await trx
        .insertInto('actions')
        .values(part)
        .onConflict((oc) => oc.column('dedupe').doNothing())
        .execute();
    this.rows = [];
    // A blacklist is our own state: it takes effect with the action that records it.
    for (const b of this.blacklists) {
      const row = await trx.selectFrom('actions').select('id').where('dedupe', '=', b.dedupe).executeTakeFirstOrThrow();
      await trx
        .insertInto('blacklist')
        .values({ member_id: b.member_id, action_id: Number(row.id), reason: b.reason, created_at: Date.now() })
        .onConflict((oc) => oc.column('member_id').doNothing())
        .execute();
    }
    this.blacklists = [];
  }
}

/** Adds the member to a welcome of the same rule and community whose window (event time) is still open; false if none. */
async function joinBatch(trx: Trx, a: Proposed, c: Cause): Promise<boolean> {
  if (c.communityId === null) return false;
  const open = await trx
    .selectFrom('actions')
    .select(['id', 'payload'])
    .where('rule', '=', c.rule)
    .where('community_id', '=', c.communityId)
    .where('kind', '=', 'send')
    .where('status', '=', 'pending')
    .where('due_at', '>', c.at)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!open) return false;
  const p = JSON.parse(open.payload) as { template?: string; vars?: Record<string, string>; members?: string[] };
  const members = [...(p.members ?? []), a.vars?.name ?? ''];
  // The template's {name} becomes everyone welcomed at once.
  const text = render(p.template ?? a.template ?? '', { ...(p.vars ?? a.vars ?? {}), name: members.join('、') });
  await sql`UPDATE actions SET payload = ${JSON.stringify({ ...p, members, text })}, updated_at = ${c.now} WHERE id = ${open.id}`.execute(trx);
  return true;
}
