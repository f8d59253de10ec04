// Strict decoding of CSV bytes: a bad byte is refused naming its line and byte offset, in whatever chunks the
// file arrives, and never read as U+FFFD or mistaken for another encoding.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, type Encoding } from './decode.js';
import { encodeGb18030 } from './test-helpers.js';
import { invalidUtf8At } from '../../domain/events/utf8.js';

async function decode(bytes: Uint8Array, size: number, encoding: Encoding = 'auto') {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  let text = '';
  let found: Encoding | undefined;
  for await (const t of decodeText(chunks(), encoding, (e) => (found = e))) text += t;
  return { text, found };
}

describe('decodeText', () => {
  it('names the line and byte offset of the first bad byte, whatever the chunking', async () => {
    const lines = ['名字,电话', '小明,13800000000', '小红,13900000000', '老王,13700000000'];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.nat(), fc.integer({ min: 1, max: 80 }), async (line, pick, size) => {
        const bytes = Buffer.from(lines.join('\n') + '\n');
        // Any byte of a line after the first (the first decides the encoding) made 0xff.
        const start = Buffer.byteLength(lines.slice(0, line).join('\n') + '\n');
        const at = start + (pick % Buffer.byteLength(lines[line]!));
        bytes[at] = 0xff;
        // The offset is where the broken character starts (the byte itself, or the lead byte it follows).
        const first = invalidUtf8At(bytes);
        expect(first).toBeLessThanOrEqual(at);
        const hex = bytes[first]!.toString(16);
        await expect(decode(bytes, size)).rejects.toThrow(`not valid UTF-8: line ${line + 1}, byte offset ${first} (0x${hex})`);
      }),
      { numRuns: 300 },
    );
  });

  it('does not take a UTF-8 file with one bad byte for GB18030, nor store U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('name,city\n小明,上海\n小红,'), Buffer.from([0xe5, 0x8c]), Buffer.from(',北京\n')]);
    await expect(decode(bytes, 1 << 20)).rejects.toThrow(/^not valid UTF-8: line 3, byte offset 31 \(0xe5\)/);
  });

  it('still reads GB18030 and refuses bytes that are not GB18030 either', async () => {
    const gb = encodeGb18030('姓名,城市\n小明,上海\n');
    expect(await decode(gb, 5)).toEqual({ text: '姓名,城市\n小明,上海\n', found: 'gb18030' });
    const bad = Buffer.concat([gb, Buffer.from([0xff, 0x0a])]);
    await expect(decode(bad, 1 << 20)).rejects.toThrow(/^not valid GB18030: line 1 or after, within byte offsets 0–21/);
  });

  it('refuses a character cut by the end of the file, with its offset', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n好,'), Buffer.from([0xe5, 0xa5])]);
    await expect(decode(bytes, 3)).rejects.toThrow(/^not valid UTF-8 at the end of the file \(a cut multi-byte character\): byte offset 8 \(0xe5\)/);
  });

  it('honours a given encoding strictly', async () => {
    await expect(decode(Buffer.from([0x61, 0x0a, 0xc3, 0x28, 0x0a]), 2, 'utf-8')).rejects.toThrow(/^not valid UTF-8: line 2, byte offset 2 \(0xc3\)/);
  });
});
