// fast-check arbitraries of whole requests for one OpenAPI operation (src/test-support/openapi-fuzz.ts gives the
// values): valid ones, and ones with one parameter, the body or the query wrong. Used by src/http/fuzz.test.ts.
import fc from 'fast-check';
import {
  malformedJson,
  nastyJson,
  nastyText,
  periodTexts,
  spoilt,
  validOf,
  withPeriod,
  type Doc,
  type Hints,
  type Operation,
} from './openapi-fuzz.js';

/** One request to send: the URL with its query, and a body with its content type (null: no content-type header). */
export interface FuzzRequest {
  method: string;
  url: string;
  body?: { type: string | null; data: string | Uint8Array };
  /** What the request tries: valid, bad-param, bad-body, extra-query. */
  kind: string;
}

const queryValue = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(queryValue) : [typeof v === 'string' ? v : JSON.stringify(v)]);

function urlOf(op: Operation, values: Record<string, unknown>, extra: [string, string][] = []): string {
  let path = op.path;
  const q = new URLSearchParams();
  for (const p of op.params) {
    const v = values[p.name];
    if (v === undefined) continue;
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(queryValue(v)[0] ?? ''));
    else for (const x of queryValue(v)) q.append(p.name, x);
  }
  for (const [k, v] of extra) q.append(k, v);
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

function validParams(op: Operation, doc: Doc, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(op.params.map((p) => [p.name, validOf(p.schema, doc, hints, p.in, p.name)]));
  const record = fc.record(model, { requiredKeys: op.params.filter((p) => p.required).map((p) => p.name) });
  const names = new Set(op.params.map((p) => p.name));
  return names.has('from') && names.has('to') ? fc.tuple(record, periodTexts).map(([r, p]) => withPeriod(r, p)) : record;
}

/** A body the operation accepts, for one of its content types. */
function validBody(op: Operation, doc: Doc, hints: Hints): fc.Arbitrary<{ type: string; value: unknown }> {
  if (op.bodies.length === 0) return fc.constant({ type: 'application/json', value: {} });
  return fc.oneof(
    ...op.bodies.map((b) => (hints(b.type, 'body') ?? validOf(b.schema, doc, hints, 'body')).map((value) => ({ type: b.type, value }))),
  );
}

const encode = (type: string, value: unknown): string | Uint8Array =>
  value instanceof Uint8Array
    ? value
    : type === 'application/json'
      ? JSON.stringify(value)
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);

/** Requests for one operation: valid ones, and ones with one parameter, the body or the query wrong. */
export function requestsOf(op: Operation, doc: Doc, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const params = validParams(op, doc, hints);
  const body =
    op.bodies.length > 0 ? validBody(op, doc, hints).map((b) => ({ type: b.type, data: encode(b.type, b.value) })) : fc.constant(undefined);
  const method = op.method;
  const valid = fc.tuple(params, body).map(([v, b]) => ({ method, url: urlOf(op, v), body: b, kind: 'valid' }));
  const named = op.params.map((p) => p.name);
  const badParam = fc
    .tuple(params, body, fc.constantFrom(...(named.length > 0 ? named : ['page'])), fc.option(nastyText, { nil: undefined, freq: 8 }))
    .map(([v, b, name, bad]) => ({ method, url: urlOf(op, { ...v, [name]: bad }), body: b, kind: `bad-param ${name}` }));
  const extraQuery = fc
    .tuple(
      params,
      body,
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...named, '__proto__', 'constructor[prototype]'), fc.string({ maxLength: 8 })), nastyText), {
        minLength: 1,
        maxLength: 3,
      }),
    )
    .map(([v, b, extra]) => ({ method, url: urlOf(op, v, extra), body: b, kind: 'extra-query' }));
  const jsonType = fc.constantFrom<string | null>(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    null,
  );
  const badBodies = fc.oneof(
    validBody(op, doc, hints).chain((b) =>
      b.value !== null && typeof b.value === 'object' && !Array.isArray(b.value) && !(b.value instanceof Uint8Array)
        ? spoilt(b.value as Record<string, unknown>).map((v) => ({ type: b.type as string | null, data: encode('application/json', v) }))
        : nastyText.map((t) => ({ type: b.type as string | null, data: t })),
    ),
    fc.tuple(jsonType, nastyJson).map(([type, v]) => ({ type, data: JSON.stringify(v) ?? '' })),
    fc.tuple(jsonType, malformedJson).map(([type, data]) => ({ type, data })),
    fc
      .tuple(fc.constantFrom(...op.bodies.map((b) => b.type), 'text/csv', 'application/octet-stream'), fc.uint8Array({ maxLength: 200 }))
      .map(([type, data]) => ({ type, data })),
  );
  const badBody = fc
    .tuple(params, fc.option(badBodies, { nil: undefined, freq: 8 }))
    .map(([v, b]) => ({ method, url: urlOf(op, v), body: b, kind: 'bad-body' }));
  const all = fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 3, arbitrary: badParam },
    { weight: method === 'GET' ? 0 : 3, arbitrary: badBody },
    { weight: 1, arbitrary: extraQuery },
  );
  // A GET carries no body (fetch refuses one); fast-check prints a failing request in short.
  return all.map((r) => Object.assign(method === 'GET' ? { ...r, body: undefined } : r, { [fc.toStringMethod]: () => describeRequest(r) }));
}

/** A request in one line, long parts cut. */
export function describeRequest(r: FuzzRequest): string {
  const body = r.body
    ? ` ${r.body.type ?? '(no content-type)'} ${(typeof r.body.data === 'string' ? JSON.stringify(r.body.data) : `bytes[${r.body.data.length}]`).slice(0, 300)}`
    : '';
  return `${r.method} ${r.url.slice(0, 300)} (${r.kind})${body}`;
}
