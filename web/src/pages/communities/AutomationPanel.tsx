// The rules (GET /api/v1/rules) and playbooks (GET /api/v1/playbooks) that apply to one community: those limited
// to it (by key or platform:key) and the workspace-wide ones. Managing them is the Automation section's job.
import { Card, Col, Empty, Row, Switch, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Time } from '../../components/Time';
import type { CommunityItem } from '../../components/useCommunityList';
import type { Playbook, PlaybookStep, Rule, RuleAction } from '../automation/types';

export const appliesTo = (c: CommunityItem, refs: string[] | null | undefined) =>
  !refs || refs.length === 0 || refs.includes(c.external_id) || refs.includes(`${c.platform}:${c.external_id}`) || refs.includes(`id:${c.id}`);

export const actionText = (a: RuleAction): string =>
  typeof a === 'string'
    ? a
    : Object.entries(a)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');

const timingText = (s: PlaybookStep) => (typeof s.timing === 'string' ? s.timing : JSON.stringify(s.timing));

export function AutomationPanel({ c }: { c: CommunityItem }) {
  const { t } = useI18n();
  const rules = useApi('/api/v1/rules');
  const playbooks = useApi('/api/v1/playbooks');
  const myRules = (rules.data?.rules ?? []).filter((r) => appliesTo(c, r.communities));
  const myPlaybooks = (playbooks.data?.playbooks ?? []).filter((p) => appliesTo(c, p.communities));
  const scope = (refs: string[] | null) => (!refs || refs.length === 0 ? <Tag>{t('cm.auto.allCommunities')}</Tag> : null);

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          size="small"
          title={t('cm.auto.rules')}
          extra={<Link to="/automation">{t('cm.auto.manage')}</Link>}
          loading={rules.loading && !rules.data}
        >
          <ErrorAlert error={rules.error} onRetry={rules.reload} />
          <Table<Rule>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={myRules}
            data-testid="community-rules"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.auto.none')} /> }}
            columns={[
              {
                title: 'Key',
                dataIndex: 'key',
                width: 130,
                render: (k: string, r) => (
                  <span>
                    {k} {scope(r.communities)}
                  </span>
                ),
              },
              { title: t('cm.auto.on'), dataIndex: 'on', width: 90, render: (o: string) => <Tag color="geekblue">{o}</Tag> },
              { title: t('cm.auto.enabled'), dataIndex: 'enabled', width: 70, render: (e: boolean) => <Switch size="small" checked={e} disabled /> },
              {
                title: t('cm.auto.actions'),
                dataIndex: 'actions',
                render: (as: RuleAction[], r) => (
                  <div>
                    <div>{r.description ?? ''}</div>
                    <div>
                      {as.map((a, i) => (
                        <Tag key={i} variant="filled">
                          {actionText(a)}
                        </Tag>
                      ))}
                    </div>
                  </div>
                ),
              },
              {
                title: t('cm.auto.week'),
                dataIndex: 'last_7_days',
                width: 160,
                render: (m: Record<string, number>) =>
                  Object.keys(m).length
                    ? Object.entries(m).map(([k, v]) => (
                        <Tag key={k}>
                          {k} {v}
                        </Tag>
                      ))
                    : '—',
              },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('cm.auto.playbooks')} loading={playbooks.loading && !playbooks.data}>
          <ErrorAlert error={playbooks.error} onRetry={playbooks.reload} />
          {myPlaybooks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.auto.noPlaybooks')} />
          ) : (
            <Table<Playbook>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={myPlaybooks}
              data-testid="community-playbooks"
              columns={[
                {
                  title: 'Key',
                  dataIndex: 'key',
                  width: 130,
                  render: (k: string, p) => (
                    <span>
                      {k} {scope(p.communities)}
                    </span>
                  ),
                },
                {
                  title: t('cm.auto.enabled'),
                  dataIndex: 'enabled',
                  width: 70,
                  render: (e: boolean) => <Switch size="small" checked={e} disabled />,
                },
                {
                  title: t('cm.auto.steps'),
                  key: 'steps',
                  render: (_, p) => (
                    <div>
                      <div>{p.description ?? ''}</div>
                      {p.steps.map((s) => (
                        <div key={s.key} className="qy-step">
                          <Tag color="cyan">{s.key}</Tag>
                          <Tooltip title={timingText(s)}>
                            <span className="qy-muted">
                              {s.runs} · {timingText(s)}
                            </span>
                          </Tooltip>
                          {s.send ? <span className="qy-step-send">{s.send}</span> : null}
                          {s.next_run ? (
                            <span className="qy-muted">
                              {' '}
                              · {t('cm.auto.next')} <Time value={s.next_run} />
                            </span>
                          ) : null}
                        </div>
                      ))}
                    </div>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
