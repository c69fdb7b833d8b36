// The one application error, its code → HTTP status map, and the Fastify error handler that turns
// any thrown error into `{ code, message, details }` in the caller's language. 5xx texts are hidden.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasMessage, t, type Locale } from './i18n.js';

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  FILE_REQUIRED: 400,
  FILE_EMPTY: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  PASSWORD_EXPIRED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 415,
  IMPORT_REJECTED: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetails {
  fields?: { path: string; message: string }[];
  [key: string]: unknown;
}

/**
 * `code` picks the HTTP status; `messageKey` (default: the code) picks the text from the i18n
 * catalogue, filled with `params`. Services throw these; they never know about HTTP.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, unknown>;
  readonly details?: ErrorDetails;

  constructor(
    code: ErrorCode,
    options: { messageKey?: string; params?: Record<string, unknown>; details?: ErrorDetails } = {},
  ) {
    super(options.messageKey ?? code);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? code;
    this.params = options.params;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  localize(locale: Locale): string {
    return t(locale, this.messageKey, this.params);
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (messageKey: string, params?: Record<string, unknown>) =>
  new AppError('CONFLICT', { messageKey, params });
export const invalid = (messageKey: string, params?: Record<string, unknown>, path?: string) =>
  new AppError('VALIDATION_FAILED', {
    messageKey,
    params,
    details: path ? { fields: [{ path, message: '' }] } : undefined,
  });

/** 400 pointing at one body field; the field's message is the catalogue text of `messageKey`. */
export function fieldInvalid(field: string, messageKey: string, params?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', {
    messageKey,
    params,
    details: { fields: [{ path: `body/${field}`, message: messageKey }] },
  });
}

export interface ErrorBody {
  code: string;
  message: string;
  details?: ErrorDetails;
}

interface AjvIssue {
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
  keyword?: string;
}

function fieldMessage(issue: AjvIssue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'required':
      return zh ? `缺少必填项 ${String(p.missingProperty)}` : `${String(p.missingProperty)} is required`;
    case 'minLength':
      return Number(p.limit) === 1
        ? zh
          ? '不能为空'
          : 'must not be empty'
        : zh
          ? `至少 ${String(p.limit)} 个字符`
          : `must have at least ${String(p.limit)} characters`;
    case 'maxLength':
      return zh ? `不能超过 ${String(p.limit)} 个字符` : `must have at most ${String(p.limit)} characters`;
    case 'pattern':
      return zh ? '格式不正确' : 'has the wrong format';
    case 'format':
      return zh ? `格式不正确（应为 ${String(p.format)}）` : `must be a valid ${String(p.format)}`;
    case 'minimum':
      return zh ? `不能小于 ${String(p.limit)}` : `must be ≥ ${String(p.limit)}`;
    case 'maximum':
      return zh ? `不能大于 ${String(p.limit)}` : `must be ≤ ${String(p.limit)}`;
    case 'type':
      return zh ? `类型应为 ${String(p.type)}` : `must be ${String(p.type)}`;
    case 'enum':
    case 'anyOf':
    case 'const':
      return zh ? '不是允许的取值' : 'is not an allowed value';
    case 'additionalProperties':
      return zh ? `不允许的字段 ${String(p.additionalProperty)}` : `unknown field ${String(p.additionalProperty)}`;
    default:
      return issue.message ?? (zh ? '无效' : 'invalid');
  }
}

/** Field messages given as catalogue keys (pure code cannot know the locale) are translated here. */
function localizeFields(error: AppError, locale: Locale): ErrorDetails | undefined {
  const details = error.details;
  if (!details?.fields) return details;
  return {
    ...details,
    fields: details.fields.map((f) =>
      hasMessage(f.message) ? { ...f, message: t(locale, f.message, error.params) } : f,
    ),
  };
}

export function toErrorBody(
  error: unknown,
  locale: Locale,
): { status: number; body: ErrorBody; isServerError: boolean } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { code: error.code, message: error.localize(locale), details: localizeFields(error, locale) },
      isServerError: error.status >= 500,
    };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe && Array.isArray(fe.validation)) {
    const fields = fe.validation.map((issue) => {
      const base = issue.instancePath || '';
      const missing = issue.keyword === 'required' ? `/${String(issue.params?.missingProperty)}` : '';
      return {
        path: `${fe.validationContext ?? 'body'}${base}${missing}`,
        message: fieldMessage(issue, locale),
      };
    });
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: t(locale, 'VALIDATION_FAILED'), details: { fields } },
      isServerError: false,
    };
  }
  const statusCode = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (statusCode === 413 || fe?.code === 'FST_REQ_FILE_TOO_LARGE' || fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: {
        code: 'FILE_TOO_LARGE',
        message: t(locale, 'FILE_TOO_LARGE', { limit: '' }).replace(/[，,;；]?\s*$/, ''),
      },
      isServerError: false,
    };
  }
  if (statusCode === 429) {
    return { status: 429, body: { code: 'RATE_LIMITED', message: t(locale, 'RATE_LIMITED') }, isServerError: false };
  }
  if (statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx (bad JSON, wrong content type, …): keep the status, give a clerk's text.
    const code = statusCode === 404 ? 'ROUTE_NOT_FOUND' : statusCode === 415 ? 'UNSUPPORTED_FILE' : 'VALIDATION_FAILED';
    const message =
      code === 'UNSUPPORTED_FILE'
        ? t(locale, 'UNSUPPORTED_FILE', { detail: fe.message })
        : `${t(locale, code)}${hasMessage(code) && fe.message ? `（${fe.message}）` : ''}`;
    return { status: statusCode, body: { code, message }, isServerError: false };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: t(locale, 'INTERNAL') },
    isServerError: true,
  };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const { status, body, isServerError } = toErrorBody(error, request.locale);
  if (isServerError) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status }, 'request rejected');
  return reply.status(status).send(body);
}
