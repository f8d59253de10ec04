// Elimination and revival (淘汰/复活) from a community's blueprint: who falls short of the bar as of now, who has
// earned their way back. Pure: the service gathers the counts, this decides.
export interface EliminationRule {
  /** At least this many check-ins in the last `withinDays` days… */
  minCheckins?: number;
  withinDays?: number;
  /** …and a message in the last `silentDays` days. */
  silentDays?: number;
  /** The list is announced this many days before it is carried out. */
  noticeDays?: number;
}
export interface RevivalRule {
  checkins?: number;
  product?: string;
}

export interface Standing {
  joinedAt: number;
  checkinsInWindow: number;
  lastMessageAt: number | null;
  /** Check-ins since the notice went out (for revival). */
  checkinsSinceNotice: number;
  /** Paid the revival product since the notice. */
  paidRevival: boolean;
  staff: boolean;
}

export type Verdict = { keep: true; reason: string } | { keep: false; reasons: string[] };
const DAY = 86_400_000;

/** Members get the whole window after joining before they can fall short; staff are never eliminated. */
export function judge(rule: EliminationRule, revival: RevivalRule | undefined, s: Standing, now: number): Verdict {
  if (s.staff) return { keep: true, reason: 'staff' };
  const reasons: string[] = [];
  const within = rule.withinDays ?? 7;
  if (rule.minCheckins !== undefined && now - s.joinedAt >= within * DAY && s.checkinsInWindow < rule.minCheckins) {
    reasons.push(`${s.checkinsInWindow} check-ins in ${within} days (at least ${rule.minCheckins})`);
  }
  if (
    rule.silentDays !== undefined &&
    now - s.joinedAt >= rule.silentDays * DAY &&
    (s.lastMessageAt === null || now - s.lastMessageAt >= rule.silentDays * DAY)
  ) {
    reasons.push(`no message in ${rule.silentDays} days`);
  }
  if (reasons.length === 0) return { keep: true, reason: 'meets the bar' };
  if (revival?.checkins !== undefined && s.checkinsSinceNotice >= revival.checkins)
    return { keep: true, reason: `revived: ${s.checkinsSinceNotice} check-ins since the notice` };
  if (revival?.product !== undefined && s.paidRevival) return { keep: true, reason: `revived: paid ${revival.product}` };
  return { keep: false, reasons };
}
