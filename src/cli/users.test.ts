// `qunyun user …` and `qunyun token …` against a database file: the password from stdin, roles checked, the
// last owner kept, tokens printed once and usable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-users-'));
const db = path.join(dir, 'q.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('qunyun user / token', () => {
  it('adds an owner from stdin, refuses bad input by name, lists, and makes a token', async () => {
    const bad = await runCli(['user', 'add', 'boss', '--role', 'admin', '--db', db], { input: 'long enough\n' });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--role: expected one of owner, operator, analyst (got "admin")');
    const weak = await runCli(['user', 'add', 'boss', '--role', 'owner', '--db', db], { input: 'short\n' });
    expect(weak.stderr).toContain('password: at least 8 characters');
    const ok = await runCli(['user', 'add', 'boss', '--role', 'owner', '--db', db], { input: 'long enough\n' });
    expect([ok.code, ok.stdout.trim()]).toEqual([0, 'added boss (owner)']);
    const dup = await runCli(['user', 'add', 'boss', '--role', 'owner', '--db', db], { input: 'long enough\n' });
    expect(dup.stderr).toContain('username "boss" is taken');
    const list = await runCli(['user', 'list', '--json', '--db', db]);
    expect(JSON.parse(list.stdout)).toMatchObject([{ username: 'boss', role: 'owner' }]);
    const last = await runCli(['user', 'remove', 'boss', '--db', db]);
    expect(last.stderr).toContain('boss is the last owner');
    const token = await runCli(['token', 'create', 'bi', '--user', 'boss', '--role', 'analyst', '--db', db]);
    expect(token.stdout.trim()).toMatch(/^qy_[A-Za-z0-9_-]{40,}$/);
    expect(token.stderr).toContain('as analyst');
    const tokens = await runCli(['token', 'list', '--db', db]);
    expect(tokens.stdout).toContain('bi');
    expect(tokens.stdout).not.toContain(token.stdout.trim());
  });
});
