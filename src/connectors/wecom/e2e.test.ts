// The whole loop through WeCom, offline: a signed callback and an archive record in → ledger → rules → outbox →
// the WeCom API (local mock), with what WeCom cannot do dead-lettered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { applyWorkspaceFile } from '../../features/workspace/apply.js';
import { deliverDue } from '../../features/automation/outbox.js';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { ingestEvents } from '../inbound.js';
import { connectorsFor, routeDeliveries } from '../registry.js';
import type { Connector } from '../types.js';
import { signedCallback, startMockWecom, TEST_CONFIG, type MockWecom } from './mock-wecom.js';

const YAML = `
communities:
  - { key: wrE2E, platform: wecom, name: 瑜伽一群 }
automation:
  lists: { ads: [加微信] }
  rules:
    - { key: welcome, on: join, actions: [{ send: "欢迎 {name} 加入{community}！" }] }
    - { key: no-ads, on: message, match: { words: [ads] }, actions: [delete, { warn: 请勿发广告 }] }
    - { key: hello, on: contact, actions: [{ send: "你好，我是林老师，有问题随时问我～" }] }
    - { key: churn, on: leave, reasons: [quit], actions: [{ notify: "{name} 删除了员工" }] }
`;
const silent = {
  info() {},
  warn() {},
  error(o: object) {
    if (process.env.DEBUG_E2E) console.error(o);
  },
};

describe.each(await dialectsUnderTest())('WeCom end to end (%s)', (dialect) => {
  let t: TestDatabase;
  let mock: MockWecom;
  let connectors: Connector[];
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    mock = await startMockWecom();
    await applyWorkspaceFile(t.database, parseWorkspaceFile(YAML));
    const env = {
      WECOM_CORP_ID: TEST_CONFIG.corpId,
      WECOM_TOKEN: TEST_CONFIG.token,
      WECOM_ENCODING_AES_KEY: TEST_CONFIG.aesKey,
      WECOM_SECRET: 's',
      WECOM_API_BASE: mock.base,
    };
    connectors = await connectorsFor(readEnv(env).connectors, { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: silent });
    app = createApp(createContext(t.database, readEnv({})), silent, connectors);
  });
  afterAll(async () => {
    await mock.close();
    await t.drop();
  });

  it('a join and an ad arrive, the welcome and the warning go out as group messages, the deletion is refused for good', async () => {
    const now = Math.floor(Date.now() / 1000);
    const s = signedCallback(
      TEST_CONFIG,
      `<xml><ToUserName>${TEST_CONFIG.corpId}</ToUserName><CreateTime>${now}</CreateTime><Event>change_external_chat</Event>` +
        '<ChatId>wrE2E</ChatId><ChangeType>update</ChangeType><UpdateDetail>add_member</UpdateDetail><JoinScene>3</JoinScene><MemChangeList><Item>wmNEW</Item></MemChangeList></xml>',
    );
    expect(await (await app.request(`/hooks/wecom?${s.query}`, { method: 'POST', body: s.body })).text()).toBe('success');
    const record = {
      msgid: 'e2e-1',
      action: 'send',
      from: 'wmNEW',
      roomid: 'wrE2E',
      msgtime: Date.now(),
      msgtype: 'text',
      text: { content: '加微信领资料' },
    };
    const res = await app.request('/hooks/wecom/archive', {
      method: 'POST',
      body: JSON.stringify(record),
      headers: { authorization: `Bearer ${TEST_CONFIG.token}` },
    });
    expect(await res.json()).toMatchObject({ accepted: 1 });

    expect(await deliverDue(t.database, routeDeliveries(connectors, t.database))).toEqual({ done: 2, retry: 0, dead: 1 });
    const sent = mock.calls
      .filter((c) => c.path === 'externalcontact/add_msg_template')
      .map((c) => (c.body as { text: { content: string } }).text.content);
    expect(sent).toEqual(['欢迎 新朋友 加入瑜伽一群！', '@wmNEW 请勿发广告']); // the rules call a nameless member 新朋友
    const actions = await t.database.db.selectFrom('actions').select(['kind', 'status', 'last_error']).orderBy('id').execute();
    expect(actions.map((a) => [a.kind, a.status])).toEqual([
      ['send', 'done'],
      ['delete', 'dead'],
      ['warn', 'done'],
    ]);
    // routeDeliveries refuses kinds a connector does not claim itself (the connector's own reason: deliver.test.ts).
    expect(actions[1]!.last_error).toMatch(/WeCom cannot deliver a delete action: /);
  });

  it('a new contact is welcomed privately with the WelcomeCode of its callback', async () => {
    const now = Math.floor(Date.now() / 1000);
    const s = signedCallback(
      TEST_CONFIG,
      `<xml><ToUserName>${TEST_CONFIG.corpId}</ToUserName><CreateTime>${now}</CreateTime><MsgType>event</MsgType>` +
        '<Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType><UserID>zhangsan</UserID><ExternalUserID>wmCONTACT</ExternalUserID>' +
        '<State>xiaohongshu</State><WelcomeCode>WELCOME-123</WelcomeCode></xml>',
    );
    expect(await (await app.request(`/hooks/wecom?${s.query}`, { method: 'POST', body: s.body })).text()).toBe('success');
    const queued = await t.database.db.selectFrom('actions').select(['kind', 'payload', 'community_id']).where('rule', '=', 'hello').execute();
    expect(queued.map((a) => [a.kind, JSON.parse(a.payload).to, a.community_id])).toEqual([['send', 'member', null]]);
    expect(await deliverDue(t.database, routeDeliveries(connectors, t.database))).toMatchObject({ done: 1, dead: 0 });
    const call = mock.calls.find((c) => c.path === 'externalcontact/send_welcome_msg')!;
    expect(call.body).toMatchObject({ welcome_code: 'WELCOME-123', text: { content: '你好，我是林老师，有问题随时问我～' } });
  });

  it('a customer deleting the staff account raises the churn alert', async () => {
    const now = Math.floor(Date.now() / 1000);
    const s = signedCallback(
      TEST_CONFIG,
      `<xml><ToUserName>${TEST_CONFIG.corpId}</ToUserName><CreateTime>${now}</CreateTime><MsgType>event</MsgType>` +
        '<Event>change_external_contact</Event><ChangeType>del_follow_user</ChangeType><UserID>zhangsan</UserID><ExternalUserID>wmCONTACT</ExternalUserID></xml>',
    );
    expect(await (await app.request(`/hooks/wecom?${s.query}`, { method: 'POST', body: s.body })).text()).toBe('success');
    const alerts = await t.database.db.selectFrom('actions').select(['kind', 'community_id']).where('rule', '=', 'churn').execute();
    expect(alerts).toEqual([{ kind: 'notify', community_id: null }]);
  });
});
