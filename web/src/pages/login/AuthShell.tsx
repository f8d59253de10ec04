// The frame of the sign-in pages: brand, workspace, demo badge, language switch, and a card for the form.
import type { ReactNode } from 'react';
import { Card, Tag, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { LangSwitch } from '../../components/LangSwitch';
import type { AuthStatus } from '../../auth';

export function AuthShell({ status, title, subtitle, children }: { status: AuthStatus; title: string; subtitle: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="qy-auth">
      <div className="qy-auth-top">
        <LangSwitch />
      </div>
      <div className="qy-auth-box">
        <div className="qy-auth-brand">
          <span className="qy-logo">群</span>
          <span className="qy-auth-brand-name">群运 Qunyun</span>
        </div>
        <div className="qy-auth-workspace">
          {status.workspace ? <Typography.Text type="secondary">{status.workspace}</Typography.Text> : null}
          {status.demo ? (
            <Tag color="orange" data-testid="demo-badge">
              {t('header.demo')}
            </Tag>
          ) : null}
        </div>
        <Card className="qy-auth-card">
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
            {title}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {subtitle}
          </Typography.Paragraph>
          {children}
        </Card>
      </div>
    </div>
  );
}
