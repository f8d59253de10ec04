// A server-paged member list (GET /api/v1/members): names are member text, shown only as React text, each
// linking to the member page. `query` carries the filters; paging resets when they change.
import { useState } from 'react';
import { Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import type { QueryOf, Schema } from '../api/contract';
import { useI18n } from '../i18n';
import { useApi } from './useApi';
import { ErrorAlert } from './ErrorAlert';
import { fmtInt } from './format';
import { Time } from './Time';
import { channelNamer, useWorkspaceInfo } from './useWorkspaceInfo';
import { GROUP_COLORS } from './memberMessages';

export type MemberRow = Schema<'MemberListItem'>;
/** The list's filters (paging is the table's own). */
export type MemberFilters = Omit<QueryOf<'/api/v1/members'>, 'page' | 'page_size'>;

export function MemberTable({ fixed, query, testId = 'members-table' }: { fixed?: MemberFilters; query?: MemberFilters; testId?: string }) {
  const { t, lang } = useI18n();
  const info = useWorkspaceInfo();
  const channel = channelNamer(info, t('mb.noChannel'));
  const [pageSize, setPageSize] = useState(20);
  // The page belongs to the filters it was chosen under: new filters start at page 1 (without a stale fetch).
  const filterKey = JSON.stringify({ ...fixed, ...query });
  const [pg, setPg] = useState({ key: filterKey, page: 1 });
  const page = pg.key === filterKey ? pg.page : 1;
  const res = useApi('/api/v1/members', { query: { ...fixed, ...query, page, page_size: pageSize } });
  const items = res.data?.items ?? [];
  const has = (k: keyof MemberRow) =>
    items.some((m) => m[k] !== undefined && m[k] !== null && !(Array.isArray(m[k]) && (m[k] as unknown[]).length === 0));
  const groupsOf = (m: MemberRow) => m.groups ?? (m.group ? [m.group] : []);

  const columns: ColumnsType<MemberRow> = [
    {
      title: t('mb.col.name'),
      key: 'name',
      width: 200,
      ellipsis: true,
      render: (_, m) => (
        <Link to={`/members/${m.id}`} data-testid="member-link" data-member-id={m.id}>
          <span className="qy-member-name" data-testid="member-name">
            {m.name ?? t('mb.unnamed', { id: m.id })}
          </span>
        </Link>
      ),
    },
    { title: t('mb.col.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? <span className="qy-muted">—</span> },
    ...(has('groups') || has('group')
      ? [
          {
            title: t('mb.col.group'),
            key: 'group',
            width: 100,
            render: (_: unknown, m: MemberRow) =>
              groupsOf(m).length
                ? groupsOf(m).map((g) => (
                    <Tag key={g} color={GROUP_COLORS[g] ?? 'default'}>
                      {t(`group.${g}`)}
                    </Tag>
                  ))
                : '—',
          },
        ]
      : []),
    ...(has('roles')
      ? [
          {
            title: t('mb.col.role'),
            key: 'role',
            width: 110,
            render: (_: unknown, m: MemberRow) => (m.roles?.length ? m.roles.map((r) => <Tag key={r}>{t(`role.k.${r}`)}</Tag>) : '—'),
          },
        ]
      : []),
    ...(has('rfm_segment')
      ? [
          {
            title: t('mb.col.rfm'),
            dataIndex: 'rfm_segment',
            width: 110,
            render: (s: string | null) =>
              s ? (
                <Tag color="purple" variant="outlined">
                  {t(`rfm.${s}`)}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    {
      title: t('mb.col.tags'),
      dataIndex: 'tags',
      width: 200,
      render: (tags: string[]) =>
        tags.length ? (
          <Space size={[0, 4]} wrap>
            {tags.slice(0, 4).map((x) => (
              <Tag key={x} variant="filled">
                {x}
              </Tag>
            ))}
            {tags.length > 4 ? (
              <Tooltip title={tags.slice(4).join('、')}>
                <Tag>+{tags.length - 4}</Tag>
              </Tooltip>
            ) : null}
          </Space>
        ) : (
          <span className="qy-muted">—</span>
        ),
    },
    { title: t('mb.col.channel'), dataIndex: 'first_channel', width: 120, render: (c: string | null) => channel(c ?? '(none)') },
    { title: t('mb.col.firstJoin'), dataIndex: 'first_join_at', width: 185, render: (s: string | null) => <Time value={s} /> },
    { title: t('mb.col.communities'), dataIndex: 'communities', width: 80, align: 'right', render: (n: number) => fmtInt(n, lang) },
  ];

  return (
    <>
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Table<MemberRow>
        rowKey="id"
        size="small"
        data-testid={testId}
        loading={res.loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize,
          total: res.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('mb.total', { n: fmtInt(n, lang) }),
          onChange: (p, s) => {
            setPg({ key: filterKey, page: s !== pageSize ? 1 : p });
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
