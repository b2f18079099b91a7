import { Combobox, InputWrapper, MantineProvider, Modal, Notification, createTheme, type MantineThemeOverride } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthProvider, ME_KEY } from '../api/auth';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

function buildTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    // shade 8 keeps text and filled buttons above WCAG AA contrast (4.5:1) on white; Mantine's default 6 does not
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    components: {
      // Closed dropdowns leave the DOM, so a closed listbox is not a second element named like its input.
      Combobox: Combobox.extend({ defaultProps: { keepMounted: false } }),
      // The required marker is drawn by CSS (styles.css), so a label's text is exactly its words.
      InputWrapper: InputWrapper.extend({ defaultProps: { withAsterisk: false } }),
      // Icon-only close buttons get a name.
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });
}

function createQueryClient(): QueryClient {
  // An expired session (401 on any request) signs the user out locally, so the staff area sends them to the login page.
  const onError = (error: Error) => {
    if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED' && client.getQueryData(ME_KEY)) {
      client.setQueryData(ME_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/** Refetches failed queries when the language changes, so error messages follow the new language. */
function LanguageRefetch({ client }: { client: QueryClient }) {
  useEffect(() => {
    const onChange = () => {
      void client.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [client]);
  return null;
}

/** Wraps the app in Mantine, TanStack Query, notifications and the auth session. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  const { t } = useTranslation();
  const closeLabel = t('common.close');
  const theme = useMemo(() => buildTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={client}>
        <LanguageRefetch client={client} />
        <AuthProvider>{children}</AuthProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
