// The one way the console talks to the server: JSON in and out over the routes of its contract (api/contract.ts:
// paths, bodies, queries and answers typed from the server's OpenAPI document), errors as ApiError (shape
// { error: { code, message, details? } }).
import type { Answer, CallArgs, Method, PathOf } from './api/contract';

export class ApiError extends Error {
  status: number;
  code: string;
  details?: string[];
  constructor(status: number, code: string, message: string, details?: string[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** `/api/v1/members` + { q: 'a', page: 2, tag: '' } → `/api/v1/members?q=a&page=2` (undefined, null and '' dropped; a list repeats its name). */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one === undefined || one === null || one === '') continue;
      params.append(k, String(one));
    }
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** `/api/v1/members/{id}` + { id: 7 } → `/api/v1/members/7`; every value is one path segment (pathPart). */
export function fillPath(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new Error(`${template}: no value for {${name}}`);
    return pathPart(String(v));
  });
}

function asDetails(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((d) => (typeof d === 'string' ? d : JSON.stringify(d)));
}

// Dashboard figures a few seconds behind the latest write will do: the server then answers from the figures it has
// while it refreshes them, instead of making the page wait for a recomputation at every write (src/compute/).
const LIVE_FIGURES = /^\/api\/v1\/(metrics|rfm|cohorts|engagement|roles|communities\/health)(\/|\?|$)/;

async function request(method: string, url: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'GET' && LIVE_FIGURES.test(url)) headers['cache-control'] = 'max-stale=5';
  const hasBody = body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: hasBody ? JSON.stringify(body) : undefined });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message || 'network error');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new Event('qunyun:unauthorized'));
    const e = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : `http_${res.status}`,
      typeof e?.message === 'string' ? e.message : res.statusText || `HTTP ${res.status}`,
      asDetails(e?.details),
    );
  }
  return data;
}

// CallOptions<P, M> seen from inside the helpers, where P is not yet known.
interface RawOptions {
  path?: Record<string, string | number>;
  query?: Query;
  body?: unknown;
}

/** The URL of a GET route of the contract, its path parameters filled and its query appended (also for links: exports). */
export function apiUrl<P extends PathOf<'get'>>(path: P, ...[options]: CallArgs<P, 'get'>): string {
  const o = options as RawOptions | undefined;
  return withQuery(fillPath(path, o?.path), o?.query);
}

/** GET a route of the contract; the answer has the type the contract declares for it. */
export async function apiGet<P extends PathOf<'get'>>(path: P, ...args: CallArgs<P, 'get'>): Promise<Answer<P, 'get'>> {
  // Where an answer takes its contract type: the server's handlers are type-checked against the same schemas.
  return (await request('GET', apiUrl(path, ...args))) as Answer<P, 'get'>;
}

/** POST / PUT / PATCH / DELETE a route of the contract, with the body it declares; the answer typed likewise. */
export async function apiSend<M extends Exclude<Method, 'get'>, P extends PathOf<M>>(
  method: M,
  path: P,
  ...[options]: CallArgs<P, M>
): Promise<Answer<P, M>> {
  const o = options as RawOptions | undefined;
  return (await request(method.toUpperCase(), withQuery(fillPath(path, o?.path), o?.query), o?.body)) as Answer<P, M>;
}

/** The message to show for a failed call: the server's message, with its details when it gave some. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const extra = (err.details ?? []).filter((d) => !err.message.includes(d));
    return extra.length ? `${err.message}: ${extra.join('; ')}` : err.message;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

/** A path segment for a community ref or key: encoded, but ':' kept readable (id:3, wecom:wr-1). */
export const pathPart = (s: string) => encodeURIComponent(s).replace(/%3A/gi, ':');
