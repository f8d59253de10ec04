// 拉新与裂变: new members, fission adds and new leads of the period, and each by first-join channel.
import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { useI18n } from '../../i18n';
import { Chart, PALETTE, type ChartOption } from '../../components/Chart';
import { MiniStat } from '../../components/MiniStat';
import { fmtInt, fmtPct } from '../../components/format';
import { channelNamer, type WorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { PeriodMetrics } from './types';

export function AcquisitionCard({ m, info }: { m: PeriodMetrics; info: WorkspaceInfo | null }) {
  const { t, lang } = useI18n();
  const a = m.acquisition;
  const name = useMemo(() => channelNamer(info, t('ov.noChannel')), [info, t]);
  const option = useMemo<ChartOption | null>(() => {
    const keys = [...new Set([...Object.keys(a.by_channel), ...Object.keys(a.leads_by_channel), ...Object.keys(a.fission_by_channel)])].sort(
      (x, y) => (a.by_channel[y] ?? 0) - (a.by_channel[x] ?? 0),
    );
    if (keys.length === 0) return null;
    const bar = (label: string, map: Record<string, number>, color: string) => ({
      name: label,
      type: 'bar',
      barMaxWidth: 18,
      itemStyle: { color, borderRadius: [3, 3, 0, 0] },
      data: keys.map((k) => map[k] ?? 0),
    });
    return {
      color: PALETTE,
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => fmtInt(Number(v), lang) },
      xAxis: {
        type: 'category',
        data: keys.map(name),
        axisTick: { show: false },
        axisLabel: { interval: 0, hideOverlap: true, width: 72, overflow: 'truncate' },
      },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } }, minInterval: 1 },
      series: [
        bar(t('ov.newMembers'), a.by_channel, '#1668dc'),
        bar(t('ov.fissionNew'), a.fission_by_channel, '#13a8a8'),
        bar(t('ov.leadsNew'), a.leads_by_channel, '#fa8c16'),
      ],
    };
  }, [a, name, t, lang]);

  return (
    <Card title={t('ov.acquisition')} size="small" className="qy-fill-card" data-testid="card-acquisition">
      <div className="qy-mini-stats" style={{ marginBottom: 8 }}>
        <MiniStat label={t('ov.newMembers')} name="new_members" value={a.new_members} text={fmtInt(a.new_members, lang)} />
        <MiniStat label={t('ov.fissionNew')} name="fission_new" value={a.fission_new} text={fmtInt(a.fission_new, lang)} />
        <MiniStat label={t('ov.leadsNew')} name="leads_new" value={a.leads_new} text={fmtInt(a.leads_new, lang)} />
        <MiniStat label={t('ov.fissionShare')} value={null} text={a.new_members ? fmtPct(a.fission_new / a.new_members) : '—'} />
      </div>
      {option ? (
        <Chart option={option} height={250} testId="chart-channels" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      )}
    </Card>
  );
}
