// Rows of a CSV or XLSX file, streamed, numbered as a spreadsheet numbers them (the header is row 1; blank rows
// count but are not yielded). CSV: decoded by decode.ts, delimiter sniffed from the header line (comma, tab or
// semicolon). XLSX: exceljs's streaming reader, one worksheet, numbers and dates kept as such.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { decodeText, EncodingError, type Encoding } from './decode.js';
import type { Cell } from './values.js';
import { ImportFileError } from './errors.js';
import { AppError } from '../../domain/errors.js';

export interface TableRow {
  row: number;
  cells: Cell[];
}

/** Largest CSV record accepted (a runaway quote would otherwise swallow the file). */
export const MAX_RECORD_BYTES = 1 << 20;

/** A CSV or workbook that cannot be read as a table. */
export class TableError extends ImportFileError {}

function sniffDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  let best = ',',
    most = 0;
  for (const d of [',', '\t', ';']) {
    const n = line.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

export async function* readCsv(
  input: AsyncIterable<Uint8Array>,
  encoding: Encoding = 'auto',
  detected?: (e: Encoding) => void,
): AsyncGenerator<TableRow> {
  const text = decodeText(input, encoding, detected);
  const first = await text.next();
  if (first.done) return;
  let head = first.value;
  // Enough of the file to see the whole header line.
  while (!/\n/.test(head) && head.length < MAX_RECORD_BYTES) {
    const n = await text.next();
    if (n.done) break;
    head += n.value;
  }
  async function* all(): AsyncGenerator<string> {
    yield head;
    yield* text;
  }
  const parser = parse({
    delimiter: sniffDelimiter(head),
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = Readable.from(all());
  source.on('error', (err) => parser.destroy(err)); // pipe() alone would leave the parser waiting forever
  source.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.every((c) => c.trim() === '')) continue;
      yield { row, cells: record };
    }
  } catch (err) {
    if (err instanceof EncodingError) throw err;
    const e = err as Error & { code?: string; lines?: number };
    const where = e.lines !== undefined ? `line ${e.lines}` : `row ${row + 1}`;
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw new TableError(`CSV ${where}: a row longer than ${MAX_RECORD_BYTES} bytes (an unclosed quote?)`);
    throw new TableError(`CSV ${where}: ${e.message.replace(/ at line \d+$/, '')}`);
  }
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('error' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if (o.text !== undefined) return cellValue(o.text);
  }
  return String(v);
}

/** The rows of one worksheet (the first, or the one named or numbered by `sheet`, 1-based). */
export async function* readXlsx(input: Readable, sheet?: string): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let index = 0;
  const seen: string[] = [];
  try {
    for await (const ws of reader) {
      index++;
      const name = (ws as unknown as { name?: string }).name ?? `sheet ${index}`;
      seen.push(name);
      const wanted = sheet === undefined ? index === 1 : sheet === name || sheet === String(index);
      for await (const r of ws) {
        if (!wanted) continue;
        const values = r.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
        yield { row: r.number, cells };
      }
      if (wanted) return;
    }
  } catch (err) {
    // The zip / XML libraries' own texts say nothing useful to the person who uploaded the file.
    if (err instanceof AppError) throw err;
    throw new TableError('XLSX: cannot read the workbook (not a readable .xlsx file; save it again as .xlsx, or export it as CSV)');
  } finally {
    input.destroy();
  }
  if (sheet !== undefined)
    throw new TableError(`--sheet: no worksheet ${JSON.stringify(sheet)} (worksheets: ${seen.map((s) => JSON.stringify(s)).join(', ')})`);
}

/** What a file is by its first bytes: an XLSX (zip) or an old binary .xls (refused), else CSV text. */
export function sniffFormat(firstBytes: Uint8Array): 'xlsx' | 'xls' | 'csv' {
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && firstBytes[2] === 0x03 && firstBytes[3] === 0x04) return 'xlsx';
  if (firstBytes[0] === 0xd0 && firstBytes[1] === 0xcf && firstBytes[2] === 0x11 && firstBytes[3] === 0xe0) return 'xls';
  return 'csv';
}
