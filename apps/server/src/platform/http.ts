// Shared HTTP pieces: TypeBox schemas every module uses (pages, ids, errors), route typing, and
// the helper that builds a service context from a request.

import { Type, type Static, type TSchema } from 'typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PAGE_SIZE_MAX } from '@cc/common/org';
import type { Ctx, PublicCtx } from './context.js';
import { AppError } from './errors.js';
import { streamXlsx } from './excel.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export const ErrorResponse = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { $id: 'ErrorResponse' },
);

/** Error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  '4xx': Type.Ref('ErrorResponse'),
  '5xx': Type.Ref('ErrorResponse'),
} as const;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1, maximum: 1_000_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
};

export function Paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const OkResponse = Type.Object({ ok: Type.Boolean() });

/** A string enum with a precise static type (and a plain `enum` in the OpenAPI document). */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const DateTime = Type.String({ format: 'date-time' });

export interface PageArgs {
  page: number;
  pageSize: number;
}

export function pageArgs(query: { page?: number; pageSize?: number }): PageArgs {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}

/** The service context of a signed-in request (the permission hook guarantees the actor). */
export function ctxOf(request: FastifyRequest): Ctx {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return {
    actor,
    db: request.server.deps.db,
    config: request.server.deps.config,
    now: request.server.deps.now,
    log: request.log,
    locale: request.locale,
    ip: request.ip ?? null,
  };
}

/** The service context of a public route: the actor, if anyone is signed in, else null. */
export function publicCtxOf(request: FastifyRequest): PublicCtx {
  return {
    actor: request.actor ?? null,
    db: request.server.deps.db,
    config: request.server.deps.config,
    now: request.server.deps.now,
    log: request.log,
    locale: request.locale,
    ip: request.ip ?? null,
  };
}

function xlsxHeaders(reply: FastifyReply, fileName: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
}

/** Sends an .xlsx buffer as a download with a UTF-8 file name. */
export function sendXlsx(reply: FastifyReply, fileName: string, buffer: Buffer) {
  return xlsxHeaders(reply, fileName).send(buffer);
}

/** Streams a workbook into the response as rows are read, so a big export never sits in memory. */
export function sendXlsxStream(
  request: FastifyRequest,
  reply: FastifyReply,
  fileName: string,
  xlsx: { sheet: Parameters<typeof streamXlsx>[1]; rows: Parameters<typeof streamXlsx>[2] },
) {
  const body = new PassThrough();
  // Headers are gone by the time a late error happens: streamXlsx destroys the body instead,
  // which aborts the download rather than leaving a truncated file that looks complete.
  streamXlsx(body, xlsx.sheet, xlsx.rows).catch((error: unknown) =>
    request.log.error({ err: error }, 'xlsx export failed'),
  );
  return xlsxHeaders(reply, fileName).send(body);
}

export const XlsxResponse = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'An .xlsx workbook',
});
