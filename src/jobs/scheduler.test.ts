// Playbooks on the scheduler, on both dialects, along one timeline in Asia/Shanghai: per-member steps in the
// zone, targets, dormant members started once, missed steps skipped or sent late, a Friday cron sent once by two
// workers at the same instant, and a pass redone after a lost commit writing nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../test-support/databases.js';
import { createTestApp, ndjson } from '../test-support/app.js';
import { openDatabase } from '../storage/database.js';
import { applyWorkspaceFile } from '../features/workspace/apply.js';
import { parseWorkspaceFile } from '../config/workspace-file.js';
import { deliverDue } from '../features/automation/outbox.js';
import { simulator } from '../features/automation/simulator.js';
import { LEASE_MS, tick } from './scheduler.js';

const dialects = await dialectsUnderTest();
const YAML = `
workspace: { timezone: Asia/Shanghai, dormantDays: 30 }
communities:
  - { key: g1, platform: wecom, name: 瑜伽一群 }
  - { key: g2, platform: wecom, name: 瑜伽二群 }
automation:
  campaigns: { spring: 2026-12-03 }
  playbooks:
    - key: camp
      communities: [g1]
      vars: { topic: 体式 }
      steps:
        - { key: live, cron: "0 20 * * 5", send: "今晚 8 点直播，主题：{topic}" }
        - { key: day1, afterJoin: { days: 1, at: "09:00" }, send: "{name}，欢迎第二天来打卡～" }
        - { key: kickoff, afterCampaign: { campaign: spring, days: 0, at: "20:00" }, send: 开营啦 }
    - key: vip
      target: { tags: [vip] }
      steps: [{ key: hello, afterJoin: { days: 0, at: "12:00" }, send: "{name} 您好" }]
    - key: leads
      target: { tiers: [lead], groups: [new] }
      steps: [{ key: d1, afterJoin: { days: 1, at: "09:00" }, send: 体验课 }]
    - key: late-live
      communities: [g2]
      missed: late
      steps: [{ key: live, cron: "0 20 * * 5", send: 直播 }]
    - key: reactivate
      on: dormant
      steps:
        - { key: nudge, afterStart: { days: 0, at: "10:00" }, send: "{name}，好久不见～" }
        - { key: offer, afterStart: { days: 3, at: "10:00" }, send: 回归优惠, tag: reactivation-offer }
`;
const t = (local: string) => Date.parse(`${local}+08:00`);
const join = (member: string, community: string, at: string) => ({
  id: `j-${member}-${community}`,
  platform: 'wecom',
  type: 'member.joined',
  community,
  member,
  name: member,
  at: `${at}+08:00`,
});
const say = (id: string, member: string, community: string, at: string) => ({
  id,
  platform: 'wecom',
  type: 'message.sent',
  community,
  member,
  kind: 'text',
  text: '早',
  at: `${at}+08:00`,
});

