#!/usr/bin/env node
// The repository must stand alone: no tracked file may point at a path outside it. Flags relative paths that climb
// above the repository root (resolved from the file's own folder) and absolute paths into this machine's work
// folders. Run by `npm run lint` and so by CI.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
const SKIP = new Set(['package-lock.json']);
const climbing = /(?:^|[\s'"`(=[<:])((?:\.\.\/)+[\w@.-][\w@./-]*)/g;
const absolute = /(?:^|[\s'"`(=])(\/work\/[\w./-]*|\/home\/[\w./-]*)/g;
const problems = [];
for (const f of files) {
  if (SKIP.has(f) || !/\.(ts|tsx|js|mjs|cjs|json|md|yaml|yml|html|css|sh)$|^\.ci\//.test(f)) continue;
  const text = fs.readFileSync(path.join(root, f), 'utf8');
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(climbing)) {
      const target = path.resolve(root, path.dirname(f), m[1]);
      if (path.relative(root, target).startsWith('..')) problems.push(`${f}:${i + 1}: ${m[1]} is outside the repository`);
    }
    for (const m of line.matchAll(absolute)) problems.push(`${f}:${i + 1}: ${m[1]} is an absolute path on one machine`);
  });
}
if (problems.length) {
  console.error(`The repository must stand alone; ${problems.length} reference(s) leave it:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`standalone: ${files.length} tracked files, no reference outside the repository`);
