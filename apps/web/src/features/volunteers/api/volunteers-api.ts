// TanStack Query hooks over community registration and volunteer service: registrations and the
// members not yet registered, activity types, activities with their QR code, sign-ups and
// assignment, check-in / check-out, attendance and hours, and the weekly 五个一 (my week, reports,
// compliance, idle members). Every query lives under `volunteersKey`, so any write refreshes the
// figures it changes.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiFetch, downloadFile, type Page, type QueryParams } from '../../../app/api';
import { useRefreshingMutation } from '../../../shared/use-refreshing-mutation';
import type {
  ActivityBody,
  ActivityDetail,
  ActivityListItem,
  ActivityType,
  ActivityTypeBody,
  ActivityTypeList,
  AssignResult,
  Certificate,
  CertificateBody,
  Attendance,
  CheckInBody,
  CheckOutBody,
  Commendation,
  ComplianceList,
  CreateCommendationBody,
  Dashboard,
  DecideAttendanceBody,
  DecideBody,
  FiveOneReport,
  FiveOneReportBody,
  FiveOneWeek,
  ManualAttendanceBody,
  MyHours,
  MyRegistration,
  QrResponse,
  RankingList,
  RegisterBody,
  Registration,
  RemindBody,
  RemindResult,
  Signup,
  UnregisteredMember,
} from './volunteer-types';

export const volunteersKey = ['volunteers'] as const;
const BASE = '/api/volunteer';

export function useVolunteerMutation<TInput, TResult>(
  mutationFn: (input: TInput) => Promise<TResult>,
  { failOffline = false }: { failOffline?: boolean } = {},
) {
  return useRefreshingMutation(volunteersKey, mutationFn, { failOffline });
}

// --- registrations ---------------------------------------------------------------------------

export function useMyRegistration(enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'registration', 'mine'],
    queryFn: ({ signal }) => apiFetch<MyRegistration>(`${BASE}/registrations/mine`, { signal }),
    enabled,
  });
}

export function useRegister() {
  return useVolunteerMutation((body: RegisterBody) =>
    apiFetch<Registration>(`${BASE}/registrations`, { method: 'POST', body }),
  );
}

export function useWithdrawRegistration() {
  return useVolunteerMutation((id: number) =>
    apiFetch<Registration>(`${BASE}/registrations/${id}/withdraw`, { method: 'POST' }),
  );
}

