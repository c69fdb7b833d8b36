// People use cases: list, read (the audited unmasked view), create, edit, delete, export.

import { maskPhone, type PersonKind } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { conflict, notFound } from '../../platform/errors.js';
import { buildWorkbook } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { canSeeByUnitOrRegion, fieldError, outOfScope, resultOutOfScope, trimInput } from './org.policy.js';
import * as repo from './people.repository.js';
import type {
  CreatePersonBody,
  Person,
  PersonExportQuery,
  PersonListQuery,
  UpdatePersonBody,
} from './people.schemas.js';
import * as regionRepo from './regions.repository.js';
import * as unitRepo from './units.repository.js';

type Row = Awaited<ReturnType<typeof repo.listPeople>>[number];

function toPerson(row: Row, unmasked: boolean): Person {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PersonKind,
    gender: row.gender as Person['gender'],
    phone: unmasked ? row.phone : maskPhone(row.phone),
    unitId: row.unit_id,
    unitName: row.unit_name,
    communityId: row.community_id,
    communityName: row.community_name,
    partyOrg: row.party_org,
    position: row.position,
    hasAccount: row.username !== null,
    username: row.username,
  };
}

export async function findPeople(ctx: Ctx, query: PersonListQuery) {
  const page = pageArgs(query);
  const [total, rows] = await Promise.all([
    repo.countPeople(ctx.db, ctx.actor, query),
    repo.listPeople(ctx.db, ctx.actor, query, page),
  ]);
  return { items: rows.map((row) => toPerson(row, false)), total, ...page };
}

/** One person with the phone in full; revealing it is written to the audit log. */
export async function getPerson(ctx: Ctx, id: number): Promise<Person> {
  const row = await repo.findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  if (row.phone) {
    await auditFromCtx(ctx.db, ctx, {
      action: 'person.view_personal',
      entityType: 'person',
      entityId: id,
      message: 'phone',
    });
  }
  return toPerson(row, true);
}

async function loadSaved(ctx: Ctx, id: number): Promise<Person> {
  const row = await repo.findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  return toPerson(row, true);
}

/** The residential community must be a visible community-level region. */
async function requireCommunity(ctx: Ctx, db: Executor, id: number) {
  const region = await regionRepo.findRegion(db, ctx.actor, id);
  if (!region) throw outOfScope('communityId', ctx.locale);
  if (region.level !== 'community') throw fieldError(ctx.locale, 'communityId', 'REGION_NOT_COMMUNITY');
  return region;
}

/** Refuses a change after which the actor could no longer see the person. */
async function assertStaysVisible(
  ctx: Ctx,
  db: Executor,
  person: { unitId: number | null; communityId: number | null },
) {
  const unitVisible = person.unitId ? await unitRepo.isUnitVisible(db, ctx.actor, person.unitId) : false;
  const community = person.communityId
    ? await unitRepo.findRegionPath(db, ctx.actor.cityId, person.communityId)
    : undefined;
  if (!canSeeByUnitOrRegion(ctx.actor, { unitVisible, regionPath: community?.path ?? null })) throw resultOutOfScope();
}

export async function createPerson(ctx: Ctx, input: CreatePersonBody): Promise<Person> {
  assertCan(ctx.actor, 'org.person.write');
  const values: repo.PersonValues = trimInput({
    name: input.name,
    kind: input.kind,
    gender: input.gender ?? null,
    phone: input.phone ?? null,
    unitId: input.unitId ?? null,
    communityId: input.communityId ?? null,
    partyOrg: input.partyOrg ?? null,
    position: input.position ?? null,
  });
  if (!values.name) throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (values.unitId && !(await unitRepo.isUnitVisible(trx, ctx.actor, values.unitId)))
      throw outOfScope('unitId', ctx.locale);
    if (values.communityId) await requireCommunity(ctx, trx, values.communityId);
    await assertStaysVisible(ctx, trx, values);
    const newId = await repo.insertPerson(trx, ctx.actor.cityId, values, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'person.create', entityType: 'person', entityId: newId, after: values });
    return newId;
  });
  return loadSaved(ctx, id);
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockPerson>>>;

function snapshot(row: Locked): repo.PersonValues {
  return {
    name: row.name,
    kind: row.kind,
    gender: row.gender,
    phone: row.phone,
    unitId: row.unit_id,
    communityId: row.community_id,
    partyOrg: row.party_org,
    position: row.position,
  };
}

export async function updatePerson(ctx: Ctx, id: number, input: UpdatePersonBody): Promise<Person> {
  assertCan(ctx.actor, 'org.person.write');
  const patch: Partial<repo.PersonValues> = trimInput(input);
  if (patch.name === '') throw fieldError(ctx.locale, 'name', 'CELL_REQUIRED', 'VALIDATION_FAILED');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockPerson(trx, ctx.actor, id);
    if (!row) throw notFound();
    const before = snapshot(row);
    if (patch.unitId && !(await unitRepo.isUnitVisible(trx, ctx.actor, patch.unitId)))
      throw outOfScope('unitId', ctx.locale);
    if (patch.communityId) await requireCommunity(ctx, trx, patch.communityId);
    await assertStaysVisible(ctx, trx, { ...before, ...patch });
    await repo.updatePerson(trx, id, patch, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'person.update', entityType: 'person', entityId: id, before, after: patch });
  });
  return loadSaved(ctx, id);
}

export async function deletePerson(ctx: Ctx, id: number): Promise<void> {
  assertCan(ctx.actor, 'org.person.write');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.lockPerson(trx, ctx.actor, id);
    if (!row) throw notFound();
    const links = await repo.countLinks(trx, id);
    if (links.accounts > 0) throw conflict('PERSON_HAS_ACCOUNT');
    if (links.groups > 0) throw conflict('PERSON_IN_GROUP');
    await repo.deletePerson(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'person.delete',
      entityType: 'person',
      entityId: id,
      before: snapshot(row),
    });
  });
}

export async function exportPeople(ctx: Ctx, query: PersonExportQuery): Promise<Buffer> {
  const rows = await repo.listPeople(ctx.db, ctx.actor, query);
  const L = ctx.locale;
  return buildWorkbook([
    {
      name: t(L, 'EXPORT_PEOPLE'),
      columns: [
        { header: t(L, 'COL_PERSON_NAME'), key: 'name', width: 10 },
        { header: t(L, 'COL_KIND'), key: 'kind', width: 16 },
        { header: t(L, 'COL_GENDER'), key: 'gender', width: 6 },
        { header: t(L, 'COL_PHONE'), key: 'phone', width: 16 },
        { header: t(L, 'COL_WORK_UNIT'), key: 'unitName', width: 28 },
        { header: t(L, 'COL_COMMUNITY'), key: 'communityName', width: 18 },
        { header: t(L, 'COL_PARTY_ORG'), key: 'partyOrg', width: 24 },
        { header: t(L, 'COL_POSITION'), key: 'position', width: 14 },
        { header: t(L, 'COL_ACCOUNT'), key: 'username', width: 14 },
      ],
      rows: rows.map((row) => {
        const person = toPerson(row, false);
        return {
          ...person,
          kind: t(L, `KIND_${person.kind}`),
          gender: person.gender ? t(L, `GENDER_${person.gender}`) : '',
        };
      }),
    },
  ]);
}
