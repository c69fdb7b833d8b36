// The Fastify application factory. Wires the platform (errors, locale, sessions, the permission
// hook, OpenAPI, static web app) and registers every module's routes.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Permission } from '@cc/common/permissions';
import type { Config } from './config.js';
import type { Actor } from './context.js';
import type { Db } from './db.js';
import { AppError, sendError } from './errors.js';
import { localeFromHeader, type Locale } from './i18n.js';
import { ErrorResponse, type App } from './http.js';
import { writeAudit } from './audit.js';
import { resolveSession, SESSION_COOKIE } from './auth/sessions.js';
import { loadPolicy } from './auth/policy.js';
import { registerModules } from '../modules/index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; every /api route declares this or `public: true`. */
    permission?: Permission;
    public?: boolean;
    /** Reachable while the user must still change the password (me, password, logout). */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionExpired: boolean;
  }
  interface FastifyInstance {
    deps: AppDeps;
    /** Every /api route with what it declares; used by the declaration test and the docs. */
    routeCatalogue: DeclaredRoute[];
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  now: () => Date;
}

export interface BuildOptions {
  db: Db;
  config: Config;
  now?: () => Date;
  logger?: boolean | object;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | null;
  isPublic: boolean;
}

/**
 * Records every /api route and what it declares. `assertAllDeclared` throws at boot when a route
 * declares neither a permission nor `public`, so such a route can never be served.
 */
export function installRouteDeclarationGuard(app: { addHook: App['addHook'] }) {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (!needsDeclaration(route.url)) return;
    const cfg = route.config as { permission?: Permission; public?: boolean } | undefined;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, permission: cfg?.permission ?? null, isPublic: cfg?.public === true });
    }
  });
  return {
    routes,
    assertAllDeclared() {
      const undeclared = routes.filter((r) => !r.permission && !r.isPublic);
      if (undeclared.length > 0) {
        const list = undeclared.map((r) => `${r.method} ${r.url}`).join(', ');
        throw new Error(`Routes without config.permission or config.public: ${list}`);
      }
    },
  };
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes outside /api (static files, health) and the OpenAPI UI need no declaration. */
export function needsDeclaration(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

function defaultWebDist(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../web/dist');
}

export async function buildApp(options: BuildOptions): Promise<App> {
  const { config, db } = options;
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger:
      options.logger === undefined
        ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] }
        : options.logger,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: {
      customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.decorate('deps', { db, config, now });
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.addSchema(ErrorResponse);

  const guard = installRouteDeclarationGuard(app);
  app.decorate('routeCatalogue', guard.routes);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: Math.max(config.uploadMaxBytes, config.importMaxBytes), files: 1, fields: 20 },
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: '创城通 Chuangcheng API',
        description:
          'Civilized-city campaign platform. Sign in with POST /api/auth/login; send x-csrf-token on writes.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await resolveSession(db, token, now(), (cityId) => loadPolicy(db, config, cityId));
    if (found && 'actor' in found) {
      request.actor = found.actor;
      // An explicit Accept-Language from the client wins; otherwise the user's own setting.
      if (!request.headers['accept-language']) request.locale = found.actor.locale;
    } else if (found && 'expired' in found) {
      request.sessionExpired = true;
    }
  });

  // Runs before body parsing and validation: an anonymous or unauthorised caller learns nothing
  // about a route's input rules.
  app.addHook('onRequest', async (request) => {
    const cfg = request.routeOptions.config;
    if (!needsDeclaration(request.routeOptions.url ?? '')) return;
    if (cfg.public) return;
    if (!cfg.permission) throw new AppError('FORBIDDEN'); // unreachable: boot refuses such routes
    const actor = request.actor;
    if (!actor) throw new AppError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (STATE_CHANGING.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== actor.csrfToken) {
        await auditDenied(request, actor, 'CSRF_FAILED');
        throw new AppError('CSRF_FAILED');
      }
    }
    if ((actor.mustChangePassword || actor.passwordExpired) && !cfg.allowPendingPasswordChange) {
      throw new AppError(actor.mustChangePassword ? 'PASSWORD_CHANGE_REQUIRED' : 'PASSWORD_EXPIRED');
    }
    if (!actor.permissions.has(cfg.permission)) {
      await auditDenied(request, actor, cfg.permission);
      throw new AppError('FORBIDDEN');
    }
  });

  async function auditDenied(request: FastifyRequest, actor: Actor, reason: string) {
    await writeAudit(db, {
      cityId: actor.cityId,
      actorId: actor.userId,
      actorName: actor.displayName,
      ip: request.ip,
      action: 'access.denied',
      entityType: 'route',
      entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
      result: 'denied',
      message: reason,
      at: now(),
    });
  }

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await app.register(async (api) => registerModules(api as unknown as App), { prefix: '/api' });

  const webDist = config.webDistDir ?? defaultWebDist();
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && hasWeb;
    if (isPage && (request.headers.accept ?? '').includes('text/html')) return reply.sendFile('index.html');
    return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
  });

  guard.assertAllDeclared();
  await app.ready();
  return app;
}
