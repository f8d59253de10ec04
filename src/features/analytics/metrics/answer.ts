// One error mapping for the analytics routes: bad parameters 400, unknown community 404, the rest 500.
import type { Context } from 'hono';
import { errorJson } from '../../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../../communities/repository.js';
import { MetricsInputError } from './service.js';

export async function answer(c: Context, compute: () => Promise<object>) {
  try {
    return c.json(await compute(), 200);
  } catch (err) {
    if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
    throw err;
  }
}
