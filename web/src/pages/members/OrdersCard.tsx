// The member's orders: amount, refunds, net, product and tier (amounts in 分, shown in yuan).
import { Card, Table, Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';
import { fmtMoney } from '../../components/format';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import { productNamer, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { Order } from './types';

export function OrdersCard({ orders }: { orders: Order[] }) {
  const { t, lang } = useI18n();
  const product = productNamer(useWorkspaceInfo());
  const time = useTime();
  const net = orders.reduce((s, o) => s + o.net, 0);
  const money = (v: number, o: Order) => fmtMoney(v, lang, o.currency);
  return (
    <Card
      size="small"
      title={t('md.orders')}
      extra={orders.length ? <span className="qy-muted">{t('md.order.total', { v: fmtMoney(net, lang), n: orders.length })}</span> : null}
    >
      <Table<Order>
        size="small"
        rowKey={(o) => `${o.platform}:${o.order}`}
        pagination={orders.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        dataSource={orders}
        data-testid="member-orders"
        scroll={{ x: 1020 }}
        columns={[
          { title: t('md.order.paid'), dataIndex: 'paid_at', width: 200, render: (s: string) => <Time value={s} /> },
          {
            title: t('md.order.product'),
            dataIndex: 'product',
            width: 190,
            render: (p: string | null, o) => (
              <span>
                {product(p)}
                {o.tier ? <Tag style={{ marginLeft: 6 }}>{t(`tier.${o.tier}`)}</Tag> : null}
              </span>
            ),
          },
          {
            title: t('md.order.amount'),
            dataIndex: 'amount',
            align: 'right',
            width: 110,
            render: (v: number, o) => <span className="qy-num">{money(v, o)}</span>,
          },
          {
            title: t('md.order.refunded'),
            dataIndex: 'refunded',
            align: 'right',
            width: 110,
            render: (v: number, o) =>
              v ? (
                <Tooltip title={o.refunds.map((r) => `${time.instant(r.at)} ${r.amount === null ? '' : money(r.amount, o)}`).join('\n')}>
                  <span className="qy-num" style={{ color: '#cf1322' }}>
                    −{money(v, o)}
                  </span>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            title: t('md.order.net'),
            dataIndex: 'net',
            align: 'right',
            width: 110,
            render: (v: number, o) => <b className="qy-num">{money(v, o)}</b>,
          },
          { title: t('md.order.campaign'), dataIndex: 'campaign', width: 100, render: (c: string | null) => c ?? '—' },
          {
            title: t('md.order.id'),
            dataIndex: 'order',
            width: 170,
            ellipsis: true,
            render: (s: string) => <span className="qy-muted qy-num">{s}</span>,
          },
        ]}
      />
    </Card>
  );
}
