import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readLines } from './lines.js';

async function collect(chunks: (string | Buffer)[], max?: number) {
  const out = [];
  for await (const l of readLines(chunks, max)) out.push(l);
  return out;
}

describe('readLines', () => {
  it('numbers lines, strips CR and a BOM, keeps a last line without newline', async () => {
    expect(await collect(['\ufeffa\r\nb', '\n\nc'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'b' },
      { line: 3, text: '' },
      { line: 4, text: 'c' },
    ]);
  });
  it('skips an oversized line without buffering it and goes on', async () => {
    const out = await collect(['ok\n', 'x'.repeat(30), 'y'.repeat(30), '\nnext\n'], 50);
    expect(out).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, tooLong: 60 },
      { line: 3, text: 'next' },
    ]);
  });
  it('splits multi-byte characters across chunks correctly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\n')),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (lines, size) => {
          const bytes = Buffer.from(lines.join('\n') + '\n');
          const parts: Buffer[] = [];
          for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
          const out = await collect(parts);
          expect(out.map((l) => ('text' in l ? l.text : null))).toEqual(
            lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).map((l, i) => (i === 0 && l.startsWith('\ufeff') ? l.slice(1) : l)),
          );
        },
      ),
    );
  });
});

describe('readLines and invalid UTF-8', () => {
  it('reports a line that is not UTF-8 with the offset of its first bad byte, and reads on', async () => {
    const body = Buffer.concat([Buffer.from('{"a":"好"}\n{"a":"'), Buffer.from([0xe5, 0xa5]), Buffer.from('"}\n{"b":1}\n')]);
    expect(await collect([body])).toEqual([
      { line: 1, text: '{"a":"好"}' },
      // 0xe5 0xa5 starts 好 but is cut short by the quote: the sequence starting at byte 6 is refused.
      { line: 2, notUtf8: 'byte 6 (0xe5)' },
      { line: 3, text: '{"b":1}' },
    ]);
  });
  it('finds the bad byte of a line split across chunks', async () => {
    const out = await collect([Buffer.from('ok\nab'), Buffer.from([0x63, 0xff]), Buffer.from('d\n')]);
    expect(out).toEqual([
      { line: 1, text: 'ok' },
      { line: 2, notUtf8: 'byte 3 (0xff)' },
    ]);
  });
});
