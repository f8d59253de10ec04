// One interface for every platform connector (WeCom, Telegram, the simulator): events in → ledger, actions out of
// the outbox → the platform, results back. A connector exists only when its configuration is present
// (registry.ts); every connector passes the same contract suite (contract.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../storage/database.js';
import type { Deliverer, Delivery, OutboxAction } from '../features/automation/outbox.js';

export type { Delivery, OutboxAction };

export interface ConnectorContext {
  database: Database;
  /** Commits ledger events (wire format, docs/spec/events.md) before resolving: acknowledge the platform only after it. */
  ingest(events: Record<string, unknown>[]): Promise<InboundResult>;
  log: { info(o: object, msg?: string): void; warn(o: object, msg?: string): void; error(o: object, msg?: string): void };
}

export interface InboundResult {
  accepted: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

export interface Connector extends Deliverer {
  /** The ledger platform its events and actions carry: 'wecom', 'telegram', … */
  readonly platform: string;
  /** Action kinds it can deliver; others are refused as non-retryable with a clear message. */
  readonly kinds: readonly string[];
  /** Webhook routes (e.g. POST /hooks/wecom); mounted by the HTTP app. */
  routes?(app: OpenAPIHono): void;
  /** Long-running work (e.g. Telegram long polling); stopped on shutdown. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** A delivery refused because the connector cannot do that kind of action at all. */
export function unsupported(connector: string, kind: string): Delivery {
  return { ok: false, retryable: false, error: `${connector} cannot deliver a ${kind} action` };
}
