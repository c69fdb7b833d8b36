// API shapes of user accounts (账号): the list row, create/update bodies and the list filters.

import { Type, type Static } from 'typebox';
import { ROLES } from '@cc/common/permissions';
import { Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const Role = StringEnum(ROLES);
export const UserStatus = StringEnum(['active', 'disabled'] as const);

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Role),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  personId: Nullable(Type.Integer()),
  status: UserStatus,
  /** Only while the lock lasts; null once it has run out. */
  lockedUntil: Nullable(Type.String({ format: 'date-time' })),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  mustChangePassword: Type.Boolean(),
});
export type User = Static<typeof User>;

export const UserListQuery = Type.Object({
  ...PageQuery,
  role: Type.Optional(Role),
});
export type UserListQuery = Static<typeof UserListQuery>;

const username = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.@-]{2,63}$',
  description: '3–64 letters, digits, _ . @ -; starts with a letter or digit',
});
const displayName = Type.String({ minLength: 1, maxLength: 50 });
const roles = Type.Array(Role, { minItems: 1, maxItems: ROLES.length, uniqueItems: true });
const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
// The policy (length, classes) is checked in the service; this only bounds the input.
const password = Type.String({ minLength: 1, maxLength: 128 });

export const CreateUserBody = Type.Object(
  {
    username,
    displayName,
    roles,
    regionId: Type.Optional(Nullable(id)),
    unitId: Type.Optional(Nullable(id)),
    personId: Type.Optional(Nullable(id)),
    password,
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(displayName),
    roles: Type.Optional(roles),
    regionId: Type.Optional(Nullable(id)),
    unitId: Type.Optional(Nullable(id)),
    status: Type.Optional(UserStatus),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ password }, { additionalProperties: false });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;
