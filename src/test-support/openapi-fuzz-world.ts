// The workspace src/http/fuzz.test.ts drives: a small generated demo (communities, members, orders, rules,
// playbooks, actions), one user per role with an API token, an owner session, a user who can sign in with a
// password; and the hints that point generated requests at what exists (ids, community refs, rule and playbook
// keys, dates). The fuzzer's own users and tokens are never the target of a change or removal: losing them
// would end the run, not find a bug.
import fc from 'fast-check';
import type { createTestApp } from './app.js';
import { demoEndFor, loadDemo } from '../features/demo/load.js';
import { tick } from '../jobs/scheduler.js';
import { deliverDue } from '../features/automation/outbox.js';
import { simulator } from '../features/automation/simulator.js';
import { createSession, createToken, insertUser } from '../features/auth/repository.js';
import { hashPassword } from '../features/auth/password.js';
import { RFM_SEGMENTS } from '../domain/metrics/rfm.js';
import { ROLES as COMMUNITY_ROLES } from '../domain/metrics/roles.js';
import { eventBody } from './random-ledger.js';
import { dateText, nastyJson, type Hints, type Operation } from './openapi-fuzz.js';
import type { FuzzRequest } from './openapi-fuzz-requests.js';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const LOGIN = { username: 'fuzz-login', password: 'fuzz-password-1' };
const DAY = 86_400_000;

export type FuzzWorld = Awaited<ReturnType<typeof fuzzWorld>>;

