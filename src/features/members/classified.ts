// The members list's filters by customer group, role and RFM segment: every member classified as of now (walk.ts,
// docs/spec/metrics.md definitions), read into a map of member → what they are; and the group and segment of one list page.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { groupOf, memberPage, rfmThresholds, segmentFor, type AsOf, type RfmThresholds } from './classify.js';
import { prepareClassification } from './walk.js';
import { loadSettings } from '../workspace/settings.js';
import { ledgerVersion } from '../analytics/metrics/period-cache.js';
import type { CustomerGroup } from '../../domain/metrics/customer-groups.js';
import type { RoleKey } from '../../domain/metrics/roles.js';
import type { RfmSegmentKey } from '../../domain/metrics/rfm.js';

export interface Classification {
  groups: Set<CustomerGroup>;
  roles: Set<RoleKey>;
  rfm: RfmSegmentKey | null;
}
export interface ClassFilter {
  group?: CustomerGroup;
  role?: RoleKey;
  rfm?: RfmSegmentKey;
}

export async function classify(db: Kysely<Schema>, community: string | undefined, f: ClassFilter): Promise<Map<number, Classification>> {
  const p = await prepareClassification(db, { community, roles: f.role !== undefined });
  const all = new Map<number, Classification>();
  for await (const m of p.members()) {
    const c = all.get(m.id) ?? all.set(m.id, { groups: new Set(), roles: new Set(), rfm: null }).get(m.id)!;
    if (m.group !== null) c.groups.add(m.group);
    if (m.role !== null) c.roles.add(m.role);
    if (m.rfm !== null) c.rfm = m.rfm;
  }
  const out = new Map<number, Classification>();
  for (const [id, c] of all) {
    if (f.group !== undefined && !c.groups.has(f.group)) continue;
    if (f.role !== undefined && !c.roles.has(f.role)) continue;
    if (f.rfm !== undefined && c.rfm !== f.rfm) continue;
    out.set(id, c);
  }
  return out;
}

export interface PageClasses {
  group: CustomerGroup | null;
  rfm_segment: RfmSegmentKey | null;
}

// RFM thresholds are one scoring pass over every paying member; a members page reuses them for a minute
// unless the ledger changed.
let thresholdCache: { key: string; at: number; th: RfmThresholds } | null = null;

/**
 * Customer group and RFM segment now, for one page of members (workspace scope, or one community's): the
 * per-page facts of classify.ts, so a page costs index look-ups for its own members. Members present nowhere have no group.
 */
export async function classifyPage(
  db: Kysely<Schema>,
  ids: readonly number[],
  present: ReadonlySet<number>,
  community: number | null,
  now = Date.now(),
): Promise<Map<number, PageClasses>> {
  const out = new Map<number, PageClasses>();
  if (ids.length === 0) return out;
  const s = await loadSettings(db);
  const asOf: AsOf = { scope: { community, timezone: s.timezone }, t: now, dormantDays: s.dormantDays, newCustomerDays: s.newCustomerDays };
  const key = `${community}|${await ledgerVersion(db)}|${s.timezone}`;
  if (!thresholdCache || thresholdCache.key !== key || now - thresholdCache.at > 60_000)
    thresholdCache = { key, at: now, th: await rfmThresholds(db, asOf) };
  const facts = await memberPage(db, ids, asOf);
  for (const id of ids) {
    const f = facts.get(id);
    out.set(id, { group: f && present.has(id) ? groupOf(f, asOf) : null, rfm_segment: f ? segmentFor(f, thresholdCache.th) : null });
  }
  return out;
}
