// The committed console API types (web/src/api/schema.d.ts) match the OpenAPI document the app serves now.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/app.js';
import { API_TYPES_FILE, apiTypesSource } from './api-types.js';

describe("the console's API types", () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp('sqlite');
  });
  afterAll(() => h.drop());

  it(`${API_TYPES_FILE} is generated from the current document`, async () => {
    const fresh = await apiTypesSource(h.raw);
    expect(fresh).toContain('"/api/v1/members/{id}": {');
    const committed = fs.readFileSync(new URL(`../../${API_TYPES_FILE}`, import.meta.url), 'utf8');
    expect(committed === fresh, `${API_TYPES_FILE} is stale: run \`node scripts/gen-api-types.mjs\` (after \`npm run build\`) and commit it`).toBe(
      true,
    );
  });
});
