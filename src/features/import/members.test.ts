// Members imports end to end on both dialects: Chinese headers in UTF-8 (BOM), GB18030 and XLSX; re-imports;
// changed rows; bad rows named by row and column; mapping overrides; dry runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { importTable, type TableImportOptions } from './table-import.js';
import { formatRejection } from './run.js';
import { encodeGb18030, xlsxBytes } from './test-helpers.js';

const dialects = await dialectsUnderTest();
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-import-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
};
const NOW = Date.parse('2026-11-05T12:00:00+08:00');

const CSV =
  [
    '姓名,手机号,渠道,标签,社群,入群时间,邀请人,城市',
    '张三,13800000000,douyin,"宝妈,高意向",g1,2026/10/1 20:00,,上海',
    '李四,139 0000 0001,referral,vip,g1,2026-10-02,13800000000,北京',
    '王五,call me,,,g1,2026-10-03,,',
    '赵六,13900000003,,,g1,yesterday,,',
    ',,,,,,,',
    '钱七,13900000004,,,,,,',
  ].join('\r\n') + '\r\n';

describe.each(dialects)('members import (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });
  const run = (file: string, o: Partial<TableImportOptions> = {}) => importTable(file, { database: t!.database, kind: 'members', now: NOW, ...o });

  async function graph() {
    const db = t!.database.db;
    const members = await db
      .selectFrom('members')
      .innerJoin('identities', 'identities.member_id', 'members.id')
      .select(['identities.external_id as key', 'members.name', 'members.phone', 'members.attributes', 'members.first_channel', 'members.id'])
      .orderBy('identities.external_id')
      .execute();
    const tags = await db.selectFrom('member_tags').select(['member_id', 'tag']).orderBy('tag').execute();
    const joins = await db.selectFrom('memberships').select(['member_id', 'first_join_at', 'first_channel', 'first_inviter_id']).execute();
    return members.map((m) => ({
      key: m.key,
      name: m.name,
      phone: m.phone,
      attributes: JSON.parse(m.attributes),
      channel: m.first_channel,
      tags: tags.filter((x) => Number(x.member_id) === Number(m.id)).map((x) => x.tag),
      joined: joins
        .filter((j) => Number(j.member_id) === Number(m.id))
        .map((j) => [
          Number(j.first_join_at),
          j.first_channel,
          j.first_inviter_id === null ? null : members.find((x) => Number(x.id) === Number(j.first_inviter_id))?.key,
        ]),
    }));
  }

  const expected = [
    {
      key: '13800000000',
      name: '张三',
      phone: '13800000000',
      attributes: { 城市: '上海' },
      channel: 'douyin',
      tags: ['宝妈', '高意向'],
      joined: [[Date.parse('2026-10-01T20:00:00+08:00'), 'douyin', null]],
    },
    {
      key: '13900000001',
      name: '李四',
      phone: '13900000001',
      attributes: { 城市: '北京' },
      channel: 'referral',
      tags: ['vip'],
      joined: [[Date.parse('2026-10-02T00:00:00+08:00'), 'referral', '13800000000']],
    },
    { key: '13900000004', name: '钱七', phone: '13900000004', attributes: {}, channel: null, tags: [], joined: [] },
  ];

  it('UTF-8 with BOM: profiles, joins, attributes; bad rows named; a re-import is all duplicates', async () => {
    t = await createTestDatabase(dialect);
    const file = write(`m-${dialect}.csv`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV)]));
    const s = await run(file);
    expect(s).toMatchObject({ read: 5, accepted: 5, duplicates: 0, rejected_count: 2 });
    expect(s.rejected.map(formatRejection)).toEqual([
      'row 4, 手机号: not a phone number: "call me"',
      'row 5, 入群时间: not a date: "yesterday" (write e.g. 2026-11-01 or 2026/11/1 20:00)',
    ]);
    expect(await graph()).toEqual(expected);
    const again = await run(file, { now: NOW + 86_400_000 });
    expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected_count: 2 });
    expect(await graph()).toEqual(expected);
  });

  it('GB18030 and XLSX give the same graph; a changed row adds a newer profile', async () => {
    t = await createTestDatabase(dialect);
    expect(await run(write(`m-${dialect}-gb.csv`, encodeGb18030(CSV)))).toMatchObject({ accepted: 5, rejected_count: 2 });
    expect(await graph()).toEqual(expected);
    const rows = CSV.trim()
      .split('\r\n')
      .map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')));
    // The same rows as a spreadsheet types them: numeric phones, a real date cell, and one changed name and tag.
    rows[1]![0] = '张三丰';
    rows[1]![3] = '宝妈,VIP';
    const cells = rows.map((r, i) =>
      i === 0 ? r : r.map((c, j) => (j === 1 && /^\d+$/.test(c) ? Number(c) : j === 5 && i === 1 ? new Date(Date.UTC(2026, 9, 1, 20)) : c)),
    );
    const s = await run(write(`m-${dialect}.xlsx`, await xlsxBytes(cells)), { now: NOW + 3_600_000 });
    expect(s).toMatchObject({ read: 5, accepted: 1, duplicates: 4, rejected_count: 2 });
    const g = await graph();
    expect(g[0]).toMatchObject({ name: '张三丰', tags: ['VIP', '宝妈', '高意向'] });
    expect(g.slice(1)).toEqual(expected.slice(1));
  });

  it('member ids, a mapping override, ignored columns, platform and community flags, a dry run', async () => {
    t = await createTestDatabase(dialect);
    const file = write(
      `o-${dialect}.csv`,
      '会员编号,客户昵称,联系方式,备注,内部编码,加入时间\nU1,小明,13800000009,老客户,x1,2026-10-05 09:30\nU2,,,,x2,\n',
    );
    const dry = await run(file, {
      dryRun: true,
      overrides: { map: { name: '客户昵称', phone: '联系方式' }, ignore: ['内部编码'] },
      platform: 'wecom',
      community: 'wr1',
    });
    expect(dry).toMatchObject({ read: 2, accepted: 0, valid: 2, dry_run: true, rejected_count: 0 });
    expect(dry.notes).toEqual(['row 3: nothing to import besides the member id (no name, phone, tags, other columns or join)']);
    expect(await t.database.db.selectFrom('events').select('event_id').execute()).toEqual([]);
    const s = await run(file, {
      overrides: { map: { name: '客户昵称', phone: '联系方式' }, ignore: ['内部编码'] },
      platform: 'wecom',
      community: 'wr1',
    });
    expect(s).toMatchObject({ accepted: 2, rejected_count: 0 });
    const events = await t.database.db.selectFrom('events').select(['platform', 'event_id', 'body']).orderBy('event_id').execute();
    expect(events.map((e) => [e.platform, e.event_id.replace(/(?<=:profile:)[0-9a-f]{12}$/, 'HASH')])).toEqual([
      ['wecom', `import:members:U1:joined:wr1:${Date.parse('2026-10-05T09:30:00+08:00')}`],
      ['wecom', 'import:members:U1:profile:HASH'],
    ]);
    expect(JSON.parse(events[1]!.body)).toEqual({
      type: 'member.profile',
      platform: 'wecom',
      member: 'U1',
      name: '小明',
      phone: '13800000009',
      attributes: { 备注: '老客户' },
      id: events[1]!.event_id,
      at: '2026-11-05T12:00:00+08:00',
    });
  });

  it('refuses files it cannot map, naming what is missing', async () => {
    t = await createTestDatabase(dialect);
    await expect(run(write('x.csv', '城市,备注\n上海,x\n'))).rejects.toThrow(
      /members: no column for 成员id\/member or 手机号\/phone \(header row: "城市", "备注"\)/,
    );
    await expect(run(write('e.csv', ''))).rejects.toThrow(/empty \(no header row\)/);
    await expect(run(path.join(dir, 'missing.csv'))).rejects.toThrow(/cannot read .*missing.csv: no such file/);
    await expect(run(write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])))).rejects.toThrow(/old binary .xls/);
  });
});
