// The one way the console talks to the server: JSON in and out, errors as ApiError (shape { error: { code, message, details? } }).

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

export type Query = Record<string, string | number | boolean | undefined>;

/** `/api/v1/members` + { q: 'a', page: 2, tag: '' } → `/api/v1/members?q=a&page=2` (undefined and '' dropped). */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') continue;
    params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function asDetails(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((d) => (typeof d === 'string' ? d : JSON.stringify(d)));
}

export async function api<T = any>(path: string, init?: { method?: string; body?: unknown; query?: Query }): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = init?.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(path, init?.query), {
      method: init?.method ?? (hasBody ? 'POST' : 'GET'),
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(init!.body) : undefined,
    });
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
  return data as T;
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
