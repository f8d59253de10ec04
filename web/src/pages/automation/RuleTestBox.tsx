// "Test a text": what the message rules would do with it (POST /api/v1/rules/test); nothing is sent.
import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { apiSend } from '../../api';
import { useI18n } from '../../i18n';
import { errorText, Hits, KindTag } from './common';
import type { ProposedView, Rule } from './types';

export function RuleTestBox({ rules }: { rules: Rule[] }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [rule, setRule] = useState<string | undefined>();
  const [result, setResult] = useState<ProposedView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const r = await apiSend('post', '/api/v1/rules/test', { body: { text, ...(rule ? { rule } : {}) } });
      setResult(r.actions);
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('auto.test.title')} extra={<Typography.Text type="secondary">{t('auto.test.hint')}</Typography.Text>}>
      <Flex vertical gap={8}>
        <Input.TextArea
          rows={3}
          maxLength={10_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('auto.test.placeholder')}
          data-testid="rule-test-text"
        />
        <Flex gap={8} wrap>
          <Select
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('auto.test.allRules')}
            value={rule}
            onChange={setRule}
            options={rules.filter((r) => r.on === 'message').map((r) => ({ value: r.key, label: r.key }))}
          />
          <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void run()} data-testid="rule-test-run">
            {t('auto.test.run')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon title={error} />}
        {result &&
          (result.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('auto.test.nothing')} />
          ) : (
            <Table<ProposedView & { i: number }>
              size="small"
              rowKey="i"
              pagination={false}
              dataSource={result.map((r, i) => ({ ...r, i }))}
              columns={[
                { title: t('auto.rules.rule'), dataIndex: 'rule', width: 140 },
                { title: t('auto.c.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <KindTag kind={k} /> },
                { title: t('auto.c.matched'), key: 'hits', render: (_, r) => <Hits hits={r.hits} /> },
                {
                  title: t('auto.c.content'),
                  key: 'text',
                  render: (_, r) => (
                    <Typography.Text>{r.text ?? (r.seconds ? t('auto.c.seconds', { n: r.seconds }) : (r.tag ?? ''))}</Typography.Text>
                  ),
                },
                {
                  title: t('auto.c.detail'),
                  key: 'detail',
                  render: (_, r) => (
                    <Typography.Text type="secondary">
                      {[r.step ? t('auto.c.step', { n: r.step }) : '', r.detail ?? ''].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          ))}
      </Flex>
    </Card>
  );
}
