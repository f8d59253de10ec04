// Products (GET /api/v1/workspace → products): key, name, aliases (how members mention them), tier, price.
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { Loading, useApi } from '../automation/common';
import { YamlNote } from './YamlNote';
import type { Workspace } from './types';
import './messages';

type Product = Workspace['products'][number];
const TIER_COLORS: Record<string, string> = { lead: 'default', entry: 'blue', premium: 'gold' };

export default function ProductsTab() {
  const { t } = useI18n();
  const state = useApi('/api/v1/workspace');
  return (
    <Card size="small" title={t('set.products.title')}>
      <YamlNote section="products" />
      <Loading state={state}>
        <Table<Product>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={state.data?.products ?? []}
          locale={{ emptyText: t('set.products.empty') }}
          columns={[
            { title: t('set.c.key'), dataIndex: 'key', width: 160, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('set.c.name'), dataIndex: 'name', width: 200 },
            {
              title: t('set.products.aliases'),
              dataIndex: 'aliases',
              render: (a: string[]) =>
                a.length === 0 ? (
                  '—'
                ) : (
                  <Flex wrap gap={4}>
                    {a.map((x) => (
                      <Tag key={x}>{x}</Tag>
                    ))}
                  </Flex>
                ),
            },
            {
              title: t('set.products.tier'),
              dataIndex: 'tier',
              width: 110,
              render: (v: string) => <Tag color={TIER_COLORS[v] ?? 'default'}>{v in TIER_COLORS ? t(`set.tier.${v}`) : v}</Tag>,
            },
            { title: t('set.products.price'), dataIndex: 'price', width: 120, align: 'right', render: (v: number) => `¥${v.toLocaleString()}` },
          ]}
        />
      </Loading>
    </Card>
  );
}
