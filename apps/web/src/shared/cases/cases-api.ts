// Cases API shared by the admin case pages, the phone pages and the config pages: the types the
// server returns (see the server's cases.schemas.ts) and TanStack Query hooks over them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseAction, CaseSource, CaseStatus, LimitUnitName, OwnerRule } from '@cc/common/cases';
import { apiFetch, type Page, type QueryParams } from '../../app/api';

export interface CaseCategory {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  ownerRule: OwnerRule;
  limitUnit: LimitUnitName;
  limitAmount: number;
  verifyLimitUnit: LimitUnitName | null;
  verifyLimitAmount: number | null;
  sort: number;
  active: boolean;
}

export interface CaseListItem {
  id: number;
  code: string;
  status: CaseStatus;
  source: CaseSource;
  categoryId: number;
  categoryName: string;
  description: string;
  address: string | null;
  regionId: number | null;
  regionName: string | null;
  unitId: number | null;
  unitName: string | null;
  deadlineAt: string | null;
  overdue: boolean;
  escalationCount: number;
  extensionPending: boolean;
  duplicateOfId: number | null;
  createdAt: string;
  closedAt: string | null;
}

export interface CaseLogEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: unknown;
  photos: string[];
}

export interface CasePhoto {
  fileId: string;
  kind: 'before' | 'after' | 'verify';
  isPublic: boolean;
}

export interface CaseReporter {
  name: string | null;
  phone: string | null;
  source: string;
  reportedAt: string;
  mergedFromId: number | null;
}

export interface CaseExtension {
  id: number;
  requestedAt: string;
  requestedByName: string | null;
  reason: string;
  requestedDeadline: string;
  status: 'pending' | 'approved' | 'refused';
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface CaseRouting {
  unitId: number | null;
  unitName: string | null;
  rule: 'owner' | 'area' | 'none';
  reason: string;
}

export interface CaseDetail extends CaseListItem {
  lng: number | null;
  lat: number | null;
  communityId: number | null;
  communityName: string | null;
  gridId: number | null;
  gridName: string | null;
  siteName: string | null;
  ownerUnitId: number | null;
  ownerUnitName: string | null;
  limitUnit: LimitUnitName;
  limitAmount: number;
  isPublic: boolean;
  originalDeadlineAt: string | null;
  verifyDeadlineAt: string | null;
  dispatchedAt: string | null;
  handledAt: string | null;
  verifiedAt: string | null;
  closedOnTime: boolean | null;
  reworkCount: number;
  extensionCount: number;
  returnCount: number;
  reopenCount: number;
  mergedIntoId: number | null;
  duplicateScore: number | null;
  routing: CaseRouting;
  photos: CasePhoto[];
  reporters: CaseReporter[];
  extensions: CaseExtension[];
  log: CaseLogEntry[];
  allowedActions: CaseAction[];
  replayed?: boolean;
}

export interface CaseInput {
  categoryId: number;
  description: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  communityId?: number | null;
  photos?: string[];
  idempotencyKey?: string;
  source?: CaseSource;
  siteName?: string | null;
  ownerUnitId?: number | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
}

export interface TransitionInput {
  note?: string | null;
  photos?: string[];
  unitId?: number;
  deadline?: string;
  targetCaseId?: number;
}

export interface CaseCounts {
  byStatus: Record<string, number>;
  overdue: number;
  escalated: number;
  extensionPending: number;
  dueSoon: number;
}

export interface DuplicateCandidate {
  id: number;
  code: string;
  status: CaseStatus;
  categoryName: string;
  description: string;
  address: string | null;
  distanceM: number | null;
  similarity: number;
  createdAt: string;
}

export const casesKey = ['cases'] as const;

export function useCaseCategories(enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'categories'],
    queryFn: ({ signal }) => apiFetch<{ items: CaseCategory[] }>('/api/case-categories', { signal }),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

export function useCaseList(params: QueryParams) {
  return useQuery({
    queryKey: [...casesKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<CaseListItem>>('/api/cases', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMyReports(params: QueryParams) {
  return useQuery({
    queryKey: [...casesKey, 'reported', params],
    queryFn: ({ signal }) => apiFetch<Page<CaseListItem>>('/api/cases/reported', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseCounts(params: QueryParams = {}) {
  return useQuery({
    queryKey: [...casesKey, 'counts', params],
    queryFn: ({ signal }) => apiFetch<CaseCounts>('/api/cases/counts', { query: params, signal }),
  });
}

export function useCase(id: number | null) {
  return useQuery({
    queryKey: [...casesKey, 'detail', id],
    queryFn: ({ signal }) => apiFetch<CaseDetail>(`/api/cases/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCaseDuplicates(id: number | null, enabled = true) {
  return useQuery({
    queryKey: [...casesKey, 'duplicates', id],
    queryFn: ({ signal }) => apiFetch<{ items: DuplicateCandidate[] }>(`/api/cases/${id}/duplicates`, { signal }),
    select: (data) => data.items,
    enabled: id !== null && enabled,
  });
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaseInput) => apiFetch<CaseDetail>('/api/cases', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: casesKey }),
  });
}

export function useCaseTransition(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, input }: { action: CaseAction; input: TransitionInput }) =>
      apiFetch<CaseDetail>(`/api/cases/${id}/transitions/${action}`, { method: 'POST', body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData([...casesKey, 'detail', id], detail);
      return queryClient.invalidateQueries({ queryKey: casesKey });
    },
  });
}

/** URL of an uploaded file's original (staff) or its metadata-free public copy. */
export function fileUrl(fileId: string, variant: 'original' | 'public' = 'original'): string {
  return variant === 'public' ? `/api/files/${fileId}/public` : `/api/files/${fileId}`;
}

/** A fresh idempotency key for one submission (kept with the draft so a retry reuses it). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
