// The outbox: every action with its delivery state, attempts and last error; dead letters with Retry; a detail drawer.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Input,
  message,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { apiSend } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, KindTag, LoadError, STATUSES, StatusTag, useApi } from './common';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import { useCommunities } from './useCommunities';
import { ActionDrawer } from './ActionDrawer';
import type { Action, ActionKind, ActionStatus } from './types';

// Every kind the contract names, in the order the filter lists them (a kind added to the server fails to compile here).
const KIND_ORDER: Record<ActionKind, number> = {
  delete: 0,
  warn: 1,
  mute: 2,
  remove: 3,
  blacklist: 4,
  send: 5,
  reply: 6,
  tag: 7,
  notify: 8,
  approve: 9,
  decline: 10,
  unmute: 11,
  unblacklist: 12,
};
const KINDS = (Object.keys(KIND_ORDER) as ActionKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

export default function OutboxTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const time = useTime();
  const communities = useCommunities();
  const [status, setStatus] = useState<ActionStatus | ''>('');
  const [kind, setKind] = useState<ActionKind | undefined>();
  const [rule, setRule] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [detail, setDetail] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [msg, holder] = message.useMessage();
  const state = useApi('/api/v1/actions', { query: { status: status || undefined, kind, rule: rule.trim(), page, page_size: pageSize } });
  const counts = state.data?.by_status ?? {};
  const mayAct = (a: Action) => (a.community_id === null ? can('operate') : can('operate', a.community_id));

  const act = async (a: Action, what: 'retry' | 'undo') => {
    setBusy(a.id);
    try {
      await apiSend('post', what === 'retry' ? '/api/v1/actions/{id}/retry' : '/api/v1/actions/{id}/undo', { path: { id: a.id } });
      void msg.success(t(what === 'retry' ? 'auto.ob.retried' : 'auto.ob.cancelled', { id: a.id }));
      state.reload();
    } catch (e) {
      void msg.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const columns: TableColumnsType<Action> = [
    { title: 'ID', dataIndex: 'id', width: 64 },
    { title: t('auto.c.time'), dataIndex: 'created_at', width: 200, render: (v: string) => <Time value={v} testId="action-time" /> },
    { title: t('auto.rules.rule'), dataIndex: 'rule', width: 150, ellipsis: true },
    { title: t('auto.c.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <KindTag kind={k} /> },
    {
      title: t('auto.ob.target'),
      key: 'target',
      width: 190,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{a.member_id === null ? t('auto.ob.wholeCommunity') : (a.member_name ?? `#${a.member_id}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {communities.nameOfId(a.community_id)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('auto.c.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string, a) =>
        s === 'pending' || s === 'dead' ? (
          <Tooltip title={t('auto.ob.dueAt', { at: time.instant(a.due_at) })}>
            <span>
              <StatusTag status={s} />
            </span>
          </Tooltip>
        ) : (
          <StatusTag status={s} />
        ),
    },
    { title: t('auto.c.attempts'), dataIndex: 'attempts', width: 70, align: 'right' },
    {
      title: t('auto.c.lastError'),
      dataIndex: 'last_error',
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text type="danger">{v}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'ops',
      width: 120,
      fixed: 'right',
      render: (_, a) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setDetail(a.id)}>
            {t('auto.c.details')}
          </Button>
          {a.status === 'dead' && mayAct(a) && (
            <Button size="small" loading={busy === a.id} onClick={() => void act(a, 'retry')} data-testid={`action-retry-${a.id}`}>
              {t('auto.ob.retry')}
            </Button>
          )}
          {a.status === 'pending' && mayAct(a) && (
            <Popconfirm title={t('auto.ob.cancelConfirm')} onConfirm={() => act(a, 'undo')} okText={t('auto.c.yes')} cancelText={t('auto.c.no')}>
              <Button size="small" danger loading={busy === a.id}>
                {t('auto.ob.cancel')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small">
      {holder}
      <Flex vertical gap={12}>
        <Flex gap={8} wrap justify="space-between">
          <Segmented<ActionStatus | ''>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            data-testid="outbox-status"
            options={[
              { value: '', label: t('auto.ob.all') },
              ...STATUSES.map((s) => ({ value: s, label: `${t(`auto.status.${s}`)} ${counts[s] ?? ''}`.trim() })),
            ]}
          />
          <Flex gap={8}>
            <Select
              allowClear
              placeholder={t('auto.c.kind')}
              style={{ width: 130 }}
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPage(1);
              }}
              options={KINDS.map((k) => ({ value: k, label: t(`auto.kind.${k}`) }))}
            />
            <Input.Search
              allowClear
              placeholder={t('auto.ob.rule')}
              style={{ width: 200 }}
              onSearch={(v) => {
                setRule(v);
                setPage(1);
              }}
            />
            <Button onClick={state.reload}>{t('auto.c.refresh')}</Button>
          </Flex>
        </Flex>
        {(counts.dead ?? 0) > 0 && status !== 'dead' && (
          <Alert
            type="warning"
            showIcon
            title={t('auto.ob.deadBanner', { n: counts.dead ?? 0 })}
            action={
              <Button
                size="small"
                onClick={() => {
                  setStatus('dead');
                  setPage(1);
                }}
              >
                {t('auto.ob.showDead')}
              </Button>
            }
          />
        )}
        {state.error ? (
          <LoadError error={state.error} onRetry={state.reload} />
        ) : (
          <Table<Action>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={state.data?.items ?? []}
            loading={state.loading}
            scroll={{ x: 1160 }}
            locale={{ emptyText: t('auto.ob.empty') }}
            pagination={{
              current: page,
              pageSize,
              total: state.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (n) => t('auto.c.total', { n }),
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
          />
        )}
      </Flex>
      <ActionDrawer id={detail} onClose={() => setDetail(null)} />
    </Card>
  );
}
