// Audit log routes: read-only by design — there is no route that changes or deletes an entry.

import { ctxOf, errorResponses, Paged, sendXlsxStream, XlsxResponse, type App } from '../../platform/http.js';
import { AuditEntry, AuditQuery } from './audit.schemas.js';
import * as service from './audit.service.js';

const tags = ['audit'];

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
