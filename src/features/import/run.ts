// One import: planned events per row (or per exported message) → validated → committed in batches through the
// ingest session, with one summary whose rejections name the row (or message) and, where it is one, the column.
// "Floating" events are those whose `at` is the time of the run (a profile snapshot, a refund without a date):
// their id covers everything else in the body, so an id already in the ledger means "imported before" and is
// counted as a duplicate without being sent (sending it would be a conflict on `at`).
import type { Database } from '../../storage/database.js';
import { validateEvent } from '../../domain/events/validate.js';
import { chunks } from '../../storage/chunks.js';
import { IngestSession, MAX_KEPT_REJECTIONS } from '../ingest/session.js';
import type { IngestContext } from '../ingest/service.js';
import { ingestContextFor, withoutAutomation } from '../ingest-hooks.js';

export interface Planned {
  event: Record<string, unknown>;
  floating?: boolean;
}

export interface ImportRejection {
  row?: number;
  message?: number;
  column?: string;
  reason: string;
}

export interface ImportSummary {
  /** Data rows (or exported messages) read. */
  read: number;
  accepted: number;
  duplicates: number;
  /** Events that passed validation in a dry run (nothing written). */
  valid: number;
  rejected: ImportRejection[];
  rejected_count: number;
  skipped: number;
  notes: string[];
  dry_run: boolean;
}

export interface RunOptions {
  database: Database;
  /** How batches are committed (the app's ingest context); default: ingestContextFor(database). Live rules are always left out. */
  ingest?: IngestContext;
  dryRun?: boolean;
  /** What a position is called in messages: spreadsheet rows or exported messages. */
  unit: 'row' | 'message';
  /** Rows per batch (a batch is prechecked, then handed to the session). */
  batchRows?: number;
}

interface Item {
  pos: number;
  planned: Planned;
  columns?: Record<string, string>;
}

/** Maps "field: reason" of the validator to the column the field came from. */
function withColumn(pos: number, reason: string, columns: Record<string, string> | undefined, unit: RunOptions['unit']): ImportRejection {
  const m = /^([a-z_]+)(?:\[\d+\])?(?:\.\S+)?: (.*)$/s.exec(reason);
  const column = m ? columns?.[m[1]!] : undefined;
  return { [unit]: pos, ...(column ? { column, reason: m![2]! } : { reason }) };
}

/** The validator's conflict message, said in import terms. */
function conflictReason(reason: string): string {
  const id = /event "((?:[^"\\]|\\.)*)"/.exec(reason)?.[1] ?? '';
  const order = /^import:orders:(.*):paid$/.exec(id);
  if (order)
    return (
      `order ${JSON.stringify(order[1])} was imported before with other values (amount, time, member or product); ` +
      'a payment stays as first recorded — correct it with a refund (docs/imports.md, "Idempotency and changed rows")'
    );
  if (id.includes(':joined:'))
    return `this join (member, community, join time) was imported before with another channel, inviter or method; the first stays`;
  return `${id} was imported before with a different body; the first stays`;
}

export class ImportRun {
  readonly summary: ImportSummary;
  private session: IngestSession | null;
  private items: Item[] = [];
  private rowsInBatch = 0;
  private notes = new Map<string, { count: number; first: number }>();

  constructor(private readonly o: RunOptions) {
    this.summary = { read: 0, accepted: 0, duplicates: 0, valid: 0, rejected: [], rejected_count: 0, skipped: 0, notes: [], dry_run: !!o.dryRun };
    // Imported rows are records of the past, not live events: they never trigger automation (welcomes, mutes …),
    // even when dated within the rules' freshness window.
    this.session = o.dryRun ? null : new IngestSession(withoutAutomation(o.ingest ?? ingestContextFor(o.database)));
  }

  reject(r: ImportRejection): void {
    this.summary.rejected_count++;
    if (this.summary.rejected.length < MAX_KEPT_REJECTIONS) this.summary.rejected.push(r);
  }

  /** A remark that applies to many rows, reported once with a count ("12 rows (first: row 5): …"). */
  note(pos: number, text: string): void {
    const n = this.notes.get(text);
    if (n) n.count++;
    else this.notes.set(text, { count: 1, first: pos });
  }

  /** Adds one row's events; `columns` maps event fields to the headers they came from (for messages). */
  async add(pos: number, planned: Planned[], columns?: Record<string, string>): Promise<void> {
    for (const p of planned) this.items.push({ pos, planned: p, columns });
    if (++this.rowsInBatch >= (this.o.batchRows ?? 2000)) await this.flush();
  }

  private async existing(items: Item[]): Promise<Set<string>> {
    const found = new Set<string>();
    const byPlatform = new Map<string, string[]>();
    for (const it of items) {
      const p = String(it.planned.event.platform ?? 'import');
      let list = byPlatform.get(p);
      if (!list) byPlatform.set(p, (list = []));
      list.push(String(it.planned.event.id));
    }
    const db = this.o.database.db;
    for (const [platform, ids] of byPlatform) {
      for (const part of chunks([...new Set(ids)], 500)) {
        const rows = await db.selectFrom('events').select('event_id').where('platform', '=', platform).where('event_id', 'in', part).execute();
        for (const r of rows) found.add(`${platform}\u001f${r.event_id}`);
      }
    }
    return found;
  }

  async flush(): Promise<void> {
    const items = this.items;
    this.items = [];
    this.rowsInBatch = 0;
    const floating = items.filter((it) => it.planned.floating);
    const known = floating.length > 0 && !this.o.dryRun ? await this.existing(floating) : new Set<string>();
    for (const it of items) {
      const e = it.planned.event;
      if (it.planned.floating && known.has(`${String(e.platform ?? 'import')}\u001f${String(e.id)}`)) {
        this.summary.duplicates++;
        continue;
      }
      const r = validateEvent({ ...e });
      if (!r.ok) this.reject(withColumn(it.pos, r.reason, it.columns, this.o.unit));
      else if (this.session) await this.session.addValue(it.pos, r);
      else this.summary.valid++;
    }
  }

  async finish(): Promise<ImportSummary> {
    await this.flush();
    if (this.session) {
      const s = await this.session.finish();
      this.summary.accepted += s.accepted;
      this.summary.duplicates += s.duplicates;
      for (const r of s.rejected) {
        const conflict = r.reason.startsWith('id: conflict');
        // A message edited after an earlier export is not an error in the file: the first version stays.
        if (conflict && this.o.unit === 'message') {
          this.summary.skipped++;
          this.note(r.line, 'changed since an earlier import (an edited message?): the first version stays');
        } else this.reject({ [this.o.unit]: r.line, reason: conflict ? conflictReason(r.reason) : r.reason });
      }
      this.summary.rejected_count += s.rejected_count - s.rejected.length;
    }
    const key = (r: ImportRejection) => r.row ?? r.message ?? 0;
    this.summary.rejected.sort((a, b) => key(a) - key(b));
    const unit = this.o.unit === 'row' ? 'rows' : 'messages';
    for (const [text, n] of this.notes) {
      this.summary.notes.push(
        n.count === 1 ? `${this.o.unit} ${n.first}: ${text}` : `${n.count} ${unit} (first: ${this.o.unit} ${n.first}): ${text}`,
      );
    }
    return this.summary;
  }
}

/** `row 17, 金额: not an amount: "abc"` / `message 3644: …`. */
export function formatRejection(r: ImportRejection): string {
  const where = r.row !== undefined ? `row ${r.row}` : r.message !== undefined ? `message ${r.message}` : 'file';
  return r.column ? `${where}, ${r.column}: ${r.reason}` : `${where}: ${r.reason}`;
}
