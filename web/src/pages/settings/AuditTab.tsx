// The audit log (owners): who changed what, when, from where; paged on the server, filtered by actor and action.
import { useState } from 'react';
import { Card, Flex, Input, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n';
import { LoadError, useApi } from '../automation/common';
import { Time } from '../../components/Time';
import { OwnerOnly } from './OwnerOnly';
import type { AuditItem } from './types';
import './messages';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.setup',
  'workspace.update',
  'user.create',
  'user.update',
  'user.delete',
  'token.create',
  'token.revoke',
  'rule.toggle',
  'action.undo',
  'action.retry',
  'elimination.announce',
  'elimination.execute',
  'community.blueprint',
  'member.tags',
  'ledger.ingest',
  'import.members',
  'import.orders',
];

const statusColor = (s: number) => (s < 300 ? 'success' : s < 500 ? 'warning' : 'error');

function Audit() {
  const { t } = useI18n();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const state = useApi('/api/v1/audit', { query: { actor: actor.trim(), action, page, page_size: pageSize } });
  const label = (a: string) => (AUDIT_ACTIONS.includes(a) ? t(`set.audit.a.${a}`) : a);

  const columns: TableColumnsType<AuditItem> = [
    { title: t('set.audit.when'), dataIndex: 'at', width: 220, render: (v: number) => <Time value={v} seconds /> },
    { title: t('set.audit.who'), dataIndex: 'actor', width: 130 },
    {
      title: t('set.audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (a: string) => (
        <Tooltip title={a}>
          <Tag>{label(a)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('set.audit.target'),
      dataIndex: 'target',
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <span>{v}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('set.audit.status'), dataIndex: 'status', width: 80, render: (s: number) => <Tag color={statusColor(s)}>{s}</Tag> },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('set.audit.ua'),
      dataIndex: 'user_agent',
      width: 220,
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text type="secondary">{v}</Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Card size="small" title={t('set.audit.title')}>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('set.audit.actor')}
          style={{ width: 220 }}
          data-testid="audit-actor"
          onSearch={(v) => {
            setActor(v);
            setPage(1);
          }}
        />
        <Select
          allowClear
          showSearch
          placeholder={t('set.audit.actionFilter')}
          style={{ width: 240 }}
          value={action}
          data-testid="audit-action"
          onChange={(v) => {
            setAction(v);
            setPage(1);
          }}
          optionFilterProp="label"
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: `${label(a)} (${a})` }))}
        />
      </Flex>
      {state.error && !state.data ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <Table<AuditItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('set.audit.empty') }}
          expandable={{
            rowExpandable: (r) => r.details !== null && r.details !== undefined,
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>{JSON.stringify(r.details, null, 2)}</pre>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => t('set.c.total', { n }),
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      )}
    </Card>
  );
}

export default function AuditTab() {
  return (
    <OwnerOnly>
      <Audit />
    </OwnerOnly>
  );
}
