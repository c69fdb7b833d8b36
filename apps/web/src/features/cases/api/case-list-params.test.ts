import { describe, expect, it } from 'vitest';
import {
  caseFilterQuery,
  caseListQuery,
  caseListSearch,
  DEFAULT_CASE_PAGE_SIZE,
  hasCaseFilters,
  parseCaseListSearch,
} from './case-list-params';

describe('case list URL state', () => {
  it('starts empty on a bare URL', () => {
    const state = parseCaseListSearch(new URLSearchParams(''));
    expect(state).toEqual({
      page: 1,
      pageSize: DEFAULT_CASE_PAGE_SIZE,
      q: '',
      status: [],
      categoryId: undefined,
      unitId: undefined,
      regionId: undefined,
      source: undefined,
      overdue: undefined,
      escalated: undefined,
      from: undefined,
      to: undefined,
    });
    expect(hasCaseFilters(state)).toBe(false);
    expect(caseListSearch(state).toString()).toBe('');
  });

  it('round-trips every filter', () => {
    const url =
      'q=%E4%BA%95%E7%9B%96&status=dispatched%2Caccepted&categoryId=3&unitId=7&regionId=12&source=hotline' +
      '&overdue=true&escalated=false&from=2026-01-01&to=2026-01-31&page=3&pageSize=50';
    const state = parseCaseListSearch(new URLSearchParams(url));
    expect(state).toMatchObject({
      q: '井盖',
      status: ['dispatched', 'accepted'],
      categoryId: 3,
      unitId: 7,
      regionId: 12,
      source: 'hotline',
      overdue: true,
      escalated: false,
      from: '2026-01-01',
      to: '2026-01-31',
      page: 3,
      pageSize: 50,
    });
    expect(parseCaseListSearch(caseListSearch(state))).toEqual(state);
    expect(hasCaseFilters(state)).toBe(true);
  });

  it('drops malformed values', () => {
    const state = parseCaseListSearch(
      new URLSearchParams(
        'status=bogus,closed,closed&categoryId=-1&unitId=abc&source=x&overdue=yes&from=2026-1-1&page=0&pageSize=33',
      ),
    );
    expect(state.status).toEqual(['closed']);
    expect(state.categoryId).toBeUndefined();
    expect(state.unitId).toBeUndefined();
    expect(state.source).toBeUndefined();
    expect(state.overdue).toBeUndefined();
    expect(state.from).toBeUndefined();
    expect(state.page).toBe(1);
    expect(state.pageSize).toBe(DEFAULT_CASE_PAGE_SIZE);
  });

  it('builds the API query with comma-joined statuses and paging', () => {
    const state = parseCaseListSearch(new URLSearchParams('status=rework,dispatched&overdue=true&page=2'));
    expect(caseFilterQuery(state)).toMatchObject({ status: 'rework,dispatched', overdue: true });
    expect(caseFilterQuery(state)).not.toHaveProperty('page', 2);
    expect(caseListQuery(state)).toMatchObject({ status: 'rework,dispatched', page: 2, pageSize: 20 });
  });
});
