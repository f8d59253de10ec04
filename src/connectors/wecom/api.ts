// The WeCom server API (qyapi.weixin.qq.com, or WECOM_API_BASE): an access_token fetched with corpid + secret and
// cached until shortly before it expires (refreshed at once when WeCom says it is invalid or expired), retries with
// backoff on 5xx, network errors and rate limits, and errors mapped to messages an operator can act on.

export interface ApiOptions {
  corpId: string;
  secret: string;
  base: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Attempts per call (first try included); the outbox retries later on top of this. */
  attempts?: number;
  /** Backoff before retry n (1-based): base * 2^(n-1) ms. */
  backoffMs?: number;
  timeoutMs?: number;
}

export class WecomApiError extends Error {
  constructor(
    readonly code: number | null,
    readonly retryable: boolean,
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** errcode → what it means for an operator. Codes not listed are reported with WeCom's own errmsg. */
const MESSAGES: Record<number, string> = {
  [-1]: 'WeCom is busy (-1); retried later',
  40001: 'WeCom refused the credentials (40001): WECOM_SECRET is not the Secret of this app (or of 客户联系)',
  40013: 'WeCom does not know this corp (40013): check WECOM_CORP_ID',
  40014: 'the access_token is invalid (40014)',
  40058: 'WeCom refused a parameter (40058)',
  40096: 'WeCom does not know this external contact id (40096)',
  41001: 'the access_token is missing (41001)',
  41051: 'the welcome message was already sent or the customer has started chatting (41051)',
  42001: 'the access_token has expired (42001)',
  45009: 'WeCom rate limit reached (45009); retried later',
  45033: 'too many concurrent WeCom calls (45033); retried later',
  48002: 'this API is not enabled for the app (48002): give the app 客户联系 permissions / add it to 可调用应用',
  60011: "the app may not act for this member (60011): widen the app's visible range (可见范围)",
  60020: "this server's IP is not in the WeCom app's trusted IPs (60020): add it under 企业可信IP in the admin console",
  84061: 'this customer is not an external contact of any staff member (84061)',
  90206: 'the group message quota for this customer or group is used up (90206)',
};
const RETRYABLE = new Set([-1, 45009, 45033]);
const TOKEN_INVALID = new Set([40014, 42001, 41001]);

export function describeError(code: number, errmsg: string | undefined): string {
  return MESSAGES[code] ?? `WeCom error ${code}${errmsg ? `: ${errmsg}` : ''}`;
}

/** Per-call overrides, e.g. one quick attempt while WeCom waits for a callback's answer. */
export interface CallLimits {
  attempts?: number;
  timeoutMs?: number;
}

export interface Reply {
  errcode?: number;
  errmsg?: string;
  [k: string]: unknown;
}

export class WecomApi {
  private token: { value: string; until: number } | null = null;
  private pending: Promise<string> | null = null;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly o: ApiOptions) {
    this.fetch = o.fetch ?? globalThis.fetch;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.now = o.now ?? Date.now;
  }

  /** The cached access_token, or a fresh one (one request at a time however many callers wait). */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.until) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Drops the cached token (WeCom said it is invalid, or the secret changed). */
  invalidate(): void {
    this.token = null;
  }

  private async fetchToken(): Promise<string> {
    const q = new URLSearchParams({ corpid: this.o.corpId, corpsecret: this.o.secret });
    const r = await this.request('gettoken', `${this.o.base}/cgi-bin/gettoken?${q}`, undefined);
    if (typeof r.access_token !== 'string' || r.access_token === '')
      throw new WecomApiError(null, true, 'gettoken answered without an access_token', 'gettoken');
    const ttl = typeof r.expires_in === 'number' && r.expires_in > 0 ? r.expires_in : 7200;
    // Refresh five minutes early (or at half-life for short tokens), so a call never carries a token about to lapse.
    this.token = { value: r.access_token, until: this.now() + (ttl - Math.min(300, ttl / 2)) * 1000 };
    return r.access_token;
  }

  /** POSTs JSON (or GETs when body is undefined) to /cgi-bin/<path>; resolves with the reply when errcode is 0. */
  async call(path: string, body?: object, query: Record<string, string> = {}, limits: CallLimits = {}): Promise<Reply> {
    let refreshed = false;
    for (;;) {
      const token = await this.accessToken();
      const q = new URLSearchParams({ ...query, access_token: token });
      try {
        return await this.request(path, `${this.o.base}/cgi-bin/${path}?${q}`, body, limits);
      } catch (err) {
        // An invalid or expired token is refreshed once, at once; anything else is the caller's.
        if (err instanceof WecomApiError && err.code !== null && TOKEN_INVALID.has(err.code) && !refreshed) {
          refreshed = true;
          this.invalidate();
          continue;
        }
        throw err;
      }
    }
  }

  /** One logical request with retries; errcode ≠ 0 becomes a WecomApiError (retryable or not). */
  private async request(path: string, url: string, body: object | undefined, limits: CallLimits = {}): Promise<Reply> {
    const attempts = Math.max(1, limits.attempts ?? this.o.attempts ?? 3);
    let last: WecomApiError | null = null;
    for (let n = 1; n <= attempts; n++) {
      if (n > 1) await this.sleep((this.o.backoffMs ?? 500) * 2 ** (n - 2));
      try {
        const r = await this.once(path, url, body, limits.timeoutMs ?? this.o.timeoutMs ?? 10_000);
        if (!r.errcode) return r;
        last = new WecomApiError(r.errcode, RETRYABLE.has(r.errcode), `${path}: ${describeError(r.errcode, r.errmsg)}`, path);
      } catch (err) {
        if (!(err instanceof WecomApiError)) throw err;
        last = err;
      }
      if (!last.retryable) throw last;
    }
    throw last!;
  }

  private async once(path: string, url: string, body: object | undefined, timeoutMs: number): Promise<Reply> {
    let res: Response;
    try {
      res = await this.fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new WecomApiError(null, true, `${path}: WeCom unreachable (${(err as Error).message}); retried later`, path);
    }
    if (res.status >= 500 || res.status === 429) {
      await res.body?.cancel().catch(() => {});
      throw new WecomApiError(null, true, `${path}: WeCom answered HTTP ${res.status}; retried later`, path);
    }
    let parsed: unknown;
    try {
      parsed = await res.json();
    } catch {
      throw new WecomApiError(null, res.ok, `${path}: WeCom answered HTTP ${res.status} without JSON`, path);
    }
    if (typeof parsed !== 'object' || parsed === null) throw new WecomApiError(null, false, `${path}: unexpected reply from WeCom`, path);
    return parsed as Reply;
  }
}
