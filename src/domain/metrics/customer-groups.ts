// The customer-group rule of docs/spec/metrics.md (潜在 potential / 新 new / 主力 core / 沉睡 dormant), pure: the one definition
// read by the sweep, the member list and export, playbook targets and the oracle. The SQL engine cannot call it, so
// figures.ts restates the same order in SQL with the windows computed here (customer-groups.property.test.ts holds
// the two together, member by member).

/** In the key order of docs/spec/metrics.md's JSON. */
export const CUSTOMER_GROUPS = ['potential', 'new', 'core', 'dormant'] as const;
export type CustomerGroup = (typeof CUSTOMER_GROUPS)[number];
export type GroupCounts = Record<CustomerGroup, number>;

/** The workspace settings the rule reads (docs/spec/metrics.md, "Parameters"). */
export interface GroupSettings {
  dormantDays: number;
  newCustomerDays: number;
}
export const DEFAULT_GROUP_SETTINGS: Readonly<GroupSettings> = { dormantDays: 30, newCustomerDays: 30 };

const DAY = 86_400_000;

/** The instants the rule compares a member's facts with, as of t ("D days" is D × 24 hours, docs/metrics.md). */
export interface GroupWindows {
  t: number;
  /** Dormant: first join at or before this (t − D days) … */
  joinedBy: number;
  /** … and no activity in [quietFrom, quietTo) = [t − D days, t). */
  quietFrom: number;
  quietTo: number;
  /** New: first paid order at or after this (t − N days). */
  newSince: number;
}

export function groupWindows(p: GroupSettings, t: number): GroupWindows {
  return { t, joinedBy: t - p.dormantDays * DAY, quietFrom: t - p.dormantDays * DAY, quietTo: t, newSince: t - p.newCustomerDays * DAY };
}

/** What the rule needs to know of one member present as of t, all in the same scope. */
export interface GroupFacts {
  /** firstJoin(m), known as of t; null (never joined in scope) is never dormant. */
  firstJoin: number | null;
  /** firstPaid(m, t): the earliest order still paid as of t. */
  firstPaid: number | null;
  /** Any activity (message, check-in, order) in [quietFrom, quietTo). */
  activeInQuietWindow: boolean;
}

export function isDormant(f: Pick<GroupFacts, 'firstJoin' | 'activeInQuietWindow'>, w: GroupWindows): boolean {
  return f.firstJoin !== null && f.firstJoin <= w.joinedBy && !f.activeInQuietWindow;
}

/** The group of a member present as of w.t: the first of dormant, potential, new that holds, else core. */
export function customerGroup(f: GroupFacts, w: GroupWindows): CustomerGroup {
  if (isDormant(f, w)) return 'dormant';
  if (f.firstPaid === null) return 'potential';
  return f.firstPaid >= w.newSince ? 'new' : 'core';
}

export function emptyGroupCounts(): GroupCounts {
  return { potential: 0, new: 0, core: 0, dormant: 0 };
}

/**
 * The instant a member turns dormant, given their first join and their last activity before then: the least t
 * for which isDormant holds (first join at least D days before t, no activity in [t − D days, t)).
 */
export function dormantFrom(firstJoin: number, lastActivity: number | null, dormantDays: number): number {
  const d = dormantDays * DAY;
  return Math.max(firstJoin + d, lastActivity === null ? -Infinity : lastActivity + d + 1);
}
