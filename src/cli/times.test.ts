// The built CLI prints instants in the workspace zone with its offset, whatever the machine's zone: a workspace at
// Pacific/Kiritimati (UTC+14) read by a process at America/Adak (UTC-10), through actions, playbooks and members.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

const YAML = `
workspace: { timezone: Pacific/Kiritimati }
communities:
  - { key: g1, platform: wecom, name: 晨跑群 }
automation:
  playbooks:
    - key: evening
      communities: [g1]
      steps:
        - { key: stretch, cron: "30 19 * * *", send: 今晚拉伸 }
`;
// 10:05 on Kiritimati is 20:05 the day before in UTC: a table in UTC would show another day as well as another hour.
const JOIN = { id: 'j1', platform: 'wecom', type: 'member.joined', community: 'g1', member: 'u1', name: '阿青', at: '2026-12-01T20:05:00Z' };

let dir: string;
let db: string;
// The child runs far from the workspace, so anything printed in the process zone would show.
const cli = (args: string[]) => runCli([...args, '--db', db], { env: { TZ: 'America/Adak' } });
const ok = async (args: string[]) => {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-cli-times-'));
  db = path.join(dir, 'kiritimati.db');
  fs.writeFileSync(path.join(dir, 'qunyun.yaml'), YAML);
  fs.writeFileSync(path.join(dir, 'events.ndjson'), JSON.stringify(JOIN) + '\n');
  await ok(['apply', path.join(dir, 'qunyun.yaml')]);
  await ok(['ingest', path.join(dir, 'events.ndjson')]);
  // The first pass sets the playbook's step up; the second, at 19:30 local, queues its message.
  await ok(['scheduler', 'tick', '--now', '2026-12-03T12:00:00+14:00']);
  await ok(['scheduler', 'tick', '--now', '2026-12-03T19:30:00+14:00']);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('instants in the CLI', () => {
  it('actions list: when the action was queued, in local time with +14:00', async () => {
    const out = await ok(['actions', 'list']);
    expect(out).toMatch(/^1\s+2026-12-03 19:30:00 \+14:00\s+playbook:evening\/stretch\s+send/m);
    expect(out).not.toContain('05:30');
    // --json keeps the answer's ISO string, the same instant.
    const json = JSON.parse(await ok(['actions', 'list', '--json']));
    expect(Date.parse(json.items[0].created_at)).toBe(Date.parse('2026-12-03T19:30:00+14:00'));
  });

  it("playbooks list: the next run at the step's 19:30 in the workspace zone, with +14:00", async () => {
    const out = await ok(['playbooks', 'list']);
    expect(out).toMatch(/^evening\s+stretch\s+cron 30 19 \* \* \*\s+community\s+\d{4}-\d{2}-\d{2} 19:30 \+14:00\s+0\s+1\s+0$/m);
    const json = JSON.parse(await ok(['playbooks', 'list', '--json']));
    const next = Date.parse(json.playbooks[0].steps[0].next_run);
    expect(new Date(next).toISOString().slice(11, 16)).toBe('05:30');
  });

  it('members list and show: the first join on the local calendar day, with +14:00', async () => {
    expect(await ok(['members', 'list'])).toMatch(/^1\s+阿青\s+2026-12-02 10:05 \+14:00\s+1\s*$/m);
    const shown = await ok(['members', 'show', '1']);
    expect(shown).toMatch(/^晨跑群\s+yes\s+2026-12-02 10:05 \+14:00/m);
    expect(shown).toMatch(/^2026-12-02 10:05:00 \+14:00\s+member\.joined/m);
    const json = JSON.parse(await ok(['members', 'list', '--json']));
    expect(json.items[0].first_join_at).toBe('2026-12-02T10:05:00+14:00');
  });
});
