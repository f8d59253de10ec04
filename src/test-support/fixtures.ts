// The repository's test fixtures (fixtures/, origins in fixtures/SOURCES.md), found from this file's place so
// tests pass from any working directory and from a clean clone alone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Absolute path of fixtures/<parts…>. */
export const fixturePath = (...parts: string[]): string => path.join(ROOT, ...parts);
