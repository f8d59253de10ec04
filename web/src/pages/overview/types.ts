// The answer of GET /api/v1/metrics (docs/spec/metrics.md "Output shape"); with by=…, { series: [...] }.
export interface PeriodMetrics {
  from: string;
  to: string;
  timezone: string;
  community: string | null;
  groups: { potential: number; new: number; core: number; dormant: number };
  rates: { growth: number | null; conversion: number | null; churn: number | null; reactivation: number | null };
  acquisition: {
    new_members: number; by_channel: Record<string, number>; fission_new: number; fission_by_channel: Record<string, number>;
    leads_new: number; leads_by_channel: Record<string, number>;
  };
  content: { messages: number; active_members: number; product_mentions: number; topics: { term: string; count: number }[] };
  conversion: { orders: number; revenue: number; refunds: number; first_buyers: number; by_channel: Record<string, number>; cycle_days_median: number | null };
}

export interface MetricsSeries { series: PeriodMetrics[] }

export type Granularity = 'day' | 'week' | 'month';
export type GroupKey = keyof PeriodMetrics['groups'];
export type RateKey = keyof PeriodMetrics['rates'];
