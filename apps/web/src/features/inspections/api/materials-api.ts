// TanStack Query hooks over material review (网上申报): requirements (a standard asked of a unit),
// one requirement with its submissions, assigning a standard to units, a unit's submission, the
// office's review, and completeness per standard or unit. Keys live under the feature's key.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { inspectionsKey, useInspectionsMutation } from './inspections-api';
import type {
  Completeness,
  CompletenessDimension,
  CreateRequirementsBody,
  MaterialRequirement,
  MaterialRequirementDetail,
  ReviewMaterialBody,
} from './inspection-types';

export const REQUIREMENTS_PATH = '/api/material-requirements';

export function useRequirementList(params: QueryParams) {
  return useQuery({
    queryKey: [...inspectionsKey, 'requirements', params],
    queryFn: ({ signal }) => apiFetch<Page<MaterialRequirement>>(REQUIREMENTS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRequirement(id: number | null) {
  return useQuery({
    queryKey: [...inspectionsKey, 'requirement', id],
    queryFn: ({ signal }) => apiFetch<MaterialRequirementDetail>(`${REQUIREMENTS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCompleteness(by: CompletenessDimension) {
  return useQuery({
    queryKey: [...inspectionsKey, 'completeness', by],
    queryFn: ({ signal }) => apiFetch<Completeness>('/api/material-completeness', { query: { by }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateRequirements() {
  return useInspectionsMutation((body: CreateRequirementsBody) =>
    apiFetch<{ created: number }>(REQUIREMENTS_PATH, { method: 'POST', body }),
  );
}

export function useSubmitMaterial(requirementId: number) {
  return useInspectionsMutation((body: { files: string[]; note?: string | null }) =>
    apiFetch<unknown>(`${REQUIREMENTS_PATH}/${requirementId}/submissions`, { method: 'POST', body }),
  );
}

export function useReviewMaterial() {
  return useInspectionsMutation(({ submissionId, body }: { submissionId: number; body: ReviewMaterialBody }) =>
    apiFetch<unknown>(`/api/material-submissions/${submissionId}/review`, { method: 'POST', body }),
  );
}
