// Sign in: POST /api/v1/auth/login {username, password} → { user } (401 invalid_credentials, 429 rate_limited).
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { apiSend, ApiError, errorText } from '../../api';
import { useI18n } from '../../i18n';
import type { AuthStatus } from '../../auth';
import { AuthShell } from './AuthShell';

interface Values {
  username: string;
  password: string;
}

export function LoginPage({ status, onDone }: { status: AuthStatus; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await apiSend('post', '/api/v1/auth/login', { body: { username: v.username.trim(), password: v.password } });
      await onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_credentials') setError(t('login.invalid'));
      else if (err instanceof ApiError && err.code === 'rate_limited') setError(t('login.rateLimited', { detail: err.message }));
      else setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <AuthShell status={status} title={t('login.title')} subtitle={t('login.subtitle')}>
      <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.required', { field: t('login.username') }) }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
