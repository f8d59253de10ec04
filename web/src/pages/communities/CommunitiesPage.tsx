// 社群 list: GET /api/v1/communities (names, owners, blueprints) joined with GET /api/v1/communities/health
// (size vs capacity, daily active ratio, last 4 weeks, verdict).
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Input, Progress, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Metric } from '../../components/Metric';
import { fmtInt, fmtNum, fmtPct } from '../../components/format';
import { useTime } from '../../components/useTime';
import type { CommunityItem } from '../../components/useCommunityList';
import { HealthTag, PlatformTag } from './HealthTag';
import { WeeksBars } from './WeeksBars';
import type { CommunityHealth } from './types';
import './messages';

interface CRow extends CommunityItem {
  health?: CommunityHealth;
}

export default function CommunitiesPage() {
  const { t, lang } = useI18n();
  const time = useTime();
  const list = useApi('/api/v1/communities');
  const health = useApi('/api/v1/communities/health');
  const [q, setQ] = useState('');

  const rows = useMemo<CRow[]>(() => {
    const byId = new Map(health.data?.communities.map((h) => [h.community.id, h]) ?? []);
    const needle = q.trim().toLowerCase();
    return (list.data?.items ?? [])
      .map((c) => ({ ...c, health: byId.get(c.id) }))
      .filter((c) => !needle || [c.name ?? '', c.external_id, c.owner ?? ''].some((s) => s.toLowerCase().includes(needle)));
  }, [list.data, health.data, q]);

  const counts = useMemo(() => {
    const hs = health.data?.communities ?? [];
    return {
      total: list.data?.items.length ?? 0,
      members: hs.reduce((n, h) => n + h.members, 0),
      healthy: hs.filter((h) => h.verdict.status === 'healthy').length,
      watch: hs.filter((h) => h.verdict.status === 'watch').length,
      unhealthy: hs.filter((h) => h.verdict.status === 'unhealthy').length,
    };
  }, [list.data, health.data]);

  const columns: ColumnsType<CRow> = [
    {
      title: t('cm.col.name'),
      key: 'name',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => (a.name ?? '').localeCompare(b.name ?? ''),
      render: (_, c) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/communities/${c.id}`} data-testid={`community-link-${c.id}`}>
            {c.name ?? c.external_id}
          </Link>
          <div className="qy-muted" style={{ fontSize: 12 }}>
            {c.external_id}
          </div>
        </div>
      ),
    },
    { title: t('cm.col.platform'), dataIndex: 'platform', width: 100, render: (p: string) => <PlatformTag platform={p} /> },
    { title: t('cm.col.owner'), dataIndex: 'owner', width: 110, ellipsis: true, render: (o: string | null) => o ?? '—' },
    {
      title: t('cm.col.size'),
      key: 'size',
      width: 190,
      sorter: (a, b) => (a.health?.fill ?? 0) - (b.health?.fill ?? 0),
      render: (_, c) => {
        const members = c.health?.members ?? c.members;
        const cap = c.health?.capacity ?? c.capacity ?? 200;
        const fill = members / cap;
        return (
          <Tooltip title={c.capacity === null ? t('cm.capacityDefault') : undefined}>
            <div className="qy-size-cell">
              <span className="qy-num">
                {fmtInt(members, lang)} / {fmtInt(cap, lang)}
              </span>
              <Progress
                percent={Math.min(100, Math.round(fill * 100))}
                size="small"
                showInfo={false}
                status={fill > 1 ? 'exception' : 'normal'}
                strokeColor={fill > 1 ? undefined : fill > 0.9 ? '#fa8c16' : undefined}
              />
            </div>
          </Tooltip>
        );
      },
    },
    {
      title: (
        <Tooltip title={t('cm.activeBand')}>
          <span>{t('cm.col.active')}</span>
        </Tooltip>
      ),
      key: 'active',
      width: 100,
      sorter: (a, b) => (a.health?.daily_active_ratio ?? -1) - (b.health?.daily_active_ratio ?? -1),
      render: (_, c) =>
        c.health ? (
          <Tooltip title={t('cm.dailyActive', { n: fmtNum(c.health.daily_active_members, lang, 1) })}>
            <span className="qy-num" style={{ color: activeColor(c.health.daily_active_ratio) }}>
              {fmtPct(c.health.daily_active_ratio)}
            </span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('cm.col.trend'), key: 'weeks', width: 130, render: (_, c) => (c.health ? <WeeksBars weeks={c.health.weeks} /> : '—') },
    {
      title: t('cm.col.health'),
      key: 'health',
      filters: (['healthy', 'watch', 'unhealthy'] as const).map((s) => ({ text: t(`cm.${s}`), value: s })),
      onFilter: (v, c) => c.health?.verdict.status === v,
      render: (_, c) => (c.health ? <HealthTag verdict={c.health.verdict} detail /> : '—'),
    },
    {
      title: t('cm.col.blueprint'),
      key: 'bp',
      width: 90,
      render: (_, c) =>
        c.blueprint ? (
          <Tag color="blue" variant="filled">
            {t('cm.hasBlueprint')}
          </Tag>
        ) : (
          <Tag variant="filled">{t('cm.noBlueprint')}</Tag>
        ),
    },
  ];

  return (
    <div data-testid="communities-page">
      <PageHeader
        title={t('cm.title')}
        subtitle={health.data ? t('cm.subtitle', { at: time.instant(health.data.at) }) : undefined}
        extra={
          <Input.Search
            allowClear
            placeholder={t('cm.search')}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
            data-testid="communities-search"
          />
        }
      />
      <ErrorAlert
        error={list.error ?? health.error}
        onRetry={() => {
          list.reload();
          health.reload();
        }}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { k: 'count', label: t('cm.count'), v: counts.total },
          { k: 'members_present', label: t('cm.totalMembers'), v: counts.members },
          { k: 'healthy', label: t('cm.healthy'), v: counts.healthy, color: '#52c41a' },
          { k: 'watch', label: t('cm.watch'), v: counts.watch, color: '#faad14' },
          { k: 'unhealthy', label: t('cm.unhealthy'), v: counts.unhealthy, color: '#f5222d' },
        ].map((s) => (
          <Col key={s.k} xs={12} sm={8} lg={{ flex: '1 1 0' }}>
            <Card size="small" className="qy-stat-card">
              <div className="qy-stat-label">
                {s.color ? <span className="qy-stat-dot" style={{ background: s.color }} /> : null}
                {s.label}
              </div>
              <Metric name={`communities-${s.k}`} value={s.v} className="qy-stat-value small">
                {fmtInt(s.v, lang)}
              </Metric>
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Table<CRow>
          rowKey="id"
          size="middle"
          data-testid="communities-table"
          loading={list.loading || health.loading}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: list.loading ? ' ' : <Empty description={t('cm.empty')} /> }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('cm.activeBand')}
      </Typography.Paragraph>
    </div>
  );
}

export function activeColor(r: number | null): string | undefined {
  if (r === null || r < 0.05) return '#f5222d';
  if (r < 0.1) return '#fa8c16';
  if (r <= 0.15) return '#389e0d';
  return '#1668dc';
}
