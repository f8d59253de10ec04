#!/usr/bin/env node
// Writes the console's API types (web/src/api/schema.d.ts) from the OpenAPI document of the built server: the app
// from dist/ over a throwaway in-memory SQLite database (building the document reads nothing from it), no
// connectors. Run after `npm run build`; src/http/api-types.test.ts fails until the committed file is current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));
if (!fs.existsSync(path.join(root, 'dist/http/api-types.js'))) {
  console.error('gen-api-types: dist/ is missing or stale: run `npm run build` first');
  process.exit(1);
}

const { openDatabase } = await dist('storage/database.js');
const { createContext } = await dist('context.js');
const { readEnv } = await dist('config/env.js');
const { createApp } = await dist('http/app.js');
const { apiTypesSource, API_TYPES_FILE } = await dist('http/api-types.js');

const database = await openDatabase(':memory:');
try {
  // An empty environment: the document must not depend on this machine's settings.
  const app = createApp(createContext(database, readEnv({})), console, []);
  const target = path.join(root, API_TYPES_FILE);
  const source = await apiTypesSource(app);
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, source);
  console.log(`${API_TYPES_FILE}: ${before === source ? 'unchanged' : 'written'} (${source.split('\n').length} lines)`);
} finally {
  await database.close();
}
