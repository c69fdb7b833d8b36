// Pairing routes: thin — schema, permission, one service call.

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
import {
  CreatePairingBody,
  Pairing,
  PairingExportQuery,
  PairingListQuery,
  UpdatePairingBody,
} from './pairings.schemas.js';
import * as service from './pairings.service.js';

const tags = ['organisation'];

export function registerPairingRoutes(app: App) {
  app.get(
    '/pairings',
    {
      config: { permission: 'org.pairing.read' },
      schema: {
        tags,
        summary: 'Visible pairings (分包/包联), paged',
        querystring: PairingListQuery,
        response: { 200: Paged(Pairing), ...errorResponses },
      },
    },
    async (request) => service.findPairings(ctxOf(request), request.query),
  );

  app.get(
    '/pairings/export',
    {
      config: { permission: 'org.pairing.read' },
      schema: { tags, querystring: PairingExportQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) =>
      sendXlsx(reply, 'pairings.xlsx', await service.exportPairings(ctxOf(request), request.query)),
  );

  app.get(
    '/pairings/:id',
    {
      config: { permission: 'org.pairing.read' },
      schema: { tags, params: IdParams, response: { 200: Pairing, ...errorResponses } },
    },
    async (request) => service.getPairing(ctxOf(request), request.params.id),
  );

  app.post(
    '/pairings',
    {
      config: { permission: 'org.pairing.write' },
      schema: { tags, body: CreatePairingBody, response: { 200: Pairing, ...errorResponses } },
    },
    async (request) => service.createPairing(ctxOf(request), request.body),
  );

  app.patch(
    '/pairings/:id',
    {
      config: { permission: 'org.pairing.write' },
      schema: { tags, params: IdParams, body: UpdatePairingBody, response: { 200: Pairing, ...errorResponses } },
    },
    async (request) => service.updatePairing(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/pairings/:id',
    {
      config: { permission: 'org.pairing.write' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.deletePairing(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
}
