// Join requests held at the gate: refused into `otherwise` until the requester pays, then approved, once inside never again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile, ConfigError } from '../../config/workspace-file.js';

const YAML = `
products: [{ key: camp, name: 体验营, tier: lead, price: 990 }]
automation:
  rules:
    - { key: paid-only, on: request, gate: { products: [camp] }, actions: [approve], otherwise: [{ notify: "{name} 申请入群，尚未购买体验营" }] }
`;

describe.each(await dialectsUnderTest())('join-request gates (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
  const kinds = async () =>
    (await h.ctx.database.db.selectFrom('actions').select('kind').where('rule', '=', 'paid-only').orderBy('id').execute()).map((r) => r.kind);
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    await h.post(ndjson([{ id: 'cu', platform: 'telegram', type: 'community.updated', community: '-1001', name: '付费群', at: at(0) }]));
  });
  afterAll(() => h.drop());

  it('holds a requester until the gate is met, then approves once', async () => {
    await h.post(
      ndjson([
        {
          id: 'rq',
          platform: 'telegram',
          type: 'member.profile',
          member: '42',
          name: '小安',
          attributes: { telegram_join_request: '-1001' },
          at: at(1),
        },
      ]),
    );
    expect(await kinds()).toEqual(['notify']);
    await h.post(ndjson([{ id: 'p1', platform: 'telegram', type: 'member.profile', member: '42', tags_add: ['vip'], at: at(2) }]));
    expect(await kinds()).toEqual(['notify']);
    await h.post(
      ndjson([{ id: 'o1', platform: 'telegram', type: 'order.paid', member: '42', order: 'o1', amount: 990, product: 'camp', at: at(3) }]),
    );
    expect(await kinds()).toEqual(['notify', 'approve']);
    // Still outside (the approval not yet delivered): another payment does not approve twice.
    await h.post(
      ndjson([{ id: 'o2', platform: 'telegram', type: 'order.paid', member: '42', order: 'o2', amount: 990, product: 'camp', at: at(4) }]),
    );
    expect(await kinds()).toEqual(['notify', 'approve']);
    await h.post(ndjson([{ id: 'j1', platform: 'telegram', type: 'member.joined', community: '-1001', member: '42', at: at(5) }]));
    await h.post(
      ndjson([{ id: 'o3', platform: 'telegram', type: 'order.paid', member: '42', order: 'o3', amount: 990, product: 'camp', at: at(6) }]),
    );
    expect(await kinds()).toEqual(['notify', 'approve']);
  });

  it('refuses a gate on other triggers by key', () => {
    expect(() => parseWorkspaceFile('automation: { rules: [{ key: x, on: join, gate: { phone: true }, actions: [approve] }] }')).toThrow(ConfigError);
  });
});
