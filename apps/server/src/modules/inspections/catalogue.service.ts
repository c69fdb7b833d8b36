// Use cases of what inspections are measured against: the evaluation index (测评体系) tree, the
// city's site types, and the checklists of rules per site type (with the "try this rule" box), and
// the defaults a city starts with (an editable sample transcribed from the notices).

import { INDEX_CHILD_LEVEL, DEFAULT_SITE_TYPES, type IndexLevel, type IndexMethod } from '@cc/common/inspections';
import {
  describeResult,
  describeRule,
  evaluateRule,
  RuleInputError,
  RuleSpecError,
  validateRule,
  type Phase,
  type RuleSpec,
  type RuleValue,
} from '@cc/common/inspection-rules';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { fieldInvalid, notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { DEFAULT_CHECKLISTS, DEFAULT_INDEX, type DefaultIndexNode } from './inspections.defaults.js';
import * as repo from './inspections.repository.js';
import type {
  ChecklistItem,
  ChecklistQuery,
  CreateChecklistItemBody,
  CreateIndexNodeBody,
  CreateSiteTypeBody,
  IndexNode,
  TryRuleBody,
  TryRuleResult,
  UpdateChecklistItemBody,
  UpdateIndexNodeBody,
  UpdateSiteTypeBody,
} from './inspections.schemas.js';

const clean = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

// ---------------------------------------------------------------------------------------------
// Index
// ---------------------------------------------------------------------------------------------

function indexNode(row: Awaited<ReturnType<typeof repo.listIndex>>[number]): IndexNode {
  return {
    id: row.id,
    parentId: row.parent_id,
    level: row.level as IndexLevel,
    code: row.code,
    name: row.name,
    methods: row.methods as IndexMethod[],
    points: row.points,
    siteTypes: row.site_types,
    sort: row.sort,
    active: row.active,
  };
}

const SAMPLE_CODES = new Set<string>();
(function collect(nodes: readonly DefaultIndexNode[]) {
  for (const n of nodes) {
    SAMPLE_CODES.add(n.code);
    if (n.children) collect(n.children);
  }
})(DEFAULT_INDEX);

export async function listIndex(ctx: Ctx) {
  assertCan(ctx.actor, 'index.read');
  const rows = await repo.listIndex(ctx.db, ctx.actor.cityId);
  // Still the sample when every node comes from it (the office has added none of its own).
  const isSample = rows.length > 0 && rows.every((r) => SAMPLE_CODES.has(r.code));
  return { items: rows.map(indexNode), isSample };
}

async function checkSiteTypes(db: Executor, cityId: number, codes: string[] | undefined) {
  if (!codes?.length) return;
  const known = await repo.siteTypeNames(db, cityId);
  if (codes.some((c) => !known.has(c))) throw fieldInvalid('siteTypes', 'INSPECTION_SITE_TYPE_UNKNOWN');
}

function checkStandardFields(level: string, body: { methods?: string[]; points?: number | null }) {
  if (level !== 'standard' && (body.methods?.length || (body.points !== undefined && body.points !== null))) {
    throw fieldInvalid('methods', 'INDEX_ONLY_STANDARDS_SCORED');
  }
}

export async function createIndexNode(ctx: Ctx, body: CreateIndexNodeBody): Promise<IndexNode> {
  assertCan(ctx.actor, 'index.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const cityId = ctx.actor.cityId;
    if (body.parentId) {
      const parent = await repo.findIndexNode(trx, cityId, body.parentId);
      if (!parent) throw fieldInvalid('parentId', 'INDEX_PARENT_UNKNOWN');
      if (INDEX_CHILD_LEVEL[parent.level as IndexLevel] !== body.level) {
        throw fieldInvalid('level', 'INDEX_BAD_LEVEL', {
          expected: `@INDEX_LEVEL_${INDEX_CHILD_LEVEL[parent.level as IndexLevel] ?? 'none'}`,
        });
      }
    } else if (body.level !== 'project') {
      throw fieldInvalid('level', 'INDEX_BAD_LEVEL', { expected: '@INDEX_LEVEL_project' });
    }
    checkStandardFields(body.level, body);
    await checkSiteTypes(trx, cityId, body.siteTypes);
    const values = {
      parent_id: body.parentId ?? null,
      level: body.level,
      code: body.code,
      name: body.name.trim(),
      methods: body.methods ?? (body.level === 'standard' ? ['field'] : []),
      points: body.points ?? null,
      site_types: body.siteTypes ?? [],
      sort: body.sort ?? 0,
      active: body.active ?? true,
    };
    const id = await repo.insertIndexNode(trx, cityId, values, ctx.now());
    if (id === null) throw fieldInvalid('code', 'INDEX_CODE_TAKEN');
    await auditFromCtx(trx, ctx, { action: 'index.create', entityType: 'index_node', entityId: id, after: values });
    return indexNode((await repo.findIndexNode(trx, cityId, id))!);
  });
}

