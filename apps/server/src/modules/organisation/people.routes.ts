// People routes: thin — schema, permission, one service call.

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
import { CreatePersonBody, Person, PersonExportQuery, PersonListQuery, UpdatePersonBody } from './people.schemas.js';
import * as service from './people.service.js';

const tags = ['organisation'];

export function registerPeopleRoutes(app: App) {
  app.get(
    '/people',
    {
      config: { permission: 'org.person.read' },
      schema: {
        tags,
        summary: 'Visible people, paged (phones masked)',
        querystring: PersonListQuery,
        response: { 200: Paged(Person), ...errorResponses },
      },
    },
    async (request) => service.findPeople(ctxOf(request), request.query),
  );

  app.get(
    '/people/export',
    {
      config: { permission: 'org.person.read' },
      schema: { tags, querystring: PersonExportQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => sendXlsx(reply, 'people.xlsx', await service.exportPeople(ctxOf(request), request.query)),
  );

  app.get(
    '/people/:id',
    {
      config: { permission: 'org.person.read' },
      schema: {
        tags,
        summary: 'One person with the phone in full (audited)',
        params: IdParams,
        response: { 200: Person, ...errorResponses },
      },
    },
    async (request) => service.getPerson(ctxOf(request), request.params.id),
  );

  app.post(
    '/people',
    {
      config: { permission: 'org.person.write' },
      schema: { tags, body: CreatePersonBody, response: { 200: Person, ...errorResponses } },
    },
    async (request) => service.createPerson(ctxOf(request), request.body),
  );

  app.patch(
    '/people/:id',
    {
      config: { permission: 'org.person.write' },
      schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: Person, ...errorResponses } },
    },
    async (request) => service.updatePerson(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/people/:id',
    {
      config: { permission: 'org.person.write' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.deletePerson(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
}
