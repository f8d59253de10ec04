// The bot token is part of every Bot API URL (`/bot<token>/method`), and node-fetch's errors quote the URL: any error
// text that leaves the connector (outbox last_error, logs) goes through here so the token is never stored or logged.
import { GrammyError, HttpError } from 'grammy';

/** `bot<id>:<secret>` as it appears in Bot API URLs, and a bare `<id>:<secret>` token. */
const TOKEN_PATTERN = /(bot)?\d{3,}:[A-Za-z0-9_-]{20,}/g;

/** The text with the token (given, or anything shaped like one) replaced by `bot<redacted>`. */
export function redactToken(text: string, token?: string): string {
  let out = text;
  if (token) out = out.split(`bot${token}`).join('bot<redacted>').split(token).join('bot<redacted>');
  return out.replace(TOKEN_PATTERN, 'bot<redacted>');
}

/** The low-level error code under a network failure (ECONNREFUSED, ETIMEDOUT …), if any. */
export function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, hops = 0; e && typeof e === 'object' && hops < 5; hops++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    const errno = (e as { errno?: unknown }).errno;
    if (typeof errno === 'string' && errno) return errno;
    e = (e as { error?: unknown; cause?: unknown }).error ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A short, token-free description of an error. */
export function describeError(err: unknown, token?: string): string {
  if (err instanceof HttpError) {
    const code = errorCode(err);
    const inner = err.error instanceof Error ? err.error.message : '';
    // node-fetch: "request to https://…/bot<token>/getMe failed, reason: connect ECONNREFUSED 127.0.0.1:1"
    const reason = /reason:\s*(.*)$/.exec(inner)?.[1];
    return redactToken([err.message, code, reason && !code ? reason : undefined].filter(Boolean).join(' '), token);
  }
  if (err instanceof Error) {
    const code = errorCode(err);
    return redactToken(code && !err.message.includes(code) ? `${err.message} (${code})` : err.message, token);
  }
  return redactToken(String(err), token);
}

/** A log-safe stand-in for an error object (pino would serialise HttpError.error, URL and all). */
export function safeErr(err: unknown, token?: string): Record<string, unknown> {
  const out: Record<string, unknown> = { message: describeError(err, token) };
  if (err instanceof Error) out.type = err.name;
  if (err instanceof GrammyError) Object.assign(out, { method: err.method, error_code: err.error_code });
  const code = errorCode(err);
  if (code) out.code = code;
  if (err instanceof Error && err.stack) out.stack = redactToken(err.stack, token);
  return out;
}
