// The one way platform events enter the ledger: validated per event like any other input, committed before the
// caller acknowledges the platform (an outage or a crash before that means the platform delivers again, and the
// ledger's idempotency makes the redelivery a duplicate).
import type { Database } from '../storage/database.js';
import { parseEventLine } from '../domain/events/validate.js';
import { IngestSession } from '../features/ingest/session.js';
import { ingestContextFor } from '../features/ingest-hooks.js';
import type { InboundResult } from './types.js';

export async function ingestEvents(database: Database, events: Record<string, unknown>[]): Promise<InboundResult> {
  const session = new IngestSession(ingestContextFor(database));
  let line = 0;
  for (const e of events) await session.addValue(++line, parseEventLine(JSON.stringify(e)));
  const s = await session.finish();
  return { accepted: s.accepted, duplicates: s.duplicates, rejected: s.rejected };
}
