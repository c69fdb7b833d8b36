// Campaign use cases: the scoped list and detail, creating and editing a campaign (titles, period,
// owning region, leading group, participating scope, documents, reminder settings), switching
// the phase (常态 / 迎检), activities and monthly themes, the overview and the calendar.

import type { CampaignPhase, CampaignStatus, CampaignTitle } from '@cc/common/campaigns';
import type { UnitType } from '@cc/common/org';
import { assertCan, isRegionPathInScope } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import { localDate } from '../../platform/calendar.js';
import type { Ctx } from '../../platform/context.js';
import { findStoredFiles } from '../../platform/files.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { canManageCampaign } from './campaigns.policy.js';
import * as repo from './campaigns.repository.js';
import type {
  Activity,
  ActivityBody,
  CalendarQuery,
  CampaignCalendar,
  CampaignDetail,
  CampaignListItem,
  CampaignListQuery,
  CampaignOverview,
  CreateCampaignBody,
  OverviewQuery,
  PhaseBody,
  ScopeBody,
  ScopeUnits,
  ScopeUnitsQuery,
  Theme,
  ThemeBody,
  UpdateActivityBody,
  UpdateCampaignBody,
  UpdateThemeBody,
} from './campaigns.schemas.js';
import { listEventsInRange } from './events.service.js';

/**
 * The phase later modules apply on `at` (inspection thresholds tighten before an inspection):
 * pre-inspection while any active campaign of the city covering that day is in it.
 */
export async function currentPhase(db: Executor, cityId: number, at: Date): Promise<CampaignPhase> {
  return (await repo.anyPreInspection(db, cityId, localDate(at))) ? 'pre_inspection' : 'normal';
}

/** The phase of one campaign (an inspection round linked to it scores by it). */
export async function campaignPhase(db: Executor, campaignId: number): Promise<CampaignPhase | null> {
  return ((await repo.findPhase(db, campaignId)) as CampaignPhase | undefined) ?? null;
}

/** The city's calendar date now. */
export function today(ctx: Pick<Ctx, 'now'>): string {
  return localDate(ctx.now());
}

export function cleanText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/**
 * Checks uploaded file ids (lower-cased, de-duplicated): each must exist in the city, and with
 * `images` be a picture — a 400 on `field` otherwise ("evidence of the wrong type").
 */
export async function checkFileIds(
  db: Executor,
  cityId: number,
  ids: readonly string[] | undefined,
  field: string,
  images: boolean,
): Promise<{ id: string; name: string; mime: string; size: number }[]> {
  const unique = [...new Set((ids ?? []).map((id) => id.toLowerCase()))];
  const found = new Map((await findStoredFiles(db, cityId, unique)).map((f) => [f.id, f]));
  return unique.map((id) => {
    const file = found.get(id);
    if (!file) throw fieldInvalid(field, 'CAMPAIGN_FILE_UNKNOWN');
    if (images && !file.mime.startsWith('image/')) throw fieldInvalid(field, 'CAMPAIGN_PHOTO_NOT_IMAGE');
    return file;
  });
}

function listItem(
  row: repo.CampaignRow,
  figures: { completion: repo.CompletionRow; taskCount: number },
  ctx: Ctx,
): CampaignListItem {
  return {
    id: row.id,
    name: row.name,
    titles: row.titles as CampaignTitle[],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status as CampaignStatus,
    phase: row.phase as CampaignPhase,
    regionId: row.region_id,
    regionName: row.region_name,
    taskCount: figures.taskCount,
    completion: repo.toCompletion(figures.completion),
    canManage: canManageCampaign(ctx.actor, row.region_path),
  };
}

/**
 * Figure rows of campaigns as the actor sees them: a campaign it manages whole (from the rollups),
 * otherwise its own share (from its instances).
 */
