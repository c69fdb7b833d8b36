// The public (no sign-in) API: the city's report form data, photo upload, report intake, following
// a report by its tracking token, "still not fixed", and the public board. Calls skip the sign-in
// redirect: a resident is never sent to the staff login page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseStatus } from '@cc/common/cases';
import { apiFetch, type Page } from '../../../app/api';

export interface PublicCity {
  name: string;
  code: string;
  categories: { id: number; parentId: number | null; name: string }[];
  communities: { id: number; name: string; streetName: string }[];
}

export interface PublicReportInput {
  categoryId: number;
  description: string;
  address?: string | null;
  lng?: number | null;
  lat?: number | null;
  communityId?: number | null;
  photos: string[];
  idempotencyKey: string;
  reporterName?: string | null;
  reporterPhone?: string | null;
}

export interface PublicReceipt {
  code: string;
  trackingToken: string;
  /** Set when the report looks like a problem already being handled. */
  duplicateOfCode: string | null;
}

export interface PublicCaseStep {
  at: string;
  action: string;
  toStatus: string | null;
}

export interface PublicCaseView {
  code: string;
  status: CaseStatus;
  categoryName: string;
  description: string;
  address: string | null;
  createdAt: string;
  closedAt: string | null;
  canSayNotFixed: boolean;
  steps: PublicCaseStep[];
}

export type BoardState = 'exposed' | 'fixed';

export interface BoardItem {
  id: number;
  code: string;
  status: CaseStatus;
  categoryName: string;
  description: string;
  address: string | null;
  regionName: string | null;
  unitName: string | null;
  createdAt: string;
  closedAt: string | null;
  /** URLs of the metadata-free public copies. */
  beforePhotos: string[];
  afterPhotos: string[];
}

const publicKey = ['public'] as const;

/** City codes are 12-digit statistical region codes. */
export function isCityCode(code: string | undefined): code is string {
  return !!code && /^[0-9]{12}$/.test(code);
}

export function usePublicCity(code: string) {
  return useQuery({
    enabled: isCityCode(code),
    queryKey: [...publicKey, 'city', code],
    queryFn: ({ signal }) =>
      apiFetch<PublicCity>(`/api/public/cities/${encodeURIComponent(code)}`, { signal, skipAuthRedirect: true }),
    staleTime: 10 * 60_000,
  });
}

/** Uploads one (already shrunk) photo; returns its file id. */
export async function uploadPublicPhoto(code: string, file: File): Promise<string> {
  const formData = new FormData();
  formData.append('file', file, file.name);
  const stored = await apiFetch<{ fileId: string }>(`/api/public/cities/${encodeURIComponent(code)}/photos`, {
    method: 'POST',
    formData,
    skipAuthRedirect: true,
  });
  return stored.fileId;
}

export function useSubmitPublicReport(code: string) {
  return useMutation({
    mutationFn: (input: PublicReportInput) =>
      apiFetch<PublicReceipt>(`/api/public/cities/${encodeURIComponent(code)}/cases`, {
        method: 'POST',
        body: input,
        skipAuthRedirect: true,
      }),
  });
}

export function usePublicTrack(token: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...publicKey, 'track', token],
    queryFn: ({ signal }) =>
      apiFetch<PublicCaseView>(`/api/public/track/${encodeURIComponent(token)}`, { signal, skipAuthRedirect: true }),
  });
}

export function useSayNotFixed(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) =>
      apiFetch<PublicCaseView>(`/api/public/track/${encodeURIComponent(token)}/not-fixed`, {
        method: 'POST',
        body: { note },
        skipAuthRedirect: true,
      }),
    onSuccess: (view) => queryClient.setQueryData([...publicKey, 'track', token], view),
  });
}

export function usePublicBoard(code: string, state: BoardState, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...publicKey, 'board', code, state, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<BoardItem>>(`/api/public/cities/${encodeURIComponent(code)}/board`, {
        query: { state, page, pageSize },
        signal,
        skipAuthRedirect: true,
      }),
    placeholderData: keepPreviousData,
  });
}
