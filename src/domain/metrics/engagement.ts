// Engagement levels, by the number of local days with activity (message, check-in or order) among the 30
// whole days before the day asked about. Days, not messages: steady presence says more than one burst.
export const ENGAGEMENT_LEVELS = [
  { key: 'silent', zh: '沉默', min: 0, max: 0 },
  { key: 'quiet', zh: '偶尔冒泡', min: 1, max: 3 },
  { key: 'engaged', zh: '活跃', min: 4, max: 10 },
  { key: 'fan', zh: '铁粉', min: 11, max: 20 },
  { key: 'ultra', zh: '超级活跃', min: 21, max: 30 },
] as const;

export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number]['key'];
export const ENGAGEMENT_WINDOW_DAYS = 30;

export function engagementOf(activeDays: number): EngagementLevel {
  return ENGAGEMENT_LEVELS.find((l) => activeDays >= l.min && activeDays <= l.max)?.key ?? 'ultra';
}
