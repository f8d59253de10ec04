// The moderation log: deletes, warnings, mutes, removals and blacklists with what matched and the message; Undo.
import { useState } from 'react';
import { Button, Card, Flex, Input, Modal, Segmented, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { apiSend } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, Hits, KindTag, LoadError, reasonOf, StatusTag, useApi } from './common';
import { Time } from '../../components/Time';
import { useCommunities } from './useCommunities';
import { ActionDrawer } from './ActionDrawer';
import type { ModerationItem, ModerationKind } from './types';

const KINDS: ModerationKind[] = ['delete', 'warn', 'mute', 'remove', 'blacklist'];

export default function ModerationTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const communities = useCommunities();
  const [kind, setKind] = useState<ModerationKind | ''>('');
  const [rule, setRule] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [detail, setDetail] = useState<ModerationItem | null>(null);
  const [modal, holder] = Modal.useModal();
  const state = useApi('/api/v1/moderation', { query: { kind: kind || undefined, rule: rule.trim(), page, page_size: pageSize } });
  const counts = state.data?.by_kind;
  const mayUndo = (a: ModerationItem) =>
    !['undone', 'skipped', 'sending'].includes(a.status) && (a.community_id === null ? can('operate') : can('operate', a.community_id));

  const undo = (a: ModerationItem) => {
    modal.confirm({
      title: t('auto.mod.undoTitle', { id: a.id }),
      content: t(a.status === 'pending' ? 'auto.mod.undoPending' : 'auto.mod.undoHint'),
      okText: t('auto.mod.undo'),
      cancelText: t('auto.c.no'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await apiSend('post', '/api/v1/actions/{id}/undo', { path: { id: a.id } });
          state.reload();
        } catch (e) {
          void modal.error({ title: t('auto.mod.undoRefused'), content: errorText(e) });
        }
      },
    });
  };

  const columns: TableColumnsType<ModerationItem> = [
    { title: t('auto.c.time'), dataIndex: 'created_at', width: 200, render: (v: string) => <Time value={v} /> },
    {
      title: t('auto.c.member'),
      key: 'member',
      width: 170,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{a.member_name ?? (a.member_id === null ? '—' : `#${a.member_id}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {communities.nameOfId(a.community_id)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('auto.c.kind'),
      key: 'kind',
      width: 120,
      render: (_, a) => (
        <Space size={2}>
          <KindTag kind={a.kind} />
          {typeof a.payload.step === 'number' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('auto.c.step', { n: a.payload.step })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('auto.rules.rule'), dataIndex: 'rule', width: 110, ellipsis: true },
    {
      title: t('auto.c.matched'),
      key: 'hits',
      width: 190,
      render: (_, a) => {
        const { hits, detail } = reasonOf(a);
        return hits.length ? <Hits hits={hits} /> : <Typography.Text type="secondary">{detail ?? '—'}</Typography.Text>;
      },
    },
    {
      title: t('auto.mod.message'),
      dataIndex: 'message_text',
      ellipsis: { showTitle: false },
      render: (v: string | null) =>
        v ? (
          <Tooltip title={v}>
            <Typography.Text>{v}</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('auto.c.status'), dataIndex: 'status', width: 96, render: (s: string) => <StatusTag status={s} /> },
    {
      title: '',
      key: 'ops',
      width: 120,
      fixed: 'right',
      render: (_, a) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setDetail(a)}>
            {t('auto.c.details')}
          </Button>
          {mayUndo(a) && (
            <Button size="small" danger onClick={() => undo(a)} data-testid={`action-undo-${a.id}`}>
              {t('auto.mod.undo')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const kindOptions = [
    { value: '' as const, label: t('auto.ob.all') },
    ...KINDS.map((k) => ({ value: k, label: `${t(`auto.kind.${k}`)}${counts ? ` ${counts[k] ?? 0}` : ''}` })),
  ];
  return (
    <Card size="small">
      {holder}
      <Flex vertical gap={12}>
        <Flex gap={8} wrap justify="space-between">
          <Segmented<ModerationKind | ''>
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={kindOptions}
          />
          <Flex gap={8}>
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
        {state.error ? (
          <LoadError error={state.error} onRetry={state.reload} />
        ) : (
          <Table<ModerationItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={state.data?.items ?? []}
            loading={state.loading}
            scroll={{ x: 1160 }}
            locale={{ emptyText: t('auto.mod.empty') }}
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
      <ActionDrawer id={detail?.id ?? null} messageText={detail?.message_text} onClose={() => setDetail(null)} />
    </Card>
  );
}
