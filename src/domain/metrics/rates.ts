// The four rates of docs/spec/metrics.md (growth 新增率, conversion 转化率, churn 流失率, reactivation 唤醒率) from their counts,
// and the one ratio every rate and share is: a plain quotient (no rounding), null when the denominator is 0.

/** part / whole; null (never 0, never NaN) when whole is 0. Shares of a total use it too. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The counts of a period [s, e) the rates divide (docs/spec/metrics.md, "The four rates"). */
export interface RateCounts {
  /** |present(s)| */
  present_s: number;
  /** |joiners|: first join in [s, e) */
  joiners: number;
  /** |present(s) \ present(e)| */
  churned: number;
  /** |E|: present(s) ∪ joiners with no paid order as of s */
  eligible: number;
  /** |E ∩ B|: of those, first paid in [s, e) */
  converted: number;
  /** |dormant(s)| */
  dormant_s: number;
  /** |dormant(s) ∩ A|: of those, active in [s, e) */
  reactivated: number;
}

export interface Rates {
  growth: number | null;
  conversion: number | null;
  churn: number | null;
  reactivation: number | null;
}

export function emptyRateCounts(): RateCounts {
  return { present_s: 0, joiners: 0, churned: 0, eligible: 0, converted: 0, dormant_s: 0, reactivated: 0 };
}

export function rates(c: RateCounts): Rates {
  return {
    growth: ratio(c.joiners, c.present_s),
    conversion: ratio(c.converted, c.eligible),
    churn: ratio(c.churned, c.present_s),
    reactivation: ratio(c.reactivated, c.dormant_s),
  };
}
