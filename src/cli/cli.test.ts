// The CLI end to end, as a user runs it: ingest (twice, bad lines, stdin, kill -9 midway), members, apply, demo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../test-support/cli.js';
import { openDatabase } from '../storage/database.js';
import { dumpGraph } from '../test-support/graph-dump.js';
import { sql } from 'kysely';

let dir: string;
let demoFile: string;
let lines: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-cli-'));
  demoFile = path.join(dir, 'demo.ndjson');
  const r = await runCli(['demo', '--members', '1500', '--days', '45', '--seed', '3', '--end', '2026-11-01', '--out', demoFile]);
  expect(r.code, r.stderr).toBe(0);
  lines = fs.readFileSync(demoFile, 'utf8').trim().split('\n');
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function graphOf(db: string) {
  const d = await openDatabase(db);
  try {
    return await dumpGraph(d.db);
  } finally {
    await d.close();
  }
}

describe('qunyun ingest', () => {
  it('ingests a file; a second run and a shuffled copy are all duplicates and change nothing', async () => {
    const db = path.join(dir, 'twice.db');
    const first = await runCli(['ingest', demoFile, '--db', db, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ accepted: lines.length, duplicates: 0, rejected_count: 0 });
    const before = await graphOf(db);
    const shuffledFile = path.join(dir, 'shuffled.ndjson');
    const shuffled = [...lines].reverse();
    for (let i = 0; i < shuffled.length; i += 7)
      [shuffled[i], shuffled[shuffled.length - 1 - i]] = [shuffled[shuffled.length - 1 - i]!, shuffled[i]!];
    fs.writeFileSync(shuffledFile, shuffled.join('\n') + '\n');
    const second = await runCli(['ingest', shuffledFile, '--db', db, '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ accepted: 0, duplicates: lines.length, rejected_count: 0 });
    expect(await graphOf(db)).toEqual(before);
    // A fresh database fed the shuffled copy ends with the same graph.
    const other = path.join(dir, 'shuffled.db');
    expect((await runCli(['ingest', shuffledFile, '--db', other, '--batch', '777'])).code).toBe(0);
    expect(await graphOf(other)).toEqual(before);
  });

  it('reports bad lines by number and field, keeps the good ones, exits 1; reads stdin', async () => {
    const db = path.join(dir, 'bad.db');
    const input = [
      lines[0],
      'not json',
      '{"id":"x1","type":"member.kicked","at":"2026-10-01T00:00:00Z"}',
      '{"id":"x2","type":"order.paid","at":"2026-10-01T00:00:00Z","member":"u","order":"o"}',
      '{"id":"x3","type":"checkin.done","at":"2026-10-01 08:00","member":"u","challenge":"c"}',
      '{"id":"x4","type":"order.paid","at":"2026-10-01T00:00:00Z","member":"u","order":"o","amount":-100}',
      '{"id":"x5","type":"message.sent","at":"2026-10-01T00:00:00Z","member":"u","community":"g","kind":"text","text":"' +
        'x'.repeat(1_100_000) +
        '"}',
      lines[1],
    ].join('\n');
    const r = await runCli(['ingest', '-', '--db', db], { input });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('accepted 2, duplicates 0, rejected 6');
    expect(r.stdout).toContain('line 2: not valid JSON');
    expect(r.stdout).toContain('line 3: type: unknown event type "member.kicked"');
    expect(r.stdout).toContain('line 4: amount: required for order.paid');
    expect(r.stdout).toContain('line 5: at: ');
    expect(r.stdout).toContain('line 6: amount: must not be negative');
    expect(r.stdout).toMatch(/line 7: line too long: \d+ bytes/);
  });

  it('survives kill -9 midway: running it again loses nothing and doubles nothing', async () => {
    const db = path.join(dir, 'killed.db');
    const child = startCli(['ingest', demoFile, '--db', db, '--batch', '500']);
    // Kill as soon as some batches are committed (polling the database from outside, as a user would see it).
    const d = await openDatabase(db);
    const deadline = Date.now() + 30_000;
    let committed = 0;
    while (Date.now() < deadline) {
      try {
        const row = await sql<{ n: number }>`select count(*) as n from events`.execute(d.db);
        committed = Number(row.rows[0]?.n ?? 0);
      } catch {
        /* not migrated yet */
      }
      if (committed >= 2000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    await d.close();
    expect(committed).toBeGreaterThan(0);
    const partial = await graphOf(db);
    expect(partial.events.length).toBeLessThan(lines.length);
    const again = await runCli(['ingest', demoFile, '--db', db, '--json']);
    const s = JSON.parse(again.stdout);
    expect(s.accepted + s.duplicates).toBe(lines.length);
    expect(s.duplicates).toBe(partial.events.length);
    const clean = path.join(dir, 'clean.db');
    await runCli(['ingest', demoFile, '--db', clean]);
    expect(await graphOf(db)).toEqual(await graphOf(clean));
  });

  it('names a missing file and a bad flag clearly', async () => {
    const r = await runCli(['ingest', path.join(dir, 'nope.ndjson'), '--db', path.join(dir, 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read');
    const b = await runCli(['ingest', demoFile, '--batch', 'lots', '--db', path.join(dir, 'x.db')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('--batch');
  });
});

describe('qunyun members, communities, apply, demo', () => {
  it('lists and shows members, applies a workspace file and refuses a bad one by key', async () => {
    const db = path.join(dir, 'read.db');
    expect((await runCli(['ingest', demoFile, '--db', db])).code).toBe(0);
    const list = JSON.parse((await runCli(['members', 'list', '--db', db, '--json', '--page-size', '5'])).stdout);
    expect(list.items).toHaveLength(5);
    expect(list.total).toBeGreaterThan(1000);
    const shown = JSON.parse((await runCli(['members', 'show', String(list.items[0].id), '--db', db, '--json'])).stdout);
    expect(shown.id).toBe(list.items[0].id);
    const text = await runCli(['members', 'show', String(list.items[0].id), '--db', db]);
    expect(text.stdout).toContain('identities:');
    const comms = JSON.parse((await runCli(['communities', '--db', db, '--json'])).stdout).items;
    expect(comms.length).toBeGreaterThanOrEqual(4);
    const yaml = path.join(dir, 'qunyun.yaml');
    expect(fs.existsSync(yaml)).toBe(true);
    const applied = await runCli(['apply', yaml, '--db', db]);
    expect(applied.code, applied.stderr).toBe(0);
    const named = JSON.parse((await runCli(['communities', '--db', db, '--json'])).stdout).items;
    expect(named.some((c: { blueprint: unknown }) => c.blueprint !== null)).toBe(true);
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'workspace: { timezone: Nowhere/City }\nproducts: [{ key: a, name: A, tier: gold, price: 1 }]\n');
    const refused = await runCli(['apply', bad, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('workspace.timezone');
    expect(refused.stderr).toContain('products[0].tier');
  });

  it('generates the same demo for the same seed', async () => {
    const a = path.join(dir, 'a.ndjson');
    const b = path.join(dir, 'b.ndjson');
    await runCli(['demo', '--members', '300', '--days', '20', '--seed', '9', '--end', '2026-11-01', '--out', a, '--config-out', a + '.yaml']);
    await runCli(['demo', '--members', '300', '--days', '20', '--seed', '9', '--end', '2026-11-01', '--out', b, '--config-out', b + '.yaml']);
    expect(fs.readFileSync(a, 'utf8')).toBe(fs.readFileSync(b, 'utf8'));
    expect(fs.readFileSync(a + '.yaml', 'utf8')).toBe(fs.readFileSync(b + '.yaml', 'utf8'));
  });
});
