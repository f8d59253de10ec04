// An orders row → order.paid, and order.refunded when it shows a refund. Rows are parsed one by one, then
// resolved a batch at a time against the database: a phone without a member id finds the member with that
// phone, a product name or alias becomes its product key, and a refund column (the order's total refunded so
// far) becomes the refund not yet in the ledger.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { chunks } from '../../storage/chunks.js';
import { parseDate } from './dates.js';
import type { ColumnMap } from './columns.js';
import { communityOf, RowReader, type RowContext } from './members.js';
import { eventId } from './ids.js';
import type { ImportRejection, Planned } from './run.js';
import { parseAmount, parseCurrency, parsePhone, parseTier, type Cell } from './values.js';

export interface ParsedOrder {
  row: number;
  platform: string;
  order: string;
  member?: string;
  phone?: string;
  paid: Record<string, unknown>;
  refund?: { total: number; at?: string; column: string };
  columns: Record<string, string>;
}

export function parseOrderRow(
  row: number,
  cells: Cell[],
  cols: ColumnMap,
  ctx: RowContext,
): { ok: true; order: ParsedOrder } | { ok: false; error: ImportRejection } {
  const r = new RowReader(row, cells, cols);
  const platform = r.text('platform') ?? ctx.platform;
  const order = r.text('order');
  if (order === undefined) return r.fail('order', 'required: the order id');
  let phone: string | undefined;
  if (r.cell('phone') !== undefined) {
    const p = parsePhone(r.cell('phone')!);
    if (!p.ok) return r.fail('phone', p.reason);
    phone = p.value;
  }
  const member = r.text('member');
  if (member === undefined && phone === undefined) return r.fail(null, 'no member id and no phone: an order needs one to find its member');
  const fen = r.cell('amount_fen') !== undefined;
  const amountField = fen ? 'amount_fen' : 'amount';
  const amountCell = r.cell(amountField);
  if (amountCell === undefined) return r.fail(cols.fields.has('amount') || !fen ? amountField : 'amount_fen', 'required: the amount paid');
  const amount = parseAmount(amountCell, fen ? 'fen' : 'yuan');
  if (!amount.ok) return r.fail(amountField, amount.reason);
  const paidCell = r.cell('paid_at');
  if (paidCell === undefined) return r.fail('paid_at', 'required: when the order was paid');
  const paidAt = parseDate(paidCell, ctx.clock);
  if (!paidAt.ok) return r.fail('paid_at', paidAt.reason);

  const paid: Record<string, unknown> = { type: 'order.paid', platform, order, amount: amount.value, at: ctx.clock.format(paidAt.ms) };
  for (const f of ['product', 'campaign'] as const) {
    const v = r.text(f);
    if (v !== undefined) paid[f] = v;
  }
  const community = r.text('community') ?? ctx.community;
  if (community !== undefined) paid.community = communityOf(community, platform);
  const currency = r.text('currency');
  if (currency !== undefined) {
    const c = parseCurrency(currency);
    if (!c.ok) return r.fail('currency', c.reason);
    if (c.value !== 'CNY') paid.currency = c.value;
  }
  const tier = r.text('tier');
  if (tier !== undefined) {
    const t = parseTier(tier);
    if (!t.ok) return r.fail('tier', t.reason);
    paid.tier = t.value;
  }

  let refund: ParsedOrder['refund'];
  const refundField = r.cell('refund_fen') !== undefined ? 'refund_fen' : 'refund';
  const refundCell = r.cell(refundField);
  if (refundCell !== undefined) {
    const v = parseAmount(refundCell, refundField === 'refund_fen' ? 'fen' : 'yuan');
    if (!v.ok) return r.fail(refundField, v.reason);
    if (v.value > amount.value) return r.fail(refundField, `more than the amount paid (${v.value} 分 > ${amount.value} 分)`);
    if (v.value > 0) {
      refund = { total: v.value, column: r.header(refundField) };
      const at = r.cell('refunded_at');
      if (at !== undefined) {
        const d = parseDate(at, ctx.clock);
        if (!d.ok) return r.fail('refunded_at', d.reason);
        if (d.ms <= paidAt.ms) return r.fail('refunded_at', 'not after the payment: a refund applies only to an order paid before it');
        refund.at = ctx.clock.format(d.ms);
      }
    }
  }
  const columns = r.columns([
    ['order', 'order'],
    ['member', 'member'],
    ['amount', amountField],
    ['product', 'product'],
    ['campaign', 'campaign'],
    ['community', 'community'],
    ['platform', 'platform'],
  ]);
  if (member === undefined) columns.member = r.header('phone');
  return { ok: true, order: { row, platform, order, member, phone, paid, refund, columns } };
}

/** `duplicates`: refunds this row shows that earlier imports (or earlier rows) already recorded. */
export interface Resolved {
  row: number;
  planned: Planned[];
  columns: Record<string, string>;
  duplicates: number;
}

/** Product keys by key, name and alias (as qunyun.yaml declares them). */
export async function productKeys(db: Kysely<Schema>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const p of await db.selectFrom('products').select(['key', 'name', 'aliases']).execute()) {
    let aliases: unknown = [];
    try {
      aliases = JSON.parse(p.aliases);
    } catch {
      /* stored by apply.ts as JSON; anything else has no aliases */
    }
    for (const n of [p.name, ...(Array.isArray(aliases) ? aliases : [])]) if (typeof n === 'string') out.set(n.trim().toLowerCase(), p.key);
  }
  for (const p of await db.selectFrom('products').select('key').execute()) out.set(p.key.toLowerCase(), p.key);
  return out;
}

