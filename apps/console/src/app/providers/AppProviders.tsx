import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../../api/client';
import { setSession } from '../../features/auth/hooks/session';
import { I18nProvider } from '../../i18n/I18nProvider';
import { useT } from '../../i18n/useT';
import { createQueryClient } from './queryClient';

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useT();
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
    >
      <AntApp style={{ height: '100%' }}>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Query cache, i18n and antd config for the whole console. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  useEffect(() => {
    // Any 401 means the session is gone: forgetting `me` makes the router show /login.
    setUnauthorizedHandler(() => setSession(queryClient, null));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalizedAntd>{children}</LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
