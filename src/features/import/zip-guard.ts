// A decompression-bomb guard for XLSX uploads: before exceljs inflates anything, the zip's central directory is read
// and the workbook refused when what it would inflate to is too much in total, or absurdly more than the file. Then
// each deflated entry is inflated once, counting bytes and stopping at its declared size (exceljs's streaming reader
// trusts the local headers, not the directory, so a lying directory must not get past either).
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ImportFileError } from './errors.js';

/** Most an XLSX may inflate to, in total. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Most the shared strings (held in memory while the sheet is read) may inflate to. */
export const MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;
/** Largest inflated/compressed ratio, checked once the workbook inflates to more than RATIO_FLOOR_BYTES. */
export const MAX_XLSX_RATIO = 100;
const RATIO_FLOOR_BYTES = 8 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/** A workbook refused before inflating it: unreadable, or a possible decompression bomb. */
export class ZipBombError extends ImportFileError {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

/** Random access to the file or the in-memory body. */
interface Source {
  size: number;
  read(offset: number, length: number): Buffer;
  close(): void;
}

function open(source: string | Buffer): Source {
  if (typeof source !== 'string') {
    return { size: source.length, read: (o, n) => source.subarray(Math.max(0, o), Math.min(source.length, o + n)), close() {} };
  }
  const fd = fs.openSync(source, 'r');
  const size = fs.fstatSync(fd).size;
  return {
    size,
    read(o, n) {
      const len = Math.max(0, Math.min(n, size - o));
      const b = Buffer.alloc(len);
      fs.readSync(fd, b, 0, len, o);
      return b;
    },
    close: () => fs.closeSync(fd),
  };
}

const bad = (why: string) => new ZipBombError(`XLSX: not a readable workbook (${why})`);

/** The central directory's entries (zip64 sizes included). */
function entries(src: Source): Entry[] {
  const tailLen = Math.min(src.size, 22 + 0xffff);
  const tail = src.read(src.size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw bad('no zip central directory');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw bad('zip64 locator missing');
    const z = src.read(Number(tail.readBigUInt64LE(loc + 8)), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== 0x06064b50) throw bad('zip64 directory missing');
    count = Number(z.readBigUInt64LE(32));
    cdSize = Number(z.readBigUInt64LE(40));
    cdOffset = Number(z.readBigUInt64LE(48));
  }
  if (count > MAX_ENTRIES) throw new ZipBombError(`XLSX: ${count} files inside the workbook (at most ${MAX_ENTRIES}); refused`);
  if (cdOffset + cdSize > src.size) throw bad('central directory beyond the end of the file');
  const cd = src.read(cdOffset, cdSize);
  const out: Entry[] = [];
  for (let p = 0, i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw bad('damaged central directory');
    const nameLen = cd.readUInt16LE(p + 28),
      extraLen = cd.readUInt16LE(p + 30),
      commentLen = cd.readUInt16LE(p + 32);
    const e: Entry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      method: cd.readUInt16LE(p + 10),
      compressed: cd.readUInt32LE(p + 20),
      uncompressed: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    };
    // zip64 extended information: the fields that are 0xFFFFFFFF above, in order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = cd.readUInt16LE(x),
        len = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        const next = () => {
          const v = f + 8 <= x + 4 + len ? Number(cd.readBigUInt64LE(f)) : NaN;
          f += 8;
          return v;
        };
        if (e.uncompressed === 0xffffffff) e.uncompressed = next();
        if (e.compressed === 0xffffffff) e.compressed = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
      }
      x += 4 + len;
    }
    if (![e.uncompressed, e.compressed, e.localOffset].every(Number.isFinite)) throw bad('damaged zip64 sizes');
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MiB`;

/** Inflates one entry, counting, and fails once it yields more than it declared. */
async function verifyEntry(src: Source, e: Entry): Promise<void> {
  const local = src.read(e.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw bad(`no local header for ${e.name}`);
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (e.method === 0) return; // stored: its size is its size
  if (e.method !== 8) throw bad(`${e.name} uses compression method ${e.method}`);
  const inflate = zlib.createInflateRaw();
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    inflate.on('data', (c: Buffer) => {
      total += c.length;
      if (total > e.uncompressed) {
        inflate.destroy();
        reject(new ZipBombError(`XLSX: ${e.name} inflates to more than the ${e.uncompressed} bytes it declares; refused`));
      }
    });
    inflate.on('error', () => reject(bad(`${e.name} does not inflate`)));
    inflate.on('end', () => resolve());
    const CHUNK = 1 << 20;
    (async () => {
      for (let o = 0; o < e.compressed; o += CHUNK) {
        if (inflate.destroyed) return;
        const ok = inflate.write(src.read(start + o, Math.min(CHUNK, e.compressed - o)));
        if (!ok) await new Promise((r) => inflate.once('drain', r));
      }
      inflate.end();
    })().catch(reject);
  });
}

/**
 * Throws ZipBombError when the workbook would inflate to more than MAX_XLSX_UNCOMPRESSED_BYTES in total (or its
 * shared strings to more than MAX_SHARED_STRINGS_BYTES), to more than MAX_XLSX_RATIO times its size, or when an
 * entry inflates to more than it declares.
 */
export async function checkXlsxSize(source: string | Buffer): Promise<void> {
  const src = open(source);
  try {
    const list = entries(src);
    const total = list.reduce((s, e) => s + e.uncompressed, 0);
    if (total > MAX_XLSX_UNCOMPRESSED_BYTES) {
      throw new ZipBombError(
        `XLSX: the workbook inflates to ${mib(total)} (at most ${mib(MAX_XLSX_UNCOMPRESSED_BYTES)}); refused as a possible decompression bomb: split it or save it as CSV`,
      );
    }
    const strings = list.filter((e) => /(^|\/)sharedStrings\.xml$/i.test(e.name)).reduce((s, e) => s + e.uncompressed, 0);
    if (strings > MAX_SHARED_STRINGS_BYTES) {
      throw new ZipBombError(
        `XLSX: the shared strings inflate to ${mib(strings)} (at most ${mib(MAX_SHARED_STRINGS_BYTES)}); refused: split the workbook or save it as CSV`,
      );
    }
    if (total > RATIO_FLOOR_BYTES && total > MAX_XLSX_RATIO * src.size) {
      throw new ZipBombError(
        `XLSX: the workbook inflates to ${mib(total)} from a ${mib(src.size)} file (more than ${MAX_XLSX_RATIO}×); refused as a possible decompression bomb`,
      );
    }
    for (const e of list) await verifyEntry(src, e);
  } finally {
    src.close();
  }
}