export function useRegistrationList(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'registrations', params],
    queryFn: ({ signal }) => apiFetch<Page<Registration>>(`${BASE}/registrations`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideRegistration() {
  return useVolunteerMutation(({ id, body }: { id: number; body: DecideBody }) =>
    apiFetch<Registration>(`${BASE}/registrations/${id}/decide`, { method: 'POST', body }),
  );
}

export function useUnregistered(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'unregistered', params],
    queryFn: ({ signal }) => apiFetch<Page<UnregisteredMember>>(`${BASE}/unregistered`, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRemindUnregistered() {
  return useVolunteerMutation((body: RemindBody) =>
    apiFetch<RemindResult>(`${BASE}/unregistered/remind`, { method: 'POST', body }),
  );
}

// --- activities ------------------------------------------------------------------------------

export interface VolunteerCommunity {
  id: number;
  name: string;
  code: string;
  street: string | null;
}

/** The city's communities (members may read these though not the region tree). */
export function useVolunteerCommunities(enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'communities'],
    queryFn: ({ signal }) => apiFetch<{ items: VolunteerCommunity[] }>(`${BASE}/communities`, { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The types with whether the actor (the city office) may edit them, for the settings page. */
export function useActivityTypeSettings() {
  return useQuery({
    queryKey: [...volunteersKey, 'activity-types', 'settings'],
    queryFn: ({ signal }) => apiFetch<ActivityTypeList>(`${BASE}/activity-types`, { signal }),
  });
}

export function useCreateActivityType() {
  return useVolunteerMutation((body: ActivityTypeBody & { code: string }) =>
    apiFetch<ActivityTypeList>(`${BASE}/activity-types`, { method: 'POST', body }),
  );
}

export function useUpdateActivityType() {
  return useVolunteerMutation(
    ({ code, body }: { code: string; body: Partial<ActivityTypeBody> & { active?: boolean } }) =>
      apiFetch<ActivityTypeList>(`${BASE}/activity-types/${encodeURIComponent(code)}`, { method: 'PATCH', body }),
  );
}

export function useActivityTypes() {
  return useQuery({
    queryKey: [...volunteersKey, 'activity-types'],
    queryFn: ({ signal }) =>
      apiFetch<{ items: ActivityType[] }>(`${BASE}/activity-types`, { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useActivityList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'activities', params],
    queryFn: ({ signal }) => apiFetch<Page<ActivityListItem>>(`${BASE}/activities`, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The phone's list: pages appended as the member scrolls. */
export function useActivityFeed(params: QueryParams, pageSize = 10) {
  return useInfiniteQuery({
    queryKey: [...volunteersKey, 'activity-feed', params, pageSize],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<ActivityListItem>>(`${BASE}/activities`, {
        query: { ...params, page: pageParam, pageSize },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function useActivity(id: number | null) {
  return useQuery({
    queryKey: [...volunteersKey, 'activity', id],
    queryFn: ({ signal }) => apiFetch<ActivityDetail>(`${BASE}/activities/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useSaveActivity() {
  return useVolunteerMutation(({ id, body }: { id: number | null; body: ActivityBody }) =>
    id === null
      ? apiFetch<ActivityDetail>(`${BASE}/activities`, { method: 'POST', body })
      : apiFetch<ActivityDetail>(`${BASE}/activities/${id}`, { method: 'PATCH', body }),
  );
}

export function useCancelActivity() {
  return useVolunteerMutation((id: number) =>
    apiFetch<ActivityDetail>(`${BASE}/activities/${id}/cancel`, { method: 'POST' }),
  );
}

/** The activity's QR token; not cached across mounts, since it expires. */
export function useActivityQr(id: number, validMinutes: number | null, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'qr', id, validMinutes],
    queryFn: ({ signal }) => apiFetch<QrResponse>(`${BASE}/activities/${id}/qr`, { query: { validMinutes }, signal }),
    enabled,
    gcTime: 0,
    staleTime: Infinity,
  });
}

export function useSignup() {
  return useVolunteerMutation(({ id, on }: { id: number; on: boolean }) =>
    apiFetch<ActivityDetail>(`${BASE}/activities/${id}/signup`, { method: on ? 'POST' : 'DELETE' }),
  );
}

export function useAssign(id: number) {
  return useVolunteerMutation((personIds: number[]) =>
    apiFetch<AssignResult>(`${BASE}/activities/${id}/assign`, { method: 'POST', body: { personIds } }),
  );
}

export function useSignups(activityId: number, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'signups', activityId],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Signup[] }>(`${BASE}/activities/${activityId}/signups`, { signal }).then((r) => r.items),
    enabled,
  });
}

export function useRemoveSignup(activityId: number) {
  return useVolunteerMutation((personId: number) =>
    apiFetch<{ items: Signup[] }>(`${BASE}/activities/${activityId}/signups/${personId}`, { method: 'DELETE' }),
  );
}

// --- attendance ------------------------------------------------------------------------------

export function useAttendance(activityId: number, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'attendance', activityId],
    queryFn: ({ signal }) =>
      apiFetch<{ items: Attendance[] }>(`${BASE}/activities/${activityId}/attendance`, { signal }).then((r) => r.items),
    enabled,
  });
}

export function useManualAttendance(activityId: number) {
  return useVolunteerMutation((body: ManualAttendanceBody) =>
    apiFetch<Attendance>(`${BASE}/activities/${activityId}/manual-attendance`, { method: 'POST', body }),
  );
}

export function useDecideAttendance() {
  return useVolunteerMutation(({ id, body }: { id: number; body: DecideAttendanceBody }) =>
    apiFetch<Attendance>(`${BASE}/attendance/${id}/decide`, { method: 'POST', body }),
  );
}

/** Check-in and check-out fail at once without a connection: the member retries on the spot. */
export function useCheckIn() {
  return useVolunteerMutation(
    (body: CheckInBody) => apiFetch<Attendance>(`${BASE}/check-in`, { method: 'POST', body }),
    { failOffline: true },
  );
}

export function useCheckOut() {
  return useVolunteerMutation(
    (body: CheckOutBody) => apiFetch<Attendance>(`${BASE}/check-out`, { method: 'POST', body }),
    { failOffline: true },
  );
}

export function useMyHours(enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'my-hours'],
    queryFn: ({ signal }) => apiFetch<MyHours>(`${BASE}/my-hours`, { signal }),
    enabled,
  });
}

// --- 五个一 ------------------------------------------------------------------------------------

export function useMyFiveOne(day?: string, enabled = true) {
  return useQuery({
    queryKey: [...volunteersKey, 'five-one', 'me', day ?? null],
    queryFn: ({ signal }) => apiFetch<FiveOneWeek>(`${BASE}/five-one/me`, { query: { day }, signal }),
    enabled,
  });
}

export function useReportFiveOne() {
  return useVolunteerMutation(
    (body: FiveOneReportBody) => apiFetch<FiveOneReport>(`${BASE}/five-one/reports`, { method: 'POST', body }),
    { failOffline: true },
  );
}

export function useFiveOneReports(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'five-one', 'reports', params],
    queryFn: ({ signal }) => apiFetch<Page<FiveOneReport>>(`${BASE}/five-one/reports`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideReport() {
  return useVolunteerMutation(({ id, body }: { id: number; body: DecideBody }) =>
    apiFetch<FiveOneReport>(`${BASE}/five-one/reports/${id}/decide`, { method: 'POST', body }),
  );
}

export function useCompliance(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'five-one', 'compliance', params],
    queryFn: ({ signal }) => apiFetch<ComplianceList>(`${BASE}/five-one/compliance`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useIdleMembers(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'five-one', 'idle', params],
    queryFn: ({ signal }) => apiFetch<Page<UnregisteredMember>>(`${BASE}/five-one/idle`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRemindIdle() {
  return useVolunteerMutation((body: RemindBody & { day?: string }) =>
    apiFetch<RemindResult>(`${BASE}/five-one/remind`, { method: 'POST', body }),
  );
}

// --- recognition: rankings, commendation lists, hours certificates ---------------------------

export function useRankings(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'rankings', params],
    queryFn: ({ signal }) => apiFetch<RankingList>(`${BASE}/rankings`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCommendationList(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'commendations', params],
    queryFn: ({ signal }) => apiFetch<Page<Commendation>>(`${BASE}/commendations`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCommendation(id: number | null) {
  return useQuery({
    queryKey: [...volunteersKey, 'commendation', id],
    queryFn: ({ signal }) => apiFetch<Commendation>(`${BASE}/commendations/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateCommendation() {
  return useVolunteerMutation((body: CreateCommendationBody) =>
    apiFetch<Commendation>(`${BASE}/commendations`, { method: 'POST', body }),
  );
}

export function useRemoveCommendationEntry() {
  return useVolunteerMutation(({ id, entryId }: { id: number; entryId: number }) =>
    apiFetch<Commendation>(`${BASE}/commendations/${id}/entries/${entryId}`, { method: 'DELETE' }),
  );
}

export function usePublishCommendation() {
  return useVolunteerMutation((id: number) =>
    apiFetch<Commendation>(`${BASE}/commendations/${id}/publish`, { method: 'POST' }),
  );
}

/** Issues an hours certificate for the period, then downloads its Word file. */
export function useIssueCertificate() {
  return useVolunteerMutation(async (body: CertificateBody) => {
    const certificate = await apiFetch<Certificate>(`${BASE}/certificates`, { method: 'POST', body });
    await downloadFile(`${BASE}/certificates/${certificate.id}/file`, undefined, `${certificate.number}.docx`);
    return certificate;
  });
}

// --- the community dashboard (社区看板) ----------------------------------------------------------

export function useVolunteerDashboard(params: QueryParams) {
  return useQuery({
    queryKey: [...volunteersKey, 'dashboard', params],
    queryFn: ({ signal }) => apiFetch<Dashboard>(`${BASE}/dashboard`, { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}
