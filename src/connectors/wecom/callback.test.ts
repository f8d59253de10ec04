// The callback endpoint: the official crypto vectors verify and decrypt; every refusal answers the right status
// with a message naming the problem; "success" comes only after the ledger committed.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encrypt, getSignature } from '@wecom/crypto';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { ingestEvents } from '../inbound.js';
import type { ConnectorContext } from '../types.js';
import { createWecomConnector } from './index.js';
import { signedCallback, TEST_CONFIG } from './mock-wecom.js';
import { constantTimeEqual, openEnvelope, ReplayGuard, signatureMatches, verifySignature } from './security.js';
import { fixturePath } from '../../test-support/fixtures.js';
import { SECRET_LIMITS } from '../../http/throttle.js';

interface Vector {
  id: string;
  token: string;
  encodingAESKey: string;
  receiveId: string;
  timestamp: string;
  nonce: string;
  signature: string;
  encrypted: string;
  plaintext: string;
  random?: string;
}
const VECTORS = JSON.parse(fs.readFileSync(fixturePath('wecom', 'wecom-vectors.json'), 'utf8')) as Vector[];
const silent = { info() {}, warn() {}, error() {} };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('sqlite');
});
afterAll(async () => {
  await t?.drop();
});

function setup(
  o: { config?: typeof TEST_CONFIG | Record<string, string>; now?: number; ingest?: ConnectorContext['ingest']; fetch?: typeof fetch } = {},
) {
  const config = { ...TEST_CONFIG, apiBase: 'http://127.0.0.1:9', ...o.config };
  const ctx: ConnectorContext = { database: t.database, ingest: o.ingest ?? ((e) => ingestEvents(t.database, e)), log: silent };
  const fail: typeof fetch = async () => {
    throw new Error('no WeCom API in this test');
  };
  const connector = createWecomConnector(config, ctx, {
    now: o.now === undefined ? undefined : () => o.now!,
    fetch: o.fetch ?? fail,
    sleep: async () => {},
  });
  const app = createApp(createContext(t.database, readEnv({})), silent, [connector]);
  const post = async (s: { query: string; body: string }) => app.request(`/hooks/wecom?${s.query}`, { method: 'POST', body: s.body });
  const send = (xml: string, opts?: Parameters<typeof signedCallback>[2]) => post(signedCallback(config, xml, opts));
  return { app, connector, config, post, send };
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const contact = (member: string) =>
  `<xml><ToUserName>${TEST_CONFIG.corpId}</ToUserName><CreateTime>1403610513</CreateTime><Event>change_external_contact</Event>` +
  `<ChangeType>add_external_contact</ChangeType><UserID>zhangsan</UserID><ExternalUserID>${member}</ExternalUserID><WelcomeCode>WC-${member}</WelcomeCode></xml>`;
const chat = (id: string, change: string, time = 1403620000) =>
  `<xml><ToUserName>${TEST_CONFIG.corpId}</ToUserName><CreateTime>${time}</CreateTime>` +
  `<Event>change_external_chat</Event><ChatId>${id}</ChatId><ChangeType>${change}</ChangeType></xml>`;

describe('official vectors (wecom-vectors.json)', () => {
  it.each(VECTORS.map((v) => [v.id, v] as const))('%s: signature verifies and the payload decrypts for its receive id', (_id, v) => {
    expect(getSignature(v.token, v.timestamp, v.nonce, v.encrypted)).toBe(v.signature);
    expect(() => verifySignature(v.token, { signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, encrypted: v.encrypted })).not.toThrow();
    expect(openEnvelope(v.encodingAESKey, v.receiveId, v.encrypted)).toBe(v.plaintext);
    if (v.random) expect(encrypt(v.encodingAESKey, v.plaintext, v.receiveId, Buffer.from(v.random))).toBe(v.encrypted);
  });

  it('the wechatpy vector with nonce 437374424 fails', () => {
    const v = VECTORS.find((x) => x.id === 'wechatpy-check-signature')!;
    expect(() => verifySignature(v.token, { signature: v.signature, timestamp: v.timestamp, nonce: '437374424', encrypted: v.encrypted })).toThrow(
      /msg_signature does not match/,
    );
  });

  it('GET /hooks/wecom answers the decrypted echostr (URL verification), "+" encoded or not', async () => {
    const echoes = VECTORS.filter((x) => x.plaintext.length < 30);
    expect(echoes).toHaveLength(3);
    for (const v of echoes) {
      for (const echostr of [encodeURIComponent(v.encrypted), v.encrypted]) {
        const { app } = setup({ config: { corpId: v.receiveId, token: v.token, aesKey: v.encodingAESKey }, now: Number(v.timestamp) * 1000 });
        const res = await app.request(`/hooks/wecom?msg_signature=${v.signature}&timestamp=${v.timestamp}&nonce=${v.nonce}&echostr=${echostr}`);
        expect(res.status, v.id).toBe(200);
        expect(await res.text()).toBe(v.plaintext);
      }
    }
  });

  it('POST /hooks/wecom accepts the official encrypted message (a plain text message: acknowledged, nothing stored)', async () => {
    for (const v of VECTORS.filter((x) => x.id.endsWith('decryptmsg'))) {
      const { app } = setup({ config: { corpId: v.receiveId, token: v.token, aesKey: v.encodingAESKey }, now: Number(v.timestamp) * 1000 });
      const body = `<xml><ToUserName><![CDATA[${v.receiveId}]]></ToUserName><Encrypt><![CDATA[${v.encrypted}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
      const res = await app.request(`/hooks/wecom?msg_signature=${v.signature}&timestamp=${v.timestamp}&nonce=${v.nonce}`, { method: 'POST', body });
      expect(await res.text()).toBe('success');
    }
  });
});

describe('replay memory and comparisons', () => {
  it('remembers a bounded number of committed requests for 10 minutes, keyed on the signature alone', async () => {
    const guard = new ReplayGuard(3);
    const ok = async (sig: string, at = 0) =>
      guard.once(
        sig,
        () => at,
        async () => 'ran',
      );
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5']) expect(await ok(n)).toEqual({ duplicate: false, value: 'ran' });
    expect(guard.size).toBe(3);
    expect(await ok('a1', 1)).toEqual({ duplicate: false, value: 'ran' }); // forgotten: the oldest go first
    expect(await ok('A5', 1)).toEqual({ duplicate: true });
    expect(await ok('a5', 10 * 60_000)).toEqual({ duplicate: false, value: 'ran' });
    // A failed run is not remembered: the retry runs.
    await expect(
      guard.once(
        'a6',
        () => 0,
        async () => {
          throw new Error('down');
        },
      ),
    ).rejects.toThrow('down');
    expect(await ok('a6')).toEqual({ duplicate: false, value: 'ran' });
    expect(guard.pending).toBe(0);
  });

  it('a duplicate arriving while the first is in flight waits for it, and runs itself if the first failed', async () => {
    const guard = new ReplayGuard();
    let fail!: (e: Error) => void;
    const first = guard.once(
      's1',
      () => 0,
      () =>
        new Promise<string>((_r, j) => {
          fail = j;
        }),
    );
    let ran = 0;
    const second = guard.once(
      's1',
      () => 0,
      async () => {
        ran++;
        return 'second';
      },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(ran).toBe(0); // waiting, not refused
    fail(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    expect(await second).toEqual({ duplicate: false, value: 'second' });
    let succeed!: (v: string) => void;
    const third = guard.once(
      's2',
      () => 0,
      () =>
        new Promise<string>((r) => {
          succeed = r;
        }),
    );
    const fourth = guard.once(
      's2',
      () => 0,
      async () => 'again',
    );
    succeed('first');
    expect(await third).toEqual({ duplicate: false, value: 'first' });
    expect(await fourth).toEqual({ duplicate: true });
  });

  it('compares secrets exactly and signatures in either case', () => {
    expect(constantTimeEqual('Token', 'token')).toBe(false);
    expect(constantTimeEqual('token', 'token1')).toBe(false);
    expect(signatureMatches('5c45ff5e', '5C45FF5E')).toBe(true);
  });
});

describe('refusals', () => {
  it('a wrong signature → 401 bad_signature', async () => {
    const { post, config } = setup();
    const s = signedCallback(config, contact('wmSIG'));
    const res = await post({ ...s, query: s.query.replace(/msg_signature=[0-9a-f]/, (m) => m.slice(0, -1) + (m.endsWith('0') ? '1' : '0')) });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: 'bad_signature', message: expect.stringMatching(/msg_signature does not match/) });
  });

  it('missing parameters → 400 naming them', async () => {
    const { app } = setup();
    const res = await app.request('/hooks/wecom?timestamp=1', { method: 'POST', body: '<xml/>' });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('missing query parameters: msg_signature, nonce');
  });

  it('a message encrypted for another corp → 403 wrong_receive_id', async () => {
    const res = await setup().send(contact('wmRID'), { receiveId: 'wwsomeoneelse' });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toMatchObject({
      code: 'wrong_receive_id',
      message: expect.stringMatching(/"wwsomeoneelse", not for WECOM_CORP_ID "wwqunyun0test01"/),
    });
  });

  it('a timestamp more than 5 minutes away → 401 stale_timestamp', async () => {
    const { send } = setup();
    for (const skew of [-301, 301]) {
      const res = await send(contact('wmOLD'), { timestamp: String(Math.floor(Date.now() / 1000) + skew) });
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toMatchObject({ code: 'stale_timestamp', message: expect.stringMatching(/±300 s/) });
    }
    expect((await send(contact('wmOLD'), { timestamp: String(Math.floor(Date.now() / 1000) - 290) })).status).toBe(200);
  });

  it('the same request again → "success", committed once', async () => {
    let ingests = 0;
    const { post, config } = setup({
      ingest: async (e) => {
        ingests++;
        return ingestEvents(t.database, e);
      },
    });
    const s = signedCallback(config, contact('wmREPLAY'));
    expect(await (await post(s)).text()).toBe('success');
    const again = await post(s);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('success');
    expect(ingests).toBe(1);
  });

  it('a WeCom retry arriving while the first request is still processing waits; if the first fails, the retry stores the event', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const { post, config } = setup({
      ingest: async (e) => {
        if (++calls === 1) {
          await gate;
          throw new Error('database down');
        }
        return ingestEvents(t.database, e);
      },
    });
    const s = signedCallback(config, contact('wmINFLIGHT'));
    const first = post(s);
    await new Promise((r) => setTimeout(r, 20));
    const retry = post(s);
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect((await first).status).toBe(503);
    const r = await retry;
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('success');
    expect(
      await t.database.db.selectFrom('identities').select('external_id').where('external_id', '=', 'wmINFLIGHT').executeTakeFirst(),
    ).toBeDefined();
  });

  it('a timestamp with leading zeros → 400 bad_timestamp', async () => {
    const { send } = setup();
    const res = await send(contact('wmZERO'), { timestamp: `00${Math.floor(Date.now() / 1000)}` });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: 'bad_timestamp', message: expect.stringMatching(/leading zeros/) });
  });

  it('a body over 256 KiB → 413, bad XML → 400, an unreadable ciphertext → 400', async () => {
    const { post, send, config } = setup();
    const big = await post({ query: signedCallback(config, '<xml/>').query, body: `<xml><Encrypt>${'A'.repeat(300 * 1024)}</Encrypt></xml>` });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe('body_too_large');
    const outer = await post({ query: signedCallback(config, '<xml/>').query, body: '<xml><Encrypt>abc</Encrypt>' });
    expect(outer.status).toBe(400);
    expect(await errorOf(outer)).toMatchObject({ code: 'bad_xml', message: expect.stringMatching(/request body .*never closed/) });
    for (const [xml, why] of [
      ['<xml><A>x</xml>', /decrypted message is not acceptable XML/],
      ['<!DOCTYPE x><xml/>', /DOCTYPE/],
    ] as const) {
      const res = await send(xml);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'bad_xml', message: expect.stringMatching(why) });
    }
    const bad = await send('<xml><Event>change_external_chat</Event><CreateTime>1</CreateTime><ChangeType>create</ChangeType></xml>');
    expect(await errorOf(bad)).toMatchObject({ code: 'bad_event', message: expect.stringMatching(/ChatId: required/) });
    const s = signedCallback(config, '<xml/>');
    const junk = 'QUJD'.repeat(8);
    const res = await post({
      query: s.query.replace(s.signature, getSignature(config.token, s.timestamp, s.nonce, junk)),
      body: `<xml><Encrypt>${junk}</Encrypt></xml>`,
    });
    expect(await errorOf(res)).toMatchObject({ code: 'bad_ciphertext' });
  });
});

describe('acknowledgement and what the callback does beyond translation', () => {
  it('answers only after the ledger committed; a failed commit answers 503 and the retry is accepted', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    const { post, config } = setup({
      ingest: async (e) => {
        if (++calls === 1) throw new Error('database down');
        await gate;
        return ingestEvents(t.database, e);
      },
    });
    const s = signedCallback(config, contact('wmACK'));
    const failed = await post(s);
    expect(failed.status).toBe(503);
    expect((await errorOf(failed)).code).toBe('not_committed');
    let answered = false;
    const pending = post(s).then(async (r) => {
      answered = true;
      return r.text();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    release();
    expect(await pending).toBe('success');
    expect(await t.database.db.selectFrom('identities').select('external_id').where('external_id', '=', 'wmACK').executeTakeFirst()).toBeDefined();
  });

  it('keeps the WelcomeCode for 20 seconds, for the welcome', async () => {
    const { send, connector } = setup();
    await send(contact('wmWELCOME'));
    expect(connector.directory.welcome.get('wmWELCOME', Date.now())).toBe('WC-wmWELCOME');
    expect(connector.directory.welcome.get('wmWELCOME', Date.now() + 21_000)).toBeUndefined();
  });

  it('a dismissal closes every membership Qunyun knows of in that group, once', async () => {
    const join = (member: string) => ({
      id: `j-${member}`,
      platform: 'wecom',
      type: 'member.joined',
      community: 'wrDISMISS',
      member,
      at: '2014-06-24T10:00:00+08:00',
    });
    await ingestEvents(t.database, [join('wmA'), join('wmB')]);
    const { send } = setup();
    const leaves = () =>
      t.database.db
        .selectFrom('events')
        .select(['body'])
        .where('type', '=', 'member.left')
        .execute()
        .then((rows) => rows.map((r) => JSON.parse(r.body) as Record<string, unknown>).filter((b) => b.community === 'wrDISMISS'));
    expect(await (await send(chat('wrDISMISS', 'dismiss'))).text()).toBe('success');
    expect((await leaves()).map((b) => [b.member, b.reason])).toEqual([
      ['wmA', 'removed'],
      ['wmB', 'removed'],
    ]);
    expect(await (await send(chat('wrDISMISS', 'dismiss'))).text()).toBe('success');
    expect(await leaves()).toHaveLength(2);
  });

  it('records a new group even when WeCom cannot be asked for its details', async () => {
    const { send } = setup();
    expect(await (await send(chat('wrNODETAIL', 'create'))).text()).toBe('success');
    const rows = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('type', '=', 'community.updated')
      .where('body', 'like', '%wrNODETAIL%')
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('POST /hooks/wecom/archive', () => {
  it('needs the token as a bearer, reports bad lines by number, skips non-group records', async () => {
    const { app, config } = setup();
    const post = (body: string, token: string = config.token) =>
      app.request('/hooks/wecom/archive', { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
    expect((await post('{}', 'wrong')).status).toBe(401);
    const rec = (msgid: string, roomid = 'wrARCH') =>
      JSON.stringify({ msgid, action: 'send', from: 'wmA', roomid, msgtime: 1547087894783, msgtype: 'text', text: { content: '你好' } });
    const body = [rec('a1'), 'not json', '', rec('a2', ''), JSON.stringify({ msgid: 'a3', from: 'wmA', roomid: 'wrARCH' }), rec('a1')].join('\n');
    const res = await post(body);
    expect(res.status).toBe(200);
    const out = (await res.json()) as { accepted: number; duplicates: number; skipped: number; rejected: { line: number; reason: string }[] };
    expect(out).toMatchObject({ accepted: 1, duplicates: 1, skipped: 1 });
    expect(out.rejected.map((r) => r.line)).toEqual([2, 5]);
    // In our words, without the engine's message quoting the line back.
    expect(out.rejected[0]!.reason).toBe('not valid JSON');
    expect(out.rejected[1]!.reason).toMatch(/msgtime/);
  });

  it('a flood of wrong tokens is throttled per address (429 with Retry-After); WeCom from elsewhere is unaffected', async () => {
    const { app, config } = setup();
    const from = (ip: string, token: string) =>
      app.request(
        '/hooks/wecom/archive',
        { method: 'POST', body: '', headers: { authorization: `Bearer ${token}` } },
        { incoming: { socket: { remoteAddress: ip } } },
      );
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push((await from('203.0.113.9', `guess-${i}`)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(SECRET_LIMITS.failures);
    expect(statuses.slice(SECRET_LIMITS.failures).every((s) => s === 429)).toBe(true);
    // While throttled even the right token is refused: a guesser learns nothing.
    const right = await from('203.0.113.9', config.token);
    expect([right.status, right.headers.get('retry-after')]).toEqual([429, '600']);
    expect((await from('198.51.100.4', config.token)).status).toBe(200);
    // The signed callback counts its bad signatures against the same kind of budget.
    const signed = async (ip: string) =>
      app.request('/hooks/wecom?msg_signature=00&timestamp=1&nonce=n&echostr=AAAA', {}, { incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < SECRET_LIMITS.failures; i++) expect((await signed('203.0.113.10')).status).toBe(401);
    expect((await signed('203.0.113.10')).status).toBe(429);
  });

  it('an absurd msgtime rejects only its own line', async () => {
    const { app, config } = setup();
    const rec = (msgid: string, msgtime: number) =>
      JSON.stringify({ msgid, action: 'send', from: 'wmA', roomid: 'wrBIG', msgtime, msgtype: 'text', text: { content: '你好' } });
    const res = await app.request('/hooks/wecom/archive', {
      method: 'POST',
      body: [rec('big1', 1e20), rec('big2', 1547087894783), rec('big3', 8.64e15)].join('\n'),
      headers: { authorization: `Bearer ${config.token}` },
    });
    expect(res.status).toBe(200);
    const out = (await res.json()) as { accepted: number; rejected: { line: number; reason: string }[] };
    expect(out.accepted).toBe(1);
    expect(out.rejected.map((r) => r.line)).toEqual([1, 3]);
    expect(out.rejected[0]!.reason).toMatch(/^msgtime: .*year 10000/);
  });
});
