// Preview of a playbook (POST /api/v1/playbooks/{key}/preview): whom each step's next occurrence reaches, with the text.
import { useEffect, useState } from 'react';
import { Alert, Card, Drawer, Empty, Flex, Select, Spin, Table, Tag, Typography } from 'antd';
import { apiSend } from '../../api';
import { useI18n } from '../../i18n';
import { errorText } from './common';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import type { PreviewAnswer, PreviewSend } from './types';

export function PreviewDrawer({ playbook, onClose }: { playbook: string | null; onClose(): void }) {
  const { t } = useI18n();
  const time = useTime();
  const [days, setDays] = useState(7);
  const [data, setData] = useState<PreviewAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!playbook) return;
    let live = true;
    setData(null);
    setError(null);
    apiSend('post', '/api/v1/playbooks/{key}/preview', { path: { key: playbook }, body: { days, limit: 100 } })
      .then((d) => {
        if (live) setData(d);
      })
      .catch((e: unknown) => {
        if (live) setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [playbook, days]);

  return (
    <Drawer
      open={playbook !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      title={t('auto.pv.title', { key: playbook ?? '' })}
      extra={
        <Select
          value={days}
          onChange={setDays}
          style={{ width: 120 }}
          options={[1, 7, 14, 30, 90].map((d) => ({ value: d, label: t('auto.pv.days', { n: d }) }))}
        />
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!error && !data && <Spin />}
      {data && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('auto.pv.hint')}</Typography.Text>
          {data.note && <Alert type="info" showIcon title={data.note} />}
          {data.steps.map((s) => (
            <Card
              key={s.key}
              size="small"
              title={
                <Flex gap={8} align="center">
                  <span>{s.key}</span>
                  <Tag>{t(`auto.pb.to.${s.to}`)}</Tag>
                </Flex>
              }
              extra={<Typography.Text type="secondary">{t('auto.pv.next', { at: time.instant(s.next_at), n: s.total })}</Typography.Text>}
            >
              {s.sends.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auto.pv.none')} />
              ) : (
                <Table<PreviewSend & { i: number }>
                  size="small"
                  rowKey="i"
                  dataSource={s.sends.map((x, i) => ({ ...x, i }))}
                  pagination={s.sends.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  columns={[
                    { title: t('auto.c.time'), dataIndex: 'at', width: 200, render: (v: string) => <Time value={v} /> },
                    {
                      title: t('auto.pv.recipient'),
                      key: 'who',
                      width: 180,
                      render: (_, x) => ('member_id' in x ? (x.member_name ?? `#${x.member_id}`) : x.community_name),
                    },
                    {
                      title: t('auto.c.content'),
                      dataIndex: 'text',
                      render: (v: string | null, x) => (
                        <Flex gap={4} wrap>
                          <Typography.Text>{v ?? ''}</Typography.Text>
                          {'tag' in x && x.tag && <Tag color="geekblue">{x.tag}</Tag>}
                        </Flex>
                      ),
                    },
                  ]}
                />
              )}
            </Card>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
