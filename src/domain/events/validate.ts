// Per-line validation of ledger events (docs/spec/events.md). Hand-written rather than schema-driven because it runs
// on every ingested line and its messages must name the exact field.
import { EVENT_TYPES, JOIN_METHODS, LEAVE_REASONS, MESSAGE_KINDS, TIERS, type AcceptedEvent, type EventType, type LedgerEvent } from './types.js';
import { parseInstant } from './instant.js';
import { jsonProblem } from './json-problem.js';
import { checkShape } from './shape.js';

export { canonicalJson, sameBody } from './canonical.js';

export type ValidationResult = { ok: true; value: AcceptedEvent } | { ok: false; reason: string };

const MAX_ID = 200;
const MAX_TEXT = 65_536;
const MAX_LIST = 1000;

type FieldKind = 'id' | 'text' | 'ids' | 'tags' | 'amount' | 'currency' | 'attributes' | readonly string[];
interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
}

const f = (name: string, kind: FieldKind, required = false): FieldSpec => ({ name, kind, required });

const FIELDS: Record<EventType, FieldSpec[]> = {
  'community.updated': [f('community', 'id', true), f('name', 'text'), f('owner', 'id'), f('admins', 'ids')],
  'member.joined': [
    f('community', 'id', true),
    f('member', 'id', true),
    f('name', 'text'),
    f('channel', 'id'),
    f('inviter', 'id'),
    f('method', JOIN_METHODS),
  ],
  'member.left': [f('community', 'id', true), f('member', 'id', true), f('reason', LEAVE_REASONS, true), f('by', 'id')],
  'message.sent': [
    f('community', 'id', true),
    f('member', 'id', true),
    f('kind', MESSAGE_KINDS, true),
    f('text', 'text'),
    f('reply_to', 'id'),
    f('mentions', 'ids'),
  ],
  'checkin.done': [f('member', 'id', true), f('challenge', 'id', true), f('community', 'id')],
  'order.paid': [
    f('member', 'id', true),
    f('order', 'id', true),
    f('amount', 'amount', true),
    f('currency', 'currency'),
    f('product', 'id'),
    f('tier', TIERS),
    f('campaign', 'id'),
    f('community', 'id'),
  ],
  'order.refunded': [f('order', 'id', true), f('amount', 'amount')],
  'member.profile': [
    f('member', 'id', true),
    f('name', 'text'),
    f('phone', 'id'),
    f('tags_add', 'tags'),
    f('tags_remove', 'tags'),
    f('attributes', 'attributes'),
  ],
  'member.linked': [f('member', 'id', true), f('other_platform', 'id', true), f('other_member', 'id', true)],
};

const TYPE_SET = new Set<string>(EVENT_TYPES);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Text both databases store faithfully: no NUL (PostgreSQL refuses it), no lone UTF-16 surrogate (stored as U+FFFD). */
function checkChars(name: string, v: string): string | null {
  if (v.includes('\u0000')) return `${name}: must not contain NUL (\\u0000) characters`;
  if (!v.isWellFormed()) return `${name}: not well-formed Unicode (a lone surrogate such as \\ud800)`;
  return null;
}

function checkId(name: string, v: unknown): string | null {
  if (typeof v !== 'string') return `${name}: must be a string (got ${describe(v)})`;
  if (v.length === 0) return `${name}: must not be empty`;
  if (v.length > MAX_ID) return `${name}: longer than ${MAX_ID} characters`;
  return checkChars(name, v);
}

