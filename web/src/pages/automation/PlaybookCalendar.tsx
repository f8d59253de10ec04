// A month calendar of upcoming playbook step runs (GET /api/v1/playbooks/calendar).
// Days and times are the workspace zone's (named in the day's title), whatever the browser's zone.
import { useMemo, useState } from 'react';
import { Alert, Badge, Calendar, Card, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { useApi } from './common';
import { useTime } from '../../components/useTime';
import type { CalendarRun, Playbook } from './types';

const COLORS = ['blue', 'green', 'purple', 'orange', 'cyan', 'magenta', 'gold', 'geekblue'];

export default function PlaybookCalendar({ playbooks }: { playbooks: Playbook[] }) {
  const { t } = useI18n();
  const time = useTime();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(time.today()).startOf('month'));
  const [selected, setSelected] = useState<Dayjs>(() => dayjs(time.today()));
  // The visible grid reaches a week either side of the month: 49 days, within the route's 62.
  const from = month.subtract(7, 'day').format('YYYY-MM-DD'),
    to = month.add(42, 'day').format('YYYY-MM-DD');
  const state = useApi('/api/v1/playbooks/calendar', { query: { from, to } });

  const byDay = useMemo(() => new Map<string, CalendarRun[]>(state.data?.days.map((d) => [d.date, d.runs]) ?? []), [state.data]);
  const color = (key: string) =>
    COLORS[
      Math.max(
        0,
        playbooks.findIndex((p) => p.key === key),
      ) % COLORS.length
    ]!;
  const label = (r: CalendarRun) => `${time.clock(r.first_at)} ${r.playbook}/${r.step}`;
  const runsOf = (d: Dayjs) => byDay.get(d.format('YYYY-MM-DD')) ?? [];
  const dayRuns = runsOf(selected);

  return (
    <Flex vertical gap={12}>
      {state.error && <Alert type="error" showIcon title={state.error.message} />}
      <Card size="small">
        <Calendar
          value={selected}
          onSelect={(d) => setSelected(d)}
          onPanelChange={(d) => setMonth(d.startOf('month'))}
          cellRender={(d, info) => {
            if (info.type !== 'date') return info.originNode;
            const runs = runsOf(d);
            if (runs.length === 0) return null;
            return (
              <Flex vertical gap={2} style={{ fontSize: 12 }}>
                {runs.slice(0, 3).map((r) => (
                  <Tooltip key={`${r.playbook}/${r.step}`} title={`${label(r)}${r.count > 1 ? ` ×${r.count}` : ''}`}>
                    <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                      <Badge
                        color={color(r.playbook)}
                        text={
                          <span style={{ fontSize: 12 }}>
                            {label(r)}
                            {r.count > 1 ? ` ×${r.count}` : ''}
                          </span>
                        }
                      />
                    </div>
                  </Tooltip>
                ))}
                {runs.length > 3 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('auto.cal.more', { n: runs.length - 3 })}
                  </Typography.Text>
                )}
              </Flex>
            );
          }}
        />
      </Card>
      <Card
        size="small"
        title={t('auto.cal.day', { date: selected.format('YYYY-MM-DD') })}
        extra={
          <Typography.Text type="secondary">
            {t('auto.cal.zone', { zone: time.zone, offset: time.offset(`${selected.format('YYYY-MM-DD')}T12:00`) })}
          </Typography.Text>
        }
      >
        {dayRuns.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auto.cal.none')} />
        ) : (
          <Table<CalendarRun>
            size="small"
            pagination={false}
            rowKey={(r) => `${r.playbook}/${r.step}`}
            dataSource={dayRuns}
            columns={[
              {
                title: t('auto.c.time'),
                dataIndex: 'first_at',
                width: 90,
                render: (v: string) => <span title={time.instant(v)}>{time.clock(v)}</span>,
              },
              { title: t('auto.cal.playbook'), dataIndex: 'playbook', width: 150, render: (v: string) => <Tag color={color(v)}>{v}</Tag> },
              { title: t('auto.pb.step'), dataIndex: 'step', width: 130 },
              {
                title: t('auto.pb.to'),
                key: 'to',
                width: 150,
                render: (_, r) => t(r.to === 'member' ? 'auto.cal.members' : 'auto.cal.communities', { n: r.count }),
              },
              { title: t('auto.pb.send'), dataIndex: 'send', render: (v: string | null) => <Typography.Text>{v ?? '—'}</Typography.Text> },
            ]}
          />
        )}
      </Card>
    </Flex>
  );
}
