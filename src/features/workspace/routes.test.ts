// The workspace, community blueprints, member tags and the members list's classifications over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from './apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';

const dialects = await dialectsUnderTest();
const YAML = `
workspace: { name: 瑜伽馆, timezone: Asia/Shanghai }
products: [{ key: camp, name: 训练营, tier: entry, price: 99 }]
channels: [{ key: poster, name: 海报, cost: 0 }]
communities: [{ key: g1, platform: wecom, name: 一群, capacity: 300 }]
`;

describe.each(dialects)('workspace, blueprints, tags (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const day = 86_400_000;
  const now = Date.now();
  const send = async (method: string, path: string, body: unknown) => {
    const res = await h.app.request(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    const at = (d: number) => new Date(now - d * day).toISOString();
    await h.post(
      ndjson([
        { id: 'j1', platform: 'wecom', type: 'member.joined', community: 'g1', member: 'u1', name: 'ann', channel: 'poster', at: at(60) },
        { id: 'j2', platform: 'wecom', type: 'member.joined', community: 'g1', member: 'u2', name: 'bob', at: at(60) },
        { id: 'j3', platform: 'wecom', type: 'member.joined', community: 'g1', member: 'u3', name: 'cat', at: at(2) },
        {
          id: 'o1',
          platform: 'wecom',
          type: 'order.paid',
          order: 'A1',
          member: 'u1',
          amount: 9900,
          currency: 'CNY',
          product: 'camp',
          tier: 'entry',
          at: at(3),
        },
        { id: 'm1', platform: 'wecom', type: 'message.sent', community: 'g1', member: 'u1', kind: 'text', text: 'hi', at: at(1) },
      ]),
    );
  });
  afterAll(() => h.drop());

  it('shows and changes the workspace settings, refusing bad values by field', async () => {
    const w = (await h.get('/api/v1/workspace')).body;
    expect(w).toMatchObject({
      name: '瑜伽馆',
      timezone: 'Asia/Shanghai',
      dormantDays: 30,
      products: [{ key: 'camp', price: 99, aliases: [] }],
      channels: [{ key: 'poster', name: '海报' }],
    });
    const bad = await send('PUT', '/api/v1/workspace', { timezone: 'Mars/Base', dormantDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      'timezone: not a known IANA time zone (e.g. Asia/Shanghai)',
      'dormantDays: Too small: expected number to be >=1',
    ]);
    const unknown = await send('PUT', '/api/v1/workspace', { colour: 'red' });
    expect(unknown.body.error.message).toContain('colour');
    const ok = await send('PUT', '/api/v1/workspace', { timezone: 'Europe/Berlin', dormantDays: 7 });
    expect(ok.body).toMatchObject({ timezone: 'Europe/Berlin', dormantDays: 7, newCustomerDays: 30 });
    await send('PUT', '/api/v1/workspace', { timezone: 'Asia/Shanghai', dormantDays: 30 });
  });

  it('shows one community and replaces its blueprint, naming a bad field', async () => {
    const c = (await h.get('/api/v1/communities/g1')).body;
    expect(c).toMatchObject({ external_id: 'g1', name: '一群', capacity: 300, members: 3 });
    const bad = await send('PUT', '/api/v1/communities/g1/blueprint', { blueprint: { capacity: -1, colour: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.join('\n')).toMatch(/blueprint\.capacity/);
    expect(bad.body.error.details.join('\n')).toMatch(/colour/);
    const ok = await send('PUT', '/api/v1/communities/g1/blueprint', { blueprint: { capacity: 500, goal: '练瑜伽' } });
    expect(ok.body.blueprint).toMatchObject({ capacity: 500, goal: '练瑜伽' });
    expect((await h.get('/api/v1/communities/g1')).body.capacity).toBe(500);
    expect((await h.get('/api/v1/communities/nope')).status).toBe(404);
  });

  it('adds and removes tags through the ledger, refusing bad tags', async () => {
    const ann = (await h.get('/api/v1/members?q=ann')).body.items[0].id;
    expect((await send('POST', `/api/v1/members/${ann}/tags`, { add: ['vip', '瑜伽'] })).body.tags).toEqual(['vip', '瑜伽']);
    expect((await send('POST', `/api/v1/members/${ann}/tags`, { remove: ['vip'] })).body.tags).toEqual(['瑜伽']);
    expect((await send('POST', `/api/v1/members/${ann}/tags`, { add: ['a,b'] })).status).toBe(400);
    expect((await send('POST', `/api/v1/members/${ann}/tags`, {})).status).toBe(400);
    expect((await send('POST', '/api/v1/members/99999/tags', { add: ['x'] })).status).toBe(404);
    const timeline = (await h.get(`/api/v1/members/${ann}`)).body;
    expect(timeline.tags).toEqual(['瑜伽']);
  });

  it('filters members by customer group, tier and RFM segment', async () => {
    const names = async (q: string) => ((await h.get(`/api/v1/members?${q}`)).body.items as { name: string }[]).map((m) => m.name).sort();
    expect(await names('group=new')).toEqual(['ann']);
    expect(await names('group=potential')).toEqual(['cat']);
    expect(await names('group=dormant')).toEqual(['bob']);
    expect(await names('tier=entry')).toEqual(['ann']);
    expect(await names('group=potential&q=cat')).toEqual(['cat']);
    const ann = (await h.get('/api/v1/members?group=new')).body.items[0];
    expect(ann).toMatchObject({ groups: ['new'], rfm_segment: expect.any(String) });
    expect((await h.get('/api/v1/members?group=vip')).status).toBe(400);
    // Every list item and the member page carry the group and segment, filtered or not.
    const all = (await h.get('/api/v1/members')).body.items as { name: string; group: string | null; rfm_segment: string | null }[];
    expect(all.map((m) => [m.name, m.group]).sort()).toEqual([
      ['ann', 'new'],
      ['bob', 'dormant'],
      ['cat', 'potential'],
    ]);
    expect(all.find((m) => m.name === 'bob')!.rfm_segment).toBeNull();
    expect((await h.get(`/api/v1/members/${ann.id}`)).body).toMatchObject({ group: 'new', rfm_segment: ann.rfm_segment });
  });
});
