// The language switch: one button that flips between 中文 and English (data-testid="lang-switch", data-lang = current).
import { Button, Tooltip } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

export function LangSwitch({ light }: { light?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('header.lang')}>
      <Button
        type={light ? 'text' : 'default'}
        size="small"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        data-lang={lang}
        aria-label={next === 'en-US' ? 'Switch to English' : '切换到中文'}
        onClick={() => setLang(next)}
      >
        {next === 'en-US' ? 'English' : '中文'}
      </Button>
    </Tooltip>
  );
}
