// 转化: orders, revenue, refunds, first buyers and the conversion cycle; a funnel from new members to first
// buyers, and first buyers by the channel they first joined from.
import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useI18n } from '../../i18n';
import { Chart, type ChartOption } from '../../components/Chart';
import { MiniStat } from '../../components/MiniStat';
import { fmtInt, fmtMoney, fmtNum, fmtPct } from '../../components/format';
import { channelNamer, type WorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { PeriodMetrics } from './types';

export function ConversionCard({ m, info }: { m: PeriodMetrics; info: WorkspaceInfo | null }) {
  const { t, lang } = useI18n();
  const c = m.conversion;
  const name = useMemo(() => channelNamer(info, t('ov.noChannel')), [info, t]);

  const funnel = useMemo<ChartOption>(() => {
    const stages = [
      { name: t('ov.funnel.new'), value: m.acquisition.new_members },
      { name: t('ov.funnel.leads'), value: m.acquisition.leads_new },
      { name: t('ov.funnel.buyers'), value: c.first_buyers },
    ];
    const top = stages[0]!.value || 1;
    return {
      color: ['#1668dc', '#4096ff', '#13a8a8'],
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => fmtInt(Number(v), lang) },
      series: [
        {
          type: 'funnel',
          left: 4,
          right: 4,
          top: 8,
          bottom: 8,
          minSize: '28%',
          sort: 'none',
          gap: 3,
          label: {
            show: true,
            position: 'inside',
            color: '#fff',
            formatter: (p: { name: string; value: number }) => `${p.name}  ${fmtInt(p.value, lang)}  (${fmtPct(p.value / top, 0)})`,
          },
          data: stages,
        },
      ],
    };
  }, [m, c.first_buyers, t, lang]);

  const byChannel = useMemo<ChartOption | null>(() => {
    const entries = Object.entries(c.by_channel).sort((x, y) => x[1] - y[1]);
    if (entries.length === 0) return null;
    return {
      grid: { left: 4, right: 28, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => fmtInt(Number(v), lang) },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: entries.map(([k]) => name(k)),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { width: 80, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('ov.firstBuyers'),
          data: entries.map(([, v]) => v),
          barMaxWidth: 12,
          itemStyle: { color: '#722ed1', borderRadius: 3 },
          label: { show: true, position: 'right', fontSize: 11 },
        },
      ],
    };
  }, [c.by_channel, name, t, lang]);

  return (
    <Card title={t('ov.conversion')} size="small" className="qy-fill-card" data-testid="card-conversion">
      <div className="qy-mini-stats" style={{ marginBottom: 8 }}>
        <MiniStat label={t('ov.orders')} name="orders" value={c.orders} text={fmtInt(c.orders, lang)} />
        <MiniStat
          label={t('ov.revenue')}
          name="revenue"
          value={c.revenue}
          text={fmtMoney(c.revenue, lang)}
          foot={t('ov.netRevenue', { v: fmtMoney(c.revenue - c.refunds, lang) })}
        />
        <MiniStat label={t('ov.refunds')} name="refunds" value={c.refunds} text={fmtMoney(c.refunds, lang)} />
        <MiniStat label={t('ov.firstBuyers')} name="first_buyers" value={c.first_buyers} text={fmtInt(c.first_buyers, lang)} />
        <MiniStat
          label={t('ov.cycle')}
          name="cycle_days_median"
          value={c.cycle_days_median}
          text={c.cycle_days_median === null ? '—' : t('ov.days', { n: fmtNum(c.cycle_days_median, lang, 1) })}
        />
      </div>
      <Row gutter={12}>
        <Col xs={24} md={byChannel ? 14 : 24}>
          <div className="qy-chart-title">{t('ov.funnel')}</div>
          {m.acquisition.new_members + m.acquisition.leads_new + c.first_buyers > 0 ? (
            <Chart option={funnel} height={190} testId="chart-funnel" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
          )}
        </Col>
        {byChannel ? (
          <Col xs={24} md={10}>
            <div className="qy-chart-title">{t('ov.buyersByChannel')}</div>
            <Chart option={byChannel} height={190} testId="chart-buyers-channel" />
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
