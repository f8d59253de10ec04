// RFM: the eight classic segments, by whether each of the R, F and M scores is above its mean.
export const RFM_SEGMENTS = [
  { key: 'important_value', zh: '重要价值客户', en: 'Important value', r: true, f: true, m: true },
  { key: 'important_development', zh: '重要发展客户', en: 'Important development', r: true, f: false, m: true },
  { key: 'important_retention', zh: '重要保持客户', en: 'Important retention', r: false, f: true, m: true },
  { key: 'important_winback', zh: '重要挽留客户', en: 'Important win-back', r: false, f: false, m: true },
  { key: 'general_value', zh: '一般价值客户', en: 'General value', r: true, f: true, m: false },
  { key: 'general_development', zh: '一般发展客户', en: 'General development', r: true, f: false, m: false },
  { key: 'general_retention', zh: '一般保持客户', en: 'General retention', r: false, f: true, m: false },
  { key: 'general_winback', zh: '一般挽留客户', en: 'General win-back', r: false, f: false, m: false },
] as const;

export type RfmSegmentKey = (typeof RFM_SEGMENTS)[number]['key'];

export function segmentOf(rHigh: boolean, fHigh: boolean, mHigh: boolean): RfmSegmentKey {
  return RFM_SEGMENTS.find((s) => s.r === rHigh && s.f === fHigh && s.m === mHigh)!.key;
}

/** Quintile score 1–5 from how many of n members are strictly worse: ties share a score. */
export function quintile(strictlyWorse: number, n: number): number {
  return 1 + Math.floor((5 * strictlyWorse) / n);
}
