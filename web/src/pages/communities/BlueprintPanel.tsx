// A community's blueprint (seed: vision, persona, benefits, gates, rules, announcement, capacity, period,
// elimination and revival), shown as facts; owners and the community's operators edit it as JSON.
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { fmtInt, fmtMoney } from '../../components/format';
import type { CommunityItem } from '../../components/useCommunityList';
import { productNamer, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import { BlueprintEditor } from './BlueprintEditor';
import type { Blueprint } from './types';

export function BlueprintPanel({ c, onSaved }: { c: CommunityItem; onSaved: (bp: Blueprint | null) => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const bp = c.blueprint;
  const editable = can('operate', c.id);
  const edit = editable ? (
    <Button icon={<EditOutlined />} type={bp ? 'default' : 'primary'} onClick={() => setEditing(true)} data-testid="blueprint-edit">
      {bp ? t('cm.bp.edit') : t('cm.bp.create')}
    </Button>
  ) : null;

  return (
    <Card size="small" title={t('cm.tab.blueprint')} extra={edit} data-testid="blueprint-view">
      {bp ? <BlueprintFacts bp={bp} /> : <Empty description={t('cm.bp.none')} />}
      {editing ? (
        <BlueprintEditor
          communityId={c.id}
          initial={bp}
          onClose={() => setEditing(false)}
          onSaved={(b) => {
            setEditing(false);
            onSaved(b);
          }}
        />
      ) : null}
    </Card>
  );
}

function BlueprintFacts({ bp }: { bp: Blueprint }) {
  const { t, lang } = useI18n();
  const product = productNamer(useWorkspaceInfo());
  const { benefits, gates = [], period, elimination: el, revival: rev } = bp;
  const list = (xs: string[] | undefined) =>
    xs?.length ? (
      <Space size={[4, 4]} wrap>
        {xs.map((x) => (
          <Tag key={x}>{x}</Tag>
        ))}
      </Space>
    ) : (
      '—'
    );

  const items = [
    { key: 'goal', label: t('cm.bp.goal'), children: bp.goal || '—' },
    { key: 'persona', label: t('cm.bp.persona'), children: bp.persona || '—' },
    {
      key: 'benefits',
      label: t('cm.bp.benefits'),
      children: benefits ? (
        <div className="qy-kv" style={{ gridTemplateColumns: 'max-content 1fr' }}>
          {(['content', 'social', 'service'] as const).map((k) => [
            <dt key={`${k}-l`}>{t(`cm.bp.benefits.${k}`)}</dt>,
            <dd key={`${k}-v`}>{list(benefits[k])}</dd>,
          ])}
        </div>
      ) : (
        '—'
      ),
    },
    {
      key: 'gates',
      label: t('cm.bp.gates'),
      children: gates.length ? (
        <ul className="qy-plain-list">
          {gates.map((g, i) => (
            <li key={i}>
              <Tag color="purple">{t(`cm.bp.gate.${g.type}`)}</Tag>
              {g.description ?? ''}
              {g.product ? <Tag style={{ marginLeft: 6 }}>{product(g.product)}</Tag> : null}
              {g.amount !== undefined ? <span className="qy-muted"> {fmtMoney(g.amount, lang)}</span> : null}
              {(g.tags ?? []).map((x) => (
                <Tag key={x} color="blue" style={{ marginLeft: 4 }}>
                  {x}
                </Tag>
              ))}
              {g.action ? <span className="qy-muted"> · {g.action}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        '—'
      ),
    },
    {
      key: 'rules',
      label: t('cm.bp.rules'),
      children: bp.rules?.length ? (
        <ol className="qy-plain-list numbered">
          {bp.rules.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ol>
      ) : (
        '—'
      ),
    },
    {
      key: 'announcement',
      label: t('cm.bp.announcement'),
      children: bp.announcement ? (
        <Typography.Paragraph className="qy-pre" style={{ margin: 0 }}>
          {bp.announcement}
        </Typography.Paragraph>
      ) : (
        '—'
      ),
    },
    { key: 'capacity', label: t('cm.bp.capacity'), children: fmtInt(bp.capacity, lang) },
    {
      key: 'period',
      label: t('cm.bp.period'),
      children: period
        ? [
            period.days !== undefined ? t('cm.bp.periodDays', { n: period.days }) : null,
            [period.start, period.end].filter(Boolean).join(' – ') || null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'
        : '—',
    },
    {
      key: 'elimination',
      label: t('cm.bp.elimination'),
      children: el
        ? [
            el.minCheckins !== undefined ? t('cm.bp.minCheckins', { n: el.minCheckins, d: el.withinDays ?? 7 }) : null,
            el.silentDays !== undefined ? t('cm.bp.silentDays', { n: el.silentDays }) : null,
            el.noticeDays !== undefined ? t('cm.bp.noticeDays', { n: el.noticeDays }) : null,
            el.schedule ? t('cm.bp.schedule', { s: el.schedule }) : null,
          ]
            .filter(Boolean)
            .join('；')
        : '—',
    },
    {
      key: 'revival',
      label: t('cm.bp.revival'),
      children: rev
        ? [
            rev.checkins !== undefined ? t('cm.bp.revCheckins', { n: rev.checkins }) : null,
            rev.product ? t('cm.bp.revProduct', { p: product(rev.product) }) : null,
            rev.task ? t('cm.bp.revTask', { t: rev.task }) : null,
          ]
            .filter(Boolean)
            .join(lang === 'zh-CN' ? ' 或 ' : ' or ')
        : '—',
    },
  ];
  return <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 140 } }} />;
}
