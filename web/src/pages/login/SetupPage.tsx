// The one-time owner setup: POST /api/v1/auth/setup {username, password} → { user } (signs in; 409 once someone exists).
import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import { apiSend, errorText } from '../../api';
import { useI18n } from '../../i18n';
import type { AuthStatus } from '../../auth';
import { AuthShell } from './AuthShell';

interface Values {
  username: string;
  password: string;
  password2: string;
}

export function SetupPage({ status, onDone }: { status: AuthStatus; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('post', '/api/v1/auth/setup', { body: { username: v.username.trim(), password: v.password } });
      void message.success(t('setup.done'));
      await onDone();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <AuthShell status={status} title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="username"
          label={t('setup.username')}
          rules={[
            { required: true, whitespace: true, message: t('login.required', { field: t('setup.username') }) },
            { pattern: /^\s*[\p{L}\p{N}._@-]{1,64}\s*$/u, message: t('setup.usernameRule') },
          ]}
        >
          <Input autoComplete="username" autoFocus data-testid="setup-username" size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('setup.password')}
          rules={[
            { required: true, message: t('setup.tooShort') },
            { min: 8, message: t('setup.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" size="large" />
        </Form.Item>
        <Form.Item
          name="password2"
          label={t('setup.password2')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('setup.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_r, value: string) =>
                !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('setup.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password2" size="large" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="setup-error" /> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
