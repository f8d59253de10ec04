// Workspace settings (GET/PUT /api/v1/workspace): name, time zone, dormant (D) and new-customer (N) days. Owners edit.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, message, Select, Tag, Typography } from 'antd';
import { apiSend, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import { errorText, Loading, useApi } from '../automation/common';
import { forgetWorkspaceZone } from '../../components/useTime';
import type { Workspace } from './types';
import './messages';

export const TIMEZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Macau',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Moscow',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Vancouver',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Pacific/Auckland',
  'UTC',
];

type Fields = Pick<Workspace, 'name' | 'timezone' | 'dormantDays' | 'newCustomerDays'>;
const FIELDS = ['name', 'timezone', 'dormantDays', 'newCustomerDays'] as const;

export default function WorkspaceTab() {
  const { t } = useI18n();
  const { can, refresh } = useAuth();
  const owner = can('owner');
  const state = useApi('/api/v1/workspace');
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [msg, holder] = message.useMessage();

  useEffect(() => {
    if (state.data)
      form.setFieldsValue({
        name: state.data.name,
        timezone: state.data.timezone,
        dormantDays: state.data.dormantDays,
        newCustomerDays: state.data.newCustomerDays,
      });
  }, [state.data, form]);

  const save = async (v: Fields) => {
    setSaving(true);
    setFormError(null);
    try {
      await apiSend('put', '/api/v1/workspace', { body: v });
      forgetWorkspaceZone();
      void msg.success(t('set.ws.saved'));
      state.reload();
      void refresh();
    } catch (e) {
      // A 400 names the field: "timezone: not a known IANA time zone"; show it under that field.
      const lines = e instanceof ApiError && e.status === 400 ? (e.details?.length ? e.details : [e.message]) : [];
      const onFields = lines
        .map((l) => /^(\w+): (.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => !!m && (FIELDS as readonly string[]).includes(m[1]!));
      if (onFields.length > 0) form.setFields(onFields.map((m) => ({ name: m[1] as keyof Fields, errors: [m[2]!] })));
      if (onFields.length < Math.max(lines.length, 1)) setFormError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const zones = state.data && !TIMEZONES.includes(state.data.timezone) ? [state.data.timezone, ...TIMEZONES] : TIMEZONES;
  return (
    <Card size="small" title={t('set.ws.title')} extra={state.data?.demo ? <Tag color="orange">{t('set.ws.demo')}</Tag> : undefined}>
      {holder}
      <Loading state={state}>
        {!owner && <Alert type="info" showIcon title={t('set.ws.readOnly')} style={{ marginBottom: 16 }} />}
        <Form<Fields>
          name="workspace"
          form={form}
          layout="vertical"
          style={{ maxWidth: 520 }}
          disabled={!owner}
          onFinish={(v) => void save(v)}
          onValuesChange={() => setFormError(null)}
        >
          <Form.Item
            name="name"
            label={t('set.ws.name')}
            rules={[{ required: true, whitespace: true, message: t('set.ws.nameRequired') }, { max: 100 }]}
          >
            <Input data-testid="settings-workspace-name" />
          </Form.Item>
          <Form.Item name="timezone" label={t('set.ws.timezone')} extra={t('set.ws.timezoneHint')} rules={[{ required: true }]}>
            <Select showSearch data-testid="settings-workspace-timezone" options={zones.map((z) => ({ value: z, label: z }))} />
          </Form.Item>
          <Form.Item name="dormantDays" label={t('set.ws.dormantDays')} extra={t('set.ws.dormantHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} suffix={t('set.ws.days')} />
          </Form.Item>
          <Form.Item name="newCustomerDays" label={t('set.ws.newCustomerDays')} extra={t('set.ws.newHint')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} suffix={t('set.ws.days')} />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          {owner && (
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-workspace-save">
                {t('set.ws.save')}
              </Button>
            </Form.Item>
          )}
        </Form>
        <Typography.Text type="secondary">{t('set.ws.yamlNote')}</Typography.Text>
      </Loading>
    </Card>
  );
}