function checkField(spec: FieldSpec, v: unknown): string | null {
  const { name, kind } = spec;
  if (Array.isArray(kind)) {
    if (typeof v !== 'string' || !kind.includes(v)) return `${name}: must be one of ${kind.join(', ')} (got ${JSON.stringify(v)})`;
    return null;
  }
  switch (kind) {
    case 'id':
      return checkId(name, v);
    case 'text':
      if (typeof v !== 'string') return `${name}: must be a string (got ${describe(v)})`;
      return v.length > MAX_TEXT ? `${name}: longer than ${MAX_TEXT} characters` : checkChars(name, v);
    case 'ids':
    case 'tags': {
      if (!Array.isArray(v)) return `${name}: must be an array of strings (got ${describe(v)})`;
      if (v.length > MAX_LIST) return `${name}: more than ${MAX_LIST} items`;
      for (let i = 0; i < v.length; i++) {
        const err = checkId(`${name}[${i}]`, v[i]);
        if (err) return err;
      }
      return null;
    }
    case 'amount':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return `${name}: must be an integer in minor units, e.g. 分 (got ${JSON.stringify(v)})`;
      return v < 0 ? `${name}: must not be negative (got ${v})` : null;
    case 'currency':
      return typeof v === 'string' && /^[A-Z]{3}$/.test(v)
        ? null
        : `${name}: must be a 3-letter ISO currency code like CNY (got ${JSON.stringify(v)})`;
    case 'attributes': {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${name}: must be an object of strings (got ${describe(v)})`;
      const entries = Object.entries(v);
      if (entries.length > MAX_LIST) return `${name}: more than ${MAX_LIST} keys`;
      for (const [k, val] of entries) {
        const keyErr = checkChars(`${name} key ${JSON.stringify(k)}`, k);
        if (keyErr) return keyErr;
        if (typeof val !== 'string') return `${name}.${k}: must be a string (got ${describe(val)})`;
        if (val.length > MAX_TEXT) return `${name}.${k}: longer than ${MAX_TEXT} characters`;
        const err = checkChars(`${name}.${k}`, val);
        if (err) return err;
      }
      return null;
    }
  }
  return null;
}

/** Validates one parsed JSON value as a ledger event; `text` is its source line, kept as the body when complete. */
export function validateEvent(raw: unknown, text?: string): ValidationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: `event must be a JSON object (got ${describe(raw)})` };
  }
  const shapeErr = checkShape(raw);
  if (shapeErr) return { ok: false, reason: shapeErr };
  const o = raw as Record<string, unknown>;
  const idErr = o.id === undefined ? 'id: required' : checkId('id', o.id);
  if (idErr) return { ok: false, reason: idErr };
  if (o.type === undefined) return { ok: false, reason: 'type: required' };
  if (typeof o.type !== 'string' || !TYPE_SET.has(o.type)) {
    return { ok: false, reason: `type: unknown event type ${JSON.stringify(o.type)} (expected one of ${EVENT_TYPES.join(', ')})` };
  }
  if (o.at === undefined) return { ok: false, reason: 'at: required' };
  if (typeof o.at !== 'string') return { ok: false, reason: `at: must be an ISO-8601 string (got ${describe(o.at)})` };
  const at = parseInstant(o.at);
  if (!at.ok) return { ok: false, reason: `at: ${at.reason}` };
  const hadPlatform = o.platform !== undefined;
  if (hadPlatform) {
    const err = checkId('platform', o.platform);
    if (err) return { ok: false, reason: err };
  }
  let rewritten = false;
  for (const spec of FIELDS[o.type as EventType]) {
    const v = o[spec.name];
    if (v === undefined || v === null) {
      if (spec.required) return { ok: false, reason: `${spec.name}: required for ${o.type}${v === null ? ' (got null)' : ''}` };
      // An optional field sent as null means absent (a null refund amount is a full refund, not 0).
      if (v === null) {
        delete o[spec.name];
        rewritten = true;
      }
      continue;
    }
    const err = checkField(spec, v);
    if (err) return { ok: false, reason: err };
  }
  if (o.platform === undefined) o.platform = 'import'; // fills the default in place: the object is the caller's parse
  const event = o as unknown as LedgerEvent;
  // The line itself is the body when it already names its platform: no re-serialisation on the hot path.
  const body = text !== undefined && hadPlatform && !rewritten ? text.trim() : JSON.stringify(event);
  return { ok: true, value: { event, atMs: at.ms, body } };
}

/** Parses and validates one NDJSON line. */
export function parseEventLine(line: string): ValidationResult {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return { ok: false, reason: jsonProblem(err) };
  }
  return validateEvent(raw, line);
}
