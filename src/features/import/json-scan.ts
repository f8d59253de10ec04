// A streaming reader for one JSON shape: a top-level object whose scalar members are handed over as they come
// and one array member (`messages`) whose items are handed over one at a time, each parsed on its own. The
// bytes are scanned once for structure (strings, escapes, nesting) and only each item is JSON.parse'd, so a
// 1 GB Telegram export needs the memory of one message, not of the file.

import { TextDecoder } from 'node:util';
import { invalidUtf8At } from '../../domain/events/utf8.js';
import { ImportFileError } from './errors.js';
import { jsonProblemDetail } from '../../domain/events/json-problem.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A Telegram export that is not the JSON it should be. */
export class JsonScanError extends ImportFileError {}

export interface ScanHandlers {
  /** A scalar member of the top-level object (objects and arrays other than the items' are skipped). */
  scalar(key: string, value: unknown): void;
  /** One item of the streamed array, parsed. May be async: the scanner waits for it. */
  item(value: unknown): Promise<void> | void;
  /** Every member name of the top-level object, as it is read. */
  key?(name: string): void;
}

const [QUOTE, BACKSLASH, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA] = [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c];
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

type Mode = 'start' | 'key' | 'colon' | 'value' | 'after' | 'items' | 'end';

export async function scanJson(input: AsyncIterable<Uint8Array>, arrayKey: string, h: ScanHandlers, maxItemBytes = 16 << 20): Promise<void> {
  let mode: Mode = 'start';
  let depth = 0,
    inStr = false,
    esc = false,
    offset = 0;
  let key = '';
  /** What is being captured: a key, a top-level scalar, an item, or a container being skipped. */
  let cap: 'key' | 'scalar' | 'item' | 'skip' | null = null;
  let capStart = -1,
    capBytes = 0;
  let parts: Uint8Array[] = [];
  let capEnd = 0; // the file offset just past the last capture

  const fail = (at: number, what: string) => new JsonScanError(`not valid JSON at byte ${offset + at}: ${what}`);
  /** The captured bytes as text, strictly: a byte that is not UTF-8 is refused where it is, never read as U+FFFD. */
  const text = () => {
    const bytes = Buffer.concat(parts);
    try {
      return utf8.decode(bytes);
    } catch {
      const bad = invalidUtf8At(bytes);
      throw new JsonScanError(`not valid UTF-8 at byte ${capEnd - bytes.length + bad} (0x${bytes[bad]!.toString(16)})`);
    }
  };
  const parse = (s: string, at: number): unknown => {
    try {
      return JSON.parse(s);
    } catch (err) {
      // JSON.parse's own text is the engine's wording and quotes the input: only its position is kept.
      throw fail(at, jsonProblemDetail(err) ?? 'malformed');
    }
  };

  for await (const chunk of input) {
    const ready: unknown[] = [];
    const take = (end: number) => {
      parts.push(chunk.subarray(capStart, end));
      capEnd = offset + end;
      capStart = -1;
    };
    const begin = (i: number, what: typeof cap) => {
      cap = what;
      capStart = what === 'skip' ? -1 : i;
      capBytes = 0;
      parts = [];
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (inStr) {
        if (esc) esc = false;
        else if (c === BACKSLASH) esc = true;
        else if (c === QUOTE) {
          inStr = false;
          if (cap === 'key') {
            take(i + 1);
            key = parse(text(), i) as string;
            h.key?.(key);
            cap = null;
            mode = 'colon';
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      switch (mode) {
        case 'start':
          if (c !== LBRACE) throw fail(i, 'expected an object ({) at the top');
          depth = 1;
          mode = 'key';
          continue;
        case 'key':
          if (c === RBRACE) {
            mode = 'end';
            depth = 0;
            continue;
          }
          if (c === COMMA) continue;
          if (c !== QUOTE) throw fail(i, 'expected a member name');
          begin(i, 'key');
          inStr = true;
          continue;
        case 'colon':
          if (c !== 0x3a) throw fail(i, 'expected :');
          mode = 'value';
          continue;
        case 'value':
          if (c === LBRACKET && key === arrayKey) {
            mode = 'items';
            depth = 2;
            continue;
          }
          begin(i, c === LBRACE || c === LBRACKET ? 'skip' : 'scalar');
          mode = 'after';
          break; // the byte is looked at again below (a bracket opens, a quote starts a string)
        case 'items':
          if (cap === null) {
            if (c === COMMA) continue;
            if (c === RBRACKET) {
              depth = 1;
              mode = 'key';
              continue;
            }
            begin(i, 'item');
          }
          break;
        case 'end':
          throw fail(i, 'more after the end of the top-level object');
      }
      // Inside a top-level value (mode 'after') or an item (mode 'items').
      if (c === QUOTE) {
        inStr = true;
        continue;
      }
      if (c === LBRACE || c === LBRACKET) {
        depth++;
        continue;
      }
      if (c === RBRACE || c === RBRACKET) {
        depth--;
        if (mode === 'after' && depth === 1 && cap === 'skip') {
          cap = null;
          mode = 'key';
        } else if (mode === 'after' && depth === 0) {
          // the top object closes right after a scalar
          if (cap === 'scalar') {
            take(i);
            h.scalar(key, parse(text().trim(), i));
          }
          cap = null;
          mode = 'end';
        } else if (mode === 'items' && depth === 2 && cap === 'item') {
          take(i + 1);
          ready.push(parse(text(), i));
          cap = null;
        } else if (mode === 'items' && depth === 1) {
          // the array closes
          if (cap === 'item') {
            take(i);
            ready.push(parse(text().trim(), i));
          }
          cap = null;
          mode = 'key';
        }
        continue;
      }
      if (c === COMMA) {
        if (mode === 'after' && depth === 1) {
          if (cap === 'scalar') {
            take(i);
            h.scalar(key, parse(text().trim(), i));
          }
          cap = null;
          mode = 'key';
        } else if (mode === 'items' && depth === 2 && cap === 'item') {
          take(i);
          ready.push(parse(text().trim(), i));
          cap = null;
        }
      }
    }
    if (capStart >= 0) {
      const piece = chunk.subarray(capStart);
      capBytes += piece.length;
      if (capBytes > maxItemBytes) throw new JsonScanError(`an item of ${arrayKey} is larger than ${maxItemBytes} bytes (at byte ${offset})`);
      parts.push(piece);
      capStart = 0;
    }
    offset += chunk.length;
    for (const v of ready) await h.item(v);
  }
  if (mode !== 'end') throw new JsonScanError(`not valid JSON: the file ends inside the top-level object (cut short?)`);
}
