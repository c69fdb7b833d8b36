// TanStack Query hooks over the work ledger (工作台帐): tasks (list, detail, bulk creation, edit,
// cancel), task instances (paged list, "load more" list for the phone, detail) and the report
// cycle's actions. Keys live under the campaigns key, so every write refreshes the overview and
// the calendar too.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TaskAction } from '@cc/common/campaigns';
import { apiFetch, type Page, type QueryParams } from '../../../app/api';
import { campaignsKey, useCampaignMutation } from './campaigns-api';
import type {
  CreateTasksBody,
  CreateTasksResult,
  InstanceActionBody,
  InstanceDetail,
  InstanceListItem,
  TaskDetail,
  TaskListItem,
  UpdateTaskBody,
} from './campaign-types';

export const TASKS_PATH = '/api/campaign-tasks';
export const INSTANCES_PATH = '/api/task-instances';

export function useTaskList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'tasks', params],
    queryFn: ({ signal }) => apiFetch<Page<TaskListItem>>(TASKS_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'task', id],
    queryFn: ({ signal }) => apiFetch<TaskDetail>(`${TASKS_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useCreateTasks(campaignId: number) {
  return useCampaignMutation((body: CreateTasksBody) =>
    apiFetch<CreateTasksResult>(`/api/campaigns/${campaignId}/tasks`, { method: 'POST', body }),
  );
}

export function useUpdateTask(id: number) {
  return useCampaignMutation((body: UpdateTaskBody) =>
    apiFetch<TaskDetail>(`${TASKS_PATH}/${id}`, { method: 'PATCH', body }),
  );
}

export function useCancelTask(id: number) {
  return useCampaignMutation((reason: string) =>
    apiFetch<TaskDetail>(`${TASKS_PATH}/${id}/cancel`, { method: 'POST', body: { reason } }),
  );
}

export function useInstanceList(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'instances', params],
    queryFn: ({ signal }) => apiFetch<Page<InstanceListItem>>(INSTANCES_PATH, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const PHONE_PAGE_SIZE = 20;

/** Instances page after page, for the phone's "load more" list. */
export function useInstancePages(params: QueryParams) {
  return useInfiniteQuery({
    queryKey: [...campaignsKey, 'instances', 'pages', params],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<Page<InstanceListItem>>(INSTANCES_PATH, {
        query: { ...params, page: pageParam, pageSize: PHONE_PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
}

export function instanceQueryKey(id: number | null) {
  return [...campaignsKey, 'instance', id] as const;
}

export function useInstance(id: number | null) {
  return useQuery({
    queryKey: instanceQueryKey(id),
    queryFn: ({ signal }) => apiFetch<InstanceDetail>(`${INSTANCES_PATH}/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** How long a report may hang on a bad connection before the person is told to retry. */
export const ACTION_TIMEOUT_MS = 30_000;

export class ActionTimeoutError extends Error {
  constructor() {
    super('timeout');
    this.name = 'ActionTimeoutError';
  }
}

/** Runs one step of the report cycle, giving up after ACTION_TIMEOUT_MS. */
export async function runInstanceAction(
  id: number,
  action: TaskAction,
  body: InstanceActionBody,
): Promise<InstanceDetail> {
  const controller = new AbortController();
  const timer = window.setTimeout(() => controller.abort(), ACTION_TIMEOUT_MS);
  try {
    return await apiFetch<InstanceDetail>(`${INSTANCES_PATH}/${id}/actions/${action}`, {
      method: 'POST',
      body,
      signal: controller.signal,
    });
  } catch (error) {
    if (controller.signal.aborted) throw new ActionTimeoutError();
    throw error;
  } finally {
    window.clearTimeout(timer);
  }
}

export function useInstanceAction(id: number) {
  return useCampaignMutation(
    ({ action, body }: { action: TaskAction; body: InstanceActionBody }) => runInstanceAction(id, action, body),
    { failOffline: true },
  );
}

/** The instance as the server has it now, bypassing the cache (to settle an uncertain submit). */
export function fetchInstance(id: number): Promise<InstanceDetail> {
  return apiFetch<InstanceDetail>(`${INSTANCES_PATH}/${id}`);
}
