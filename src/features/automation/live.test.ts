// Live rules at ingest: actions land in the outbox with the events, once, only for fresh events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';

const dialects = await dialectsUnderTest();
const YAML = `
communities:
  - { key: g1, platform: wecom, name: 瑜伽一群, rules: [不发广告] }
automation:
  lists: { ads: [加微信, 免费领取] }
  ladders: { standard: [warn, "mute:1h", blacklist] }
  rules:
    - { key: ads, on: message, match: { words: [ads], links: true }, actions: [delete, strike], ladder: standard }
    - { key: welcome, on: join, batchSeconds: 60, actions: [{ send: "欢迎 {name} 加入{community}！" }] }
`;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(dialects)('live rules (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const now = Date.now();
  const at = (sec: number) => iso(now - 120_000 + sec * 1000);
  const join = (id: string, member: string, s: number) => ({
    id,
    platform: 'wecom',
    type: 'member.joined',
    community: 'g1',
    member,
    name: member,
    at: at(s),
  });
  const msg = (id: string, member: string, text: string, s: number) => ({
    id,
    platform: 'wecom',
    type: 'message.sent',
    community: 'g1',
    member,
    kind: 'text',
    text,
    at: at(s),
  });
  const actions = () => h.ctx.database.db.selectFrom('actions').selectAll().orderBy('id').execute();
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
  });
  afterAll(() => h.drop());

  it('batches joins into one welcome and climbs the ladder per member', async () => {
    await h.post(ndjson([join('j1', 'ann', 0), join('j2', 'bob', 5), join('j3', 'spam', 10)]));
    let rows = await actions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rule: 'welcome', kind: 'send', status: 'pending' });
    expect(JSON.parse(rows[0]!.payload).text).toBe('欢迎 ann、bob、spam 加入瑜伽一群！');
    expect(Number(rows[0]!.due_at)).toBe(Date.parse(at(60)));
    await h.post(ndjson([msg('m1', 'spam', '加 微 信 领资料', 20), msg('m2', 'ann', '今天练完啦', 21), msg('m3', 'spam', 'www.spam.cn', 30)]));
    await h.post(ndjson([msg('m4', 'spam', '免费领取！', 40)]));
    rows = (await actions()).filter((r) => r.rule === 'ads');
    expect(rows.map((r) => [r.kind, JSON.parse(r.payload).step ?? null])).toEqual([
      ['delete', null],
      ['warn', 1],
      ['delete', null],
      ['mute', 2],
      ['delete', null],
      ['remove', 3],
      ['blacklist', 3],
    ]);
    expect(JSON.parse(rows[0]!.reason).hits[0]).toMatchObject({ what: 'words:ads', word: '加微信', matched: '加 微 信' });
    const strikes = await h.ctx.database.db.selectFrom('strikes').selectAll().execute();
    expect(strikes.map((s) => Number(s.count))).toEqual([3]);
    expect(await h.ctx.database.db.selectFrom('blacklist').selectAll().execute()).toHaveLength(1);
  });

  it('never acts twice on a re-delivered event, and a blacklisted member who rejoins is removed', async () => {
    const before = (await actions()).length;
    await h.post(ndjson([msg('m4', 'spam', '免费领取！', 40)]));
    expect((await actions()).length).toBe(before);
    await h.post(ndjson([join('j9', 'spam', 90)]));
    const last = (await actions()).filter((r) => r.rule === '(blacklist)');
    expect(last.map((r) => r.kind)).toEqual(['remove']);
  });

  it('leaves the community owner alone', async () => {
    await h.post(
      ndjson([{ id: 'cu1', platform: 'wecom', type: 'community.updated', community: 'g1', owner: 'boss', at: at(0) }, join('jb', 'boss', 1)]),
    );
    const before = (await actions()).length;
    await h.post(ndjson([msg('mb', 'boss', '团购链接 www.shop.cn 加微信', 50)]));
    expect((await actions()).length).toBe(before);
  });

  it('events from the past never trigger live actions', async () => {
    const before = (await actions()).length;
    await h.post(ndjson([{ ...msg('old1', 'ann', '加微信', 0), at: '2026-01-01T10:00:00+08:00' }]));
    expect((await actions()).length).toBe(before);
  });

  it('a blacklist follows the person through a merge, and a refused rejoin gets no welcome', async () => {
    await h.post(
      ndjson([{ id: 'lk', platform: 'wecom', type: 'member.linked', member: 'ann', other_platform: 'wecom', other_member: 'spam', at: at(95) }]),
    );
    const before = (await actions()).length;
    await h.post(ndjson([join('j10', 'ann', 100)]));
    const added = (await actions()).slice(before);
    expect(added.map((r) => [r.rule, r.kind])).toEqual([['(blacklist)', 'remove']]);
  });
});
