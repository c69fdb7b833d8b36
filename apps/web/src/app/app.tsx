// Root component: providers (query cache, language + AntD config, AntD App context) and the
// router; wires API auth failures to navigation.
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { onAuthFailure } from './api';
import { meQueryKey, storeMe, type Me } from './auth/use-me';
import { LocaleProvider, useLocale } from './i18n/locale-provider';
import { queryClient } from './query-client';
import { router } from './router';
import { FeedbackBridge } from '../shared/feedback';

/** Adopts the language stored on the account when a session is restored. */
function AccountLocaleSync() {
  const { locale, setLocale } = useLocale();
  useEffect(() => {
    return queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type !== 'updated' ||
        event.query.queryKey[0] !== meQueryKey[0] ||
        event.query.queryKey[1] !== meQueryKey[1]
      )
        return;
      if (event.action.type !== 'success') return;
      const me = event.query.state.data as Me | null | undefined;
      if (me && me.locale !== locale && !event.action.manual) setLocale(me.locale);
    });
  }, [locale, setLocale]);
  return null;
}

function installAuthFailureHandler() {
  onAuthFailure((failure) => {
    const path = router.state.location.pathname;
    if (failure === 'unauthenticated') {
      if (path === '/login') return;
      queryClient.clear();
      storeMe(queryClient, null);
      const next = path + router.state.location.search;
      void router.navigate(`/login?reason=expired&next=${encodeURIComponent(next)}`, { replace: true });
      return;
    }
    queryClient.setQueryData<Me | null>(meQueryKey, (me) =>
      me
        ? {
            ...me,
            mustChangePassword: me.mustChangePassword || failure === 'password-change-required',
            passwordExpired: me.passwordExpired || failure === 'password-expired',
          }
        : me,
    );
    if (path !== '/change-password') void router.navigate('/change-password', { replace: true });
  });
}

installAuthFailureHandler();

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <FeedbackBridge />
          <AccountLocaleSync />
          <RouterProvider router={router} />
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
