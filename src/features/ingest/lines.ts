// Splits a byte stream into lines without ever holding more than one bounded line: a line longer than
// the limit is skipped to its end and reported, so a 2 GB line cannot exhaust memory. Each line is decoded
// strictly: a line that is not UTF-8 is reported with the offset of its first bad byte, never read as U+FFFD.
import { TextDecoder } from 'node:util';
import { describeByteAt, invalidUtf8At } from '../../domain/events/utf8.js';

export const MAX_LINE_BYTES = 1024 * 1024;

/** A line's text, or why it has none: longer than the limit (its size), or not UTF-8 (where, within the line). */
export type LineItem = { line: number; text: string } | { line: number; tooLong: number } | { line: number; notUtf8: string };

/** Lines one by one (convenient); readLineBatches is the fast form, one array per input chunk. */
export async function* readLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineItem> {
  for await (const batch of readLineBatches(source, maxBytes)) yield* batch;
}

/** One line's bytes (without the newline) as text: CR and, on line 1, a BOM dropped. */
function decodeLine(decoder: TextDecoder, line: number, bytes: Uint8Array): LineItem {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { line, notUtf8: describeByteAt(bytes, invalidUtf8At(bytes)) };
  }
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { line, text };
}

export async function* readLineBatches(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineItem[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let lineNo = 0;
  let out: LineItem[] = [];
  const finish = (): void => {
    lineNo++;
    if (skipping) out.push({ line: lineNo, tooLong: size });
    else out.push(decodeLine(decoder, lineNo, parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)));
    parts = [];
    size = 0;
    skipping = false;
  };
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl === -1 ? buf.length : nl;
      const piece = end - start;
      if (!skipping && size + piece > maxBytes) {
        skipping = true;
        parts = [];
      }
      if (!skipping) parts.push(buf.subarray(start, end));
      size += piece;
      if (nl === -1) break;
      finish();
      start = nl + 1;
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  if (size > 0 || skipping) finish();
  if (out.length > 0) yield out;
}
