// The operations of the OpenAPI document, and fast-check arbitraries of the values their parameters and bodies
// take: ones the schemas accept (enums, bounds, patterns, formats, with hints for what a schema cannot say —
// dates, ids, community refs) and ones they should refuse (wrong types, huge or odd numbers, long or empty
// strings, invalid dates, __proto__ keys, deep nesting, non-object or malformed bodies). Whole requests:
// openapi-fuzz-requests.ts; used by src/http/fuzz.test.ts.
import fc from 'fast-check';

/**
 * The dates generated. Widen (years 0–9999, periods without limit) once analytics bounds and speeds up its
 * periods (issue 12): today a period of centuries keeps the server busy for minutes, and on SQLite a 2-year
 * period holds the event loop for seconds (one about 3.5 s, by day about 9 s, on the 60-member demo).
 */
export const DATE_LIMITS = { minYear: 1900, maxYear: 2100, maxPeriodDays: 31 } as const;

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The templated path, /api/v1/users/{id}. */
  path: string;
  id: string;
  policy: string;
  params: Param[];
  bodies: { type: string; schema: JsonSchema }[];
}

export interface Doc {
  paths: Record<string, Record<string, any>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function operationsOf(doc: Doc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, o]) => ({
      method: method.toUpperCase(),
      path,
      id: o.operationId as string,
      policy: o['x-policy'] as string,
      params: ((o.parameters ?? []) as Param[]).filter((p) => p.in === 'path' || p.in === 'query'),
      bodies: Object.entries((o.requestBody?.content ?? {}) as Record<string, { schema: JsonSchema }>).map(([type, c]) => ({
        type,
        schema: c.schema,
      })),
    })),
  );
}

/** Values for what a schema cannot say, by field or parameter name (undefined: the schema decides). */
export type Hints = (name: string, where: 'path' | 'query' | 'body') => fc.Arbitrary<unknown> | undefined;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dayMs = 86_400_000;
const msOfYear = (y: number) => Date.UTC(y, 0, 1);
const instantMs = fc
  .integer({ min: msOfYear(DATE_LIMITS.minYear) / 60_000, max: msOfYear(DATE_LIMITS.maxYear + 1) / 60_000 - 1 })
  .map((m) => m * 60_000);

