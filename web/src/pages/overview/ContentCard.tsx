// 内容活跃: messages, active members and product mentions of the period, and their trend over the series.
import { useMemo } from 'react';
import { Card } from 'antd';
import { useI18n } from '../../i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { MiniStat } from '../../components/MiniStat';
import { fmtInt, fmtNum } from '../../components/format';
import type { PeriodMetrics } from './types';

export function ContentCard({ m, series, labels }: { m: PeriodMetrics; series?: PeriodMetrics[]; labels: string[] }) {
  const { t, lang } = useI18n();
  const c = m.content;
  const option = useMemo<ChartOption | null>(() => {
    if (!series || series.length < 2) return null;
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => fmtInt(Number(v), lang) },
      xAxis: { type: 'category', data: labels, axisTick: { show: false } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#f0f0f0' } }, minInterval: 1 },
      series: [
        {
          name: t('ov.messages'),
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: '#91caff', borderRadius: [2, 2, 0, 0] },
          data: series.map((p) => p.content.messages),
        },
        {
          name: t('ov.activeMembers'),
          type: 'line',
          smooth: 0.3,
          showSymbol: false,
          itemStyle: { color: '#1668dc' },
          data: series.map((p) => p.content.active_members),
        },
        {
          name: t('ov.productMentions'),
          type: 'line',
          smooth: 0.3,
          showSymbol: false,
          itemStyle: { color: '#fa8c16' },
          data: series.map((p) => p.content.product_mentions),
        },
      ],
    };
  }, [series, labels, t, lang]);

  return (
    <Card title={t('ov.content')} size="small" className="qy-fill-card" data-testid="card-content">
      <div className="qy-mini-stats" style={{ marginBottom: 8 }}>
        <MiniStat label={t('ov.messages')} name="messages" value={c.messages} text={fmtInt(c.messages, lang)} />
        <MiniStat label={t('ov.activeMembers')} name="active_members" value={c.active_members} text={fmtInt(c.active_members, lang)} />
        <MiniStat
          label={t('ov.productMentions')}
          name="product_mentions"
          value={c.product_mentions}
          text={fmtInt(c.product_mentions, lang)}
          hint={t('ov.mentionsNote')}
        />
        <MiniStat label={t('ov.perActive')} value={null} text={c.active_members ? fmtNum(c.messages / c.active_members, lang, 1) : '—'} />
      </div>
      {option ? <Chart option={option} height={250} testId="chart-activity" /> : null}
    </Card>
  );
}