async function figuresOf(db: Executor, ctx: Ctx, campaigns: repo.CampaignRow[], day: string) {
  const manages = (c: repo.CampaignRow) => canManageCampaign(ctx.actor, c.region_path);
  const [whole, part] = await Promise.all([
    repo.figuresFromRollups(
      db,
      campaigns.filter(manages).map((c) => c.id),
      day,
    ),
    repo.figuresDirect(
      db,
      ctx.actor,
      campaigns.filter((c) => !manages(c)),
      day,
    ),
  ]);
  return [...whole, ...part];
}

/** Completion and task count per campaign, as the actor sees them. */
async function summariesOf(db: Executor, ctx: Ctx, campaigns: repo.CampaignRow[]) {
  const ids = campaigns.map((c) => c.id);
  const [figures, counts] = await Promise.all([
    figuresOf(db, ctx, campaigns, today(ctx)),
    repo.taskCounts(db, ctx.actor, ids),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      { completion: repo.foldFigures(figures.filter((f) => f.campaign_id === id)), taskCount: counts.get(id) ?? 0 },
    ]),
  );
}

export async function listCampaigns(ctx: Ctx, query: CampaignListQuery) {
  assertCan(ctx.actor, 'campaign.read');
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.listCampaigns(ctx.db, ctx.actor, {
    q: query.q,
    status: query.status,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const summaries = await summariesOf(ctx.db, ctx, rows);
  return { items: rows.map((r) => listItem(r, summaries.get(r.id)!, ctx)), total, page, pageSize };
}

/** A campaign the actor sees (404 otherwise); with `manage`, one the actor manages (403 if seen only). */
export async function loadCampaign(
  db: Executor,
  ctx: Ctx,
  id: number,
  options: { manage?: boolean; lock?: boolean } = {},
): Promise<repo.CampaignRow> {
  const campaign = await repo.findCampaign(db, ctx.actor, id, options.lock);
  if (!campaign) throw notFound();
  if (options.manage && !canManageCampaign(ctx.actor, campaign.region_path)) throw new AppError('FORBIDDEN');
  return campaign;
}

/** 409 when the campaign is closed: nothing new is planned or reported in it. */
export function assertActive(campaign: repo.CampaignRow) {
  if (campaign.status !== 'active') throw new AppError('CONFLICT', { messageKey: 'CAMPAIGN_CLOSED' });
}

async function activities(db: Executor, cityId: number, campaignId: number): Promise<Activity[]> {
  const rows = await repo.listActivities(db, campaignId);
  const names = await repo.unitNames(
    db,
    cityId,
    rows.flatMap((r) => r.organiser_unit_ids),
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    name: r.name,
    content: r.content,
    participants: r.participants,
    organiserUnits: r.organiser_unit_ids.map((id) => ({ id, name: names.get(id) ?? `#${id}` })),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    sort: r.sort,
    taskCount: r.task_count,
  }));
}

function themeOf(row: {
  id: number;
  campaign_id: number;
  month: string;
  title: string;
  description: string | null;
}): Theme {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    month: row.month.slice(0, 7),
    title: row.title,
    description: row.description,
  };
}

