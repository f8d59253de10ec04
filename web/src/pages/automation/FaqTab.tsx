// The FAQ knowledge base (GET /api/v1/faq): entries of each answering rule, and how many questions were answered
// automatically vs handed to an operator.
import { useState } from 'react';
import { Card, Empty, Flex, Progress, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { LoadError, Loading, pct, useApi } from './common';
import type { FaqRule } from './types';

type Entry = FaqRule['entries'][number];

function RuleEntries({ rule }: { rule: FaqRule }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{rule.key}</Typography.Text>
          <Tag color={rule.enabled ? 'success' : 'default'}>{t(rule.enabled ? 'auto.pb.on' : 'auto.pb.off')}</Tag>
          {rule.description && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {rule.description}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Typography.Text type="secondary">
          {t('auto.faq.ruleShare', { a: rule.answered, h: rule.handed_over, p: pct(rule.answered_share) })}
          {rule.threshold !== null ? ` · ${t('auto.faq.threshold', { n: rule.threshold })}` : ''}
        </Typography.Text>
      }
    >
      <Table<Entry>
        rowKey="index"
        size="small"
        pagination={false}
        dataSource={rule.entries}
        locale={{ emptyText: t('auto.faq.noEntries') }}
        columns={[
          { title: '#', dataIndex: 'index', width: 50, render: (i: number) => i + 1 },
          { title: t('auto.faq.question'), dataIndex: 'question', width: 220 },
          {
            title: t('auto.faq.keywords'),
            dataIndex: 'keywords',
            width: 260,
            render: (ks: string[]) =>
              ks.length === 0 ? (
                '—'
              ) : (
                <Flex wrap gap={4}>
                  {ks.map((k) => (
                    <Tag key={k}>{k}</Tag>
                  ))}
                </Flex>
              ),
          },
          {
            title: t('auto.faq.answer'),
            dataIndex: 'answer',
            render: (a: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{a}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

export default function FaqTab() {
  const { t } = useI18n();
  const [days, setDays] = useState(7);
  const state = useApi('/api/v1/faq', { query: { days } });
  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  const d = state.data;
  const total = (d?.answered ?? 0) + (d?.handed_over ?? 0);
  return (
    <Loading state={state}>
      <Flex vertical gap={16}>
        <Card
          size="small"
          title={t('auto.faq.title')}
          extra={
            <Segmented
              value={days}
              onChange={(v) => setDays(Number(v))}
              options={[7, 30, 90].map((n) => ({ value: n, label: t('auto.faq.days', { n }) }))}
            />
          }
        >
          <Flex gap={48} wrap align="center">
            <Progress
              type="dashboard"
              size={110}
              percent={d?.answered_share == null ? 0 : Math.round(d.answered_share * 1000) / 10}
              format={() => pct(d?.answered_share)}
            />
            <Statistic title={t('auto.faq.questions')} value={total} />
            <Statistic title={t('auto.faq.answered')} value={d?.answered ?? 0} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('auto.faq.handed')} value={d?.handed_over ?? 0} styles={{ content: { color: '#d46b08' } }} />
            <Typography.Text type="secondary" style={{ maxWidth: 360 }}>
              {t('auto.faq.hint')}
            </Typography.Text>
          </Flex>
        </Card>
        {(d?.rules.length ?? 0) === 0 ? <Empty description={t('auto.faq.empty')} /> : d!.rules.map((r) => <RuleEntries key={r.key} rule={r} />)}
      </Flex>
    </Loading>
  );
}
