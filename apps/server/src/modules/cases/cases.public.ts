// The public side of cases (no sign-in): a resident reports a problem with a photo, follows it with
// the tracking token from the receipt and may say "not fixed" after it was closed, which reopens
// verification; the public board shows cases the office chose to expose, with only the public
// (re-encoded, metadata-free) copies of the photos it chose, and no reporter data at all.

import { caseCode, type CaseStatus } from '@cc/common/cases';
import { writeAudit } from '../../platform/audit.js';
import type { PublicCtx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { openFile, publicImage, storeFile, type UploadInput } from '../../platform/files.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { createRateLimiter } from '../../platform/rate-limit.js';
import * as repo from './cases.repository.js';
import type { PublicCreateCaseBody } from './cases.schemas.js';
import { intakeCase } from './cases.service.js';
import { planTransition } from './cases.state.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import type { LimitUnitName } from '@cc/common/cases';

/** Per IP: 30 photos and 10 reports per 10 minutes, 20 "not fixed" per hour. */
const photoLimiter = createRateLimiter(30, 10 * 60_000);
const reportLimiter = createRateLimiter(10, 10 * 60_000);
const notFixedLimiter = createRateLimiter(20, 60 * 60_000);

async function cityOf(ctx: PublicCtx, code: string) {
  const city = await repo.findCityByCode(ctx.db, code);
  if (!city) throw notFound();
  return city;
}

export async function publicCity(ctx: PublicCtx, code: string) {
  const city = await cityOf(ctx, code);
  const [categories, communities] = await Promise.all([
    repo.listCategories(ctx.db, city.id),
    repo.listCommunities(ctx.db, city.id),
  ]);
  return {
    name: city.name,
    code: city.code,
    categories: categories.filter((c) => c.active).map((c) => ({ id: c.id, parentId: c.parent_id, name: c.name })),
    communities: communities.map((c) => ({ id: c.id, name: c.name, streetName: c.street_name })),
  };
}

export async function uploadPublicPhoto(ctx: PublicCtx, code: string, input: UploadInput) {
  photoLimiter.hit(ctx.ip ?? 'unknown');
  const city = await cityOf(ctx, code);
  const file = await ctx.db.transaction().execute(async (trx) => {
    const stored = await storeFile(trx, ctx.config, { cityId: city.id, userId: null, ...input, now: ctx.now() });
    if (!stored.isImage) throw new AppError('VALIDATION_FAILED', { messageKey: 'CASE_PHOTO_NOT_IMAGE' });
    await writeAudit(trx, {
      cityId: city.id,
      actorId: null,
      actorName: t(ctx.locale, 'REPORTER_PUBLIC'),
      ip: ctx.ip,
      at: ctx.now(),
      action: 'file.upload.public',
      entityType: 'file',
      entityId: stored.id,
      after: { name: stored.name, mime: stored.mime, size: stored.size },
    });
    return stored;
  });
  return { fileId: file.id };
}

export async function createPublicCase(ctx: PublicCtx, code: string, body: PublicCreateCaseBody) {
  reportLimiter.hit(ctx.ip ?? 'unknown');
  const city = await cityOf(ctx, code);
  const now = ctx.now();
  const result = await intakeCase(
    ctx.db,
    {
      cityId: city.id,
      reporter: { userId: null, displayName: null },
      now,
      locale: ctx.locale,
      ip: ctx.ip,
      actor: null,
    },
    { ...body, source: 'resident', requirePhoto: true },
  );
  const duplicate = result.duplicateOfId
    ? await ctx.db
        .selectFrom('cases')
        .select(['id', 'created_at'])
        .where('id', '=', result.duplicateOfId)
        .executeTakeFirst()
    : undefined;
  return {
    code: caseCode(result.id, now),
    trackingToken: result.trackingToken ?? '',
    duplicateOfCode: duplicate ? caseCode(duplicate.id, duplicate.created_at) : null,
  };
}

/** The case a token follows; a merged case is followed to the case it was merged into. */
async function trackedCase(ctx: PublicCtx, token: string) {
  let row = await repo.findCaseByToken(ctx.db, token);
  if (!row) throw notFound();
  if (row.status === 'merged' && row.merged_into_id) {
    const target = await ctx.db
      .selectFrom('cases as c')
      .innerJoin('case_categories as k', 'k.id', 'c.category_id')
      .select([
        'c.id',
        'c.city_id',
        'c.status',
        'c.description',
        'c.address',
        'c.created_at',
        'c.closed_at',
        'c.merged_into_id',
        'k.name as category_name',
      ])
      .where('c.id', '=', row.merged_into_id)
      .executeTakeFirst();
    if (target) row = target;
  }
  return row;
}

export async function trackCase(ctx: PublicCtx, token: string) {
  const row = await trackedCase(ctx, token);
  const logs = await repo.findLogs(ctx.db, row.id);
  return {
    code: caseCode(row.id, row.created_at),
    status: row.status as CaseStatus,
    categoryName: row.category_name,
    description: row.description,
    address: row.address,
    createdAt: row.created_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    canSayNotFixed: row.status === 'closed',
    // Steps only: who acted and their notes stay internal.
    steps: logs
      .filter((l) => l.to_status !== null && l.from_status !== l.to_status)
      .map((l) => ({ at: l.at.toISOString(), action: l.action, toStatus: l.to_status })),
  };
}

/** The reporter says the problem is not fixed: a closed case goes back to verification. */
export async function sayNotFixed(ctx: PublicCtx, token: string, note: string) {
  notFixedLimiter.hit(ctx.ip ?? 'unknown');
  const tracked = await trackedCase(ctx, token);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockCaseById(trx, tracked.city_id, tracked.id);
    if (!locked) throw notFound();
    if (locked.status !== 'closed') throw new AppError('CONFLICT', { messageKey: 'CASE_NOT_FIXED_CLOSED_ONLY' });
    const row = await trx
      .selectFrom('cases as c')
      .innerJoin('case_categories as k', 'k.id', 'c.category_id')
      .select([
        'c.status',
        'c.unit_id',
        'c.handled_by',
        'c.extension_pending',
        'c.suspended_from',
        'c.suspended_at',
        'c.deadline_at',
        'c.original_deadline_at',
        'c.handled_at',
        'k.limit_unit',
        'k.limit_amount',
        'k.verify_limit_unit',
        'k.verify_limit_amount',
      ])
      .where('c.id', '=', tracked.id)
      .executeTakeFirstOrThrow();
    const plan = planTransition(
      {
        status: row.status as CaseStatus,
        unitId: row.unit_id,
        handledBy: row.handled_by,
        extensionPending: row.extension_pending,
        suspendedFrom: row.suspended_from as CaseStatus | null,
        suspendedAt: row.suspended_at,
        deadlineAt: row.deadline_at,
        originalDeadlineAt: row.original_deadline_at,
        handledAt: row.handled_at,
        limitUnit: row.limit_unit as LimitUnitName,
        limitAmount: row.limit_amount,
        verifyLimitUnit: row.verify_limit_unit as LimitUnitName | null,
        verifyLimitAmount: row.verify_limit_amount,
      },
      'reopen',
      { note },
      // The reporter acts through the token; the table's office permission is granted for this step only.
      { userId: 0, permissions: new Set(['case.manage']), ofResponsibleUnit: false },
      now,
      await loadWorkingCalendar(trx, tracked.city_id),
    );
    await repo.applyPatch(trx, tracked.id, plan.patch, now);
    await repo.insertLog(trx, {
      cityId: tracked.city_id,
      caseId: tracked.id,
      at: now,
      actorId: null,
      actorName: t(ctx.locale, 'REPORTER_PUBLIC'),
      action: 'not_fixed',
      fromStatus: plan.from,
      toStatus: plan.to,
      note: note.trim(),
    });
    await writeAudit(trx, {
      cityId: tracked.city_id,
      actorId: null,
      actorName: t(ctx.locale, 'REPORTER_PUBLIC'),
      ip: ctx.ip,
      at: now,
      action: 'case.not_fixed',
      entityType: 'case',
      entityId: tracked.id,
      before: { status: plan.from },
      after: { status: plan.to, note: note.trim() },
    });
  });
  return trackCase(ctx, token);
}