/** Resolves a batch: members by phone, products by name, refunds against what earlier imports recorded. */
export class OrderResolver {
  /** Largest refund total recorded per order in this run (platform \u001f order → 分). */
  private refunded = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly products: Map<string, string>,
    private readonly runAt: string,
  ) {}

  private async membersByPhone(batch: ParsedOrder[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const wanted = batch.filter((o) => o.member === undefined);
    for (const platform of new Set(wanted.map((o) => o.platform))) {
      const phones = [...new Set(wanted.filter((o) => o.platform === platform).map((o) => o.phone!))];
      for (const part of chunks(phones, 500)) {
        const rows = await this.db
          .selectFrom('members')
          .innerJoin('identities', 'identities.member_id', 'members.id')
          .select(['members.phone', 'members.id', 'identities.external_id'])
          .where('identities.platform', '=', platform)
          .where('members.phone', 'in', part)
          .where('members.merged_into', 'is', null)
          .orderBy('identities.external_id')
          .execute();
        const seen = new Map<string, Set<number>>();
        for (const r of rows) {
          const ids = seen.get(r.phone!) ?? new Set<number>();
          ids.add(Number(r.id));
          seen.set(r.phone!, ids);
          if (!out.has(`${platform}\u001f${r.phone}`)) out.set(`${platform}\u001f${r.phone}`, r.external_id);
        }
        // A phone shared by two members finds neither: the order stays with the phone itself.
        for (const [phone, ids] of seen) if (ids.size > 1) out.delete(`${platform}\u001f${phone}`);
      }
    }
    return out;
  }

  private async refundsBefore(batch: ParsedOrder[]): Promise<void> {
    const keys = [...new Set(batch.filter((o) => o.refund).map((o) => `${o.platform}\u001f${o.order}`))].filter((k) => !this.refunded.has(k));
    for (const part of chunks(keys, 500)) {
      const rows = await this.db
        .selectFrom('events')
        .select(['platform', 'event_id', 'order_key', 'body'])
        .where('order_key', 'in', part)
        .where('type', '=', 'order.refunded')
        .execute();
      // The running total refunded by earlier imports: the sum of their refunds' amounts (ids may be hashed).
      for (const r of rows) {
        if (!r.event_id.startsWith('import:orders:')) continue;
        const order = r.order_key!.slice(r.order_key!.indexOf('\u001f') + 1);
        const k = `${r.platform}\u001f${order}`;
        const amount = Number((JSON.parse(r.body) as { amount?: number }).amount ?? 0);
        this.refunded.set(k, (this.refunded.get(k) ?? 0) + amount);
      }
    }
  }

  /**
   * The member of each payment the ledger already holds (platform \u001f event id → member). A re-import keeps it:
   * a phone that found no member the first time may find one now (a members import in between), and the payment
   * must not turn into a conflict for that alone. Any other change still does.
   */
  private async paidBefore(batch: ParsedOrder[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (const platform of new Set(batch.map((o) => o.platform))) {
      const ids = [...new Set(batch.filter((o) => o.platform === platform).map((o) => eventId('import:orders', o.order, 'paid')))];
      for (const part of chunks(ids, 500)) {
        const rows = await this.db
          .selectFrom('events')
          .select(['event_id', 'body'])
          .where('platform', '=', platform)
          .where('event_id', 'in', part)
          .where('type', '=', 'order.paid')
          .execute();
        for (const r of rows) {
          try {
            const member = (JSON.parse(r.body) as { member?: unknown }).member;
            if (member !== undefined) out.set(`${platform}\u001f${r.event_id}`, member);
          } catch {
            /* the ledger stores canonical JSON; anything else is left to the conflict check */
          }
        }
      }
    }
    return out;
  }

  async resolve(batch: ParsedOrder[]): Promise<(Resolved | { row: number; error: ImportRejection })[]> {
    const byPhone = await this.membersByPhone(batch);
    const before = await this.paidBefore(batch);
    await this.refundsBefore(batch);
    const out: (Resolved | { row: number; error: ImportRejection })[] = [];
    for (const o of batch) {
      const paidId = eventId('import:orders', o.order, 'paid');
      // Keyed by phone, the payment keeps the member it was recorded with (paidBefore).
      const recorded = o.member === undefined ? before.get(`${o.platform}\u001f${paidId}`) : undefined;
      const member = o.member ?? recorded ?? byPhone.get(`${o.platform}\u001f${o.phone}`) ?? o.phone!;
      const paid: Record<string, unknown> = { ...o.paid, member };
      if (typeof paid.product === 'string') paid.product = this.products.get(paid.product.trim().toLowerCase()) ?? paid.product;
      const planned: Planned[] = [{ event: { ...paid, id: paidId } }];
      let duplicates = 0;
      if (o.refund) {
        const k = `${o.platform}\u001f${o.order}`;
        const before = this.refunded.get(k) ?? 0;
        if (o.refund.total < before) {
          out.push({
            row: o.row,
            error: {
              row: o.row,
              column: o.refund.column,
              reason: `the order's refunds already total ${before} 分 (an earlier import); a refund cannot be undone`,
            },
          });
          continue;
        }
        if (o.refund.total === before) duplicates++;
        else {
          this.refunded.set(k, o.refund.total);
          planned.push({
            event: {
              type: 'order.refunded',
              platform: o.platform,
              order: o.order,
              amount: o.refund.total - before,
              at: o.refund.at ?? this.runAt,
              id: eventId('import:orders', o.order, 'refund', o.refund.total),
            },
          });
        }
      }
      out.push({ row: o.row, planned, columns: o.columns, duplicates });
    }
    return out;
  }
}
