// Excel imports of regions, units and people: the templates, whole-file validation (every problem
// is reported with its row and column and nothing is saved), then one transaction of set-based
// writes that upsert by natural key, and one audit entry.
//   regions: by code; the parent (by code) must exist or come earlier in the file, one level up.
//   units:   by name; parent unit by name (in the database or anywhere in the file), region by code
//            or name.
//   people:  by name + phone when a phone is given (among the people the actor sees), else added.
// Empty optional cells never erase stored values: an import adds and corrects, it does not blank.

import { CHILD_LEVEL, type RegionLevel } from '@cc/common/org';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { buildTemplate, ImportReport, parseImport, validateUnique, type ImportRow } from '../../platform/excel.js';
import { t } from '../../platform/i18n.js';
import * as repo from './imports.repository.js';
import {
  CODE,
  COLUMNS,
  IMPORT_PERMISSION,
  PERSON_COLUMNS,
  REGION_COLUMNS,
  UNIT_COLUMNS,
  type ImportKind,
  type ImportResult,
  type KeyOf,
  type UploadedFile,
} from './imports.schemas.js';
import { canSeeByUnitOrRegion, canSeeUnit, canUseRegion } from './org.policy.js';

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export async function buildImportTemplate(ctx: Ctx, kind: ImportKind): Promise<{ fileName: string; buffer: Buffer }> {
  assertCan(ctx.actor, IMPORT_PERMISSION[kind]);
  const buffer = await buildTemplate(COLUMNS[kind], ctx.locale);
  return { fileName: `${t(ctx.locale, `IMPORT_TEMPLATE_${kind}`)}.xlsx`, buffer };
}

