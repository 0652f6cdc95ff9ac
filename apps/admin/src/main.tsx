import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './console.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, whenSessionEnds } from './api/query-client.ts';
import { DICTIONARIES } from './i18n/dictionary.ts';
import { I18nProvider, initialLanguage } from './i18n/i18n.tsx';
import { router } from './router.tsx';
import { sessionStore } from './session/session-store.ts';
import { forget } from './session/sign-out.ts';

// Shades dark enough for white text and for text on white (WCAG AA), which Mantine's defaults
// (blue 6, the dimmed gray) are not.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});

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

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
