// A failed request, with the server's own message (and details) and a retry button.
import type { CSSProperties } from 'react';
import { Alert, Button } from 'antd';
import { ApiError, errorText } from '../api';
import { useI18n } from '../i18n';

export function ErrorAlert({ error, onRetry, style }: { error: unknown; onRetry?: () => void; style?: CSSProperties }) {
  const { t } = useI18n();
  if (!error) return null;
  const status = error instanceof ApiError && error.status ? ` (${error.status}${error.code ? ` ${error.code}` : ''})` : '';
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      title={`${t('common.error')}${status}`}
      description={errorText(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      data-testid="error-alert"
    />
  );
}
