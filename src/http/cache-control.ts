// A reader may accept an answer older than the last write: `Cache-Control: max-stale=N` (RFC 9111 5.2.1.2), N in
// seconds, at most 60. The console's dashboard sends it; an API caller that says nothing reads its own writes.
import type { Context } from 'hono';

const MAX_STALE_SECONDS = 60;

export function maxStaleMs(c: Context): number {
  const header = c.req.header('cache-control');
  if (!header) return 0;
  const m = /(?:^|,)\s*max-stale\s*(?:=\s*"?([0-9]{1,6})"?)?\s*(?:,|$)/i.exec(header);
  if (!m) return 0;
  // A bare max-stale accepts any age; we keep it to the cap.
  const seconds = m[1] === undefined ? MAX_STALE_SECONDS : Math.min(Number(m[1]), MAX_STALE_SECONDS);
  return seconds * 1000;
}
