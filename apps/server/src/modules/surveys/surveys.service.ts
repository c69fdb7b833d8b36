// Questionnaire use cases of the office: the scoped list, one questionnaire with its versions and
// quotas, creating and editing it, versions per respondent group (questions checked with
// checkQuestions; once answered, only the rate configuration may change), quotas per region, and
// opening and closing. Every change is audited in its transaction.

import { randomBytes } from 'node:crypto';
import {
  checkQuestions,
  questionStructure,
  type RespondentGroup,
  type SurveyIssue,
  type SurveyQuestion,
  type SurveyStatus,
} from '@cc/common/surveys';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { AppError, fieldInvalid, notFound } from '../../platform/errors.js';
import { pageArgs } from '../../platform/http.js';
import { canManageSurvey } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import type {
  CreateSurveyBody,
  QuotasBody,
  SurveyDetail,
  SurveyListItem,
  SurveyListQuery,
  SurveyVersion,
  UpdateSurveyBody,
  VersionBody,
} from './surveys.schemas.js';

export const newToken = () => randomBytes(18).toString('base64url');

function listItem(ctx: Ctx, row: repo.SurveyRow): SurveyListItem {
  return {
    id: row.id,
    title: row.title,
    status: row.status as SurveyStatus,
    region: { id: row.region_id, name: row.region_name },
    campaign: row.campaign_id ? { id: row.campaign_id, name: row.campaign_name ?? '' } : null,
    opensAt: row.opens_at?.toISOString() ?? null,
    closesAt: row.closes_at?.toISOString() ?? null,
    groups: row.groups as RespondentGroup[],
    responses: row.responses,
    canManage: canManageSurvey(ctx.actor, row.region_path),
    createdAt: row.created_at.toISOString(),
  };
}

export function versionOut(row: repo.VersionRow): SurveyVersion {
  return {
    id: row.id,
    group: row.respondent_group as RespondentGroup,
    title: row.title,
    questions: row.questions as SurveyQuestion[],
    responses: row.responses,
    isLocked: row.responses > 0,
  };
}

export function quotaOut(q: repo.QuotaRow) {
  return {
    regionId: q.region_id,
    regionName: q.region_name,
    regionLevel: q.region_level,
    quota: q.quota,
    counted: q.counted,
  };
}

export async function listSurveys(ctx: Ctx, query: SurveyListQuery) {
  assertCan(ctx.actor, 'survey.read');
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.listSurveys(ctx.db, ctx.actor, query, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map((r) => listItem(ctx, r)), total, page, pageSize };
}

/** The questionnaire in the actor's scope (404 otherwise); `manage` also requires managing it (403). */
export async function loadSurvey(
  db: Executor,
  ctx: Ctx,
  id: number,
  options: { manage?: boolean; lock?: boolean } = {},
): Promise<repo.SurveyRow> {
  const survey = await repo.findSurvey(db, ctx.actor, id, options.lock);
  if (!survey) throw notFound();
  if (options.manage && !canManageSurvey(ctx.actor, survey.region_path)) throw new AppError('FORBIDDEN');
  return survey;
}

export async function getSurvey(ctx: Ctx, id: number, db: Executor = ctx.db): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'survey.read');
  const survey = await loadSurvey(db, ctx, id);
  const [versions, quotas] = await Promise.all([repo.listVersions(db, [id]), repo.listQuotas(db, id)]);
  return {
    ...listItem(ctx, survey),
    intro: survey.intro,
    token: survey.public_token,
    perDeviceLimit: survey.per_device_limit,
    perIpDailyLimit: survey.per_ip_daily_limit,
    versions: versions.map(versionOut),
    quotas: quotas.map(quotaOut),
    openedAt: survey.opened_at?.toISOString() ?? null,
    closedAt: survey.closed_at?.toISOString() ?? null,
  };
}

