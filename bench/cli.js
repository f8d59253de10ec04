// Shared by the benchmarks that drive the built `qunyun` CLI: run it and time it, format figures.
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'qunyun.js');

/** Runs `qunyun ARGS` to completion; throws with its output when it fails. */
export function sh(args, env = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`qunyun ${args.join(' ')} exited ${r.status}\n${r.stdout}`);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, out: r.stdout };
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');
