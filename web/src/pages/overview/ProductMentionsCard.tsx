// 产品传递: how often each product was named in the period's messages (GET /api/v1/metrics/products), as bars.
import { Card, Empty, Progress, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fmtInt } from '../../components/format';
import type { MetricsQuery } from './types';

export function ProductMentionsCard({ query }: { query: Omit<MetricsQuery, 'by'> }) {
  const { t, lang } = useI18n();
  const res = useApi('/api/v1/metrics/products', { query });
  const list = res.data?.products ?? [];
  const top = Math.max(1, ...list.map((p) => p.mentions));
  return (
    <Card
      title={t('ov.byProduct')}
      size="small"
      loading={res.loading && !res.data}
      data-testid="card-products"
      extra={<span className="qy-muted">{t('ov.byProductNote')}</span>}
    >
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {res.data && list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ov.noProducts')} /> : null}
      <div className="qy-product-bars">
        {list.map((p) => (
          <div key={p.key} className="qy-product-bar" data-testid={`product-${p.key}`} data-value={p.mentions}>
            <span className="qy-product-name">
              {p.name} <Tag variant="filled">{t(`ov.tier.${p.tier}`)}</Tag>
            </span>
            <Progress percent={(p.mentions / top) * 100} showInfo={false} size="small" strokeColor="#fa8c16" />
            <span className="qy-num qy-product-count">{fmtInt(p.mentions, lang)}</span>
          </div>
        ))}
      </div>
    </Card>
  );
}
