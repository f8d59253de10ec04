// Bytes → text for CSV files, streamed: UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (GBK is a
// subset) as Chinese Excel saves "CSV". The encoding is decided at the first non-ASCII bytes: if they are not
// valid UTF-8, the file is GB18030. ASCII reads the same in all of them, so nothing read before is wrong.

import { TextDecoder } from 'node:util';
import { ImportFileError } from './errors.js';

export const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bytes that are not text in the encoding given or detected. */
export class EncodingError extends ImportFileError {}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! > 0x7f) return false;
  return true;
}

function bomEncoding(b: Uint8Array): Encoding | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function validUtf8Prefix(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a byte stream; `detected` reports the encoding chosen (for messages and tests). */
export async function* decodeText(
  input: AsyncIterable<Uint8Array>,
  encoding: Encoding = 'auto',
  detected?: (e: Encoding) => void,
): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let chosen: Encoding | null = encoding === 'auto' ? null : encoding;
  let offset = 0;
  const choose = (e: Encoding) => {
    chosen = e;
    // Fatal for UTF-8: a file that turns out not to be UTF-8 halfway is refused rather than imported garbled.
    decoder = new TextDecoder(e, { fatal: e === 'utf-8' });
    detected?.(e);
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
        if (bom) choose(bom);
        else if (isAscii(chunk)) {
          offset += chunk.length;
          yield new TextDecoder().decode(chunk);
          continue;
        } else choose(validUtf8Prefix(chunk) ? 'utf-8' : 'gb18030');
      } else choose(chosen);
    }
    try {
      yield decoder!.decode(chunk, { stream: true });
    } catch {
      throw new EncodingError(`not valid UTF-8 after byte ${offset} (the file mixes encodings? give --encoding gb18030 or utf-8)`);
    }
    offset += chunk.length;
  }
  if (head) yield new TextDecoder(chosen ?? 'utf-8').decode(head);
  if (decoder) {
    try {
      const rest = (decoder as TextDecoder).decode();
      if (rest) yield rest;
    } catch {
      throw new EncodingError('not valid UTF-8 at the end of the file (a cut multi-byte character)');
    }
  }
  if (chosen === null) detected?.('utf-8');
}