export async function board(
  ctx: PublicCtx,
  code: string,
  query: { page?: number; pageSize?: number; state?: 'exposed' | 'fixed' },
) {
  const city = await cityOf(ctx, code);
  const { page, pageSize } = pageArgs(query);
  let q = ctx.db
    .selectFrom('cases as c')
    .innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .leftJoin('regions as cm', 'cm.id', 'c.community_id')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .where('c.city_id', '=', city.id)
    .where('c.is_public', '=', true)
    .where('c.status', 'not in', ['voided', 'merged']);
  if (query.state === 'fixed') q = q.where('c.status', '=', 'closed');
  if (query.state === 'exposed') q = q.where('c.status', '!=', 'closed');
  const [rows, count] = await Promise.all([
    q
      .select([
        'c.id',
        'c.status',
        'c.description',
        'c.address',
        'c.created_at',
        'c.closed_at',
        'k.name as category_name',
        'cm.name as region_name',
        'u.name as unit_name',
      ])
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const photos =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('case_photos')
          .select(['case_id', 'kind', 'file_id'])
          .where(
            'case_id',
            'in',
            rows.map((r) => r.id),
          )
          .where('is_public', '=', true)
          .orderBy('id')
          .execute();
  const url = (caseId: number, fileId: string) => `/api/public/cities/${city.code}/cases/${caseId}/photos/${fileId}`;
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: caseCode(r.id, r.created_at),
      status: r.status as CaseStatus,
      categoryName: r.category_name,
      description: r.description,
      address: r.address,
      regionName: r.region_name,
      unitName: r.unit_name,
      createdAt: r.created_at.toISOString(),
      closedAt: r.closed_at?.toISOString() ?? null,
      beforePhotos: photos.filter((p) => p.case_id === r.id && p.kind === 'before').map((p) => url(r.id, p.file_id)),
      afterPhotos: photos.filter((p) => p.case_id === r.id && p.kind !== 'before').map((p) => url(r.id, p.file_id)),
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}

/** The public copy of a photo the office published with an exposed case. */
export async function boardPhoto(ctx: PublicCtx, code: string, caseId: number, fileId: string) {
  const city = await cityOf(ctx, code);
  const row = await ctx.db
    .selectFrom('case_photos as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .select('p.file_id')
    .where('c.city_id', '=', city.id)
    .where('c.id', '=', caseId)
    .where('c.is_public', '=', true)
    .where('p.is_public', '=', true)
    .where('p.file_id', '=', fileId.toLowerCase())
    .executeTakeFirst();
  if (!row) throw notFound();
  const file = await openFile(ctx.db, ctx.config, city.id, row.file_id);
  const copy = file ? await publicImage(ctx.config, file) : null;
  if (!copy) throw notFound();
  return copy;
}
