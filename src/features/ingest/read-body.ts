// Reads a request body up to a limit; past it the caller answers 413 before anything is stored.
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) { super(`request body larger than ${limit} bytes`); }
}

export async function readBoundedBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError(limit);
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
      throw new BodyTooLargeError(limit);
    }
    parts.push(Buffer.from(value));
  }
  return Buffer.concat(parts, size);
}