export async function getCampaign(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<CampaignDetail> {
  assertCan(ctx.actor, 'campaign.read');
  const campaign = await loadCampaign(db, ctx, id);
  const [summaries, scopeRegions, scopeUnits, documents, activityList, themes] = await Promise.all([
    summariesOf(db, ctx, [campaign]),
    repo.regionsByIds(db, ctx.actor.cityId, campaign.scope_region_ids),
    repo.listScopeUnits(db, campaign.id),
    repo.listDocuments(db, campaign.id),
    activities(db, ctx.actor.cityId, campaign.id),
    repo.listThemes(db, campaign.id),
  ]);
  return {
    ...listItem(campaign, summaries.get(campaign.id)!, ctx),
    description: campaign.description,
    phaseChangedAt: campaign.phase_changed_at?.toISOString() ?? null,
    leadingGroup: campaign.leading_group_id
      ? { id: campaign.leading_group_id, name: campaign.leading_group_name ?? '' }
      : null,
    scope: {
      allUnits: campaign.scope_all_units,
      unitTypes: campaign.scope_unit_types as UnitType[],
      regions: scopeRegions.map((r) => ({ id: r.id, name: r.name })),
      units: scopeUnits,
    },
    documents: documents.map((d) => ({ fileId: d.file_id, title: d.title, name: d.name, mime: d.mime, size: d.size })),
    activities: activityList,
    themes: themes.map(themeOf),
    remindDaysBefore: campaign.remind_days_before,
    escalateEveryDays: campaign.escalate_every_days,
    createdAt: campaign.created_at.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Create and edit
// ---------------------------------------------------------------------------------------------

interface ResolvedScope {
  scope_all_units: boolean;
  scope_unit_types: string[];
  scope_region_ids: number[];
  unitIds: number[];
}

async function resolveScope(db: Executor, ctx: Ctx, scope: ScopeBody): Promise<ResolvedScope> {
  const regionIds = [...new Set(scope.regionIds ?? [])];
  const regions = await repo.regionsByIds(db, ctx.actor.cityId, regionIds);
  if (regions.length !== regionIds.length) throw fieldInvalid('scope', 'CAMPAIGN_SCOPE_REGION_UNKNOWN');
  const unitIds = [...new Set(scope.unitIds ?? [])];
  const units = await repo.findVisibleUnits(db, ctx.actor, unitIds);
  if (units.length !== unitIds.length) throw fieldInvalid('scope', 'CAMPAIGN_SCOPE_UNIT_UNKNOWN');
  const resolved = {
    scope_all_units: scope.allUnits ?? false,
    scope_unit_types: [...new Set(scope.unitTypes ?? [])],
    scope_region_ids: regionIds,
    unitIds,
  };
  if (
    !resolved.scope_all_units &&
    resolved.scope_unit_types.length === 0 &&
    regionIds.length === 0 &&
    unitIds.length === 0
  ) {
    throw fieldInvalid('scope', 'CAMPAIGN_SCOPE_EMPTY');
  }
  return resolved;
}

async function checkDocuments(db: Executor, cityId: number, docs: { fileId: string; title: string }[]) {
  await checkFileIds(
    db,
    cityId,
    docs.map((d) => d.fileId),
    'documents',
    false,
  );
  const seen = new Set<string>();
  return docs
    .map((d) => ({ fileId: d.fileId.toLowerCase(), title: d.title.trim() }))
    .filter((d) => !seen.has(d.fileId) && seen.add(d.fileId));
}

async function checkGroup(db: Executor, cityId: number, groupId: number | null | undefined) {
  if (!groupId) return null;
  const group = await repo.findGroup(db, cityId, groupId);
  if (!group) throw fieldInvalid('leadingGroupId', 'CAMPAIGN_GROUP_UNKNOWN');
  return group.id;
}

function checkPeriod(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw fieldInvalid('endsOn', 'CAMPAIGN_END_BEFORE_START');
}

export async function createCampaign(ctx: Ctx, body: CreateCampaignBody): Promise<CampaignDetail> {
  assertCan(ctx.actor, 'campaign.manage');
  checkPeriod(body.startsOn, body.endsOn);
  return ctx.db.transaction().execute(async (trx) => {
    const regionId = body.regionId ?? ctx.actor.regionId;
    const region = regionId ? await repo.findRegion(trx, ctx.actor.cityId, regionId) : undefined;
    if (!region || !isRegionPathInScope(ctx.actor, region.path)) throw fieldInvalid('regionId', 'OUT_OF_SCOPE');
    const scope = await resolveScope(trx, ctx, body.scope ?? { allUnits: true });
    const documents = await checkDocuments(trx, ctx.actor.cityId, body.documents ?? []);
    const now = ctx.now();
    const values = {
      region_id: region.id,
      name: body.name.trim(),
      titles: [...new Set(body.titles)],
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      description: cleanText(body.description),
      leading_group_id: await checkGroup(trx, ctx.actor.cityId, body.leadingGroupId),
      scope_all_units: scope.scope_all_units,
      scope_unit_types: scope.scope_unit_types,
      scope_region_ids: scope.scope_region_ids,
      remind_days_before: body.remindDaysBefore ?? 3,
      escalate_every_days: body.escalateEveryDays ?? 3,
    };
    const id = await repo.insertCampaign(trx, ctx.actor.cityId, values, ctx.actor.userId, now);
    await repo.replaceScopeUnits(trx, ctx.actor.cityId, id, scope.unitIds);
    await repo.replaceDocuments(trx, ctx.actor.cityId, id, documents, now);
    await auditFromCtx(trx, ctx, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      after: { ...values, scopeUnitIds: scope.unitIds, documents },
    });
    return getCampaign(ctx, id, trx);
  });
}

export async function updateCampaign(ctx: Ctx, id: number, body: UpdateCampaignBody): Promise<CampaignDetail> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, id, { manage: true, lock: true });
    const startsOn = body.startsOn ?? campaign.starts_on;
    const endsOn = body.endsOn ?? campaign.ends_on;
    checkPeriod(startsOn, endsOn);
    if (body.startsOn || body.endsOn) {
      // Tasks already planned must stay inside the campaign's period.
      const range = await repo.taskDateRange(trx, id);
      if ((range.first && range.first < startsOn) || (range.last && range.last > endsOn)) {
        throw fieldInvalid(body.startsOn ? 'startsOn' : 'endsOn', 'CAMPAIGN_PERIOD_EXCLUDES_TASKS', {
          first: range.first,
          last: range.last,
        });
      }
    }
    const values: repo.CampaignValues = {};
    if (body.name !== undefined) values.name = body.name.trim();
    if (body.titles !== undefined) values.titles = [...new Set(body.titles)];
    if (body.startsOn !== undefined) values.starts_on = body.startsOn;
    if (body.endsOn !== undefined) values.ends_on = body.endsOn;
    if (body.status !== undefined) values.status = body.status;
    if (body.description !== undefined) values.description = cleanText(body.description);
    if (body.leadingGroupId !== undefined)
      values.leading_group_id = await checkGroup(trx, ctx.actor.cityId, body.leadingGroupId);
    if (body.remindDaysBefore !== undefined) values.remind_days_before = body.remindDaysBefore;
    if (body.escalateEveryDays !== undefined) values.escalate_every_days = body.escalateEveryDays;
    const now = ctx.now();
    let scopeUnitIds: number[] | undefined;
    if (body.scope !== undefined) {
      const scope = await resolveScope(trx, ctx, body.scope);
      values.scope_all_units = scope.scope_all_units;
      values.scope_unit_types = scope.scope_unit_types;
      values.scope_region_ids = scope.scope_region_ids;
      scopeUnitIds = scope.unitIds;
      await repo.replaceScopeUnits(trx, ctx.actor.cityId, id, scope.unitIds);
    }
    let documents: { fileId: string; title: string }[] | undefined;
    if (body.documents !== undefined) {
      documents = await checkDocuments(trx, ctx.actor.cityId, body.documents);
      await repo.replaceDocuments(trx, ctx.actor.cityId, id, documents, now);
    }
    await repo.updateCampaign(trx, id, values, now);
    await auditFromCtx(trx, ctx, {
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      before: pick(campaign, Object.keys(values)),
      after: { ...values, ...(scopeUnitIds ? { scopeUnitIds } : {}), ...(documents ? { documents } : {}) },
    });
    return getCampaign(ctx, id, trx);
  });
}

