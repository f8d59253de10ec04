// Runs a prepared export into a stream, or into a file that appears only when complete (FILE.partial, renamed).
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { MetricsInputError } from '../analytics/metrics/service.js';
import type { PreparedExport } from './members.js';
import { FORMATS, type Format } from './output.js';
import { openSink } from './sinks.js';

export function parseFormat(value: string | undefined, name = 'format'): Format {
  const v = value ?? 'csv';
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  throw new MetricsInputError(`${name}: expected ${FORMATS.join(' or ')} (got ${JSON.stringify(value)})`);
}

/** Streams every row into `out` (which it leaves open); returns the number of rows written. */
export async function writeExport(p: PreparedExport, format: Format, out: Writable, progress?: (rows: number) => void): Promise<number> {
  const sink = await openSink(format, out, p.sheet, p.columns);
  let n = 0;
  for await (const row of p.rows()) {
    await sink.row(row);
    if (++n % 1000 === 0) progress?.(n);
  }
  await sink.end();
  progress?.(n);
  return n;
}

const closed = (s: fs.WriteStream) =>
  new Promise<void>((resolve, reject) => {
    if (s.closed) return resolve();
    s.once('close', resolve).once('error', reject);
  });

/** Writes FILE.partial and renames it to FILE at the end; on any failure the partial file is removed. */
export async function writeExportFile(p: PreparedExport, format: Format, file: string, progress?: (rows: number) => void): Promise<number> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  try {
    const n = await Promise.race([writeExport(p, format, out, progress), failed]);
    out.end();
    await Promise.race([closed(out), failed]);
    fs.renameSync(partial, file);
    return n;
  } catch (err) {
    out.destroy();
    await closed(out).catch(() => {});
    fs.rmSync(partial, { force: true });
    throw err;
  }
}
