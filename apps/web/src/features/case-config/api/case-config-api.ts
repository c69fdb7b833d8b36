// Case configuration API: saving categories (the list itself is the shared useCaseCategories),
// the duplicate / reminder / escalation / notice settings, and the city's working calendar.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LimitUnitName, OwnerRule } from '@cc/common/cases';
import { apiFetch } from '../../../app/api';
import { casesKey, type CaseCategory } from '../../../shared/cases/cases-api';

export interface CategoryCreateInput {
  parentId?: number | null;
  code: string;
  name: string;
  ownerRule: OwnerRule;
  limitUnit: LimitUnitName;
  limitAmount: number;
  verifyLimitUnit?: LimitUnitName | null;
  verifyLimitAmount?: number | null;
  sort?: number;
  active?: boolean;
}

/** Code and parent are fixed once a category exists (cases refer to it). */
export type CategoryUpdateInput = Partial<Omit<CategoryCreateInput, 'code' | 'parentId'>>;

const categoriesKey = [...casesKey, 'categories'] as const;

export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      args: { id: null; input: CategoryCreateInput } | { id: number; input: CategoryUpdateInput },
    ): Promise<CaseCategory> =>
      args.id === null
        ? apiFetch<CaseCategory>('/api/case-categories', { method: 'POST', body: args.input })
        : apiFetch<CaseCategory>(`/api/case-categories/${args.id}`, { method: 'PATCH', body: args.input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}

/** Adds the built-in sample tree; codes the city already has are left alone. */
export function useImportDefaultCategories() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<{ items: CaseCategory[] }>('/api/case-categories/defaults', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}

export interface CaseSettings {
  duplicateRadiusM: number;
  duplicateDays: number;
  duplicateMinSimilarity: number;
  /** Share of the time limit left when the unit is reminded (0.2 = the last fifth). */
  remindBeforeRatio: number;
  escalateEveryMinutes: number;
  noticeIssuer: string;
  noticePrefix: string;
}

const settingsKey = ['case-settings'] as const;

export function useCaseSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiFetch<CaseSettings>('/api/case-settings', { signal }),
  });
}

export function useSaveCaseSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<CaseSettings>) =>
      apiFetch<CaseSettings>('/api/case-settings', { method: 'PUT', body: input }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

export interface CalendarView {
  year: number;
  periods: [string, string][];
  utcOffsetMinutes: number;
  /** 'city': the city's own days for this year; 'national': the built-in arrangement; 'none': neither. */
  source: 'city' | 'national' | 'none';
  days: CalendarDay[];
  workingDays: number;
}

const calendarKey = ['calendar'] as const;

export function useCalendar(year: number) {
  return useQuery({
    queryKey: [...calendarKey, year],
    queryFn: ({ signal }) => apiFetch<CalendarView>('/api/calendar', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSavePeriods() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (periods: [string, string][]) =>
      apiFetch<CalendarView>('/api/calendar/periods', { method: 'PUT', body: { periods } }),
    // periods apply to every year; the answer describes the current year only
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useSaveYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, days }: { year: number; days: CalendarDay[] }) =>
      apiFetch<CalendarView>(`/api/calendar/years/${year}`, { method: 'PUT', body: { days } }),
    onSuccess: (view) => {
      queryClient.setQueryData([...calendarKey, view.year], view);
      return queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}
