// Multi-row INSERT / upsert for the ingest hot path. Kysely builds each statement's SQL once per row count (with
// placeholders); later calls only bind new parameters, skipping per-row query building. Values stay bound
// parameters, never SQL text.
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from './schema.js';

type Table = keyof Schema;
type Db = Kysely<Schema> | Transaction<Schema>;

export interface BulkSpec<T extends Table> {
  table: T;
  columns: readonly (keyof Schema[T] & string)[];
  /** Conflict target and the columns to overwrite from the new row (`excluded`), or to add to (`add`). */
  onConflict?: { target: readonly (keyof Schema[T] & string)[]; set?: readonly string[]; add?: readonly string[]; nothing?: boolean };
  /** Rows per statement, a power of two: bound by SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
  chunk: number;
}

// Per dialect adapter (placeholders differ), per spec, per row count.
const templates = new WeakMap<object, WeakMap<object, Map<number, string>>>();

function template<T extends Table>(db: Db, spec: BulkSpec<T>, n: number): string {
  const adapter = db.getExecutor().adapter;
  let bySpec = templates.get(adapter);
  if (!bySpec) templates.set(adapter, (bySpec = new WeakMap()));
  let byN = bySpec.get(spec);
  if (!byN) bySpec.set(spec, (byN = new Map()));
  let text = byN.get(n);
  if (text === undefined) {
    const row = Object.fromEntries(spec.columns.map((c) => [c, null]));
    // The table and columns come from a BulkSpec, checked against Schema where the spec is declared; the
    // statement itself is built over an untyped view of the database.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let q = (db as Kysely<any>).insertInto(spec.table).values(Array.from({ length: n }, () => ({ ...row })));
    const oc = spec.onConflict;
    if (oc) {
      q = q.onConflict((b) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const t = b.columns([...oc.target] as any);
        if (oc.nothing) return t.doNothing();
        const set: Record<string, unknown> = {};
        for (const c of oc.set ?? []) set[c] = sql.ref(`excluded.${c}`);
        for (const c of oc.add ?? []) set[c] = sql`${sql.ref(`${spec.table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return t.doUpdateSet(set as any);
      });
    }
    text = q.compile().sql;
    byN.set(n, text);
  }
  return text;
}

/** Statement sizes used for rows.length: full chunks, then the remainder as powers of two (37 → 32, 4, 1), so
 * each spec has at most ~11 distinct statements to build and keep prepared, whatever the batch sizes. */
function sizes(total: number, chunk: number): number[] {
  const out: number[] = [];
  let left = total;
  while (left >= chunk) {
    out.push(chunk);
    left -= chunk;
  }
  for (let p = 1 << 30; p >= 1; p >>= 1) {
    if (left >= p) {
      out.push(p);
      left -= p;
    }
  }
  return out;
}

export async function bulkWrite<T extends Table>(db: Db, spec: BulkSpec<T>, rows: readonly Record<string, unknown>[]): Promise<void> {
  let i = 0;
  for (const n of sizes(rows.length, spec.chunk)) {
    const params: unknown[] = new Array(n * spec.columns.length);
    let k = 0;
    for (let j = i; j < i + n; j++) for (const c of spec.columns) params[k++] = rows[j]![c] ?? null;
    await db.executeQuery(CompiledQuery.raw(template(db, spec, n), params));
    i += n;
  }
}
