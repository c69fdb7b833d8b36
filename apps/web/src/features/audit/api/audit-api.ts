// Audit log API (audit admin): append-only entries, filtered and paged; Excel export.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';

export type AuditResult = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  result: AuditResult;
  message: string | null;
}

export function useAuditList(params: QueryParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<AuditEntry>>('/api/audit', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
