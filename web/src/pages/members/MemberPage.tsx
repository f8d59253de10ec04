// One member (/members/:id): GET /api/v1/members/{id}?timeline_limit= — profile, identities, tags (editable),
// communities with their join/leave history, orders, and the event timeline.
import { useState } from 'react';
import { Alert, Card, Col, Row, Space, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { GROUP_COLORS } from '../../components/memberMessages';
import { TagEditor } from './TagEditor';
import { MemberProfile } from './MemberProfile';
import { MembershipsCard } from './MembershipsCard';
import { OrdersCard } from './OrdersCard';
import { TimelineCard } from './TimelineCard';
import './messages';

export default function MemberPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const [limit, setLimit] = useState(50);
  const res = useApi(/^\d+$/.test(id) ? '/api/v1/members/{id}' : null, { path: { id: Number(id) }, query: { timeline_limit: limit } });
  const m = res.data;

  if (!/^\d+$/.test(id) || (res.error instanceof ApiError && res.error.status === 404)) {
    return (
      <>
        <PageHeader title={t('md.notFound')} back="/members" />
        <ErrorAlert error={res.error} />
      </>
    );
  }
  if (!m || (String(m.id) !== id && m.merged_from !== Number(id))) {
    return (
      <div data-testid="member-page">
        <PageHeader title={t('mp.title')} back="/members" />
        {res.error ? <ErrorAlert error={res.error} onRetry={res.reload} /> : <PageSkeleton />}
      </div>
    );
  }
  const editable = m.memberships.some((ms) => can('operate', ms.community.id)) || can('owner');
  return (
    <div data-testid="member-page">
      <PageHeader
        back="/members"
        title={<span data-testid="member-title">{m.name ?? t('mb.unnamed', { id: m.id })}</span>}
        tags={
          <Space size={4}>
            {m.group ? <Tag color={GROUP_COLORS[m.group]}>{t(`group.${m.group}`)}</Tag> : null}
            {m.rfm_segment ? (
              <Tag color="purple" variant="outlined">
                {t(`rfm.${m.rfm_segment}`)}
              </Tag>
            ) : null}
            {m.lead ? <Tag color="gold">{t('md.lead')}</Tag> : null}
            <Tag color="cyan">{t(`eng.${m.engagement.level}`)}</Tag>
          </Space>
        }
        subtitle={`#${m.id}${m.phone ? ` · ${m.phone}` : ''}`}
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {m.merged_from ? <Alert type="info" showIcon title={t('md.mergedFrom', { id: m.merged_from })} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <MemberProfile m={m} />
            <Card size="small" title={t('md.tags')}>
              <TagEditor memberId={m.id} tags={m.tags} editable={editable} onChange={(tags) => res.setData({ ...m, tags })} />
            </Card>
            <Card size="small" title={t('md.identities')}>
              <Space orientation="vertical" size={4} data-testid="member-identities">
                {m.identities.map((i) => (
                  <span key={`${i.platform}:${i.id}`}>
                    <Tag>{i.platform}</Tag>
                    <span className="qy-num">{i.id}</span>
                  </span>
                ))}
              </Space>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <MembershipsCard memberships={m.memberships} />
            <OrdersCard orders={m.orders} />
            <TimelineCard
              m={m}
              loading={res.loading}
              onMore={limit < 1000 && m.timeline.length >= limit ? () => setLimit(Math.min(1000, limit * 4)) : undefined}
            />
          </Space>
        </Col>
      </Row>
    </div>
  );
}
