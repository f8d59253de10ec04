import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStream } from './checks.js';
import { generateDemoEvents } from './generate.js';
import { writeDemoFiles } from './write.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const OPTS = { members: 3000, days: 45, seed: 3, end: new Date('2026-06-20T00:00:00+08:00') };

describe('writeDemoFiles', () => {
  it('writes one valid JSON event per line, the same events as the generator, byte-identical across runs', async () => {
    const a = path.join(dir, 'a.ndjson');
    const progress: number[] = [];
    const { events } = await writeDemoFiles(OPTS, a, (n) => progress.push(n));
    const text = fs.readFileSync(a, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.length).toBe(events);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(checkStream(parsed).problems).toEqual([]);
    let n = 0;
    for (const ev of generateDemoEvents(OPTS)) expect(JSON.stringify(ev)).toBe(lines[n++]);
    expect(n).toBe(events);
    expect(progress.at(-1)).toBe(events);
    expect(progress.length).toBeGreaterThan(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
    expect(parsed.some((e) => e.campaign === '618')).toBe(true);
    const b = path.join(dir, 'b.ndjson');
    await writeDemoFiles(OPTS, b);
    expect(fs.readFileSync(b).equals(fs.readFileSync(a))).toBe(true);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeDemoFiles({ ...OPTS, members: 10 }, path.join(dir, 'missing', 'x.ndjson'))).rejects.toThrow(/ENOENT/);
  });
});