function pick(row: object, keys: string[]): Record<string, unknown> {
  const source = row as Record<string, unknown>;
  return Object.fromEntries(keys.map((k) => [k, source[k]]));
}

/** 常态 ↔ 迎检: later modules read the phase (inspection thresholds tighten before an inspection). */
export async function switchPhase(ctx: Ctx, id: number, body: PhaseBody): Promise<CampaignDetail> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, id, { manage: true, lock: true });
    if (campaign.phase === body.phase) {
      throw new AppError('CONFLICT', {
        messageKey: 'CAMPAIGN_PHASE_UNCHANGED',
        params: { phase: `@CAMPAIGN_PHASE_${body.phase}` },
      });
    }
    await repo.setPhase(trx, id, body.phase, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'campaign.phase',
      entityType: 'campaign',
      entityId: id,
      before: { phase: campaign.phase },
      after: { phase: body.phase },
      message: cleanText(body.note),
    });
    return getCampaign(ctx, id, trx);
  });
}

/** Units that may be given tasks in this campaign (its scope, as far as the actor sees units). */
export async function listScopeUnits(ctx: Ctx, id: number, query: ScopeUnitsQuery): Promise<ScopeUnits> {
  assertCan(ctx.actor, 'campaign.manage');
  const campaign = await loadCampaign(ctx.db, ctx, id, { manage: true });
  const rows = await repo.findScopeUnits(ctx.db, ctx.actor, campaign.id, { q: query.q, type: query.type });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, regionName: r.region_name })) };
}

