// The OpenAPI document declares the rules the server keeps, so a client generated from it is correct: how to sign
// in for each operation, the error answers each can give, integer and boolean parameters as the server reads
// them, date patterns, and a user-name pattern that real names match in any regex dialect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/app.js';
import { usernameSchema } from '../features/auth/schemas.js';

type Operation = {
  security?: unknown[];
  'x-policy'?: string;
  parameters?: { name: string; in: string; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
};

describe('the OpenAPI document declares the strict rules', () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  let operations: [string, Operation][];
  let doc: any;
  beforeAll(async () => {
    h = await createTestApp('sqlite');
    doc = await (await h.raw.request('/api/openapi.json')).json();
    operations = Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
    );
  });
  afterAll(() => h.drop());

  it('says on every operation how to sign in, with schemes the document defines', () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['session', 'token']);
    for (const [name, op] of operations) {
      expect(op.security, name).toEqual(op['x-policy'] === 'public' ? [] : [{ session: [] }, { token: [] }]);
      if (op['x-policy'] !== 'public') expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('declares 400 everywhere and 415 for every JSON body', () => {
    for (const [name, op] of operations) {
      expect(op.responses, name).toHaveProperty('400');
      if (op.requestBody?.content['application/json']) expect(op.responses, name).toHaveProperty('415');
    }
  });

  it('types integer, boolean, enum and date parameters as the server reads them', () => {
    const params = operations.flatMap(([name, op]) => (op.parameters ?? []).map((p) => ({ op: name, ...p })));
    expect(params.length).toBeGreaterThan(50);
    for (const p of params) {
      const where = `${p.op} ${p.name}`;
      if (['page', 'page_size', 'id', 'days', 'member', 'timeline_limit'].includes(p.name)) {
        expect(p.schema.type, where).toBe('integer');
        expect(p.schema.minimum, where).toBeTypeOf('number');
      }
      if (['present', 'dry_run'].includes(p.name)) expect(p.schema, where).toMatchObject({ type: 'string', enum: ['true', 'false'] });
      if (['from', 'to', 'at'].includes(p.name)) expect(p.schema.pattern, where).toBeTypeOf('string');
      if (['by', 'status', 'kind', 'format', 'encoding', 'tier'].includes(p.name)) expect(p.schema.enum, where).toBeInstanceOf(Array);
    }
  });

  it('gives a user-name pattern that real names match, with or without the u flag, as the server does', () => {
    const login = operations.find(([name]) => name === 'POST /api/v1/auth/login')![1];
    const schema = (login.requestBody!.content['application/json'] as any).schema;
    const pattern: string = (schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema).properties.username.pattern;
    const plain = new RegExp(pattern);
    const unicode = new RegExp(pattern, 'u');
    for (const name of ['alice', 'Bob.Smith', 'ops@example.com', 'o_neil-2', '张三', '佐藤花子', 'Zoë', 'Дмитрий', 'مريم', 'user42']) {
      expect(usernameSchema.safeParse(name).success, name).toBe(true);
      expect(plain.test(name), name).toBe(true);
      expect(unicode.test(name), name).toBe(true);
    }
    for (const name of ['a b', 'a/b', 'a:b', "o'neil", 'x<y', 'tab\there', '']) {
      expect(usernameSchema.safeParse(name).success, name).toBe(false);
      expect(plain.test(name), name).toBe(false);
      expect(unicode.test(name), name).toBe(false);
    }
  });
});
