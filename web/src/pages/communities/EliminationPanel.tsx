// The elimination preview of one community (GET /api/v1/communities/{ref}/elimination): who falls short of the
// blueprint's bar today, who revived, and where the announced list stands.
import { Alert, Card, Descriptions, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fmtInt } from '../../components/format';
import { useTime } from '../../components/useTime';
import { EliminationActions } from './EliminationActions';

/** The server's reasons are English sentences; the common ones read naturally in Chinese too. */
function reasonText(r: string, zh: boolean): string {
  if (!zh) return r;
  let m = /^(\d+) check-ins? in (\d+) days \(at least (\d+)\)$/.exec(r);
  if (m) return `${m[2]} 天内打卡 ${m[1]} 次（要求至少 ${m[3]} 次）`;
  m = /^no message in (\d+) days$/.exec(r);
  if (m) return `${m[1]} 天未发言`;
  m = /^revived: (\d+) check-ins since the notice$/.exec(r);
  if (m) return `已复活：公示后补卡 ${m[1]} 次`;
  m = /^revived: paid (.+)$/.exec(r);
  if (m) return `已复活：购买了 ${m[1]}`;
  return r;
}

export function EliminationPanel({ communityId, communityRef, hasRule }: { communityId: number; communityRef: string; hasRule: boolean }) {
  const { t, lang } = useI18n();
  const time = useTime();
  const zh = lang === 'zh-CN';
  const res = useApi(hasRule ? '/api/v1/communities/{ref}/elimination' : null, { path: { ref: communityRef } });
  if (!hasRule)
    return (
      <Card size="small">
        <Empty description={t('cm.el.none')} />
      </Card>
    );
  const p = res.data;
  const rule = p?.rule;
  return (
    <Card
      size="small"
      title={t('cm.tab.elimination')}
      loading={res.loading && !p}
      data-testid="elimination-preview"
      extra={
        p ? (
          <EliminationActions
            communityId={communityId}
            communityRef={communityRef}
            candidates={p.candidates.length}
            announced={Boolean(p.notice && !p.notice.executed_at)}
            onDone={res.reload}
          />
        ) : null
      }
    >
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {p && rule ? (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'rule',
                label: t('cm.el.rule'),
                children: [
                  rule.minCheckins !== undefined ? t('cm.bp.minCheckins', { n: rule.minCheckins, d: rule.withinDays ?? 7 }) : null,
                  rule.silentDays !== undefined ? t('cm.bp.silentDays', { n: rule.silentDays }) : null,
                  rule.noticeDays !== undefined ? t('cm.bp.noticeDays', { n: rule.noticeDays }) : null,
                ]
                  .filter(Boolean)
                  .join('；'),
              },
              { key: 'present', label: t('cm.facts.members'), children: t('cm.el.present', { n: fmtInt(p.present, lang) }) },
              {
                key: 'counts',
                label: t('cm.el.summary'),
                children: (
                  <span>
                    <Tag color="red">{t('cm.el.candidates', { n: p.candidates.length })}</Tag>
                    <Tag color="green">{t('cm.el.revived', { n: p.revived.length })}</Tag>
                  </span>
                ),
              },
            ]}
          />
          <Alert
            style={{ marginBottom: 12 }}
            type={p.notice ? (p.notice.executed_at ? 'success' : 'info') : 'warning'}
            showIcon
            title={
              p.notice
                ? p.notice.executed_at
                  ? t('cm.el.executed', { at: time.instant(p.notice.executed_at) })
                  : `${t('cm.el.announced', { at: time.instant(p.notice.announced_at), from: time.instant(p.notice.execute_from) })}（${p.notice.delivered ? t('cm.el.delivered') : t('cm.el.pending')}）`
                : t('cm.el.noNotice')
            }
          />
          <Table
            size="small"
            rowKey="member_id"
            dataSource={p.candidates}
            data-testid="elimination-candidates"
            pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cm.el.nobody')} /> }}
            columns={[
              {
                title: t('cm.el.member'),
                key: 'name',
                width: 220,
                render: (_, c) => <Link to={`/members/${c.member_id}`}>{c.name ?? `#${c.member_id}`}</Link>,
              },
              {
                title: t('cm.el.reasons'),
                dataIndex: 'reasons',
                render: (rs: string[]) =>
                  rs.map((r) => (
                    <Tag key={r} color="volcano" variant="filled">
                      {reasonText(r, zh)}
                    </Tag>
                  )),
              },
            ]}
          />
          {p.revived.length ? (
            <Table
              size="small"
              rowKey="member_id"
              dataSource={p.revived}
              pagination={false}
              style={{ marginTop: 12 }}
              columns={[
                {
                  title: t('cm.el.member'),
                  key: 'name',
                  width: 220,
                  render: (_, c) => <Link to={`/members/${c.member_id}`}>{c.name ?? `#${c.member_id}`}</Link>,
                },
                { title: t('cm.el.reasons'), dataIndex: 'reason', render: (r: string) => <Tag color="green">{reasonText(r, zh)}</Tag> },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
