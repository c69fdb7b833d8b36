// The one HTTP client: JSON fetch with session cookie, CSRF header, Accept-Language, ApiError
// parsing, auth-failure redirection hooks, Excel download and multipart upload.

export type Locale = 'zh-CN' | 'en-US';

export interface FieldError {
  path: string;
  message: string;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export interface ApiErrorDetails {
  fields?: FieldError[];
  errors?: ImportRowError[];
  lockedUntil?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: ApiErrorDetails;

  constructor(status: number, code: string, message: string, details?: ApiErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type AuthFailure = 'unauthenticated' | 'password-change-required' | 'password-expired';

let csrfToken: string | null = null;
let requestLocale: Locale = 'zh-CN';
let authFailureHandler: ((failure: AuthFailure, error: ApiError) => void) | null = null;
let networkErrorText = 'Network error';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLocale(locale: Locale, networkError: string): void {
  requestLocale = locale;
  networkErrorText = networkError;
}

export function onAuthFailure(handler: ((failure: AuthFailure, error: ApiError) => void) | null): void {
  authFailureHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Builds `?a=1&b=x`, dropping empty values so filters that are cleared are not sent. */
export function toSearch(params?: QueryParams): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  formData?: FormData;
  signal?: AbortSignal;
  /** For login / me / logout: a 401 there is an answer, not a reason to redirect. */
  skipAuthRedirect?: boolean;
}

function buildHeaders(method: string, hasJsonBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': requestLocale });
  if (hasJsonBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  return headers;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (body && typeof body === 'object' && 'code' in body) {
    const b = body as { code: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      String(b.code),
      typeof b.message === 'string' && b.message ? b.message : `HTTP ${response.status}`,
      b.details && typeof b.details === 'object' ? (b.details as ApiErrorDetails) : undefined,
    );
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || `HTTP ${response.status}`);
}

function reportAuthFailure(error: ApiError, skip: boolean | undefined): void {
  if (skip || !authFailureHandler) return;
  if (error.status === 401) authFailureHandler('unauthenticated', error);
  else if (error.code === 'PASSWORD_CHANGE_REQUIRED') authFailureHandler('password-change-required', error);
  else if (error.code === 'PASSWORD_EXPIRED') authFailureHandler('password-expired', error);
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const hasJsonBody = options.body !== undefined && !options.formData;
  let response: Response;
  try {
    response = await fetch(path + toSearch(options.query), {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasJsonBody),
      body: options.formData ?? (hasJsonBody ? JSON.stringify(options.body) : undefined),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK_ERROR', networkErrorText);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    reportAuthFailure(error, options.skipAuthRedirect);
    throw error;
  }
  return response;
}

export async function apiFetch<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function apiUpload<T>(path: string, file: File, field = 'file'): Promise<T> {
  const formData = new FormData();
  formData.append(field, file, file.name);
  return apiFetch<T>(path, { method: 'POST', formData });
}

/** Reads `filename*=UTF-8''…` (RFC 5987) first, then `filename="…"`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1].trim() : null;
}

/** GETs a file (Excel export, import template) and hands it to the browser as a download. */
export async function downloadFile(path: string, query: QueryParams | undefined, fallbackName: string): Promise<void> {
  const response = await send(path, { method: 'GET', query });
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Standard paged list envelope. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
