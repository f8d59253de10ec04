// Owner-only tabs: other roles see a clear empty state instead of a refused request.
import type { ReactNode } from 'react';
import { Empty } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import './messages';

export function OwnerOnly({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useI18n();
  if (!can('owner')) {
    return (
      <div data-testid="owners-only" style={{ padding: '48px 0' }}>
        <Empty
          image={<LockOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
          styles={{ image: { height: 56 } }}
          description={t('set.ownersOnly')}
        />
      </div>
    );
  }
  return <>{children}</>;
}