function checkWindow(opensAt: string | null | undefined, closesAt: string | null | undefined) {
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt))
    throw fieldInvalid('closesAt', 'SURVEY_CLOSES_BEFORE_OPENS');
}

async function checkCampaign(db: Executor, ctx: Ctx, campaignId: number | null | undefined) {
  if (!campaignId) return;
  if (!(await repo.findCampaign(db, ctx.actor.cityId, campaignId)))
    throw fieldInvalid('campaignId', 'SURVEY_CAMPAIGN_UNKNOWN');
}

const clean = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

export async function createSurvey(ctx: Ctx, body: CreateSurveyBody): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'survey.manage');
  checkWindow(body.opensAt, body.closesAt);
  if (!body.title.trim()) throw fieldInvalid('title', 'SURVEY_TITLE_REQUIRED');
  return ctx.db.transaction().execute(async (trx) => {
    const regionId = body.regionId ?? ctx.actor.regionId;
    const region = regionId ? await repo.findRegion(trx, ctx.actor.cityId, regionId) : undefined;
    if (!region || !canManageSurvey(ctx.actor, region.path)) throw fieldInvalid('regionId', 'OUT_OF_SCOPE');
    await checkCampaign(trx, ctx, body.campaignId);
    const now = ctx.now();
    const id = await repo.insertSurvey(trx, {
      city_id: ctx.actor.cityId,
      region_id: region.id,
      campaign_id: body.campaignId ?? null,
      title: body.title.trim(),
      intro: clean(body.intro),
      opens_at: body.opensAt ? new Date(body.opensAt) : null,
      closes_at: body.closesAt ? new Date(body.closesAt) : null,
      public_token: newToken(),
      hash_salt: randomBytes(24).toString('base64url'),
      per_device_limit: body.perDeviceLimit ?? 1,
      per_ip_daily_limit: body.perIpDailyLimit ?? 50,
      created_by: ctx.actor.userId,
      created_at: now,
    });
    await auditFromCtx(trx, ctx, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: id,
      after: { ...body, regionId: region.id },
    });
    return getSurvey(ctx, id, trx);
  });
}

export async function updateSurvey(ctx: Ctx, id: number, body: UpdateSurveyBody): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'survey.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const survey = await loadSurvey(trx, ctx, id, { manage: true, lock: true });
    const opensAt = body.opensAt === undefined ? survey.opens_at?.toISOString() : body.opensAt;
    const closesAt = body.closesAt === undefined ? survey.closes_at?.toISOString() : body.closesAt;
    checkWindow(opensAt, closesAt);
    if (body.title !== undefined && !body.title.trim()) throw fieldInvalid('title', 'SURVEY_TITLE_REQUIRED');
    await checkCampaign(trx, ctx, body.campaignId);
    const patch: Parameters<typeof repo.updateSurvey>[2] = {};
    if (body.title !== undefined) patch.title = body.title.trim();
    if (body.intro !== undefined) patch.intro = clean(body.intro);
    if (body.campaignId !== undefined) patch.campaign_id = body.campaignId;
    if (body.opensAt !== undefined) patch.opens_at = body.opensAt ? new Date(body.opensAt) : null;
    if (body.closesAt !== undefined) patch.closes_at = body.closesAt ? new Date(body.closesAt) : null;
    if (body.perDeviceLimit !== undefined) patch.per_device_limit = body.perDeviceLimit;
    if (body.perIpDailyLimit !== undefined) patch.per_ip_daily_limit = body.perIpDailyLimit;
    await repo.updateSurvey(trx, id, patch, ctx.now());
    await auditFromCtx(trx, ctx, {
      action: 'survey.update',
      entityType: 'survey',
      entityId: id,
      before: {
        title: survey.title,
        intro: survey.intro,
        campaignId: survey.campaign_id,
        opensAt: survey.opens_at,
        closesAt: survey.closes_at,
        perDeviceLimit: survey.per_device_limit,
        perIpDailyLimit: survey.per_ip_daily_limit,
      },
      after: body,
    });
    return getSurvey(ctx, id, trx);
  });
}

