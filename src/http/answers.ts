// Checks every answer against the schema its route declares (switched on in tests: src/test-support/app.ts): an
// undeclared status, a body the schema refuses, or a field the schema does not name turns into a 500 whose
// details say what differs, so a route cannot drift from its OpenAPI contract unnoticed.
import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { PolicyTable } from './policy.js';

type Declared = { content?: Record<string, { schema?: unknown }> } | undefined;

export function checkAnswers(table: () => PolicyTable): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const found = table().find(c.req.method, c.req.path);
    const responses = found?.rule.responses as Record<string, Declared> | undefined;
    if (!found || !responses) return;
    const where = `${c.req.method} ${found.rule.path}`;
    const status = c.res.status;
    const declared = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
    let problems: string[] = [];
    if (!declared) problems = [`${where} answered ${status}, which it does not declare`];
    else {
      const schema = declared.content?.['application/json']?.schema as ZodType | undefined;
      if (schema && (c.res.headers.get('content-type') ?? '').includes('application/json')) {
        const body: unknown = await c.res.clone().json();
        const r = schema.safeParse(body);
        if (!r.success) problems = r.error.issues.map((i) => `${where} ${status}: ${i.path.join('.') || '(body)'}: ${i.message}`);
        else problems = undeclared(body, r.data).map((p) => `${where} ${status}: ${p}: not in the declared schema`);
      }
    }
    if (problems.length === 0) return;
    console.error(problems.join('\n'));
    c.res = new Response(JSON.stringify({ error: { code: 'answer_not_declared', message: problems[0], details: problems } }), {
      status: 500,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** Paths present in what was sent but dropped by the schema's parse (fields the schema does not declare). */
function undeclared(sent: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((v, i) => undeclared(v, parsed[i], `${path}[${i}]`));
  if (!isObject(sent) || !isObject(parsed)) return [];
  return Object.keys(sent).flatMap((k) => {
    const p = path ? `${path}.${k}` : k;
    if (!(k in parsed)) return sent[k] === undefined ? [] : [p];
    return undeclared(sent[k], parsed[k], p);
  });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