// ---------------------------------------------------------------------------------------------
// Activities and themes
// ---------------------------------------------------------------------------------------------

function checkWithinCampaign(campaign: repo.CampaignRow, startsOn: string, endsOn: string) {
  if (endsOn < startsOn) throw fieldInvalid('endsOn', 'CAMPAIGN_END_BEFORE_START');
  if (startsOn < campaign.starts_on || endsOn > campaign.ends_on) {
    throw fieldInvalid(startsOn < campaign.starts_on ? 'startsOn' : 'endsOn', 'CAMPAIGN_DATE_OUTSIDE', {
      from: campaign.starts_on,
      to: campaign.ends_on,
    });
  }
}

async function checkOrganisers(db: Executor, ctx: Ctx, ids: number[] | undefined) {
  const unique = [...new Set(ids ?? [])];
  const units = await repo.findVisibleUnits(db, ctx.actor, unique);
  if (units.length !== unique.length) throw fieldInvalid('organiserUnitIds', 'CAMPAIGN_UNIT_UNKNOWN');
  return unique;
}

async function activityById(ctx: Ctx, db: Executor, campaignId: number, activityId: number) {
  return (await activities(db, ctx.actor.cityId, campaignId)).find((a) => a.id === activityId)!;
}

export async function createActivity(ctx: Ctx, campaignId: number, body: ActivityBody): Promise<Activity> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, campaignId, { manage: true });
    checkWithinCampaign(campaign, body.startsOn, body.endsOn);
    const values = {
      name: body.name.trim(),
      content: cleanText(body.content),
      participants: cleanText(body.participants),
      organiser_unit_ids: await checkOrganisers(trx, ctx, body.organiserUnitIds),
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      sort: body.sort ?? 0,
    };
    const id = await repo.insertActivity(trx, ctx.actor.cityId, campaignId, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'campaign.activity.create',
      entityType: 'campaign_activity',
      entityId: id,
      after: values,
    });
    return activityById(ctx, trx, campaignId, id);
  });
}

async function loadActivity(db: Executor, ctx: Ctx, id: number) {
  const activity = await repo.findActivity(db, ctx.actor.cityId, id);
  if (!activity) throw notFound();
  const campaign = await loadCampaign(db, ctx, activity.campaign_id, { manage: true });
  return { activity, campaign };
}

export async function updateActivity(ctx: Ctx, id: number, body: UpdateActivityBody): Promise<Activity> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { activity, campaign } = await loadActivity(trx, ctx, id);
    checkWithinCampaign(campaign, body.startsOn ?? activity.starts_on, body.endsOn ?? activity.ends_on);
    const values: repo.ActivityValues = {};
    if (body.name !== undefined) values.name = body.name.trim();
    if (body.content !== undefined) values.content = cleanText(body.content);
    if (body.participants !== undefined) values.participants = cleanText(body.participants);
    if (body.organiserUnitIds !== undefined)
      values.organiser_unit_ids = await checkOrganisers(trx, ctx, body.organiserUnitIds);
    if (body.startsOn !== undefined) values.starts_on = body.startsOn;
    if (body.endsOn !== undefined) values.ends_on = body.endsOn;
    if (body.sort !== undefined) values.sort = body.sort;
    await repo.updateActivity(trx, id, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'campaign.activity.update',
      entityType: 'campaign_activity',
      entityId: id,
      before: pick(activity, Object.keys(values)),
      after: values,
    });
    return activityById(ctx, trx, campaign.id, id);
  });
}

