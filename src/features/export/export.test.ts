// Exports on a hand-made ledger (every cell worked out by hand below), read back as CSV and XLSX; a demo
// workspace in small pages against the metrics and RFM engines; bad parameters; the CLI writing a file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { runCli } from '../../test-support/cli.js';
import { communityRoles } from '../analytics/roles/service.js';
import { loadDemo } from '../demo/load.js';
import { METRIC_COLUMNS, metricCell } from './metrics.js';
import { prepareMembersExport } from './members.js';
import { csvField, xlsxSink } from './sinks.js';

const dialects = await dialectsUnderTest();
let n = 0;
const at = (day: string) => `2026-${day}T10:00:00+08:00`;
const ev = (type: string, day: string, body: Record<string, unknown>) => ({ id: `e${++n}`, platform: 'wecom', type, at: at(day), ...body });
const join = (m: string, c: string, day: string, extra: Record<string, unknown> = {}) =>
  ev('member.joined', day, { member: m, community: c, ...extra });
const paid = (m: string, order: string, day: string, amount: number, community?: string) =>
  ev('order.paid', day, { member: m, order, amount, community });

// As of 2026-11-01 (D = N = 30 days, so both windows start 10-02): present A (g1, g2), B, C, G (g1), H (g2);
// E left, D never joined, F joins after. Groups: A core (active 10-15, first paid 09-05), B potential, C dormant
// (joined 08-01, nothing since 08-05), G potential (its only order fully refunded 10-27), H new (first paid 10-06).
// RFM, workspace: A 10-20/2/2500, C 08-05/1/500, D 10-28/1/3000, H 10-06/1/1500 → R 3 1 4 2 (mean 2.5), F 4 1 1 1
// (1.75), M 3 1 4 2 (2.5): A important_value, D important_development, C and H general_winback.
// RFM in g1: A 09-05/1/1000, C 08-05/1/500 → R 3 1, F 1 1, M 3 1 (means 2, 1, 2): A important_development, C general_winback.
const ledger = [
  ev('community.updated', '07-01', { community: 'g1', name: '一群, 测试' }),
  ev('community.updated', '07-01', { community: 'g2', name: '二群' }),
  join('A', 'g1', '09-01', { name: '张三', channel: 'douyin' }),
  join('A', 'g2', '10-01', { channel: 'wechat' }),
  ev('member.profile', '09-02', { member: 'A', tags_add: ['vip', '=cmd'] }),
  paid('A', 'o1', '09-05', 1000, 'g1'),
  paid('A', 'o2', '10-20', 2000, 'g2'),
  ev('order.refunded', '10-25', { order: 'o2', amount: 500 }),
  ev('message.sent', '10-15', { member: 'A', community: 'g1', kind: 'text', text: '今天的瑜伽课程很棒' }),
  join('B', 'g1', '10-20', { name: '=1+2', channel: 'referral', inviter: 'A' }),
  join('C', 'g1', '08-01', { name: '王"大",伟' }),
  ev('member.profile', '08-02', { member: 'C', phone: '+8613800000000' }),
  paid('C', 'o3', '08-05', 500, 'g1'),
  ev('member.profile', '10-27', { member: 'D', name: '-D' }),
  paid('D', 'o4', '10-28', 3000),
  join('E', 'g2', '09-01', { name: '@E\nsecond', channel: 'douyin' }),
  ev('member.left', '10-10', { member: 'E', community: 'g2', reason: 'quit' }),
  join('F', 'g1', '11-05', { name: 'F' }),
  join('G', 'g1', '10-25', { name: 'G', channel: 'douyin' }),
  paid('G', 'o5', '10-26', 800, 'g1'),
  ev('order.refunded', '10-27', { order: 'o5' }),
  join('H', 'g2', '10-05', { name: 'H', channel: 'xiaohongshu' }),
  paid('H', 'o6', '10-06', 1500, 'g2'),
];

const HEADER =
  'member_id,name,phone,community,community_name,role,group,rfm_segment,tags,first_channel,inviter_id,inviter_name,first_join_at,first_paid_at,orders,net_paid';

