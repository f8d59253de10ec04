// The member's events, newest first: messages (member text, shown as React text), joins, leaves, check-ins, orders.
import { Button, Card, Empty, Tag, Timeline } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { fmtMoney } from '../../components/format';
import { Time } from '../../components/Time';
import { productNamer, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { MemberDetail, TimelineEvent } from './types';

const COLOR: Record<string, string> = {
  'message.sent': 'blue',
  'member.joined': 'green',
  'member.left': 'red',
  'checkin.done': 'cyan',
  'order.paid': 'gold',
  'order.refunded': 'volcano',
};

const s = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function TimelineCard({ m, loading, onMore }: { m: MemberDetail; loading: boolean; onMore?: () => void }) {
  const { t, lang } = useI18n();
  const product = productNamer(useWorkspaceInfo());
  const names = new Map(m.memberships.map((ms) => [ms.community.id, ms.community.name ?? ms.community.external_id]));
  const label = (type: string) => {
    const k = `md.ev.${type}`;
    const v = t(k);
    return v === k ? type : v;
  };

  const body = (e: TimelineEvent) => {
    const d = e.data;
    const text = s(d.text);
    const kind = s(d.kind);
    return (
      <div className="qy-tl-item">
        <div>
          <span className="qy-muted">
            <Time value={e.at} seconds />
          </span>{' '}
          <Tag color={COLOR[e.type] ?? 'default'} variant="filled">
            {label(e.type)}
          </Tag>
          {e.community_id != null ? (
            <Link to={`/communities/${e.community_id}`} className="qy-tl-community">
              {names.get(e.community_id) ?? `#${e.community_id}`}
            </Link>
          ) : null}
        </div>
        {text ? (
          <div className="qy-tl-text">{text}</div>
        ) : kind && kind !== 'text' ? (
          <div className="qy-muted">{t('md.kind', { k: kind })}</div>
        ) : null}
        {typeof d.amount === 'number' ? (
          <div className="qy-muted">
            {fmtMoney(d.amount, lang)} {s(d.product) ? product(s(d.product)) : ''} {s(d.order) ? `· ${s(d.order)}` : ''}
          </div>
        ) : null}
        {s(d.challenge) ? <div className="qy-muted">{s(d.challenge)}</div> : null}
        {s(d.reason) ? <div className="qy-muted">{t('md.reason', { r: s(d.reason)! })}</div> : null}
        {e.type === 'member.profile' ? (
          <div>
            {s(d.name) ? <span className="qy-muted">{s(d.name)} </span> : null}
            {s(d.phone) ? <span className="qy-muted qy-num">{s(d.phone)} </span> : null}
            {strs(d.tags_add).map((x) => (
              <Tag key={`+${x}`} color="green">
                +{x}
              </Tag>
            ))}
            {strs(d.tags_remove).map((x) => (
              <Tag key={`-${x}`} color="red">
                −{x}
              </Tag>
            ))}
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <Card
      size="small"
      title={
        <>
          {t('md.timeline')}
          <span className="qy-card-title-note">
            {m.timeline.length} / {m.event_count}
          </span>
        </>
      }
    >
      {m.timeline.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('md.noTimeline')} />
      ) : (
        <Timeline
          data-testid="member-timeline"
          items={m.timeline.map((e) => ({
            key: `${e.platform}:${e.id}`,
            color: e.type === 'member.left' ? 'red' : e.type === 'member.joined' ? 'green' : 'blue',
            content: body(e),
          }))}
        />
      )}
      {onMore ? (
        <Button block loading={loading} onClick={onMore} data-testid="timeline-more">
          {t('md.more')}
        </Button>
      ) : null}
    </Card>
  );
}
