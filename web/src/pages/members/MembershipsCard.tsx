// The member's communities: present or left, first join, counts, and each one's join/leave history.
import { Card, Table, Tag, Timeline } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { Time } from '../../components/Time';
import { channelNamer, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import type { HistoryEntry, Membership } from './types';

export function MembershipsCard({ memberships }: { memberships: Membership[] }) {
  const { t } = useI18n();
  const channel = channelNamer(useWorkspaceInfo(), t('mb.noChannel'));
  const history = (h: HistoryEntry[]) => (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16 }}
      items={h.map((e) => ({
        key: `${e.event.platform}:${e.event.id}`,
        color: e.type === 'joined' ? 'green' : 'red',
        content: (
          <span>
            <Time value={e.at} seconds /> <b>{e.type === 'joined' ? t('md.joined') : t('md.leftEv')}</b>
            {e.channel ? <Tag style={{ marginLeft: 6 }}>{channel(e.channel)}</Tag> : null}
            {e.method ? <span className="qy-muted"> {t('md.method', { m: e.method })}</span> : null}
            {e.inviter ? (
              <span className="qy-muted">
                {' '}
                · {t('md.inviter')} {e.inviter}
              </span>
            ) : null}
            {e.reason ? <span className="qy-muted"> · {t('md.reason', { r: e.reason })}</span> : null}
            {e.by ? <span className="qy-muted"> · {t('md.by', { by: e.by })}</span> : null}
          </span>
        ),
      }))}
    />
  );
  return (
    <Card size="small" title={t('md.memberships')}>
      <Table<Membership>
        size="small"
        rowKey={(r) => r.community.id}
        pagination={false}
        dataSource={memberships}
        data-testid="member-memberships"
        scroll={{ x: 720 }}
        expandable={{ expandedRowRender: (r) => history(r.history), rowExpandable: (r) => r.history.length > 0 }}
        columns={[
          {
            title: t('mp.community'),
            key: 'c',
            render: (_, r) => <Link to={`/communities/${r.community.id}`}>{r.community.name ?? r.community.external_id}</Link>,
          },
          { title: '', key: 'p', width: 80, render: (_, r) => (r.present ? <Tag color="green">{t('md.present')}</Tag> : <Tag>{t('md.left')}</Tag>) },
          { title: t('md.firstJoin'), dataIndex: 'first_join_at', width: 190, render: (s: string | null) => <Time value={s} /> },
          { title: t('md.channel'), key: 'ch', width: 120, render: (_, r) => channel(r.first_channel ?? '(none)') },
          {
            title: t('md.history'),
            key: 'n',
            width: 150,
            render: (_, r) => <span className="qy-muted">{t('md.joins', { j: r.joins, l: r.leaves })}</span>,
          },
        ]}
      />
    </Card>
  );
}
