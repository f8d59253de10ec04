// Pieces every route file declares the same way: a JSON answer with its error statuses, and a required JSON body.
import { z } from '@hono/zod-openapi';

const ok = { 200: { description: 'OK', content: { 'application/json': { schema: z.object({}).passthrough() } } } };

/** A JSON answer, or 400 for bad input. */
export const JSON_OK = { ...ok, 400: { description: 'Bad input' } };
/** A JSON answer, 400 for bad input, or 404 for an unknown target. */
export const JSON_OK_404 = { ...JSON_OK, 404: { description: 'Not found' } };

/** A required application/json request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
