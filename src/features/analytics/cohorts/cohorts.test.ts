// Cohort retention on a hand-made ledger (weeks start on Monday; 2026-10-05 is a Monday).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';

const dialects = await dialectsUnderTest();
let n = 0;
const ev = (type: string, m: string, day: string, extra: Record<string, unknown> = {}) => ({
  id: `c${++n}`,
  platform: 'wecom',
  type,
  community: 'g',
  member: m,
  at: `2026-10-${day}T10:00:00+08:00`,
  ...extra,
});

// Week 0 (10-05): A, B join; A talks in week 1; B leaves in week 1. Week 1 (10-12): C joins, talks the same week.
const ledger = [
  ev('member.joined', 'A', '05'),
  ev('member.joined', 'B', '06'),
  ev('message.sent', 'A', '13', { kind: 'text', text: 'hi' }),
  ev('member.left', 'B', '14', { reason: 'quit' }),
  ev('member.joined', 'C', '12'),
  ev('message.sent', 'C', '12', { kind: 'text', text: 'yo' }),
];

describe.each(dialects)('cohorts (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await h.post(ndjson(ledger));
  });
  afterAll(() => h.drop());

  it('gives present and active shares per later period', async () => {
    const { status, body } = await h.get('/api/v1/cohorts?from=2026-10-05&to=2026-10-19&by=week');
    expect(status).toBe(200);
    expect(body.cohorts.map((c: any) => [c.start, c.size])).toEqual([
      ['2026-10-05T00:00:00+08:00', 2],
      ['2026-10-12T00:00:00+08:00', 1],
    ]);
    const w0 = body.cohorts[0].periods.map((p: any) => [p.index, p.present, p.active, p.present_share, p.active_share]);
    expect(w0).toEqual([
      [0, 2, 0, 1, 0],
      [1, 1, 1, 0.5, 0.5],
    ]);
    expect(body.cohorts[1].periods).toMatchObject([{ index: 0, present: 1, active: 1, present_share: 1, active_share: 1 }]);
  });

  it('null shares for empty cohorts, errors by name', async () => {
    const { body } = await h.get('/api/v1/cohorts?from=2026-09-01&to=2026-10-01&by=month');
    expect(body.cohorts).toEqual([
      { start: '2026-09-01T00:00:00+08:00', size: 0, periods: [expect.objectContaining({ present_share: null, active_share: null })] },
    ]);
    expect((await h.get('/api/v1/cohorts?from=2026-10-05&to=2026-10-19&by=day')).status).toBe(400);
    expect((await h.get('/api/v1/cohorts?from=2026-10-19&to=2026-10-05')).body.error.message).toMatch(/^to: must be after from/);
  });
});
