// Figures from the words of the period's messages: product mentions and topics. Whole local days come from
// the per-day text figures (built on first use, see text-days.ts); the partial days at the edges of a ragged
// period are read from the ledger and segmented here.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { mentionMatcher, productsMentioned, TopicCounter } from '../../../domain/text/topics.js';
import { dayNumber } from '../../../domain/time/periods.js';
import { inScope, wholeDays, type Scope } from './sets.js';
import { ensureTextDays, scanMessages, textOf } from './text-days.js';

export async function messageText(db: Kysely<Schema>, scope: Scope, s: number, e: number, products: { name: string; aliases: string[] }[]) {
  const mentions = mentionMatcher(products);
  const topics = new TopicCounter();
  let productMentions = 0;
  const scanEdge = (a: number, b: number) =>
    scanMessages(db, a, b, scope.community, (rows) => {
      for (const r of rows) {
        const text = textOf(r.body);
        if (!text) continue;
        if (mentions(text)) productMentions++;
        topics.add(text);
      }
    });
  const { firstWhole, lastWhole } = wholeDays(scope.timezone, s, e);
  if (firstWhole >= lastWhole) {
    await scanEdge(s, e);
  } else {
    await ensureTextDays(db, scope.timezone, firstWhole, lastWhole);
    const d0 = dayNumber(scope.timezone, firstWhole),
      d1 = dayNumber(scope.timezone, lastWhole);
    const m = await sql<{ n: number }>`SELECT coalesce(sum(mentions), 0) AS n FROM text_days
      WHERE day >= ${d0} AND day < ${d1}${inScope(scope)}`.execute(db);
    productMentions += Number(m.rows[0]?.n ?? 0);
    // Every term's total, ranked here rather than in SQL: collations differ between the dialects.
    const terms = await sql<{ term: string; n: number }>`SELECT term, sum(count) AS n FROM message_terms
      WHERE day >= ${d0} AND day < ${d1}${inScope(scope)} GROUP BY term`.execute(db);
    for (const t of terms.rows) topics.addCount(t.term, Number(t.n));
    if (s < firstWhole) await scanEdge(s, firstWhole);
    if (lastWhole < e) await scanEdge(lastWhole, e);
  }
  return { product_mentions: productMentions, topics: topics.top() };
}

/**
 * Mentions of each product in [s, e): messages naming it (a message naming two products counts for each, so the
 * sum can exceed content.product_mentions, which counts messages). Same sources as messageText.
 */
export async function mentionsByProduct(
  db: Kysely<Schema>,
  scope: Scope,
  s: number,
  e: number,
  products: { key: string; name: string; aliases: string[] }[],
): Promise<Map<string, number>> {
  const named = productsMentioned(products);
  const counts = new Map<string, number>(products.map((p) => [p.key, 0]));
  const add = (key: string, n: number) => {
    if (counts.has(key)) counts.set(key, counts.get(key)! + n);
  };
  const scanEdge = (a: number, b: number) =>
    scanMessages(db, a, b, scope.community, (rows) => {
      for (const r of rows) {
        const text = textOf(r.body);
        if (text) for (const key of named(text)) add(key, 1);
      }
    });
  const { firstWhole, lastWhole } = wholeDays(scope.timezone, s, e);
  if (firstWhole >= lastWhole) {
    await scanEdge(s, e);
    return counts;
  }
  await ensureTextDays(db, scope.timezone, firstWhole, lastWhole);
  const d0 = dayNumber(scope.timezone, firstWhole),
    d1 = dayNumber(scope.timezone, lastWhole);
  const rows = await sql<{ product: string; n: number }>`SELECT product, sum(mentions) AS n FROM product_mention_days
    WHERE day >= ${d0} AND day < ${d1}${inScope(scope)} GROUP BY product`.execute(db);
  for (const r of rows.rows) add(r.product, Number(r.n));
  if (s < firstWhole) await scanEdge(s, firstWhole);
  if (lastWhole < e) await scanEdge(lastWhole, e);
  return counts;
}
