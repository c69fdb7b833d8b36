// Audit log use cases (audit admin): search the city's log and export it. Reading is not audited
// (it would flood the log with its own reads); exporting, which takes a copy away, is.

import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ExportColumn } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import * as repo from './audit.repository.js';
import type { AuditEntry, AuditQuery } from './audit.schemas.js';

/** Dates and zone-less times in filters are China time, the product's default. */
const CHINA_OFFSET = '+08:00';
const DAY_MS = 86_400_000;
const EXPORT_BATCH = 1000;

function toEntry(row: repo.AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before ?? null,
    after: row.after ?? null,
    result: row.result as AuditEntry['result'],
    message: row.message,
  };
}

function invalidInstant(ctx: Ctx, field: 'from' | 'to'): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: { fields: [{ path: `querystring/${field}`, message: t(ctx.locale, 'AUDIT_BAD_TIME') }] },
  });
}

/**
 * Parses a filter bound. A bare date covers the whole day: `from` starts at its midnight, `to`
 * ends at the next midnight. A date-time `to` is inclusive, so the exclusive bound is 1 ms later.
 */
export function parseInstant(value: string, edge: 'from' | 'to'): Date | null {
  const [, y, m, d] = /^(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? [];
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Date() rolls 2026-02-31 over into March; such a date is a typo, not March.
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d)) {
    return null;
  }
  if (value.length === 10) {
    const midnight = new Date(`${value}T00:00:00${CHINA_OFFSET}`);
    return edge === 'from' ? midnight : new Date(midnight.getTime() + DAY_MS);
  }
  const iso = value.replace(' ', 'T');
  const instant = new Date(/(Z|[+-]\d{2}(:?\d{2})?)$/.test(iso) ? iso : `${iso}${CHINA_OFFSET}`);
  if (Number.isNaN(instant.getTime())) return null;
  return edge === 'from' ? instant : new Date(instant.getTime() + 1);
}

function toFilter(ctx: Ctx, query: AuditQuery): repo.AuditFilter {
  const from = query.from ? parseInstant(query.from, 'from') : undefined;
  const until = query.to ? parseInstant(query.to, 'to') : undefined;
  if (from === null) throw invalidInstant(ctx, 'from');
  if (until === null) throw invalidInstant(ctx, 'to');
  return {
    from,
    until,
    actor: query.actor?.trim() || undefined,
    action: query.action?.trim() || undefined,
    entityType: query.entityType?.trim() || undefined,
    result: query.result,
  };
}

export async function findAuditEntries(ctx: Ctx, query: AuditQuery) {
  assertCan(ctx.actor, 'audit.read');
  const filter = toFilter(ctx, query);
  const { page, pageSize } = pageArgs(query);
  const [rows, total] = await Promise.all([
    repo.listAuditLogs(ctx.db, ctx.actor.cityId, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
    repo.countAuditLogs(ctx.db, ctx.actor.cityId, filter),
  ]);
  return { items: rows.map(toEntry), total, page, pageSize };
}

export interface AuditExport {
  sheet: { name: string; columns: ExportColumn[] };
  rows: AsyncIterable<Record<string, unknown>>;
}

/** Records the export, then hands back rows that are read in keyset batches as they are written. */
export async function exportAuditEntries(ctx: Ctx, query: AuditQuery): Promise<AuditExport> {
  assertCan(ctx.actor, 'audit.export');
  const filter = toFilter(ctx, query);
  await auditFromCtx(ctx.db, ctx, {
    action: 'audit.export',
    entityType: 'audit_log',
    after: {
      from: query.from ?? null,
      to: query.to ?? null,
      actor: filter.actor ?? null,
      action: filter.action ?? null,
      entityType: filter.entityType ?? null,
      result: filter.result ?? null,
    },
  });
  const L = ctx.locale;
  const columns: ExportColumn[] = [
    { header: t(L, 'COL_AT'), key: 'at', width: 18 },
    { header: t(L, 'COL_ACTOR'), key: 'actorName', width: 14 },
    { header: t(L, 'COL_IP'), key: 'ip', width: 16 },
    { header: t(L, 'COL_ACTION'), key: 'action', width: 24 },
    { header: t(L, 'COL_ENTITY_TYPE'), key: 'entityType', width: 14 },
    { header: t(L, 'COL_ENTITY_ID'), key: 'entityId', width: 12 },
    { header: t(L, 'COL_RESULT'), key: 'result', width: 8 },
    { header: t(L, 'COL_MESSAGE'), key: 'message', width: 30 },
    { header: t(L, 'COL_BEFORE'), key: 'before', width: 40 },
    { header: t(L, 'COL_AFTER'), key: 'after', width: 40 },
  ];
  const cityId = ctx.actor.cityId;
  const db = ctx.db;
  async function* rows() {
    let cursor: repo.AuditCursor | null = null;
    for (;;) {
      const batch = await repo.listAuditLogsAfter(db, cityId, filter, cursor, EXPORT_BATCH);
      for (const row of batch) {
        yield {
          at: row.at,
          actorName: row.actor_name,
          ip: row.ip,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          result: t(L, `RESULT_${row.result}`),
          message: row.message,
          before: row.before === null ? null : JSON.stringify(row.before),
          after: row.after === null ? null : JSON.stringify(row.after),
        };
      }
      if (batch.length < EXPORT_BATCH) return;
      const last = batch[batch.length - 1];
      cursor = { atKey: last.at_key, id: last.id };
    }
  }
  return { sheet: { name: t(L, 'EXPORT_AUDIT'), columns }, rows: rows() };
}
