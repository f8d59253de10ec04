// Rules: what each does, what it did in the last 7 days, the FAQ answered share; switch on/off, test a text, dry run.
import { useState } from 'react';
import { Button, Card, Flex, message, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { apiSend } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, KindTag, Loading, pct, useApi } from './common';
import { useCommunities } from './useCommunities';
import { RuleTestBox } from './RuleTestBox';
import { DryRunDrawer } from './DryRunDrawer';
import type { Rule, RuleAction } from './types';

/** A ladder step as words: warn → 警告, mute:1h → 禁言 1h. */
export function stepLabel(step: string, t: (k: string) => string): string {
  const [k, d] = step.split(':');
  return d ? `${t(`auto.act.${k}`)} ${d}` : t(`auto.act.${k}`);
}

/** A rule action as words: "删除", "回复：…", "禁言 10m". */
export function actionLabel(a: RuleAction, t: (k: string, v?: Record<string, string | number>) => string): string {
  if (typeof a === 'string') return t(`auto.act.${a}`);
  const [k, v] = Object.entries(a)[0] ?? ['', ''];
  return `${t(`auto.act.${k}`)}${k === 'mute' ? ' ' : t('auto.c.colon')}${v}`;
}

function MatchSummary({ rule, lists }: { rule: Rule; lists: Record<string, number> }) {
  const { t } = useI18n();
  const m = rule.match;
  if (!m)
    return (
      <Typography.Text type="secondary">{rule.on === 'message' && rule.actions.includes('answer') ? t('auto.rules.matchFaq') : '—'}</Typography.Text>
    );
  const parts: string[] = [];
  for (const w of m.words ?? []) parts.push(t('auto.rules.matchWords', { list: w, n: lists[w] ?? 0 }));
  if (m.links) parts.push(t('auto.rules.matchLinks'));
  if (m.phones) parts.push(t('auto.rules.matchPhones'));
  if (m.wechatIds) parts.push(t('auto.rules.matchWechat'));
  if (m.kinds?.length) parts.push(t('auto.rules.matchKinds', { kinds: m.kinds.join('/') }));
  if (m.flood) parts.push(t('auto.rules.matchFlood', { n: m.flood.messages, s: m.flood.seconds }));
  return (
    <Flex wrap gap={4}>
      {parts.map((p) => (
        <Tag key={p}>{p}</Tag>
      ))}
    </Flex>
  );
}

export default function RulesTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const state = useApi('/api/v1/rules');
  const communities = useCommunities();
  const [busy, setBusy] = useState<string | null>(null);
  const [dry, setDry] = useState<string | null>(null);
  const [msg, holder] = message.useMessage();

  const canToggle = (r: Rule) =>
    can('operate') || (!!r.communities?.length && communities.idsOfKeys(r.communities).every((id) => id !== undefined && can('operate', id)));

  const toggle = async (r: Rule, enabled: boolean) => {
    setBusy(r.key);
    try {
      await apiSend('post', '/api/v1/rules/{key}/toggle', { path: { key: r.key }, body: { enabled } });
      void msg.success(t(enabled ? 'auto.rules.enabledOk' : 'auto.rules.disabledOk', { key: r.key }));
      state.reload();
    } catch (e) {
      void msg.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const lists = state.data?.lists ?? {};
  const columns: TableColumnsType<Rule> = [
    {
      title: t('auto.rules.rule'),
      dataIndex: 'key',
      width: 220,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.key}</Typography.Text>
          {r.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('auto.rules.on'), dataIndex: 'on', width: 90, render: (on: string) => <Tag>{t(`auto.on.${on}`)}</Tag> },
    {
      title: t('auto.rules.scope'),
      dataIndex: 'communities',
      width: 150,
      render: (cs: string[] | null) =>
        cs === null ? (
          <Typography.Text type="secondary">{t('auto.rules.allCommunities')}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {cs.map((c) => (
              <Tag key={c}>{communities.nameOfKey(c)}</Tag>
            ))}
          </Flex>
        ),
    },
    { title: t('auto.rules.match'), key: 'match', render: (_, r) => <MatchSummary rule={r} lists={lists} /> },
    {
      title: t('auto.rules.actions'),
      key: 'actions',
      render: (_, r) => (
        <Flex wrap gap={4}>
          {r.actions.map((a, i) => {
            const s = actionLabel(a, t);
            return (
              <Tooltip key={i} title={s}>
                <Tag style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>{s}</Tag>
              </Tooltip>
            );
          })}
          {r.ladder && (
            <Tag color="purple">
              {t('auto.rules.ladder', { ladder: (state.data?.ladders[r.ladder] ?? []).map((s) => stepLabel(s, t)).join(' → ') || r.ladder })}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      title: t('auto.rules.last7'),
      key: 'last7',
      width: 180,
      render: (_, r) => {
        const e = Object.entries(r.last_7_days);
        return e.length === 0 ? (
          <Typography.Text type="secondary">{t('auto.rules.none')}</Typography.Text>
        ) : (
          <Flex wrap gap={4}>
            {e.map(([k, n]) => (
              <span key={k}>
                <KindTag kind={k} />
                {n}
              </span>
            ))}
          </Flex>
        );
      },
    },
    {
      title: t('auto.rules.faqShare'),
      key: 'share',
      width: 110,
      render: (_, r) =>
        r.answered_share === undefined ? (
          '—'
        ) : (
          <Tooltip title={t('auto.rules.faqShareHint')}>
            <span>{pct(r.answered_share)}</span>
          </Tooltip>
        ),
    },
    {
      title: t('auto.rules.enabled'),
      key: 'enabled',
      width: 80,
      render: (_, r) => (
        <Tooltip title={canToggle(r) ? undefined : t('auto.rules.noToggle')}>
          <Switch
            size="small"
            checked={r.enabled}
            loading={busy === r.key}
            disabled={!canToggle(r)}
            onChange={(v) => void toggle(r, v)}
            data-testid={`rule-toggle-${r.key}`}
          />
        </Tooltip>
      ),
    },
    {
      title: '',
      key: 'ops',
      width: 90,
      render: (_, r) => (
        <Button size="small" onClick={() => setDry(r.key)} data-testid={`rule-dry-${r.key}`}>
          {t('auto.rules.dryRun')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      {holder}
      <Card
        size="small"
        title={t('auto.rules.title')}
        extra={
          <Button size="small" onClick={state.reload}>
            {t('auto.c.refresh')}
          </Button>
        }
      >
        <Loading state={state}>
          <Table<Rule>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={state.data?.rules ?? []}
            pagination={false}
            loading={state.loading}
            scroll={{ x: 1100 }}
            locale={{ emptyText: t('auto.rules.empty') }}
          />
        </Loading>
      </Card>
      <RuleTestBox rules={state.data?.rules ?? []} />
      <DryRunDrawer rule={dry} onClose={() => setDry(null)} />
    </Flex>
  );
}
