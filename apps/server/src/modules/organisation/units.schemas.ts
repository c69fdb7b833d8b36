// API shapes of units (单位): responsible units with type, parent, region, head and liaison.

import { Type, type Static } from 'typebox';
import { PHONE_PATTERN, UNIT_TYPES } from '@cc/common/org';
import { Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const UnitType = StringEnum(UNIT_TYPES);

export const Unit = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  type: UnitType,
  parentId: Nullable(Type.Integer()),
  parentName: Nullable(Type.String()),
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  headName: Nullable(Type.String()),
  /** Masked (138****0000) unless the caller may edit units and asked for one unit. */
  headPhone: Nullable(Type.String()),
  liaisonName: Nullable(Type.String()),
  liaisonPhone: Nullable(Type.String()),
  peopleCount: Type.Integer(),
});
export type Unit = Static<typeof Unit>;

const filters = {
  q: PageQuery.q,
  type: Type.Optional(UnitType),
  regionId: Type.Optional(Type.Integer({ minimum: 1, description: 'the region and its subtree' })),
  parentId: Type.Optional(Type.Integer({ minimum: 1 })),
};

export const UnitExportQuery = Type.Object(filters);
export type UnitExportQuery = Static<typeof UnitExportQuery>;

export const UnitListQuery = Type.Object({ ...PageQuery, ...filters });
export type UnitListQuery = Static<typeof UnitListQuery>;

const name = Type.String({ minLength: 1, maxLength: 60 });
const personName = Type.String({ maxLength: 30 });
const phone = Type.String({
  pattern: PHONE_PATTERN,
  description: 'mobile or landline, e.g. 13800138000, 0371-12345678',
});
const id = Type.Integer({ minimum: 1 });

const fields = {
  shortName: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  parentId: Type.Optional(Nullable(id)),
  regionId: Type.Optional(Nullable(id)),
  headName: Type.Optional(Nullable(personName)),
  headPhone: Type.Optional(Nullable(phone)),
  liaisonName: Type.Optional(Nullable(personName)),
  liaisonPhone: Type.Optional(Nullable(phone)),
};

export const CreateUnitBody = Type.Object({ name, type: UnitType, ...fields }, { additionalProperties: false });
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  { name: Type.Optional(name), type: Type.Optional(UnitType), ...fields },
  { additionalProperties: false },
);
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;
