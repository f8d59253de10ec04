import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { IngestSession } from './session.js';

const dialects = await dialectsUnderTest();

const ev = (o: Record<string, unknown>) => JSON.stringify({ platform: 'wecom', ...o });

describe.each(dialects)('ingest (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  async function ingest(lines: string[], batch = 3) {
    const s = new IngestSession({ database: t!.database, hooks: [] }, batch);
    let n = 0;
    for (const text of lines) await s.add({ line: ++n, text });
    return s.finish();
  }

  it('accepts, counts duplicates and rejects conflicts and bad lines with the field named', async () => {
    t = await createTestDatabase(dialect);
    const lines = [
      ev({ id: 'e1', type: 'member.joined', at: '2026-11-01T10:00:00+08:00', community: 'g1', member: 'u1', name: '小明', channel: 'douyin' }),
      ev({ id: 'e2', type: 'message.sent', at: '2026-11-01T10:05:00+08:00', community: 'g1', member: 'u1', kind: 'text', text: '你好' }),
      ev({ id: 'e1', type: 'member.joined', at: '2026-11-01T10:00:00+08:00', community: 'g1', member: 'u1', name: '小明', channel: 'douyin' }),
      ev({ id: 'e2', type: 'message.sent', at: '2026-11-01T10:05:00+08:00', community: 'g1', member: 'u1', kind: 'text', text: '改了' }),
      'not json',
      ev({ id: 'e3', type: 'order.paid', at: '2026-11-01T11:00:00+08:00', member: 'u1', order: 'o1', amount: -5 }),
      ev({ id: 'e4', type: 'message.sent', at: '2026-11-01T10:05:00', community: 'g1', member: 'u1', kind: 'text' }),
    ];
    const r = await ingest(lines);
    expect(r.accepted).toBe(2);
    expect(r.duplicates).toBe(1);
    expect(r.rejected.map((x) => x.line)).toEqual([4, 5, 6, 7]);
    expect(r.rejected[0]!.reason).toMatch(/^id: conflict/);
    expect(r.rejected[1]!.reason).toMatch(/not valid JSON/);
    expect(r.rejected[2]!.reason).toMatch(/^amount: must not be negative/);
    expect(r.rejected[3]!.reason).toMatch(/^at: missing UTC offset/);
    const again = await ingest(lines.slice(0, 2));
    expect(again).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it('judges every delivery against the first accepted body; key order and spacing do not matter', async () => {
    t = await createTestDatabase(dialect);
    const a = { id: 'k1', platform: 'wecom', type: 'checkin.done', at: '2026-11-01T10:00:00+08:00', member: 'u1', challenge: 'A' };
    await ingest([JSON.stringify(a)]);
    const reordered = JSON.stringify({ challenge: 'A', member: 'u1', at: a.at, type: a.type, platform: 'wecom', id: 'k1' }, null, 1).replace(
      /\n/g,
      '',
    );
    const changed = JSON.stringify({ ...a, challenge: 'B' });
    const r = await ingest([changed, changed, reordered], 10);
    expect(r).toMatchObject({ accepted: 0, duplicates: 1, rejected_count: 2 });
    // Within one batch, the first delivery of a new id is the reference.
    const fresh = { ...a, id: 'k2' };
    const r2 = await ingest([JSON.stringify(fresh), JSON.stringify({ ...fresh, challenge: 'C' }), JSON.stringify({ ...fresh, challenge: 'C' })], 10);
    expect(r2).toMatchObject({ accepted: 1, duplicates: 0, rejected_count: 2 });
  });
});
