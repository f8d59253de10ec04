// Acquisition channels (GET /api/v1/workspace → channels): key, name, cost (for cost per member in the dashboard).
import { Card, Table, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { Loading, useApi } from '../automation/common';
import { YamlNote } from './YamlNote';
import type { Workspace } from './types';
import './messages';

type Channel = Workspace['channels'][number];

export default function ChannelsTab() {
  const { t } = useI18n();
  const state = useApi('/api/v1/workspace');
  return (
    <Card size="small" title={t('set.channels.title')}>
      <YamlNote section="channels" />
      <Loading state={state}>
        <Table<Channel>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={state.data?.channels ?? []}
          locale={{ emptyText: t('set.channels.empty') }}
          columns={[
            { title: t('set.c.key'), dataIndex: 'key', width: 200, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('set.c.name'), dataIndex: 'name' },
            { title: t('set.channels.cost'), dataIndex: 'cost', width: 160, align: 'right', render: (v: number) => `¥${v.toLocaleString()}` },
          ]}
        />
      </Loading>
    </Card>
  );
}
