// For the import tests only: files as operators' tools write them — GB18030 CSV (Chinese Excel) and XLSX.
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';

let gbTable: Map<string, number[]> | undefined;

/** Encodes text as GB18030 for the characters GBK covers (built by decoding every two-byte GBK code). */
export function encodeGb18030(text: string): Buffer {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** An XLSX workbook with one sheet of these rows (Dates as date cells, numbers as numbers). */
export async function xlsxBytes(rows: unknown[][], sheet = 'Sheet1'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
