// Test support: a local stand-in for the WeCom server API (node:http on 127.0.0.1, never the internet) that records
// every call and can be told to fail, and a signer that builds callbacks exactly as WeCom does (AES + msg_signature).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';
import type { WecomConfig } from './config.js';

export interface MockCall {
  path: string;
  query: Record<string, string>;
  body: unknown;
}
/** A scripted answer for the next API call (token calls excluded): HTTP status and JSON, or a dropped connection. */
export type Scripted = { status?: number; json?: Record<string, unknown> } | 'drop' | 'hang';

export interface MockWecom {
  base: string;
  calls: MockCall[];
  /** Answers for the next calls, in order, before the default behaviour resumes. */
  script(...answers: Scripted[]): void;
  /** Answers for the next gettoken calls. */
  scriptToken(...answers: Scripted[]): void;
  /** Every token issued so far stops being valid (WeCom then answers 42001). */
  expireTokens(): void;
  tokensIssued(): number;
  close(): Promise<void>;
}

export const MOCK_GROUP = {
  owner: 'zhangsan',
  admin_list: [{ userid: 'lisi' }],
  member_list: [
    { userid: 'zhangsan', type: 1, join_time: 1403600000, join_scene: 1, name: '张三' },
    { userid: 'wmNEWMEMBER', type: 2, join_time: 1403600100, join_scene: 3, invitor: { userid: 'zhangsan' }, name: '新朋友' },
  ],
};

function defaultAnswer(path: string, body: Record<string, unknown>): Record<string, unknown> {
  switch (path) {
    case 'externalcontact/groupchat/get':
      return { errcode: 0, group_chat: { chat_id: body.chat_id, name: `群 ${String(body.chat_id)}`, ...MOCK_GROUP } };
    case 'externalcontact/add_msg_template':
      return { errcode: 0, fail_list: [], msgid: `msg${Date.now()}` };
    case 'externalcontact/get':
      return { errcode: 0, external_contact: {}, follow_user: [{ userid: 'zhangsan' }] };
    case 'externalcontact/get_corp_tag_list':
      return { errcode: 0, tag_group: [] };
    case 'externalcontact/add_corp_tag': {
      const tags = Array.isArray(body.tag) ? (body.tag as { name: string }[]) : [];
      return { errcode: 0, tag_group: { group_name: body.group_name, tag: tags.map((t, i) => ({ id: `et-${i}-${t.name}`, name: t.name })) } };
    }
    case 'externalcontact/send_welcome_msg':
    case 'externalcontact/mark_tag':
      return { errcode: 0, errmsg: 'ok' };
    case 'externalcontact/add_contact_way':
      return { errcode: 0, config_id: `cw-${String(body.state)}`, qr_code: `https://wework.qpic.cn/wwpic/mock-${String(body.state)}/0` };
    default:
      return { errcode: 40058, errmsg: `mock: no such API ${path}` };
  }
}

export async function startMockWecom(): Promise<MockWecom> {
  const calls: MockCall[] = [];
  const queue: Scripted[] = [];
  const tokenQueue: Scripted[] = [];
  const valid = new Set<string>();
  let issued = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mock');
      const path = url.pathname.replace(/^\/cgi-bin\//, '');
      const query = Object.fromEntries(url.searchParams);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const send = (status: number, json: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      const answer = (next: Scripted | undefined): boolean => {
        if (next === 'drop') req.socket.destroy();
        else if (next === 'hang') return true;
        else if (next) send(next.status ?? 200, next.json ?? {});
        return next !== undefined;
      };
      if (path === 'gettoken') {
        if (answer(tokenQueue.shift())) return;
        const token = `token-${++issued}`;
        valid.add(token);
        return send(200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
      }
      calls.push({ path, query, body });
      if (answer(queue.shift())) return;
      if (!valid.has(query.access_token ?? '')) return send(200, { errcode: 42001, errmsg: 'access_token expired' });
      send(200, defaultAnswer(path, body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    calls,
    script: (...answers) => {
      queue.push(...answers);
    },
    scriptToken: (...answers) => {
      tokenQueue.push(...answers);
    },
    expireTokens: () => valid.clear(),
    tokensIssued: () => issued,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A callback as WeCom sends it: the XML encrypted for `receiveId` (the corp id by default) and signed with the token. */
export function signedCallback(
  cfg: Pick<WecomConfig, 'token' | 'aesKey' | 'corpId'>,
  xml: string,
  o: { timestamp?: string; nonce?: string; receiveId?: string } = {},
) {
  const timestamp = o.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = o.nonce ?? Math.random().toString(36).slice(2, 12);
  const encrypted = encrypt(cfg.aesKey, xml, o.receiveId ?? cfg.corpId);
  const signature = getSignature(cfg.token, timestamp, nonce, encrypted);
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce }).toString();
  const body = `<xml><ToUserName><![CDATA[${cfg.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
  return { query, body, encrypted, signature, timestamp, nonce };
}

export const TEST_CONFIG = {
  corpId: 'wwqunyun0test01',
  token: 'QunyunTestToken1',
  aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  secret: 'test-secret',
} as const;
