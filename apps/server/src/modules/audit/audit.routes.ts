// Audit log routes: read-only by design — there is no route that changes or deletes an entry.

import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { streamXlsx } from '../../platform/excel.js';
import { ctxOf, errorResponses, Paged, XlsxResponse, type App } from '../../platform/http.js';
import { AuditEntry, AuditQuery } from './audit.schemas.js';
import * as service from './audit.service.js';
import type { AuditExport } from './audit.service.js';

const tags = ['audit'];

/** Streams the workbook into the response as rows are read, so a big log never sits in memory. */
function sendXlsxStream(request: FastifyRequest, reply: FastifyReply, fileName: string, xlsx: AuditExport) {
  const body = new PassThrough();
  reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  // Headers are gone by the time a late error happens: streamXlsx destroys the body instead,
  // which aborts the download rather than leaving a truncated file that looks complete.
  streamXlsx(body, xlsx.sheet, xlsx.rows).catch((error: unknown) =>
    request.log.error({ err: error }, 'xlsx export failed'),
  );
  return reply.send(body);
}

export function registerAuditRoutes(app: App) {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: "The city's audit log, newest first",
        querystring: AuditQuery,
        response: { 200: Paged(AuditEntry), ...errorResponses },
      },
    },
    async (request) => service.findAuditEntries(ctxOf(request), request.query),
  );

  app.get(
    '/audit/export',
    {
      config: { permission: 'audit.export' },
      schema: { tags, querystring: AuditQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) =>
      sendXlsxStream(request, reply, 'audit-log.xlsx', await service.exportAuditEntries(ctxOf(request), request.query)),
  );
}
