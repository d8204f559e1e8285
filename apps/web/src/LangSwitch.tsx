import { Segmented } from 'antd';
import { useLang, useT, type Lang } from './i18n';

const OPTIONS: { label: string; value: Lang }[] = [
  { label: '中文', value: 'zh' },
  { label: 'EN', value: 'en' },
];

export function LangSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { lang, setLang } = useLang();
  const t = useT();
  return <Segmented<Lang> data-testid="lang-switch" aria-label={t('lang.switch')} size={size} options={OPTIONS} value={lang} onChange={setLang} />;
}
