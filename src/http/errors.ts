// One JSON error shape for every route, { error: { code, message, details? } }, and the one place where the
// application's typed errors (src/domain/errors.ts) become HTTP statuses.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorKind } from '../domain/errors.js';

export const ErrorAnswer = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_request' }),
      message: z.string().openapi({ example: 'from: expected YYYY-MM-DD' }),
      details: z.array(z.string()).optional(),
    }),
  })
  .openapi('Error');

const STATUS: Record<ErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  ambiguous: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  too_large: 413,
  rate_limited: 429,
};

export const statusOf = (kind: ErrorKind): ContentfulStatusCode => STATUS[kind];

export function errorJson(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

/** The answer for a typed application error; null for anything else (a bug: 500, logged by the caller). */
export function appErrorJson(c: Context, err: unknown) {
  if (!(err instanceof AppError)) return null;
  return errorJson(c, statusOf(err.kind), err.code, err.message, err.details);
}

/** zod issues → "field: message" lines, for 400 answers that name the field. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
}

/** JSON.parse's failure in our words (no engine text, no echo of the input). */
export { jsonProblem } from '../domain/events/json-problem.js';
