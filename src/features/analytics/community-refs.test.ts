// A community named in a query, across the analytics and export routes: a name two platforms share answers 400
// with code ambiguous (the message says how to write it), an unknown one 404 — each an error answer checked against
// the declared schema (createTestApp checks answers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';

const dialects = await dialectsUnderTest();
const ROUTES = [
  '/api/v1/metrics?from=2026-10-01&to=2026-11-01',
  '/api/v1/metrics/products?from=2026-10-01&to=2026-11-01',
  '/api/v1/rfm?at=2026-11-01',
  '/api/v1/rfm/members?at=2026-11-01',
  '/api/v1/cohorts?from=2026-10-01&to=2026-11-01',
  '/api/v1/roles?at=2026-11-01',
  '/api/v1/roles/members?at=2026-11-01',
  '/api/v1/export/members?at=2026-11-01',
  '/api/v1/export/metrics?from=2026-10-01&to=2026-11-01',
];

describe.each(dialects)('community refs in queries (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await h.post(
      ndjson(
        ['wecom', 'telegram'].map((platform) => ({
          id: `j-${platform}`,
          platform,
          type: 'member.joined',
          community: 'g1',
          member: 'm',
          at: '2026-10-10T10:00:00+08:00',
        })),
      ),
    );
  });
  afterAll(() => h.drop());

  it('a name two platforms share: 400 ambiguous; platform:id works; an unknown one: 404', async () => {
    for (const path of ROUTES) {
      const ambiguous = await h.get(`${path}&community=g1`);
      expect([path, ambiguous.status, ambiguous.body.error.code]).toEqual([path, 400, 'ambiguous']);
      expect(ambiguous.body.error.message).toMatch(
        /^community "g1" exists on several platforms \((wecom, telegram|telegram, wecom)\): write platform:id$/,
      );
      const unknown = await h.get(`${path}&community=nope`);
      expect([path, unknown.status, unknown.body.error.code]).toEqual([path, 404, 'not_found']);
      const res = await h.app.request(`${path}&community=wecom:g1`);
      expect([path, res.status]).toEqual([path, 200]);
      await res.arrayBuffer();
    }
  });
});
