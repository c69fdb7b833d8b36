// API shapes of leading groups (领导小组) and task forces (专班) and their members.

import { Type, type Static } from 'typebox';
import { GROUP_KINDS } from '@cc/common/org';
import { Nullable, PageQuery, StringEnum } from '../../platform/http.js';

export const GroupKind = StringEnum(GROUP_KINDS);

export const Group = Type.Object({
  id: Type.Integer(),
  kind: GroupKind,
  name: Type.String(),
  duty: Nullable(Type.String()),
  leadUnitId: Nullable(Type.Integer()),
  leadUnitName: Nullable(Type.String()),
  memberCount: Type.Integer(),
});
export type Group = Static<typeof Group>;

export const GroupMember = Type.Object({
  id: Type.Integer(),
  personId: Type.Integer(),
  personName: Type.String(),
  unitName: Nullable(Type.String()),
  role: Type.String(),
  sort: Type.Integer(),
});
export type GroupMember = Static<typeof GroupMember>;

export const GroupDetail = Type.Intersect([Group, Type.Object({ members: Type.Array(GroupMember) })]);
export type GroupDetail = Static<typeof GroupDetail>;

const filters = { q: PageQuery.q, kind: Type.Optional(GroupKind) };

export const GroupExportQuery = Type.Object(filters);
export type GroupExportQuery = Static<typeof GroupExportQuery>;

export const GroupListQuery = Type.Object({ ...PageQuery, ...filters });
export type GroupListQuery = Static<typeof GroupListQuery>;

const name = Type.String({ minLength: 1, maxLength: 60 });
const fields = {
  duty: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  leadUnitId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
};

export const CreateGroupBody = Type.Object({ kind: GroupKind, name, ...fields }, { additionalProperties: false });
export type CreateGroupBody = Static<typeof CreateGroupBody>;

export const UpdateGroupBody = Type.Object(
  { kind: Type.Optional(GroupKind), name: Type.Optional(name), ...fields },
  { additionalProperties: false },
);
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const AddMemberBody = Type.Object(
  {
    personId: Type.Integer({ minimum: 1 }),
    role: Type.String({ minLength: 1, maxLength: 30, description: 'free text: 组长, 副组长, 成员 …' }),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'default: after the last member' })),
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const MemberParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  memberId: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
});
export type MemberParams = Static<typeof MemberParams>;