export async function deleteActivity(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { activity } = await loadActivity(trx, ctx, id);
    if (await repo.activityHasTasks(trx, id))
      throw new AppError('CONFLICT', { messageKey: 'CAMPAIGN_ACTIVITY_HAS_TASKS' });
    await repo.deleteActivity(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'campaign.activity.delete',
      entityType: 'campaign_activity',
      entityId: id,
      before: activity,
    });
    return { ok: true };
  });
}

function monthStart(month: string): string {
  return `${month}-01`;
}

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function checkThemeMonth(campaign: repo.CampaignRow, month: string) {
  if (monthEnd(month) < campaign.starts_on || monthStart(month) > campaign.ends_on) {
    throw fieldInvalid('month', 'CAMPAIGN_DATE_OUTSIDE', { from: campaign.starts_on, to: campaign.ends_on });
  }
}

export async function createTheme(ctx: Ctx, campaignId: number, body: ThemeBody): Promise<Theme> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const campaign = await loadCampaign(trx, ctx, campaignId, { manage: true, lock: true });
    checkThemeMonth(campaign, body.month);
    if (await repo.themeAt(trx, campaignId, monthStart(body.month)))
      throw fieldInvalid('month', 'CAMPAIGN_THEME_TAKEN');
    const values = {
      month: monthStart(body.month),
      title: body.title.trim(),
      description: cleanText(body.description),
    };
    const id = await repo.insertTheme(trx, ctx.actor.cityId, campaignId, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'campaign.theme.create',
      entityType: 'campaign_theme',
      entityId: id,
      after: values,
    });
    return themeOf({ id, campaign_id: campaignId, ...values });
  });
}

async function loadTheme(db: Executor, ctx: Ctx, id: number) {
  const theme = await repo.findTheme(db, ctx.actor.cityId, id);
  if (!theme) throw notFound();
  const campaign = await loadCampaign(db, ctx, theme.campaign_id, { manage: true, lock: true });
  return { theme, campaign };
}

export async function updateTheme(ctx: Ctx, id: number, body: UpdateThemeBody): Promise<Theme> {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { theme, campaign } = await loadTheme(trx, ctx, id);
    const values: { month?: string; title?: string; description?: string | null } = {};
    if (body.month !== undefined) {
      checkThemeMonth(campaign, body.month);
      const taken = await repo.themeAt(trx, campaign.id, monthStart(body.month));
      if (taken && taken.id !== id) throw fieldInvalid('month', 'CAMPAIGN_THEME_TAKEN');
      values.month = monthStart(body.month);
    }
    if (body.title !== undefined) values.title = body.title.trim();
    if (body.description !== undefined) values.description = cleanText(body.description);
    await repo.updateTheme(trx, id, values, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'campaign.theme.update',
      entityType: 'campaign_theme',
      entityId: id,
      before: pick(theme, Object.keys(values)),
      after: values,
    });
    return themeOf({ ...theme, ...values });
  });
}

