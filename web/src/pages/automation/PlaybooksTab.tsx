// Playbooks: each with its steps (timing, text, next run, sent / queued / skipped), a preview drawer, and a month calendar.
import { lazy, Suspense, useState } from 'react';
import { Button, Card, Empty, Flex, Segmented, Space, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../i18n';
import { Loading, useApi } from './common';
import { Time } from '../../components/Time';
import { useCommunities } from './useCommunities';
import { PreviewDrawer } from './PreviewDrawer';
import type { Playbook, PlaybookStep } from './types';

const PlaybookCalendar = lazy(() => import('./PlaybookCalendar'));

type T = (k: string, v?: Record<string, string | number>) => string;

/** A 5-field cron in words when it is a plain daily / weekly / monthly time; null otherwise. */
function cronWords(cron: string, t: T): string | null {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5 || !/^\d+$/.test(f[0]!) || !/^\d+$/.test(f[1]!) || f[3] !== '*') return null;
  const at = `${f[1]!.padStart(2, '0')}:${f[0]!.padStart(2, '0')}`;
  if (f[2] === '*' && f[4] === '*') return t('auto.pb.daily', { at });
  if (/^\d+$/.test(f[2]!) && f[4] === '*') return t('auto.pb.monthly', { d: f[2]!, at });
  if (f[2] !== '*') return null;
  if (f[4] === '1-5') return t('auto.pb.weekdays', { at });
  if (!/^[0-7](,[0-7])*$/.test(f[4]!)) return null;
  return t('auto.pb.weekly', {
    days: f[4]!
      .split(',')
      .map((d) => t(`auto.pb.dow.${Number(d) % 7}`))
      .join('、'),
    at,
  });
}

/** When a step runs, in words: "每天 19:30 (cron 30 19 * * *)", "入群后第 1 天 09:00". */
export function timingLabel(s: Pick<PlaybookStep, 'runs' | 'timing'>, t: T): string {
  const x = s.timing as { days?: number; at?: string; campaign?: string } | string;
  if (s.runs === 'cron') return cronWords(String(x), t) ?? t('auto.pb.cron', { cron: String(x) });
  if (typeof x !== 'object' || x === null) return String(x);
  if (s.runs === 'afterJoin') return t('auto.pb.afterJoin', { n: x.days ?? 0, at: x.at ?? '' });
  if (s.runs === 'afterStart') return t('auto.pb.afterStart', { n: x.days ?? 0, at: x.at ?? '' });
  return t('auto.pb.afterCampaign', { campaign: x.campaign ?? '', n: x.days ?? 0, at: x.at ?? '' });
}

function PlaybookCard({ p, onPreview }: { p: Playbook; onPreview(): void }) {
  const { t } = useI18n();
  const communities = useCommunities();
  const columns: TableColumnsType<PlaybookStep> = [
    { title: t('auto.pb.step'), dataIndex: 'key', width: 120 },
    {
      title: t('auto.pb.timing'),
      key: 'timing',
      width: 200,
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <span>{timingLabel(s, t)}</span>
          {s.runs === 'cron' && (
            <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
              {String(s.timing)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('auto.pb.to'), dataIndex: 'to', width: 80, render: (v: string) => <Tag>{t(`auto.pb.to.${v}`)}</Tag> },
    {
      title: t('auto.pb.send'),
      key: 'send',
      render: (_, s) => (
        <Space orientation="vertical" size={2}>
          {s.send && (
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: s.send }}>
              {s.send}
            </Typography.Paragraph>
          )}
          {s.tag && <Tag color="geekblue">{t('auto.pb.tag', { tag: s.tag })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('auto.pb.next'),
      dataIndex: 'next_run',
      width: 200,
      render: (v: string | null) => (v ? <Time value={v} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: t('auto.pb.last'), dataIndex: 'last_run_at', width: 200, render: (v: string | null) => <Time value={v} /> },
    {
      title: t('auto.pb.counts'),
      key: 'counts',
      width: 210,
      render: (_, s) => (
        <Flex gap={4} wrap>
          <Tooltip title={t('auto.pb.sent')}>
            <Tag color="success">{t('auto.pb.sentN', { n: s.counts.sent })}</Tag>
          </Tooltip>
          <Tooltip title={t('auto.pb.queued')}>
            <Tag color="blue">{t('auto.pb.queuedN', { n: s.counts.queued })}</Tag>
          </Tooltip>
          <Tooltip title={t('auto.pb.skippedHint')}>
            <Tag color="warning">{t('auto.pb.skippedN', { n: s.counts.skipped })}</Tag>
          </Tooltip>
          {s.counts.dead > 0 && <Tag color="error">{t('auto.pb.deadN', { n: s.counts.dead })}</Tag>}
        </Flex>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{p.key}</Typography.Text>
          <Tag color={p.enabled ? 'success' : 'default'}>{t(p.enabled ? 'auto.pb.on' : 'auto.pb.off')}</Tag>
          {p.on === 'dormant' && <Tag color="purple">{t('auto.pb.onDormant', { n: p.started ?? 0 })}</Tag>}
          {p.description && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {p.description}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        <Button size="small" onClick={onPreview} data-testid={`playbook-preview-${p.key}`}>
          {t('auto.pb.preview')}
        </Button>
      }
    >
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('auto.pb.communities')}</Typography.Text>
        {p.communities.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          p.communities.map((c) => <Tag key={c}>{communities.nameOfKey(c)}</Tag>)
        )}
        {p.target && (
          <Typography.Text type="secondary">
            {t('auto.pb.target', { v: [...(p.target.tags ?? []), ...(p.target.tiers ?? []), ...(p.target.groups ?? [])].join('、') })}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t(p.missed === 'late' ? 'auto.pb.missedLate' : 'auto.pb.missedSkip', { n: p.grace_minutes })}
        </Typography.Text>
      </Flex>
      <Table<PlaybookStep> rowKey="key" size="small" columns={columns} dataSource={p.steps} pagination={false} scroll={{ x: 1120 }} />
    </Card>
  );
}

export default function PlaybooksTab() {
  const { t } = useI18n();
  const state = useApi('/api/v1/playbooks');
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [preview, setPreview] = useState<string | null>(null);
  const playbooks = state.data?.playbooks ?? [];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Segmented
          value={view}
          onChange={(v) => setView(v as 'list' | 'calendar')}
          options={[
            { value: 'list', label: t('auto.pb.list') },
            { value: 'calendar', label: t('auto.pb.calendar') },
          ]}
        />
        <Button size="small" onClick={state.reload}>
          {t('auto.c.refresh')}
        </Button>
      </Flex>
      <Loading state={state}>
        {playbooks.length === 0 ? (
          <Empty description={t('auto.pb.empty')} />
        ) : view === 'list' ? (
          playbooks.map((p) => <PlaybookCard key={p.key} p={p} onPreview={() => setPreview(p.key)} />)
        ) : (
          <Suspense fallback={<Spin />}>
            <PlaybookCalendar playbooks={playbooks} />
          </Suspense>
        )}
      </Loading>
      <PreviewDrawer playbook={preview} onClose={() => setPreview(null)} />
    </Flex>
  );
}
