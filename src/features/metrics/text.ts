// Figures that need the words of the period's messages: product mentions and topics. Messages are read in
// pages along the (type, at_ms) index, so memory holds one page and the term counts.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { mentionMatcher, TopicCounter } from '../../domain/text/topics.js';
import type { Scope } from './sets.js';

export async function messageText(db: Kysely<Schema>, scope: Scope, s: number, e: number, products: { name: string; aliases: string[] }[]) {
  const mentions = mentionMatcher(products);
  const topics = new TopicCounter();
  let productMentions = 0;
  let after: { at: number; seq: number } | null = null;
  for (;;) {
    const page: { seq: number; at_ms: number; body: string }[] = await db.selectFrom('events').select(['seq', 'at_ms', 'body'])
      .where('type', '=', 'message.sent').where('at_ms', '>=', s).where('at_ms', '<', e)
      .$if(scope.community !== null, (q) => q.where('community_id', '=', scope.community!))
      .$if(after !== null, (q) => q.where(sql<boolean>`(at_ms > ${after!.at} OR (at_ms = ${after!.at} AND seq > ${after!.seq}))`))
      .orderBy('at_ms').orderBy('seq').limit(5000).execute();
    for (const row of page) {
      const text = (JSON.parse(row.body) as { text?: string }).text;
      if (!text) continue;
      if (mentions(text)) productMentions++;
      topics.add(text);
    }
    if (page.length < 5000) break;
    const last: { seq: number; at_ms: number } = page[page.length - 1]!;
    after = { at: Number(last.at_ms), seq: Number(last.seq) };
  }
  return { product_mentions: productMentions, topics: topics.top() };
}
