// The evaluation index and the site registry as Excel: templates, all-or-nothing imports (every
// bad cell reported with its row and column, nothing saved; a valid file written set-based in one
// transaction, upserting by code or by type + name) and exports with the screen's filters.

import { INDEX_CHILD_LEVEL, INDEX_LEVELS, INDEX_METHODS, type IndexLevel } from '@cc/common/inspections';
import { PHONE_PATTERN } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import {
  buildTemplate,
  ImportReport,
  parseImport,
  validateUnique,
  type ColumnSpec,
  type ImportValue,
  type LocalizedText,
} from '../../platform/excel.js';
import { t } from '../../platform/i18n.js';
import { canManageSite } from './inspections.policy.js';
import * as repo from './inspections.repository.js';
import type { ImportResult, SiteExportQuery } from './inspections.schemas.js';

const both = (key: string): LocalizedText => ({ 'zh-CN': t('zh-CN', key), 'en-US': t('en-US', key) });
const text = (v: ImportValue) => (v === null ? null : String(v).trim() || null);
const split = (v: ImportValue) =>
  v === null
    ? []
    : String(v)
        .split(/[、，,;；/\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

export const INDEX_COLUMNS = [
  {
    key: 'code',
    header: both('INDEX_COL_CODE'),
    type: 'string',
    required: true,
    pattern: /^[A-Za-z0-9_.-]{1,40}$/,
    patternHint: both('INDEX_HINT_CODE'),
    width: 16,
    example: 'I01.02.03.01',
  },
  {
    key: 'level',
    header: both('INDEX_COL_LEVEL'),
    type: 'enum',
    required: true,
    enumValues: INDEX_LEVELS.map((value) => ({ value, label: both(`INDEX_LEVEL_${value}`) })),
    width: 10,
    example: t('zh-CN', 'INDEX_LEVEL_standard'),
  },
  {
    key: 'name',
    header: both('INDEX_COL_NAME'),
    type: 'string',
    required: true,
    maxLength: 500,
    width: 48,
    example: '公交站点电子屏每10分钟播出公益广告不少于2条',
  },
  { key: 'parentCode', header: both('INDEX_COL_PARENT'), type: 'string', width: 14, example: 'I01.02.03' },
  {
    key: 'methods',
    header: both('INDEX_COL_METHODS'),
    type: 'string',
    maxLength: 100,
    width: 16,
    example: t('zh-CN', 'INDEX_METHOD_field'),
  },
  { key: 'points', header: both('INDEX_COL_POINTS'), type: 'number', width: 8, example: 1 },
  {
    key: 'siteTypes',
    header: both('INDEX_COL_SITE_TYPES'),
    type: 'string',
    maxLength: 2000,
    width: 24,
    example: '公交站点',
  },
  { key: 'sort', header: both('INDEX_COL_SORT'), type: 'integer', width: 6 },
] as const satisfies readonly ColumnSpec[];
type IndexKey = (typeof INDEX_COLUMNS)[number]['key'];

export async function indexTemplate(ctx: Ctx) {
  assertCan(ctx.actor, 'index.manage');
  return {
    fileName: `${t(ctx.locale, 'INDEX_TEMPLATE')}.xlsx`,
    buffer: await buildTemplate(INDEX_COLUMNS, ctx.locale),
  };
}

export async function exportIndex(ctx: Ctx) {
  assertCan(ctx.actor, 'index.read');
  const rows = await repo.listIndex(ctx.db, ctx.actor.cityId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const types = await repo.siteTypeNames(ctx.db, ctx.actor.cityId);
  const l = ctx.locale;
  // Depth-first, so the sheet reads like the tree (and imports back parents first).
  const children = new Map<number | null, typeof rows>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const ordered: typeof rows = [];
  const walk = (parent: number | null) => {
    for (const r of children.get(parent) ?? []) {
      ordered.push(r);
      walk(r.id);
    }
  };
  walk(null);
  return {
    fileName: `${t(l, 'INDEX_EXPORT_SHEET')}.xlsx`,
    sheet: {
      name: t(l, 'INDEX_EXPORT_SHEET'),
      columns: INDEX_COLUMNS.map((c) => ({ key: c.key, header: c.header[l], width: c.width })),
    },
    rows: ordered.map((r) => ({
      code: r.code,
      level: t(l, `INDEX_LEVEL_${r.level}`),
      name: r.name,
      parentCode: r.parent_id ? (byId.get(r.parent_id)?.code ?? null) : null,
      methods: r.methods.map((m) => t(l, `INDEX_METHOD_${m}`)).join('、'),
      points: r.points,
      siteTypes: r.site_types.map((c) => types.get(c) ?? c).join('、'),
      sort: r.sort,
    })),
  };
}

export async function importIndex(ctx: Ctx, file: { name: string; buffer: Buffer }): Promise<ImportResult> {
  assertCan(ctx.actor, 'index.manage');
  const { locale } = ctx;
  const parsed = await parseImport<IndexKey>(file.buffer, INDEX_COLUMNS, { locale });
  const report = new ImportReport<IndexKey>(INDEX_COLUMNS, locale, parsed);
  report.push(validateUnique(parsed.rows, 'code', report.header('code'), locale));
  const methodByText = new Map<string, string>();
  for (const m of INDEX_METHODS)
    for (const l of ['zh-CN', 'en-US'] as const) methodByText.set(t(l, `INDEX_METHOD_${m}`), m);
  for (const m of INDEX_METHODS) methodByText.set(m, m);

  return ctx.db.transaction().execute(async (trx) => {
    const cityId = ctx.actor.cityId;
    const stored = new Map((await repo.listIndex(trx, cityId)).map((r) => [r.code, r]));
    const typeNames = await repo.siteTypeNames(trx, cityId);
    const typeByText = new Map<string, string>();
    for (const [code, name] of typeNames) {
      typeByText.set(code, code);
      typeByText.set(name, code);
    }
    const levelOf = new Map<string, IndexLevel>();
    const levels: repo.IndexRows[] = [];
    for (const { rowNumber, values: v } of parsed.rows) {
      const code = text(v.code);
      const level = text(v.level) as IndexLevel | null;
      if (!code || !level) continue;
      const before = report.count;
      const parentCode = text(v.parentCode);
      const parentLevel = parentCode
        ? (levelOf.get(parentCode) ?? (stored.get(parentCode)?.level as IndexLevel | undefined))
        : null;
      if (parentCode && !parentLevel) report.add(rowNumber, 'parentCode', 'CELL_UNKNOWN_REF', { value: parentCode });
      else if (!parentCode && level !== 'project') report.add(rowNumber, 'parentCode', 'CELL_REQUIRED');
      else if (parentLevel && INDEX_CHILD_LEVEL[parentLevel] !== level) {
        report.add(rowNumber, 'level', 'INDEX_BAD_LEVEL', {
          expected: t(locale, `INDEX_LEVEL_${INDEX_CHILD_LEVEL[parentLevel] ?? 'none'}`),
        });
      }
      const methods = split(v.methods).map((m) => {
        const method = methodByText.get(m);
        if (!method) report.add(rowNumber, 'methods', 'CELL_UNKNOWN_REF', { value: m });
        return method ?? '';
      });
      const siteTypes = split(v.siteTypes).map((s) => {
        const code = typeByText.get(s);
        if (!code) report.add(rowNumber, 'siteTypes', 'CELL_UNKNOWN_REF', { value: s });
        return code ?? '';
      });
      if (level !== 'standard' && (methods.length > 0 || v.points !== null))
        report.add(rowNumber, 'methods', 'INDEX_ONLY_STANDARDS_SCORED');
      const points = v.points === null ? null : Number(v.points);
      if (points !== null && (points < 0 || points > 1000))
        report.add(rowNumber, 'points', 'CELL_RANGE', { min: 0, max: 1000 });
      levelOf.set(code, level);
      if (report.count > before) continue;
      const depth = INDEX_LEVELS.indexOf(level);
      levels[depth] ??= {
        code: [],
        level: [],
        name: [],
        parentCode: [],
        methods: [],
        points: [],
        siteTypes: [],
        sort: [],
      };
      const l = levels[depth];
      l.code.push(code);
      l.level.push(level);
      l.name.push(String(v.name ?? '').trim());
      l.parentCode.push(parentCode);
      l.methods.push(methods.join(','));
      l.points.push(points);
      l.siteTypes.push(siteTypes.join(','));
      l.sort.push(v.sort === null ? 0 : Number(v.sort));
    }
    report.throwIfAny();
    const now = ctx.now();
    const result = { inserted: 0, updated: 0 };
    for (const level of levels) {
      if (!level) continue;
      const r = await repo.upsertIndexLevel(trx, cityId, level, now);
      result.inserted += r.inserted;
      result.updated += r.updated;
    }
    await auditFromCtx(trx, ctx, {
      action: 'import.index',
      entityType: 'index_node',
      after: { fileName: file.name, rows: parsed.rows.length, ...result },
    });
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// Sites
// ---------------------------------------------------------------------------------------------

export const SITE_COLUMNS = [
  {
    key: 'type',
    header: both('SITE_COL_TYPE'),
    type: 'string',
    required: true,
    maxLength: 40,
    width: 14,
    example: '公交站点',
  },
  {
    key: 'name',
    header: both('SITE_COL_NAME'),
    type: 'string',
    required: true,
    maxLength: 100,
    width: 28,
    example: '人民路与解放路口公交站',
  },
  { key: 'address', header: both('SITE_COL_ADDRESS'), type: 'string', maxLength: 200, width: 28 },
  { key: 'lng', header: both('SITE_COL_LNG'), type: 'number', width: 12, example: 113.2412 },
  { key: 'lat', header: both('SITE_COL_LAT'), type: 'number', width: 12, example: 35.2105 },
  { key: 'region', header: both('SITE_COL_REGION'), type: 'string', maxLength: 60, width: 16, example: '幸福社区' },
  { key: 'unit', header: both('SITE_COL_UNIT'), type: 'string', maxLength: 100, width: 22, example: '市公交集团' },
  { key: 'contactName', header: both('SITE_COL_CONTACT'), type: 'string', maxLength: 50, width: 10 },
  {
    key: 'contactPhone',
    header: both('SITE_COL_PHONE'),
    type: 'phone',
    pattern: new RegExp(PHONE_PATTERN),
    patternHint: both('TEMPLATE_TYPE_PHONE'),
    width: 14,
  },
] as const satisfies readonly ColumnSpec[];
type SiteKey = (typeof SITE_COLUMNS)[number]['key'];

export async function siteTemplate(ctx: Ctx) {
  assertCan(ctx.actor, 'site.manage');
  return { fileName: `${t(ctx.locale, 'SITE_TEMPLATE')}.xlsx`, buffer: await buildTemplate(SITE_COLUMNS, ctx.locale) };
}

export async function exportSites(ctx: Ctx, query: SiteExportQuery) {
  assertCan(ctx.actor, 'site.read');
  const { rows } = await repo.listSites(ctx.db, ctx.actor, query, { limit: 50_000, offset: 0 });
  await auditFromCtx(ctx.db, ctx, {
    action: 'site.export',
    entityType: 'site',
    after: { filters: query, rows: rows.length },
  });
  const l = ctx.locale;
  return {
    fileName: `${t(l, 'SITE_EXPORT_SHEET')}.xlsx`,
    sheet: {
      name: t(l, 'SITE_EXPORT_SHEET'),
      columns: [
        ...SITE_COLUMNS.filter((c) => c.key !== 'contactPhone').map((c) => ({
          key: c.key,
          header: c.header[l],
          width: c.width,
        })),
        { key: 'lastScore', header: t(l, 'SITE_COL_LAST_SCORE'), width: 10 },
      ],
    },
    rows: rows.map((r) => ({
      type: r.type_name,
      name: r.name,
      address: r.address,
      lng: r.lng,
      lat: r.lat,
      region: r.region_name,
      unit: r.unit_name,
      contactName: r.contact_name,
      lastScore: r.last_score,
    })),
  };
}

export async function importSites(ctx: Ctx, file: { name: string; buffer: Buffer }): Promise<ImportResult> {
  assertCan(ctx.actor, 'site.manage');
  const { locale, actor } = ctx;
  const parsed = await parseImport<SiteKey>(file.buffer, SITE_COLUMNS, { locale });
  const report = new ImportReport<SiteKey>(SITE_COLUMNS, locale, parsed);
  return ctx.db.transaction().execute(async (trx) => {
    const cityId = actor.cityId;
    const types = await repo.siteTypeNames(trx, cityId);
    const typeByText = new Map<string, string>();
    for (const [code, name] of types) {
      typeByText.set(code, code);
      typeByText.set(name, code);
    }
    const regionTexts = [...new Set(parsed.rows.map((r) => text(r.values.region)).filter((v): v is string => !!v))];
    const regions = await repo.regionsByCodeOrName(trx, cityId, regionTexts);
    const unitNames = [...new Set(parsed.rows.map((r) => text(r.values.unit)).filter((v): v is string => !!v))];
    const units = new Map((await repo.visibleUnits(trx, actor, { names: unitNames })).map((u) => [u.name, u.id]));
    const seen = new Map<string, number>();
    const rows: repo.SiteImportRows = {
      typeCode: [],
      name: [],
      address: [],
      lng: [],
      lat: [],
      regionId: [],
      unitId: [],
      contactName: [],
      contactPhone: [],
    };
    for (const { rowNumber, values: v } of parsed.rows) {
      const before = report.count;
      const typeText = text(v.type);
      const name = text(v.name);
      if (!typeText || !name) continue;
      const typeCode = typeByText.get(typeText);
      if (!typeCode) report.add(rowNumber, 'type', 'CELL_UNKNOWN_REF', { value: typeText });
      const key = `${typeCode}:${name}`;
      if (seen.has(key)) report.add(rowNumber, 'name', 'CELL_DUPLICATE', { row: seen.get(key) });
      seen.set(key, rowNumber);
      const lng = v.lng === null ? null : Number(v.lng);
      const lat = v.lat === null ? null : Number(v.lat);
      if ((lng === null) !== (lat === null))
        report.add(rowNumber, lng === null ? 'lng' : 'lat', 'INSPECTION_POINT_HALF');
      if (lng !== null && (lng < -180 || lng > 180))
        report.add(rowNumber, 'lng', 'CELL_RANGE', { min: -180, max: 180 });
      if (lat !== null && (lat < -90 || lat > 90)) report.add(rowNumber, 'lat', 'CELL_RANGE', { min: -90, max: 90 });
      let regionId: number | null = null;
      let regionPath: string | null = null;
      const regionText = text(v.region);
      if (regionText) {
        const found = regions.filter((r) => r.code === regionText || r.name === regionText);
        if (found.length === 1) {
          regionId = found[0].id;
          regionPath = found[0].path;
        } else
          report.add(rowNumber, 'region', found.length === 0 ? 'CELL_UNKNOWN_REF' : 'CELL_AMBIGUOUS_REF', {
            value: regionText,
          });
      }
      const unitText = text(v.unit);
      const unitId = unitText ? (units.get(unitText) ?? null) : null;
      if (unitText && !unitId) report.add(rowNumber, 'unit', 'CELL_UNKNOWN_REF', { value: unitText });
      if (report.count === before && !canManageSite(actor, regionPath))
        report.add(rowNumber, 'region', 'CELL_OUT_OF_SCOPE');
      if (report.count > before || !typeCode) continue;
      rows.typeCode.push(typeCode);
      rows.name.push(name);
      rows.address.push(text(v.address));
      rows.lng.push(lng);
      rows.lat.push(lat);
      rows.regionId.push(regionId);
      rows.unitId.push(unitId);
      rows.contactName.push(text(v.contactName));
      rows.contactPhone.push(text(v.contactPhone));
    }
    report.throwIfAny();
    const result = await repo.upsertSites(trx, cityId, rows, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'import.sites',
      entityType: 'site',
      after: { fileName: file.name, rows: parsed.rows.length, ...result },
    });
    return result;
  });
}
