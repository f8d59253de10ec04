// The automation routes the other suites drive by function only: one action by id, and a community's elimination
// previewed, announced and carried out over HTTP; bodies of the wrong media type — every answer checked against its
// declared schema (createTestApp checks answers), errors with their status and code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { deliverDue } from './outbox.js';
import { simulator } from './simulator.js';

const dialects = await dialectsUnderTest();
const DAY = 86_400_000;
const YAML = `
communities:
  - { key: camp, platform: wecom, name: 训练营, elimination: { minCheckins: 1, withinDays: 7, noticeDays: 0 }, revival: { checkins: 1 } }
  - { key: plain, platform: wecom, name: 普通群 }
automation:
  lists: { ads: [加微信] }
  rules:
    - { key: ads, on: message, match: { words: [ads] }, actions: [delete] }
`;

describe.each(dialects)('automation routes over HTTP (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const call = async (method: string, path: string) => {
    const res = await h.app.request(path, { method });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    await h.post(
      ndjson([
        ...['A', 'B'].map((m) => ({ id: `j-${m}`, platform: 'wecom', type: 'member.joined', community: 'camp', member: m, name: m, at: at(20) })),
        { id: 'c-A', platform: 'wecom', type: 'checkin.done', community: 'camp', member: 'A', challenge: 'c', at: at(1) },
        { id: 'm-B', platform: 'wecom', type: 'message.sent', community: 'camp', member: 'B', kind: 'text', text: '加微信', at: at(0.001) },
      ]),
    );
  });
  afterAll(() => h.drop());

  it('shows one action by id; an unknown id is 404, a malformed one 400', async () => {
    const list = (await h.get('/api/v1/actions?rule=ads')).body;
    expect(list.items.map((a: any) => a.kind)).toEqual(['delete']);
    const one = await h.get(`/api/v1/actions/${list.items[0].id}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ rule: 'ads', kind: 'delete', status: 'pending', member_name: 'B', undo_of: null });
    expect(one.body.reason.hits[0]).toMatchObject({ what: 'words:ads', word: '加微信' });
    const missing = await h.get('/api/v1/actions/99999');
    expect([missing.status, missing.body.error.code, missing.body.error.message]).toEqual([404, 'not_found', 'action 99999 not found']);
    expect((await h.get('/api/v1/actions/abc')).status).toBe(400);
    const badStatus = await h.get('/api/v1/actions?status=lost');
    expect([badStatus.status, badStatus.body.error.code]).toEqual([400, 'invalid_request']);
    expect(badStatus.body.error.message).toBe('status: expected one of pending, sending, done, dead, undone, skipped (got "lost")');
  });

  it('previews, announces and carries out an elimination; refusals answer 400 with the reason', async () => {
    const preview = await h.get('/api/v1/communities/wecom:camp/elimination');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      present: 2,
      notice: null,
      revival: { checkins: 1 },
      rule: { minCheckins: 1, withinDays: 7, noticeDays: 0 },
    });
    expect(preview.body.candidates.map((c: any) => [c.name, c.reasons])).toEqual([['B', ['0 check-ins in 7 days (at least 1)']]]);
    const early = await call('POST', '/api/v1/communities/wecom:camp/elimination/execute');
    expect([early.status, early.body.error.code]).toEqual([400, 'invalid_request']);
    expect(early.body.error.message).toMatch(/^community: announce the list first/);
    const announced = await call('POST', '/api/v1/communities/wecom:camp/elimination/announce');
    expect(announced.status).toBe(200);
    expect(announced.body.notice).toMatchObject({ delivered: false, executed_at: null });
    await deliverDue(h.t.database, simulator(h.t.database));
    const done = await call('POST', '/api/v1/communities/wecom:camp/elimination/execute');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ removed: 1, notice: { delivered: true } });
    const again = await call('POST', '/api/v1/communities/wecom:camp/elimination/execute');
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/was carried out at/);
    const none = await h.get('/api/v1/communities/wecom:plain/elimination');
    expect([none.status, none.body.error.message]).toEqual([
      400,
      'community: wecom:plain has no elimination in its blueprint (qunyun.yaml communities[].elimination)',
    ]);
    expect((await call('POST', '/api/v1/communities/wecom:nope/elimination/announce')).status).toBe(404);
  });

  it('routes taking a JSON body: another media type is 415, malformed JSON 400', async () => {
    for (const path of ['/api/v1/rules/test', '/api/v1/rules/ads/toggle', '/api/v1/rules/ads/dry-run', '/api/v1/playbooks/x/preview']) {
      const send = async (type: string, body: string) => {
        const res = await h.app.request(path, { method: 'POST', headers: { 'content-type': type }, body });
        return [path, res.status, ((await res.json()) as any).error.code];
      };
      expect(await send('text/plain', 'hi')).toEqual([path, 415, 'unsupported_media_type']);
      expect(await send('application/json', '{bad')).toEqual([path, 400, 'invalid_request']);
    }
  });

  it('answers an ambiguous community with 400 ambiguous', async () => {
    await h.post(ndjson([{ id: 'tg', platform: 'telegram', type: 'community.updated', community: 'camp', name: 'tg camp', at: at(1) }]));
    const r = await h.get('/api/v1/communities/camp/elimination');
    expect([r.status, r.body.error.code]).toEqual([400, 'ambiguous']);
    expect(r.body.error.message).toMatch(/exists on several platforms \(.*\): write platform:id/);
  });
});
