// Sign-in, sign-out, the signed-in user and the own-account routes.

import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { loadPolicy } from '../../platform/auth/policy.js';
import { resolveSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { ctxOf, errorResponses, OkResponse, type App } from '../../platform/http.js';
import {
  ChangePasswordBody,
  LoginBody,
  LoginResponse,
  Me,
  PasswordPolicyResponse,
  UpdateMeBody,
} from './auth.schemas.js';
import * as service from './auth.service.js';

const tags = ['auth'];

export function registerAuthRoutes(app: App) {
  const { db, config, now } = app.deps;

  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags, body: LoginBody, response: { 200: LoginResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await service.login(
        { actor: null, db, config, now, log: request.log, locale: request.locale, ip: request.ip },
        { ...request.body, userAgent: request.headers['user-agent'] ?? null },
      );
      const secure = config.cookieSecure || request.protocol === 'https';
      reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      const found = await resolveSession(db, result.token, now(), (cityId) => loadPolicy(db, config, cityId));
      if (!found || !('actor' in found)) throw new AppError('INTERNAL');
      return { me: await service.getMe({ db, config }, found.actor) };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { permission: 'account.self', allowPendingPasswordChange: true },
      schema: { tags, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request, reply) => {
      await service.logout(ctxOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'account.self', allowPendingPasswordChange: true },
      schema: { tags, response: { 200: Me, ...errorResponses } },
    },
    async (request) => service.getMe({ db, config }, ctxOf(request).actor),
  );

  app.patch(
    '/auth/me',
    {
      config: { permission: 'account.self', allowPendingPasswordChange: true },
      schema: { tags, body: UpdateMeBody, response: { 200: Me, ...errorResponses } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await service.updateMe(ctx, request.body);
      const token = request.cookies[SESSION_COOKIE] ?? '';
      const found = await resolveSession(db, token, now(), (cityId) => loadPolicy(db, config, cityId));
      if (!found || !('actor' in found)) throw new AppError('UNAUTHENTICATED');
      return service.getMe({ db, config }, found.actor);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'account.self', allowPendingPasswordChange: true },
      schema: { tags, body: ChangePasswordBody, response: { 200: OkResponse, ...errorResponses } },
    },
    async (request) => {
      await service.changePassword(ctxOf(request), request.body);
      return { ok: true };
    },
  );

  app.get(
    '/auth/password-policy',
    {
      config: { public: true },
      schema: { tags, response: { 200: PasswordPolicyResponse, ...errorResponses } },
    },
    async (request) => {
      const policy = await loadPolicy(db, config, request.actor?.cityId ?? (await firstCityId()));
      return {
        minLength: policy.passwordMinLength,
        requireClasses: policy.passwordRequireClasses,
        expiryDays: policy.passwordExpiryDays,
      };
    },
  );

  async function firstCityId(): Promise<number | null> {
    const row = await db.selectFrom('cities').select('id').orderBy('id').limit(1).executeTakeFirst();
    return row?.id ?? null;
  }
}
