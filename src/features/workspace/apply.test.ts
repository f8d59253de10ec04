import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { IngestSession } from '../ingest/session.js';
import { ingestContextFor } from '../ingest-hooks.js';
import { applyWorkspaceFile } from './apply.js';
import { loadSettings } from './settings.js';
import { listCommunities } from '../communities/repository.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('qunyun apply (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('stores settings, products, channels and blueprints, and re-buckets days when the zone changes', async () => {
    t = await createTestDatabase(dialect);
    const s = new IngestSession(ingestContextFor(t.database));
    await s.add({
      line: 1,
      text: JSON.stringify({
        id: 'm',
        platform: 'wecom',
        type: 'message.sent',
        community: 'g1',
        member: 'u',
        kind: 'text',
        at: '2026-11-01T07:00:00+08:00',
      }),
    });
    await s.finish();
    const days = async () => (await t!.database.db.selectFrom('member_days').select('day').execute()).map((r) => r.day);
    expect(await days()).toEqual([20261101]);

    const r = await applyWorkspaceFile(
      t.database,
      parseWorkspaceFile(`
workspace: { name: 测试, timezone: UTC, dormantDays: 14 }
products: [{ key: camp, name: 体验营, aliases: [体验课], tier: lead, price: 990 }]
channels: [{ key: douyin, name: 抖音, cost: 100 }]
communities: [{ key: g1, platform: wecom, name: 一群, capacity: 150, rules: [不发广告] }, { key: g9, platform: telegram, name: 新群 }]
`),
    );
    expect(r).toMatchObject({ products: 1, channels: 1, communities: 2, timezoneChanged: true, rebuiltDays: 1 });
    expect(await days()).toEqual([20261031]);
    expect(await loadSettings(t.database.db)).toEqual({ name: '测试', timezone: 'UTC', dormantDays: 14, newCustomerDays: 30 });
    const comms = await listCommunities(t.database.db);
    expect(comms.map((c) => [c.platform, c.external_id, c.name, c.capacity])).toEqual([
      ['wecom', 'g1', '一群', 150],
      ['telegram', 'g9', '新群', 200],
    ]);
    expect(comms[0]!.blueprint).toMatchObject({ rules: ['不发广告'] });

    // Applying the same zone and products again rebuilds nothing.
    const same = await applyWorkspaceFile(
      t.database,
      parseWorkspaceFile(`
workspace: { timezone: UTC }
products: [{ key: camp, name: 体验营, aliases: [体验课], tier: lead, price: 990 }]
`),
    );
    expect(same).toMatchObject({ timezoneChanged: false, rebuiltDays: 0 });
    // Dropping a community clears its blueprint.
    const again = await applyWorkspaceFile(t.database, parseWorkspaceFile('workspace: { timezone: UTC }\n'));
    expect(again).toMatchObject({ timezoneChanged: false, rebuiltDays: 0, products: 0 });
    expect((await listCommunities(t.database.db)).every((c) => c.blueprint === null)).toBe(true);
    expect(await t.database.db.selectFrom('products').selectAll().execute()).toEqual([]);
  });
});
