// 成员: GET /api/v1/members with q (debounced), group, role, tier, tag, channel, rfm, community and present, paged
// on the server. The filters live in the URL, so going back from a member returns to the same list.
import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Input, Select } from 'antd';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { apiUrl } from '../../api';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { MemberTable, type MemberFilters } from '../../components/MemberTable';
import { useDebounced } from '../../components/useApi';
import { communityLabel, communityRef, useCommunityList } from '../../components/useCommunityList';
import { useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import { GROUP_KEYS, RFM_KEYS, ROLE_KEYS, TIER_KEYS } from '../../components/memberMessages';
import './messages';

const FILTERS = ['q', 'group', 'role', 'tier', 'tag', 'channel', 'rfm', 'community', 'present'] as const;

/** A URL value when it is one of the keys the route takes (a stale or mistyped link filters nothing). */
const oneOf = <K extends string>(keys: readonly K[], v: string | undefined): K | undefined => keys.find((k) => k === v);

export default function MembersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const communities = useCommunityList();
  const info = useWorkspaceInfo();
  const get = (k: string) => params.get(k) ?? undefined;
  const set = (k: string, v: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
        return next;
      },
      { replace: true },
    );

  // Typing is debounced before it reaches the URL (and the server).
  const [q, setQ] = useState(get('q') ?? '');
  const [tag, setTag] = useState(get('tag') ?? '');
  const dq = useDebounced(q.trim(), 300);
  const dtag = useDebounced(tag.trim(), 400);
  useEffect(() => {
    if ((get('q') ?? '') !== dq) set('q', dq);
  }, [dq]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if ((get('tag') ?? '') !== dtag) set('tag', dtag);
  }, [dtag]); // eslint-disable-line react-hooks/exhaustive-deps

  const community = get('community');
  const query: MemberFilters = {
    q: get('q'),
    group: oneOf(GROUP_KEYS, get('group')),
    role: oneOf(ROLE_KEYS, get('role')),
    tier: oneOf(TIER_KEYS, get('tier')),
    tag: get('tag'),
    channel: get('channel'),
    rfm: oneOf(RFM_KEYS, get('rfm')),
    community: community ? communityRef(Number(community)) : undefined,
    present: get('present') === 'true' ? 'true' : undefined,
  };
  const active = FILTERS.some((k) => params.has(k));
  const select = (k: string, placeholder: string, options: { value: string; label: string }[], width = 140) => (
    <Select
      allowClear
      placeholder={placeholder}
      value={get(k)}
      onChange={(v?: string) => set(k, v)}
      options={options}
      style={{ width }}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid={`filter-${k}`}
      aria-label={placeholder}
    />
  );

  return (
    <div data-testid="members-page">
      <PageHeader
        title={t('mp.title')}
        subtitle={t('mp.subtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/v1/export/members', { query: { format: 'xlsx', community: query.community } })}
            data-testid="members-export"
          >
            {t('mp.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <div className="qy-filters" style={{ marginBottom: 0 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('mp.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            style={{ width: 240 }}
            data-testid="members-search"
          />
          {select(
            'group',
            t('mp.group'),
            GROUP_KEYS.map((k) => ({ value: k, label: t(`group.${k}`) })),
            120,
          )}
          {select(
            'role',
            t('mp.role'),
            ROLE_KEYS.map((k) => ({ value: k, label: t(`role.k.${k}`) })),
            120,
          )}
          {select(
            'tier',
            t('mp.tier'),
            TIER_KEYS.map((k) => ({ value: k, label: t(`tier.${k}`) })),
            120,
          )}
          <Input
            allowClear
            placeholder={t('mp.tag')}
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            style={{ width: 130 }}
            data-testid="filter-tag"
          />
          {select(
            'channel',
            t('mp.channel'),
            [...(info?.channels ?? []).map((c) => ({ value: c.key, label: c.name })), { value: '(none)', label: t('mb.noChannel') }],
            140,
          )}
          {select(
            'rfm',
            t('mp.rfm'),
            RFM_KEYS.map((k) => ({ value: k, label: t(`rfm.${k}`) })),
            140,
          )}
          {select(
            'community',
            t('mp.community'),
            (communities.items ?? []).map((c) => ({ value: String(c.id), label: communityLabel(c) })),
            190,
          )}
          <Checkbox
            checked={get('present') === 'true'}
            onChange={(e) => set('present', e.target.checked ? 'true' : undefined)}
            data-testid="filter-present"
          >
            {t('mp.present')}
          </Checkbox>
          {active ? (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                setQ('');
                setTag('');
                setParams({}, { replace: true });
              }}
              data-testid="filters-reset"
            >
              {t('mp.reset')}
            </Button>
          ) : null}
        </div>
      </Card>
      <Card size="small">
        <MemberTable query={query} testId="members-table" />
      </Card>
    </div>
  );
}
