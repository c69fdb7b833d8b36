// Unit routes: thin — schema, permission, one service call.

import {
  ctxOf,
  errorResponses,
  IdParams,
  OkResponse,
  Paged,
  sendXlsx,
  XlsxResponse,
  type App,
} from '../../platform/http.js';
import { CreateUnitBody, Unit, UnitExportQuery, UnitListQuery, UpdateUnitBody } from './units.schemas.js';
import * as service from './units.service.js';

const tags = ['organisation'];

export function registerUnitRoutes(app: App) {
  app.get(
    '/units',
    {
      config: { permission: 'org.unit.read' },
      schema: {
        tags,
        summary: 'Visible units, paged (phones masked)',
        querystring: UnitListQuery,
        response: { 200: Paged(Unit), ...errorResponses },
      },
    },
    async (request) => service.findUnits(ctxOf(request), request.query),
  );

  app.get(
    '/units/export',
    {
      config: { permission: 'org.unit.read' },
      schema: { tags, querystring: UnitExportQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => sendXlsx(reply, 'units.xlsx', await service.exportUnits(ctxOf(request), request.query)),
  );

  app.get(
    '/units/:id',
    {
      config: { permission: 'org.unit.read' },
      schema: {
        tags,
        summary: 'One unit; phones in full for editors (audited)',
        params: IdParams,
        response: { 200: Unit, ...errorResponses },
      },
    },
    async (request) => service.getUnit(ctxOf(request), request.params.id),
  );

  app.post(
    '/units',
    {
      config: { permission: 'org.unit.write' },
      schema: { tags, body: CreateUnitBody, response: { 200: Unit, ...errorResponses } },
    },
    async (request) => service.createUnit(ctxOf(request), request.body),
  );

  app.patch(
    '/units/:id',
    {
      config: { permission: 'org.unit.write' },
      schema: { tags, params: IdParams, body: UpdateUnitBody, response: { 200: Unit, ...errorResponses } },
    },
    async (request) => service.updateUnit(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/units/:id',
    {
      config: { permission: 'org.unit.write' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.deleteUnit(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
}
