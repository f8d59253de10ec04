// Products, channels and communities are configuration: edited in qunyun.yaml and applied with `qunyun apply`.
import { Alert, Typography } from 'antd';
import { useI18n } from '../../i18n';
import './messages';

export function YamlNote({ section }: { section: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('set.yaml.title', { section })}
      description={
        <span>
          {t('set.yaml.body')}{' '}
          <Typography.Text code copyable>
            qunyun apply qunyun.yaml
          </Typography.Text>
        </span>
      }
    />
  );
}
