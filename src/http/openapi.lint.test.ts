// Lints the OpenAPI document the app serves (/api/openapi.json) with Redocly's recommended rules, untuned: any
// problem of severity error fails the test, each listed with its JSON pointer; warnings are printed and pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { createTestApp } from '../test-support/app.js';

const where = (p: NormalizedProblem) => p.location.map((l) => l.pointer ?? `line ${l.start.line}`).join(', ');
const describeProblem = (p: NormalizedProblem) => `${p.ruleId} at ${where(p)}: ${p.message}`;

describe('the OpenAPI document', () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp('sqlite');
  });
  afterAll(() => h.drop());

  it("passes Redocly's recommended rules without an error", async () => {
    const res = await h.raw.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const config = await createConfig({ extends: ['recommended'] });
    const problems = (await lintFromString({ source: await res.text(), absoluteRef: 'openapi.json', config })).filter((p) => !p.ignored);
    const warnings = problems.filter((p) => p.severity === 'warn').map(describeProblem);
    if (warnings.length > 0) console.warn(`OpenAPI lint: ${warnings.length} warning(s)\n  ${warnings.join('\n  ')}`);
    expect(problems.filter((p) => p.severity === 'error').map(describeProblem)).toEqual([]);
  });

  it('is linted at all: a document with a broken reference fails', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const broken = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { responses: { 200: { $ref: '#/components/responses/Nope' } } } } },
    };
    const problems = await lintFromString({ source: JSON.stringify(broken), absoluteRef: 'broken.json', config });
    expect(problems.some((p) => p.severity === 'error' && p.ruleId === 'no-unresolved-refs')).toBe(true);
  });
});
