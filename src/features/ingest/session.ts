// Turns a stream of NDJSON lines into committed batches and one summary (accepted / duplicates / rejected).
import { sql } from 'kysely';
import { parseEventLine, type ValidationResult } from '../../domain/events/validate.js';
import { ingestBatch, type BatchItem, type IngestContext, type Rejection } from './service.js';
import { MAX_LINE_BYTES, type LineItem } from './lines.js';

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  /** The first MAX_KEPT_REJECTIONS rejections; `rejected_count` has the total. */
  rejected: Rejection[];
  rejected_count: number;
}

export const MAX_KEPT_REJECTIONS = 10_000;
export const DEFAULT_BATCH = 10_000;
/** A batch is also committed once its bodies reach this size, so memory follows bytes, not line counts. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

export class IngestSession {
  readonly summary: IngestSummary = { accepted: 0, duplicates: 0, rejected: [], rejected_count: 0 };
  private batch: BatchItem[] = [];
  private batchBytes = 0;

  constructor(
    private readonly ctx: IngestContext,
    private readonly batchSize = DEFAULT_BATCH,
  ) {}

  /** Keeps the rejections with the lowest line numbers (conflicts arrive at commit, after later parse errors). */
  private reject(r: Rejection): void {
    this.summary.rejected_count++;
    const kept = this.summary.rejected;
    kept.push(r);
    if (kept.length > 2 * MAX_KEPT_REJECTIONS) {
      kept.sort((a, b) => a.line - b.line);
      kept.length = MAX_KEPT_REJECTIONS;
    }
  }

  /** Returns a promise only when the batch is committed, so the common case costs no await. */
  private push(item: BatchItem): Promise<void> | undefined {
    this.batch.push(item);
    this.batchBytes += item.value.body.length;
    if (this.batch.length >= this.batchSize || this.batchBytes >= MAX_BATCH_BYTES) return this.flush();
    return undefined;
  }

  /** Adds one line; commits a batch when full (only then is a promise returned). Blank lines are ignored. */
  add(item: LineItem): Promise<void> | undefined {
    if ('tooLong' in item) {
      this.reject({ line: item.line, reason: `line too long: ${item.tooLong} bytes (limit ${MAX_LINE_BYTES} bytes per event)` });
      return undefined;
    }
    if ('notUtf8' in item) {
      this.reject({ line: item.line, reason: `not valid UTF-8: ${item.notUtf8} of the line (nothing of it was stored)` });
      return undefined;
    }
    if (item.text.trim() === '') return undefined;
    const r = parseEventLine(item.text);
    if (!r.ok) {
      this.reject({ line: item.line, reason: r.reason });
      return undefined;
    }
    return this.push({ line: item.line, value: r.value });
  }

  /** Adds an already-parsed value (JSON-array bodies). */
  async addValue(line: number, value: ValidationResult): Promise<void> {
    if (!value.ok) this.reject({ line, reason: value.reason });
    else if (Buffer.byteLength(value.value.body) > MAX_LINE_BYTES) {
      this.reject({ line, reason: `event too large: ${Buffer.byteLength(value.value.body)} bytes (limit ${MAX_LINE_BYTES} bytes per event)` });
    } else await this.push({ line, value: value.value });
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    const res = await ingestBatch(this.ctx, items);
    this.summary.accepted += res.accepted;
    await this.refreshStatistics();
    this.summary.duplicates += res.duplicates;
    for (const r of res.rejected) this.reject(r);
  }

  private nextAnalyze = 20_000;

  // PostgreSQL plans with the statistics of the table's last ANALYZE: during a bulk load they still describe a
  // small table, and the duplicate check falls back to filtering every row of a platform (seconds per batch at
  // 1M events). Refreshing them each time the session has doubled what it stored keeps plans on the key index.
  private async refreshStatistics(): Promise<void> {
    if (this.ctx.database.dialect !== 'postgres' || this.summary.accepted < this.nextAnalyze) return;
    this.nextAnalyze = this.summary.accepted * 2;
    await sql`ANALYZE events, members, identities, memberships, membership_spans, member_days, orders, order_refunds`.execute(this.ctx.database.db);
  }

  /** Flushes and returns the summary with rejections in line order. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    this.summary.rejected.sort((a, b) => a.line - b.line);
    if (this.summary.rejected.length > MAX_KEPT_REJECTIONS) this.summary.rejected.length = MAX_KEPT_REJECTIONS;
    return this.summary;
  }
}
