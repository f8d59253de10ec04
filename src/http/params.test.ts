// The strict parameter builders, alone and through the app: one spelling per value, a 400 naming the parameter
// and the value otherwise, and an OpenAPI document that declares exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from '@hono/zod-openapi';
import { boolParam, dateParam, DATE_OR_INSTANT_PATTERN, enumParam, intParam } from './params.js';
import { dialectsUnderTest } from '../test-support/databases.js';
import { createTestApp } from '../test-support/app.js';

const issue = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? { ok: r.data } : r.error.issues[0]!.message;
};

describe('parameter builders', () => {
  it('takes true and false only', () => {
    const b = boolParam('x');
    expect([issue(b, 'true'), issue(b, 'false')]).toEqual([{ ok: true }, { ok: false }]);
    for (const v of ['1', '0', 'yes', 'TRUE', 'True', '', ' true']) expect(issue(b, v)).toBe(`expected true or false (got ${JSON.stringify(v)})`);
  });

  it('takes decimal digits only, within the range', () => {
    const n = intParam({ min: 1, max: 500 });
    expect(issue(n, '42')).toEqual({ ok: 42 });
    expect(issue(n, '007')).toEqual({ ok: 7 });
    for (const v of ['0x10', '1e3', '-1', '+1', '1.0', ' 1', '1 ', '', 'Infinity', '١٢', '99999999999999999'])
      expect(issue(n, v)).toBe(`expected a whole number in decimal digits (got ${JSON.stringify(v)})`);
    expect(issue(n, '0')).toBe('must be from 1 to 500 (got 0)');
    expect(issue(n, '501')).toBe('must be from 1 to 500 (got 501)');
  });

  it('agrees with the plain reading of every decimal it takes', () => {
    const n = intParam({ min: 0 });
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = n.safeParse(s);
        expect(r.success).toBe(/^[0-9]+$/.test(s));
        if (r.success) expect(r.data).toBe(parseInt(s, 10));
      }),
    );
  });

  it('names the choices and the value of an enum', () => {
    expect(issue(enumParam(['day', 'week']), 'Day')).toBe('expected one of day, week (got "Day")');
  });

  it('takes a date or an instant with offset, and says what is wrong otherwise', () => {
    const d = dateParam('x');
    expect(issue(d, '2026-11-01')).toEqual({ ok: '2026-11-01' });
    expect(issue(d, '2026-11-01T20:00:00+08:00')).toEqual({ ok: '2026-11-01T20:00:00+08:00' });
    expect(issue(d, '2026-11-01T20:00')).toMatch(/missing UTC offset/);
    expect(issue(d, '1730000000')).toMatch(/^expected a date \(YYYY-MM-DD\) or an instant with offset/);
    // The declared pattern takes every value the parameter takes.
    const pattern = new RegExp(DATE_OR_INSTANT_PATTERN);
    for (const v of ['2026-11-01', '2026-11-01T20:00:00+08:00', '2026-11-01T12:00:00.250Z', '2026-11-01 20:00+0800']) {
      expect(d.safeParse(v).success, v).toBe(true);
      expect(pattern.test(v), v).toBe(true);
    }
  });
});

const dialects = await dialectsUnderTest();

describe.each(dialects)('strict parameters over HTTP (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
  });
  afterAll(() => h.drop());
  const events = async () =>
    Number(
      (
        await h.ctx.database.db
          .selectFrom('events')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.each([
    ['/api/v1/members?page=0x10', 'page: expected a whole number in decimal digits (got "0x10")'],
    ['/api/v1/members?page_size=1e3', 'page_size: expected a whole number in decimal digits (got "1e3")'],
    ['/api/v1/members?page=0', 'page: must be from 1 to 9007199254740991 (got 0)'],
    ['/api/v1/members/0x10', 'id: expected a whole number in decimal digits (got "0x10")'],
    ['/api/v1/members/1e3', 'id: expected a whole number in decimal digits (got "1e3")'],
    ['/api/v1/members/5?timeline_limit=-1', 'timeline_limit: expected a whole number in decimal digits (got "-1")'],
    ['/api/v1/members?present=1', 'present: expected true or false (got "1")'],
    ['/api/v1/actions?member=0x10', 'member: expected a whole number in decimal digits (got "0x10")'],
    ['/api/v1/faq?days=7.5', 'days: expected a whole number in decimal digits (got "7.5")'],
    ['/api/v1/metrics?from=2026-11-01T00:00&to=2026-11-02', 'from: expected a date (YYYY-MM-DD) or an instant with offset — missing UTC offset'],
    ['/api/v1/metrics?from=2026-11-01&to=2026-11-02&by=Week', 'by: expected one of day, week, month (got "Week")'],
  ])('%s → 400 naming the parameter and the value', async (path, message) => {
    const r = await h.get(path);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(message);
  });

  it('refuses a loose id in a path that changes something', async () => {
    const res = await h.app.request('/api/v1/tokens/1e0', { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe('id: expected a whole number in decimal digits (got "1e0")');
  });

  it.each(['0', '"x"', '[]', 'null'])('a JSON body %s that is not an object answers 400 naming the body', async (body) => {
    const res = await h.app.request('/api/v1/users', { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(/^\(body\): Invalid input: expected object, received (number|string|array|null)$/);
  });

  it('takes the plain spellings', async () => {
    expect((await h.get('/api/v1/members?page=2&page_size=10&present=false')).body).toMatchObject({ page: 2, page_size: 10 });
    expect((await h.get('/api/v1/members/007')).status).toBe(404);
  });

  it.each(['1', 'yes', 'TRUE', 'on'])('an import with dry_run=%s is refused (400) and writes nothing', async (v) => {
    const before = await events();
    const res = await h.app.request(`/api/v1/import/members?dry_run=${v}`, {
      method: 'POST',
      body: 'name,phone\n小明,13800000001\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toBe(`dry_run: expected true or false (got "${v}")`);
    expect(await events()).toBe(before);
  });

  it('dry_run=true validates and writes nothing; dry_run=false writes', async () => {
    const send = (v: string) =>
      h.app.request(`/api/v1/import/members?dry_run=${v}`, {
        method: 'POST',
        body: 'name,phone\n小红,13800000002\n',
        headers: { 'content-type': 'text/csv' },
      });
    const before = await events();
    expect(await (await send('true')).json()).toMatchObject({ dry_run: true, valid: 1, accepted: 0 });
    expect(await events()).toBe(before);
    expect(await (await send('false')).json()).toMatchObject({ dry_run: false, accepted: 1 });
  });
});
