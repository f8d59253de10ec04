import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';

const dialects = await dialectsUnderTest();
let n = 0;
const ev = (type: string, m: string, day: string, extra: Record<string, unknown> = {}) => ({
  id: `g${++n}`,
  platform: 'wecom',
  type,
  community: 'g',
  member: m,
  at: `2026-${day}T10:00:00+08:00`,
  ...extra,
});
const talk = (m: string, day: string) => ev('message.sent', m, day, { kind: 'text', text: '打卡' });

// As of 2026-11-01 the window is 10-02 … 10-31. S silent (talked 10-01, outside), Q 2 days (two messages on one
// day count once), E 5 days, F 12 days, U 25 days; X left before 11-01 and is not counted.
const days = (k: number) => Array.from({ length: k }, (_, i) => `10-${String(31 - i).padStart(2, '0')}`);
const ledger = [
  ...['S', 'Q', 'E', 'F', 'U', 'X'].map((m) => ev('member.joined', m, '09-01')),
  talk('S', '10-01'),
  talk('Q', '10-30'),
  talk('Q', '10-30'),
  ev('checkin.done', 'Q', '10-29', { challenge: 'c' }),
  ...days(5).map((d) => talk('E', d)),
  ...days(12).map((d) => talk('F', d)),
  ...days(25).map((d) => talk('U', d)),
  ev('member.left', 'X', '10-20', { reason: 'quit' }),
];

describe.each(dialects)('engagement (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await h.post(ndjson(ledger));
  });
  afterAll(() => h.drop());

  it('splits present members by active days in the 30 days before', async () => {
    const { body } = await h.get('/api/v1/engagement?at=2026-11-01');
    expect(body.window).toEqual({ from: '2026-10-02T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' });
    expect(body.present_members).toBe(5);
    expect(Object.fromEntries(body.levels.map((l: any) => [l.key, l.members]))).toEqual({ silent: 1, quiet: 1, engaged: 1, fan: 1, ultra: 1 });
    expect(body.levels[0].share).toBe(0.2);
    expect((await h.get('/api/v1/engagement?at=tomorrow')).status).toBe(400);
  });

  it('community health: 5 present of capacity 200, 7-day daily active ratio, weekly trend, verdict', async () => {
    const { body } = await h.get('/api/v1/communities/health?at=2026-11-01');
    const g = body.communities[0];
    // Active member-days 10-25 … 10-31: Q 2 (10-29, 10-30), E 5, F 7, U 7 → 21 / 7 days = 3 a day, 3 / 5 present.
    expect(g).toMatchObject({ members: 5, capacity: 200, fill: 0.025, daily_active_members: 3, daily_active_ratio: 0.6 });
    expect(g.weeks).toHaveLength(4);
    // Week 10-18 … 10-25: X left (10-20), nobody joined.
    expect(g.weeks[1]).toMatchObject({ from: '2026-10-11T00:00:00+08:00', joiners: 0 });
    expect(g.weeks.find((w: any) => w.churned === 1).from).toBe('2026-10-18T00:00:00+08:00');
    expect(g.verdict).toMatchObject({ size: 'small', activity: 'lively' });
  });
});
