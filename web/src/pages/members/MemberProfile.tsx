// A member's facts: phone and lead, first join (channel, inviter, community), engagement, event count, attributes.
import { Card, Descriptions } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { fmtInt } from '../../components/format';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import { channelNamer, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { MemberDetail } from './types';

export function MemberProfile({ m }: { m: MemberDetail }) {
  const { t, lang } = useI18n();
  const channel = channelNamer(useWorkspaceInfo(), t('mb.noChannel'));
  const time = useTime();
  const fj = m.first_join;
  const firstCommunity = fj?.community_id != null ? m.memberships.find((x) => x.community.id === fj.community_id)?.community : undefined;
  const items = [
    { key: 'phone', label: t('md.phone'), children: m.phone ? <span className="qy-num">{m.phone}</span> : '—' },
    ...(m.first_phone_at ? [{ key: 'lead', label: t('md.lead'), children: t('md.leadSince', { at: time.instant(m.first_phone_at) }) }] : []),
    { key: 'fj', label: t('md.firstJoin'), children: fj ? <Time value={fj.at} testId="member-first-join" /> : '—' },
    { key: 'ch', label: t('md.channel'), children: fj ? channel(fj.channel ?? '(none)') : '—' },
    { key: 'inv', label: t('md.inviter'), children: fj?.inviter_id ? <Link to={`/members/${fj.inviter_id}`}>#{fj.inviter_id}</Link> : '—' },
    {
      key: 'fc',
      label: t('md.firstCommunity'),
      children: fj?.community_id != null ? <Link to={`/communities/${fj.community_id}`}>{firstCommunity?.name ?? `#${fj.community_id}`}</Link> : '—',
    },
    { key: 'eng', label: t('md.engagement'), children: `${t(`eng.${m.engagement.level}`)} · ${t('md.activeDays', { n: m.engagement.active_days })}` },
    { key: 'ev', label: t('md.events'), children: fmtInt(m.event_count, lang) },
    ...Object.entries(m.attributes).map(([k, v]) => ({ key: `a-${k}`, label: k, children: String(v) })),
  ];
  return (
    <Card size="small" title={t('md.profile')}>
      <Descriptions column={1} size="small" items={items} data-testid="member-profile" />
    </Card>
  );
}
