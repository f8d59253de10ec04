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

type Obj = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

export function BlueprintPanel({ c, onSaved }: { c: CommunityItem; onSaved: (bp: Obj | null) => void }) {
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
        <BlueprintEditor communityId={c.id} initial={bp} onClose={() => setEditing(false)} onSaved={(b) => { setEditing(false); onSaved(b); }} />
      ) : null}
    </Card>
  );
}

function BlueprintFacts({ bp }: { bp: Obj }) {
  const { t, lang } = useI18n();
  const product = productNamer(useWorkspaceInfo());
  const benefits = obj(bp.benefits);
  const gates = Array.isArray(bp.gates) ? bp.gates.map(obj).filter((g): g is Obj => Boolean(g)) : [];
  const period = obj(bp.period);
  const el = obj(bp.elimination);
  const rev = obj(bp.revival);
  const list = (xs: string[]) => (xs.length ? <Space size={[4, 4]} wrap>{xs.map((x) => <Tag key={x}>{x}</Tag>)}</Space> : '—');

  const items = [
    { key: 'goal', label: t('cm.bp.goal'), children: str(bp.goal) ?? '—' },
    { key: 'persona', label: t('cm.bp.persona'), children: str(bp.persona) ?? '—' },
    {
      key: 'benefits', label: t('cm.bp.benefits'),
      children: benefits ? (
        <div className="qy-kv" style={{ gridTemplateColumns: 'max-content 1fr' }}>
          {(['content', 'social', 'service'] as const).map((k) => [
            <dt key={`${k}-l`}>{t(`cm.bp.benefits.${k}`)}</dt>, <dd key={`${k}-v`}>{list(strs(benefits[k]))}</dd>,
          ])}
        </div>
      ) : '—',
    },
    {
      key: 'gates', label: t('cm.bp.gates'),
      children: gates.length ? (
        <ul className="qy-plain-list">
          {gates.map((g, i) => (
            <li key={i}>
              <Tag color="purple">{t(`cm.bp.gate.${str(g.type) ?? 'action'}`)}</Tag>
              {str(g.description) ?? ''}
              {str(g.product) ? <Tag style={{ marginLeft: 6 }}>{product(str(g.product)!)}</Tag> : null}
              {num(g.amount) !== undefined ? <span className="qy-muted"> {fmtMoney(num(g.amount)!, lang)}</span> : null}
              {strs(g.tags).map((x) => <Tag key={x} color="blue" style={{ marginLeft: 4 }}>{x}</Tag>)}
              {str(g.action) ? <span className="qy-muted"> · {str(g.action)}</span> : null}
            </li>
          ))}
        </ul>
      ) : '—',
    },
    { key: 'rules', label: t('cm.bp.rules'), children: strs(bp.rules).length ? <ol className="qy-plain-list numbered">{strs(bp.rules).map((r, i) => <li key={i}>{r}</li>)}</ol> : '—' },
    { key: 'announcement', label: t('cm.bp.announcement'), children: str(bp.announcement) ? <Typography.Paragraph className="qy-pre" style={{ margin: 0 }}>{str(bp.announcement)}</Typography.Paragraph> : '—' },
    { key: 'capacity', label: t('cm.bp.capacity'), children: num(bp.capacity) !== undefined ? fmtInt(num(bp.capacity), lang) : '—' },
    {
      key: 'period', label: t('cm.bp.period'),
      children: period ? [num(period.days) !== undefined ? t('cm.bp.periodDays', { n: num(period.days)! }) : null, [str(period.start), str(period.end)].filter(Boolean).join(' – ') || null].filter(Boolean).join(' · ') || '—' : '—',
    },
    {
      key: 'elimination', label: t('cm.bp.elimination'),
      children: el ? [
        num(el.minCheckins) !== undefined ? t('cm.bp.minCheckins', { n: num(el.minCheckins)!, d: num(el.withinDays) ?? 7 }) : null,
        num(el.silentDays) !== undefined ? t('cm.bp.silentDays', { n: num(el.silentDays)! }) : null,
        num(el.noticeDays) !== undefined ? t('cm.bp.noticeDays', { n: num(el.noticeDays)! }) : null,
        str(el.schedule) ? t('cm.bp.schedule', { s: str(el.schedule)! }) : null,
      ].filter(Boolean).join('；') : '—',
    },
    {
      key: 'revival', label: t('cm.bp.revival'),
      children: rev ? [
        num(rev.checkins) !== undefined ? t('cm.bp.revCheckins', { n: num(rev.checkins)! }) : null,
        str(rev.product) ? t('cm.bp.revProduct', { p: product(str(rev.product)!) }) : null,
        str(rev.task) ? t('cm.bp.revTask', { t: str(rev.task)! }) : null,
      ].filter(Boolean).join(lang === 'zh-CN' ? ' 或 ' : ' or ') : '—',
    },
  ];
  return <Descriptions bordered size="small" column={1} items={items} styles={{ label: { width: 140 } }} />;
}