export async function fuzzWorld(h: TestApp) {
  const db = h.ctx.database.db;
  const now = Date.now();
  await loadDemo(h.ctx, { members: 60, days: 30, seed: 5, end: demoEndFor(new Date(now)) });
  await tick(h.t.database, now);
  await tick(h.t.database, now + DAY);
  await deliverDue(h.t.database, simulator(h.t.database), { now: () => now + DAY });
  // Analytics and exports in compute threads, as `qunyun serve` runs them (inline when dist/ is not built).
  const compute = await h.ctx.startComputeThreads();
  const firstCommunity = await db.selectFrom('communities').select('id').orderBy('id').executeTakeFirstOrThrow();
  const analyst = await insertUser(db, { username: 'fuzz-analyst', passwordHash: '!', role: 'analyst' });
  const operator = await insertUser(db, { username: 'fuzz-operator', passwordHash: '!', role: 'operator', communities: [Number(firstCommunity.id)] });
  const login = await insertUser(db, { username: LOGIN.username, passwordHash: await hashPassword(LOGIN.password), role: 'operator' });
  const tokens = {
    analyst: await createToken(db, { name: 'fuzz', userId: analyst.id, role: 'analyst' }),
    operator: await createToken(db, { name: 'fuzz', userId: operator.id, role: 'operator' }),
  };
  const ownTokenId = Number((await db.selectFrom('api_tokens').select('id').where('user_id', '=', h.owner.id).executeTakeFirstOrThrow()).id);
  const protectedUsers = new Set([h.owner.id, analyst.id, operator.id, login.id]);
  const protectedTokens = new Set([ownTokenId, tokens.analyst.id, tokens.operator.id]);
  const newSession = async () => (await createSession(db, h.owner.id, { ip: null, userAgent: 'fuzz' })).secret;
  let session = await newSession();

  const headersFor = (auth: string): Record<string, string> => {
    switch (auth) {
      case 'owner':
        return { authorization: `Bearer ${h.token}` };
      case 'owner-session':
        return { cookie: `qunyun_session=${session}` };
      case 'analyst':
        return { authorization: `Bearer ${tokens.analyst.token}` };
      case 'operator':
        return { authorization: `Bearer ${tokens.operator.token}` };
      case 'bad-token':
        return { authorization: 'Bearer qy_not-a-token' };
      default:
        return {};
    }
  };

  /**
   * Whether a request leaves the fuzzer's own users and tokens alone: their ids as the server reads them
   * (`01`, `1e0`, ` 1` are 1 too) are not changed or removed.
   */
  const spares = (op: Operation, r: FuzzRequest) => {
    const target = /^\/api\/v1\/(users|tokens)\/([^/?]*)/.exec(r.url);
    if (!target || op.method === 'GET') return true;
    const id = Number(decodeURIComponent(target[2]!));
    return !(target[1] === 'users' ? protectedUsers : protectedTokens).has(id);
  };

  /** A sign-out ends the fuzzer's session: start another. */
  const afterRequest = async (op: Operation) => {
    if (op.id === 'postAuthLogout') session = await newSession();
  };

  const ids = async (table: 'members' | 'actions' | 'users' | 'api_tokens') =>
    (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => Number(r.id));
  const keysOf = async (path: string, list: string) => {
    const res = await h.app.request(path);
    const body = (await res.json()) as Record<string, { key: string }[] | undefined>;
    if (!body[list]) throw new Error(`GET ${path} answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body[list].map((r) => r.key);
  };
  const oneOf = (values: readonly (string | number)[], others: fc.Arbitrary<unknown>) =>
    values.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: others }) : others;
  const someInt = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.constant(2 ** 31 - 1));

  /** Values for one operation's parameters and fields, read from the workspace as it is now. */
  async function hintsFor(op: Operation): Promise<Hints> {
    const communities = await db.selectFrom('communities').select(['id', 'platform', 'external_id']).execute();
    const refs = communities.flatMap((c) => [String(c.id), `id:${c.id}`, `${c.platform}:${c.external_id}`, c.external_id]);
    const base = op.path.split('/')[3];
    let idValues: number[] = [];
    if (base === 'members') idValues = await ids('members');
    if (base === 'actions') idValues = await ids('actions');
    if (base === 'users') idValues = (await ids('users')).filter((i) => op.method === 'GET' || !protectedUsers.has(i));
    if (base === 'tokens') idValues = (await ids('api_tokens')).filter((i) => !protectedTokens.has(i));
    const keys =
      base === 'rules' ? await keysOf('/api/v1/rules', 'rules') : base === 'playbooks' ? await keysOf('/api/v1/playbooks', 'playbooks') : [];
    const members = await ids('members');
    const events = fc
      .array(
        fc.oneof(
          { weight: 5, arbitrary: fc.tuple(fc.nat(), eventBody).map(([n, b]) => JSON.stringify({ id: `fz-${n}`, ...b })) },
          { weight: 1, arbitrary: nastyJson.map((v) => JSON.stringify(v) ?? '') },
        ),
        { maxLength: 20 },
      )
      .map((lines) => lines.join('\n'));
    const csv = fc
      .array(
        fc.tuple(
          fc.constantFrom('m1', 'm2', ''),
          fc.constantFrom('小明', 'Ann', '"a,b"', ''),
          fc.constantFrom('13800000000', 'x', ''),
          fc.constantFrom('9.9', '¥199', '-1', 'abc'),
          dateText,
        ),
        { maxLength: 10 },
      )
      .map((rows) => ['member_id,name,phone,amount,paid_at,order_id,joined_at', ...rows.map((r, i) => `${r.join(',')},o${i},${r[4]}`)].join('\n'));
    const table: Record<string, fc.Arbitrary<unknown> | undefined> = {
      id: idValues.length > 0 || base === 'users' || base === 'tokens' ? oneOf(idValues, someInt) : undefined,
      ref: oneOf(refs, fc.string({ maxLength: 20 })),
      community: oneOf(refs, fc.string({ maxLength: 20 })),
      communities: fc.array(
        oneOf(
          communities.map((c) => Number(c.id)),
          someInt,
        ),
        { maxLength: 3 },
      ),
      key: oneOf(keys, fc.string({ maxLength: 20 })),
      from: dateText,
      to: dateText,
      at: dateText,
      member: oneOf(members, someInt),
      segment: oneOf(
        RFM_SEGMENTS.map((s) => s.key),
        fc.string({ maxLength: 10 }),
      ),
      role:
        base === 'roles'
          ? oneOf(
              COMMUNITY_ROLES.map((r) => r.key),
              fc.string({ maxLength: 10 }),
            )
          : undefined,
      timezone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Etc/GMT+12', 'Mars/Base', ''),
      username: base === 'auth' ? fc.constantFrom(LOGIN.username, 'nobody') : undefined,
      password: base === 'auth' ? fc.constantFrom(LOGIN.password, 'wrong-password') : fc.constantFrom('long-enough-1', 'short'),
      text: fc.constantFrom('加我微信 wx123456 领资料', '体验营多少钱', '你好', 'http://x.cn'),
      'application/x-ndjson': events,
      'application/json':
        op.id === 'postEvents'
          ? fc.array(
              fc.tuple(fc.nat(), eventBody).map(([n, b]) => ({ id: `fz-${n}`, ...b })),
              { maxLength: 5 },
            )
          : undefined,
      'text/csv': csv,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': fc.uint8Array({ maxLength: 100 }),
    };
    return (name) => table[name];
  }

  return {
    raw: h.raw,
    headersFor,
    hintsFor,
    spares,
    afterRequest,
    computeMode: compute.mode,
    drop: async () => {
      await compute.close();
      await h.drop();
    },
  };
}