export async function updateIndexNode(ctx: Ctx, id: number, body: UpdateIndexNodeBody): Promise<IndexNode> {
  assertCan(ctx.actor, 'index.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const node = await repo.findIndexNode(trx, ctx.actor.cityId, id);
    if (!node) throw notFound();
    checkStandardFields(node.level, body);
    await checkSiteTypes(trx, ctx.actor.cityId, body.siteTypes);
    const values: repo.IndexValues = {};
    if (body.name !== undefined) values.name = body.name.trim();
    if (body.methods !== undefined) values.methods = body.methods;
    if (body.points !== undefined) values.points = body.points;
    if (body.siteTypes !== undefined) values.site_types = body.siteTypes;
    if (body.sort !== undefined) values.sort = body.sort;
    if (body.active !== undefined) values.active = body.active;
    await repo.updateIndexNode(trx, id, values, ctx.now());
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, (node as Record<string, unknown>)[k]]));
    await auditFromCtx(trx, ctx, {
      action: 'index.update',
      entityType: 'index_node',
      entityId: id,
      before,
      after: values,
    });
    return indexNode((await repo.findIndexNode(trx, ctx.actor.cityId, id))!);
  });
}

/** The default index as import rows, level by level (parents first). */
function sampleIndexLevels(): repo.IndexRows[] {
  const levels: repo.IndexRows[] = [];
  const walk = (nodes: readonly DefaultIndexNode[], parentCode: string | null, depth: number) => {
    nodes.forEach((n, i) => {
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
      l.code.push(n.code);
      l.level.push(n.level);
      l.name.push(n.name);
      l.parentCode.push(parentCode);
      l.methods.push((n.methods ?? (n.level === 'standard' ? ['field'] : [])).join(','));
      l.points.push(n.points ?? null);
      l.siteTypes.push((n.siteTypes ?? []).join(','));
      l.sort.push(i);
      if (n.children) walk(n.children, n.code, depth + 1);
    });
  };
  walk(DEFAULT_INDEX, null, 0);
  return levels;
}

/**
 * Gives a city the defaults it lacks: the site types, the sample index (codes it already has are
 * kept as the office edited them) and, for site types without any, the sample checklists.
 */
export async function seedInspectionDefaults(db: Executor, cityId: number, now: Date) {
  await repo.insertSiteTypes(
    db,
    cityId,
    DEFAULT_SITE_TYPES.map((t, i) => ({ code: t.code, name: t.zh, sort: i })),
  );
  const existing = new Set((await repo.listIndex(db, cityId)).map((r) => r.code));
  let inserted = 0;
  for (const level of sampleIndexLevels()) {
    const keep = level.code.map((code) => !existing.has(code));
    const pick = <T>(list: T[]) => list.filter((_, i) => keep[i]);
    const result = await repo.upsertIndexLevel(
      db,
      cityId,
      {
        code: pick(level.code),
        level: pick(level.level),
        name: pick(level.name),
        parentCode: pick(level.parentCode),
        methods: pick(level.methods),
        points: pick(level.points),
        siteTypes: pick(level.siteTypes),
        sort: pick(level.sort),
      },
      now,
    );
    inserted += result.inserted;
  }
  const items = await repo.insertChecklistDefaults(
    db,
    cityId,
    {
      typeCode: DEFAULT_CHECKLISTS.map((c) => c.typeCode),
      standardCode: DEFAULT_CHECKLISTS.map((c) => c.standardCode),
      title: DEFAULT_CHECKLISTS.map((c) => c.title),
      guidance: DEFAULT_CHECKLISTS.map((c) => c.guidance ?? null),
      rule: DEFAULT_CHECKLISTS.map((c) => JSON.stringify(c.rule)),
      points: DEFAULT_CHECKLISTS.map((c) => c.points),
      photoRequired: DEFAULT_CHECKLISTS.map((c) => c.photoRequired ?? false),
      caseCategoryCode: DEFAULT_CHECKLISTS.map((c) => c.caseCategoryCode ?? null),
      sort: DEFAULT_CHECKLISTS.map((_, i) => i),
    },
    now,
  );
  return { indexNodes: inserted, checklistItems: items };
}

