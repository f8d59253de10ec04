// Proposed actions → outbox rows. The dedupe key (rule, event, position) makes a second delivery of the same
// event a no-op; a blacklist takes effect here (it is our own state); joins inside a rule's batch window
// share one pending welcome instead of one message each.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { render, type Proposed } from '../../domain/automation/engine.js';

type Trx = Transaction<Schema>;
export interface Cause {
  rule: string; platform: string; eventId: string | null; at: number; memberId: number; communityId: number;
  memberName: string | null; batchSeconds: number; now: number;
}

export async function enqueue(trx: Trx, actions: Proposed[], c: Cause): Promise<number> {
  let n = 0;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    if (a.kind === 'send' && c.batchSeconds > 0 && await joinBatch(trx, a, c)) { n++; continue; }
    const batched = a.kind === 'send' && c.batchSeconds > 0;
    const payload = { text: a.text, seconds: a.seconds, tag: a.tag, step: a.step, ...(batched ? { template: a.template, vars: a.vars, members: [a.vars?.name ?? ''] } : {}) };
    const reason = { hits: a.hits, detail: a.detail };
    const inserted = await trx.insertInto('actions').values({
      dedupe: `${c.rule}|${c.platform}|${c.eventId ?? ''}|${i}`, rule: c.rule, kind: a.kind, platform: c.platform,
      community_id: c.communityId, member_id: c.memberId, event_id: c.eventId, event_at: c.at,
      payload: JSON.stringify(payload), reason: JSON.stringify(reason), status: 'pending', attempts: 0,
      due_at: batched ? c.at + c.batchSeconds * 1000 : c.now,
      created_at: c.now, updated_at: c.now,
    }).onConflict((oc) => oc.column('dedupe').doNothing()).returning('id').executeTakeFirst();
    if (!inserted) continue;
    n++;
    if (a.kind === 'blacklist') {
      await trx.insertInto('blacklist').values({ member_id: c.memberId, action_id: Number(inserted.id), reason: c.rule, created_at: c.now })
        .onConflict((oc) => oc.column('member_id').doNothing()).execute();
    }
  }
  return n;
}

/** Adds the member to a welcome of the same rule and community whose window (event time) is still open; false if none. */
async function joinBatch(trx: Trx, a: Proposed, c: Cause): Promise<boolean> {
  const open = await trx.selectFrom('actions').select(['id', 'payload']).where('rule', '=', c.rule).where('community_id', '=', c.communityId)
    .where('kind', '=', 'send').where('status', '=', 'pending').where('due_at', '>', c.at).orderBy('id', 'desc').executeTakeFirst();
  if (!open) return false;
  const p = JSON.parse(open.payload) as { template?: string; vars?: Record<string, string>; members?: string[] };
  const members = [...(p.members ?? []), a.vars?.name ?? ''];
  // The template's {name} becomes everyone welcomed at once.
  const text = render(p.template ?? a.template ?? '', { ...(p.vars ?? a.vars ?? {}), name: members.join('、') });
  await sql`UPDATE actions SET payload = ${JSON.stringify({ ...p, members, text })}, updated_at = ${c.now} WHERE id = ${open.id}`.execute(trx);
  return true;
}
