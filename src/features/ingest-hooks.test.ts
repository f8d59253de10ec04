// The composed ingest hooks: the full set, in order, is what every way in gets (the app's context, connectors'
// inbound events); imports leave out live rules only; the bench switch leaves out analytics only.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../test-support/databases.js';
import { createContext } from '../context.js';
import { readEnv } from '../config/env.js';
import { parseWorkspaceFile } from '../config/workspace-file.js';
import { parseEventLine } from '../domain/events/validate.js';
import { applyWorkspaceFile } from './workspace/apply.js';
import { ingestBatch } from './ingest/service.js';
import { ingestEvents } from '../connectors/inbound.js';
import { ImportRun } from './import/run.js';
import { liveRulesHook } from './automation/live.js';
import { periodCacheHook } from './analytics/metrics/period-cache.js';
import { ingestContextFor, ingestHooks, withoutAutomation } from './ingest-hooks.js';

const dialects = await dialectsUnderTest();

describe('the composed hooks', () => {
  it('are live rules then the period cache, less what is opted out of', () => {
    expect(ingestHooks()).toEqual([liveRulesHook, periodCacheHook]);
    expect(ingestHooks({ automation: false })).toEqual([periodCacheHook]);
    expect(ingestHooks({ analytics: false })).toEqual([liveRulesHook]);
  });
});

describe.each(dialects)('ingest hooks at work (%s)', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  const now = Date.now();
  const joinAt = (id: string, member: string, ms: number) => ({
    id,
    platform: 'wecom',
    type: 'member.joined',
    community: 'g1',
    member,
    name: member,
    at: new Date(ms).toISOString(),
  });
  const item = (o: Record<string, unknown>) => {
    const r = parseEventLine(JSON.stringify(o));
    if (!r.ok) throw new Error(r.reason);
    return [{ line: 1, value: r.value }];
  };

  async function setUp() {
    t = await createTestDatabase(dialect);
    await applyWorkspaceFile(
      t.database,
      parseWorkspaceFile(`
communities: [{ key: g1, platform: wecom, name: 一群 }]
automation:
  rules: [{ key: welcome, on: join, actions: [{ send: "欢迎 {name}" }] }]
`),
    );
    return t.database;
  }
  const welcomes = async () => (await t!.database.db.selectFrom('actions').select('rule').where('rule', '=', 'welcome').execute()).length;
  const changes = async () =>
    (await t!.database.db.selectFrom('ledger_changes').select('min_at').orderBy('n').execute()).map((r) => Number(r.min_at));

  it("the app's context runs live rules and records the change for the dashboard cache, in the batch's commit", async () => {
    const database = await setUp();
    const ctx = await createContext(database, readEnv({})).ingestContext();
    expect(ctx.hooks).toEqual([liveRulesHook, periodCacheHook]);
    const at = now - 60_000;
    await ingestBatch(ctx, item(joinAt('j1', 'ann', at)));
    expect(await welcomes()).toBe(1);
    expect((await changes()).at(-1)).toBe(at);
  });

  it("connectors' inbound events get every hook; imports leave out live rules; the bench switch leaves out analytics", async () => {
    const database = await setUp();
    const app = createContext(database, readEnv({}));
    await ingestEvents(database, [joinAt('j1', 'ann', now - 60_000)]);
    expect(await welcomes()).toBe(1);
    const before = (await changes()).length;

    // An import through the app's context: stored, the dashboard told, nobody welcomed.
    const run = new ImportRun({ database, ingest: await app.ingestContext(), unit: 'row' });
    await run.add(1, [{ event: joinAt('j2', 'bob', now - 50_000) }]);
    expect((await run.finish()).accepted).toBe(1);
    expect(await welcomes()).toBe(1);
    expect((await changes()).length).toBe(before + 1);
    expect(withoutAutomation(ingestContextFor(database)).hooks).toEqual([periodCacheHook]);

    const benchCtx = await app.ingestContext({ analytics: false });
    expect(benchCtx.analytics).toBe(false);
    await ingestBatch(benchCtx, item(joinAt('j3', 'cy', now - 40_000)));
    expect(await welcomes()).toBe(2);
    expect((await changes()).length).toBe(before + 1);
  });
});
