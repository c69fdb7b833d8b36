// TanStack Query hooks over questionnaires (问卷): the list, one questionnaire, creating and
// editing it, its versions and quotas, opening and closing, results, cross-tabs and text answers;
// and the public page's questionnaire and submission. Every query lives under `surveysKey`, so a
// write refreshes the lists, the detail and the results.
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { useRefreshingMutation } from '../../../shared/use-refreshing-mutation';
import type {
  Crosstab,
  CrosstabParams,
  PublicSurvey,
  SubmitReceipt,
  SurveyBody,
  SurveyDetail,
  SurveyListItem,
  SurveyResults,
  SurveyVersion,
  TextAnswer,
  VersionBody,
} from './survey-types';

export const surveysKey = ['surveys'] as const;
export const SURVEYS_PATH = '/api/surveys';

const useSurveysMutation = <TInput, TResult>(fn: (input: TInput) => Promise<TResult>) =>
  useRefreshingMutation(surveysKey, fn);

export function useSurveyList(params: QueryParams) {
  return useQuery({
    queryKey: [...surveysKey, 'list', params],
    queryFn: ({ signal }) => apiFetch<Page<SurveyListItem>>(SURVEYS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: number | null) {
  return useQuery({
    queryKey: [...surveysKey, 'detail', id],
    queryFn: ({ signal }) => apiFetch<SurveyDetail>(`${SURVEYS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateSurvey() {
  return useSurveysMutation((body: SurveyBody) => apiFetch<SurveyDetail>(SURVEYS_PATH, { method: 'POST', body }));
}

export function useUpdateSurvey(id: number) {
  return useSurveysMutation((body: Partial<SurveyBody>) =>
    apiFetch<SurveyDetail>(`${SURVEYS_PATH}/${id}`, { method: 'PATCH', body }),
  );
}

export function useSaveVersion(surveyId: number) {
  return useSurveysMutation(({ versionId, body }: { versionId: number | null; body: VersionBody }) =>
    versionId === null
      ? apiFetch<SurveyVersion>(`${SURVEYS_PATH}/${surveyId}/versions`, { method: 'POST', body })
      : apiFetch<SurveyVersion>(`${SURVEYS_PATH}/${surveyId}/versions/${versionId}`, { method: 'PUT', body }),
  );
}

export function useDeleteVersion(surveyId: number) {
  return useSurveysMutation((versionId: number) =>
    apiFetch<{ ok: boolean }>(`${SURVEYS_PATH}/${surveyId}/versions/${versionId}`, { method: 'DELETE' }),
  );
}

export function useSetQuotas(surveyId: number) {
  return useSurveysMutation((items: { regionId: number; quota: number }[]) =>
    apiFetch<SurveyDetail>(`${SURVEYS_PATH}/${surveyId}/quotas`, { method: 'PUT', body: { items } }),
  );
}

export function useSurveyStep(surveyId: number) {
  return useSurveysMutation((step: 'open' | 'close') =>
    apiFetch<SurveyDetail>(`${SURVEYS_PATH}/${surveyId}/${step}`, { method: 'POST', body: {} }),
  );
}

export function useSurveyResults(surveyId: number, params: { versionId?: number; regionId?: number }) {
  return useQuery({
    queryKey: [...surveysKey, 'results', surveyId, params],
    queryFn: ({ signal }) =>
      apiFetch<SurveyResults>(`${SURVEYS_PATH}/${surveyId}/results`, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCrosstab(surveyId: number, params: CrosstabParams | null) {
  return useQuery({
    queryKey: [...surveysKey, 'crosstab', surveyId, params],
    queryFn: ({ signal }) =>
      apiFetch<Crosstab>(`${SURVEYS_PATH}/${surveyId}/crosstab`, { query: { ...params }, signal }),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTextAnswers(surveyId: number, question: string | null, page: number) {
  return useQuery({
    queryKey: [...surveysKey, 'texts', surveyId, question, page],
    queryFn: ({ signal }) =>
      apiFetch<Page<TextAnswer>>(`${SURVEYS_PATH}/${surveyId}/texts`, {
        query: { question, page, pageSize: 10 },
        signal,
      }),
    enabled: question !== null,
    placeholderData: keepPreviousData,
  });
}

// --- public ----------------------------------------------------------------------------------

export function usePublicSurvey(token: string, enabled: boolean) {
  return useQuery({
    queryKey: ['public-survey', token],
    queryFn: ({ signal }) => apiFetch<PublicSurvey>(`/api/public/surveys/${token}`, { signal }),
    enabled,
    retry: false,
  });
}

export function useSubmitSurvey(token: string) {
  return useMutation({
    mutationFn: (body: {
      versionId: number;
      regionId: number;
      deviceId: string;
      idempotencyKey: string;
      answers: Record<string, unknown>;
    }) => apiFetch<SubmitReceipt>(`/api/public/surveys/${token}/responses`, { method: 'POST', body }),
  });
}

/** Campaigns a questionnaire may belong to (the caller's, newest first). */
export function useCampaignOptions(enabled: boolean) {
  return useQuery({
    queryKey: [...surveysKey, 'campaign-options'],
    queryFn: ({ signal }) =>
      apiFetch<Page<{ id: number; name: string }>>('/api/campaigns', { query: { pageSize: 100 }, signal }).then(
        (page) => page.items.map((c) => ({ id: c.id, name: c.name })),
      ),
    staleTime: 5 * 60_000,
    enabled,
  });
}
