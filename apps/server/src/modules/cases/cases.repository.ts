// SQL of cases: categories, settings, intake, the scoped list and detail, locking for
// transitions, duplicates candidates, routing lookups and the map. Every read of cases goes through
// `caseVisible` so rows outside the actor's scope are simply not found.

import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import type { CasesTable } from '../../platform/db-schema.js';
import { caseVisible } from './cases.policy.js';
import type { CasePatch } from './cases.state.js';

// ---------------------------------------------------------------------------------------------
// Categories and settings
// ---------------------------------------------------------------------------------------------

export function listCategories(db: Executor, cityId: number) {
  return db
    .selectFrom('case_categories')
    .selectAll()
    .where('city_id', '=', cityId)
    .orderBy('parent_id', (ob) => ob.nullsFirst())
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export function findCategory(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('case_categories')
    .selectAll()
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findCategoryByCode(db: Executor, cityId: number, code: string) {
  return db
    .selectFrom('case_categories')
    .select('id')
    .where('city_id', '=', cityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export interface CategoryValues {
  parent_id?: number | null;
  code?: string;
  name?: string;
  owner_rule?: string;
  limit_unit?: string;
  limit_amount?: number;
  verify_limit_unit?: string | null;
  verify_limit_amount?: number | null;
  sort?: number;
  active?: boolean;
}

export function insertCategory(
  db: Executor,
  cityId: number,
  values: Required<Omit<CategoryValues, 'active'>> & { active?: boolean },
  at: Date,
) {
  return db
    .insertInto('case_categories')
    .values({ city_id: cityId, ...values, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateCategory(db: Executor, cityId: number, id: number, values: CategoryValues, at: Date) {
  return db
    .updateTable('case_categories')
    .set({ ...values, updated_at: at })
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts the default tree, skipping codes the city already has. Parents first. */
export async function insertDefaultCategories(
  db: Executor,
  cityId: number,
  rows: {
    code: string;
    parentCode: string | null;
    name: string;
    ownerRule: string;
    limitUnit: string;
    limitAmount: number;
    verifyUnit: string | null;
    verifyAmount: number | null;
    sort: number;
  }[],
  at: Date,
): Promise<number> {
  let inserted = 0;
  for (const level of [rows.filter((r) => !r.parentCode), rows.filter((r) => r.parentCode)]) {
    if (level.length === 0) continue;
    const result = await sql`
      INSERT INTO case_categories (city_id, parent_id, code, name, owner_rule, limit_unit, limit_amount,
                                   verify_limit_unit, verify_limit_amount, sort, created_at, updated_at)
      SELECT ${cityId}, p.id, x.code, x.name, x.owner_rule, x.limit_unit, x.limit_amount, x.vu, x.va, x.sort, ${at}, ${at}
      FROM unnest(${level.map((r) => r.code)}::text[], ${level.map((r) => r.parentCode)}::text[],
                  ${level.map((r) => r.name)}::text[], ${level.map((r) => r.ownerRule)}::text[],
                  ${level.map((r) => r.limitUnit)}::text[], ${level.map((r) => r.limitAmount)}::int[],
                  ${level.map((r) => r.verifyUnit)}::text[], ${level.map((r) => r.verifyAmount)}::int[],
                  ${level.map((r) => r.sort)}::int[])
           AS x(code, parent_code, name, owner_rule, limit_unit, limit_amount, vu, va, sort)
      LEFT JOIN case_categories p ON p.city_id = ${cityId} AND p.code = x.parent_code
      ON CONFLICT (city_id, code) DO NOTHING
      RETURNING 1`.execute(db);
    // Counted from RETURNING: the embedded driver does not report affected rows of raw SQL.
    inserted += result.rows.length;
  }
  return inserted;
}

export function findSettings(db: Executor, cityId: number) {
  return db.selectFrom('case_settings').selectAll().where('city_id', '=', cityId).executeTakeFirst();
}

export async function upsertSettings(
  db: Executor,
  cityId: number,
  values: {
    duplicate_radius_m: number;
    duplicate_days: number;
    duplicate_min_similarity: number;
    remind_before_ratio: number;
    escalate_every_minutes: number;
    notice_issuer: string;
    notice_prefix: string;
  },
  at: Date,
) {
  await db
    .insertInto('case_settings')
    .values({ city_id: cityId, ...values, updated_at: at })
    .onConflict((oc) => oc.column('city_id').doUpdateSet({ ...values, updated_at: at }))
    .execute();
}

export function findCity(db: Executor, cityId: number) {
  return db.selectFrom('cities').select(['id', 'name', 'code']).where('id', '=', cityId).executeTakeFirstOrThrow();
}

export function findCityByCode(db: Executor, code: string) {
  return db.selectFrom('cities').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Location and routing lookups
// ---------------------------------------------------------------------------------------------

export function findGridPolygons(db: Executor, cityId: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'name', 'polygon'])
    .where('city_id', '=', cityId)
    .where('level', '=', 'grid')
    .where('polygon', 'is not', null)
    .execute();
}

export function findRegion(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'level', 'name', 'path'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCommunities(db: Executor, cityId: number) {
  return db
    .selectFrom('regions as c')
    .innerJoin('regions as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 's.name as street_name'])
    .where('c.city_id', '=', cityId)
    .where('c.level', '=', 'community')
    .orderBy('s.path')
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute();
}

/** The unit paired with a community on a date (the most recent pairing wins). */
export function findCommunityPairing(db: Executor, cityId: number, communityId: number, date: string) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['u.id', 'u.name'])
    .where('p.city_id', '=', cityId)
    .where('p.target_type', '=', 'community')
    .where('p.region_id', '=', communityId)
    .where('p.starts_on', '<=', date)
    .where((eb) => eb.or([eb('p.ends_on', 'is', null), eb('p.ends_on', '>=', date)]))
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id', 'desc')
    .executeTakeFirst();
}

/** The local government office of a region (a street office, else the district's). */
export function findRegionOffice(db: Executor, cityId: number, regionId: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('city_id', '=', cityId)
    .where('region_id', '=', regionId)
    .where('type', '=', 'district_office')
    .orderBy('id')
    .executeTakeFirst();
}

export function findUnit(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'head_name', 'head_phone', 'liaison_name', 'liaison_phone'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Image files of the city among `ids` (others are unknown or not images). */
/** Active users of a unit who work its cases. */
export async function findUnitHandlers(db: Executor, cityId: number, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('city_id', '=', cityId)
    .where('unit_id', '=', unitId)
    .where('status', '=', 'active')
    .where(sql<SqlBool>`'unit_staff' = ANY(roles)`)
    .execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Intake
// ---------------------------------------------------------------------------------------------

export type NewCase = Omit<Insertable<CasesTable>, 'id' | 'city_id' | 'created_at' | 'updated_at'>;

/** Inserts a case; with an idempotency key already used in the city, inserts nothing (null). */
export async function insertCase(db: Executor, cityId: number, values: NewCase, at: Date): Promise<number | null> {
  const row = await db
    .insertInto('cases')
    .values({ ...values, city_id: cityId, created_at: at, updated_at: at })
    .onConflict((oc) => oc.columns(['city_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export function findByIdempotencyKey(db: Executor, cityId: number, key: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'created_by', 'tracking_token'])
    .where('city_id', '=', cityId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export async function insertLog(
  db: Executor,
  entry: {
    cityId: number;
    caseId: number;
    at: Date;
    actorId: number | null;
    actorName: string | null;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note?: string | null;
    data?: unknown;
    photos?: string[];
  },
): Promise<void> {
  await db
    .insertInto('case_logs')
    .values({
      city_id: entry.cityId,
      case_id: entry.caseId,
      at: entry.at,
      actor_id: entry.actorId,
      actor_name: entry.actorName,
      action: entry.action,
      from_status: entry.fromStatus,
      to_status: entry.toStatus,
      note: entry.note ?? null,
      data: entry.data === undefined ? null : JSON.stringify(entry.data),
      photos: entry.photos ?? [],
    })
    .execute();
}

export async function insertPhotos(
  db: Executor,
  cityId: number,
  caseId: number,
  kind: 'before' | 'after' | 'verify',
  fileIds: string[],
  at: Date,
): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .insertInto('case_photos')
    .values(fileIds.map((f) => ({ city_id: cityId, case_id: caseId, kind, file_id: f, created_at: at })))
    .onConflict((oc) => oc.columns(['case_id', 'kind', 'file_id']).doNothing())
    .execute();
}

export async function insertReporter(
  db: Executor,
  values: {
    cityId: number;
    caseId: number;
    userId: number | null;
    name: string | null;
    phone: string | null;
    source: string;
    trackingToken: string | null;
    at: Date;
  },
): Promise<void> {
  await db
    .insertInto('case_reporters')
    .values({
      city_id: values.cityId,
      case_id: values.caseId,
      user_id: values.userId,
      name: values.name,
      phone: values.phone,
      source: values.source,
      tracking_token: values.trackingToken,
      reported_at: values.at,
    })
    .execute();
}

/** Recent open cases of a category near a point (bounding box), for duplicate detection. */
export function findDuplicateCandidates(
  db: Executor,
  args: {
    cityId: number;
    categoryId: number;
    excludeId: number;
    since: Date;
    point: { lng: number; lat: number } | null;
    communityId: number | null;
    radiusM: number;
  },
) {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .select([
      'c.id',
      'c.status',
      'c.description',
      'c.address',
      'c.lng',
      'c.lat',
      'c.created_at',
      'k.name as category_name',
    ])
    .where('c.city_id', '=', args.cityId)
    .where('c.category_id', '=', args.categoryId)
    .where('c.id', '!=', args.excludeId)
    .where('c.created_at', '>=', args.since)
    .where('c.status', 'not in', ['voided', 'merged']);
  if (args.point) {
    const dLat = args.radiusM / 111_320;
    const dLng = args.radiusM / (111_320 * Math.max(0.1, Math.cos((args.point.lat * Math.PI) / 180)));
    q = q
      .where('c.lat', '>=', args.point.lat - dLat)
      .where('c.lat', '<=', args.point.lat + dLat)
      .where('c.lng', '>=', args.point.lng - dLng)
      .where('c.lng', '<=', args.point.lng + dLng);
  } else if (args.communityId) {
    q = q.where('c.community_id', '=', args.communityId);
  } else {
    return Promise.resolve([]);
  }
  return q.orderBy('c.created_at', 'desc').limit(200).execute();
}

export async function markDuplicate(db: Executor, id: number, duplicateOfId: number, score: number): Promise<void> {
  await db
    .updateTable('cases')
    .set({ duplicate_of_id: duplicateOfId, duplicate_score: score })
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export interface CaseFilters {
  statuses?: string[];
  categoryId?: number;
  unitId?: number;
  regionId?: number;
  source?: string;
  overdue?: boolean;
  escalated?: boolean;
  from?: string;
  to?: string;
  q?: string;
  reporterUserId?: number;
}

const WORKING = sql.raw(`('dispatched','accepted','rework')`);

/** SQL: the case is past its deadline (still working, or closed late). */
export function overdueExpr(now: Date, alias = 'c'): RawBuilder<SqlBool> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<SqlBool>`((${c('status')} IN ${WORKING} AND ${c('deadline_at')} < ${now}) OR (${c('status')} = 'closed' AND ${c('closed_on_time')} = false))`;
}

function baseList(db: Executor, actor: Actor, filters: CaseFilters, now: Date) {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .leftJoin('regions as r', 'r.id', 'c.region_id')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .where('c.city_id', '=', actor.cityId)
    .where(caseVisible(actor, 'c'));
  if (filters.statuses && filters.statuses.length > 0) q = q.where('c.status', 'in', filters.statuses);
  if (filters.categoryId) {
    q = q.where((eb) =>
      eb.or([eb('c.category_id', '=', filters.categoryId!), eb('k.parent_id', '=', filters.categoryId!)]),
    );
  }
  if (filters.unitId) q = q.where('c.unit_id', '=', filters.unitId);
  if (filters.regionId) {
    q = q.where(
      sql<SqlBool>`c.region_id IN (SELECT s.id FROM regions s WHERE s.city_id = ${actor.cityId} AND s.path LIKE (SELECT t.path FROM regions t WHERE t.id = ${filters.regionId} AND t.city_id = ${actor.cityId}) || '%')`,
    );
  }
  if (filters.source) q = q.where('c.source', '=', filters.source);
  if (filters.overdue !== undefined) {
    q = q.where(filters.overdue ? overdueExpr(now) : sql<SqlBool>`NOT ${overdueExpr(now)}`);
  }
  if (filters.escalated !== undefined) q = q.where('c.escalation_count', filters.escalated ? '>' : '=', 0);
  if (filters.from) q = q.where(sql<SqlBool>`c.created_at >= (${filters.from}::date - interval '8 hours')`);
  if (filters.to) q = q.where(sql<SqlBool>`c.created_at < (${filters.to}::date + interval '16 hours')`);
  if (filters.reporterUserId) {
    q = q.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM case_reporters mr WHERE mr.case_id = c.id AND mr.user_id = ${filters.reporterUserId})`,
    );
  }
  if (filters.q?.trim()) {
    const text = filters.q.trim();
    const pattern = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const asId = /^\d{4}-?\d{1,7}$/.test(text) ? Number(text.slice(-7).replace('-', '')) : null;
    q = q.where((eb) =>
      eb.or([
        eb('c.description', 'like', pattern),
        eb('c.address', 'like', pattern),
        ...(asId ? [eb('c.id', '=', asId)] : []),
      ]),
    );
  }
  return q;
}

function listColumns(now: Date) {
  return [
    'c.id',
    'c.status',
    'c.source',
    'c.category_id',
    'k.name as category_name',
    'c.description',
    'c.address',
    'c.region_id',
    'r.name as region_name',
    'c.unit_id',
    'u.name as unit_name',
    'c.deadline_at',
    'c.escalation_count',
    'c.extension_pending',
    'c.duplicate_of_id',
    'c.created_at',
    'c.closed_at',
    overdueExpr(now).as('overdue'),
  ] as const;
}

export async function listCases(
  db: Executor,
  actor: Actor,
  filters: CaseFilters,
  now: Date,
  page: { limit: number; offset: number; orderByDeadline?: boolean },
) {
  const base = baseList(db, actor, filters, now);
  let rows = base.select(listColumns(now));
  rows = page.orderByDeadline
    ? rows.orderBy('c.deadline_at', (ob) => ob.asc().nullsLast()).orderBy('c.id')
    : rows.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
  const [items, count] = await Promise.all([
    rows.limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Rows for the Excel export, streamed in id order. */
export function exportCases(db: Executor, actor: Actor, filters: CaseFilters, now: Date) {
  return baseList(db, actor, filters, now)
    .select(listColumns(now))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(100_000)
    .execute();
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>['items'][number];

export async function countCases(db: Executor, actor: Actor, filters: CaseFilters, now: Date) {
  const base = baseList(db, actor, filters, now);
  const [byStatus, flags] = await Promise.all([
    base
      .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.status')
      .execute(),
    base
      .select([
        sql<number>`count(*) FILTER (WHERE c.status IN ${WORKING} AND c.deadline_at < ${now})`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE c.status IN ${WORKING} AND c.escalation_count > 0)`.as('escalated'),
        sql<number>`count(*) FILTER (WHERE c.extension_pending)`.as('extension_pending'),
        sql<number>`count(*) FILTER (WHERE c.status IN ${WORKING} AND c.deadline_at >= ${now} AND c.deadline_at < ${new Date(now.getTime() + 86_400_000)})`.as(
          'due_soon',
        ),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { byStatus, flags };
}

export function mapPoints(db: Executor, actor: Actor, filters: CaseFilters, now: Date, limit: number) {
  return baseList(db, actor, filters, now)
    .where('c.lng', 'is not', null)
    .where('c.status', 'not in', ['closed', 'voided', 'merged'])
    .select(['c.id', 'c.lng', 'c.lat', 'c.status', 'k.name as category_name', overdueExpr(now).as('overdue')])
    .orderBy('c.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** One case with its names, if the actor sees it; `lock` takes the row lock for a transition. */
export function findCase(db: Executor, actor: Actor, id: number, now: Date) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_categories as k', 'k.id', 'c.category_id')
    .leftJoin('regions as r', 'r.id', 'c.region_id')
    .leftJoin('regions as cm', 'cm.id', 'c.community_id')
    .leftJoin('regions as g', 'g.id', 'c.grid_id')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('units as ou', 'ou.id', 'c.owner_unit_id')
    .selectAll('c')
    .select([
      'k.name as category_name',
      'k.parent_id as category_parent_id',
      'k.owner_rule',
      'k.limit_unit',
      'k.limit_amount',
      'k.verify_limit_unit',
      'k.verify_limit_amount',
      'r.name as region_name',
      'cm.name as community_name',
      'g.name as grid_name',
      'u.name as unit_name',
      'u.parent_id as unit_parent_id',
      'ou.name as owner_unit_name',
      overdueExpr(now).as('overdue'),
    ])
    .where('c.city_id', '=', actor.cityId)
    .where('c.id', '=', id)
    .where(caseVisible(actor, 'c'))
    .executeTakeFirst();
}

export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Locks the case row (no joins: FOR UPDATE must not lock the category or unit rows). */
export function lockCase(db: Executor, actor: Actor, id: number) {
  return db
    .selectFrom('cases as c')
    .select(['c.id', 'c.status'])
    .where('c.city_id', '=', actor.cityId)
    .where('c.id', '=', id)
    .where(caseVisible(actor, 'c'))
    .forUpdate('c')
    .executeTakeFirst();
}

export function lockCaseById(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findPhotos(db: Executor, caseId: number) {
  return db
    .selectFrom('case_photos')
    .select(['file_id', 'kind', 'is_public'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export function findReporters(db: Executor, caseId: number) {
  return db.selectFrom('case_reporters').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

export function findExtensions(db: Executor, caseId: number) {
  return db
    .selectFrom('case_extensions as e')
    .leftJoin('users as u', 'u.id', 'e.requested_by')
    .selectAll('e')
    .select('u.display_name as requested_by_name')
    .where('e.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}

export function findLogs(db: Executor, caseId: number) {
  return db.selectFrom('case_logs').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

// ---------------------------------------------------------------------------------------------
// Writes of transitions
// ---------------------------------------------------------------------------------------------

const COLUMN_OF: Record<keyof CasePatch, string> = {
  status: 'status',
  unitId: 'unit_id',
  deadlineAt: 'deadline_at',
  originalDeadlineAt: 'original_deadline_at',
  verifyDeadlineAt: 'verify_deadline_at',
  registeredAt: 'registered_at',
  dispatchedAt: 'dispatched_at',
  acceptedAt: 'accepted_at',
  handledAt: 'handled_at',
  handledBy: 'handled_by',
  verifiedAt: 'verified_at',
  closedAt: 'closed_at',
  closedOnTime: 'closed_on_time',
  suspendedFrom: 'suspended_from',
  suspendedAt: 'suspended_at',
  extensionPending: 'extension_pending',
  extensionCount: 'extension_count',
  reworkCount: 'rework_count',
  returnCount: 'return_count',
  reopenCount: 'reopen_count',
  mergedIntoId: 'merged_into_id',
  remindedAt: 'reminded_at',
  escalatedAt: 'escalated_at',
};

export async function applyPatch(db: Executor, id: number, patch: CasePatch, at: Date): Promise<void> {
  const set: Record<string, unknown> = { updated_at: at };
  for (const [key, value] of Object.entries(patch) as [keyof CasePatch, unknown][]) {
    const column = COLUMN_OF[key];
    set[column] = value === 'increment' ? sql`${sql.ref(column)} + 1` : value;
  }
  await db.updateTable('cases').set(set).where('id', '=', id).execute();
}

export function pendingExtension(db: Executor, caseId: number) {
  return db
    .selectFrom('case_extensions')
    .select(['id', 'requested_deadline'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

export async function insertExtension(
  db: Executor,
  values: { cityId: number; caseId: number; by: number; at: Date; reason: string; deadline: Date },
): Promise<void> {
  await db
    .insertInto('case_extensions')
    .values({
      city_id: values.cityId,
      case_id: values.caseId,
      requested_by: values.by,
      requested_at: values.at,
      reason: values.reason,
      requested_deadline: values.deadline,
    })
    .execute();
}

export async function decideExtension(
  db: Executor,
  id: number,
  values: { status: 'approved' | 'refused'; by: number; at: Date; note: string | null },
): Promise<void> {
  await db
    .updateTable('case_extensions')
    .set({ status: values.status, decided_by: values.by, decided_at: values.at, decision_note: values.note })
    .where('id', '=', id)
    .execute();
}

/** Moves the reporters of a merged case to the case it was merged into. */
export async function copyReporters(db: Executor, fromCaseId: number, toCaseId: number): Promise<void> {
  await sql`
    INSERT INTO case_reporters (city_id, case_id, user_id, name, phone, source, tracking_token, reported_at, merged_from_id)
    SELECT city_id, ${toCaseId}, user_id, name, phone, source, NULL, reported_at, ${fromCaseId}
    FROM case_reporters WHERE case_id = ${fromCaseId}`.execute(db);
}

export async function copyPhotos(db: Executor, fromCaseId: number, toCaseId: number): Promise<void> {
  await sql`
    INSERT INTO case_photos (city_id, case_id, kind, file_id, is_public, created_at)
    SELECT city_id, ${toCaseId}, kind, file_id, false, created_at FROM case_photos
    WHERE case_id = ${fromCaseId} AND kind = 'before'
    ON CONFLICT (case_id, kind, file_id) DO NOTHING`.execute(db);
}

export async function setPublic(
  db: Executor,
  caseId: number,
  isPublic: boolean,
  publicPhotos: string[] | undefined,
  at: Date,
) {
  await db.updateTable('cases').set({ is_public: isPublic, updated_at: at }).where('id', '=', caseId).execute();
  if (publicPhotos) {
    await db
      .updateTable('case_photos')
      .set({ is_public: sql<boolean>`file_id = ANY(${publicPhotos}::text[])` })
      .where('case_id', '=', caseId)
      .execute();
  }
}

export function findCaseByToken(db: Executor, token: string) {
  return db
    .selectFrom('case_reporters as cr')
    .innerJoin('cases as c', 'c.id', 'cr.case_id')
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
    .where('cr.tracking_token', '=', token)
    .executeTakeFirst();
}
