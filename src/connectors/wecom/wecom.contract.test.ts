// The WeCom connector passes the shared connector contract: the shared sample callbacks arrive as signed, encrypted
// POSTs to the real HTTP app; actions go to a local mock of the WeCom API.
import fs from 'node:fs';
import path from 'node:path';
import { connectorContract } from '../contract.js';
import { ingestEvents } from '../inbound.js';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { createWecomConnector } from './index.js';
import { signedCallback, startMockWecom, TEST_CONFIG } from './mock-wecom.js';
import { fixturePath } from '../../test-support/fixtures.js';

const SAMPLES = fixturePath('wecom', 'events');
const silent = { info() {}, warn() {}, error() {} };

/** Ours, in the documented fields (the shared samples have no create or dismiss). */
const chatXml = (chat: string, change: string, time: number) =>
  `<xml><ToUserName><![CDATA[${TEST_CONFIG.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>` +
  `<CreateTime>${time}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>` +
  `<ChatId><![CDATA[${chat}]]></ChatId><ChangeType><![CDATA[${change}]]></ChangeType></xml>`;

const GROUP_FILES: [string, string[]][] = [
  ['change_external_chat_update_add_member.xml', ['member.joined']],
  ['change_external_chat_update_add_member.suite.xml', ['member.joined']],
  ['change_external_chat_update_add_member.wxjava.xml', ['member.joined']],
  ['change_external_chat_update_del_member.wxjava.xml', ['member.left']],
];
const CONTACT_FILES: [string, string[]][] = [
  ['add_external_contact.xml', ['member.profile']],
  ['add_external_contact.wxjava.xml', ['member.profile']],
  ['del_external_contact.xml', ['member.profile']],
  ['del_external_contact.with_source.xml', ['member.profile']],
  ['del_follow_user.xml', ['member.profile']],
];

let actionId = 0;
await connectorContract({
  name: 'wecom',
  async setup(database) {
    const mock = await startMockWecom();
    const config = { ...TEST_CONFIG, apiBase: mock.base };
    const connector = createWecomConnector(config, { database, ingest: (e) => ingestEvents(database, e), log: silent }, { sleep: async () => {} });
    const app = createApp(createContext(database, readEnv({})), silent, [connector]);
    const post = (xml: string) => async () => {
      const s = signedCallback(config, xml);
      const res = await app.request(`/hooks/wecom?${s.query}`, { method: 'POST', body: s.body, headers: { 'content-type': 'text/xml' } });
      const text = await res.text();
      if (res.status !== 200 || text !== 'success') throw new Error(`callback answered ${res.status}: ${text}`);
    };
    const archive = async () => {
      const record = {
        msgid: 'archive-1',
        action: 'send',
        from: 'Jack',
        tolist: ['Rose'],
        roomid: 'wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ',
        msgtime: 1403610600123,
        msgtype: 'text',
        text: { content: '大家好' },
      };
      const res = await app.request('/hooks/wecom/archive', {
        method: 'POST',
        body: JSON.stringify(record) + '\n',
        headers: { authorization: `Bearer ${config.token}` },
      });
      if (res.status !== 200) throw new Error(`archive answered ${res.status}: ${await res.text()}`);
    };
    const file = ([name, types]: [string, string[]]) => ({ name, types, deliver: post(fs.readFileSync(path.join(SAMPLES, name), 'utf8')) });
    const inbound = [
      {
        name: 'create (with the group looked up)',
        types: ['community.updated', 'member.joined'],
        deliver: post(chatXml('wrCREATEDBYTEST', 'create', 1403610000)),
      },
      ...GROUP_FILES.map(file),
      {
        name: 'dismiss (its members leave)',
        types: ['community.updated', 'member.left'],
        deliver: post(chatXml('wrCREATEDBYTEST', 'dismiss', 1403620000)),
      },
      ...CONTACT_FILES.map(file),
      { name: 'a 会话存档 record', types: ['message.sent'], deliver: archive },
    ];
    const idOf = async (table: 'identities' | 'communities', external: string) => {
      const row =
        table === 'identities'
          ? await database.db
              .selectFrom('identities')
              .select('member_id as id')
              .where('platform', '=', 'wecom')
              .where('external_id', '=', external)
              .executeTakeFirstOrThrow()
          : await database.db
              .selectFrom('communities')
              .select('id')
              .where('platform', '=', 'wecom')
              .where('external_id', '=', external)
              .executeTakeFirstOrThrow();
      return Number(row.id);
    };
    return {
      connector,
      inbound,
      calls: () => mock.calls,
      failNext: (how) => (how === 'temporary' ? mock.script({ status: 503 }) : mock.script({ json: { errcode: 48002, errmsg: 'api forbidden' } })),
      async action(kind) {
        return {
          id: ++actionId,
          rule: 'contract',
          kind,
          platform: 'wecom',
          event_id: null,
          attempts: 0,
          member_id: await idOf('identities', 'Jack'),
          community_id: await idOf('communities', 'wrx7HUARsKwGRaQBVKPBTcEyzdHA4HrQ'),
          payload: kind === 'tag' ? { tag: '高意向' } : { text: '你好' },
        };
      },
      close: () => mock.close(),
    };
  },
});
