// Dry run of one rule over a past period (POST /api/v1/rules/{key}/dry-run): counts by kind, members struck, samples.
import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Empty, Flex, InputNumber, Spin, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { apiSend } from '../../api';
import { useI18n } from '../../i18n';
import { errorText, Hits, KindTag } from './common';
import { Time } from '../../components/Time';
import { useTime } from '../../components/useTime';
import type { DryRunAnswer } from './types';

type Sample = DryRunAnswer['samples'][number] & { i: number };

export function DryRunDrawer({ rule, onClose }: { rule: string | null; onClose(): void }) {
  const { t } = useI18n();
  const time = useTime();
  // Days are the workspace's: today there, not in the browser's zone.
  const today = dayjs(time.today());
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today.subtract(7, 'day'), today]);
  const [sample, setSample] = useState(20);
  const [result, setResult] = useState<DryRunAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setResult(null);
    setError(null);
  }, [rule]);

  const run = async () => {
    if (!rule) return;
    setBusy(true);
    setError(null);
    try {
      // The range is inclusive of both days; the API's `to` is exclusive.
      setResult(
        await apiSend('post', '/api/v1/rules/{key}/dry-run', {
          path: { key: rule },
          body: { from: range[0].format('YYYY-MM-DD'), to: range[1].add(1, 'day').format('YYYY-MM-DD'), sample },
        }),
      );
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const kinds = Object.entries(result?.actions ?? {});
  return (
    <Drawer open={rule !== null} onClose={onClose} size={860} destroyOnHidden title={t('auto.dry.title', { key: rule ?? '' })}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('auto.dry.hint')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(today, 'day')}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
          />
          <span>{t('auto.dry.samples')}</span>
          <InputNumber min={0} max={1000} value={sample} onChange={(v) => setSample(v ?? 20)} style={{ width: 90 }} />
          <Button type="primary" loading={busy} onClick={() => void run()} data-testid="dry-run-go">
            {t('auto.dry.run')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
        {busy && !result && <Spin />}
        {result && (
          <>
            <Flex gap={32} wrap>
              <Statistic title={t('auto.dry.scanned')} value={result.events_scanned} />
              <Statistic title={t('auto.dry.struck')} value={result.members_struck} />
              {kinds.map(([k, n]) => (
                <Statistic key={k} title={<KindTag kind={k} />} value={n} />
              ))}
            </Flex>
            {kinds.length === 0 ? (
              <Empty description={t('auto.dry.nothing')} />
            ) : (
              <Table<Sample>
                size="small"
                rowKey="i"
                dataSource={result.samples.map((s, i) => ({ ...s, i }))}
                pagination={{ pageSize: 10, showSizeChanger: false }}
                columns={[
                  { title: t('auto.c.time'), dataIndex: 'at', width: 200, render: (v: string) => <Time value={v} /> },
                  { title: t('auto.c.member'), dataIndex: 'member_id', width: 90, render: (v: number) => `#${v}` },
                  { title: t('auto.c.kind'), dataIndex: 'kind', width: 90, render: (k: string) => <KindTag kind={k} /> },
                  { title: t('auto.c.matched'), key: 'hits', width: 240, render: (_, s) => <Hits hits={s.hits} /> },
                  {
                    title: t('auto.c.content'),
                    key: 'text',
                    render: (_, s) => (
                      <Typography.Text>
                        {[s.text, s.step ? t('auto.c.step', { n: s.step }) : '', s.detail].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            )}
          </>
        )}
      </Flex>
    </Drawer>
  );
}