type Values<K extends string> = Record<K, string | number | null>;
const text = (value: string | number | null): string | null => (value === null ? null : String(value));
const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** Resolves a cell holding a region code or a region name among the regions found for the file. */
function regionResolver(regions: { id: number; code: string; name: string; path: string }[]) {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, typeof regions>();
  for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  return (value: string): { region: (typeof regions)[number] } | { error: string } => {
    if (CODE.test(value)) {
      const region = byCode.get(value);
      return region ? { region } : { error: 'CELL_UNKNOWN_REF' };
    }
    const found = byName.get(value) ?? [];
    if (found.length === 1) return { region: found[0] };
    return { error: found.length === 0 ? 'CELL_UNKNOWN_REF' : 'CELL_AMBIGUOUS_REF' };
  };
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export async function importFile(ctx: Ctx, kind: ImportKind, file: UploadedFile): Promise<ImportResult> {
  assertCan(ctx.actor, IMPORT_PERMISSION[kind]);
  if (kind === 'regions') return importRegions(ctx, file);
  if (kind === 'units') return importUnits(ctx, file);
  return importPeople(ctx, file);
}

async function audit(
  ctx: Ctx,
  db: Ctx['db'],
  kind: ImportKind,
  file: UploadedFile,
  rows: number,
  result: ImportResult,
) {
  await auditFromCtx(db, ctx, {
    action: `import.${kind}`,
    entityType: kind,
    after: { fileName: file.fileName, rows, ...result },
  });
}

async function importRegions(ctx: Ctx, file: UploadedFile): Promise<ImportResult> {
  type K = KeyOf<typeof REGION_COLUMNS>;
  const { actor, locale } = ctx;
  const parsed = await parseImport<K>(file.buffer, REGION_COLUMNS, { locale });
  const report = new ImportReport<K>(REGION_COLUMNS, locale, parsed);
  report.push(validateUnique(parsed.rows, 'code', report.header('code'), locale));

  return ctx.db.transaction().execute(async (trx) => {
    const rows = parsed.rows.map((row) => ({ rowNumber: row.rowNumber, v: row.values as Values<K> }));
    const codes = unique(rows.flatMap(({ v }) => [text(v.code), text(v.parentCode)]));
    const stored = new Map((await repo.findRegionsByCode(trx, actor.cityId, codes)).map((r) => [r.code, r]));
    const inFile = new Set(rows.map(({ v }) => text(v.code)));
    /** Rows already read: their level and, for new regions, how many new ancestors they have. */
    const seen = new Map<string, { level: string | null; depth: number }>();
    const updates: repo.RegionImportRows = { code: [], name: [], level: [], sort: [], parentCode: [] };
    const inserts: (repo.RegionImportRows & { depth: number })[] = [];

    for (const { rowNumber, v } of rows) {
      const code = text(v.code);
      if (!code) continue;
      const name = text(v.name);
      const level = text(v.level) as RegionLevel | null;
      const parentCode = text(v.parentCode);
      const sort = v.sort === null ? null : Number(v.sort);
      const current = stored.get(code);
      const errorsBefore = report.count;
      let depth = 0;

      if (current && !canUseRegion(actor, current.path)) {
        report.add(rowNumber, 'code', 'CELL_EXISTS', { value: code });
      } else if (!parentCode) {
        // Only the city itself has no parent; it may be renamed by re-importing an export.
        if (!current || current.parent_id !== null) report.add(rowNumber, 'parentCode', 'CELL_REQUIRED');
        else if (level && level !== 'city')
          report.add(rowNumber, 'level', 'CELL_BAD_ENUM', { values: t(locale, 'LEVEL_city') });
      } else {
        let parentLevel: string | null = null;
        const storedParent = stored.get(parentCode);
        const fileParent = seen.get(parentCode);
        if (storedParent && canUseRegion(actor, storedParent.path)) parentLevel = storedParent.level;
        else if (!storedParent && fileParent) {
          parentLevel = fileParent.level;
          depth = fileParent.depth + 1;
        } else if (!storedParent && inFile.has(parentCode)) {
          report.add(rowNumber, 'parentCode', 'CELL_PARENT_ORDER', { value: parentCode });
        } else report.add(rowNumber, 'parentCode', 'CELL_UNKNOWN_REF', { value: parentCode });

        if (parentLevel && level) {
          const expected = CHILD_LEVEL[parentLevel as RegionLevel];
          if (!expected) report.add(rowNumber, 'level', 'REGION_GRID_NO_CHILDREN');
          else if (expected !== level) {
            report.add(rowNumber, 'level', 'CELL_BAD_PARENT_LEVEL', {
              value: parentCode,
              parentLevel: t(locale, `LEVEL_${parentLevel}`),
              expected: t(locale, `LEVEL_${expected}`),
            });
          }
        }
        if (current && current.parent_code !== parentCode) {
          report.add(rowNumber, 'parentCode', 'CELL_PARENT_MISMATCH', { value: current.parent_code ?? '' });
        }
      }
      const isBad = report.count > errorsBefore;
      // A rejected row's level is unknown: its children are not judged against it.
      seen.set(code, { level: isBad ? null : (level ?? current?.level ?? null), depth });
      if (isBad || !name || !level) continue;

      if (current) {
        updates.code.push(code);
        updates.name.push(name);
        updates.sort.push(sort);
      } else {
        while (inserts.length <= depth)
          inserts.push({ code: [], name: [], level: [], sort: [], parentCode: [], depth: inserts.length });
        const batch = inserts[depth];
        batch.code.push(code);
        batch.name.push(name);
        batch.level.push(level);
        batch.sort.push(sort);
        batch.parentCode.push(parentCode!);
      }
    }
    report.throwIfAny();

    const now = ctx.now();
    await repo.updateRegions(trx, actor.cityId, updates, now);
    let inserted = 0;
    // Parents first: each level's paths are built from the level above.
    for (const batch of inserts) inserted += await repo.insertRegionLevel(trx, actor.cityId, batch, now);
    const result = { inserted, updated: updates.code.length };
    await audit(ctx, trx, 'regions', file, rows.length, result);
    return result;
  });
}

async function importUnits(ctx: Ctx, file: UploadedFile): Promise<ImportResult> {
  type K = KeyOf<typeof UNIT_COLUMNS>;
  const { actor, locale } = ctx;
  const parsed = await parseImport<K>(file.buffer, UNIT_COLUMNS, { locale });
  const report = new ImportReport<K>(UNIT_COLUMNS, locale, parsed);
  report.push(validateUnique(parsed.rows, 'name', report.header('name'), locale));

  return ctx.db.transaction().execute(async (trx) => {
    const rows = parsed.rows.map((row) => ({ rowNumber: row.rowNumber, v: row.values as Values<K> }));
    const units = await repo.listCityUnits(trx, actor);
    const byName = new Map(units.map((u) => [u.name, u]));
    const nameOf = new Map(units.map((u) => [u.id, u.name]));
    const inFile = new Set(rows.map(({ v }) => text(v.name)));
    const resolveRegion = regionResolver(
      await repo.findUsableRegions(trx, actor, unique(rows.map(({ v }) => text(v.region)))),
    );

    // The parent of every unit once the file is saved, to find cycles the file would create.
    const parentOf = new Map(units.map((u) => [u.name, u.parent_id ? (nameOf.get(u.parent_id) ?? null) : null]));
    for (const { v } of rows) if (v.name && v.parentName) parentOf.set(String(v.name), String(v.parentName));
    const makesCycle = (name: string) => {
      const visited = new Set<string>();
      for (let at = parentOf.get(name); at; at = parentOf.get(at)) {
        if (at === name) return true;
        if (visited.has(at)) return false;
        visited.add(at);
      }
      return false;
    };

    const writes: repo.UnitImportRows = {
      name: [],
      shortName: [],
      type: [],
      regionId: [],
      headName: [],
      headPhone: [],
      liaisonName: [],
      liaisonPhone: [],
    };
    const parents = { name: [] as string[], parentName: [] as string[] };
    let updated = 0;

    for (const { rowNumber, v } of rows) {
      const name = text(v.name);
      if (!name) continue;
      const current = byName.get(name);
      const errorsBefore = report.count;
      if (current && !current.visible) {
        report.add(rowNumber, 'name', 'CELL_EXISTS', { value: name });
        continue;
      }
      const parentName = text(v.parentName);
      let parentId = current?.parent_id ?? null;
      if (parentName) {
        const parent = byName.get(parentName);
        if (parentName === name || makesCycle(name)) report.add(rowNumber, 'parentName', 'UNIT_PARENT_CYCLE');
        else if (parent?.visible) parentId = parent.id;
        // A parent new in this file has no id yet (and so is not the unit-scoped actor's own unit).
        else if (!parent && inFile.has(parentName)) parentId = null;
        else report.add(rowNumber, 'parentName', 'CELL_UNKNOWN_REF', { value: parentName });
      }
      const regionCell = text(v.region);
      let regionId: number | null = null;
      let regionPath = current?.region_path ?? null;
      if (regionCell) {
        const found = resolveRegion(regionCell);
        if ('error' in found) report.add(rowNumber, 'region', found.error, { value: regionCell });
        else {
          regionId = found.region.id;
          regionPath = found.region.path;
        }
      }
      if (report.count > errorsBefore) continue;
      if (!canSeeUnit(actor, { id: current?.id ?? null, parentId, regionPath })) {
        report.add(rowNumber, 'region', 'CELL_OUT_OF_SCOPE');
        continue;
      }
      if (!v.type) continue;
      if (current) updated += 1;
      writes.name.push(name);
      writes.shortName.push(text(v.shortName));
      writes.type.push(String(v.type));
      writes.regionId.push(regionId);
      writes.headName.push(text(v.headName));
      writes.headPhone.push(text(v.headPhone));
      writes.liaisonName.push(text(v.liaisonName));
      writes.liaisonPhone.push(text(v.liaisonPhone));
      if (parentName) {
        parents.name.push(name);
        parents.parentName.push(parentName);
      }
    }
    report.throwIfAny();

    const now = ctx.now();
    await repo.upsertUnits(trx, actor.cityId, writes, now);
    // After the upsert, so that parents named in the same file exist.
    await repo.setUnitParents(trx, actor.cityId, parents, now);
    const result = { inserted: writes.name.length - updated, updated };
    await audit(ctx, trx, 'units', file, rows.length, result);
    return result;
  });
}

async function importPeople(ctx: Ctx, file: UploadedFile): Promise<ImportResult> {
  type K = KeyOf<typeof PERSON_COLUMNS>;
  const { actor, locale } = ctx;
  const parsed = await parseImport<K>(file.buffer, PERSON_COLUMNS, { locale });
  const report = new ImportReport<K>(PERSON_COLUMNS, locale, parsed);
  const rows = parsed.rows.map((row: ImportRow<K>) => ({ rowNumber: row.rowNumber, v: row.values as Values<K> }));

  // The same name and phone twice in one file is one person entered twice.
  const firstRow = new Map<string, number>();
  for (const { rowNumber, v } of rows) {
    if (!v.name || !v.phone) continue;
    const key = `${String(v.name)}\u0000${String(v.phone)}`;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, rowNumber);
    else report.add(rowNumber, 'phone', 'CELL_DUPLICATE', { row: first });
  }

  return ctx.db.transaction().execute(async (trx) => {
    const unitIds = new Map(
      (await repo.findVisibleUnitsByName(trx, actor, unique(rows.map(({ v }) => text(v.unit))))).map((u) => [
        u.name,
        u.id,
      ]),
    );
    const resolveCommunity = regionResolver(
      await repo.findUsableRegions(trx, actor, unique(rows.map(({ v }) => text(v.community))), 'community'),
    );
    const keys = { ord: [] as number[], name: [] as string[], phone: [] as string[] };
    rows.forEach(({ v }, ord) => {
      if (!v.name || !v.phone) return;
      keys.ord.push(ord);
      keys.name.push(String(v.name));
      keys.phone.push(String(v.phone));
    });
    const matched = new Map((await repo.matchPeople(trx, actor, keys)).map((m) => [m.ord, m.id]));

    const inserts: repo.PersonImportRows = {
      name: [],
      kind: [],
      gender: [],
      phone: [],
      unitId: [],
      communityId: [],
      partyOrg: [],
      position: [],
    };
    const updateIds: number[] = [];
    const updates: Omit<repo.PersonImportRows, 'name' | 'phone'> = {
      kind: [],
      gender: [],
      unitId: [],
      communityId: [],
      partyOrg: [],
      position: [],
    };

    rows.forEach(({ rowNumber, v }, ord) => {
      const errorsBefore = report.count;
      const unitCell = text(v.unit);
      const unitId = unitCell ? (unitIds.get(unitCell) ?? null) : null;
      if (unitCell && unitId === null) report.add(rowNumber, 'unit', 'CELL_UNKNOWN_REF', { value: unitCell });
      const communityCell = text(v.community);
      let community: { id: number; path: string } | null = null;
      if (communityCell) {
        const found = resolveCommunity(communityCell);
        if ('error' in found) report.add(rowNumber, 'community', found.error, { value: communityCell });
        else community = found.region;
      }
      const existingId = matched.get(ord);
      // A matched person is already visible and keeps what an empty cell leaves alone; a new one
      // must be reachable through its unit or community.
      if (
        report.count === errorsBefore &&
        existingId === undefined &&
        !canSeeByUnitOrRegion(actor, { unitVisible: unitId !== null, regionPath: community?.path ?? null })
      ) {
        report.add(rowNumber, unitCell ? 'unit' : 'community', 'CELL_OUT_OF_SCOPE');
      }
      if (report.count > errorsBefore || !v.name || !v.kind) return;
      const target = existingId === undefined ? inserts : updates;
      if (existingId === undefined) {
        inserts.name.push(String(v.name));
        inserts.phone.push(text(v.phone));
      } else updateIds.push(existingId);
      target.kind.push(String(v.kind));
      target.gender.push(text(v.gender));
      target.unitId.push(unitId);
      target.communityId.push(community?.id ?? null);
      target.partyOrg.push(text(v.partyOrg));
      target.position.push(text(v.position));
    });
    report.throwIfAny();

    const now = ctx.now();
    await repo.updatePeople(trx, updateIds, updates, now);
    await repo.insertPeople(trx, actor.cityId, inserts, now);
    const result = { inserted: inserts.name.length, updated: updateIds.length };
    await audit(ctx, trx, 'people', file, rows.length, result);
    return result;
  });
}