/** A 400 naming the first problem of the questions (all of them in `details.fields`). */
function questionsInvalid(issues: SurveyIssue[]): AppError {
  const first = issues[0];
  return new AppError('VALIDATION_FAILED', {
    messageKey: first.key,
    params: { ...first.params, no: questionNumber(first.path) },
    details: { fields: issues.map((i) => ({ path: `body/${i.path}`, message: i.key })) },
  });
}

function questionNumber(path: string): number | string {
  const match = /^questions\/(\d+)/.exec(path);
  return match ? Number(match[1]) + 1 : '';
}

function cleanQuestions(questions: VersionBody['questions']): SurveyQuestion[] {
  return questions.map((q) => ({
    ...q,
    title: q.title.trim(),
    ...(q.help !== undefined ? { help: q.help.trim() } : {}),
    ...(q.options ? { options: q.options.map((o) => ({ code: o.code, label: o.label.trim() })) } : {}),
    ...(q.rows ? { rows: q.rows.map((o) => ({ code: o.code, label: o.label.trim() })) } : {}),
  }));
}

async function loadVersion(db: Executor, surveyId: number, versionId: number) {
  const version = (await repo.listVersions(db, [surveyId])).find((v) => v.id === versionId);
  if (!version) throw notFound();
  return version;
}

export async function createVersion(ctx: Ctx, surveyId: number, body: VersionBody): Promise<SurveyVersion> {
  assertCan(ctx.actor, 'survey.manage');
  const questions = cleanQuestions(body.questions);
  const issues = checkQuestions(questions);
  if (issues.length > 0) throw questionsInvalid(issues);
  return ctx.db.transaction().execute(async (trx) => {
    const survey = await loadSurvey(trx, ctx, surveyId, { manage: true, lock: true });
    if (survey.status === 'closed') throw new AppError('CONFLICT', { messageKey: 'SURVEY_IS_CLOSED_EDIT' });
    if (survey.groups.length >= 10) throw fieldInvalid('group', 'SURVEY_TOO_MANY_VERSIONS');
    const id = await repo.insertVersion(
      trx,
      {
        city_id: ctx.actor.cityId,
        survey_id: surveyId,
        respondent_group: body.group,
        title: clean(body.title),
        questions: JSON.stringify(questions),
      },
      ctx.now(),
    );
    if (!id) throw fieldInvalid('group', 'SURVEY_GROUP_TAKEN');
    await auditFromCtx(trx, ctx, {
      action: 'survey.version.create',
      entityType: 'survey',
      entityId: surveyId,
      after: { versionId: id, group: body.group, questions: questions.length },
    });
    return versionOut(await loadVersion(trx, surveyId, id));
  });
}

export async function updateVersion(
  ctx: Ctx,
  surveyId: number,
  versionId: number,
  body: VersionBody,
): Promise<SurveyVersion> {
  assertCan(ctx.actor, 'survey.manage');
  const questions = cleanQuestions(body.questions);
  const issues = checkQuestions(questions);
  if (issues.length > 0) throw questionsInvalid(issues);
  return ctx.db.transaction().execute(async (trx) => {
    await loadSurvey(trx, ctx, surveyId, { manage: true, lock: true });
    const version = await loadVersion(trx, surveyId, versionId);
    const before = version.questions as SurveyQuestion[];
    if (version.responses > 0) {
      // Answers were given against these questions: changing them would change what the answers
      // mean. The rate configuration is read at results time, so it may still change.
      const same =
        body.group === version.respondent_group && questionStructure(before) === questionStructure(questions);
      if (!same) throw new AppError('CONFLICT', { messageKey: 'SURVEY_VERSION_LOCKED' });
    }
    if (await repo.groupTaken(trx, surveyId, body.group, versionId)) throw fieldInvalid('group', 'SURVEY_GROUP_TAKEN');
    await repo.updateVersion(
      trx,
      versionId,
      { respondent_group: body.group, title: clean(body.title), questions: JSON.stringify(questions) },
      ctx.now(),
    );
    await auditFromCtx(trx, ctx, {
      action: 'survey.version.update',
      entityType: 'survey',
      entityId: surveyId,
      before: { versionId, group: version.respondent_group, questions: before },
      after: { versionId, group: body.group, questions },
    });
    return versionOut(await loadVersion(trx, surveyId, versionId));
  });
}

