// Where bytes stop being UTF-8: the wire format (docs/spec/events.md) and CSV imports refuse invalid UTF-8
// naming the byte, rather than storing U+FFFD in its place. TextDecoder (fatal) says *whether*; this says *where*.

/**
 * The offset of the first byte that does not start a well-formed UTF-8 sequence (a lone continuation byte, an
 * overlong form, a surrogate, a value past U+10FFFF, or a sequence cut short by a wrong byte or by the end of
 * `b`); -1 if all of `b` is well-formed.
 */
export function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let more: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) more = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      more = 2;
      if (c === 0xe0) lo = 0xa0; // no overlong three-byte forms
      if (c === 0xed) hi = 0x9f; // no surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      more = 3;
      if (c === 0xf0) lo = 0x90; // no overlong four-byte forms
      if (c === 0xf4) hi = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k <= more; k++) {
      const x = b[i + k];
      if (x === undefined || x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/** "byte 6 (0xff)": an offset and the byte found there, for messages. */
export function describeByteAt(b: Uint8Array, offset: number): string {
  return `byte ${offset} (0x${b[offset]!.toString(16).padStart(2, '0')})`;
}
