// XLSX decompression bombs are refused from the zip directory (nothing inflated), and a directory that lies is
// caught by counting while inflating; a real workbook passes.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test-support/app.js';
import { xlsxBytes } from './test-helpers.js';
import { checkXlsxSize, MAX_XLSX_UNCOMPRESSED_BYTES, ZipBombError } from './zip-guard.js';

/** A one-entry zip whose directory declares `declared` uncompressed bytes for `data` (deflated). */
function zip(name: string, data: Buffer, declared = data.length): Buffer {
  const body = zlib.deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(Math.min(declared, 0xffffffff), 22);
  local.writeUInt16LE(n.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(20, 4);
  cd.writeUInt16LE(20, 6);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(body.length, 20);
  cd.writeUInt32LE(Math.min(declared, 0xffffffff), 24);
  cd.writeUInt16LE(n.length, 28);
  cd.writeUInt32LE(0, 42);
  const cdOffset = 30 + n.length + body.length,
    cdSize = 46 + n.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, body, cd, n, eocd]);
}

describe('XLSX zip guard', () => {
  it('refuses a workbook whose directory declares a huge uncompressed size, without inflating it', async () => {
    const bomb = zip('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 0xfffffff0);
    await expect(checkXlsxSize(bomb)).rejects.toThrow(ZipBombError);
    await expect(checkXlsxSize(bomb)).rejects.toThrow(/inflates to 4096 MiB \(at most 200 MiB\).*decompression bomb/);
  });

  it('refuses an absurd ratio and huge shared strings', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024); // deflates to ~20 KiB: 1000×
    await expect(checkXlsxSize(zip('xl/worksheets/sheet1.xml', zeros))).rejects.toThrow(/more than 100×/);
    await expect(checkXlsxSize(zip('xl/sharedStrings.xml', Buffer.from('<x/>'), 100 * 1024 * 1024))).rejects.toThrow(
      /shared strings inflate to 100 MiB/,
    );
  });

  it('refuses an entry that inflates to more than its directory declares', async () => {
    await expect(checkXlsxSize(zip('xl/worksheets/sheet1.xml', Buffer.alloc(1 << 20, 'a'), 1000))).rejects.toThrow(
      /more than the 1000 bytes it declares/,
    );
  });

  it('lets a real workbook through', async () => {
    await expect(
      checkXlsxSize(
        await xlsxBytes([
          ['order_id', 'phone'],
          ['A1', '13800000000'],
        ]),
      ),
    ).resolves.toBeUndefined();
    expect(MAX_XLSX_UNCOMPRESSED_BYTES).toBe(200 * 1024 * 1024);
  });
});

describe('POST /api/v1/import/* with an XLSX bomb', () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp('sqlite', {});
  });
  afterAll(() => h.drop());

  it('answers 400 with a clear error', async () => {
    const bomb = zip('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 0xfffffff0);
    const res = await h.app.request('/api/v1/import/orders', { method: 'POST', body: bomb });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/decompression bomb/);
  });
});
