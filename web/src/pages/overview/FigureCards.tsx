// The four customer groups (as of the period's end) and the four rates, each with its trend over the series.
import type { ReactNode } from 'react';
import { Card, Col, Row, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import { Metric } from '../../components/Metric';
import { Sparkline } from '../../components/Sparkline';
import { fmtInt, fmtPct } from '../../components/format';
import type { GroupKey, PeriodMetrics, RateKey } from './types';

const GROUPS: { key: GroupKey; color: string }[] = [
  { key: 'potential', color: '#1668dc' },
  { key: 'new', color: '#52c41a' },
  { key: 'core', color: '#fa8c16' },
  { key: 'dormant', color: '#8c8c8c' },
];

const RATES: { key: RateKey; color: string }[] = [
  { key: 'growth', color: '#13a8a8' },
  { key: 'conversion', color: '#722ed1' },
  { key: 'churn', color: '#f5222d' },
  { key: 'reactivation', color: '#faad14' },
];

const pct = (v: number) => fmtPct(v);

export function GroupCards({
  m,
  series,
  labels,
  dormantDays,
  newDays,
  extra,
}: {
  m: PeriodMetrics;
  series?: PeriodMetrics[];
  labels: string[];
  dormantDays: number;
  newDays: number;
  extra?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const total = m.groups.potential + m.groups.new + m.groups.core + m.groups.dormant;
  const hintN = (k: GroupKey) => (k === 'dormant' ? dormantDays : newDays);
  return (
    <>
      <div className="qy-section-title">
        <span>
          {t('ov.groups')}
          <span className="qy-card-title-note">{t('ov.groupsNote', { n: fmtInt(total, lang) })}</span>
        </span>
        {extra}
      </div>
      <Row gutter={[16, 16]}>
        {GROUPS.map((g) => (
          <Col key={g.key} xs={12} lg={6}>
            <Card size="small" className="qy-stat-card" data-testid={`group-${g.key}`}>
              <div className="qy-stat-label">
                <span className="qy-stat-dot" style={{ background: g.color }} />
                {t(`ov.group.${g.key}`)}
                <Tooltip title={t(`ov.groupHint.${g.key}`, { n: hintN(g.key) })}>
                  <InfoCircleOutlined className="qy-muted" />
                </Tooltip>
              </div>
              <Metric name={g.key} value={m.groups[g.key]}>
                {fmtInt(m.groups[g.key], lang)}
              </Metric>
              <div className="qy-stat-foot">{total > 0 ? t('ov.share', { p: fmtPct(m.groups[g.key] / total) }) : '\u00a0'}</div>
              {series && series.length > 1 ? (
                <Sparkline labels={labels} values={series.map((p) => p.groups[g.key])} color={g.color} format={(v) => fmtInt(v, lang)} />
              ) : (
                <div style={{ height: 48 }} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function RateCards({ m, series, labels }: { m: PeriodMetrics; series?: PeriodMetrics[]; labels: string[] }) {
  const { t } = useI18n();
  return (
    <>
      <div className="qy-section-title">{t('ov.rates')}</div>
      <Row gutter={[16, 16]}>
        {RATES.map((r) => {
          const v = m.rates[r.key];
          return (
            <Col key={r.key} xs={12} lg={6}>
              <Card size="small" className="qy-stat-card" data-testid={`rate-${r.key}`}>
                <div className="qy-stat-label">
                  <span className="qy-stat-dot" style={{ background: r.color }} />
                  {t(`ov.rate.${r.key}`)}
                  <Tooltip title={t(`ov.rateHint.${r.key}`)}>
                    <InfoCircleOutlined className="qy-muted" />
                  </Tooltip>
                </div>
                <Tooltip title={v === null ? t('ov.rateNull') : undefined}>
                  <span>
                    <Metric name={r.key} value={v}>
                      {fmtPct(v)}
                    </Metric>
                  </span>
                </Tooltip>
                <div className="qy-stat-foot">{t('ov.trend')}</div>
                {series && series.length > 1 ? (
                  <Sparkline labels={labels} values={series.map((p) => p.rates[r.key])} color={r.color} format={pct} area={false} />
                ) : (
                  <div style={{ height: 48 }} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
