#!/usr/bin/env node
// docs/ARCHITECTURE.md must match the tree: every file it names (`name.ts`, `dir/`) exists, and every folder of
// src/ (two levels down) and web/src/ is named in it. Run by `npm run lint` and so by CI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const doc = fs.readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .filter((f) => fs.existsSync(path.join(root, f)));
const names = new Set(
  tracked.flatMap((f) => {
    const parts = f.split('/');
    return parts.map((p, i) => (i === parts.length - 1 ? p : `${p}/`));
  }),
);
const problems = [];
// File names the page mentions (foo.ts, foo.tsx, foo.mjs, foo.md) must exist somewhere in the repository.
for (const m of doc.matchAll(/(?<![\w/.*-])([\w.-]+\.(?:ts|tsx|mjs|js|md|json|yaml))(?![\w])/g)) {
  const name = m[1];
  if (name === 'qunyun.yaml' || name.startsWith('.')) continue;
  if (!names.has(name)) problems.push(`docs/ARCHITECTURE.md names ${name}, which is not in the repository`);
}
// Every folder under src/ (depth 1 and 2) and web/src/ (depth 1) appears as `name/` in the page.
const folders = new Set(
  tracked.flatMap((f) => {
    const p = f.split('/');
    const out = [];
    if (p[0] === 'src' && p.length > 2) out.push(p[1]);
    if (p[0] === 'src' && p.length > 3 && ['features', 'domain', 'connectors'].includes(p[1])) out.push(p[2]);
    if (p[0] === 'src' && p.length > 4 && p[1] === 'features' && p[2] === 'analytics') out.push(p[3]);
    if (p[0] === 'web' && p[1] === 'src' && p.length > 3) out.push(p[2]);
    return out;
  }),
);
for (const d of folders)
  if (!new RegExp(`(^|[\\s\`(/,])${d}/`, 'm').test(doc)) problems.push(`docs/ARCHITECTURE.md does not mention the folder ${d}/`);
if (problems.length) {
  console.error(`ARCHITECTURE.md is out of date:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`architecture: ${folders.size} folders and every file named in docs/ARCHITECTURE.md check out`);
