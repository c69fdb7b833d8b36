// SQL of questionnaires: the scoped list and one questionnaire, versions, quotas, the regions a
// respondent picks from, the writes of one response (limit counters, quotas and counts, each an
// atomic conditional statement), the pre-aggregated counts behind the results, text answers and
// the raw answers for the export.

import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { containsPattern } from '../organisation/index.js';
import { surveyVisible } from './surveys.policy.js';

// ---------------------------------------------------------------------------------------------
// Questionnaires
// ---------------------------------------------------------------------------------------------

export interface SurveyRow {
  id: number;
  city_id: number;
  region_id: number;
  region_name: string;
  region_path: string;
  campaign_id: number | null;
  campaign_name: string | null;
  title: string;
  intro: string | null;
  status: string;
  opens_at: Date | null;
  closes_at: Date | null;
  public_token: string;
  hash_salt: string;
  per_device_limit: number;
  per_ip_daily_limit: number;
  created_at: Date;
  opened_at: Date | null;
  closed_at: Date | null;
  groups: string[];
  responses: number;
}

const surveySelect = sql`s.id, s.city_id, s.region_id, rg.name AS region_name, rg.path AS region_path, s.campaign_id,
  c.name AS campaign_name, s.title, s.intro, s.status, s.opens_at, s.closes_at, s.public_token, s.hash_salt,
  s.per_device_limit, s.per_ip_daily_limit, s.created_at, s.opened_at, s.closed_at,
  ARRAY(SELECT v.respondent_group FROM survey_versions v WHERE v.survey_id = s.id ORDER BY v.sort, v.id) AS groups,
  (SELECT coalesce(sum(k.count), 0)::int FROM survey_answer_counts k
    WHERE k.survey_id = s.id AND k.question_code = '' AND k.answer_key = '') AS responses`;
const surveyFrom = sql`surveys s JOIN regions rg ON rg.id = s.region_id LEFT JOIN campaigns c ON c.id = s.campaign_id`;

