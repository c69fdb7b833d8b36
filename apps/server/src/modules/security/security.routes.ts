// Security policy routes: thin — schema, permission, one service call.

import { ctxOf, errorResponses, type App } from '../../platform/http.js';
import { SecurityPolicy } from './security.schemas.js';
import * as service from './security.service.js';

const tags = ['security'];

export function registerSecurityRoutes(app: App) {
  app.get(
    '/security/policy',
    {
      config: { permission: 'security.policy.read' },
      schema: { tags, summary: "The city's security policy", response: { 200: SecurityPolicy, ...errorResponses } },
    },
    async (request) => service.getSecurityPolicy(ctxOf(request)),
  );

  app.put(
    '/security/policy',
    {
      config: { permission: 'security.policy.write' },
      schema: { tags, body: SecurityPolicy, response: { 200: SecurityPolicy, ...errorResponses } },
    },
    async (request) => service.updateSecurityPolicy(ctxOf(request), request.body),
  );
}
