// Erasure of one person on request (PIPL; docs/privacy.md): their personal data is replaced by tombstones in the
// ledger itself (domain/privacy/tombstone.ts) and in everything derived from it, while the member row, ids,
// memberships, orders, events and their types and instants stay, so every figure stays what it was. The person's
// identities are recorded in erased_identities, so events re-delivered for them later are blanked on the way in.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { takeWriterLock } from '../../storage/locks.js';
import { NotFoundError, InvalidInputError } from '../../domain/errors.js';
import { ERASED } from '../../domain/privacy/mask.js';
import { tombstoneBody } from '../../domain/privacy/tombstone.js';
import { canonicalJson } from '../../domain/events/validate.js';
import { graphEventsOf, recomputeProfiles } from '../ingest/derive.js';
import { recordChange } from '../analytics/metrics/period-cache.js';

export interface Erasure {
  member: number;
  identities: { platform: string; id: string }[];
  /** Ledger events whose personal fields were blanked now (0 when run again). */
  events: number;
  /** Automation actions about them whose texts were blanked; pending ones are skipped, not sent. */
  actions: number;
  erased_at: number;
}

/** Our member id (followed through merges) from `N`, `id:N`, or an identity `platform:id`. NotFoundError otherwise. */
export async function resolveMemberRef(db: Kysely<Schema>, ref: string): Promise<number> {
  const ours = /^(?:id:)?(\d{1,15})$/.exec(ref);
  let id: number | undefined;
  if (ours) id = Number(ours[1]);
  else {
    const colon = ref.indexOf(':');
    if (colon <= 0)
      throw new InvalidInputError(`member: expected our id (N or id:N) or platform:id (got ${JSON.stringify(ref)})`, { field: 'member' });
    const row = await db
      .selectFrom('identities')
      .select('member_id')
      .where('platform', '=', ref.slice(0, colon))
      .where('external_id', '=', ref.slice(colon + 1))
      .executeTakeFirst();
    if (!row) throw new NotFoundError(`member ${JSON.stringify(ref)} not found`);
    id = Number(row.member_id);
  }
  for (let hops = 0; hops < 100; hops++) {
    const m = await db.selectFrom('members').select('merged_into').where('id', '=', id).executeTakeFirst();
    if (!m) break;
    if (m.merged_into === null) return id;
    id = Number(m.merged_into);
  }
  throw new NotFoundError(`member ${JSON.stringify(ref)} not found`);
}

const PAGE = 1000;

/** Erases member `id` (already resolved) in one transaction under the writer lock. Running it again is harmless. */
export async function eraseMember(db: Kysely<Schema>, id: number, now = Date.now()): Promise<Erasure> {
  return db.transaction().execute(async (trx) => {
    await takeWriterLock(trx, 'new-version');
    const member = await trx.selectFrom('members').select(['id', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!member || member.merged_into !== null) throw new NotFoundError(`member ${id} not found`);
    const identities = await trx
      .selectFrom('identities')
      .select(['platform', 'external_id'])
      .where('member_id', '=', id)
      .orderBy('platform')
      .orderBy('external_id')
      .execute();

    // 1. The ledger: each of their events with its personal fields blanked (same id, type, instant, amounts).
    let events = 0;
    let earliestText: number | null = null;
    for (let after = -1; ;) {
      const rows = await trx
        .selectFrom('events')
        .select(['seq', 'type', 'at_ms', 'body'])
        .where('member_id', '=', id)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const body = JSON.parse(r.body) as Record<string, unknown>;
        const tomb = tombstoneBody(body);
        if (tomb === body) continue;
        await trx
          .updateTable('events')
          .set({ body: canonicalJson(tomb) })
          .where('seq', '=', Number(r.seq))
          .execute();
        events++;
        if (r.type === 'message.sent' && 'text' in body) earliestText = Math.min(earliestText ?? Infinity, Number(r.at_ms));
      }
      after = Number(rows[rows.length - 1]!.seq);
    }

    // 2. What is derived from those events: the profile and tags are refolded from the tombstones (first_phone_at,
    // and so the lead figures, stay). Text figures count what the ledger says now: the texts are gone.
    await recomputeProfiles(trx, [id], await graphEventsOf(trx, [id]));
    if (earliestText !== null) {
      await trx.deleteFrom('text_days_built').execute();
      await recordChange(trx, earliestText);
    }

    // 3. Automation's record of them: texts, names and matched words blanked; nothing more is sent to them.
    const actions = await trx.selectFrom('actions').select(['id', 'status', 'payload', 'reason']).where('member_id', '=', id).execute();
    for (const a of actions) {
      const skip = a.status === 'pending';
      await trx
        .updateTable('actions')
        .set({
          payload: JSON.stringify(blankStrings(JSON.parse(a.payload))),
          reason: JSON.stringify(blankStrings(JSON.parse(a.reason))),
          ...(skip ? { status: 'skipped', last_error: 'the member was erased', updated_at: now } : {}),
        })
        .where('id', '=', Number(a.id))
        .execute();
    }
    await sql`UPDATE blacklist SET reason = ${ERASED} WHERE member_id = ${id} AND reason <> ${ERASED}`.execute(trx);

    // 4. The marker: later deliveries of events for these identities are blanked on the way in.
    for (const i of identities)
      await trx
        .insertInto('erased_identities')
        .values({ platform: i.platform, external_id: i.external_id, member_id: id, erased_at: now })
        .onConflict((oc) => oc.columns(['platform', 'external_id']).doNothing())
        .execute();

    return {
      member: id,
      identities: identities.map((i) => ({ platform: i.platform, id: i.external_id })),
      events,
      actions: actions.length,
      erased_at: now,
    };
  });
}

// Every string in an action's payload or reason (texts sent, names, matched words) becomes the tombstone; numbers,
// booleans and the shape stay, so the outbox and the moderation log still read it.
function blankStrings(v: unknown): unknown {
  if (typeof v === 'string') return v === '' ? v : ERASED;
  if (Array.isArray(v)) return v.map(blankStrings);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, blankStrings(x)]));
  return v;
}
