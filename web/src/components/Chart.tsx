// A lazily loaded ECharts chart: the echarts chunk is fetched the first time a page draws a chart.
import { lazy, Suspense } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  height?: number;
  className?: string;
  testId?: string;
  /** Called with the name of a clicked data item (a bar's category, a pie slice). */
  onClickName?: (name: string) => void;
}

const EChart = lazy(() => import('./EChart'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div className="qy-chart-placeholder" style={{ height: props.height ?? 260 }} />}>
      <EChart {...props} />
    </Suspense>
  );
}

/** The console's series colours (antd's blue first). */
export const PALETTE = ['#1668dc', '#13a8a8', '#fa8c16', '#722ed1', '#eb2f96', '#52c41a', '#faad14', '#2f54eb', '#a0d911', '#8c8c8c'];