/** A minimal RFC 4180 reader for checking our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csvField', () => {
  it('quotes per RFC 4180 and guards formula starts', () => {
    expect(
      ['a', 'a,b', 'say "hi"', 'x\ny', '=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx', '中文', '', null, 0, -5, 0.25].map((v) => csvField(v)),
    ).toEqual(['a', '"a,b"', '"say ""hi"""', '"x\ny"', "'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", `"'\rx"`, '中文', '', '', '0', '-5', '0.25']);
  });
});

describe('xlsxSink', () => {
  it('goes on in a new sheet, header repeated, when one is full', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const sink = await xlsxSink(out, 'members', ['a', 'b'], 3);
    for (let i = 1; i <= 5; i++) await sink.row([i, i % 2 ? `=x${i}` : null]);
    await sink.end();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const dump = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
    expect(book.worksheets.map((w) => w.name)).toEqual(['members', 'members (2)', 'members (3)']);
    expect([dump('members'), dump('members (2)'), dump('members (3)')]).toEqual([
      [['a', 'b'], [1, '=x1'], [2]],
      [['a', 'b'], [3, '=x3'], [4]],
      [
        ['a', 'b'],
        [5, '=x5'],
      ],
    ]);
  });
});

describe.each(dialects)('exports (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const id: Record<string, number> = {};
  const community: Record<string, number> = {};
  beforeAll(async () => {
    h = await createTestApp(dialect);
    const res = await h.post(ndjson(ledger));
    expect(((await res.json()) as { rejected_count: number }).rejected_count).toBe(0);
    const db = h.ctx.database.db;
    for (const r of await db.selectFrom('identities').select(['external_id', 'member_id']).execute()) id[r.external_id] = Number(r.member_id);
    for (const r of await db.selectFrom('communities').select(['external_id', 'id']).execute()) community[r.external_id] = Number(r.id);
  });
  afterAll(() => h.drop());

  const download = async (p: string) => {
    const res = await h.app.request(p);
    return { res, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const roleOf = async (c: string) => communityRoles(h.ctx.database.db, community[c]!, Date.parse('2026-11-01T00:00:00+08:00'));

  async function expectedMembers(): Promise<string> {
    const [r1, r2] = [await roleOf('g1'), await roleOf('g2')];
    const g1 = (m: string) => `wecom:g1,"一群, 测试",${r1.get(id[m]!) ?? ''}`;
    const g2 = (m: string) => `wecom:g2,二群,${r2.get(id[m]!) ?? ''}`;
    const byId = (rows: [string, string][]) => rows.sort((a, b) => id[a[0]]! - id[b[0]]!).map(([m, line]) => `${id[m]},${line}`);
    const inCommunity = (c: string, rows: [string, string][]) => ({ c: community[c]!, lines: byId(rows) });
    const A = `张三,,${'%'},core,important_value,"'=cmd, vip",douyin,,,2026-09-01T10:00:00+08:00,2026-09-05T10:00:00+08:00,2,2500`;
    const blocks = [
      inCommunity('g1', [
        ['A', A.replace('%', g1('A'))],
        ['B', `'=1+2,,${g1('B')},potential,,,referral,${id.A},张三,2026-10-20T10:00:00+08:00,,0,0`],
        ['C', `"王""大"",伟",'+8613800000000,${g1('C')},dormant,general_winback,,,,,2026-08-01T10:00:00+08:00,2026-08-05T10:00:00+08:00,1,500`],
        ['G', `G,,${g1('G')},potential,,,douyin,,,2026-10-25T10:00:00+08:00,,0,0`],
      ]),
      inCommunity('g2', [
        ['A', A.replace('%', g2('A'))],
        ['H', `H,,${g2('H')},new,general_winback,,xiaohongshu,,,2026-10-05T10:00:00+08:00,2026-10-06T10:00:00+08:00,1,1500`],
      ]),
    ].sort((a, b) => a.c - b.c);
    const nowhere = byId([
      ['D', `'-D,,,,,,important_development,,,,,,2026-10-28T10:00:00+08:00,1,3000`],
      ['E', `"'@E\nsecond",,,,,,,,douyin,,,2026-09-01T10:00:00+08:00,,0,0`],
    ]);
    return '\uFEFF' + [HEADER, ...blocks.flatMap((b) => b.lines), ...nowhere].map((l) => l + '\r\n').join('');
  }

  it('members as CSV: every cell, quoting, formula guard, BOM, CRLF, multi-community, buyer who never joined', async () => {
    const { res, bytes } = await download('/api/v1/export/members?at=2026-11-01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members-2026-11-01.csv"');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(await expectedMembers());
  });

  it('groups and segments agree with the metrics and RFM engines', async () => {
    const rows = parseCsv((await download('/api/v1/export/members?at=2026-11-01')).bytes.toString('utf8').slice(1)).slice(1);
    const groups: Record<string, number> = { potential: 0, new: 0, core: 0, dormant: 0 };
    for (const r of new Map(rows.filter((r) => r[6]).map((r) => [r[0], r[6]!])).values()) groups[r]! += 1;
    expect(groups).toEqual((await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01')).body.groups);
    const segs = new Map(rows.filter((r) => r[7]).map((r) => [r[0], r[7]!]));
    const rfm = (await h.get('/api/v1/rfm?at=2026-11-01')).body;
    for (const s of rfm.segments) expect([...segs.values()].filter((v) => v === s.key).length).toBe(s.members);
  });

  it('one community: its present members, group and RFM in its scope', async () => {
    const { res, bytes } = await download('/api/v1/export/members?at=2026-11-01&community=wecom:g1');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members-wecom_g1-2026-11-01.csv"');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const r1 = await roleOf('g1');
    expect(rows.slice(1).map((r) => [r[0], r[5], r[6], r[7], r[9], r[13], r[14], r[15]])).toEqual(
      [
        [id.A, r1.get(id.A!) ?? '', 'core', 'important_development', 'douyin', '2026-09-05T10:00:00+08:00', '1', '1000'],
        [id.B, r1.get(id.B!) ?? '', 'potential', '', 'referral', '', '0', '0'],
        [id.C, r1.get(id.C!) ?? '', 'dormant', 'general_winback', '', '2026-08-05T10:00:00+08:00', '1', '500'],
        [id.G, r1.get(id.G!) ?? '', 'potential', '', 'douyin', '', '0', '0'],
      ]
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map((r) => [String(r[0]), ...r.slice(1)]),
    );
  });

  it('members as XLSX: the same cells, typed, no CSV guard', async () => {
    const { res, bytes } = await download('/api/v1/export/members?at=2026-11-01&format=xlsx');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="members-2026-11-01.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('members')!;
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    const numeric = new Set([0, 10, 14, 15]);
    const fromCsv = parseCsv((await expectedMembers()).slice(1)).map((r, i) =>
      r.map((v, j) => {
        if (v === '') return undefined;
        if (i > 0 && numeric.has(j)) return Number(v);
        return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
      }),
    );
    expect(cells.map((r) => Array.from({ length: 16 }, (_, j) => r[j] ?? undefined))).toEqual(fromCsv);
  });

  it('metrics: one row per period, the engine figures flattened', async () => {
    const { res, bytes } = await download('/api/v1/export/metrics?from=2026-09-01&to=2026-11-01&by=month&community=g1');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="metrics-2026-09-01-2026-11-01-by-month-wecom_g1.csv"');
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const series = (await h.get('/api/v1/metrics?from=2026-09-01&to=2026-11-01&by=month&community=g1')).body.series;
    expect(rows).toEqual([[...METRIC_COLUMNS], ...series.map((m: any) => METRIC_COLUMNS.map((c) => String(metricCell(m, c) ?? '')))]);
    expect(rows.length).toBe(3);
    expect(rows[2]![METRIC_COLUMNS.indexOf('acquisition.by_channel')]).toBe('{"douyin":1,"referral":1}');
    expect(rows[2]![METRIC_COLUMNS.indexOf('content.topics')]).toMatch(/^(\S+:\d+)( \S+:\d+)*$/);
    // Every figure of the JSON has its column.
    const leaves = (o: any, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) && !/by_channel$/.test(k) ? leaves(v, `${p}${k}.`) : [`${p}${k}`],
      );
    expect(leaves(series[0]).filter((k) => k !== 'timezone' && k !== 'community')).toEqual([...METRIC_COLUMNS]);
    const one = await download('/api/v1/export/metrics?from=2026-10-01&to=2026-11-01&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(one.bytes as unknown as ArrayBuffer);
    expect(book.getWorksheet('metrics')!.rowCount).toBe(2);
  });

  it('bad parameters: 400 naming the parameter, 404 for an unknown community', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/v1/export/members?format=pdf', 400, /^format: /],
      ['/api/v1/export/members?at=yesterday', 400, /^at: /],
      ['/api/v1/export/members?community=nope', 404, /community "nope" not found/],
      ['/api/v1/export/metrics?from=2026-13-01&to=2026-11-01', 400, /^from: not a real date/],
      ['/api/v1/export/metrics?from=2026-11-01&to=2026-10-01', 400, /^to: must be after from/],
      ['/api/v1/export/metrics?from=2026-10-01&to=2026-11-01&by=year', 400, /^by: /],
      ['/api/v1/export/metrics?to=2026-11-01', 400, /^from: /],
    ];
    for (const [p, status, message] of cases) {
      const r = await h.get(p);
      expect([p, r.status]).toEqual([p, status]);
      expect(r.body.error.message).toMatch(message);
    }
  });

  it('answers with the media types its OpenAPI operations declare', async () => {
    const doc = (await h.get('/api/openapi.json')).body;
    for (const route of ['/api/v1/export/members', '/api/v1/export/metrics']) {
      const declared = Object.keys(doc.paths[route].get.responses['200'].content);
      expect(declared).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      for (const format of ['csv', 'xlsx']) {
        const { res } = await download(`${route}?format=${format}&from=2026-10-01&to=2026-11-01`);
        expect([route, format, res.status]).toEqual([route, format, 200]);
        expect(declared).toContain(res.headers.get('content-type')!.split(';')[0]);
      }
    }
  });

  it('a demo workspace in pages of 37 members: rows, groups and segments agree with the engines', async () => {
    const d = await createTestApp(dialect);
    try {
      await loadDemo(d.ctx, { members: 400, days: 60, seed: 5, end: new Date('2026-11-01T00:00:00+08:00') });
      const db = d.ctx.database.db;
      const p = await prepareMembersExport(db, { at: '2026-10-20' }, 37);
      const rows: (string | number | null)[][] = [];
      for await (const r of p.rows()) rows.push(r);
      expect(rows.length).toBe(await p.count());
      const t = Date.parse('2026-10-20T00:00:00+08:00');
      const pairs = await sql<{
        m: number;
        c: string;
      }>`SELECT DISTINCT s.member_id AS m, c.platform || ':' || c.external_id AS c FROM membership_spans s
        JOIN communities c ON c.id = s.community_id WHERE s.joined_at < ${t} AND (s.left_at IS NULL OR s.left_at >= ${t})`.execute(db);
      expect(
        rows
          .filter((r) => r[3] !== null)
          .map((r) => `${r[0]} ${r[3]}`)
          .sort(),
      ).toEqual(pairs.rows.map((r) => `${Number(r.m)} ${r.c}`).sort());
      const groups: Record<string, number> = { potential: 0, new: 0, core: 0, dormant: 0 };
      for (const g of new Map(rows.filter((r) => r[6] !== null).map((r) => [r[0], String(r[6])])).values()) groups[g]! += 1;
      expect(groups).toEqual((await d.get('/api/v1/metrics?from=2026-10-01&to=2026-10-20')).body.groups);
      const segs = [...new Map(rows.filter((r) => r[7] !== null).map((r) => [r[0], String(r[7])])).values()];
      for (const s of (await d.get('/api/v1/rfm?at=2026-10-20')).body.segments)
        expect([s.key, segs.filter((v) => v === s.key).length]).toEqual([s.key, s.members]);
      // A download abandoned after its first chunk stops without an error (none logged, none unhandled).
      const logged = vi.spyOn(console, 'error');
      for (const format of ['csv', 'xlsx']) {
        const reader = (await d.app.request(`/api/v1/export/members?format=${format}`)).body!.getReader();
        expect((await reader.read()).done).toBe(false);
        await reader.cancel();
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(logged).not.toHaveBeenCalled();
      logged.mockRestore();
    } finally {
      await d.drop();
    }
  }, 120_000);

  it.runIf(dialect === 'sqlite')(
    'CLI: --out writes the file (no .partial left); a bad --format exits 2 naming it',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-export-'));
      try {
        const out = path.join(dir, 'members.csv');
        const r = await runCli(['export', 'members', '--db', h.t.target, '--at', '2026-11-01', '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(/^exported 8 rows to .*members\.csv as csv in/m);
        expect(fs.readFileSync(out, 'utf8')).toBe(await expectedMembers());
        expect(fs.readdirSync(dir)).toEqual(['members.csv']);
        const bad = await runCli(['export', 'members', '--db', h.t.target, '--format', 'pdf', '--out', path.join(dir, 'x.pdf')]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/--format: expected csv or xlsx \(got "pdf"\)/);
        const badAt = await runCli([
          'export',
          'metrics',
          '--db',
          h.t.target,
          '--from',
          '2026-10-01',
          '--to',
          'soon',
          '--out',
          path.join(dir, 'y.csv'),
        ]);
        expect(badAt.code).toBe(2);
        expect(badAt.stderr).toMatch(/--to: /);
        expect(fs.readdirSync(dir)).toEqual(['members.csv']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
