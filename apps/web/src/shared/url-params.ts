// Pure pieces for list state kept in URL search params (filters and paging that survive a reload,
// a bookmark and the back button): defensive readers that drop anything malformed, and the writer
// that turns a query back into search params without empty values or defaults.
import type { QueryParams } from '../app/api';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A positive integer id or page number, or undefined. */
export function positiveIntParam(text: string | null): number | undefined {
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 ? n : undefined;
}

/** The `:id` of a route, or null when it is not a positive integer. */
export function routeId(raw: string | undefined): number | null {
  return positiveIntParam(raw ?? null) ?? null;
}

export function boolParam(text: string | null): boolean | undefined {
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** `YYYY-MM-DD`, or undefined. */
export function dateParam(text: string | null): string | undefined {
  return text && DATE.test(text) ? text : undefined;
}

/** One of `values`, or undefined. */
export function enumParam<T extends string>(text: string | null, values: readonly T[]): T | undefined {
  return text !== null && (values as readonly string[]).includes(text) ? (text as T) : undefined;
}

/** A comma-separated list of `values`, deduplicated, unknown entries dropped. */
export function enumListParam<T extends string>(text: string | null, values: readonly T[]): T[] {
  const list = (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is T => (values as readonly string[]).includes(s));
  return [...new Set(list)];
}

/** Search text: trimmed and cut to what the API accepts. */
export function textParam(text: string | null, max = 100): string {
  return (text ?? '').trim().slice(0, max);
}

/** A page size from `allowed`, or `fallback`. */
export function pageSizeParam(text: string | null, allowed: readonly number[], fallback: number): number {
  const n = positiveIntParam(text);
  return n && allowed.includes(n) ? n : fallback;
}

/**
 * URL search params for a list: the filters (empty ones left out), then the page and the page
 * size when they differ from the defaults, so a fresh list has a clean URL.
 */
export function listSearch(
  filters: QueryParams,
  paging: { page: number; pageSize: number },
  defaultPageSize: number,
): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  if (paging.page > 1) search.set('page', String(paging.page));
  if (paging.pageSize !== defaultPageSize) search.set('pageSize', String(paging.pageSize));
  return search;
}

/** Whether any filter of the query is set. */
export function hasFilters(filters: QueryParams): boolean {
  return Object.values(filters).some((v) => v !== undefined && v !== null && v !== '');
}
