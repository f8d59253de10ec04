// Seed 003's eight roles in one community: GET /api/v1/roles?community= (counts, pie) and, for the picked role,
// GET /api/v1/roles/members?community=&role= (who, and the behaviour the role was assigned from).
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Chart, PALETTE, type ChartOption } from '../../components/Chart';
import { fmtInt, fmtPct } from '../../components/format';
import type { RoleCount, RoleMember } from './types';
import '../../components/memberMessages';

export function RolesPanel({ communityRef }: { communityRef: string }) {
  const { t, lang } = useI18n();
  const roles = useApi('/api/v1/roles', { query: { community: communityRef } });
  const [role, setRole] = useState<RoleCount['key'] | null>(null);
  const [page, setPage] = useState(1);
  const who = useApi(role ? '/api/v1/roles/members' : null, { query: { community: communityRef, role: role ?? undefined, page, page_size: 20 } });
  const list = roles.data?.roles ?? [];
  const label = (r: RoleCount) => (lang === 'zh-CN' ? r.name_zh : r.name_en);

  const option = useMemo<ChartOption | null>(() => {
    const data = list.filter((r) => r.members > 0).map((r) => ({ name: lang === 'zh-CN' ? r.name_zh : r.name_en, value: r.members, key: r.key }));
    if (data.length === 0) return null;
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => fmtInt(Number(v), lang) },
      legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10 },
      series: [{ type: 'pie', radius: ['42%', '72%'], center: ['36%', '50%'], avoidLabelOverlap: true, label: { formatter: '{d}%' }, data }],
    };
  }, [list, lang]);

  const pick = (name: string) => {
    const r = list.find((x) => label(x) === name || x.key === name);
    if (r) {
      setRole(r.key);
      setPage(1);
    }
  };
  const picked = list.find((r) => r.key === role);

  return (
    <>
      <ErrorAlert error={roles.error} onRetry={roles.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={
              <>
                {t('cm.tab.roles')}
                <span className="qy-card-title-note">{t('cm.roles.note')}</span>
              </>
            }
            loading={roles.loading && !roles.data}
          >
            {option ? <Chart option={option} height={260} onClickName={pick} testId="chart-roles" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('cm.roles.pick')} loading={roles.loading && !roles.data}>
            <Table<RoleCount>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={list}
              data-testid="roles-table"
              rowClassName={(r) => (r.key === role ? 'ant-table-row-selected qy-table-link' : 'qy-table-link')}
              onRow={(r) => ({
                onClick: () => {
                  setRole(r.key);
                  setPage(1);
                },
              })}
              columns={[
                { title: t('cm.roles.role'), key: 'role', render: (_, r) => label(r) },
                { title: t('cm.roles.members'), dataIndex: 'members', align: 'right', render: (n: number) => fmtInt(n, lang) },
                { title: t('cm.roles.share'), dataIndex: 'share', align: 'right', render: (s: number | null) => fmtPct(s) },
              ]}
            />
          </Card>
        </Col>
        {picked ? (
          <Col span={24}>
            <Card size="small" title={t('cm.roles.who', { role: label(picked) })}>
              <ErrorAlert error={who.error} onRetry={who.reload} />
              <Table<RoleMember>
                size="small"
                rowKey="member_id"
                loading={who.loading}
                dataSource={who.data?.items ?? []}
                data-testid="role-members-table"
                pagination={{ current: page, pageSize: 20, total: who.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
                columns={[
                  {
                    title: t('mb.col.name'),
                    key: 'name',
                    render: (_, m) => <Link to={`/members/${m.member_id}`}>{m.name ?? `#${m.member_id}`}</Link>,
                  },
                  { title: t('cm.roles.messages'), dataIndex: 'messages', align: 'right' },
                  { title: t('cm.roles.repliesGiven'), dataIndex: 'replies_given', align: 'right' },
                  { title: t('cm.roles.repliesReceived'), dataIndex: 'replies_received', align: 'right' },
                  { title: t('cm.roles.partners'), dataIndex: 'partners', align: 'right' },
                  { title: t('cm.roles.checkins'), dataIndex: 'checkins', align: 'right' },
                  { title: t('cm.roles.removals'), dataIndex: 'removals', align: 'right' },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
