// The console's read-only automation views: the FAQ knowledge base with its answered share, and the moderation
// log with the text that triggered each action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';

const dialects = await dialectsUnderTest();
const YAML = `
communities: [{ key: g1, platform: wecom, name: 一群 }]
automation:
  lists: { ads: [加微信] }
  ladders: { strict: ["mute:1h", blacklist] }
  rules:
    - { key: ads, on: message, match: { words: [ads] }, actions: [delete, strike], ladder: strict }
    - key: faq
      on: message
      actions: [answer]
      threshold: 1
      faq:
        - { q: 体验营多少钱, a: 九块九, keywords: [价格, 报名] }
        - { q: 直播有回放吗, a: 有回放, keywords: [回放] }
  playbooks:
    - key: sop
      steps:
        - { key: daily, cron: "0 9 * * *", send: 早上好 }
        - { key: day1, afterJoin: { days: 1, at: "10:00" }, send: "{name} 第二天" }
`;

describe.each(dialects)('console automation routes (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const get = async (path: string) => {
    const res = await h.app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };
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
    await h.post(
      ndjson([
        msg('m1', 'spam', '快来加微信 <b>x</b>', 1),
        msg('m2', 'spam', '请问体验营价格多少钱，怎么报名？', 2),
        msg('m3', 'spam', '火星上有瑜伽垫吗？', 3),
      ]),
    );
  });
  afterAll(() => h.drop());

  it('lists the FAQ entries of answering rules with the answered share', async () => {
    const { status, body } = await get('/api/v1/faq');
    expect(status).toBe(200);
    expect(body.rules).toHaveLength(1);
    expect(body.rules[0]).toMatchObject({ key: 'faq', enabled: true, threshold: 1, answered: 1, handed_over: 1, answered_share: 0.5 });
    expect(body.rules[0].entries[0]).toEqual({ index: 0, question: '体验营多少钱', keywords: ['价格', '报名'], answer: '九块九' });
    expect(body).toMatchObject({ days: 7, answered: 1, handed_over: 1, answered_share: 0.5 });
    const bad = await get('/api/v1/faq?days=0');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
    expect(bad.body.error.message).toMatch(/^days: /);
  });

  it('lists moderation actions only, with the message text, filtered by kind', async () => {
    const all = await get('/api/v1/moderation');
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: any) => a.kind).sort()).toEqual(['delete', 'mute']);
    expect(all.body.items[0].message_text).toBe('快来加微信 <b>x</b>');
    expect(all.body.by_kind).toMatchObject({ delete: 1, mute: 1, warn: 0 });
    const deletes = await get('/api/v1/moderation?kind=delete');
    expect(deletes.body).toMatchObject({ total: 1, page: 1, page_size: 20 });
    expect(deletes.body.items[0].reason.hits[0].word).toBe('加微信');
    expect((await get('/api/v1/moderation?kind=reply')).status).toBe(400);
  });

  it('lays out upcoming playbook runs per local day', async () => {
    const from = new Date(now).toISOString(),
      to = new Date(now + 7 * 86_400_000).toISOString();
    const { status, body } = await get(`/api/v1/playbooks/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(status).toBe(200);
    expect(body.timezone).toBe('Asia/Shanghai');
    const runs = body.days.flatMap((d: any) => d.runs.map((r: any) => ({ ...r, date: d.date })));
    expect(runs.filter((r: any) => r.step === 'daily')).toHaveLength(7);
    expect(runs.filter((r: any) => r.step === 'daily').every((r: any) => r.count === 1 && r.to === 'community' && r.send === '早上好')).toBe(true);
    expect(runs.filter((r: any) => r.step === 'day1')).toMatchObject([{ playbook: 'sop', to: 'member', count: 1 }]);
    for (const d of body.days) expect(d.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await get('/api/v1/playbooks/calendar?from=2026-01-01&to=2026-06-01')).status).toBe(400);
  });
});
