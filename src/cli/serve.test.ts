// `qunyun serve` as `npm start` runs it: demo on the first start of the default database only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from '../test-support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-serve-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the server on a free port and resolves with its URL once it prints it. */
function serve(args: string[], env: Record<string, string>): Promise<{ url: string; out: () => string; child: ChildProcess }> {
  const child = startCli(['serve', '--port', '0', '--host', '127.0.0.1', ...args], { ...env, LOG_LEVEL: 'warn' }, dir);
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, out: () => out, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
}

async function stop(child: ChildProcess) {
  const closed = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await closed;
}

describe('qunyun serve', () => {
  it('fills an empty default database with the demo once, and never a named one', async () => {
    const env = { QUNYUN_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
    const first = await serve([], env);
    expect(first.out()).toContain('loading the demo workspace');
    // The demo prints its own login; everything else needs it.
    const login = /sign in to the console as +(\S+) \/ (\S+)/.exec(first.out())!;
    expect(login[1]).toBe('demo');
    expect((await fetch(first.url + '/api/v1/communities')).status).toBe(401);
    const signed = await fetch(first.url + '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: login[1], password: login[2] }),
    });
    const cookie = { headers: { cookie: signed.headers.get('set-cookie')!.split(';')[0]! } };
    const comms = (await (await fetch(first.url + '/api/v1/communities', cookie)).json()) as { items: { members: number; name: string }[] };
    expect(comms.items.length).toBeGreaterThanOrEqual(4);
    expect(comms.items.some((c) => c.members > 0)).toBe(true);
    const members = (await (await fetch(first.url + '/api/v1/members?page_size=1', cookie)).json()) as { total: number };
    expect(members.total).toBeGreaterThan(1000);
    expect((await fetch(first.url + '/api/docs')).status).toBe(200);
    // The console itself, from the same server: its page, and the scripts it names.
    const html = await (await fetch(first.url + '/')).text();
    expect(html).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(first.url + script)).status).toBe(200);
    await stop(first.child);
    expect(fs.existsSync(path.join(dir, 'data', 'qunyun.db'))).toBe(true);

    // The demo comes alive (live traffic), so a few newcomers may have joined since the count above.
    expect(first.out()).toContain('generating live traffic');
    const second = await serve(['--no-traffic'], env);
    expect(second.out()).not.toContain('loading the demo');
    expect(second.out()).not.toContain('generating live traffic');
    // The same demo login, printed again; the session survives a restart.
    expect(second.out()).toContain(`as  demo / ${login[2]}`);
    const again = (await (await fetch(second.url + '/api/v1/members?page_size=1', cookie)).json()) as { total: number };
    expect(again.total).toBeGreaterThanOrEqual(members.total);
    expect(again.total).toBeLessThan(members.total + 20);
    await stop(second.child);

    const named = await serve(['--db', path.join(dir, 'named.db')], env);
    expect(named.out()).not.toContain('demo');
    // A real workspace starts with no account: the console offers the owner setup.
    expect(await (await fetch(named.url + '/api/v1/auth/status')).json()).toMatchObject({ setup_required: true, demo: false });
    expect((await fetch(named.url + '/api/v1/members')).status).toBe(401);
    await stop(named.child);
  }, 180_000);
});
