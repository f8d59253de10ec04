// Elimination and revival on a hand-made community: who falls short, grace for newcomers, staff exempt, notice,
// revival by check-in, carried out once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { announceElimination, eliminationPreview, executeElimination } from './elimination.js';
import { judge } from '../../domain/automation/elimination.js';
import { tick } from '../../jobs/scheduler.js';
import { deliverDue } from './outbox.js';
import { simulator } from './simulator.js';

const dialects = await dialectsUnderTest();
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T12:00:00+08:00');
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
let n = 0;
const ev = (type: string, member: string, daysAgo: number, extra: Record<string, unknown> = {}) => ({
  id: `x${++n}`,
  platform: 'wecom',
  type,
  community: 'camp',
  member,
  name: member,
  at: at(daysAgo),
  ...extra,
});

describe.each(dialects)('elimination (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(
      h.t.database,
      parseWorkspaceFile(`
communities:
  - { key: camp, platform: wecom, name: 训练营, elimination: { minCheckins: 2, withinDays: 7, silentDays: 10, noticeDays: 2 }, revival: { checkins: 1 } }
`),
    );
    await h.post(
      ndjson([
        { id: 'cu', platform: 'wecom', type: 'community.updated', community: 'camp', admins: ['D'], at: at(30) },
        ...['A', 'B', 'D', 'E'].map((m) => ev('member.joined', m, 20)),
        ev('member.joined', 'C', 3),
        ev('checkin.done', 'A', 1, { challenge: 'c' }),
        ev('checkin.done', 'A', 2, { challenge: 'c' }),
        ev('message.sent', 'A', 1, { kind: 'text', text: '打卡' }),
        ev('message.sent', 'B', 2, { kind: 'text', text: '在' }),
        ev('checkin.done', 'E', 9, { challenge: 'c' }),
        ev('message.sent', 'E', 12, { kind: 'text', text: '好' }),
      ]),
    );
  });
  afterAll(() => h.drop());

  it('lists who falls short and why; newcomers and staff are spared', async () => {
    const p = await eliminationPreview(h.ctx.database.db, 'wecom:camp', NOW);
    expect(p.present).toBe(5);
    expect(p.notice).toBeNull();
    expect(p.candidates.map((c) => [c.name, c.reasons])).toEqual([
      ['B', ['0 check-ins in 7 days (at least 2)']],
      ['E', ['0 check-ins in 7 days (at least 2)', 'no message in 10 days']],
    ]);
  });

  it('announces once, revives by check-in during the notice, carries out the rest once and only once', async () => {
    const db = h.ctx.database.db;
    await expect(executeElimination(db, 'wecom:camp', NOW)).rejects.toThrow(/announce the list first/);
    const a = await announceElimination(db, 'wecom:camp', NOW);
    expect(a.notice?.delivered).toBe(false);
    await expect(executeElimination(db, 'wecom:camp', NOW + 3 * DAY)).rejects.toThrow(/has not gone out yet/);
    // The announcement goes out; the notice runs from then (the simulator's clock is NOW).
    await deliverDue(h.t.database, simulator(h.t.database), { now: () => NOW });
    expect((await eliminationPreview(db, 'wecom:camp', NOW)).notice?.execute_from).toBe(new Date(NOW + 2 * DAY).toISOString());
    await announceElimination(db, 'wecom:camp', NOW + 60_000);
    const sends = await db.selectFrom('actions').select('payload').where('kind', '=', 'send').execute();
    expect(sends).toHaveLength(1);
    expect(JSON.parse(sends[0]!.payload).text).toBe('以下成员未达到本群要求，将在 2 天后移出：B、E。补卡 1 次即可复活。');
    await expect(executeElimination(db, 'wecom:camp', NOW + DAY)).rejects.toThrow(/notice runs until/);
    // E checks in during the notice (a day after it): revived.
    await h.post(ndjson([{ ...ev('checkin.done', 'E', 0, { challenge: 'c' }), at: new Date(NOW + DAY).toISOString() }]));
    const done = await executeElimination(db, 'wecom:camp', NOW + 2 * DAY);
    expect(done.revived.map((r) => r.name)).toEqual(['E']);
    await expect(executeElimination(db, 'wecom:camp', NOW + 2 * DAY + 1000)).rejects.toThrow(/was carried out/);
    const removes = await db
      .selectFrom('actions as a')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select('m.name')
      .where('a.kind', '=', 'remove')
      .execute();
    expect(removes.map((r) => r.name)).toEqual(['B']);
    expect((await h.get('/api/v1/communities/wecom:nope/elimination')).status).toBe(404);
  });

  it('judge: the bar, grace and revival by payment', () => {
    const base = {
      joinedAt: NOW - 30 * DAY,
      checkinsInWindow: 0,
      lastMessageAt: NOW - DAY,
      checkinsSinceNotice: 0,
      paidRevival: false,
      staff: false,
    };
    expect(judge({ minCheckins: 1 }, undefined, base, NOW)).toEqual({ keep: false, reasons: ['0 check-ins in 7 days (at least 1)'] });
    expect(judge({ minCheckins: 1 }, { product: 'camp' }, { ...base, paidRevival: true }, NOW)).toMatchObject({ keep: true });
    expect(judge({ silentDays: 5 }, undefined, { ...base, joinedAt: NOW - 4 * DAY, lastMessageAt: null }, NOW)).toMatchObject({ keep: true });
  });
});

describe.each(dialects)('elimination on its schedule (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(
      h.t.database,
      parseWorkspaceFile(`
communities:
  - { key: camp, platform: wecom, name: 训练营, elimination: { minCheckins: 1, withinDays: 7, noticeDays: 1, schedule: "0 9 * * *" } }
`),
    );
    await h.post(ndjson([...['P', 'Q'].map((m) => ev('member.joined', m, 20)), ev('checkin.done', 'P', 1, { challenge: 'c' })]));
  });
  afterAll(() => h.drop());

  it('announces at the scheduled time, carries out after the notice, then starts a new cycle', async () => {
    const db = h.ctx.database.db;
    const day = (d: number, hh = '09:00:30') => Date.parse(`2026-11-${String(20 + d).padStart(2, '0')}T${hh}+08:00`);
    const kinds = async () =>
      (await db.selectFrom('actions').select('kind').where('rule', 'like', 'elimination:%').orderBy('id').execute()).map((r) => r.kind);
    await tick(h.t.database, day(0, '08:00:00')); // the schedule starts: first run at 09:00
    expect(await kinds()).toEqual([]);
    await tick(h.t.database, day(0));
    expect(await kinds()).toEqual(['send']);
    await deliverDue(h.t.database, simulator(h.t.database), { now: () => day(0) });
    await tick(h.t.database, day(0, '12:00:00')); // not due again until tomorrow 09:00
    expect(await kinds()).toEqual(['send']);
    await tick(h.t.database, day(1)); // the notice (1 day) has run: Q is removed
    expect(await kinds()).toEqual(['send', 'remove']);
    await tick(h.t.database, day(2)); // Q is still short: a new list is announced
    expect(await kinds()).toEqual(['send', 'remove', 'send']);
    await tick(h.t.database, day(3)); // that one has not gone out: nothing is carried out
    expect(await kinds()).toEqual(['send', 'remove', 'send']);
    await expect(parseAsync('communities: [{ key: c, name: c, elimination: { schedule: "every day" } }]')).rejects.toThrow(
      /communities\[0\]\.elimination\.schedule: /,
    );
  });
});

async function parseAsync(text: string) {
  return parseWorkspaceFile(text);
}