export async function listSurveys(
  db: Executor,
  actor: Actor,
  filter: { status?: string; q?: string },
  page: { limit: number; offset: number },
) {
  const where: Expression<SqlBool>[] = [sql`s.city_id = ${actor.cityId}`, surveyVisible(actor, 's')];
  if (filter.status) where.push(sql`s.status = ${filter.status}`);
  if (filter.q?.trim()) where.push(sql`s.title ILIKE ${containsPattern(filter.q)}`);
  const cond = sql.join(where, sql` AND `);
  const rows = await sql<SurveyRow>`
    SELECT ${surveySelect} FROM ${surveyFrom} WHERE ${cond}
    ORDER BY s.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM surveys s WHERE ${cond}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export async function findSurvey(db: Executor, actor: Actor, id: number, lock = false) {
  const result = await sql<SurveyRow>`
    SELECT ${surveySelect} FROM ${surveyFrom}
    WHERE s.city_id = ${actor.cityId} AND s.id = ${id} AND ${surveyVisible(actor, 's')}
    ${lock ? sql`FOR UPDATE OF s` : sql``}`.execute(db);
  return result.rows[0];
}

export async function findSurveyByToken(db: Executor, token: string, lock: 'share' | null = null) {
  const result = await sql<SurveyRow & { city_name: string }>`
    SELECT ${surveySelect}, ci.name AS city_name FROM ${surveyFrom} JOIN cities ci ON ci.id = s.city_id
    WHERE s.public_token = ${token} ${lock ? sql`FOR SHARE OF s` : sql``}`.execute(db);
  return result.rows[0];
}

export async function insertSurvey(
  db: Executor,
  values: {
    city_id: number;
    region_id: number;
    campaign_id: number | null;
    title: string;
    intro: string | null;
    opens_at: Date | null;
    closes_at: Date | null;
    public_token: string;
    hash_salt: string;
    per_device_limit: number;
    per_ip_daily_limit: number;
    created_by: number;
    created_at: Date;
  },
): Promise<number> {
  const row = await db
    .insertInto('surveys')
    .values({ ...values, updated_at: values.created_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSurvey(
  db: Executor,
  id: number,
  patch: Partial<{
    title: string;
    intro: string | null;
    campaign_id: number | null;
    opens_at: Date | null;
    closes_at: Date | null;
    per_device_limit: number;
    per_ip_daily_limit: number;
    status: string;
    opened_at: Date;
    closed_at: Date | null;
  }>,
  now: Date,
) {
  await db
    .updateTable('surveys')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function findCampaign(db: Executor, cityId: number, id: number) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface RegionRef {
  id: number;
  parent_id: number | null;
  level: string;
  name: string;
  path: string;
}

export async function findRegion(db: Executor, cityId: number, id: number): Promise<RegionRef | undefined> {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'level', 'name', 'path'])
    .where('city_id', '=', cityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The regions of a subtree down to `deepest` (district → street → community), in tree order. */
export async function regionsUnder(db: Executor, cityId: number, path: string, levels: string[]) {
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'level', 'name', 'path'])
    .where('city_id', '=', cityId)
    .where('path', 'like', `${path}%`)
    .where('level', 'in', levels)
    .orderBy('path')
    .orderBy('sort')
    .execute();
}

export async function regionsByIds(db: Executor, cityId: number, ids: number[]): Promise<RegionRef[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['id', 'parent_id', 'level', 'name', 'path'])
    .where('city_id', '=', cityId)
    .where('id', 'in', ids)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Versions and quotas
// ---------------------------------------------------------------------------------------------

export interface VersionRow {
  id: number;
  survey_id: number;
  respondent_group: string;
  title: string | null;
  questions: unknown;
  sort: number;
  responses: number;
}

export async function listVersions(db: Executor, surveyIds: number[]): Promise<VersionRow[]> {
  if (surveyIds.length === 0) return [];
  const result = await sql<VersionRow>`
    SELECT v.id, v.survey_id, v.respondent_group, v.title, v.questions, v.sort,
      (SELECT coalesce(sum(k.count), 0)::int FROM survey_answer_counts k
        WHERE k.survey_id = v.survey_id AND k.version_id = v.id AND k.question_code = '' AND k.answer_key = '') AS responses
    FROM survey_versions v WHERE v.survey_id = ANY(${surveyIds}::bigint[]) ORDER BY v.sort, v.id`.execute(db);
  return result.rows;
}

export async function insertVersion(
  db: Executor,
  values: { city_id: number; survey_id: number; respondent_group: string; title: string | null; questions: string },
  now: Date,
): Promise<number> {
  const result = await sql<{ id: number }>`
    INSERT INTO survey_versions (city_id, survey_id, respondent_group, title, questions, sort, created_at, updated_at)
    VALUES (${values.city_id}, ${values.survey_id}, ${values.respondent_group}, ${values.title}, ${values.questions}::jsonb,
      (SELECT coalesce(max(sort), 0) + 1 FROM survey_versions WHERE survey_id = ${values.survey_id}), ${now}, ${now})
    ON CONFLICT (survey_id, respondent_group) DO NOTHING RETURNING id`.execute(db);
  return result.rows[0]?.id ?? 0;
}

export async function updateVersion(
  db: Executor,
  id: number,
  values: { respondent_group: string; title: string | null; questions: string },
  now: Date,
) {
  await db
    .updateTable('survey_versions')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function groupTaken(db: Executor, surveyId: number, group: string, exceptId: number) {
  const row = await db
    .selectFrom('survey_versions')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('respondent_group', '=', group)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return !!row;
}

export async function deleteVersion(db: Executor, id: number) {
  await db.deleteFrom('survey_versions').where('id', '=', id).execute();
}

export interface QuotaRow {
  region_id: number;
  region_name: string;
  region_level: string;
  region_path: string;
  quota: number;
  counted: number;
}

export async function listQuotas(db: Executor, surveyId: number): Promise<QuotaRow[]> {
  const result = await sql<QuotaRow>`
    SELECT q.region_id, r.name AS region_name, r.level AS region_level, r.path AS region_path, q.quota, q.counted
    FROM survey_quotas q JOIN regions r ON r.id = q.region_id WHERE q.survey_id = ${surveyId} ORDER BY r.path`.execute(
    db,
  );
  return result.rows;
}

/**
 * Replaces the quotas: regions left out are dropped, existing ones keep their count, new ones
 * start from the responses already received in their subtree.
 */
export async function replaceQuotas(
  db: Executor,
  cityId: number,
  surveyId: number,
  items: { regionId: number; quota: number }[],
) {
  const regionIds = items.map((i) => i.regionId);
  await sql`DELETE FROM survey_quotas WHERE survey_id = ${surveyId} AND NOT (region_id = ANY(${regionIds}::bigint[]))`.execute(
    db,
  );
  if (items.length === 0) return;
  await sql`
    INSERT INTO survey_quotas (city_id, survey_id, region_id, quota, counted)
    SELECT ${cityId}, ${surveyId}, u.region_id, u.quota,
      (SELECT count(*)::int FROM survey_responses sr JOIN regions rr ON rr.id = sr.region_id
        WHERE sr.survey_id = ${surveyId} AND rr.path LIKE qr.path || '%')
    FROM unnest(${regionIds}::bigint[], ${items.map((i) => i.quota)}::int[]) AS u(region_id, quota)
    JOIN regions qr ON qr.id = u.region_id
    ON CONFLICT (survey_id, region_id) DO UPDATE SET quota = EXCLUDED.quota`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// One response
// ---------------------------------------------------------------------------------------------

export async function findResponseByKey(db: Executor, surveyId: number, key: string) {
  return db
    .selectFrom('survey_responses')
    .select(['id', 'submitted_at'])
    .where('survey_id', '=', surveyId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Adds one to a limit counter unless it reached `limit`; false when it had. Atomic. */
export async function bumpCounter(db: Executor, cityId: number, surveyId: number, key: string, limit: number) {
  const result = await sql<{ count: number }>`
    INSERT INTO survey_limit_counters AS l (city_id, survey_id, key, count) VALUES (${cityId}, ${surveyId}, ${key}, 1)
    ON CONFLICT (survey_id, key) DO UPDATE SET count = l.count + 1 WHERE l.count < ${limit}
    RETURNING l.count`.execute(db);
  return result.rows.length > 0;
}

/**
 * Counts one response against every quota of the region's ancestors (and itself). Answers the
 * quota regions that were already full (nothing is counted for them; the caller rolls back).
 */
export async function takeQuotas(db: Executor, surveyId: number, regionPath: string): Promise<number[]> {
  const ancestorIds = regionPath
    .split('/')
    .filter(Boolean)
    .map((part) => Number(part));
  const taken = await sql<{ region_id: number }>`
    UPDATE survey_quotas SET counted = counted + 1
    WHERE survey_id = ${surveyId} AND region_id = ANY(${ancestorIds}::bigint[]) AND counted < quota
    RETURNING region_id`.execute(db);
  const all = await sql<{ region_id: number }>`
    SELECT region_id FROM survey_quotas WHERE survey_id = ${surveyId} AND region_id = ANY(${ancestorIds}::bigint[])`.execute(
    db,
  );
  const done = new Set(taken.rows.map((r) => r.region_id));
  return all.rows.map((r) => r.region_id).filter((id) => !done.has(id));
}

export async function insertResponse(
  db: Executor,
  values: {
    city_id: number;
    survey_id: number;
    version_id: number;
    region_id: number;
    device_hash: string;
    ip_hash: string | null;
    answers: string;
    idempotency_key: string;
    submitted_at: Date;
  },
): Promise<number | null> {
  const result = await sql<{ id: number }>`
    INSERT INTO survey_responses (city_id, survey_id, version_id, region_id, device_hash, ip_hash, answers, idempotency_key,
      submitted_at)
    VALUES (${values.city_id}, ${values.survey_id}, ${values.version_id}, ${values.region_id}, ${values.device_hash},
      ${values.ip_hash}, ${values.answers}::jsonb, ${values.idempotency_key}, ${values.submitted_at})
    ON CONFLICT (survey_id, idempotency_key) DO NOTHING RETURNING id`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** Adds one to each count key of a response (set-based upsert). */
export async function addCounts(
  db: Executor,
  target: { cityId: number; surveyId: number; versionId: number; regionId: number },
  keys: { question: string; answer: string }[],
) {
  await sql`
    INSERT INTO survey_answer_counts AS k (city_id, survey_id, version_id, region_id, question_code, answer_key, count)
    SELECT ${target.cityId}, ${target.surveyId}, ${target.versionId}, ${target.regionId}, u.q, u.a, count(*)::int
    FROM unnest(${keys.map((k) => k.question)}::text[], ${keys.map((k) => k.answer)}::text[]) AS u(q, a)
    GROUP BY u.q, u.a
    ON CONFLICT (survey_id, version_id, region_id, question_code, answer_key)
    DO UPDATE SET count = k.count + EXCLUDED.count`.execute(db);
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export interface CountRow {
  version_id: number;
  district_id: number | null;
  street_id: number | null;
  community_id: number | null;
  question_code: string;
  answer_key: string;
  count: number;
}

/**
 * The counts of a questionnaire per version, district, street (and community when asked) —
 * summed over the respondents' regions, optionally for one version, one question or one subtree.
 */
export async function countsOf(
  db: Executor,
  surveyId: number,
  filter: { versionId?: number; regionPath?: string; question?: string; byCommunity?: boolean },
): Promise<CountRow[]> {
  const where: Expression<SqlBool>[] = [sql`k.survey_id = ${surveyId}`];
  if (filter.versionId) where.push(sql`k.version_id = ${filter.versionId}`);
  if (filter.question !== undefined) where.push(sql`k.question_code IN ('', ${filter.question})`);
  if (filter.regionPath) where.push(sql`r.path LIKE ${filter.regionPath + '%'}`);
  const community = filter.byCommunity ? sql`k.region_id` : sql`NULL::bigint`;
  const result = await sql<CountRow>`
    SELECT k.version_id, NULLIF(split_part(r.path, '/', 3), '')::bigint AS district_id,
      NULLIF(split_part(r.path, '/', 4), '')::bigint AS street_id, ${community} AS community_id,
      k.question_code, k.answer_key, sum(k.count)::int AS count
    FROM survey_answer_counts k JOIN regions r ON r.id = k.region_id
    WHERE ${sql.join(where, sql` AND `)}
    GROUP BY 1, 2, 3, 4, 5, 6`.execute(db);
  return result.rows;
}

export async function textAnswers(
  db: Executor,
  surveyId: number,
  question: string,
  page: { limit: number; offset: number },
) {
  const cond = sql`sr.survey_id = ${surveyId} AND sr.answers ? ${question} AND jsonb_typeof(sr.answers -> ${question}) = 'string'`;
  const rows = await sql<{ id: number; text: string; group: string; region_name: string; submitted_at: Date }>`
    SELECT sr.id, sr.answers ->> ${question} AS text, v.respondent_group AS group, r.name AS region_name, sr.submitted_at
    FROM survey_responses sr JOIN survey_versions v ON v.id = sr.version_id JOIN regions r ON r.id = sr.region_id
    WHERE ${cond} ORDER BY sr.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
  const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM survey_responses sr WHERE ${cond}`.execute(db);
  return { rows: rows.rows, total: count.rows[0].n };
}

export interface RawResponseRow {
  id: number;
  version_id: number;
  region_id: number;
  answers: Record<string, unknown>;
  submitted_at: Date;
}

/** One page of raw answers after `afterId` (keyset: the export reads them in id order). */
export async function responsesPage(
  db: Executor,
  surveyId: number,
  afterId: number,
  limit: number,
  versionId?: number,
): Promise<RawResponseRow[]> {
  const result = await sql<RawResponseRow>`
    SELECT id, version_id, region_id, answers, submitted_at FROM survey_responses
    WHERE survey_id = ${surveyId} AND id > ${afterId} ${versionId ? sql`AND version_id = ${versionId}` : sql``}
    ORDER BY id LIMIT ${limit}`.execute(db);
  return result.rows;
}
