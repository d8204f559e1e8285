// Providers both pages share: data fetching, language, and antd in the chosen language.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'antd/dist/reset.css';
import type { ReactNode } from 'react';
import { LangProvider, useLang } from './i18n';

export const BRAND_COLOR = '#00706b';

// antd derives the light backgrounds from the primary colour's palette, which for this teal comes
// out grey; explicit tints keep selected menu items and highlights readable. Links follow the brand.
const BRAND_TOKENS = {
  colorPrimary: BRAND_COLOR,
  colorPrimaryBg: '#e3f1ef',
  colorPrimaryBgHover: '#c9e4e0',
  colorLink: BRAND_COLOR,
};

function LocalizedAntd({ theme, children }: { theme?: ThemeConfig; children: ReactNode }) {
  const { lang } = useLang();
  // dayjs keeps its locale globally; date pickers read it while rendering, so set it before they do.
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ ...theme, token: { ...BRAND_TOKENS, ...theme?.token } }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export function AppProviders({ queryClient, theme, children }: { queryClient: QueryClient; theme?: ThemeConfig; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <LocalizedAntd theme={theme}>{children}</LocalizedAntd>
      </LangProvider>
    </QueryClientProvider>
  );
}
