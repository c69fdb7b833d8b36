// Routes of leading groups and task forces: thin — schema, permission, one service call.

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
  AddMemberBody,
  CreateGroupBody,
  Group,
  GroupDetail,
  GroupExportQuery,
  GroupListQuery,
  MemberParams,
  UpdateGroupBody,
} from './groups.schemas.js';
import * as service from './groups.service.js';

const tags = ['organisation'];

export function registerGroupRoutes(app: App) {
  app.get(
    '/groups',
    {
      config: { permission: 'org.group.read' },
      schema: {
        tags,
        summary: 'Visible leading groups and task forces, paged',
        querystring: GroupListQuery,
        response: { 200: Paged(Group), ...errorResponses },
      },
    },
    async (request) => service.findGroups(ctxOf(request), request.query),
  );

  app.get(
    '/groups/export',
    {
      config: { permission: 'org.group.read' },
      schema: { tags, querystring: GroupExportQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => sendXlsx(reply, 'groups.xlsx', await service.exportGroups(ctxOf(request), request.query)),
  );

  app.get(
    '/groups/:id',
    {
      config: { permission: 'org.group.read' },
      schema: { tags, params: IdParams, response: { 200: GroupDetail, ...errorResponses } },
    },
    async (request) => service.getGroup(ctxOf(request), request.params.id),
  );

  app.post(
    '/groups',
    {
      config: { permission: 'org.group.write' },
      schema: { tags, body: CreateGroupBody, response: { 200: GroupDetail, ...errorResponses } },
    },
    async (request) => service.createGroup(ctxOf(request), request.body),
  );

  app.patch(
    '/groups/:id',
    {
      config: { permission: 'org.group.write' },
      schema: { tags, params: IdParams, body: UpdateGroupBody, response: { 200: GroupDetail, ...errorResponses } },
    },
    async (request) => service.updateGroup(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/groups/:id',
    {
      config: { permission: 'org.group.write' },
      schema: { tags, params: IdParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.deleteGroup(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/groups/:id/members',
    {
      config: { permission: 'org.group.write' },
      schema: {
        tags,
        summary: 'Add a member; answers the group with its members',
        params: IdParams,
        body: AddMemberBody,
        response: { 200: GroupDetail, ...errorResponses },
      },
    },
    async (request) => service.addGroupMember(ctxOf(request), request.params.id, request.body),
  );

  app.delete(
    '/groups/:id/members/:memberId',
    {
      config: { permission: 'org.group.write' },
      schema: { tags, params: MemberParams, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.removeGroupMember(ctxOf(request), request.params.id, request.params.memberId);
      return { ok: true };
    },
  );
}
