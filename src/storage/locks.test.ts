// The locks: the writer lock bumps the ledger version or keeps it; on PostgreSQL a second writer waits for the first
// to commit, a claim passes over rows another transaction holds, and a row lock waits for them. (SQLite's one
// writer is the database's own; one process cannot hold two of its write transactions at once to show it.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../test-support/databases.js';
import { openDatabase, type Database } from './database.js';
import { rowLockClause, skipLockedClause, takeWriterLock } from './locks.js';

const dialects = await dialectsUnderTest();
const later = () => new Promise((r) => setTimeout(r, 150));

describe.each(dialects)('locks (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(() => t.drop());
  const version = async () => Number((await t.database.db.selectFrom('ingest_lock').select('n').executeTakeFirstOrThrow()).n);

  it('a write starts a new ledger version; a builder holding the lock keeps it', async () => {
    const before = await version();
    await t.database.db.transaction().execute((trx) => takeWriterLock(trx, 'new-version'));
    expect(await version()).toBe(before + 1);
    await t.database.db.transaction().execute((trx) => takeWriterLock(trx, 'same-version'));
    expect(await version()).toBe(before + 1);
  });

  it.runIf(dialect === 'postgres')('a second writer waits for the first to commit; claims skip held rows; row locks wait', async () => {
    const other: Database = await openDatabase(t.target);
    try {
      const order: string[] = [];
      let commitFirst!: () => void;
      const held = new Promise<void>((r) => {
        commitFirst = r;
      });
      let locked!: () => void;
      const firstLocked = new Promise<void>((r) => {
        locked = r;
      });
      const first = t.database.db.transaction().execute(async (trx) => {
        await takeWriterLock(trx);
        locked();
        await held;
        order.push('first commits');
      });
      await firstLocked;
      const second = other.db.transaction().execute(async (trx) => {
        await takeWriterLock(trx);
        order.push('second has the lock');
      });
      await later();
      expect(order).toEqual([]);
      commitFirst();
      await Promise.all([first, second]);
      expect(order).toEqual(['first commits', 'second has the lock']);

      // Rows 1 and 2; a transaction holds row 1.
      await sql`CREATE TABLE lock_rows (id integer PRIMARY KEY)`.execute(t.database.db);
      await sql`INSERT INTO lock_rows VALUES (1), (2)`.execute(t.database.db);
      let release!: () => void;
      const released = new Promise<void>((r) => {
        release = r;
      });
      let rowHeld!: () => void;
      const isHeld = new Promise<void>((r) => {
        rowHeld = r;
      });
      const holder = t.database.db.transaction().execute(async (trx) => {
        await sql`SELECT id FROM lock_rows WHERE id = 1${rowLockClause('postgres')}`.execute(trx);
        rowHeld();
        await released;
      });
      await isHeld;
      const claimable = await other.db
        .transaction()
        .execute((trx) => sql<{ id: number }>`SELECT id FROM lock_rows ORDER BY id${skipLockedClause('postgres')}`.execute(trx));
      expect(claimable.rows.map((r) => r.id)).toEqual([2]);
      let waited = false;
      const reader = other.db.transaction().execute(async (trx) => {
        await sql`SELECT id FROM lock_rows WHERE id = 1${rowLockClause('postgres')}`.execute(trx);
        waited = true;
      });
      await later();
      expect(waited).toBe(false);
      release();
      await Promise.all([holder, reader]);
      expect(waited).toBe(true);
    } finally {
      await other.close();
    }
  });
});
