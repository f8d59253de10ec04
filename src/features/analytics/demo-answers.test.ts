// Every read route of analytics and automation on a generated demo workspace (several communities and platforms,
// blueprints with elimination, rules, playbooks on cron, join and dormancy, orders, actions delivered): each answer
// is checked against its declared schema (createTestApp checks answers), so realistic data cannot drift from the
// OpenAPI contract unnoticed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { demoEndFor, loadDemo } from '../demo/load.js';
import { tick } from '../../jobs/scheduler.js';
import { deliverDue } from '../automation/outbox.js';
import { simulator } from '../automation/simulator.js';

const dialects = await dialectsUnderTest();
const DAY = 86_400_000;

describe.each(dialects)('demo workspace answers within the contract (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const now = Date.now();
  const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
  const ok = async (path: string, init?: RequestInit) => {
    const res = await h.app.request(path, init);
    const body = (await res.json()) as any;
    expect([path, res.status, res.status === 200 ? '' : body.error.message]).toEqual([path, 200, '']);
    return body;
  };
  const post = (path: string, body: unknown) =>
    ok(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await loadDemo(h.ctx, { members: 150, days: 40, seed: 11, end: demoEndFor(new Date(now)) });
    // A live ad from a present member (the rules act on fresh events only), and two days of playbook runs.
    const m = await h.ctx.database.db
      .selectFrom('memberships as ms')
      .innerJoin('communities as c', 'c.id', 'ms.community_id')
      .innerJoin('identities as i', 'i.member_id', 'ms.member_id')
      .select(['c.platform', 'c.external_id', 'i.external_id as member'])
      .where('ms.present', '=', 1)
      .whereRef('i.platform', '=', 'c.platform')
      .orderBy('ms.member_id')
      .executeTakeFirstOrThrow();
    await h.post(
      ndjson([
        {
          id: 'live-ad',
          platform: m.platform,
          type: 'message.sent',
          community: m.external_id,
          member: m.member,
          kind: 'text',
          text: '加我微信 wx123456 领资料',
          at: new Date(now - 60_000).toISOString(),
        },
      ]),
    );
    await tick(h.t.database, now);
    await tick(h.t.database, now + 2 * DAY);
    await deliverDue(h.t.database, simulator(h.t.database), { now: () => now + 2 * DAY });
  }, 120_000);
  afterAll(() => h.drop());

  it('analytics', async () => {
    const range = `from=${iso(now - 35 * DAY)}&to=${iso(now)}`;
    for (const by of ['', '&by=day', '&by=week', '&by=month']) await ok(`/api/v1/metrics?${range}${by}`);
    await ok(`/api/v1/metrics/products?${range}`);
    await ok(`/api/v1/cohorts?${range}&by=week`);
    expect((await ok('/api/v1/rfm')).paying_members).toBeGreaterThan(0);
    await ok('/api/v1/rfm/members?page_size=500');
    const health = await ok('/api/v1/communities/health');
    expect(health.communities.length).toBeGreaterThan(1);
    for (const { community: c } of health.communities) {
      await ok(`/api/v1/metrics?${range}&community=id:${c.id}`);
      await ok(`/api/v1/roles?community=id:${c.id}`);
      await ok(`/api/v1/roles/members?community=id:${c.id}&page_size=500`);
    }
  });

  it('automation', async () => {
    const actions = await ok('/api/v1/actions?page_size=500');
    expect(actions.items.some((a: any) => a.rule === 'no-ads') && actions.items.some((a: any) => a.rule.startsWith('playbook:'))).toBe(true);
    await ok(`/api/v1/actions/${actions.items[0].id}`);
    expect((await ok('/api/v1/moderation?page_size=200')).items.length).toBeGreaterThan(0);
    await ok('/api/v1/faq');
    const rules = await ok('/api/v1/rules');
    await post('/api/v1/rules/test', { text: '加我微信 wx123456 领资料 http://x.cn' });
    for (const r of rules.rules)
      await post(`/api/v1/rules/${r.key}/dry-run`, { from: new Date(now - 3 * DAY).toISOString(), to: new Date(now).toISOString() });
    const playbooks = await ok('/api/v1/playbooks');
    for (const p of playbooks.playbooks) await post(`/api/v1/playbooks/${p.key}/preview`, {});
    await ok(`/api/v1/playbooks/calendar?from=${iso(now)}&to=${iso(now + 14 * DAY)}`);
    const withElimination = (await h.ctx.database.db.selectFrom('communities').select(['id', 'blueprint']).execute()).filter(
      (c) => c.blueprint !== null && 'elimination' in JSON.parse(c.blueprint),
    );
    expect(withElimination.length).toBeGreaterThan(0);
    for (const c of withElimination) await ok(`/api/v1/communities/id:${c.id}/elimination`);
  });
});