export async function deleteTheme(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'campaign.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const { theme } = await loadTheme(trx, ctx, id);
    await repo.deleteTheme(trx, id);
    await auditFromCtx(trx, ctx, {
      action: 'campaign.theme.delete',
      entityType: 'campaign_theme',
      entityId: id,
      before: theme,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Overview and calendar
// ---------------------------------------------------------------------------------------------

export async function getOverview(ctx: Ctx, id: number, query: OverviewQuery): Promise<CampaignOverview> {
  assertCan(ctx.actor, 'campaign.read');
  const campaign = await loadCampaign(ctx.db, ctx, id);
  const day = today(ctx);
  const whole = canManageCampaign(ctx.actor, campaign.region_path);
  const page = query.unitPage ?? 1;
  const pageSize = query.unitPageSize ?? 20;
  const unitPage = (limit: number, offset: number): repo.UnitPage => ({
    limit,
    offset,
    sort: query.unitSort ?? 'percent_asc',
    q: query.unitQ,
  });
  const units = (p: repo.UnitPage) =>
    whole ? repo.unitsFromRollups(ctx.db, campaign.id, day, p) : repo.unitsDirect(ctx.db, ctx.actor, campaign, day, p);
  const [figures, unitRows, activityRows] = await Promise.all([
    figuresOf(ctx.db, ctx, [campaign], day),
    units(unitPage(pageSize, (page - 1) * pageSize)),
    repo.listActivities(ctx.db, campaign.id),
  ]);
  // Past the last page the window count is not there: ask for the first row only.
  const unitTotal = unitRows[0]?.full_count ?? (page > 1 ? ((await units(unitPage(1, 0)))[0]?.full_count ?? 0) : 0);

  const byStatus: Record<string, number> = {};
  for (const f of figures) {
    if (f.n - f.overdue_n > 0) byStatus[f.status] = (byStatus[f.status] ?? 0) + f.n - f.overdue_n;
    if (f.overdue_n > 0) byStatus.overdue = (byStatus.overdue ?? 0) + f.overdue_n;
  }
  const group = <K>(key: (f: repo.FigureRow) => K) => {
    const map = new Map<K, repo.FigureRow[]>();
    for (const f of figures) map.set(key(f), [...(map.get(key(f)) ?? []), f]);
    return map;
  };
  const byActivity = group((f) => f.activity_id);
  const activityOrder = [...activityRows.map((a) => a.id), 0];
  const months = group((f) => f.month);
  return {
    campaignId: campaign.id,
    today: day,
    total: repo.toCompletion(repo.foldFigures(figures)),
    byStatus,
    byActivity: activityOrder
      .filter((aid) => byActivity.has(aid))
      .map((aid) => ({
        activityId: aid === 0 ? null : aid,
        name: activityRows.find((a) => a.id === aid)?.name ?? null,
        completion: repo.toCompletion(repo.foldFigures(byActivity.get(aid)!)),
      })),
    byMonth: [...months.keys()].sort().map((month) => ({
      month,
      completion: repo.toCompletion(repo.foldFigures(months.get(month)!)),
    })),
    units: {
      items: unitRows.map((r) => ({ unitId: r.unit_id, name: r.name, completion: repo.toCompletion(r) })),
      total: unitTotal,
      page,
      pageSize,
    },
  };
}

export async function getCalendar(ctx: Ctx, id: number, query: CalendarQuery): Promise<CampaignCalendar> {
  assertCan(ctx.actor, 'campaign.read');
  if (query.to < query.from) throw fieldInvalid('to', 'CAMPAIGN_END_BEFORE_START');
  if (Date.parse(query.to) - Date.parse(query.from) > 400 * 86_400_000)
    throw fieldInvalid('to', 'CAMPAIGN_RANGE_TOO_LONG');
  const campaign = await loadCampaign(ctx.db, ctx, id);
  const [themes, activityList, events, dues] = await Promise.all([
    repo.listThemes(ctx.db, campaign.id),
    activities(ctx.db, ctx.actor.cityId, campaign.id),
    listEventsInRange(ctx, campaign.id, query),
    repo.duesByDay(ctx.db, ctx.actor, campaign, query, today(ctx)),
  ]);
  return {
    themes: themes.map(themeOf).filter((t) => monthEnd(t.month) >= query.from && monthStart(t.month) <= query.to),
    activities: activityList.filter((a) => a.endsOn >= query.from && a.startsOn <= query.to),
    events,
    dues,
  };
}
