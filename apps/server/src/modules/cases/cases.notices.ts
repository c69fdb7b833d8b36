// Rectification notices (限期整改通知单): one Word document to one responsible unit listing open
// cases with their photos and a deadline. Document numbers (示范创城办〔2026〕12号) are sequential
// per city and year: taken from a counter row in the same transaction as the notice, so a number
// is used exactly once and never skipped by a notice that was not issued.

import fsp from 'node:fs/promises';
import sharp from 'sharp';
import { sql, type SqlBool } from 'kysely';
import { caseCode, CASE_WORKING_STATUSES, type CaseStatus } from '@cc/common/cases';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { openFile, storeFile } from '../../platform/files.js';
import { pageArgs } from '../../platform/http.js';
import { loadSettings } from './cases.config.js';
import { caseVisible } from './cases.policy.js';
import { buildRectificationNotice, type NoticeItem } from './cases.notice.js';
import * as repo from './cases.repository.js';
import type { CreateNoticeBody, Notice } from './cases.schemas.js';

const PHOTOS_PER_CASE = 2;
const PHOTO_SIDE = 1200;

/** The next number of a kind of document for a city and year (1, 2, 3 …). */
export async function nextDocNumber(db: Executor, cityId: number, kind: string, year: number): Promise<number> {
  const row = await sql<{ last_number: number }>`
    INSERT INTO doc_counters (city_id, kind, year, last_number) VALUES (${cityId}, ${kind}, ${year}, 1)
    ON CONFLICT (city_id, kind, year) DO UPDATE SET last_number = doc_counters.last_number + 1
    RETURNING last_number`.execute(db);
  return row.rows[0].last_number;
}

async function noticePhotos(ctx: Ctx, db: Executor, caseId: number) {
  const photos = (await repo.findPhotos(db, caseId)).filter((p) => p.kind === 'before').slice(0, PHOTOS_PER_CASE);
  const out: NoticeItem['photos'] = [];
  for (const photo of photos) {
    const file = await openFile(db, ctx.config, ctx.actor.cityId, photo.file_id);
    if (!file?.isImage) continue;
    const { data, info } = await sharp(await fsp.readFile(file.path))
      .rotate()
      .resize(PHOTO_SIDE, PHOTO_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    out.push({ data, width: info.width, height: info.height });
  }
  return out;
}

export async function createNotice(ctx: Ctx, body: CreateNoticeBody): Promise<Notice> {
  assertCan(ctx.actor, 'case.manage');
  const now = ctx.now();
  const cityId = ctx.actor.cityId;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const ids = [...new Set(body.caseIds)];
    const cases = [];
    for (const caseId of ids) {
      const row = await repo.findCase(trx, ctx.actor, caseId, now);
      if (!row) throw notFound();
      if (!row.unit_id || !CASE_WORKING_STATUSES.includes(row.status as CaseStatus)) {
        throw new AppError('VALIDATION_FAILED', {
          messageKey: 'CASE_NOTICE_NOT_OPEN',
          params: { code: caseCode(row.id, row.created_at) },
        });
      }
      cases.push(row);
    }
    const unitIds = new Set(cases.map((c) => c.unit_id));
    if (unitIds.size !== 1) throw new AppError('VALIDATION_FAILED', { messageKey: 'CASE_NOTICE_ONE_UNIT' });
    const unitId = cases[0].unit_id!;
    const deadline = body.deadline
      ? new Date(body.deadline)
      : new Date(Math.max(...cases.map((c) => (c.deadline_at ?? now).getTime())));
    const settings = await loadSettings(trx, cityId);
    const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
    const seq = await nextDocNumber(trx, cityId, 'rectification_notice', year);
    const number = `${settings.noticePrefix}〔${year}〕${seq}号`;
    const items: NoticeItem[] = [];
    for (const c of cases) {
      items.push({
        code: caseCode(c.id, c.created_at),
        category: c.category_name,
        address: [c.community_name, c.address].filter(Boolean).join(' ') || null,
        description: c.description,
        reportedAt: c.created_at,
        deadline: c.deadline_at,
        photos: await noticePhotos(ctx, trx, c.id),
      });
    }
    const buffer = await buildRectificationNotice({
      issuer: settings.noticeIssuer,
      number,
      addressee: cases[0].unit_name ?? '',
      items,
      deadline,
      issuedAt: now,
      utcOffsetMinutes: 480,
      contact: null,
    });
    const file = await storeFile(trx, ctx.config, {
      cityId,
      userId: ctx.actor.userId,
      name: `${number}.docx`,
      buffer,
      now,
    });
    const notice = await trx
      .insertInto('rectification_notices')
      .values({
        city_id: cityId,
        year,
        seq,
        number,
        unit_id: unitId,
        case_ids: JSON.stringify(cases.map((c) => c.id)),
        deadline_at: deadline,
        file_id: file.id,
        issued_by: ctx.actor.userId,
        issued_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of cases) {
      await repo.insertLog(trx, {
        cityId,
        caseId: c.id,
        at: now,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        action: 'notice',
        fromStatus: null,
        toStatus: null,
        note: number,
        data: { noticeId: notice.id, number },
      });
    }
    await auditFromCtx(trx, ctx, {
      action: 'case.notice.create',
      entityType: 'rectification_notice',
      entityId: notice.id,
      after: { number, unitId, caseIds: cases.map((c) => c.id), deadline: deadline.toISOString() },
    });
    return notice.id;
  });
  return getNotice(ctx, id);
}

function noticeQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('rectification_notices as n')
    .innerJoin('units as u', 'u.id', 'n.unit_id')
    .leftJoin('users as s', 's.id', 'n.issued_by')
    .select([
      'n.id',
      'n.number',
      'n.unit_id',
      'u.name as unit_name',
      'n.case_ids',
      'n.deadline_at',
      'n.issued_at',
      'n.file_id',
      's.display_name as issued_by_name',
    ])
    .where('n.city_id', '=', ctx.actor.cityId)
    .where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM cases c WHERE c.id IN (SELECT jsonb_array_elements_text(n.case_ids)::bigint) AND ${caseVisible(ctx.actor, 'c')})`,
    );
}

type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeQuery>['execute']>>[number];

function toNotice(row: NoticeRow): Notice {
  return {
    id: row.id,
    number: row.number,
    unitId: row.unit_id,
    unitName: row.unit_name,
    caseIds: row.case_ids,
    deadlineAt: row.deadline_at.toISOString(),
    issuedAt: row.issued_at.toISOString(),
    issuedByName: row.issued_by_name,
  };
}

async function getNotice(ctx: Ctx, id: number): Promise<Notice> {
  const row = await noticeQuery(ctx).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toNotice(row);
}

export async function listNotices(ctx: Ctx, query: { page?: number; pageSize?: number; unitId?: number }) {
  assertCan(ctx.actor, 'case.manage');
  const { page, pageSize } = pageArgs(query);
  let q = noticeQuery(ctx);
  if (query.unitId) q = q.where('n.unit_id', '=', query.unitId);
  const [rows, count] = await Promise.all([
    q
      .orderBy('n.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toNotice), total: Number(count.total), page, pageSize };
}

export async function openNoticeFile(ctx: Ctx, id: number): Promise<{ fileName: string; buffer: Buffer }> {
  assertCan(ctx.actor, 'case.manage');
  const row = await noticeQuery(ctx).where('n.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const file = await openFile(ctx.db, ctx.config, ctx.actor.cityId, row.file_id);
  if (!file) throw notFound();
  return { fileName: `${row.number}.docx`, buffer: await fsp.readFile(file.path) };
}
