// Leading groups (领导小组) and task forces (专班): list, read with members, create, edit, delete,
// add and remove members, export.

import type { GroupKind } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import * as repo from './groups.repository.js';
import type {
  AddMemberBody,
  CreateGroupBody,
  Group,
  GroupDetail,
  GroupExportQuery,
  GroupListQuery,
  UpdateGroupBody,
} from './groups.schemas.js';
import { canSeeGroup, fieldError, outOfScope, resultOutOfScope, trimInput } from './org.policy.js';
import * as peopleRepo from './people.repository.js';
import * as unitRepo from './units.repository.js';

type Row = Awaited<ReturnType<typeof repo.listGroups>>[number];
type MemberRow = Awaited<ReturnType<typeof repo.listMembers>>[number];

function toGroup(row: Row): Group {
  return {
    id: row.id,
    kind: row.kind as GroupKind,
    name: row.name,
    duty: row.duty,
    leadUnitId: row.lead_unit_id,
    leadUnitName: row.lead_unit_name,
    memberCount: Number(row.member_count ?? 0),
  };
}

function toMember(row: MemberRow) {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    unitName: row.unit_name,
    role: row.role,
    sort: row.sort,
  };
}

export async function findGroups(ctx: Ctx, query: GroupListQuery) {
  const page = pageArgs(query);
  const [total, rows] = await Promise.all([
    repo.countGroups(ctx.db, ctx.actor, query),
    repo.listGroups(ctx.db, ctx.actor, query, page),
  ]);
  return { items: rows.map(toGroup), total, ...page };
}

export async function getGroup(ctx: Ctx, id: number): Promise<GroupDetail> {
  const row = await repo.findGroup(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  const members = await repo.listMembers(ctx.db, [id]);
  return { ...toGroup(row), members: members.map(toMember) };
}

/** The lead unit, when sent, must be visible; the group must stay visible after the change. */
async function checkLeadUnit(ctx: Ctx, db: Executor, leadUnitId: number | null, changed: boolean) {
  const leadUnitVisible = leadUnitId ? await unitRepo.isUnitVisible(db, ctx.actor, leadUnitId) : false;
  if (changed && leadUnitId && !leadUnitVisible) throw outOfScope('leadUnitId', ctx.locale);
  if (!canSeeGroup(ctx.actor, { leadUnitVisible })) throw resultOutOfScope();
}

export async function createGroup(ctx: Ctx, input: CreateGroupBody): Promise<GroupDetail> {
  assertCan(ctx.actor, 'org.group.write');
  const values: repo.GroupValues = trimInput({
    kind: input.kind,
    name: input.name,
    duty: input.duty ?? null,
    leadUnitId: input.leadUnitId ?? null,
  });
  if (!values.name) throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkLeadUnit(ctx, trx, values.leadUnitId, true);
    const newId = await repo.insertGroup(trx, ctx.actor.cityId, values, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'group.create', entityType: 'group', entityId: newId, after: values });
    return newId;
  });
  return getGroup(ctx, id);
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockGroup>>>;

function snapshot(row: Locked): repo.GroupValues {
  return { kind: row.kind, name: row.name, duty: row.duty, leadUnitId: row.lead_unit_id };
}

async function lockInScope(ctx: Ctx, db: Executor, id: number) {
  const row = await repo.lockGroup(db, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

export async function updateGroup(ctx: Ctx, id: number, input: UpdateGroupBody): Promise<GroupDetail> {
  assertCan(ctx.actor, 'org.group.write');
  const patch: Partial<repo.GroupValues> = trimInput(input);
  if (patch.name === '') throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  await ctx.db.transaction().execute(async (trx) => {
    const before = snapshot(await lockInScope(ctx, trx, id));
    const leadUnitId = patch.leadUnitId === undefined ? before.leadUnitId : patch.leadUnitId;
    await checkLeadUnit(ctx, trx, leadUnitId, patch.leadUnitId !== undefined);
    await repo.updateGroup(trx, id, patch, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'group.update', entityType: 'group', entityId: id, before, after: patch });
  });
  return getGroup(ctx, id);
}

export async function deleteGroup(ctx: Ctx, id: number): Promise<void> {
  assertCan(ctx.actor, 'org.group.write');
  await ctx.db.transaction().execute(async (trx) => {
    const before = snapshot(await lockInScope(ctx, trx, id));
    const members = await repo.listMembers(trx, [id]);
    await repo.deleteGroup(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'group.delete',
      entityType: 'group',
      entityId: id,
      before: { ...before, members: members.map((m) => ({ personId: m.person_id, role: m.role })) },
    });
  });
}

