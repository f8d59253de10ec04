// The console's calls to the server (api.ts): URLs from the contract's path templates and queries, bodies sent as
// JSON, failures as ApiError. The expectTypeOf / @ts-expect-error lines are checked by `tsc -p web/tsconfig.json`:
// a call's answer, path parameters, query and body come from the contract (api/contract.ts).
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { apiGet, apiSend, apiUrl, ApiError, errorText, fillPath, withQuery } from './api';
import type { Answer, Body, Schema } from './api/contract';

afterEach(() => vi.unstubAllGlobals());

/** Stubs fetch with one answer and returns the requests it saw. */
function serve(status: number, body: unknown) {
  const seen: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return seen;
}

describe('withQuery and fillPath', () => {
  it('drops empty values, repeats lists, keeps an existing query', () => {
    expect(withQuery('/api/v1/members', { q: 'a b', page: 2, tag: '', group: undefined, member: null })).toBe('/api/v1/members?q=a+b&page=2');
    expect(withQuery('/x?a=1', { map: ['name=姓名', 'phone=手机'] })).toBe('/x?a=1&map=name%3D%E5%A7%93%E5%90%8D&map=phone%3D%E6%89%8B%E6%9C%BA');
    expect(withQuery('/x', {})).toBe('/x');
  });

  it('fills each parameter as one path segment, a colon kept readable', () => {
    expect(fillPath('/api/v1/communities/{ref}/elimination', { ref: 'wecom:wr/1 x' })).toBe('/api/v1/communities/wecom:wr%2F1%20x/elimination');
    expect(fillPath('/api/v1/members/{id}', { id: 7 })).toBe('/api/v1/members/7');
    expect(() => fillPath('/api/v1/members/{id}', {})).toThrow('no value for {id}');
  });

  it('builds links to routes of the contract', () => {
    expect(apiUrl('/api/v1/export/members', { query: { format: 'xlsx', community: 'id:3' } })).toBe(
      '/api/v1/export/members?format=xlsx&community=id%3A3',
    );
    expect(apiUrl('/api/v1/workspace')).toBe('/api/v1/workspace');
  });
});

describe('apiGet and apiSend', () => {
  it('GETs the filled URL and answers the parsed JSON', async () => {
    const seen = serve(200, { total: 0, page: 1, page_size: 20, items: [] });
    const r = await apiGet('/api/v1/members', { query: { q: 'x', page: 1 } });
    expect(r).toEqual({ total: 0, page: 1, page_size: 20, items: [] });
    expect(seen[0]!.url).toBe('/api/v1/members?q=x&page=1');
    expect(seen[0]!.init.method).toBe('GET');
    expect(seen[0]!.init.body).toBeUndefined();
  });

  it('sends the body as JSON with the method asked', async () => {
    const seen = serve(200, { id: 3, tags: ['a'] });
    await apiSend('post', '/api/v1/members/{id}/tags', { path: { id: 3 }, body: { add: ['a'] } });
    expect(seen[0]!.url).toBe('/api/v1/members/3/tags');
    expect(seen[0]!.init.method).toBe('POST');
    expect(seen[0]!.init.body).toBe('{"add":["a"]}');
    expect(new Headers(seen[0]!.init.headers).get('content-type')).toBe('application/json');
  });

  it('turns a refusal into an ApiError with the server message and details; a 401 signals the sign-in page', async () => {
    serve(400, { error: { code: 'invalid_request', message: 'bad input', details: ['timezone: unknown'] } });
    const err = await apiSend('put', '/api/v1/workspace', { body: { timezone: 'Mars/Base' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_request', details: ['timezone: unknown'] });
    expect(errorText(err)).toBe('bad input: timezone: unknown');

    serve(401, undefined);
    let signalled = 0;
    window.addEventListener('qunyun:unauthorized', () => {
      signalled++;
    });
    await expect(apiGet('/api/v1/workspace')).rejects.toMatchObject({ status: 401, code: 'http_401' });
    expect(signalled).toBe(1);
  });
});

describe('types from the contract', () => {
  it('types answers, parameters and bodies by route', () => {
    expectTypeOf<Answer<'/api/v1/members/{id}'>>().toEqualTypeOf<Schema<'Member'>>();
    expectTypeOf<Answer<'/api/v1/rules/{key}/toggle', 'post'>>().toEqualTypeOf<Schema<'RuleToggle'>>();
    expectTypeOf<Body<'/api/v1/rules/{key}/toggle', 'post'>>().toEqualTypeOf<{ enabled: boolean }>();
    expectTypeOf<Body<'/api/v1/auth/logout', 'post'>>().toBeNever();
    expectTypeOf(apiGet<'/api/v1/communities'>).returns.resolves.toEqualTypeOf<Schema<'CommunityList'>>();
    // Never called: what the compiler refuses.
    const refused = () => {
      // @ts-expect-error a path parameter is required
      void apiGet('/api/v1/members/{id}');
      // @ts-expect-error the route takes no query
      void apiGet('/api/v1/workspace', { query: { page: 1 } });
      // @ts-expect-error the metrics route requires from and to
      void apiGet('/api/v1/metrics', { query: { from: '2026-01-01' } });
      // @ts-expect-error not a route of the contract
      void apiGet('/api/v1/nowhere');
      // @ts-expect-error enabled is a boolean
      void apiSend('post', '/api/v1/rules/{key}/toggle', { path: { key: 'k' }, body: { enabled: 'yes' } });
    };
    expectTypeOf(refused).toBeFunction();
  });
});
