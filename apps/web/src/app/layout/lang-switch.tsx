// 中文 / EN switch. Changes the UI at once; when signed in also stores the choice on the account.
import { App, Segmented } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Locale } from '../api';
import { useLocale } from '../i18n/locale-provider';
import { useUpdateMe } from '../auth/auth-actions';
import { meQueryKey, type Me } from '../auth/use-me';
import { showApiError } from '../../shared/form-errors';

export function LangSwitch({ size = 'small' }: { size?: 'small' | 'middle' | 'large' }) {
  const { locale, setLocale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();

  const change = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    const me = queryClient.getQueryData<Me | null>(meQueryKey);
    if (me) updateMe.mutate({ locale: next }, { onError: (error) => showApiError(error, message) });
  };

  return (
    <span data-testid="lang-switch" style={{ display: 'inline-block' }}>
      <Segmented<Locale>
        size={size}
        value={locale}
        onChange={change}
        options={[
          { value: 'zh-CN', label: <span data-testid="lang-zh-CN">中文</span> },
          { value: 'en-US', label: <span data-testid="lang-en-US">EN</span> },
        ]}
      />
    </span>
  );
}
