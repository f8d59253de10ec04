// Serving the built console: files from its folder only, the SPA fallback, caching, gzip and strict headers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { registerConsole } from './console.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-web-'));
fs.mkdirSync(path.join(dir, 'assets'));
fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(dir, 'assets', 'app-1234.js'), 'console.log("x");'.repeat(200));
fs.writeFileSync(path.join(os.tmpdir(), 'qunyun-secret.txt'), 'secret');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const app = new Hono();
registerConsole(app, dir);
app.get('/api/v1/x', (c) => c.json({ api: true }));

describe('console files', () => {
  it('serves assets for good, gzipped when asked, with strict headers', async () => {
    const res = await app.request('/assets/app-1234.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe('console.log("x");'.repeat(200));
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const plain = await app.request('/assets/app-1234.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('answers app paths with index.html, and never leaves the folder', async () => {
    for (const p of ['/', '/members/12', '/settings/audit']) {
      const res = await app.request(p);
      expect([p, res.status, await res.text()]).toEqual([p, 200, '<!doctype html><div id="root"></div>']);
    }
    for (const p of ['/../qunyun-secret.txt', '/%2e%2e/qunyun-secret.txt', '/assets/..%2f..%2fqunyun-secret.txt', '/assets/missing.js']) {
      const res = await app.request(p);
      expect([p, res.status]).toEqual([p, 404]);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await app.request('/%E0%A4%A')).status).toBe(400);
    expect(await (await app.request('/api/v1/x')).json()).toEqual({ api: true });
  });

  it('says how to build it when it is not built', async () => {
    const bare = new Hono();
    registerConsole(bare, null);
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
