// Security policy API (security admin): password rules, lockout and idle timeout.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../app/api';

export interface SecurityPolicy {
  passwordMinLength: number;
  passwordRequireClasses: number;
  passwordExpiryDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
}

const policyKey = ['security', 'policy'] as const;

export function useSecurityPolicy() {
  return useQuery({ queryKey: policyKey, queryFn: () => apiFetch<SecurityPolicy>('/api/security/policy') });
}

export function useSaveSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: SecurityPolicy) =>
      apiFetch<SecurityPolicy>('/api/security/policy', { method: 'PUT', body: policy }),
    onSuccess: (policy) => {
      queryClient.setQueryData(policyKey, policy);
      // The public password policy and the idle timeout in Me derive from this.
      void queryClient.invalidateQueries({ queryKey: ['auth'] });
    },
  });
}