export async function importSampleIndex(ctx: Ctx) {
  assertCan(ctx.actor, 'index.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const result = await seedInspectionDefaults(trx, ctx.actor.cityId, ctx.now());
    await auditFromCtx(trx, ctx, { action: 'index.defaults', entityType: 'index_node', after: result });
    const rows = await repo.listIndex(trx, ctx.actor.cityId);
    return { items: rows.map(indexNode), isSample: rows.every((r) => SAMPLE_CODES.has(r.code)) };
  });
}

// ---------------------------------------------------------------------------------------------
// Site types
// ---------------------------------------------------------------------------------------------

export async function listSiteTypes(ctx: Ctx) {
  assertCan(ctx.actor, 'site.read');
  const rows = await repo.listSiteTypes(ctx.db, ctx.actor);
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      sort: r.sort,
      active: r.active,
      siteCount: r.site_count,
      itemCount: r.item_count,
    })),
  };
}

export async function createSiteType(ctx: Ctx, body: CreateSiteTypeBody) {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const values = { code: body.code, name: body.name.trim(), sort: body.sort ?? 1000 };
    if (!(await repo.insertSiteType(trx, ctx.actor.cityId, values)))
      throw fieldInvalid('code', 'INSPECTION_SITE_TYPE_TAKEN');
    await auditFromCtx(trx, ctx, {
      action: 'site_type.create',
      entityType: 'site_type',
      entityId: body.code,
      after: values,
    });
    return { ...values, active: true, siteCount: 0, itemCount: 0 };
  });
}