/** Adds a visible person to the group; the answer is the group with its members. */
export async function addGroupMember(ctx: Ctx, groupId: number, input: AddMemberBody): Promise<GroupDetail> {
  assertCan(ctx.actor, 'org.group.write');
  const role = input.role.trim();
  if (!role) throw fieldError(ctx.locale, 'role', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  await ctx.db.transaction().execute(async (trx) => {
    await lockInScope(ctx, trx, groupId);
    if (!(await peopleRepo.findPersonRef(trx, ctx.actor, input.personId))) throw outOfScope('personId', ctx.locale);
    if (await repo.isMember(trx, groupId, input.personId)) throw conflict('GROUP_MEMBER_EXISTS');
    const values = {
      cityId: ctx.actor.cityId,
      groupId,
      personId: input.personId,
      role,
      sort: input.sort ?? (await repo.nextSort(trx, groupId)),
    };
    const memberId = await repo.insertMember(trx, values);
    await auditFromCtx(trx, ctx, {
      action: 'group.member_add',
      entityType: 'group',
      entityId: groupId,
      after: { memberId, personId: values.personId, role, sort: values.sort },
    });
  });
  return getGroup(ctx, groupId);
}

export async function removeGroupMember(ctx: Ctx, groupId: number, memberId: number): Promise<void> {
  assertCan(ctx.actor, 'org.group.write');
  await ctx.db.transaction().execute(async (trx) => {
    await lockInScope(ctx, trx, groupId);
    const member = await repo.findMember(trx, groupId, memberId);
    if (!member) throw notFound();
    await repo.deleteMember(trx, memberId);
    await auditFromCtx(trx, ctx, {
      action: 'group.member_remove',
      entityType: 'group',
      entityId: groupId,
      before: { memberId, personId: member.person_id, role: member.role, sort: member.sort },
    });
  });
}

export async function exportGroups(ctx: Ctx, query: GroupExportQuery): Promise<Buffer> {
  const rows = await repo.listGroups(ctx.db, ctx.actor, query);
  const members = await repo.listMembers(
    ctx.db,
    rows.map((row) => row.id),
  );
  const L = ctx.locale;
  const byGroup = new Map<number, string[]>();
  for (const m of members) {
    const list = byGroup.get(m.group_id) ?? [];
    list.push(L === 'zh-CN' ? `${m.person_name}（${m.role}）` : `${m.person_name} (${m.role})`);
    byGroup.set(m.group_id, list);
  }
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_GROUPS'),
      columns: [
        { header: t(L, 'COL_GROUP_KIND'), key: 'kind', width: 10 },
        { header: t(L, 'COL_NAME'), key: 'name', width: 28 },
        { header: t(L, 'COL_DUTY'), key: 'duty', width: 40 },
        { header: t(L, 'COL_LEAD_UNIT'), key: 'leadUnitName', width: 24 },
        { header: t(L, 'COL_MEMBER_COUNT'), key: 'memberCount', width: 8 },
        { header: t(L, 'COL_MEMBERS'), key: 'members', width: 60 },
      ],
      rows: rows.map((row) => {
        const group = toGroup(row);
        return {
          ...group,
          kind: t(L, `GROUP_${group.kind}`),
          members: (byGroup.get(group.id) ?? []).join(L === 'zh-CN' ? '、' : ', '),
        };
      }),
    },
  ]);
}
