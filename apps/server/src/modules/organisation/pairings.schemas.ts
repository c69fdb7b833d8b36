// API shapes of pairings (分包/包联): a unit is responsible for a community, site or road segment
// for a period.

import { Type, type Static } from 'typebox';
import { PAIRING_TARGETS } from '@cc/common/org';
import { DateString, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const PairingTarget = StringEnum(PAIRING_TARGETS);

export const Pairing = Type.Object({
  id: Type.Integer(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  targetType: PairingTarget,
  regionId: Nullable(Type.Integer()),
  regionName: Nullable(Type.String()),
  targetName: Type.String(),
  startsOn: Type.String({ description: 'YYYY-MM-DD' }),
  endsOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  note: Nullable(Type.String()),
});
export type Pairing = Static<typeof Pairing>;

const filters = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'part of the target or unit name' })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  targetType: Type.Optional(PairingTarget),
  regionId: Type.Optional(Type.Integer({ minimum: 1, description: 'the region and its subtree' })),
  activeOn: Type.Optional(DateString),
};

export const PairingExportQuery = Type.Object(filters);
export type PairingExportQuery = Static<typeof PairingExportQuery>;

export const PairingListQuery = Type.Object({ ...PageQuery, ...filters });
export type PairingListQuery = Static<typeof PairingListQuery>;

const id = Type.Integer({ minimum: 1 });
const fields = {
  regionId: Type.Optional(Nullable(id)),
  targetName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  endsOn: Type.Optional(Nullable(DateString)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};

export const CreatePairingBody = Type.Object(
  { unitId: id, targetType: PairingTarget, startsOn: DateString, ...fields },
  { additionalProperties: false },
);
export type CreatePairingBody = Static<typeof CreatePairingBody>;

export const UpdatePairingBody = Type.Object(
  {
    unitId: Type.Optional(id),
    targetType: Type.Optional(PairingTarget),
    startsOn: Type.Optional(DateString),
    ...fields,
  },
  { additionalProperties: false },
);
export type UpdatePairingBody = Static<typeof UpdatePairingBody>;
