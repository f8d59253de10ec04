// A tiny trend line without axes (the rates and counts of the overview), with a tooltip per point.
import { useMemo } from 'react';
import { Chart, type ChartOption } from './Chart';

export function Sparkline({
  labels,
  values,
  color = '#1668dc',
  height = 48,
  format,
  area = true,
  testId,
}: {
  labels: string[];
  values: (number | null)[];
  color?: string;
  height?: number;
  format?: (v: number) => string;
  area?: boolean;
  testId?: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', data: labels, show: false, boundaryGap: false },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: {
        trigger: 'axis',
        confine: true,
        axisPointer: { type: 'line', lineStyle: { color: '#bbb' } },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? (format ? format(v) : String(v)) : '—'),
      },
      series: [
        {
          type: 'line',
          data: values,
          showSymbol: false,
          smooth: 0.3,
          connectNulls: true,
          lineStyle: { width: 1.6, color },
          itemStyle: { color },
          areaStyle: area ? { color, opacity: 0.12 } : undefined,
        },
      ],
    }),
    [labels, values, color, format, area],
  );
  return <Chart option={option} height={height} testId={testId} />;
}
