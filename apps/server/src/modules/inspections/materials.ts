// Material review (网上申报) for the standards measured by 材料审核: the office requires evidence of
// a standard from units, a unit uploads files with a note, the office accepts or returns them with
// a reason; completeness (accepted / required) per standard and per unit. SQL and use cases of one
// small workflow kept together.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { MaterialStatus } from '@cc/common/inspections';
import { assertCan, can } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { findStoredFiles } from '../../platform/files.js';
import { pageArgs } from '../../platform/http.js';
import { requirementVisible, submitsForUnit } from './inspections.policy.js';
import * as repo from './inspections.repository.js';
import type {
  Completeness,
  CompletenessQuery,
  CreateRequirementsBody,
  MaterialListQuery,
  MaterialRequirement,
  MaterialRequirementDetail,
  ReviewMaterialBody,
  SubmitMaterialBody,
} from './inspections.schemas.js';

// ---------------------------------------------------------------------------------------------
// SQL
// ---------------------------------------------------------------------------------------------

interface RequirementRow {
  id: number;
  city_id: number;
  standard_id: number;
  standard_code: string;
  standard_name: string;
  standard_points: number | null;
  unit_id: number;
  unit_name: string;
  unit_parent_id: number | null;
  due_on: string | null;
  status: string;
  last_submitted_at: Date | null;
}

const requirementSelect = sql`m.id, m.city_id, m.standard_id, n.code AS standard_code, n.name AS standard_name,
  n.points AS standard_points, m.unit_id, u.name AS unit_name, u.parent_id AS unit_parent_id, m.due_on, m.status,
  (SELECT max(x.submitted_at) FROM material_submissions x WHERE x.requirement_id = m.id) AS last_submitted_at`;
const requirementFrom = sql`material_requirements m JOIN index_nodes n ON n.id = m.standard_id JOIN units u ON u.id = m.unit_id`;

function requirementWhere(ctx: Ctx, f: { standardId?: number; unitId?: number; status?: string; q?: string }) {
  const where: Expression<SqlBool>[] = [sql`m.city_id = ${ctx.actor.cityId}`, requirementVisible(ctx.actor, 'm')];
  if (f.standardId) where.push(sql`m.standard_id = ${f.standardId}`);
  if (f.unitId) where.push(sql`m.unit_id = ${f.unitId}`);
  if (f.status) where.push(sql`m.status = ${f.status}`);
  if (f.q?.trim()) where.push(sql`(n.name ILIKE ${'%' + f.q.trim() + '%'} OR u.name ILIKE ${'%' + f.q.trim() + '%'})`);
  return sql.join(where, sql` AND `);
}

async function findRequirement(db: Executor, ctx: Ctx, id: number, lock = false) {
  const result = await sql<RequirementRow>`
    SELECT ${requirementSelect} FROM ${requirementFrom}
    WHERE m.id = ${id} AND ${requirementWhere(ctx, {})} ${lock ? sql`FOR UPDATE OF m` : sql``}`.execute(db);
  return result.rows[0];
}

// ---------------------------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------------------------

function item(row: RequirementRow): MaterialRequirement {
  return {
    id: row.id,
    standard: { id: row.standard_id, code: row.standard_code, name: row.standard_name, points: row.standard_points },
    unit: { id: row.unit_id, name: row.unit_name },
    dueOn: row.due_on,
    status: row.status as MaterialStatus,
    lastSubmittedAt: row.last_submitted_at?.toISOString() ?? null,
  };
}

function assertReads(ctx: Ctx) {
  if (!can(ctx.actor, 'material.review') && !can(ctx.actor, 'material.submit')) throw new AppError('FORBIDDEN');
}

