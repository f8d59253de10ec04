// Roles on a hand-made community; every member's expected role is worked out in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';
import { assignRole, emptyStats } from '../../../domain/metrics/roles.js';

const dialects = await dialectsUnderTest();
let n = 0;
const at = (day: string, h = 10) => `2026-${day}T${String(h).padStart(2, '0')}:00:00+08:00`;
const ev = (type: string, day: string, fields: Record<string, unknown>) => ({
  id: `ev${++n}`,
  platform: 'wecom',
  type,
  at: at(day, 8 + (n % 12)),
  ...fields,
});
const msg = (member: string, day: string, extra: Record<string, unknown> = {}, id?: string) => ({
  ...ev('message.sent', day, { community: 'g1', member, kind: 'text', text: 'hi', ...extra }),
  ...(id ? { id } : {}),
});

const range = (k: number, prefix: string) => Array.from({ length: k }, (_, i) => `${prefix}${i + 1}`);
const P = range(10, 'P'),
  Z = range(12, 'Z');
const people = ['A', 'E', 'B', 'M', ...P, 'P11', 'Q', 'K', 'K2', 'L', 'T', 'X', ...Z];
const ledger: Record<string, unknown>[] = [
  ...people.map((p) => ev('member.joined', '09-01', { community: 'g1', member: p, name: p })),
  ev('member.joined', '09-01', { community: 'g2', member: 'E', name: 'E' }),
  // The owner never joins (staff accounts often do not) but is known by a message; listed as owner all the same.
  ev('community.updated', '09-01', { community: 'g1', name: 'Group one', owner: 'O', admins: ['A'] }),
  msg('O', '10-05', { text: '欢迎' }),
  // E: 2 messages (+1 self-reply, not a reply received); P1–P10 reply to e1, M to e2 twice → 12 received, 2 × 12 ≥ 3 → expert.
  msg('E', '10-10', {}, 'e1'),
  msg('E', '10-10', {}, 'e2'),
  msg('E', '10-11', { reply_to: 'e1' }),
  ...P.map((p) => msg(p, '10-12', { reply_to: 'e1' }, `r-${p}`)),
  // B: 60 messages; P11 replies to b1–b10, M to b11 and b12 → 12 received (≥ 10, but 2 × 12 < 60) → backbone.
  ...range(60, 'b').map((id) => msg('B', '10-13', {}, id)),
  ...range(10, '').map((i) => msg('P11', '10-14', { reply_to: `b${i}` }, `r-P11-${i}`)),
  // M: 15 replies (E, B, P1–P11) and one message mentioning Z1–Z12 → 25 partners → mascot.
  ...['e2', 'e2', 'b11', 'b12', ...P.map((p) => `r-${p}`), 'r-P11-1'].map((r) => msg('M', '10-15', { reply_to: r })),
  msg('M', '10-15', { mentions: Z }),
  // Q: 3 messages, one mentioning L → onlooker; L a partner but silent → lurker (its old message is outside the window).
  msg('Q', '10-16'),
  msg('Q', '10-16'),
  msg('Q', '10-16', { mentions: ['L'] }),
  msg('L', '09-15'),
  // K: 3 check-ins → onlooker; K2: 2 check-ins and a reply to an unknown message → lurker.
  ...[1, 2, 3].map(() => ev('checkin.done', '10-17', { community: 'g1', member: 'K', challenge: 'c' })),
  ...[1, 2].map(() => ev('checkin.done', '10-17', { community: 'g1', member: 'K2', challenge: 'c' })),
  msg('K2', '10-17', { reply_to: 'nope' }),
  // T: an ad, then removed inside the window → troublemaker. X: removed before the window → not listed.
  msg('T', '10-18', { text: '加微信领资料' }),
  ev('member.left', '10-20', { community: 'g1', member: 'T', reason: 'removed', by: 'A' }),
  ev('member.left', '09-20', { community: 'g1', member: 'X', reason: 'removed', by: 'A' }),
  // The admin's own chatter does not change precedence.
  ...Array.from({ length: 70 }, () => msg('A', '10-19')),
];

