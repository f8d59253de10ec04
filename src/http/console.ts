// Serves the built console (dist/web, made by `vite build`): hashed assets cached for good, every other path
// answered with index.html so the browser's router takes it. Strict headers: no inline script, no framing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context, Env, Hono } from 'hono';
import { page } from './html.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// antd writes its styles at run time (style-src 'unsafe-inline'); scripts only from our own files.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** dist/web beside the compiled server (dist/http → dist/web), or from the sources (src/http → dist/web). */
export function findConsoleDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.resolve(here, '../web'), path.resolve(here, '../../dist/web')]) {
    if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

function secure(c: Context) {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
}

// Built files never change while the server runs: each is read (and gzipped, for text) once.
const files = new Map<string, { raw: Buffer; gz: Buffer | null }>();
function load(file: string) {
  let f = files.get(file);
  if (!f) {
    const raw = fs.readFileSync(file);
    const text = /\.(js|css|html|svg|json|txt)$/.test(file) && raw.length > 1024;
    f = { raw, gz: text ? gzipSync(raw, { level: 9 }) : null };
    files.set(file, f);
  }
  return f;
}

export function registerConsole<E extends Env>(app: Hono<E>, dir: string | null = findConsoleDir()): void {
  app.get('*', async (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/hooks/')) return next();
    secure(c);
    if (!dir) {
      return c.html(
        page(
          '群运 Qunyun',
          '<h1>群运 Qunyun</h1><p>The console is not built: run <code>npm run build</code>, then restart. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        ),
        503,
      );
    }
    let rel: string;
    try {
      rel = decodeURIComponent(p);
    } catch {
      return c.text('bad path', 400);
    }
    const file = path.resolve(dir, '.' + path.posix.normalize(rel));
    if (file.startsWith(dir + path.sep) && path.extname(file) !== '' && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      c.header('Content-Type', type);
      c.header('Cache-Control', rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      c.header('Vary', 'Accept-Encoding');
      const f = load(file);
      if (f.gz && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
        c.header('Content-Encoding', 'gzip');
        return c.body(new Uint8Array(f.gz));
      }
      return c.body(new Uint8Array(f.raw));
    }
    if (path.extname(p) !== '') return c.text('not found', 404);
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'));
  });
}