export async function listRequirements(ctx: Ctx, query: MaterialListQuery) {
  assertReads(ctx);
  const { page, pageSize } = pageArgs(query);
  const where = requirementWhere(ctx, query);
  const rows = await sql<RequirementRow>`
    SELECT ${requirementSelect} FROM ${requirementFrom} WHERE ${where}
    ORDER BY n.code, u.name LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`.execute(ctx.db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${requirementFrom} WHERE ${where}`.execute(
    ctx.db,
  );
  return { items: rows.rows.map(item), total: count.rows[0].n, page, pageSize };
}

export async function getRequirement(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<MaterialRequirementDetail> {
  assertReads(ctx);
  const row = await findRequirement(db, ctx, id);
  if (!row) throw notFound();
  const submissions = await db
    .selectFrom('material_submissions')
    .selectAll()
    .where('requirement_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  const files = new Map(
    (await findStoredFiles(db, ctx.actor.cityId, [...new Set(submissions.flatMap((s) => s.files))])).map((f) => [
      f.id,
      f,
    ]),
  );
  return {
    ...item(row),
    submissions: submissions.map((s) => ({
      id: s.id,
      status: s.status as 'submitted' | 'accepted' | 'returned',
      note: s.note,
      files: s.files.flatMap((f) => (files.has(f) ? [files.get(f)!] : [])),
      submittedByName: s.submitted_by_name,
      submittedAt: s.submitted_at.toISOString(),
      reviewedByName: s.reviewed_by_name,
      reviewedAt: s.reviewed_at?.toISOString() ?? null,
      reviewNote: s.review_note,
    })),
    canSubmit:
      submitsForUnit(ctx.actor, { id: row.unit_id, parentId: row.unit_parent_id }) &&
      (row.status === 'missing' || row.status === 'returned'),
    canReview: can(ctx.actor, 'material.review') && row.status === 'submitted',
  };
}

export async function createRequirements(ctx: Ctx, body: CreateRequirementsBody) {
  assertCan(ctx.actor, 'material.review');
  return ctx.db.transaction().execute(async (trx) => {
    const standard = await repo.findIndexNode(trx, ctx.actor.cityId, body.standardId);
    if (!standard || standard.level !== 'standard' || !standard.methods.includes('material')) {
      throw fieldInvalid('standardId', 'MATERIAL_STANDARD_NOT_MATERIAL');
    }
    const units = await repo.visibleUnits(trx, ctx.actor, { ids: body.unitIds });
    if (units.length !== body.unitIds.length) throw fieldInvalid('unitIds', 'CAMPAIGN_UNIT_UNKNOWN');
    const now = ctx.now();
    const result = await sql`
      INSERT INTO material_requirements (city_id, standard_id, unit_id, due_on, created_by, created_at, updated_at)
      SELECT ${ctx.actor.cityId}, ${standard.id}, u, ${body.dueOn ?? null}::date, ${ctx.actor.userId}, ${now}, ${now}
      FROM unnest(${body.unitIds}::bigint[]) AS u
      ON CONFLICT (standard_id, unit_id) DO NOTHING
      RETURNING 1`.execute(trx);
    const created = result.rows.length;
    await auditFromCtx(trx, ctx, {
      action: 'material.require',
      entityType: 'index_node',
      entityId: standard.id,
      after: { unitIds: body.unitIds, dueOn: body.dueOn ?? null, created },
    });
    return { created };
  });
}

export async function submitMaterial(
  ctx: Ctx,
  id: number,
  body: SubmitMaterialBody,
): Promise<MaterialRequirementDetail> {
  assertCan(ctx.actor, 'material.submit');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findRequirement(trx, ctx, id, true);
    if (!row) throw notFound();
    if (!submitsForUnit(ctx.actor, { id: row.unit_id, parentId: row.unit_parent_id })) {
      throw new AppError('FORBIDDEN', { messageKey: 'MATERIAL_UNIT_ONLY' });
    }
    if (row.status === 'accepted' || row.status === 'submitted') {
      throw new AppError('CONFLICT', {
        messageKey: 'MATERIAL_BAD_STATUS',
        params: { status: `@MATERIAL_STATUS_${row.status}` },
      });
    }
    const ids = [...new Set(body.files.map((f) => f.toLowerCase()))];
    if ((await findStoredFiles(trx, ctx.actor.cityId, ids)).length !== ids.length)
      throw fieldInvalid('files', 'CAMPAIGN_FILE_UNKNOWN');
    const now = ctx.now();
    const submission = await trx
      .insertInto('material_submissions')
      .values({
        city_id: ctx.actor.cityId,
        requirement_id: id,
        status: 'submitted',
        note: body.note?.trim() || null,
        files: ids,
        submitted_by: ctx.actor.userId,
        submitted_by_name: ctx.actor.displayName,
        submitted_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('material_requirements')
      .set({ status: 'submitted', updated_at: now })
      .where('id', '=', id)
      .execute();
    await auditFromCtx(trx, ctx, {
      action: 'material.submit',
      entityType: 'material_requirement',
      entityId: id,
      before: { status: row.status },
      after: { status: 'submitted', submissionId: submission.id, files: ids.length },
    });
    return getRequirement(ctx, id, trx);
  });
}

export async function reviewMaterial(
  ctx: Ctx,
  submissionId: number,
  body: ReviewMaterialBody,
): Promise<MaterialRequirementDetail> {
  assertCan(ctx.actor, 'material.review');
  return ctx.db.transaction().execute(async (trx) => {
    const submission = await trx
      .selectFrom('material_submissions')
      .selectAll()
      .where('city_id', '=', ctx.actor.cityId)
      .where('id', '=', submissionId)
      .forUpdate()
      .executeTakeFirst();
    const row = submission ? await findRequirement(trx, ctx, submission.requirement_id, true) : undefined;
    if (!submission || !row) throw notFound();
    if (submission.status !== 'submitted') {
      throw new AppError('CONFLICT', {
        messageKey: 'MATERIAL_BAD_STATUS',
        params: { status: `@MATERIAL_STATUS_${submission.status}` },
      });
    }
    const note = body.note?.trim() || null;
    if (body.decision === 'return' && !note) throw fieldInvalid('note', 'TASK_NOTE_REQUIRED');
    const status = body.decision === 'accept' ? 'accepted' : 'returned';
    const now = ctx.now();
    await trx
      .updateTable('material_submissions')
      .set({
        status,
        reviewed_by: ctx.actor.userId,
        reviewed_by_name: ctx.actor.displayName,
        reviewed_at: now,
        review_note: note,
      })
      .where('id', '=', submissionId)
      .execute();
    await trx.updateTable('material_requirements').set({ status, updated_at: now }).where('id', '=', row.id).execute();
    await auditFromCtx(trx, ctx, {
      action: `material.${body.decision}`,
      entityType: 'material_requirement',
      entityId: row.id,
      before: { status: 'submitted' },
      after: { status, note },
    });
    return getRequirement(ctx, row.id, trx);
  });
}

export async function completeness(ctx: Ctx, query: CompletenessQuery): Promise<Completeness> {
  assertReads(ctx);
  const key = query.by === 'standard' ? sql`n.id, n.name, n.code` : sql`u.id, u.name, NULL::text AS code`;
  const result = await sql<{
    id: number;
    name: string;
    code: string | null;
    required: number;
    submitted: number;
    accepted: number;
    returned: number;
  }>`
    SELECT ${key}, count(*)::int AS required,
      count(*) FILTER (WHERE m.status = 'submitted')::int AS submitted,
      count(*) FILTER (WHERE m.status = 'accepted')::int AS accepted,
      count(*) FILTER (WHERE m.status = 'returned')::int AS returned
    FROM ${requirementFrom} WHERE ${requirementWhere(ctx, {})}
    GROUP BY 1, 2, 3 ORDER BY ${query.by === 'standard' ? sql`3` : sql`2`}`.execute(ctx.db);
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 10 : null);
  const required = result.rows.reduce((n, r) => n + r.required, 0);
  const accepted = result.rows.reduce((n, r) => n + r.accepted, 0);
  return {
    rows: result.rows.map((r) => ({ ...r, percent: pct(r.accepted, r.required) })),
    total: { required, accepted, percent: pct(accepted, required) },
  };
}
