// Figures from the words of the period's messages: product mentions and topics. Whole local days come from
// the per-day state kept at ingest (member_days.mentions, message_terms); the partial days at the edges of a
// ragged period are read from the ledger and segmented here, in pages.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { mentionMatcher, TopicCounter } from '../../domain/text/topics.js';
import { dayNumber } from '../../domain/time/periods.js';
import { inScope, wholeDays, type Scope } from './sets.js';

async function scanEdge(db: Kysely<Schema>, scope: Scope, s: number, e: number, onText: (text: string) => void): Promise<void> {
  let after: { at: number; seq: number } | null = null;
  for (;;) {
    const page: { seq: number; at_ms: number; body: string }[] = await db.selectFrom('events').select(['seq', 'at_ms', 'body'])
      .where('type', '=', 'message.sent').where('at_ms', '>=', s).where('at_ms', '<', e)
      .$if(scope.community !== null, (q) => q.where('community_id', '=', scope.community!))
      .$if(after !== null, (q) => q.where(sql<boolean>`(at_ms > ${after!.at} OR (at_ms = ${after!.at} AND seq > ${after!.seq}))`))
      .orderBy('at_ms').orderBy('seq').limit(5000).execute();
    for (const row of page) {
      const text = (JSON.parse(row.body) as { text?: string }).text;
      if (text) onText(text);
    }
    if (page.length < 5000) return;
    const last: { seq: number; at_ms: number } = page[page.length - 1]!;
    after = { at: Number(last.at_ms), seq: Number(last.seq) };
  }
}

export async function messageText(db: Kysely<Schema>, scope: Scope, s: number, e: number, products: { name: string; aliases: string[] }[]) {
  const mentions = mentionMatcher(products);
  const topics = new TopicCounter();
  let productMentions = 0;
  const onText = (text: string) => {
    if (mentions(text)) productMentions++;
    topics.add(text);
  };
  const { firstWhole, lastWhole } = wholeDays(scope.timezone, s, e);
  if (firstWhole >= lastWhole) {
    await scanEdge(db, scope, s, e, onText);
  } else {
    const d0 = dayNumber(scope.timezone, firstWhole), d1 = dayNumber(scope.timezone, lastWhole);
    const m = await sql<{ n: number }>`SELECT coalesce(sum(mentions), 0) AS n FROM member_days
      WHERE day >= ${d0} AND day < ${d1}${inScope(scope)}`.execute(db);
    productMentions += Number(m.rows[0]?.n ?? 0);
    // Every term's total, ranked here rather than in SQL: collations differ between the dialects.
    const terms = await sql<{ term: string; n: number }>`SELECT term, sum(count) AS n FROM message_terms
      WHERE day >= ${d0} AND day < ${d1}${inScope(scope)} GROUP BY term`.execute(db);
    for (const t of terms.rows) topics.addCount(t.term, Number(t.n));
    if (s < firstWhole) await scanEdge(db, scope, s, firstWhole, onText);
    if (lastWhole < e) await scanEdge(db, scope, lastWhole, e, onText);
  }
  return { product_mentions: productMentions, topics: topics.top() };
}
