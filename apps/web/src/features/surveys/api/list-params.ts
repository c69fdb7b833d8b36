// The URL state of the questionnaire list (status, text, paging). Pure: parsing drops anything
// malformed, defaults stay out of the URL.
import { SURVEY_STATUSES, type SurveyStatus } from '@cc/common/surveys';
import type { UrlListCodec } from '../../../shared/use-url-list-state';
import { enumParam, pageSizeParam, positiveIntParam, textParam } from '../../../shared/url-params';

export interface SurveyListState {
  page: number;
  pageSize: number;
  q: string;
  status?: SurveyStatus;
}

export const SURVEY_LIST_CODEC: UrlListCodec<SurveyListState> = {
  parse: (search) => ({
    page: positiveIntParam(search.get('page')) ?? 1,
    pageSize: pageSizeParam(search.get('pageSize'), [10, 20, 50, 100], 20),
    q: textParam(search.get('q')),
    status: enumParam(search.get('status'), SURVEY_STATUSES),
  }),
  filters: (s) => ({ q: s.q || undefined, status: s.status }),
  pageSizes: [10, 20, 50, 100],
  defaultPageSize: 20,
};
