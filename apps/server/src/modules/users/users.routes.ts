// User account routes: thin — schema, permission, one service call.

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
import { CreateUserBody, ResetPasswordBody, UpdateUserBody, User, UserListQuery } from './users.schemas.js';
import * as service from './users.service.js';

const tags = ['users'];

export function registerUserRoutes(app: App) {
  app.get(
    '/users',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: 'Accounts in scope',
        querystring: UserListQuery,
        response: { 200: Paged(User), ...errorResponses },
      },
    },
    async (request) => service.findUsers(ctxOf(request), request.query),
  );

  app.get(
    '/users/export',
    {
      config: { permission: 'user.read' },
      schema: { tags, querystring: UserListQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => sendXlsx(reply, 'users.xlsx', await service.exportUsers(ctxOf(request), request.query)),
  );

  app.post(
    '/users',
    {
      config: { permission: 'user.write' },
      schema: { tags, body: CreateUserBody, response: { 200: User, ...errorResponses } },
    },
    async (request) => service.createUser(ctxOf(request), request.body),
  );

  app.patch(
    '/users/:id',
    {
      config: { permission: 'user.write' },
      schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } },
    },
    async (request) => service.updateUser(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reset-password',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: 'Set a new password the user must change at the next sign-in',
        params: IdParams,
        body: ResetPasswordBody,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.resetUserPassword(ctxOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );

  app.post(
    '/users/:id/unlock',
    {
      config: { permission: 'security.user.unlock' },
      schema: {
        tags,
        summary: 'End a sign-in lockout',
        params: IdParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await service.unlockUser(ctxOf(request), request.params.id);
      return { ok: true };
    },
  );
}
