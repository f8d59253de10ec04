// Builds the text figures of whole local days on first use: product mentions (text_days, and per product in
// product_mention_days) and topic terms (message_terms) per community. Ingest drops a day's "built" mark when it
// brings that day new messages, and `apply` drops all marks when the products change, so what is read is always
// what the ledger says now.
import { sql, type Kysely } from 'kysely';
import { takeWriterLock } from '../../../storage/locks.js';
import type { Schema } from '../../../storage/schema.js';
import { mentionMatcher, productsMentioned, topicTerms } from '../../../domain/text/topics.js';
import { dayNumber, splitPeriods } from '../../../domain/time/periods.js';
import { bulkWrite } from '../../../storage/bulk.js';
import { MESSAGE_TERMS_INSERT, PRODUCT_MENTION_DAYS_INSERT, TEXT_DAYS_INSERT } from '../../ingest/bulk-specs.js';

export interface MessageRow {
  seq: number;
  at_ms: number;
  community_id: number | null;
  body: string;
}

/** Calls onPage with the messages of [s, e), optionally of one community, a page at a time. */
export async function scanMessages(
  db: Kysely<Schema>,
  s: number,
  e: number,
  community: number | null,
  onPage: (rows: MessageRow[]) => void,
): Promise<void> {
  let after: { at: number; seq: number } | null = null;
  for (;;) {
    const page: MessageRow[] = await db
      .selectFrom('events')
      .select(['seq', 'at_ms', 'community_id', 'body'])
      .where('type', '=', 'message.sent')
      .where('at_ms', '>=', s)
      .where('at_ms', '<', e)
      .$if(community !== null, (q) => q.where('community_id', '=', community!))
      .$if(after !== null, (q) => q.where(sql<boolean>`(at_ms > ${after!.at} OR (at_ms = ${after!.at} AND seq > ${after!.seq}))`))
      .orderBy('at_ms')
      .orderBy('seq')
      .limit(5000)
      .execute();
    onPage(page);
    if (page.length < 5000) return;
    const last: MessageRow = page[page.length - 1]!;
    after = { at: Number(last.at_ms), seq: Number(last.seq) };
  }
}

const textOf = (body: string) => (JSON.parse(body) as { text?: string }).text;

/** Makes sure every local day in [firstWhole, lastWhole) has its text figures built. Returns the days built now. */
export async function ensureTextDays(db: Kysely<Schema>, tz: string, firstWhole: number, lastWhole: number): Promise<number> {
  const days = splitPeriods(tz, firstWhole, lastWhole, 'day');
  const built = new Set(
    (
      await db
        .selectFrom('text_days_built')
        .select('day')
        .where('day', '>=', dayNumber(tz, firstWhole))
        .where('day', '<', dayNumber(tz, lastWhole))
        .execute()
    ).map((r) => r.day),
  );
  let count = 0;
  for (const d of days) {
    const day = dayNumber(tz, d.start);
    if (built.has(day)) continue;
    await db.transaction().execute(async (trx) => {
      // Under the writer lock, so no batch adds messages to this day while it is being built.
      await takeWriterLock(trx, 'same-version');
      if (await trx.selectFrom('text_days_built').select('day').where('day', '=', day).executeTakeFirst()) return;
      // A zone change since this request began (apply clears the marks): building days of the old zone would
      // leave wrong figures marked as current.
      const zone = await trx.selectFrom('settings').select('value').where('key', '=', 'timezone').executeTakeFirst();
      if ((zone?.value ?? 'Asia/Shanghai') !== tz) return;
      const products = (await trx.selectFrom('products').select(['key', 'name', 'aliases']).execute()).map((p) => ({
        key: p.key,
        name: p.name,
        aliases: JSON.parse(p.aliases) as string[],
      }));
      const mentions = mentionMatcher(products);
      const named = productsMentioned(products);
      const perCommunity = new Map<number, number>();
      const perProduct = new Map<string, { day: number; community_id: number; product: string; mentions: number }>();
      const terms = new Map<string, { day: number; community_id: number; term: string; count: number }>();
      await scanMessages(trx, d.start, d.end, null, (rows) => {
        for (const r of rows) {
          const text = textOf(r.body);
          if (!text) continue;
          const cid = r.community_id === null ? 0 : Number(r.community_id);
          if (mentions(text)) perCommunity.set(cid, (perCommunity.get(cid) ?? 0) + 1);
          for (const product of named(text)) {
            const k = `${cid}:${product}`;
            const x = perProduct.get(k);
            if (x) x.mentions++;
            else perProduct.set(k, { day, community_id: cid, product, mentions: 1 });
          }
          for (const term of topicTerms(text)) {
            const k = `${cid}:${term}`;
            const t = terms.get(k);
            if (t) t.count++;
            else terms.set(k, { day, community_id: cid, term, count: 1 });
          }
        }
      });
      await trx.deleteFrom('text_days').where('day', '=', day).execute();
      await trx.deleteFrom('message_terms').where('day', '=', day).execute();
      await trx.deleteFrom('product_mention_days').where('day', '=', day).execute();
      await bulkWrite(
        trx,
        TEXT_DAYS_INSERT,
        [...perCommunity].map(([community_id, m]) => ({ day, community_id, mentions: m })),
      );
      await bulkWrite(trx, MESSAGE_TERMS_INSERT, [...terms.values()]);
      await bulkWrite(trx, PRODUCT_MENTION_DAYS_INSERT, [...perProduct.values()]);
      await trx.insertInto('text_days_built').values({ day }).execute();
      count++;
    });
  }
  return count;
}

export { textOf };
