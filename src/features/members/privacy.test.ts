// Privacy by role over HTTP: an operator reads and exports only their communities, phone numbers are masked for
// anyone without `pii` (full for owners and pii users), and every export is in the audit log with its filters and rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { createToken, insertUser } from '../auth/repository.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';

const dialects = await dialectsUnderTest();
const at = (day: number, hh = 10) => `2026-10-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00:00+08:00`;
const ev = (id: string, type: string, day: number, body: Record<string, unknown>) => ({ id, type, platform: 'wecom', at: at(day), ...body });

// g1: ann and cat; g2: bob and cat. Phones: ann 11 digits, bob 11 digits, cat a short one.
const ledger = [
  ev('c1', 'community.updated', 1, { community: 'g1', name: '一群' }),
  ev('c2', 'community.updated', 1, { community: 'g2', name: '二群' }),
  ev('j1', 'member.joined', 2, { community: 'g1', member: 'ann', name: 'Ann' }),
  ev('j2', 'member.joined', 2, { community: 'g2', member: 'bob', name: 'Bob' }),
  ev('j3', 'member.joined', 3, { community: 'g1', member: 'cat', name: 'Cat' }),
  ev('j4', 'member.joined', 3, { community: 'g2', member: 'cat' }),
  ev('p1', 'member.profile', 4, { member: 'ann', phone: '13812345678' }),
  ev('p2', 'member.profile', 4, { member: 'bob', phone: '13998765432' }),
  ev('p3', 'member.profile', 4, { member: 'cat', phone: '12345' }),
  ev('o1', 'order.paid', 5, { member: 'bob', order: 'B1', amount: 990, community: 'g2' }),
  ev('m1', 'message.sent', 6, { community: 'g1', member: 'ann', kind: 'text', text: '加我 13812345678' }),
  ev('m2', 'message.sent', 6, { community: 'g2', member: 'bob', kind: 'text', text: '加我 13998765432' }),
];
const YAML = `
automation:
  rules:
    - { key: phones, on: message, match: { phones: true }, actions: [delete] }
`;

