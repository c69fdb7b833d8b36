// API shapes of sign-in, the signed-in user (Me) and the own-account routes.

import { Type, type Static } from 'typebox';
import { PERMISSIONS, ROLES } from '@cc/common/permissions';
import { Nullable } from '../../platform/http.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')]);

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Union(ROLES.map((r) => Type.Literal(r)))),
  permissions: Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p)))),
  cityId: Type.Integer(),
  cityName: Type.String(),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  locale: Locale,
  mustChangePassword: Type.Boolean(),
  passwordExpired: Type.Boolean(),
  csrfToken: Type.String(),
  idleTimeoutMinutes: Type.Integer(),
});
export type Me = Static<typeof Me>;

export const LoginResponse = Type.Object({ me: Me });

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 128 }),
    newPassword: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const UpdateMeBody = Type.Object(
  {
    locale: Type.Optional(Locale),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  },
  { additionalProperties: false },
);

export const PasswordPolicyResponse = Type.Object({
  minLength: Type.Integer(),
  requireClasses: Type.Integer(),
  expiryDays: Type.Integer(),
});
