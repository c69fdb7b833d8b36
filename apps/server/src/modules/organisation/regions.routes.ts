// Region routes: thin — schema, permission, one service call.

import { Type } from 'typebox';
import { ctxOf, errorResponses, IdParams, OkResponse, sendXlsx, XlsxResponse, type App } from '../../platform/http.js';
import { CreateRegionBody, Region, RegionDetail, RegionListQuery, UpdateRegionBody } from './regions.schemas.js';
import * as service from './regions.service.js';

const tags = ['organisation'];

export function registerRegionRoutes(app: App) {
  app.get(
    '/regions',
    {
      config: { permission: 'org.region.read' },
      schema: {
        tags,
        summary: 'Visible regions (the whole subtree unless filtered)',
        querystring: RegionListQuery,
        response: { 200: Type.Object({ items: Type.Array(Region) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await service.findRegions(ctxOf(request), request.query) }),
  );

  app.get(
    '/regions/export',
    {
      config: { permission: 'org.region.read' },
      schema: { tags, querystring: RegionListQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) =>
      sendXlsx(reply, 'regions.xlsx', await service.exportRegions(ctxOf(request), request.query)),
  );

  app.get(
    '/regions/:id',
    {
      config: { permission: 'org.region.read' },
      schema: { tags, params: IdParams, response: { 200: RegionDetail, ...errorResponses } },
    },
    async (request) => service.getRegion(ctxOf(request), request.params.id),
  );

  app.post(
    '/regions',
    {
      config: { permission: 'org.region.write' },
      schema: { tags, body: CreateRegionBody, response: { 200: RegionDetail, ...errorResponses } },
    },
    async (request) => service.createRegion(ctxOf(request), request.body),
  );

  app.patch(
    '/regions/:id',
    {
      config: { permission: 'org.region.write' },
      schema: { tags, params: IdParams, body: UpdateRegionBody, response: { 200: RegionDetail, ...errorResponses } },
    },
    async (request) => service.updateRegion(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/regions/:id',
    {
      config: { permission: 'org.region.write' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.deleteRegion(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
}
