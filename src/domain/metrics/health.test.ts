import { describe, expect, it } from 'vitest';
import { healthVerdict } from './health.js';

const steady = [
  { growth: 0.05, churn: 0.02 },
  { growth: 0.04, churn: 0.03 },
];

describe('healthVerdict', () => {
  it('calls a 200-member group with 12% daily active and more joins than leaves healthy', () => {
    const v = healthVerdict({ members: 200, capacity: 200, dailyActiveRatio: 0.12, weeks: steady });
    expect(v).toMatchObject({ status: 'healthy', size: 'ok', activity: 'healthy', trend: 'growing' });
    expect(v.zh).toContain('日活 12.0%，处于健康区间');
  });
  it('flags over capacity, low activity and shrinking, and grades by how many', () => {
    expect(healthVerdict({ members: 260, capacity: 200, dailyActiveRatio: 0.2, weeks: steady })).toMatchObject({
      status: 'watch',
      size: 'over_capacity',
      activity: 'lively',
    });
    const bad = healthVerdict({
      members: 120,
      capacity: 200,
      dailyActiveRatio: 0.03,
      weeks: [
        { growth: 0, churn: 0.1 },
        { growth: 0.01, churn: 0.05 },
      ],
    });
    expect(bad).toMatchObject({ status: 'unhealthy', activity: 'silent', trend: 'shrinking' });
    expect(bad.en).toContain('more left than joined');
    expect(healthVerdict({ members: 0, capacity: 200, dailyActiveRatio: null, weeks: [] })).toMatchObject({
      size: 'small',
      activity: 'silent',
      trend: 'flat',
    });
  });
});
