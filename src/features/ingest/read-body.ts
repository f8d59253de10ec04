// Reads a request body up to a limit; past it the caller answers 413 before anything is stored.
import { TooLargeError } from '../../domain/errors.js';

export class BodyTooLargeError extends TooLargeError {
  /** `hint` says what the caller can do instead (split the file, send several requests). */
  constructor(
    readonly limit: number,
    hint?: string,
  ) {
    super(`request body exceeds ${limit} bytes${hint ? `; ${hint}` : ''} (nothing was stored)`, 'body_too_large');
  }
}

export async function readBoundedBody(req: Request, limit: number, hint?: string): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit, hint);
  if (!req.body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(limit, hint);
    }
    parts.push(Buffer.from(value));
  }
  return Buffer.concat(parts, size);
}
