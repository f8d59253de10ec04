// `qunyun import members|orders FILE`: a CSV or XLSX file, streamed row by row into the ledger.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Database } from '../../storage/database.js';
import type { IngestContext } from '../ingest/service.js';
import { loadSettings } from '../workspace/settings.js';
import { ZoneClock } from './dates.js';
import type { Encoding } from './decode.js';
import { MappingError, requireFields, resolveColumns, type ColumnMap, type ImportKind, type Overrides } from './columns.js';
import { memberRow, type RowContext } from './members.js';
import { OrderResolver, parseOrderRow, productKeys, type ParsedOrder } from './orders.js';
import { ImportRun, type ImportSummary } from './run.js';
import { readCsv, readXlsx, sniffFormat, TableError, type TableRow } from './tables.js';
import { checkXlsxSize } from './zip-guard.js';

export interface TableImportOptions {
  database: Database;
  ingest?: IngestContext;
  kind: ImportKind;
  overrides?: Overrides;
  platform?: string;
  community?: string;
  format?: 'csv' | 'xlsx';
  encoding?: Encoding;
  sheet?: string;
  dryRun?: boolean;
  /** The instant the run counts as "now" (profiles and refunds without a time of their own); default now. */
  now?: number;
  /** Called after each batch with the rows read so far. */
  progress?: (rows: number) => void;
  /** Called with every chunk of bytes read from the file (for a progress bar by bytes). */
  onBytes?: (n: number) => void;
}

const REQUIRED: Record<ImportKind, string[][]> = {
  members: [['member', 'phone']],
  orders: [['order'], ['member', 'phone'], ['amount', 'amount_fen'], ['paid_at']],
};

/** The rows of a file (by path) or of bytes already in memory (an HTTP body). */
function openRows(source: string | Buffer, o: TableImportOptions): AsyncGenerator<TableRow> {
  const name = typeof source === 'string' ? source : 'the body';
  let head: Uint8Array = Buffer.alloc(4);
  if (typeof source === 'string') {
    const fd = fs.openSync(source, 'r');
    fs.readSync(fd, head as Buffer, 0, 4, 0);
    fs.closeSync(fd);
  } else head = source.subarray(0, 4);
  const sniffed = sniffFormat(head);
  if (sniffed === 'xls' && o.format === undefined)
    throw new TableError(`${name}: an old binary .xls workbook; save it as .xlsx or CSV (UTF-8) first`);
  const format = o.format ?? sniffed;
  if (format === 'xlsx') return guardedXlsx(source, o);
  const stream = typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: 1 << 20 }) : Readable.from([source]);
  if (o.onBytes) stream.on('data', (c: Buffer | string) => o.onBytes!(c.length));
  return readCsv(stream, o.encoding);
}

/** An XLSX's rows, once its zip directory showed it does not inflate to far more than it is (zip-guard.ts). */
async function* guardedXlsx(source: string | Buffer, o: TableImportOptions): AsyncGenerator<TableRow> {
  await checkXlsxSize(source);
  const stream = typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: 1 << 20 }) : Readable.from([source]);
  if (o.onBytes) stream.on('data', (c: Buffer | string) => o.onBytes!(c.length));
  yield* readXlsx(stream, o.sheet);
}

/** Imports a file (a path) or a body; throws an ImportFileError (errors.ts) for problems of the whole file. */
export async function importTable(source: string | Buffer, o: TableImportOptions): Promise<ImportSummary> {
  const file = typeof source === 'string' ? source : 'the body';
  if (typeof source === 'string' && (!fs.existsSync(source) || !fs.statSync(source).isFile()))
    throw new TableError(`cannot read ${source}: no such file`);
  const settings = await loadSettings(o.database.db);
  const clock = new ZoneClock(settings.timezone);
  const run = new ImportRun({ database: o.database, ingest: o.ingest, dryRun: o.dryRun, unit: 'row' });
  const ctx: RowContext = {
    clock,
    platform: o.platform ?? 'import',
    community: o.community,
    runAt: clock.format(o.now ?? Date.now()),
    note: (row, text) => run.note(row, text),
  };
  const resolver = o.kind === 'orders' ? new OrderResolver(o.database.db, await productKeys(o.database.db), ctx.runAt) : null;
  let pending: ParsedOrder[] = [];
  const flushOrders = async () => {
    for (const r of await resolver!.resolve(pending)) {
      if ('error' in r) run.reject(r.error);
      else {
        run.summary.duplicates += r.duplicates;
        await run.add(r.row, r.planned, r.columns);
      }
    }
    pending = [];
  };

  let cols: ColumnMap | null = null;
  for await (const { row, cells } of openRows(source, o)) {
    if (cols === null) {
      cols = resolveColumns(
        o.kind,
        cells.map((c) => (c === null ? '' : String(c).trim())),
        o.overrides,
      );
      requireFields(o.kind, cols, REQUIRED[o.kind]);
      continue;
    }
    run.summary.read++;
    if (o.kind === 'members') {
      const r = memberRow(row, cells, cols, ctx);
      if (r.ok) await run.add(row, r.planned, r.columns);
      else run.reject(r.error);
    } else {
      const r = parseOrderRow(row, cells, cols, ctx);
      if (!r.ok) run.reject(r.error);
      else if (pending.push(r.order) >= 1000) await flushOrders();
    }
    if (run.summary.read % 1000 === 0) o.progress?.(run.summary.read);
  }
  if (cols === null) throw new MappingError(`${file}: empty (no header row)`);
  if (pending.length > 0) await flushOrders();
  const summary = await run.finish();
  o.progress?.(summary.read);
  return summary;
}
