// The ECharts canvas, loaded lazily through Chart.tsx. Only the charts and components the console uses are
// registered, so the echarts chunk stays small. Text in charts is drawn on canvas; the default tooltip escapes
// names and values itself (echarts' tooltipMarkup encodes them) — any custom HTML formatter must use encodeHTML.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartProps } from './Chart';

echarts.use([BarChart, FunnelChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const encodeHTML = echarts.format.encodeHTML;

export default function EChart({ option, height = 260, className, testId, onClickName }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClickName);
  clickRef.current = onClickName;

  useEffect(() => {
    const el = ref.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      if (clickRef.current && typeof p.name === 'string') clickRef.current(p.name);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={ref} className={className} style={{ height, width: '100%' }} data-testid={testId} />;
}