describe.each(dialects)('roles (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    const res = await h.post(ndjson(ledger));
    expect(await res.json()).toMatchObject({ accepted: ledger.length, rejected: [] });
  });
  afterAll(() => h.drop());

  it('assigns each member the role worked out by hand', async () => {
    const { status, body } = await h.get('/api/v1/roles/members?community=wecom:g1&at=2026-11-01&page_size=100');
    expect(status).toBe(200);
    const roleOf = Object.fromEntries(body.items.map((m: any) => [m.name, m.role]));
    expect(roleOf).toEqual({
      null: 'owner',
      A: 'admin',
      E: 'expert',
      B: 'backbone',
      M: 'mascot',
      ...Object.fromEntries([...P, 'P11', 'Q', 'K'].map((p) => [p, 'onlooker'])),
      ...Object.fromEntries(['K2', 'L', ...Z].map((p) => [p, 'lurker'])),
      T: 'troublemaker',
    });
    const of = (name: string | null) => body.items.find((m: any) => m.name === name);

    expect(of('E')).toMatchObject({ messages: 3, replies_given: 0, replies_received: 12, partners: 11 });
    expect(of('B')).toMatchObject({ messages: 60, replies_received: 12 });
    expect(of('M')).toMatchObject({ messages: 16, replies_given: 15, partners: 25 });
    expect(of(null)).toMatchObject({ platform_role: 'owner', messages: 1 });
    expect(of('L')).toMatchObject({ messages: 0, partners: 1 });
    expect(of('T')).toMatchObject({ removals: 1, messages: 1 });
    expect(of('A')).toMatchObject({ platform_role: 'admin', messages: 70 });
    expect(body.items.map((m: any) => m.role).slice(0, 3)).toEqual(['owner', 'admin', 'expert']);
  });

  it('counts roles per community; another community sees only its own behaviour', async () => {
    const { body } = await h.get('/api/v1/roles?community=wecom:g1&at=2026-11-01');
    expect(body.members).toBe(33);
    expect(body.window).toEqual({ from: '2026-10-02T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00' });
    expect(Object.fromEntries(body.roles.map((r: any) => [r.key, r.members]))).toEqual({
      owner: 1,
      admin: 1,
      expert: 1,
      backbone: 1,
      mascot: 1,
      onlooker: 13,
      lurker: 14,
      troublemaker: 1,
    });
    const g2 = (await h.get('/api/v1/roles?community=wecom:g2&at=2026-11-01')).body;
    expect(g2.roles.find((r: any) => r.key === 'lurker').members).toBe(1);
    // Before anything happened in the window, everyone but the staff lurks.
    const early = (await h.get('/api/v1/roles?community=wecom:g1&at=2026-09-10')).body;
    expect(Object.fromEntries(early.roles.filter((r: any) => r.members > 0).map((r: any) => [r.key, r.members]))).toEqual({
      owner: 1,
      admin: 1,
      lurker: 32,
    });
  });

  it('refuses bad parameters by name', async () => {
    const none = await h.get('/api/v1/roles');
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/^community: required/);
    expect((await h.get('/api/v1/roles?community=wecom:nope')).status).toBe(404);
    const bad = await h.get('/api/v1/roles/members?community=wecom:g1&role=king');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^role: unknown role "king"/);
    expect((await h.get('/api/v1/roles?community=wecom:g1&at=soon')).body.error.message).toMatch(/^at:/);
  });
});

describe('assignRole', () => {
  it('follows the documented precedence and thresholds', () => {
    const s = (x: Partial<ReturnType<typeof emptyStats>>) => ({ ...emptyStats(), ...x });
    expect(assignRole(s({ platformRole: 'owner', removals: 1 }))).toBe('owner');
    expect(assignRole(s({ removals: 1, repliesReceived: 50 }))).toBe('troublemaker');
    expect(assignRole(s({ repliesReceived: 9, messages: 1 }))).toBe('lurker');
    expect(assignRole(s({ repliesReceived: 10, messages: 20 }))).toBe('expert');
    expect(assignRole(s({ repliesReceived: 10, messages: 21 }))).toBe('onlooker');
    expect(assignRole(s({ repliesReceived: 10, messages: 60 }))).toBe('backbone');
    expect(assignRole(s({ repliesReceived: 9, messages: 60 }))).toBe('onlooker');
    expect(assignRole(s({ partners: 25, repliesGiven: 15 }))).toBe('mascot');
    expect(assignRole(s({ partners: 25, repliesGiven: 14 }))).toBe('onlooker');
    expect(assignRole(s({ partners: 24, repliesGiven: 15 }))).toBe('onlooker');
    expect(assignRole(s({ checkins: 2 }))).toBe('lurker');
  });
});
