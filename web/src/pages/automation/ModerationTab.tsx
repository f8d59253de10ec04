// The moderation log: deletes, warnings, mutes, removals and blacklists with what matched and the message; Undo.
import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Modal, Segmented, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, Hits, KindTag, LoadError, routeMissing, StatusTag, useApi } from './common';
import { Time } from '../../components/Time';
import { useCommunities } from './useCommunities';
import { ActionDrawer } from './ActionDrawer';
import type { Action, ActionPage } from './types';

const KINDS = ['delete', 'warn', 'mute', 'remove', 'blacklist'] as const;

export default function ModerationTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const communities = useCommunities();
  const [kind, setKind] = useState<string>('');
  const [rule, setRule] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [detail, setDetail] = useState<Action | null>(null);
  const [fallback, setFallback] = useState(false);
  const [modal, holder] = Modal.useModal();
  // GET /api/v1/moderation (all moderation kinds, with the message); without it, the general log one kind at a time.
  const state = useApi<ActionPage>(fallback ? '/api/v1/actions' : '/api/v1/moderation',
    { kind: fallback ? kind || 'delete' : kind, rule: rule.trim(), page, page_size: pageSize });
  const missing = !fallback && routeMissing(state.error);
  useEffect(() => { if (missing) setFallback(true); }, [missing]);
  const counts = state.data?.by_kind;
  const mayUndo = (a: Action) => !['undone', 'skipped', 'sending'].includes(a.status) && (a.community_id === null ? can('operate') : can('operate', a.community_id));

  const undo = (a: Action) => {
    modal.confirm({
      title: t('auto.mod.undoTitle', { id: a.id }),
      content: t(a.status === 'pending' ? 'auto.mod.undoPending' : 'auto.mod.undoHint'),
      okText: t('auto.mod.undo'), cancelText: t('auto.c.no'), okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await api(`/api/v1/actions/${a.id}/undo`, { method: 'POST' });
          state.reload();
        } catch (e) {
          void modal.error({ title: t('auto.mod.undoRefused'), content: errorText(e) });
        }
      },
    });
  };

  const columns: TableColumnsType<Action> = [
    { title: t('auto.c.time'), dataIndex: 'created_at', width: 200, render: (v: string) => <Time value={v} /> },
    { title: t('auto.c.member'), key: 'member', width: 170, render: (_, a) => (
      <Space orientation="vertical" size={0}>
        <Typography.Text>{a.member_name ?? (a.member_id === null ? '—' : `#${a.member_id}`)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{communities.nameOfId(a.community_id)}</Typography.Text>
      </Space>
    ) },
    { title: t('auto.c.kind'), key: 'kind', width: 120, render: (_, a) => (
      <Space size={2}><KindTag kind={a.kind} />{typeof a.payload.step === 'number' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('auto.c.step', { n: a.payload.step })}</Typography.Text>}</Space>
    ) },
    { title: t('auto.rules.rule'), dataIndex: 'rule', width: 110, ellipsis: true },
    { title: t('auto.c.matched'), key: 'hits', width: 190, render: (_, a) => (a.reason.hits?.length ? <Hits hits={a.reason.hits} />
      : <Typography.Text type="secondary">{a.reason.detail ?? '—'}</Typography.Text>) },
    ...(fallback ? [] : [{ title: t('auto.mod.message'), dataIndex: 'message_text', ellipsis: { showTitle: false }, render: (v: string | null | undefined) => (v
      ? <Tooltip title={v}><Typography.Text>{v}</Typography.Text></Tooltip> : <Typography.Text type="secondary">—</Typography.Text>) }]),
    { title: t('auto.c.status'), dataIndex: 'status', width: 96, render: (s: string) => <StatusTag status={s} /> },
    { title: '', key: 'ops', width: 120, fixed: 'right', render: (_, a) => (
      <Space size={4}>
        <Button size="small" type="link" onClick={() => setDetail(a)}>{t('auto.c.details')}</Button>
        {mayUndo(a) && <Button size="small" danger onClick={() => undo(a)} data-testid={`action-undo-${a.id}`}>{t('auto.mod.undo')}</Button>}
      </Space>
    ) },
  ];

  const kindOptions = [...(fallback ? [] : [{ value: '', label: t('auto.ob.all') }]),
    ...KINDS.map((k) => ({ value: k, label: `${t(`auto.kind.${k}`)}${counts ? ` ${counts[k] ?? 0}` : ''}` }))];
  return (
    <Card size="small">
      {holder}
      <Flex vertical gap={12}>
        <Flex gap={8} wrap justify="space-between">
          <Segmented value={fallback ? kind || 'delete' : kind} onChange={(v) => { setKind(String(v)); setPage(1); }} options={kindOptions} />
          <Flex gap={8}>
            <Input.Search allowClear placeholder={t('auto.ob.rule')} style={{ width: 200 }} onSearch={(v) => { setRule(v); setPage(1); }} />
            <Button onClick={state.reload}>{t('auto.c.refresh')}</Button>
          </Flex>
        </Flex>
        {state.error && !routeMissing(state.error) ? <LoadError error={state.error} onRetry={state.reload} /> : (
          <Table<Action> rowKey="id" size="small" columns={columns} dataSource={state.data?.items ?? []} loading={state.loading} scroll={{ x: 1160 }}
            locale={{ emptyText: t('auto.mod.empty') }}
            pagination={{ current: page, pageSize, total: state.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('auto.c.total', { n }),
              onChange: (p, s) => { setPage(p); setPageSize(s); } }} />
        )}
      </Flex>
      <ActionDrawer id={detail?.id ?? null} messageText={detail?.message_text} onClose={() => setDetail(null)} />
    </Card>
  );
}
