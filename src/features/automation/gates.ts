// Join requests held at the gate (seed 003's 门槛): a connector records a request as a profile attribute
// `<platform>_join_request` = the chat's id (Telegram chat_join_request). Rules `on: request` approve it when the
// requester meets the gate (a tag, a paid product, a phone) and do `otherwise` when not; a requester still waiting
// is checked again whenever a payment or a profile change of theirs arrives, so paying lets them in.
import type { Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { LedgerEvent } from '../../domain/events/types.js';
import type { AutoEvent, CompiledRule } from '../../domain/automation/engine.js';
import type { RuleConfig } from '../../config/automation-schema.js';
import type { PendingActions } from './enqueue.js';

type Trx = Transaction<Schema>;
export interface GateFacts {
  tags: Set<string>;
  products: Set<string>;
  phone: boolean;
}

export function gatePasses(gate: RuleConfig['gate'], f: GateFacts): boolean {
  if (!gate) return true;
  if (gate.tags && !gate.tags.some((t) => f.tags.has(t))) return false;
  if (gate.products && !gate.products.some((p) => f.products.has(p))) return false;
  if (gate.phone && !f.phone) return false;
  return true;
}

async function facts(trx: Trx, member: number, now: number): Promise<GateFacts & { name: string | null; attributes: Record<string, string> }> {
  const m = await trx.selectFrom('members').select(['name', 'phone', 'attributes']).where('id', '=', member).executeTakeFirst();
  const tags = await trx.selectFrom('member_tags').select('tag').where('member_id', '=', member).execute();
  const paid = await trx
    .selectFrom('orders')
    .select('product')
    .where('member_id', '=', member)
    .where('paid_at', '<=', now)
    .where((eb) => eb.or([eb('fully_refunded_at', 'is', null), eb('fully_refunded_at', '>', now)]))
    .execute();
  return {
    name: m?.name ?? null,
    phone: !!m?.phone,
    attributes: m ? (JSON.parse(m.attributes) as Record<string, string>) : {},
    tags: new Set(tags.map((t) => t.tag)),
    products: new Set(paid.map((p) => p.product).filter((p): p is string => p !== null)),
  };
}

interface Trigger {
  event: LedgerEvent;
  atMs: number;
  memberId: number;
}

/** Request rules for this batch's fresh events: new requests, and payments or profile changes of waiting requesters. */
export async function runGateRules(trx: Trx, events: Trigger[], rules: CompiledRule[], outbox: PendingActions, now: number): Promise<number> {
  const gates = rules.filter((r) => r.config.enabled && r.config.on === 'request');
  if (gates.length === 0) return 0;
  let n = 0;
  for (const e of events) {
    const ev = e.event;
    if (ev.type !== 'member.profile' && ev.type !== 'order.paid') continue;
    const f = await facts(trx, e.memberId, now);
    // Every platform's pending request counts: a payment recorded elsewhere (a shop) can open a Telegram gate.
    for (const [attr, chat] of Object.entries(f.attributes)) {
      const platform = attr.endsWith('_join_request') ? attr.slice(0, -'_join_request'.length) : null;
      if (!platform || !chat) continue;
      const c = await trx
        .selectFrom('communities')
        .select(['id', 'name', 'config_name'])
        .where('platform', '=', platform)
        .where('external_id', '=', chat)
        .executeTakeFirst();
      if (!c) continue;
      const inside = await trx
        .selectFrom('memberships')
        .select('present')
        .where('member_id', '=', e.memberId)
        .where('community_id', '=', c.id)
        .executeTakeFirst();
      if (inside && Number(inside.present) === 1) continue;
      const requested = ev.type === 'member.profile' && ev.platform === platform && ev.attributes?.[attr] !== undefined;
      const auto: AutoEvent = {
        type: 'request',
        at: e.atMs,
        platform,
        community: chat,
        memberName: f.name,
        communityName: c.config_name ?? c.name,
        text: null,
        kind: null,
      };
      for (const rule of gates) {
        const met = gatePasses(rule.config.gate, f);
        // A later payment or profile change matters only once it opens the gate.
        if (!requested && !met) continue;
        const actions = rule.evaluate(auto, { joinedAt: null, strikes: 0, recent: [], communityRules: [], gateMet: met });
        // An approval is keyed by requester and chat (once, whatever opened the gate); a hold, by the request itself.
        n += await outbox.add(
          trx,
          actions.map((a) => ({ ...a, detail: met ? 'gate met' : 'gate not met' })),
          {
            rule: rule.key,
            platform,
            eventId: met ? `gate:${chat}:${e.memberId}` : ev.id,
            at: e.atMs,
            memberId: e.memberId,
            communityId: Number(c.id),
            batchSeconds: 0,
            now,
          },
        );
      }
    }
  }
  return n;
}
