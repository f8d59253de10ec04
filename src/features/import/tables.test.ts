import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Encoding } from './decode.js';
import { readCsv, readXlsx, sniffFormat } from './tables.js';
import { scanJson } from './json-scan.js';
import { encodeGb18030, xlsxBytes } from './test-helpers.js';

/** The bytes in chunks of `size`, as a file stream would hand them over. */
async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function rows(bytes: Uint8Array, size = 7, encoding: Encoding = 'auto') {
  let found: Encoding | undefined;
  const out: [number, unknown[]][] = [];
  for await (const r of readCsv(chunked(bytes, size), encoding, (e) => {
    found = e;
  }))
    out.push([r.row, r.cells]);
  return { out, found };
}

const CSV = '姓名,手机号,标签\r\n张三,13800000000,"宝妈,高意向"\r\n\r\n李四,"139 0000 0000",\r\n';
const EXPECTED = [
  [1, ['姓名', '手机号', '标签']],
  [2, ['张三', '13800000000', '宝妈,高意向']],
  [4, ['李四', '139 0000 0000', '']],
];

describe('CSV decoding', () => {
  it.each([1, 2, 3, 5, 64])('UTF-8 with BOM, UTF-8 without, GB18030 and UTF-16 read alike in chunks of %i bytes', async (size) => {
    const utf8 = Buffer.from(CSV, 'utf8');
    const cases: [Buffer, Encoding][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'utf-8'],
      [utf8, 'utf-8'],
      [encodeGb18030(CSV), 'gb18030'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]), 'utf-16le'],
    ];
    for (const [bytes, enc] of cases) {
      const r = await rows(bytes, size);
      expect(r.out, enc).toEqual(EXPECTED);
      expect(r.found).toBe(enc);
    }
  });
  it('decides at the first non-ASCII bytes, however late they come', async () => {
    const text = `name,city\r\n${'a,b\r\n'.repeat(5000)}王五,上海\r\n`;
    const r = await rows(encodeGb18030(text), 4096);
    expect(r.found).toBe('gb18030');
    expect(r.out.at(-1)).toEqual([5002, ['王五', '上海']]);
  });
  it('refuses a file that turns from UTF-8 into something else', async () => {
    const bytes = Buffer.concat([Buffer.from('名,x\r\n', 'utf8'), Buffer.from('a,b\r\n'.repeat(100)), encodeGb18030('王五,上海\r\n')]);
    // 名 is 3 bytes: line 102 starts at offset 3 + 4 + 500; 王 is 0xcd 0xf5 in GB18030.
    await expect(rows(bytes, 64)).rejects.toThrow(/^not valid UTF-8: line 102, byte offset 507 \(0xcd\)/);
    // Forced to GB18030 it is refused too (its UTF-8 header is not GB18030), rather than read garbled.
    await expect(rows(bytes, 64, 'gb18030')).rejects.toThrow(/^not valid GB18030: line 1 or after, within byte offsets 0–63/);
  });
  it('sniffs tab and semicolon delimiters; a runaway quote is an error naming the row', async () => {
    expect((await rows(Buffer.from('姓名\t手机号\nA\t1\n'))).out).toEqual([
      [1, ['姓名', '手机号']],
      [2, ['A', '1']],
    ]);
    expect((await rows(Buffer.from('a;b\n1;2\n'))).out[1]).toEqual([2, ['1', '2']]);
    await expect(rows(Buffer.from(`a,b\n1,"${'x'.repeat(1100000)}`), 65536)).rejects.toThrow(/^CSV line 2: a row longer than 1048576 bytes/);
  });
  it('sniffs the file kind', () => {
    expect(sniffFormat(Buffer.from('PK\x03\x04', 'latin1'))).toBe('xlsx');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toBe('xls');
    expect(sniffFormat(Buffer.from('name'))).toBe('csv');
  });
});

describe('XLSX', () => {
  it('reads a sheet with numbers, dates, rich text and formulas; picks a sheet by name', async () => {
    const bytes = await xlsxBytes([
      ['订单号', '金额', '手机号', '支付时间', '备注'],
      ['A1', 9.9, 13800000000, new Date(Date.UTC(2026, 10, 1, 20, 0)), { richText: [{ text: '加' }, { text: '急' }] }],
      [],
      ['A2', { formula: '1+1', result: 2 }, '139', 45962.5, null],
    ]);
    const got: unknown[] = [];
    for await (const r of readXlsx(Readable.from(bytes))) got.push([r.row, r.cells]);
    expect(got).toEqual([
      [1, ['订单号', '金额', '手机号', '支付时间', '备注']],
      [2, ['A1', 9.9, 13800000000, new Date(Date.UTC(2026, 10, 1, 20, 0)), '加急']],
      [4, ['A2', 2, '139', 45962.5]],
    ]);
    await expect(
      (async () => {
        for await (const _ of readXlsx(Readable.from(bytes), 'nope')) void _;
      })(),
    ).rejects.toThrow(/--sheet: no worksheet "nope"/);
  });
});

describe('streaming JSON scan', () => {
  async function scan(text: string, size: number) {
    const scalars = new Map<string, unknown>();
    const items: unknown[] = [];
    await scanJson(chunked(Buffer.from(text), size), 'messages', {
      scalar: (k, v) => {
        scalars.set(k, v);
      },
      item: (v) => {
        items.push(v);
      },
    });
    return { scalars, items };
  }
  it('hands over top-level scalars and each item, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string().filter((k) => k !== 'messages'),
          fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.jsonValue()),
        ),
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        async (top, messages, size, spaced) => {
          const doc = { ...top, messages };
          const text = spaced ? JSON.stringify(doc, null, 2) : JSON.stringify(doc);
          const r = await scan(text, size);
          expect(r.items).toEqual(JSON.parse(JSON.stringify(messages)));
          for (const [k, v] of Object.entries(top)) if (v === null || typeof v !== 'object') expect(r.scalars.get(k)).toEqual(v);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('refuses what is not an object or is cut short', async () => {
    await expect(scan('[1,2]', 4)).rejects.toThrow(/expected an object/);
    await expect(scan('{"id": 1, "messages": [{"a": 1}', 4)).rejects.toThrow(/ends inside/);
    await expect(scan('{"id": 1, "messages": [{"a": }]}', 4)).rejects.toThrow(/^not valid JSON at byte \d+: (at character \d+|malformed)$/);
  });
  it.each([1, 3, 64])('refuses bytes that are not UTF-8 naming their offset, never U+FFFD (chunks of %i)', async (size) => {
    const head = Buffer.from('{"name": "群", "messages": [{"id": 1, "text": "好');
    const bytes = Buffer.concat([head, Buffer.from([0xff]), Buffer.from('"}]}')]);
    const items: unknown[] = [];
    const run = scanJson(chunked(bytes, size), 'messages', { scalar: () => {}, item: (v) => void items.push(v) });
    await expect(run).rejects.toThrow(`not valid UTF-8 at byte ${head.length} (0xff)`);
    expect(items).toEqual([]);
  });
});