/** A date (YYYY-MM-DD) or an instant with Z or an offset, from epoch ms. */
function boundaryText(ms: number, form: number): string {
  const d = new Date(ms);
  if (form === 0) return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (form === 1) return d.toISOString();
  const shifted = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${shifted}+08:00`;
}

export const dateText = fc.tuple(instantMs, fc.integer({ min: 0, max: 2 })).map(([ms, f]) => boundaryText(ms, f));
/** A period [from, to) within DATE_LIMITS, sometimes empty or reversed. */
export const periodTexts = fc
  .tuple(instantMs, fc.integer({ min: -2, max: DATE_LIMITS.maxPeriodDays }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))
  .map(([from, days, f1, f2]) => ({ from: boundaryText(from, f1), to: boundaryText(from + days * dayMs, f2) }));

const badDates = [
  '2024-02-30',
  '2024-13-01',
  '2024-1-1',
  '20240101',
  '2024-01-01T00:00:00',
  '2024-01-01T25:00:00Z',
  '2024-01-01 00:00+08:00',
  'now',
  'yesterday',
  '+002024-01-01T00:00:00Z',
  '2024-W01',
];

/** Texts a query or path parameter may carry that are wrong for most parameters. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0x10',
    '1e3',
    '1E3',
    '-1',
    '0',
    '-0',
    '1.5',
    '+1',
    ' 1',
    '1 ',
    '01',
    'NaN',
    'Infinity',
    '9007199254740993',
    '1'.repeat(400),
  ),
  fc.constantFrom(
    'null',
    'undefined',
    'true',
    'TRUE',
    '1',
    'yes',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    'toString',
    'id:',
    'id:0',
    'id:-1',
    ':',
    'a:b:c',
  ),
  fc.constantFrom(...badDates, "' OR 1=1 --", '%', '%00', '\u0000', '\u202e', '😀', '𝟘', '中文群', 'ｉｄ：１', 'a'.repeat(10_000)),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
);

const deep = (n: number, leaf: unknown): unknown => (n === 0 ? leaf : n % 2 ? [deep(n - 1, leaf)] : { a: deep(n - 1, leaf) });
const withProto = (v: unknown) =>
  JSON.parse(`{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"v":${JSON.stringify(v)}}`) as unknown;

/** JSON values that are wrong for most fields. */
export const nastyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.constantFrom(0, -1, 1.5, -0, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, 1e-300, true, false, null, [], {}, [null], ['']),
  fc.integer({ min: 1, max: 300 }).map((n) => deep(n, 1)),
  fc.constantFrom(deep(3000, 'x')),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(withProto(1)),
  fc.constant(Array.from({ length: 2000 }, (_, i) => i)),
);

function resolve(s: JsonSchema, doc: Doc): JsonSchema {
  if (!s.$ref) return s;
  const name = s.$ref.replace('#/components/schemas/', '');
  const found = doc.components?.schemas?.[name];
  if (!found) throw new Error(`unresolved ${s.$ref}`);
  return resolve(found, doc);
}

function patternArb(pattern: string): fc.Arbitrary<string> | undefined {
  // zod-openapi writes a flagged regex as "source/u"; read it back as the route means it.
  const m = /^(.*)\/([a-z]+)$/.exec(pattern);
  try {
    return fc.stringMatching(m ? new RegExp(m[1]!, m[2]!) : new RegExp(pattern));
  } catch {
    return undefined;
  }
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, Math.max(min, 60));
  if (s.format === 'date') return dateText.map((t) => t.slice(0, 10));
  if (s.format === 'date-time') return dateText;
  const base = s.pattern ? patternArb(s.pattern) : undefined;
  const text = base ?? fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: 'grapheme', minLength: min, maxLength: max }));
  return text.filter((t) => t.trim().length >= min && t.length <= (s.maxLength ?? Infinity));
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : undefined);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : undefined);
  if (integer) return fc.integer({ min: min ?? -1_000_000, max: max ?? 1_000_000 });
  return fc.double({ min: min ?? -1e9, max: max ?? 1e9, noNaN: true });
}

/** Values the schema accepts (hints first for named fields). */
export function validOf(schema: JsonSchema, doc: Doc, hints: Hints, where: 'path' | 'query' | 'body', name = ''): fc.Arbitrary<unknown> {
  const hinted = name ? hints(name, where) : undefined;
  if (hinted) return hinted;
  const s = resolve(schema, doc);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validOf(a, doc, hints, where, name)));
  if (s.allOf) return validOf(s.allOf[0]!, doc, hints, where, name);
  const types = Array.isArray(s.type) ? s.type : [s.type ?? (s.properties ? 'object' : 'any')];
  return fc.oneof(...types.map((t) => typedArb(t, s, doc, hints, where)));
}

function typedArb(type: string, s: JsonSchema, doc: Doc, hints: Hints, where: 'path' | 'query' | 'body'): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(s.items ? validOf(s.items, doc, hints, where) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 5, 5),
      });
    case 'object': {
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validOf(v, doc, hints, where, k)]));
      const record = fc.record(model, { requiredKeys: required.filter((k) => k in props) });
      return 'from' in props && 'to' in props ? fc.tuple(record, periodTexts).map(([r, p]) => withPeriod(r, p)) : record;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Two fields that make a period together get one within DATE_LIMITS (those present). */
export function withPeriod(r: Record<string, unknown>, p: { from: string; to: string }): Record<string, unknown> {
  return { ...r, ...('from' in r ? { from: p.from } : {}), ...('to' in r ? { to: p.to } : {}) };
}

/** A valid body object with one thing wrong: a field of a wrong value, one missing, one extra, or __proto__. */
export function spoilt(obj: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(obj);
  const some = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x');
  return fc.oneof(
    fc.tuple(some, nastyJson).map(([k, v]) => ({ ...obj, [k]: v })),
    some.map((k) => Object.fromEntries(Object.entries(obj).filter(([x]) => x !== k))),
    fc.tuple(fc.string({ maxLength: 12 }), nastyJson).map(([k, v]) => ({ ...obj, [k]: v })),
    fc.constant(withProto(obj)),
  );
}

/** Body texts that are not the JSON they claim to be. */
export const malformedJson = fc.constantFrom(
  '',
  ' ',
  '{',
  '{"a":',
  "{'a':1}",
  'NaN',
  '{"a":1}garbage',
  '\uFEFF{}',
  '{"a":1,}',
  'undefined',
  '\u0000',
  '['.repeat(50_000),
);
