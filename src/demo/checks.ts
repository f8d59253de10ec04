// Independent checks that generated events keep the ledger contract (docs/spec/events.md) and refer only to things
// already seen. Used by the demo tests; kept apart from the ingest validator on purpose (a second opinion).
import { EVENT_TYPES, JOIN_METHODS, LEAVE_REASONS, MESSAGE_KINDS, TIERS, type LedgerEvent } from '../domain/events/types.js';

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const ENVELOPE = ['id', 'type', 'at', 'platform'];
const FIELDS: Record<string, { required: string[]; optional: string[] }> = {
  'community.updated': { required: ['community'], optional: ['name', 'owner', 'admins'] },
  'member.joined': { required: ['community', 'member'], optional: ['name', 'channel', 'inviter', 'method'] },
  'member.left': { required: ['community', 'member', 'reason'], optional: ['by'] },
  'message.sent': { required: ['community', 'member', 'kind'], optional: ['text', 'reply_to', 'mentions'] },
  'checkin.done': { required: ['member', 'challenge'], optional: ['community'] },
  'order.paid': { required: ['member', 'order', 'amount'], optional: ['currency', 'product', 'tier', 'campaign', 'community'] },
  'order.refunded': { required: ['order'], optional: ['amount'] },
  'member.profile': { required: ['member'], optional: ['name', 'phone', 'tags_add', 'tags_remove', 'attributes'] },
  'member.linked': { required: ['member', 'other_platform', 'other_member'], optional: [] },
};
const STRING_LISTS = new Set(['admins', 'mentions', 'tags_add', 'tags_remove']);

/** Problems with one event's shape ([] when it is fine). */
export function shapeProblems(ev: LedgerEvent): string[] {
  const out: string[] = [];
  const rec = ev as unknown as Record<string, unknown>;
  if (!(EVENT_TYPES as readonly string[]).includes(ev.type)) return [`unknown type ${String(ev.type)}`];
  const spec = FIELDS[ev.type]!;
  const known = new Set([...ENVELOPE, ...spec.required, ...spec.optional]);
  for (const k of Object.keys(rec)) if (!known.has(k)) out.push(`unexpected field ${k}`);
  for (const k of [...ENVELOPE, ...spec.required]) if (rec[k] === undefined) out.push(`missing ${k}`);
  if (typeof ev.id !== 'string' || ev.id.length < 1 || ev.id.length > 200) out.push('bad id');
  if (typeof ev.at !== 'string' || !AT.test(ev.at) || Number.isNaN(Date.parse(ev.at))) out.push(`bad at ${ev.at}`);
  for (const [k, v] of Object.entries(rec)) {
    if (v === undefined) out.push(`${k} is undefined`);
    else if (k === 'amount') {
      if (!Number.isSafeInteger(v) || (v as number) < 0) out.push(`bad amount ${String(v)}`);
    } else if (k === 'attributes') {
      if (typeof v !== 'object' || v === null || Object.values(v).some((x) => typeof x !== 'string')) out.push('bad attributes');
    } else if (STRING_LISTS.has(k)) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) out.push(`bad ${k}`);
    } else if (typeof v !== 'string' || v === '') out.push(`bad ${k}`);
  }
  if (ev.type === 'member.joined' && ev.method !== undefined && !(JOIN_METHODS as readonly string[]).includes(ev.method)) out.push('bad method');
  if (ev.type === 'member.left' && !(LEAVE_REASONS as readonly string[]).includes(ev.reason)) out.push('bad reason');
  if (ev.type === 'message.sent' && !(MESSAGE_KINDS as readonly string[]).includes(ev.kind)) out.push('bad kind');
  if (ev.type === 'order.paid' && ev.tier !== undefined && !(TIERS as readonly string[]).includes(ev.tier)) out.push('bad tier');
  if (ev.type === 'member.profile' && ev.phone !== undefined && !/^1[3-9]\d{9}$/.test(ev.phone)) out.push(`bad phone ${ev.phone}`);
  return out;
}

/** Walks a stream and reports contract and consistency problems (first 20), plus counts for assertions. */
export function checkStream(events: Iterable<LedgerEvent>): { problems: string[]; count: number } {
  const problems: string[] = [];
  const note = (i: number, p: string) => {
    if (problems.length < 20) problems.push(`#${i}: ${p}`);
  };
  const ids = new Set<string>();
  const members = new Set<string>();
  const messages = new Set<string>();
  const orders = new Map<string, number>();
  let lastMs = -Infinity;
  let i = 0;
  for (const ev of events) {
    i++;
    for (const p of shapeProblems(ev)) note(i, `${ev.type} ${p}`);
    const ms = Date.parse(ev.at);
    if (ms < lastMs) note(i, `at goes back in time: ${ev.at}`);
    lastMs = ms;
    const key = `${ev.platform}:${ev.id}`;
    if (ids.has(key)) note(i, `duplicate id ${key}`);
    ids.add(key);
    switch (ev.type) {
      case 'member.joined':
        if (ev.inviter !== undefined && !members.has(`${ev.platform}:${ev.inviter}`)) note(i, `inviter ${ev.inviter} not seen yet`);
        if ((ev.inviter !== undefined) !== (ev.method === 'invited')) note(i, 'inviter and method "invited" go together');
        members.add(`${ev.platform}:${ev.member}`);
        break;
      case 'message.sent':
        if (ev.reply_to !== undefined && !messages.has(`${ev.platform}:${ev.reply_to}`)) note(i, `reply_to ${ev.reply_to} is not an earlier message`);
        messages.add(key);
        break;
      case 'order.paid':
        if (orders.has(ev.order)) note(i, `order ${ev.order} paid twice`);
        orders.set(ev.order, ev.amount);
        break;
      case 'order.refunded': {
        const paid = orders.get(ev.order);
        if (paid === undefined) note(i, `refund of unknown order ${ev.order}`);
        else if (ev.amount !== undefined && ev.amount > paid) note(i, `refund ${ev.amount} exceeds paid ${paid}`);
        break;
      }
      case 'member.linked':
        if (!members.has(`${ev.platform}:${ev.member}`) || !members.has(`${ev.other_platform}:${ev.other_member}`))
          note(i, 'linked member not seen yet');
        break;
    }
  }
  return { problems, count: i };
}