describe.each(dialects)('playbooks on the scheduler (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const db = () => h.ctx.database.db;
  const rows = async (rule?: string) =>
    (
      await db()
        .selectFrom('actions as a')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .select(['a.rule', 'a.kind', 'a.status', 'a.payload', 'a.event_at', 'm.name'])
        .where('a.rule', 'like', rule ?? 'playbook:%')
        .orderBy('a.event_at')
        .orderBy('m.name')
        .orderBy('a.kind')
        .execute()
    ).map((r) => [r.rule.replace('playbook:', ''), r.kind, r.status, r.name, new Date(Number(r.event_at)).toISOString()]);
  const community = async (rule: string) =>
    (
      await db()
        .selectFrom('actions')
        .select(['community_id', 'member_id', 'status', 'payload', 'event_at', 'reason'])
        .where('rule', '=', rule)
        .orderBy('event_at')
        .orderBy('community_id')
        .execute()
    ).map((r) => ({
      community: Number(r.community_id),
      member: r.member_id,
      status: r.status,
      event_at: new Date(Number(r.event_at)).toISOString(),
      payload: JSON.parse(r.payload),
      reason: JSON.parse(r.reason),
    }));

  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    await h.post(
      ndjson([
        join('ann', 'g1', '2026-12-01T07:30:00'),
        join('bob', 'g1', '2026-12-01T23:30:00'),
        join('carl', 'g1', '2026-12-02T00:30:00'),
        { id: 'p-ann', platform: 'wecom', type: 'member.profile', member: 'ann', tags_add: ['vip'], at: '2026-12-01T07:31:00+08:00' },
        {
          id: 'o-ann',
          platform: 'wecom',
          type: 'order.paid',
          member: 'ann',
          order: 'A1',
          amount: 990,
          tier: 'lead',
          at: '2026-12-01T07:45:00+08:00',
        },
        // dan turns dormant at 12-01 12:00 (30 days after joining, silent); eve at 15:00 (30 days after her last message);
        // fay spoke lately; gus has been dormant since mid-November.
        join('dan', 'g2', '2026-11-01T12:00:00'),
        join('eve', 'g2', '2026-10-01T09:00:00'),
        say('m-eve', 'eve', 'g2', '2026-11-01T15:00:00'),
        join('fay', 'g2', '2026-10-01T09:00:00'),
        say('m-fay', 'fay', 'g2', '2026-11-20T15:00:00'),
        join('gus', 'g2', '2026-10-01T09:00:00'),
        say('m-gus', 'gus', 'g2', '2026-10-15T15:00:00'),
        // hal would turn dormant at 13:00, but owns g2: staff are never started.
        join('hal', 'g2', '2026-11-01T13:00:00'),
        { id: 'c-g2', platform: 'wecom', type: 'community.updated', community: 'g2', owner: 'hal', at: '2026-11-01T12:59:00+08:00' },
      ]),
    );
    // The first pass sees the playbooks: nothing before it is owed.
    expect(await tick(h.t.database, t('2026-12-01T08:00:00'))).toMatchObject({ sent: 0, skipped: 0, started: 0 });
  });
  afterAll(() => h.drop());

  it('starts dormant members once, at the instant they turned dormant, and nudges them', async () => {
    expect(await tick(h.t.database, t('2026-12-01T12:00:30'))).toMatchObject({ started: 1, sent: 2, skipped: 0 });
    expect(await tick(h.t.database, t('2026-12-01T12:00:30'))).toMatchObject({ started: 0, sent: 0 });
    expect(await tick(h.t.database, t('2026-12-01T15:00:30'))).toMatchObject({ started: 1, sent: 1 });
    const starts = await db()
      .selectFrom('playbook_starts as s')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .select(['m.name', 's.started_at'])
      .orderBy('s.started_at')
      .execute();
    expect(starts.map((s) => [s.name, new Date(Number(s.started_at)).toISOString()])).toEqual([
      ['dan', '2026-12-01T04:00:00.000Z'],
      ['eve', '2026-12-01T07:00:00.001Z'],
    ]);
    expect(await rows()).toEqual([
      ['vip/hello', 'send', 'pending', 'ann', '2026-12-01T04:00:00.000Z'],
      ['reactivate/nudge', 'send', 'pending', 'dan', '2026-12-01T04:00:00.000Z'],
      ['reactivate/nudge', 'send', 'pending', 'eve', '2026-12-01T07:00:00.001Z'],
    ]);
    const [nudge] = await community('playbook:reactivate/nudge');
    expect(nudge!.payload).toEqual({ text: 'dan，好久不见～', to: 'member' });
    expect(nudge!.member).not.toBeNull();
  });

  it('runs afterJoin steps per member in the workspace zone, for the target only', async () => {
    const s = await tick(h.t.database, t('2026-12-02T09:00:30'));
    expect(s).toMatchObject({ sent: 3, skipped: 0, started: 0 });
    // bob joined at 23:30 local (15:30 UTC the day before): his day 1 is 12-02 too; carl joined after local midnight.
    expect((await rows('playbook:camp/day1')).map((r) => [r[3], r[4]])).toEqual([
      ['ann', '2026-12-02T01:00:00.000Z'],
      ['bob', '2026-12-02T01:00:00.000Z'],
    ]);
    // Only ann is a lead (her lead order) and new (first paid in the last 30 days); only she is tagged vip.
    expect((await rows('playbook:leads/%')).map((r) => r[3])).toEqual(['ann']);
    expect((await rows('playbook:vip/%')).map((r) => r[3])).toEqual(['ann']);
    expect((await community('playbook:camp/day1'))[0]!.payload.text).toBe('ann，欢迎第二天来打卡～');
  });

  it('skips what was missed by more than the grace (missed: skip), recording it', async () => {
    const s = await tick(h.t.database, t('2026-12-04T10:00:30'));
    // carl's day 1 (12-03 09:00) and the kickoff (12-03 20:00) were missed; the offers are due now.
    expect(s).toMatchObject({ skipped: 2, sent: 4 });
    expect(await rows('playbook:camp/day1')).toContainEqual(['camp/day1', 'send', 'skipped', 'carl', '2026-12-03T01:00:00.000Z']);
    const kickoff = await community('playbook:camp/kickoff');
    expect(kickoff.map((k) => [k.status, k.member, k.event_at])).toEqual([['skipped', null, '2026-12-03T12:00:00.000Z']]);
    expect(kickoff[0]!.reason.detail).toMatch(/skipped: reached 841 min after its time \(missed: skip\)/);
    expect((await rows('playbook:reactivate/offer')).map((r) => [r[1], r[3]])).toEqual([
      ['send', 'dan'],
      ['tag', 'dan'],
      ['send', 'eve'],
      ['tag', 'eve'],
    ]);
    // Delivered, a tag comes back as a member.profile event.
    await deliverDue(h.t.database, simulator(h.t.database), { now: () => t('2026-12-04T10:00:31') });
    const eve = (await h.get('/api/v1/members?q=eve')).body.items[0];
    expect((await h.get(`/api/v1/members/${eve.id}`)).body.tags).toEqual(['reactivation-offer']);
  });

  it('sends a Friday cron once per community even when two workers tick at the same instant', async () => {
    const [a, b] = [await openDatabase(h.t.target), await openDatabase(h.t.target)];
    try {
      const now = t('2026-12-04T20:00:10');
      const both = await Promise.all([tick(a, now), tick(b, now)]);
      expect(both[0].sent + both[1].sent).toBe(2);
      // Six units were due (two crons, three afterJoin steps, one dormancy watch): each claimed by one worker only.
      expect(both[0].due + both[1].due).toBe(6);
      await Promise.all([tick(a, now + 5000), tick(b, now + 5000)]);
    } finally {
      await a.close();
      await b.close();
    }
    const live = [...(await community('playbook:camp/live')), ...(await community('playbook:late-live/live'))];
    expect(live.map((l) => [l.status, l.member, l.event_at, l.payload.text])).toEqual([
      ['pending', null, '2026-12-04T12:00:00.000Z', '今晚 8 点直播，主题：体式'],
      ['pending', null, '2026-12-04T12:00:00.000Z', '直播'],
    ]);
    expect(live.map((l) => l.community)).toHaveLength(2);
  });

  it('after a long pause: skip (or send late) the latest occurrence, supersede the earlier ones', async () => {
    await tick(h.t.database, t('2026-12-19T12:00:00'));
    const skip = await community('playbook:camp/live');
    expect(skip.slice(1).map((l) => [l.status, l.event_at, l.reason.count ?? null])).toEqual([
      ['skipped', '2026-12-11T12:00:00.000Z', 1],
      ['skipped', '2026-12-18T12:00:00.000Z', null],
    ]);
    const late = await community('playbook:late-live/live');
    expect(late.slice(1).map((l) => [l.status, l.event_at, l.reason.outcome])).toEqual([
      ['skipped', '2026-12-11T12:00:00.000Z', 'skip'],
      ['pending', '2026-12-18T12:00:00.000Z', 'late'],
    ]);
  });

  it('a pass redone after its commit was lost writes nothing twice', async () => {
    const before = (await rows()).length;
    // As if the pass at 12-19 had written its actions and died before advancing the rows, its claim now expired.
    const back = t('2026-12-04T20:00:10');
    await db()
      .updateTable('schedules')
      .set({ last_run_at: back, next_at: back, locked_until: back + LEASE_MS })
      .execute();
    const s = await tick(h.t.database, t('2026-12-19T12:00:00'));
    expect(s.due).toBeGreaterThan(0);
    expect(s.sent + s.late + s.skipped).toBe(0);
    expect((await rows()).length).toBe(before);
  });

  it('lists playbooks with next runs and counts, and previews the next occurrences', async () => {
    const { body } = await h.get(`/api/v1/playbooks?at=${encodeURIComponent('2026-12-19T12:00:00+08:00')}`);
    const camp = body.playbooks.find((p: any) => p.key === 'camp');
    expect(camp.communities).toEqual(['wecom:g1']);
    const live = camp.steps.find((s: any) => s.key === 'live');
    expect(live).toMatchObject({ runs: 'cron', to: 'community', next_run: '2026-12-25T12:00:00.000Z', counts: { sent: 0, queued: 1, skipped: 2 } });
    expect(camp.steps.find((s: any) => s.key === 'kickoff')).toMatchObject({ next_run: null, counts: { skipped: 1 } });
    expect(body.playbooks.find((p: any) => p.key === 'reactivate')).toMatchObject({ started: 2 });
    const res = await h.app.request('/api/v1/playbooks/camp/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: '2026-12-01T08:00:00+08:00', days: 2 }),
    });
    const preview = (await res.json()) as any;
    expect(preview.steps.find((s: any) => s.key === 'live')).toMatchObject({
      next_at: '2026-12-04T12:00:00.000Z',
      sends: [{ community: 'wecom:g1', text: '今晚 8 点直播，主题：体式' }],
    });
    expect(preview.steps.find((s: any) => s.key === 'day1').sends.map((x: any) => [x.member_name, x.at, x.text])).toEqual([
      ['ann', '2026-12-02T01:00:00.000Z', 'ann，欢迎第二天来打卡～'],
      ['bob', '2026-12-02T01:00:00.000Z', 'bob，欢迎第二天来打卡～'],
    ]);
    const missing = await h.app.request('/api/v1/playbooks/nope/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(404);
    expect((await h.get('/api/v1/playbooks?at=yesterday')).body.error.message).toMatch(/^at: /);
  });
});
