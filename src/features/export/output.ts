// Writing to a Node stream with backpressure: wait for 'drain' when the reader is slower than we are, and give up
// (ExportAbortedError) when the reader has gone away, so an abandoned download stops reading the database.
import type { Writable } from 'node:stream';

export type Cell = string | number | null;
export type Format = 'csv' | 'xlsx';
export const FORMATS: readonly Format[] = ['csv', 'xlsx'];

export class ExportAbortedError extends Error {
  constructor() {
    super('the output was closed before the export finished');
  }
}

/** Resolves once `out` wants more data (at once when it is not full); rejects when it closes or fails first. */
export function whenWritable(out: Writable, full: (s: Writable) => boolean = (s) => s.writableNeedDrain): Promise<void> {
  if (out.destroyed) return Promise.reject(new ExportAbortedError());
  if (!full(out)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: unknown) => {
      out.off('drain', onDrain).off('close', onClose).off('error', done);
      if (err) reject(err instanceof Error ? err : new ExportAbortedError());
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAbortedError());
    out.on('drain', onDrain).on('close', onClose).on('error', done);
  });
}

/** Writes one chunk, then waits while `out` is full. */
export async function put(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed) throw new ExportAbortedError();
  out.write(chunk);
  await whenWritable(out);
}

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
