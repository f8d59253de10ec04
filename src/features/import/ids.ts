// Deterministic event ids for imported rows (docs/imports.md, "Idempotency"): the same row always yields the
// same id; ids longer than the ledger's 200 characters are replaced by a hash of themselves.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/events/validate.js';

const MAX_ID = 200;

export function shortHash(v: unknown, length = 12): string {
  return createHash('sha1')
    .update(typeof v === 'string' ? v : canonicalJson(v))
    .digest('hex')
    .slice(0, length);
}

/** `parts` joined by `:`; when that is too long, `<first part>:#<sha1 of the whole>` (the first part is the kind). */
export function eventId(...parts: (string | number)[]): string {
  const id = parts.join(':');
  if (id.length <= MAX_ID) return id;
  return `${parts[0]}:#${createHash('sha1').update(id).digest('hex')}`;
}
