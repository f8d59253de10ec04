import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { createDayBucketer } from '../../domain/time/zone.js';
import { IngestSession } from './session.js';

const dialects = await dialectsUnderTest();

const ev = (o: Record<string, unknown>) => JSON.stringify({ platform: 'wecom', ...o });

describe.each(dialects)('ingest (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => { await t?.drop(); t = undefined; });

  async function ingest(lines: string[], batch = 3) {
    const s = new IngestSession({ database: t!.database, bucketer: createDayBucketer('Asia/Shanghai') }, batch);
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
});
