// Ingest's hooks as a mechanism (the real ones are features/ingest-hooks.test.ts): in order, inside the batch's
// transaction (their writes commit and roll back with the events), afterCommit only once committed, none for a
// batch of duplicates, member ids after the batch's merges, and a context without hooks refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { parseEventLine } from '../../domain/events/validate.js';
import { ingestBatch, type BatchItem, type IngestContext } from './service.js';
import type { IngestHook } from './hooks.js';

const dialects = await dialectsUnderTest();

const item = (line: number, o: Record<string, unknown>): BatchItem => {
  const r = parseEventLine(JSON.stringify({ platform: 'wecom', at: '2026-11-01T10:00:00+08:00', ...o }));
  if (!r.ok) throw new Error(r.reason);
  return { line, value: r.value };
};
const join = (id: string, member: string) => ({ id, type: 'member.joined', community: 'g1', member });

describe.each(dialects)('ingest hooks (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  const eventCount = async () =>
    Number(
      (
        await t!.database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const mark = async (key: string) =>
    (await t!.database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;

  /** A hook that logs its calls and writes a settings row in the batch's transaction. */
  function recorder(name: string, log: string[]): IngestHook {
    return {
      name,
      async inTransaction(trx, batch) {
        log.push(`${name}:in:${batch.events.length}`);
        // Inside the transaction the batch's events are there to read.
        const n = Number(
          (
            await trx
              .selectFrom('events')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        await trx
          .insertInto('settings')
          .values({ key: `hook:${name}`, value: String(n) })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(n) }))
          .execute();
      },
      async afterCommit(batch) {
        log.push(`${name}:after:${batch.events.length}`);
        log.push(`${name}:committed:${await eventCount()}`);
      },
    };
  }

  it('runs every hook in order in the transaction, then afterCommit; a batch of duplicates runs none', async () => {
    t = await createTestDatabase(dialect);
    const log: string[] = [];
    const ctx: IngestContext = { database: t.database, hooks: [recorder('a', log), recorder('b', log)] };
    const r = await ingestBatch(ctx, [item(1, join('e1', 'u1')), item(2, join('e2', 'u2'))]);
    expect(r.accepted).toBe(2);
    expect(log).toEqual(['a:in:2', 'b:in:2', 'a:after:2', 'a:committed:2', 'b:after:2', 'b:committed:2']);
    expect([await mark('hook:a'), await mark('hook:b')]).toEqual(['2', '2']);
    log.length = 0;
    expect(await ingestBatch(ctx, [item(1, join('e1', 'u1'))])).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(log).toEqual([]);
  });

  it('a failing hook rolls the batch back with what earlier hooks wrote, and nothing runs after commit', async () => {
    t = await createTestDatabase(dialect);
    const log: string[] = [];
    const failing: IngestHook = {
      name: 'failing',
      async inTransaction() {
        throw new Error('hook failed');
      },
      async afterCommit() {
        log.push('failing:after');
      },
    };
    const ctx: IngestContext = { database: t.database, hooks: [recorder('a', log), failing] };
    await expect(ingestBatch(ctx, [item(1, join('e1', 'u1'))])).rejects.toThrow('hook failed');
    expect(log).toEqual(['a:in:1']);
    expect(await eventCount()).toBe(0);
    expect(await mark('hook:a')).toBeNull();
  });

  it('hands the hooks our ids, members as merged by the batch', async () => {
    t = await createTestDatabase(dialect);
    const seen: { type: string; memberId: number | null; communityId: number | null }[] = [];
    const ctx: IngestContext = {
      database: t.database,
      hooks: [
        {
          name: 'seen',
          async inTransaction(_trx, b) {
            for (const e of b.events) seen.push({ type: e.event.type, memberId: e.memberId, communityId: e.communityId });
          },
        },
      ],
    };
    await ingestBatch(ctx, [
      item(1, join('e1', 'u1')),
      item(2, join('e2', 'u2')),
      item(3, { id: 'e3', type: 'member.linked', member: 'u1', other_platform: 'wecom', other_member: 'u2', at: '2026-11-01T11:00:00+08:00' }),
    ]);
    const ids = await t.database.db.selectFrom('identities').select(['member_id']).execute();
    const winner = Math.min(...ids.map((i) => Number(i.member_id)));
    expect(seen.map((s) => s.memberId)).toEqual([winner, winner, winner]);
    expect(seen.filter((s) => s.type === 'member.joined').every((s) => s.communityId !== null)).toBe(true);
  });

  it('refuses a context without hooks (plain JavaScript callers), before storing anything', async () => {
    t = await createTestDatabase(dialect);
    const untyped = JSON.parse('{}') as { hooks: IngestContext['hooks'] };
    await expect(ingestBatch({ database: t.database, hooks: untyped.hooks }, [item(1, join('e1', 'u1'))])).rejects.toThrow(
      /no hooks.*ingestContextFor/,
    );
    expect(await eventCount()).toBe(0);
  });
});
