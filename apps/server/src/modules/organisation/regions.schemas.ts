// API shapes of regions (区划): the tree 市 → 区县 → 街道 → 社区 → 网格.

import { Type, type Static } from 'typebox';
import { REGION_CODE_PATTERN, REGION_LEVELS } from '@cc/common/org';
import { Nullable, StringEnum } from '../../platform/http.js';

export const RegionLevel = StringEnum(REGION_LEVELS);

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Ring = Type.Array(Position, { minItems: 4, maxItems: 10_000 });
export const Polygon = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 100 }) }),
  Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 100 }), { minItems: 1, maxItems: 100 }),
  }),
]);
export type Polygon = Static<typeof Polygon>;

export const Region = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  level: RegionLevel,
  code: Type.String(),
  name: Type.String(),
  sort: Type.Integer(),
  hasPolygon: Type.Boolean(),
  childCount: Type.Integer(),
});
export type Region = Static<typeof Region>;

export const RegionDetail = Type.Intersect([
  Region,
  Type.Object({
    polygon: Nullable(Polygon),
    path: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  }),
]);

export const RegionListQuery = Type.Object({
  parentId: Type.Optional(Type.Integer({ minimum: 1 })),
  level: Type.Optional(RegionLevel),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});
export type RegionListQuery = Static<typeof RegionListQuery>;

const code = Type.String({ pattern: REGION_CODE_PATTERN, description: '12-digit statistical division code' });
const name = Type.String({ minLength: 1, maxLength: 60 });
const sort = Type.Integer({ minimum: 0, maximum: 100_000 });

export const CreateRegionBody = Type.Object(
  {
    parentId: Type.Integer({ minimum: 1 }),
    code,
    name,
    sort: Type.Optional(sort),
    polygon: Type.Optional(Nullable(Polygon)),
  },
  { additionalProperties: false },
);
export type CreateRegionBody = Static<typeof CreateRegionBody>;

export const UpdateRegionBody = Type.Object(
  {
    code: Type.Optional(code),
    name: Type.Optional(name),
    sort: Type.Optional(sort),
    polygon: Type.Optional(Nullable(Polygon)),
  },
  { additionalProperties: false },
);
export type UpdateRegionBody = Static<typeof UpdateRegionBody>;
