// A community's summary: who runs it, size vs capacity, daily activity, the health diagnosis with its last four
// weeks, and the last 30 days' customer groups and rates (GET /api/v1/metrics?community=).
import { Card, Col, Descriptions, Progress, Row, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { fmtInt, fmtNum, fmtPct } from '../../components/format';
import { communityRef, type CommunityItem } from '../../components/useCommunityList';
import { lastDay, presetPeriod } from '../overview/period';
import { useTime } from '../../components/useTime';
import { figuresOf } from '../overview/types';
import '../overview/messages';
import { activeColor } from './CommunitiesPage';
import type { CommunityHealth, HealthWeek } from './types';

export function CommunityFacts({ c, health }: { c: CommunityItem; health?: CommunityHealth }) {
  const { t, lang } = useI18n();
  const members = health?.members ?? c.members;
  const capacity = health?.capacity ?? c.capacity ?? 200;
  const period = presetPeriod('last30', useTime().today());
  const metrics = useApi('/api/v1/metrics', { query: { from: period.from, to: period.to, community: communityRef(c.id) } });
  const m = figuresOf(metrics.data);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('cm.tab.overview')} className="qy-fill-card">
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'pid',
                label: t('cm.facts.platformId'),
                children: (
                  <span className="qy-num">
                    {c.platform}:{c.external_id}
                  </span>
                ),
              },
              { key: 'owner', label: t('cm.facts.owner'), children: c.owner ?? '—' },
              { key: 'admins', label: t('cm.facts.admins'), children: c.admins.length ? c.admins.map((a) => <Tag key={a}>{a}</Tag>) : '—' },
              {
                key: 'members',
                label: t('cm.facts.members'),
                children: (
                  <span data-testid="community-members" className="qy-num">
                    {fmtInt(members, lang)}
                  </span>
                ),
              },
              {
                key: 'capacity',
                label: t('cm.facts.capacity'),
                children: (
                  <span className="qy-num">
                    {fmtInt(capacity, lang)}
                    {c.capacity === null ? <span className="qy-muted">（{t('cm.capacityDefault')}）</span> : null}
                  </span>
                ),
              },
              {
                key: 'fill',
                label: t('cm.facts.fill'),
                children: (
                  <Progress
                    percent={Math.min(100, Math.round((members / capacity) * 100))}
                    size="small"
                    status={members > capacity ? 'exception' : 'normal'}
                    format={() => fmtPct(members / capacity, 0)}
                    style={{ maxWidth: 280, margin: 0 }}
                  />
                ),
              },
              {
                key: 'active',
                label: t('cm.facts.dailyActive'),
                children: health ? (
                  <span>
                    <b style={{ color: activeColor(health.daily_active_ratio) }}>{fmtPct(health.daily_active_ratio)}</b>
                    <span className="qy-muted">
                      {'\u3000' /* an ideographic space before the second line */}
                      {t('cm.dailyActive', { n: fmtNum(health.daily_active_members, lang, 1) })} · {t('cm.activeBand')}
                    </span>
                  </span>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('cm.facts.verdict')} className="qy-fill-card">
          {health ? (
            <>
              <p style={{ marginTop: 0 }} data-testid="health-text">
                {lang === 'zh-CN' ? health.verdict.zh : health.verdict.en}
              </p>
              <WeeksTable weeks={health.weeks} />
            </>
          ) : (
            '—'
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title={
            <>
              {t('ov.preset.last30')}
              <span className="qy-card-title-note">
                {period.from} – {lastDay(period.to)}
              </span>
            </>
          }
          extra={<Link to={`/overview?community=${c.id}`}>{t('cm.openMetrics')}</Link>}
          loading={!m && !metrics.error}
        >
          {m ? (
            <div className="qy-mini-stats cols-5">
              {(['potential', 'new', 'core', 'dormant'] as const).map((g) => (
                <div key={g}>
                  <div className="qy-stat-label">{t(`ov.group.${g}`)}</div>
                  <div className="qy-stat-value small">{fmtInt(m.groups[g], lang)}</div>
                </div>
              ))}
              <div>
                <div className="qy-stat-label">{t('ov.newMembers')}</div>
                <div className="qy-stat-value small">{fmtInt(m.acquisition.new_members, lang)}</div>
              </div>
              {(['growth', 'conversion', 'churn', 'reactivation'] as const).map((r) => (
                <div key={r}>
                  <div className="qy-stat-label">{t(`ov.rate.${r}`)}</div>
                  <div className="qy-stat-value small">{fmtPct(m.rates[r])}</div>
                </div>
              ))}
              <div>
                <div className="qy-stat-label">{t('ov.messages')}</div>
                <div className="qy-stat-value small">{fmtInt(m.content.messages, lang)}</div>
              </div>
            </div>
          ) : metrics.error ? (
            <span className="qy-muted">—</span>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}

function WeeksTable({ weeks }: { weeks: HealthWeek[] }) {
  const { t, lang } = useI18n();
  const time = useTime();
  return (
    <Table<HealthWeek>
      size="small"
      rowKey="from"
      pagination={false}
      dataSource={weeks}
      columns={[
        { title: t('cm.week'), key: 'w', render: (_, w) => `${time.monthDay(w.from)} – ${time.monthDay(w.to)}` },
        {
          title: t('cm.joiners'),
          dataIndex: 'joiners',
          align: 'right',
          render: (v: number) => <span style={{ color: '#389e0d' }}>+{fmtInt(v, lang)}</span>,
        },
        {
          title: t('cm.churned'),
          dataIndex: 'churned',
          align: 'right',
          render: (v: number) => <span style={{ color: '#cf1322' }}>−{fmtInt(v, lang)}</span>,
        },
        { title: t('cm.growth'), dataIndex: 'growth', align: 'right', render: (v: number | null) => fmtPct(v) },
        { title: t('cm.churn'), dataIndex: 'churn', align: 'right', render: (v: number | null) => fmtPct(v) },
      ]}
    />
  );
}
