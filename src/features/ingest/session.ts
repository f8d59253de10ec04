// Turns a stream of NDJSON lines into committed batches and one summary (accepted / duplicates / rejected).
import { parseEventLine } from '../../domain/events/validate.js';
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

export class IngestSession {
  readonly summary: IngestSummary = { accepted: 0, duplicates: 0, rejected: [], rejected_count: 0 };
  private batch: BatchItem[] = [];

  constructor(private readonly ctx: IngestContext, private readonly batchSize = DEFAULT_BATCH) {}

  private reject(r: Rejection): void {
    this.summary.rejected_count++;
    if (this.summary.rejected.length < MAX_KEPT_REJECTIONS) this.summary.rejected.push(r);
  }

  /** Adds one line; commits a batch when full. Blank lines are ignored. */
  async add(item: LineItem): Promise<void> {
    if ('tooLong' in item) {
      this.reject({ line: item.line, reason: `line too long: ${item.tooLong} bytes (limit ${MAX_LINE_BYTES} bytes per event)` });
      return;
    }
    if (item.text.trim() === '') return;
    const r = parseEventLine(item.text);
    if (!r.ok) this.reject({ line: item.line, reason: r.reason });
    else this.batch.push({ line: item.line, value: r.value });
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  /** Adds an already-parsed value (JSON-array bodies). */
  async addValue(line: number, value: import('../../domain/events/validate.js').ValidationResult): Promise<void> {
    if (!value.ok) this.reject({ line, reason: value.reason });
    else this.batch.push({ line, value: value.value });
    if (this.batch.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    const res = await ingestBatch(this.ctx, items);
    this.summary.accepted += res.accepted;
    this.summary.duplicates += res.duplicates;
    for (const r of res.rejected) this.reject(r);
  }

  /** Flushes and returns the summary with rejections in line order. */
  async finish(): Promise<IngestSummary> {
    await this.flush();
    this.summary.rejected.sort((a, b) => a.line - b.line);
    return this.summary;
  }
}
