// API shapes of people (人员): staff with accounts and members (party members, cadres, volunteers)
// with their work unit and residential community.

import { Type, type Static } from 'typebox';
import { PERSON_KINDS, PHONE_PATTERN } from '@cc/common/org';
import { Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const PersonKind = StringEnum(PERSON_KINDS);
export const GENDERS = ['male', 'female'] as const;
export const Gender = StringEnum(GENDERS);

export const Person = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: PersonKind,
  gender: Nullable(Gender),
  /** Masked in lists and exports, in full in GET /people/:id (audited). */
  phone: Nullable(Type.String()),
  unitId: Nullable(Type.Integer()),
  unitName: Nullable(Type.String()),
  communityId: Nullable(Type.Integer()),
  communityName: Nullable(Type.String()),
  partyOrg: Nullable(Type.String()),
  position: Nullable(Type.String()),
  hasAccount: Type.Boolean(),
  username: Nullable(Type.String()),
});
export type Person = Static<typeof Person>;

const filters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the name, or digits of the phone' })),
  kind: Type.Optional(PersonKind),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  communityId: Type.Optional(Type.Integer({ minimum: 1 })),
  partyOrg: Type.Optional(Type.String({ maxLength: 100, description: 'part of the party organisation name' })),
};

export const PersonExportQuery = Type.Object(filters);
export type PersonExportQuery = Static<typeof PersonExportQuery>;

export const PersonListQuery = Type.Object({ ...PageQuery, ...filters });
export type PersonListQuery = Static<typeof PersonListQuery>;

const name = Type.String({ minLength: 1, maxLength: 30 });
const phone = Type.String({
  pattern: PHONE_PATTERN,
  description: 'mobile or landline, e.g. 13800138000, 0371-12345678',
});
const id = Type.Integer({ minimum: 1 });

const fields = {
  gender: Type.Optional(Nullable(Gender)),
  phone: Type.Optional(Nullable(phone)),
  unitId: Type.Optional(Nullable(id)),
  communityId: Type.Optional(Nullable(id)),
  partyOrg: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  position: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
};

export const CreatePersonBody = Type.Object({ name, kind: PersonKind, ...fields }, { additionalProperties: false });
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object(
  { name: Type.Optional(name), kind: Type.Optional(PersonKind), ...fields },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;
