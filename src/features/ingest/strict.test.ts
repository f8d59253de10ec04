// POST /api/v1/events on both dialects: the per-line limits (nesting, reserved keys, UTF-8) reject one line and
// keep the rest, a body stored before the limits never breaks a later delivery, and a JSON body must be events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp } from '../../test-support/app.js';
import { ingestBatch } from './service.js';

const dialects = await dialectsUnderTest();

const at = '2026-11-01T10:00:00+08:00';
const checkin = (id: string, extra = '') =>
  `{"platform":"wecom","id":"${id}","type":"checkin.done","at":"${at}","member":"u1","challenge":"c"${extra}}`;
const deep = (levels: number) => '{"x":'.repeat(levels) + '1' + '}'.repeat(levels);

describe.each(dialects)('strict event lines over HTTP (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
  });
  afterAll(() => h.drop());
  const send = async (body: string | Buffer, type?: string) => {
    const res = await h.post(body as string, type);
    return { status: res.status, body: (await res.json()) as any };
  };
  const stored = async (id: string) => (await h.ctx.database.db.selectFrom('events').select('event_id').where('event_id', '=', id).execute()).length;

  it('rejects a line nested 100,000 levels deep alone, keeps the others, and a re-delivery does not fail', async () => {
    const body = [checkin('d1'), checkin('d2', `,"extra":${deep(100_000)}`), checkin('d3')].join('\n');
    const first = await send(body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ accepted: 2, rejected_count: 1 });
    expect(first.body.rejected[0]).toEqual({
      line: 2,
      reason: 'extra.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x: nested deeper than 32 levels (the limit per event)',
    });
    const again = await send(body + '\n' + checkin('d2'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ accepted: 1, duplicates: 2, rejected_count: 1 });
    expect(await stored('d2')).toBe(1);
  });

  it('compares a new delivery with a deeply nested body stored before the cap: a conflict, the batch kept', async () => {
    // Written as an older version would have stored it, past today's validation.
    const legacy = checkin('old1', `,"extra":${deep(50_000)}`);
    await ingestBatch(await h.ctx.ingestContext(), [{ line: 1, value: { event: JSON.parse(checkin('old1')), atMs: Date.parse(at), body: legacy } }]);
    const r = await send([checkin('old1'), checkin('new1')].join('\n'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 1, rejected_count: 1, rejected: [{ line: 1, reason: expect.stringMatching(/^id: conflict/) }] });
  });

  it('refuses reserved keys with a reason', async () => {
    const profile = `{"platform":"wecom","id":"p1","type":"member.profile","at":"${at}","member":"u1","attributes":{"city":"上海","__proto__":"x"}}`;
    const r = await send([profile, checkin('k1', ',"constructor":{"a":1}')].join('\n'));
    expect(r.body.rejected).toEqual([
      { line: 1, reason: 'attributes.__proto__: reserved key (__proto__, constructor and prototype are refused)' },
      { line: 2, reason: 'constructor: reserved key (__proto__, constructor and prototype are refused)' },
    ]);
    expect(await stored('p1')).toBe(0);
  });

  it('rejects a line that is not UTF-8 naming the line and the byte, and stores the others', async () => {
    const bad = Buffer.concat([Buffer.from(checkin('u8-2').slice(0, 30)), Buffer.from([0xff]), Buffer.from(checkin('x').slice(30))]);
    const body = Buffer.concat([Buffer.from(checkin('u8-1') + '\n'), bad, Buffer.from('\n' + checkin('u8-3') + '\n')]);
    const r = await send(body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      accepted: 2,
      rejected: [{ line: 2, reason: 'not valid UTF-8: byte 30 (0xff) of the line (nothing of it was stored)' }],
    });
    expect(await stored('u8-3')).toBe(1);
  });

  it('answers 400 for a JSON body that is not events, or not UTF-8', async () => {
    for (const body of ['0', '"x"', 'null', 'true']) {
      const r = await send(body, 'application/json');
      expect(r.status, body).toBe(400);
      expect(r.body.error.message).toMatch(/^body: must be an event \(a JSON object\) or an array of events \(got (number|string|null|boolean)\)/);
    }
    expect((await send('[]', 'application/json')).body).toMatchObject({ accepted: 0, rejected_count: 0 });
    const notUtf8 = Buffer.concat([Buffer.from('[\n' + checkin('j1') + ',\n{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}]')]);
    const r = await send(notUtf8, 'application/json');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'invalid_utf8',
      message: expect.stringMatching(/^body is not valid UTF-8: byte \d+ \(0xc3\), on line 3/),
    });
    expect(await stored('j1')).toBe(0);
  });

  it('applies the same limits to a JSON array body, item by item', async () => {
    const items = `[${checkin('a1')},${checkin('a2', `,"extra":${deep(40)}`)}]`;
    const r = await send(items, 'application/json');
    expect(r.body).toMatchObject({ accepted: 1, rejected: [{ line: 2, reason: expect.stringMatching(/nested deeper than 32 levels/) }] });
  });
});
