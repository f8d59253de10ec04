// The overview's data, as the contract declares it: GET /api/v1/metrics answers one period's figures, or with
// by=… { series } of them (one schema for both: figuresOf / seriesOf tell them apart).
import type { Answer, QueryOf, Schema } from '../../api/contract';

export type PeriodMetrics = Schema<'Metrics'>;
export type MetricsSeries = Schema<'MetricsSeries'>;
export type MetricsQuery = QueryOf<'/api/v1/metrics'>;

export type Granularity = NonNullable<MetricsQuery['by']>;
export type GroupKey = keyof PeriodMetrics['groups'];
export type RateKey = keyof PeriodMetrics['rates'];

type MetricsAnswer = Answer<'/api/v1/metrics'>;

/** The one period's figures (asked without by=). */
export const figuresOf = (a: MetricsAnswer | undefined): PeriodMetrics | undefined => (a && !('series' in a) ? a : undefined);

/** The series of periods (asked with by=). */
export const seriesOf = (a: MetricsAnswer | undefined): PeriodMetrics[] | undefined => (a && 'series' in a ? a.series : undefined);
