// `qunyun import` as a user runs it (the built CLI; `npm test` builds first): summary, exit codes, --json, errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/cli.js';
import { fixturePath } from '../../test-support/fixtures.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-import-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('qunyun import', () => {
  it('imports, reports rejected rows by row and column with exit 1, and is idempotent', async () => {
    const db = path.join(dir, 'q.db');
    const file = path.join(dir, 'members.csv');
    fs.writeFileSync(file, '\uFEFF客户昵称,手机号,标签\n小红,13800000001,"宝妈,vip"\n小绿,13800000002,\n小蓝,12,\n');
    const mapping = path.join(dir, 'map.yaml');
    fs.writeFileSync(mapping, 'columns:\n  name: 客户昵称\nplatform: wecom\n');
    const first = await runCli(['import', 'members', file, '--mapping', mapping, '--db', db]);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stdout).toMatch(/^.*members\.csv: 3 rows; accepted 2, duplicates 0; rejected 1 \(/);
    expect(first.stdout).toContain('  row 4, 手机号: not a phone number: "12"');
    const again = await runCli(['import', 'members', file, '--mapping', mapping, '--db', db, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({
      read: 3,
      accepted: 0,
      duplicates: 2,
      rejected_count: 1,
      rejected: [{ row: 4, column: '手机号' }],
    });
    const list = await runCli(['members', 'list', '--db', db, '--json']);
    expect(JSON.stringify(JSON.parse(list.stdout))).toMatch(/小红.*小绿|小绿.*小红/);
    const tg = await runCli(['import', 'telegram', fixturePath('telegram', 'telegram-export-sample.json'), '--db', db, '--until', '2022-01-01']);
    expect(tg.code, tg.stderr).toBe(0);
    expect(tg.stdout).toMatch(/7 messages; accepted 3, duplicates 0; rejected 0; skipped 6/);
  }, 60_000);

  it('refuses bad flags and files with exit 2, naming them', async () => {
    const db = path.join(dir, 'bad.db');
    const file = path.join(dir, 'o.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    const cases: [string[], RegExp][] = [
      [['import', 'orders', file, '--db', db], /orders: no column for 订单号\/order/],
      [['import', 'orders', file, '--map', 'order', '--db', db], /--map: expected field=Header/],
      [['import', 'members', file, '--format', 'pdf', '--db', db], /--format: expected csv or xlsx/],
      [['import', 'members', path.join(dir, 'none.csv'), '--db', db], /cannot read .*none\.csv: no such file/],
      [['import', 'telegram', file, '--db', db], /not valid JSON at byte 0: expected an object/],
      [['import', 'telegram', file, '--since', 'soon', '--db', db], /--since: /],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect([args.slice(0, 2).join(' '), r.code]).toEqual([args.slice(0, 2).join(' '), 2]);
      expect(r.stderr).toMatch(message);
    }
  }, 60_000);
});