export async function deleteVersion(ctx: Ctx, surveyId: number, versionId: number) {
  assertCan(ctx.actor, 'survey.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await loadSurvey(trx, ctx, surveyId, { manage: true, lock: true });
    const version = await loadVersion(trx, surveyId, versionId);
    if (version.responses > 0) throw new AppError('CONFLICT', { messageKey: 'SURVEY_VERSION_LOCKED' });
    await repo.deleteVersion(trx, versionId);
    await auditFromCtx(trx, ctx, {
      action: 'survey.version.delete',
      entityType: 'survey',
      entityId: surveyId,
      before: { versionId, group: version.respondent_group },
    });
    return { ok: true };
  });
}

export async function setQuotas(ctx: Ctx, surveyId: number, body: QuotasBody): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'survey.manage');
  const ids = body.items.map((i) => i.regionId);
  if (new Set(ids).size !== ids.length) throw fieldInvalid('items', 'SURVEY_QUOTA_DUPLICATE');
  return ctx.db.transaction().execute(async (trx) => {
    const survey = await loadSurvey(trx, ctx, surveyId, { manage: true, lock: true });
    const regions = await repo.regionsByIds(trx, ctx.actor.cityId, ids);
    const byId = new Map(regions.map((r) => [r.id, r]));
    body.items.forEach((item, i) => {
      const region = byId.get(item.regionId);
      if (!region || !region.path.startsWith(survey.region_path) || region.level === 'grid')
        throw fieldInvalid(`items/${i}/regionId`, 'SURVEY_QUOTA_REGION');
    });
    const before = await repo.listQuotas(trx, surveyId);
    await repo.replaceQuotas(trx, ctx.actor.cityId, surveyId, body.items);
    await auditFromCtx(trx, ctx, {
      action: 'survey.quotas.set',
      entityType: 'survey',
      entityId: surveyId,
      before: before.map((q) => ({ regionId: q.region_id, quota: q.quota, counted: q.counted })),
      after: body.items,
    });
    return getSurvey(ctx, surveyId, trx);
  });
}

export async function setSurveyStatus(ctx: Ctx, id: number, to: 'open' | 'closed'): Promise<SurveyDetail> {
  assertCan(ctx.actor, 'survey.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const survey = await loadSurvey(trx, ctx, id, { manage: true, lock: true });
    if (survey.status === to) {
      throw new AppError('CONFLICT', {
        messageKey: 'SURVEY_BAD_STATUS',
        params: { status: `@SURVEY_STATUS_${survey.status}` },
      });
    }
    const now = ctx.now();
    if (to === 'open') {
      const versions = await repo.listVersions(trx, [id]);
      if (versions.length === 0) throw new AppError('CONFLICT', { messageKey: 'SURVEY_NO_VERSIONS' });
      if (survey.closes_at && survey.closes_at <= now)
        throw new AppError('CONFLICT', { messageKey: 'SURVEY_CLOSES_IN_PAST' });
      await repo.updateSurvey(trx, id, { status: 'open', opened_at: survey.opened_at ?? now, closed_at: null }, now);
    } else {
      await repo.updateSurvey(trx, id, { status: 'closed', closed_at: now }, now);
    }
    await auditFromCtx(trx, ctx, {
      action: `survey.${to === 'open' ? 'open' : 'close'}`,
      entityType: 'survey',
      entityId: id,
      before: { status: survey.status },
      after: { status: to },
    });
    return getSurvey(ctx, id, trx);
  });
}
