// The outbox: delivery through the simulator and a failing connector, backoff, dead letters, undo, retry; rules
// listed, toggled, tested and dry-run over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { backoffSeconds, claimDue, deliverDue, MAX_ATTEMPTS, renew, settle, type Deliverer } from './outbox.js';
import { simulator } from './simulator.js';

const dialects = await dialectsUnderTest();
const YAML = `
communities: [{ key: g1, platform: wecom, name: 一群 }]
automation:
  lists: { ads: [加微信] }
  ladders: { strict: ["mute:1h", blacklist] }
  rules:
    - { key: ads, on: message, match: { words: [ads] }, actions: [delete, strike, { tag: 广告 }], ladder: strict }
`;

describe.each(dialects)('outbox (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const now = Date.now();
  const msg = (id: string, member: string, text: string, s: number) => ({
    id,
    platform: 'wecom',
    type: 'message.sent',
    community: 'g1',
    member,
    kind: 'text',
    text,
    at: new Date(now - 60_000 + s * 1000).toISOString(),
  });
  const post = async (method: string, path: string, body?: unknown) => {
    const res = await h.app.request(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    await h.post(
      ndjson([
        {
          id: 'j1',
          platform: 'wecom',
          type: 'member.joined',
          community: 'g1',
          member: 'spam',
          name: 'spam',
          at: new Date(now - 120_000).toISOString(),
        },
      ]),
    );
    await h.post(ndjson([msg('m1', 'spam', '加微信', 1)]));
  });
  afterAll(() => h.drop());

  it('retries a failing delivery with backoff and ends it as dead; retry sends it again', async () => {
    const failing: Deliverer = { platforms: ['wecom'], deliver: async () => ({ ok: false, retryable: true, error: 'platform says 503' }) };
    let clock = Date.now() + 1000;
    const first = await deliverDue(h.t.database, failing, { now: () => clock });
    expect(first).toEqual({ done: 0, retry: 3, dead: 0 });
    // Nothing is due until the backoff passes.
    expect(await deliverDue(h.t.database, failing, { now: () => clock })).toEqual({ done: 0, retry: 0, dead: 0 });
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      clock += backoffSeconds(i) * 1000;
      await deliverDue(h.t.database, failing, { now: () => clock });
    }
    const { body } = await h.get('/api/v1/actions?status=dead');
    expect(body.items.map((a: any) => a.kind).sort()).toEqual(['delete', 'mute', 'tag']);
    expect(body.items[0]).toMatchObject({ attempts: MAX_ATTEMPTS, last_error: 'platform says 503' });
    const id = body.items.find((a: any) => a.kind === 'tag').id;
    expect((await post('POST', `/api/v1/actions/${id}/retry`)).body.status).toBe('pending');
    expect((await post('POST', `/api/v1/actions/${id}/retry`)).status).toBe(400);
  });

  it('the simulator delivers everything and reports back what the platform would', async () => {
    for (const a of (await h.get('/api/v1/actions?status=dead')).body.items) await post('POST', `/api/v1/actions/${a.id}/retry`);
    const r = await deliverDue(h.t.database, simulator(h.t.database));
    expect(r).toEqual({ done: 3, retry: 0, dead: 0 });
    const member = (await h.get('/api/v1/members?q=spam')).body.items[0];
    expect((await h.get(`/api/v1/members/${member.id}`)).body.tags).toEqual(['广告']);
    // A second strike blacklists: the remove goes out and the simulator records the member leaving.
    await h.post(ndjson([msg('m2', 'spam', '加 微信', 2)]));
    expect((await deliverDue(h.t.database, simulator(h.t.database))).done).toBe(4);
    const detail = (await h.get(`/api/v1/members/${member.id}`)).body;
    expect(detail.memberships[0].present).toBe(false);
  });

  it('undo lifts a blacklist and unmutes; what cannot be undone says so', async () => {
    const { body } = await h.get('/api/v1/actions?page_size=100');
    const mute = body.items.find((a: any) => a.kind === 'mute');
    const undone = await post('POST', `/api/v1/actions/${mute.id}/undo`);
    expect(undone.body.status).toBe('undone');
    expect((await h.get('/api/v1/actions?status=pending')).body.items.map((a: any) => [a.kind, a.undo_of])).toEqual([['unmute', mute.id]]);
    const bl = body.items.find((a: any) => a.kind === 'blacklist');
    await post('POST', `/api/v1/actions/${bl.id}/undo`);
    expect(await h.ctx.database.db.selectFrom('blacklist').selectAll().execute()).toEqual([]);
    const del = body.items.find((a: any) => a.kind === 'delete');
    const refused = await post('POST', `/api/v1/actions/${del.id}/undo`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/cannot be undone/);
    expect((await post('POST', '/api/v1/actions/99999/undo')).status).toBe(404);
  });

  it('rules: listed with recent counts, toggled, tested and dry-run', async () => {
    const list = (await h.get('/api/v1/rules')).body;
    expect(list.rules[0]).toMatchObject({ key: 'ads', enabled: true });
    expect(list.rules[0].last_7_days.delete).toBe(2);
    const t = (await post('POST', '/api/v1/rules/test', { text: '快加 微 信' })).body;
    expect(t.actions.map((a: any) => a.kind)).toEqual(['delete', 'mute', 'tag']);
    expect((await post('POST', '/api/v1/rules/ads/toggle', { enabled: false })).body).toEqual({ key: 'ads', enabled: false });
    expect((await post('POST', '/api/v1/rules/test', { text: '快加 微 信' })).body.actions).toEqual([]);
    expect((await post('POST', '/api/v1/rules/nope/toggle', { enabled: false })).status).toBe(400);
    const from = new Date(now - 3_600_000).toISOString(),
      to = new Date(now + 60_000).toISOString();
    const dry = (await post('POST', '/api/v1/rules/ads/dry-run', { from, to })).body;
    expect(dry).toMatchObject({ rule: 'ads', members_struck: 1, actions: { delete: 2, mute: 1, remove: 1, blacklist: 1, tag: 2 } });
    expect((await post('POST', '/api/v1/rules/ads/dry-run', { from: to, to: from })).status).toBe(400);
  });

  it('a lapsed claim taken over by another worker: the first can neither deliver nor settle; undo waits while sending', async () => {
    await h.post(ndjson([msg('m9', 'spam', '加微信', 9)]));
    const t0 = Date.now() + 1000;
    const a = await claimDue(h.t.database, '*', 10, t0);
    expect(a.length).toBeGreaterThan(0);
    const refused = await post('POST', `/api/v1/actions/${a[0]!.id}/undo`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/being delivered right now/);
    const b = await claimDue(h.t.database, '*', 10, t0 + 61_000);
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
    expect(b[0]!.attempts).toBe(a[0]!.attempts + 1);
    expect(await renew(h.t.database.db, a[0]!, t0 + 62_000)).toBe(false);
    expect(await settle(h.t.database.db, a[0]!, { ok: true }, t0 + 62_000)).toBe('lost');
    expect(await renew(h.t.database.db, b[0]!, t0 + 62_000)).toBe(true);
    expect(await settle(h.t.database.db, b[0]!, { ok: true }, t0 + 62_000)).toBe('done');
  });
});
