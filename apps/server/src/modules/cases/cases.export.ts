// The case list as Excel with the screen's filters, column names in the user's language.

import { caseCode } from '@cc/common/cases';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import * as repo from './cases.repository.js';
import type { CaseExportQuery } from './cases.schemas.js';
import { filtersOf } from './cases.service.js';

const COLUMNS: [key: string, header: string, width: number][] = [
  ['code', 'COL_CASE_CODE', 14],
  ['status', 'COL_CASE_STATUS', 10],
  ['source', 'COL_CASE_SOURCE', 12],
  ['category', 'COL_CASE_CATEGORY', 18],
  ['description', 'COL_CASE_DESCRIPTION', 40],
  ['address', 'COL_CASE_ADDRESS', 24],
  ['region', 'COL_CASE_REGION', 16],
  ['unit', 'COL_CASE_UNIT', 20],
  ['deadline', 'COL_CASE_DEADLINE', 17],
  ['overdue', 'COL_CASE_OVERDUE', 8],
  ['escalations', 'COL_CASE_ESCALATIONS', 8],
  ['created', 'COL_CASE_CREATED', 17],
  ['closed', 'COL_CASE_CLOSED', 17],
];

export async function exportCases(ctx: Ctx, query: CaseExportQuery) {
  assertCan(ctx.actor, 'case.export');
  const now = ctx.now();
  const rows = await repo.exportCases(ctx.db, ctx.actor, filtersOf(query), now);
  await auditFromCtx(ctx.db, ctx, {
    action: 'case.export',
    entityType: 'case',
    after: { filters: query, rows: rows.length },
  });
  const l = ctx.locale;
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    fileName: `${t(l, 'CASE_EXPORT_SHEET')}-${stamp}.xlsx`,
    sheet: {
      name: t(l, 'CASE_EXPORT_SHEET'),
      columns: COLUMNS.map(([key, header, width]) => ({ key, header: t(l, header), width })),
    },
    rows: rows.map((r) => ({
      code: caseCode(r.id, r.created_at),
      status: t(l, `CASE_STATUS_${r.status}`),
      source: t(l, `CASE_SOURCE_${r.source}`),
      category: r.category_name,
      description: r.description,
      address: r.address,
      region: r.region_name,
      unit: r.unit_name,
      deadline: r.deadline_at,
      overdue: t(l, r.overdue ? 'YES' : 'NO'),
      escalations: r.escalation_count,
      created: r.created_at,
      closed: r.closed_at,
    })),
  };
}