export async function updateSiteType(ctx: Ctx, code: string, body: UpdateSiteTypeBody) {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findSiteType(trx, ctx.actor.cityId, code);
    if (!current) throw notFound();
    const values = { ...body, ...(body.name ? { name: body.name.trim() } : {}) };
    await repo.updateSiteType(trx, ctx.actor.cityId, code, values);
    await auditFromCtx(trx, ctx, {
      action: 'site_type.update',
      entityType: 'site_type',
      entityId: code,
      before: current,
      after: values,
    });
    const row = (await repo.listSiteTypes(trx, ctx.actor)).find((t) => t.code === code)!;
    return {
      code,
      name: row.name,
      sort: row.sort,
      active: row.active,
      siteCount: row.site_count,
      itemCount: row.item_count,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Checklists and rules
// ---------------------------------------------------------------------------------------------

/** The rule as stored, checked; a bad rule is a 400 naming what is wrong. */
export function checkRule(rule: unknown, field = 'rule'): RuleSpec {
  try {
    return validateRule(rule as RuleSpec);
  } catch (error) {
    if (error instanceof RuleSpecError) throw fieldInvalid(field, 'INSPECTION_RULE_INVALID', { path: error.path });
    throw error;
  }
}

/** The message key of a value a rule cannot take (ratio 140 %, a negative count…). */
export function valueErrorKey(error: RuleInputError): string {
  return `INSPECTION_VALUE_${error.reason.toUpperCase()}`;
}

export function checklistItem(row: repo.ChecklistRow, locale: Locale): ChecklistItem {
  return {
    id: row.id,
    typeCode: row.type_code,
    standardId: row.standard_id,
    standardCode: row.standard_code,
    standardName: row.standard_name,
    title: row.title,
    guidance: row.guidance,
    rule: row.rule,
    ruleText: describeRule(row.rule as RuleSpec, locale),
    points: row.points,
    photoRequired: row.photo_required,
    caseCategoryCode: row.case_category_code,
    sort: row.sort,
    active: row.active,
  };
}

export async function listChecklist(ctx: Ctx, query: ChecklistQuery) {
  assertCan(ctx.actor, 'index.read');
  const rows = await repo.listChecklist(ctx.db, ctx.actor.cityId, query);
  return { items: rows.map((r) => checklistItem(r, ctx.locale)) };
}

async function checkItemRefs(db: Executor, cityId: number, body: { typeCode?: string; standardId?: number | null }) {
  if (body.typeCode && !(await repo.findSiteType(db, cityId, body.typeCode))) {
    throw fieldInvalid('typeCode', 'INSPECTION_SITE_TYPE_UNKNOWN');
  }
  if (body.standardId) {
    const node = await repo.findIndexNode(db, cityId, body.standardId);
    if (!node || node.level !== 'standard') throw fieldInvalid('standardId', 'INSPECTION_STANDARD_UNKNOWN');
  }
}

export async function createChecklistItem(ctx: Ctx, body: CreateChecklistItemBody): Promise<ChecklistItem> {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await checkItemRefs(trx, ctx.actor.cityId, body);
    const rule = checkRule(body.rule);
    const values = {
      type_code: body.typeCode,
      standard_id: body.standardId ?? null,
      title: body.title.trim(),
      guidance: clean(body.guidance),
      rule: JSON.stringify(rule),
      points: body.points,
      photo_required: body.photoRequired ?? false,
      case_category_code: clean(body.caseCategoryCode),
      sort: body.sort ?? 0,
      active: body.active ?? true,
    };
    const id = await repo.insertChecklistItem(trx, ctx.actor.cityId, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'checklist.create',
      entityType: 'checklist_item',
      entityId: id,
      after: { ...values, rule },
    });
    const [row] = await repo.listChecklist(trx, ctx.actor.cityId, { ids: [id] });
    return checklistItem(row, ctx.locale);
  });
}

export async function updateChecklistItem(ctx: Ctx, id: number, body: UpdateChecklistItemBody): Promise<ChecklistItem> {
  assertCan(ctx.actor, 'inspection.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findChecklistItem(trx, ctx.actor.cityId, id);
    if (!current) throw notFound();
    await checkItemRefs(trx, ctx.actor.cityId, body);
    const values: repo.ChecklistValues = {};
    if (body.typeCode !== undefined) values.type_code = body.typeCode;
    if (body.standardId !== undefined) values.standard_id = body.standardId;
    if (body.title !== undefined) values.title = body.title.trim();
    if (body.guidance !== undefined) values.guidance = clean(body.guidance);
    if (body.rule !== undefined) values.rule = JSON.stringify(checkRule(body.rule));
    if (body.points !== undefined) values.points = body.points;
    if (body.photoRequired !== undefined) values.photo_required = body.photoRequired;
    if (body.caseCategoryCode !== undefined) values.case_category_code = clean(body.caseCategoryCode);
    if (body.sort !== undefined) values.sort = body.sort;
    if (body.active !== undefined) values.active = body.active;
    await repo.updateChecklistItem(trx, id, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'checklist.update',
      entityType: 'checklist_item',
      entityId: id,
      before: Object.fromEntries(Object.keys(values).map((k) => [k, (current as Record<string, unknown>)[k]])),
      after: values,
    });
    const [row] = await repo.listChecklist(trx, ctx.actor.cityId, { ids: [id] });
    return checklistItem(row, ctx.locale);
  });
}

/** The editor's "try this rule" box: the verdict for a value, in words. Nothing is stored. */
export function tryRule(ctx: Ctx, body: TryRuleBody): TryRuleResult {
  assertCan(ctx.actor, 'index.read');
  const rule = checkRule(body.rule);
  const phase: Phase = body.phase ?? 'normal';
  try {
    const result = evaluateRule(rule, body.value as RuleValue, phase);
    return {
      ...result,
      text: describeResult(rule, result, ctx.locale),
      ruleText: describeRule(rule, ctx.locale),
    };
  } catch (error) {
    if (error instanceof RuleInputError) throw fieldInvalid('value', valueErrorKey(error));
    throw error;
  }
}
