// Row sinks: CSV (RFC 4180, UTF-8 with BOM, CRLF, formula-injection guard) and XLSX (exceljs's streaming writer).
import { PassThrough, type Writable } from 'node:stream';
import { ExportAbortedError, put, whenWritable, type Cell, type Format } from './output.js';

export interface RowSink {
  row(cells: readonly Cell[]): Promise<void>;
  end(): Promise<void>;
}

// Spreadsheets evaluate a cell that starts with one of these as a formula (OWASP "CSV injection").
const RISKY_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: numbers as written, text guarded against formulas, then quoted when RFC 4180 needs it. */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = RISKY_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly Cell[]): string => cells.map(csvField).join(',') + '\r\n';

const CHUNK = 64 * 1024;

export function csvSink(out: Writable, columns: readonly string[]): RowSink {
  // The BOM makes Excel read the file as UTF-8 (Chinese names and tags intact).
  let buf = '\uFEFF' + csvLine(columns);
  return {
    async row(cells) {
      buf += csvLine(cells);
      if (buf.length >= CHUNK) {
        await put(out, buf);
        buf = '';
      }
    },
    async end() {
      if (buf) await put(out, buf);
      buf = '';
    },
  };
}

/** Rows a worksheet holds, header included; past it the rows go on in a new sheet ("members (2)"). */
export const XLSX_MAX_ROWS = 1_048_576;

// exceljs writes a sheet, ignoring backpressure, into a pipe that archiver drains through zlib at its own pace;
// without waiting for that pipe a fast producer piles the sheet up in memory. These are internals of exceljs 4
// (a sheet's StreamBuf lists its `pipes`) and of archiver 5 (readable-stream 2, which predates writableNeedDrain).
type LegacyWritable = Writable & { _writableState?: { needDrain?: boolean } };
const legacyFull = (s: Writable) => (s as LegacyWritable)._writableState?.needDrain === true;
const zipPipes = (sheet: unknown): Writable[] => (sheet as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];

export async function xlsxSink(out: Writable, sheetName: string, columns: readonly string[], maxRows = XLSX_MAX_ROWS): Promise<RowSink> {
  const { default: ExcelJS } = await import('exceljs');
  // exceljs ends the stream it writes to and waits for its 'finish': give it a pipe into `out` instead, so
  // stdout is never ended and a file is closed by its owner.
  const pipe = new PassThrough();
  pipe.pipe(out, { end: false });
  // A reader that goes away closes `out`: every wait below then ends (ExportAbortedError) and no more rows go in.
  // exceljs's own streams are left alone (destroying them makes it throw where nobody can catch it).
  let closed = false;
  let abort: (err: Error) => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    abort = reject;
  });
  aborted.catch(() => {});
  const guard = <T>(p: Promise<T>) => Promise.race([p, aborted]);
  const closeWithOut = () => {
    closed = true;
    pipe.destroy();
    abort(new ExportAbortedError());
  };
  out.once('close', closeWithOut);
  const piped = new Promise<void>((resolve, reject) => {
    pipe.on('end', resolve).on('error', reject);
  });
  piped.catch(() => {}); // awaited in end(); until then a failure must not count as unhandled
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pipe, useSharedStrings: false, useStyles: false });
  let sheets = 0;
  let inSheet = 0;
  let sheet = book.addWorksheet(sheetName);
  const start = () => {
    sheets += 1;
    if (sheets > 1) sheet = book.addWorksheet(`${sheetName} (${sheets})`);
    sheet.addRow([...columns]).commit();
    inSheet = 1;
  };
  start();
  let pending = 0;
  return {
    async row(cells) {
      if (closed) throw new ExportAbortedError();
      if (inSheet >= maxRows) {
        sheet.commit();
        start();
      }
      sheet.addRow(cells.map((c) => (c === null ? undefined : c))).commit();
      inSheet += 1;
      // Give the zip stream a turn (SQLite reads never leave the microtask queue) and honour a slow reader.
      if (++pending >= 1000) {
        pending = 0;
        await new Promise((r) => setImmediate(r));
        for (const p of zipPipes(sheet)) await guard(whenWritable(p, legacyFull));
        await whenWritable(out);
        await whenWritable(pipe);
      }
    },
    async end() {
      if (closed) throw new ExportAbortedError();
      await guard(book.commit());
      await guard(piped);
      out.off('close', closeWithOut);
      await whenWritable(out);
    },
  };
}

export function openSink(format: Format, out: Writable, sheetName: string, columns: readonly string[]): Promise<RowSink> {
  return format === 'csv' ? Promise.resolve(csvSink(out, columns)) : xlsxSink(out, sheetName, columns);
}
