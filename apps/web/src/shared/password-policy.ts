// The public password policy and client-side rules mirroring the server's checks
// (length, character classes, not containing the user name).
import { useQuery } from '@tanstack/react-query';
import type { FormRule as Rule } from 'antd';
import { apiFetch } from '../app/api';
import type { TFunction } from '../app/i18n/locale-provider';

export interface PasswordPolicy {
  minLength: number;
  requireClasses: number;
  expiryDays: number;
}

export const passwordPolicyQueryKey = ['auth', 'password-policy'] as const;

export function usePasswordPolicy() {
  return useQuery({
    queryKey: passwordPolicyQueryKey,
    queryFn: () => apiFetch<PasswordPolicy>('/api/auth/password-policy', { skipAuthRedirect: true }),
    staleTime: 5 * 60_000,
  });
}

export function countClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function passwordRules(
  t: TFunction,
  policy: PasswordPolicy | undefined,
  getUsername?: () => string | undefined,
): Rule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value || !policy) return;
        if (value.length < policy.minLength) throw new Error(t('password.tooShort', { min: policy.minLength }));
        if (countClasses(value) < policy.requireClasses)
          throw new Error(t('password.tooSimple', { classes: policy.requireClasses }));
        const username = getUsername?.();
        if (username && value.toLowerCase().includes(username.toLowerCase()))
          throw new Error(t('password.containsUsername'));
      },
    },
  ];
}

export function describePolicy(t: TFunction, policy: PasswordPolicy): string[] {
  const lines = [
    t('password.policy.minLength', { min: policy.minLength }),
    t('password.policy.classes', { classes: policy.requireClasses }),
  ];
  lines.push(
    policy.expiryDays > 0 ? t('password.policy.expiry', { days: policy.expiryDays }) : t('password.policy.noExpiry'),
  );
  return lines;
}
