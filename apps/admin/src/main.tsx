import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './console.css';
import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, whenSessionEnds } from './api/query-client.ts';
import { DICTIONARIES } from './i18n/dictionary.ts';
import { I18nProvider, initialLanguage, useI18n } from './i18n/i18n.tsx';
import { router } from './router.tsx';
import { sessionStore } from './session/session-store.ts';
import { forget } from './session/sign-out.ts';
import { consoleTheme } from './theme.ts';

// A call answered 401 after the SDK's refresh failed: the session is over, sign in again.
whenSessionEnds(() => {
  const session = sessionStore.get();
  if (!session) return;
  forget();
  notifications.show({ color: 'yellow', message: DICTIONARIES[initialLanguage()].signIn.sessionEnded });
  void router.navigate(
    session.kind === 'platform'
      ? { to: '/platform/sign-in', search: { ended: true } }
      : { to: '/sign-in', search: { tenant: session.tenant.slug, ended: true } },
  );
});

function Console() {
  const { t } = useI18n();
  const theme = useMemo(() => consoleTheme(t.common.close), [t]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Console />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
