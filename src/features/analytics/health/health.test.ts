// Community health over HTTP: a community known only from the ledger (no name, no blueprint) and one from
// qunyun.yaml, each answer checked against the declared schema (createTestApp checks answers); a bad instant named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';
import { applyWorkspaceFile } from '../../workspace/apply.js';
import { parseWorkspaceFile } from '../../../config/workspace-file.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('community health (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile('communities: [{ key: big, platform: wecom, name: 大群, capacity: 2 }]\n'));
    await h.post(
      ndjson(
        ['a', 'b', 'c']
          .map((m, i) => ({ id: `j${i}`, platform: 'wecom', type: 'member.joined', community: 'big', member: m, at: '2026-10-20T10:00:00+08:00' }))
          .concat([{ id: 'x', platform: 'wecom', type: 'member.joined', community: 'raw', member: 'a', at: '2026-10-30T10:00:00+08:00' }]),
      ),
    );
  });
  afterAll(() => h.drop());

  it('sizes each community against its capacity, with a verdict', async () => {
    const { status, body } = await h.get('/api/v1/communities/health?at=2026-11-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ at: '2026-11-01T00:00:00+08:00', timezone: 'Asia/Shanghai' });
    const [big, raw] = body.communities;
    expect(big).toMatchObject({
      community: { platform: 'wecom', external_id: 'big', name: '大群' },
      members: 3,
      capacity: 2,
      fill: 1.5,
      daily_active_ratio: 0,
    });
    expect(big.verdict).toMatchObject({ status: 'unhealthy', size: 'over_capacity', activity: 'silent' });
    // Weeks from 10-04, oldest first: the joins of 10-20 fall in the third.
    expect(big.weeks.map((w: any) => w.joiners)).toEqual([0, 0, 3, 0]);
    expect(raw).toMatchObject({ community: { external_id: 'raw', name: null }, members: 1, capacity: 200 });
    expect(raw.weeks[0]).toMatchObject({ growth: null, churn: null });
  });

  it('names a bad instant', async () => {
    const r = await h.get('/api/v1/communities/health?at=soon');
    expect([r.status, r.body.error.code]).toEqual([400, 'invalid_request']);
    expect(r.body.error.message).toMatch(/^at: /);
  });
});
