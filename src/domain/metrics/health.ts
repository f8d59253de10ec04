// Community health verdicts, from seed 003's rule of thumb: about 200 members, 20–30 of them active a day
// (a daily active ratio of 10–15 %), and more joining than leaving.
export interface HealthInput {
  members: number;
  capacity: number;
  /** Mean daily active members over the last 7 days / members now; null when there are no members. */
  dailyActiveRatio: number | null;
  /** The last weeks' growth and churn rates, oldest first (null where undefined). */
  weeks: { growth: number | null; churn: number | null }[];
}

export const SIZE_VERDICTS = ['ok', 'small', 'over_capacity'] as const;
export const ACTIVITY_VERDICTS = ['silent', 'low', 'healthy', 'lively'] as const;
export const TREND_VERDICTS = ['growing', 'flat', 'shrinking'] as const;
export interface Verdict {
  status: 'healthy' | 'watch' | 'unhealthy';
  size: (typeof SIZE_VERDICTS)[number];
  activity: (typeof ACTIVITY_VERDICTS)[number];
  trend: (typeof TREND_VERDICTS)[number];
  zh: string;
  en: string;
}

export function healthVerdict(h: HealthInput): Verdict {
  const issues: string[] = [];
  let size: Verdict['size'], activity: Verdict['activity'];
  if (h.members > h.capacity) {
    size = 'over_capacity';
    issues.push('size');
  } else if (h.members < Math.min(50, h.capacity / 4)) size = 'small';
  else size = 'ok';
  const r = h.dailyActiveRatio;
  if (r === null || r < 0.05) {
    activity = 'silent';
    issues.push('activity');
  } else if (r < 0.1) {
    activity = 'low';
    issues.push('activity');
  } else if (r <= 0.15) activity = 'healthy';
  else activity = 'lively';
  const recent = h.weeks.slice(-2);
  const shrinking = recent.length > 0 && recent.every((w) => (w.churn ?? 0) > (w.growth ?? 0));
  const trend: Verdict['trend'] = shrinking ? 'shrinking' : recent.some((w) => (w.growth ?? 0) > (w.churn ?? 0)) ? 'growing' : 'flat';
  if (shrinking) issues.push('trend');
  const status = issues.length === 0 ? 'healthy' : issues.length === 1 ? 'watch' : 'unhealthy';
  const pct = r === null ? '—' : `${(r * 100).toFixed(1)}%`;
  const zh =
    [
      size === 'over_capacity'
        ? `人数 ${h.members} 超过容量 ${h.capacity}，建议开新群分流`
        : size === 'small'
          ? `人数 ${h.members}，还在起步阶段`
          : `人数 ${h.members}/${h.capacity}，规模合适`,
      activity === 'healthy'
        ? `日活 ${pct}，处于健康区间（10–15%）`
        : activity === 'lively'
          ? `日活 ${pct}，非常活跃`
          : activity === 'low'
            ? `日活 ${pct}，低于健康区间，需要促活`
            : `日活 ${pct}，群几乎沉寂，需要促活`,
      trend === 'shrinking' ? '近两周流失多于新增，注意留存' : trend === 'growing' ? '新增多于流失' : '增减持平',
    ].join('；') + '。';
  const en =
    [
      size === 'over_capacity'
        ? `${h.members} members over a capacity of ${h.capacity}: open another group`
        : size === 'small'
          ? `${h.members} members: still getting started`
          : `${h.members}/${h.capacity} members: a good size`,
      activity === 'healthy'
        ? `daily active ${pct}, in the healthy 10–15% band`
        : activity === 'lively'
          ? `daily active ${pct}: very lively`
          : activity === 'low'
            ? `daily active ${pct}: below the healthy band, activate it`
            : `daily active ${pct}: nearly silent, activate it`,
      trend === 'shrinking'
        ? 'more left than joined in the last two weeks: watch retention'
        : trend === 'growing'
          ? 'more joining than leaving'
          : 'joins and leaves balance',
    ].join('; ') + '.';
  return { status, size, activity, trend, zh, en };
}
