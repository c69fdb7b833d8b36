// API shapes of sign-in, the signed-in user (Me) and the own-account routes.

import { Type, type Static } from 'typebox';
import { PERMISSIONS, ROLES } from '@cc/common/permissions';
import { Nullable, StringEnum } from '../../platform/http.js';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
  },
  { additionalProperties: false },
);

export const Locale = StringEnum(['zh-CN', 'en-US'] as const);

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(StringEnum(ROLES)),
  permissions: Type.Array(StringEnum(PERMISSIONS)),
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