describe.each(dialects)('privacy by role (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const call = async (who: string, path: string) => {
    const res = await h.raw.request(path, { headers: { authorization: `Bearer ${tokens[who]}` } });
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? ((await res.json()) as any) : await res.text() };
  };

  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    expect((await h.post(ndjson(ledger))).status).toBe(200);
    const db = h.t.database.db;
    for (const r of await db.selectFrom('communities').select(['id', 'external_id']).execute()) ids[r.external_id] = Number(r.id);
    for (const r of await db.selectFrom('identities').select(['member_id', 'external_id']).execute()) ids[r.external_id] = Number(r.member_id);
    const users = [
      { username: 'op', role: 'operator' as const, communities: [ids.g1!] },
      { username: 'op-pii', role: 'operator' as const, communities: [ids.g1!], pii: true },
      { username: 'analyst', role: 'analyst' as const },
    ];
    for (const u of users) {
      const row = await insertUser(db, { ...u, passwordHash: '!' });
      tokens[u.username] = (await createToken(db, { name: u.username, userId: row.id, role: u.role })).token;
    }
    tokens.owner = h.token;
  });
  afterAll(() => h.drop());

  it("lists and shows only an operator's communities' members; another's member is not found, another community refused", async () => {
    const list = await call('op', '/api/v1/members');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['Ann', 'Cat']);
    expect(list.body.total).toBe(2);
    expect((await call('owner', '/api/v1/members')).body.total).toBe(3);
    expect((await call('analyst', '/api/v1/members')).body.total).toBe(3);

    expect((await call('op', `/api/v1/members/${ids.ann}`)).status).toBe(200);
    const bob = await call('op', `/api/v1/members/${ids.bob}`);
    expect(bob.status).toBe(404);
    expect(bob.body.error.message).toBe(`member ${ids.bob} not found`);
    // Cat is in both: the operator sees her g1 membership only.
    const cat = await call('op', `/api/v1/members/${ids.cat}`);
    expect(cat.body.memberships.map((m: { community: { id: number } }) => m.community.id)).toEqual([ids.g1]);
    expect(cat.body.timeline.every((e: { community_id: number | null }) => e.community_id === null || e.community_id === ids.g1)).toBe(true);

    const other = await call('op', '/api/v1/members?community=g2');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('not assigned to you');

    expect((await call('op', '/api/v1/communities')).body.items.map((c: { id: number }) => c.id)).toEqual([ids.g1]);
    expect((await call('op', '/api/v1/communities/g2')).status).toBe(403);
    expect((await call('op', '/api/v1/communities/g1')).status).toBe(200);
    expect((await call('analyst', '/api/v1/communities')).body.items).toHaveLength(2);
  });

  it('masks phones for anyone without pii, and shows them to owners and pii users', async () => {
    const phoneOf = async (who: string, member: string) => (await call(who, `/api/v1/members/${ids[member]}`)).body.phone;
    expect(await phoneOf('op', 'ann')).toBe('138****5678');
    expect(await phoneOf('analyst', 'bob')).toBe('139****5432');
    expect(await phoneOf('op', 'cat')).toBe('*****');
    expect(await phoneOf('op-pii', 'ann')).toBe('13812345678');
    expect(await phoneOf('owner', 'bob')).toBe('13998765432');
    // Masked in the list and in the timeline's profile events too.
    const list = (await call('analyst', '/api/v1/members')).body.items;
    expect(list.map((m: { phone: string }) => m.phone).sort()).toEqual(['*****', '138****5678', '139****5432']);
    const timeline = (await call('op', `/api/v1/members/${ids.ann}`)).body.timeline;
    expect(timeline.find((e: { type: string }) => e.type === 'member.profile').data.phone).toBe('138****5678');
    expect(JSON.stringify(await call('analyst', `/api/v1/members/${ids.ann}`))).not.toContain('12345678');
    // Without pii, a search matches a whole phone number only: digits cannot be probed.
    expect((await call('analyst', '/api/v1/members?q=1234')).body.total).toBe(0);
    expect((await call('analyst', '/api/v1/members?q=13812345678')).body.items.map((m: { name: string }) => m.name)).toEqual(['Ann']);
    expect((await call('owner', '/api/v1/members?q=1234')).body.total).toBe(2);
  });

  it('exports only what the caller may read, masked without pii, and audits who exported what', async () => {
    const csv = await call('op', '/api/v1/export/members?format=csv');
    expect(csv.status).toBe(200);
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3); // header, Ann and Cat in g1
    expect(csv.body).toContain('138****5678');
    expect(csv.body).not.toContain('13812345678');
    expect(csv.body).not.toContain('Bob');
    expect((await call('op', '/api/v1/export/members?community=g2')).status).toBe(403);
    const full = await call('op-pii', '/api/v1/export/members?community=g1');
    expect(full.body).toContain('13812345678');
    expect((await call('owner', '/api/v1/export/members')).body).toContain('13998765432');

    const metrics = await call('op', '/api/v1/export/metrics?from=2026-10-01&to=2026-11-01');
    expect(metrics.status).toBe(403);
    expect(metrics.body.error.message).toContain(`community= one of yours (${ids.g1})`);
    expect((await call('op', '/api/v1/export/metrics?from=2026-10-01&to=2026-11-01&community=g1')).status).toBe(200);

    const audit = (await call('owner', '/api/v1/audit?action=export.members')).body.items;
    const mine = audit.find((a: { actor: string }) => a.actor === 'token:op (op)');
    expect(mine).toMatchObject({ status: 200, target: '/api/v1/export/members' });
    expect(mine.details).toEqual({ filters: { format: 'csv', community: null, at: null, within: [ids.g1], phones: 'masked' }, rows: 2 });
    const byPii = audit.find((a: { actor: string }) => a.actor === 'token:op-pii (op-pii)');
    expect(byPii.details).toMatchObject({ filters: { community: 'g1', phones: 'full' }, rows: 2 });
    const m = (await call('owner', '/api/v1/audit?action=export.metrics')).body.items;
    expect(m).toHaveLength(1);
    expect(m[0].details).toMatchObject({ filters: { community: 'g1', from: '2026-10-01', to: '2026-11-01' }, rows: 1 });
  });

  it("limits an operator's figures to one of their communities, and health to theirs", async () => {
    const ws = await call('op', '/api/v1/metrics?from=2026-10-01&to=2026-11-01');
    expect(ws.status).toBe(403);
    expect(ws.body.error.message).toMatch(/an operator reads one community at a time/);
    expect((await call('op', '/api/v1/metrics?from=2026-10-01&to=2026-11-01&community=g1')).status).toBe(200);
    expect((await call('op', '/api/v1/metrics?from=2026-10-01&to=2026-11-01&community=g2')).status).toBe(403);
    expect((await call('op', '/api/v1/rfm/members?community=g2')).status).toBe(403);
    expect((await call('op', '/api/v1/cohorts?from=2026-10-01&to=2026-11-01')).status).toBe(403);
    expect((await call('analyst', '/api/v1/metrics?from=2026-10-01&to=2026-11-01')).status).toBe(200);
    const health = await call('op', '/api/v1/communities/health?at=2026-10-20');
    expect(health.body.communities.map((c: { community: { id: number } }) => c.community.id)).toEqual([ids.g1]);
    expect((await call('op', '/api/v1/communities/g2/elimination')).status).toBe(403);
  });

  it("shows a rule's dry-run samples of an operator's communities only, phone hits masked without pii", async () => {
    const dry = async (who: string) => {
      const res = await h.raw.request('/api/v1/rules/phones/dry-run', {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from: '2026-10-01', to: '2026-11-01' }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { samples: { member_id: number; hits: { matched: string }[] }[] }).samples;
    };
    const all = await dry('owner');
    expect(all.map((x) => [x.member_id, x.hits[0]!.matched]).sort()).toEqual([
      [ids.ann, '13812345678'],
      [ids.bob, '13998765432'],
    ]);
    expect((await dry('op')).map((x) => [x.member_id, x.hits[0]!.matched])).toEqual([[ids.ann, '138****5678']]);
    expect((await dry('op-pii')).map((x) => x.hits[0]!.matched)).toEqual(['13812345678']);
    expect((await dry('analyst')).map((x) => x.hits[0]!.matched).sort()).toEqual(['138****5678', '139****5432']);
  });

  it('lets an owner grant and revoke pii', async () => {
    const users = (await call('owner', '/api/v1/users')).body.items;
    const op = users.find((u: { username: string }) => u.username === 'op');
    expect(op.pii).toBe(false);
    const grant = await h.app.request(`/api/v1/users/${op.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pii: true }),
    });
    expect(((await grant.json()) as { pii: boolean }).pii).toBe(true);
    expect((await call('op', `/api/v1/members/${ids.ann}`)).body.phone).toBe('13812345678');
    await h.app.request(`/api/v1/users/${op.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pii: false }),
    });
    expect((await call('op', `/api/v1/members/${ids.ann}`)).body.phone).toBe('138****5678');
  });
});
