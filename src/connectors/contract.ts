// The contract every connector passes (run by each connector's test file, on every dialect under test):
// platform payloads in → valid ledger events, committed once however often the platform redelivers; actions out
// → platform calls, with platform failures reported as retryable or not and unsupported kinds refused clearly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../storage/database.js';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../test-support/databases.js';
import type { Connector, OutboxAction } from './types.js';

export interface InboundSample {
  name: string;
  /** Sends the payload through the connector's real entry (webhook request, update handler). Resolves once acknowledged. */
  deliver(): Promise<void>;
  /** Ledger event types it must produce, in any order (duplicates allowed). */
  types: string[];
}

export interface ContractHarness {
  connector: Connector;
  inbound: InboundSample[];
  /** Calls the mock platform received, for delivery checks. */
  calls(): unknown[];
  /** The mock platform fails the next call: with a temporary error (5xx, rate limit) or a permanent one. */
  failNext(how: 'temporary' | 'permanent'): void;
  /** An action of this kind aimed at a member and community that the inbound samples created. */
  action(kind: string): Promise<OutboxAction>;
  close(): Promise<void>;
}

export interface ContractSubject {
  name: string;
  setup(database: Database): Promise<ContractHarness>;
}

const eventsOf = async (db: Database) => (await db.db.selectFrom('events').select(['type']).orderBy('seq').execute()).map((r) => r.type);

export async function connectorContract(subject: ContractSubject): Promise<void> {
  const dialects = await dialectsUnderTest();
  describe.each(dialects)(`connector contract: ${subject.name} (%s)`, (dialect) => {
    let t: TestDatabase;
    let h: ContractHarness;
    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      h = await subject.setup(t.database);
    });
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    it('turns every inbound sample into valid ledger events of the expected types', async () => {
      for (const s of h.inbound) {
        const before = (await eventsOf(t.database)).length;
        await s.deliver();
        const after = await eventsOf(t.database);
        expect(after.length, `${s.name}: stored events`).toBeGreaterThan(before);
        for (const type of s.types) expect(after.slice(before), `${s.name}: ${type}`).toContain(type);
      }
    });

    it('stores nothing twice when the platform delivers again', async () => {
      const before = (await eventsOf(t.database)).length;
      for (const s of h.inbound) await s.deliver();
      expect((await eventsOf(t.database)).length).toBe(before);
    });

    it('delivers every kind it claims, and the platform sees a call for each', async () => {
      expect(h.connector.kinds.length).toBeGreaterThan(0);
      for (const kind of h.connector.kinds) {
        const calls = h.calls().length;
        const r = await h.connector.deliver(await h.action(kind), t.database.db);
        expect(r, kind).toEqual({ ok: true });
        expect(h.calls().length, `${kind}: platform calls`).toBeGreaterThan(calls);
      }
    });

    it('reports platform failures as retryable or not, and refuses kinds it cannot do', async () => {
      const kind = h.connector.kinds[0]!;
      h.failNext('temporary');
      const soft = await h.connector.deliver(await h.action(kind), t.database.db);
      expect(soft).toMatchObject({ ok: false, retryable: true });
      expect((soft as { error: string }).error.length).toBeGreaterThan(0);
      h.failNext('permanent');
      expect(await h.connector.deliver(await h.action(kind), t.database.db)).toMatchObject({ ok: false, retryable: false });
      const unknown = await h.connector.deliver({ ...(await h.action(kind)), kind: 'teleport' }, t.database.db);
      expect(unknown).toMatchObject({ ok: false, retryable: false });
      expect((unknown as { error: string }).error).toMatch(/teleport/);
    });
  });
}
