// A community's health verdict as a coloured tag; the plain-language diagnosis in the tooltip.
import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n';
import type { Verdict } from './types';

const LOOK = {
  healthy: { color: 'success', icon: <CheckCircleOutlined /> },
  watch: { color: 'warning', icon: <ExclamationCircleOutlined /> },
  unhealthy: { color: 'error', icon: <WarningOutlined /> },
} as const;

export function HealthTag({ verdict, detail }: { verdict: Verdict; detail?: boolean }) {
  const { t, lang } = useI18n();
  const look = LOOK[verdict.status] ?? LOOK.watch;
  return (
    <Tooltip title={lang === 'zh-CN' ? verdict.zh : verdict.en}>
      <span className="qy-health" data-testid="health-verdict" data-status={verdict.status}>
        <Tag color={look.color} icon={look.icon} style={{ marginInlineEnd: detail ? 6 : 0 }}>
          {t(`cm.${verdict.status}`)}
        </Tag>
        {detail ? (
          <span className="qy-muted" style={{ fontSize: 12 }}>
            {[t(`cm.size.${verdict.size}`), t(`cm.activity.${verdict.activity}`), t(`cm.trend.${verdict.trend}`)].join(' · ')}
          </span>
        ) : null}
      </span>
    </Tooltip>
  );
}

export function PlatformTag({ platform }: { platform: string }) {
  const { lang } = useI18n();
  const color = platform === 'wecom' ? 'green' : platform === 'telegram' ? 'blue' : 'default';
  const label = platform === 'wecom' ? (lang === 'zh-CN' ? '企业微信' : 'WeCom') : platform === 'telegram' ? 'Telegram' : platform;
  return (
    <Tag color={color} variant="outlined">
      {label}
    </Tag>
  );
}
