// Bytes → text for CSV files, streamed: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (GBK is a
// subset) as Chinese Excel saves "CSV". The encoding is decided at the first run of non-ASCII bytes: if they are
// not valid UTF-8, the file is GB18030. ASCII reads the same in all of them, so nothing read before is wrong.
// Decoding is strict in every encoding: bytes that are not text are refused naming the line and the byte offset,
// never read as U+FFFD (docs/imports.md).

import { TextDecoder } from 'node:util';
import { invalidUtf8At } from '../../domain/events/utf8.js';
import { ImportFileError } from './errors.js';

export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bytes that are not text in the encoding given or detected. */
export class EncodingError extends ImportFileError {}

const SHOWN: Record<Encoding, string> = { auto: 'UTF-8', 'utf-8': 'UTF-8', gb18030: 'GB18030', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/** The first run of non-ASCII bytes looked at to tell UTF-8 from GB18030. */
const SNIFF_BYTES = 1024;

function firstNonAscii(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return i;
  return -1;
}

function bomEncoding(b: Uint8Array): Encoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-8 unless the run of non-ASCII bytes starting at `from` is not (a sequence cut by the chunk's end is fine). */
function sniff(b: Uint8Array, from: number): Encoding {
  let end = from;
  while (end < b.length && end - from < SNIFF_BYTES && b[end]! > 0x7f) end++;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(from, end), { stream: end === b.length || end - from === SNIFF_BYTES });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The bytes a streaming UTF-8 decoder still holds at the end of `b`: the start of a character cut by the chunk. */
function pendingUtf8(b: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) break;
    if (c >= 0xc0) {
      const size = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return size > back ? b.subarray(b.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/** The last 3 bytes of `before` followed by `chunk`. */
function lastBytes(before: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= 3) return chunk.slice(chunk.length - 3);
  const joined = new Uint8Array(before.length + chunk.length);
  joined.set(before);
  joined.set(chunk, before.length);
  return joined.slice(Math.max(0, joined.length - 3));
}

function newlines(b: Uint8Array, end = b.length): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1 && i < end; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Decodes a byte stream; `detected` reports the encoding chosen (for messages and tests). */
export async function* decodeText(
  input: AsyncIterable<Uint8Array>,
  encoding: Encoding = 'auto',
  detected?: (e: Encoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let chosen: Encoding | null = encoding === 'auto' ? null : encoding;
  let offset = 0; // bytes before the chunk being decoded
  let lines = 0; // newlines before it (UTF-8 and GB18030 only: their other bytes are never 0x0A)
  let tail: Uint8Array = new Uint8Array(0); // the last 3 bytes decoded: where a cut character may have begun
  const choose = (e: Encoding) => {
    chosen = e;
    decoder = new TextDecoder(e, { fatal: true });
    detected?.(e);
  };
  const refuse = (chunk: Uint8Array): never => {
    if (chosen === 'utf-8') {
      // Where exactly: the bytes held from the previous chunk, then this one.
      const held = pendingUtf8(tail);
      const joined = new Uint8Array(held.length + chunk.length);
      joined.set(held);
      joined.set(chunk, held.length);
      const at = Math.max(invalidUtf8At(joined), 0);
      const start = offset - held.length;
      const line = lines - newlines(held) + newlines(joined, at) + 1;
      throw new EncodingError(
        `not valid UTF-8: line ${line}, byte offset ${start + at} (0x${joined[at]!.toString(16).padStart(2, '0')}); ` +
          'the file mixes encodings? give --encoding gb18030 or utf-8',
      );
    }
    const where = chosen === 'gb18030' ? `line ${lines + 1} or after, ` : '';
    throw new EncodingError(
      `not valid ${SHOWN[chosen!]}: ${where}within byte offsets ${offset}–${offset + chunk.length - 1} (give --encoding if it is another)`,
    );
  };
  let head: Uint8Array | null = null;
  for await (const raw of input) {
    let chunk: Uint8Array = raw;
    if (head) {
      const joined = new Uint8Array(head.length + raw.length);
      joined.set(head);
      joined.set(raw, head.length);
      chunk = joined;
      head = null;
    }
    if (decoder === null) {
      if (chosen === null && chunk.length < 4) {
        head = chunk;
        continue;
      } // wait for enough bytes to see a BOM
      if (chosen === null) {
        const bom = bomEncoding(chunk);
        const high = bom ? -1 : firstNonAscii(chunk);
        if (bom) choose(bom);
        else if (high === -1) {
          offset += chunk.length;
          lines += newlines(chunk);
          yield new TextDecoder().decode(chunk);
          continue;
        } else choose(sniff(chunk, high));
      } else choose(chosen);
    }
    let text: string;
    try {
      text = decoder!.decode(chunk, { stream: true });
    } catch {
      refuse(chunk);
    }
    yield text!;
    offset += chunk.length;
    if (chosen !== 'utf-16le' && chosen !== 'utf-16be') lines += newlines(chunk);
    tail = lastBytes(tail, chunk);
  }
  if (head) {
    if (chosen === null) choose(firstNonAscii(head) === -1 ? 'utf-8' : sniff(head, firstNonAscii(head)));
    try {
      yield decoder!.decode(head);
    } catch {
      refuse(head);
    }
    return;
  }
  if (decoder) {
    let rest: string;
    try {
      rest = (decoder as TextDecoder).decode();
    } catch {
      const held = pendingUtf8(tail);
      const at = chosen === 'utf-8' && held.length > 0 ? `: byte offset ${offset - held.length} (0x${held[0]!.toString(16)})` : '';
      throw new EncodingError(`not valid ${SHOWN[chosen!]} at the end of the file (a cut multi-byte character)${at}`);
    }
    if (rest) yield rest;
  }
  if (chosen === null) detected?.('utf-8');
}
