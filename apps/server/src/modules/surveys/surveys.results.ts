// Results of a questionnaire, read from the pre-aggregated counts (never from the raw answers):
// per-question distributions pooled over the respondent groups' versions, the evaluation's rates
// (formulas in packages/common/src/surveys.ts), cross-tabs of the rates by district, street and
// group, one question cross-tabulated by region or group, the text answers, and both Excel
// exports (the summary, and the raw answers streamed in id order).

import {
  distribution,
  poolTallies,
  RATE_KINDS,
  rateTally,
  surveyRates,
  tallyRate,
  type AnswerCount,
  type CrosstabDimension,
  type RateKind,
  type RateResult,
  type RateTally,
  type RespondentGroup,
  type SurveyQuestion,
} from '@cc/common/surveys';
import { assertCan } from '../../platform/access.js';
import { auditFromCtx } from '../../platform/audit.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { buildWorkbook, type ExportSheet } from '../../platform/excel.js';
import { pageArgs } from '../../platform/http.js';
import { t } from '../../platform/i18n.js';
import { canManageSurvey } from './surveys.policy.js';
import * as repo from './surveys.repository.js';
import type {
  Crosstab,
  CrosstabQuery,
  CrossRow,
  QuestionResult,
  ResultsQuery,
  SurveyResults,
  TextAnswersQuery,
} from './surveys.schemas.js';
import { loadSurvey, quotaOut } from './surveys.service.js';

interface Version {
  id: number;
  group: RespondentGroup;
  questions: SurveyQuestion[];
}

/** One question code over the versions asking it: options and rows merged (first label wins). */
interface MergedQuestion {
  question: SurveyQuestion;
  versionIds: Set<number>;
  groups: RespondentGroup[];
}

function mergeOptions(a: SurveyQuestion['options'], b: SurveyQuestion['options']) {
  if (!a && !b) return undefined;
  const out = [...(a ?? [])];
  for (const o of b ?? []) if (!out.some((x) => x.code === o.code)) out.push(o);
  return out;
}

function mergeQuestions(versions: Version[]): MergedQuestion[] {
  const merged = new Map<string, MergedQuestion>();
  for (const v of versions) {
    for (const q of v.questions) {
      const m = merged.get(q.code);
      if (!m) {
        merged.set(q.code, { question: { ...q }, versionIds: new Set([v.id]), groups: [v.group] });
        continue;
      }
      if (m.question.type !== q.type) continue; // a different question under a reused code
      m.versionIds.add(v.id);
      m.groups.push(v.group);
      m.question.options = mergeOptions(m.question.options, q.options);
      m.question.rows = mergeOptions(m.question.rows, q.rows);
      if (q.type === 'rating') {
        m.question.min = Math.min(m.question.min ?? 1, q.min ?? 1);
        m.question.max = Math.max(m.question.max ?? 5, q.max ?? 5);
      }
    }
  }
  return [...merged.values()];
}

/** Counts grouped by a cell key, then by version. */
type Cells = Map<string, Map<number, AnswerCount[]>>;

function group(rows: repo.CountRow[], keyOf: (r: repo.CountRow) => string | null): Cells {
  const cells: Cells = new Map();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    let byVersion = cells.get(key);
    if (!byVersion) cells.set(key, (byVersion = new Map()));
    let list = byVersion.get(r.version_id);
    if (!list) byVersion.set(r.version_id, (list = []));
    list.push({ question: r.question_code, answer: r.answer_key, count: r.count });
  }
  return cells;
}

function responsesIn(byVersion: Map<number, AnswerCount[]> | undefined): number {
  let n = 0;
  for (const list of byVersion?.values() ?? [])
    for (const c of list) if (c.question === '' && c.answer === '') n += c.count;
  return n;
}

function ratesIn(versions: Version[], byVersion: Map<number, AnswerCount[]> | undefined) {
  return surveyRates(versions.map((v) => ({ questions: v.questions, counts: byVersion?.get(v.id) ?? [] })));
}

function rateMap(rates: RateResult[]): Record<RateKind, number | null> {
  return Object.fromEntries(rates.map((r) => [r.kind, r.value])) as Record<RateKind, number | null>;
}

async function loadContext(ctx: Ctx, id: number, query: { versionId?: number; regionId?: number }) {
  assertCan(ctx.actor, 'survey.read');
  const survey = await loadSurvey(ctx.db, ctx, id);
  const all: Version[] = (await repo.listVersions(ctx.db, [id])).map((v) => ({
    id: v.id,
    group: v.respondent_group as RespondentGroup,
    questions: v.questions as SurveyQuestion[],
  }));
  const versions = query.versionId ? all.filter((v) => v.id === query.versionId) : all;
  if (query.versionId && versions.length === 0) throw notFound();
  let regionPath: string | undefined;
  if (query.regionId) {
    const region = await repo.findRegion(ctx.db, ctx.actor.cityId, query.regionId);
    if (!region || !region.path.startsWith(survey.region_path)) throw notFound();
    regionPath = region.path;
  }
  return { survey, versions, regionPath };
}

async function namesOf(ctx: Ctx, ids: Iterable<string>) {
  const numeric = [...new Set(ids)].map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return new Map((await repo.regionsByIds(ctx.db, ctx.actor.cityId, numeric)).map((r) => [String(r.id), r.name]));
}

const groupName = (ctx: Ctx, g: string) => t(ctx.locale, `SURVEY_GROUP_${g}`);

export async function getResults(ctx: Ctx, id: number, query: ResultsQuery): Promise<SurveyResults> {
  const { versions, regionPath } = await loadContext(ctx, id, query);
  const rows = await repo.countsOf(ctx.db, id, { versionId: query.versionId, regionPath });
  const overall = group(rows, () => '*').get('*');
  const { rates, questions: tallies } = ratesIn(versions, overall);

  const questions: QuestionResult[] = mergeQuestions(versions).map((m) => {
    const pooled: AnswerCount[] = [];
    for (const vid of m.versionIds) pooled.push(...(overall?.get(vid) ?? []));
    const d = distribution(m.question, pooled);
    const tally = tallies.get(m.question.code);
    return {
      ...d,
      groups: m.groups,
      rate: tally ? { kind: tally.kind, value: tallyRate(tally), weight: tally.weight, n: tally.n } : null,
    };
  });

  const crossRows = async (cells: Cells, name: (key: string) => string): Promise<CrossRow[]> =>
    [...cells.entries()]
      .map(([key, byVersion]) => ({
        key,
        name: name(key),
        responses: responsesIn(byVersion),
        rates: rateMap(ratesIn(versions, byVersion).rates),
      }))
      .sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name, 'zh-CN'));

  const districts = group(rows, (r) => (r.district_id ? String(r.district_id) : null));
  const streets = group(rows, (r) => (r.street_id ? String(r.street_id) : null));
  const names = await namesOf(ctx, [...districts.keys(), ...streets.keys()]);
  const byGroup: CrossRow[] = versions.map((v) => {
    const byVersion = overall?.get(v.id) ? new Map([[v.id, overall.get(v.id)!]]) : undefined;
    return {
      key: v.group,
      name: groupName(ctx, v.group),
      responses: responsesIn(byVersion),
      rates: rateMap(ratesIn([v], byVersion).rates),
    };
  });
  const quotas = await repo.listQuotas(ctx.db, id);
  return {
    responses: responsesIn(overall),
    rates,
    questions,
    byDistrict: await crossRows(districts, (k) => names.get(k) ?? k),
    byStreet: await crossRows(streets, (k) => names.get(k) ?? k),
    byGroup,
    quotas: quotas.filter((q) => !regionPath || q.region_path.startsWith(regionPath)).map(quotaOut),
  };
}

export async function getCrosstab(ctx: Ctx, id: number, query: CrosstabQuery): Promise<Crosstab> {
  const { versions, regionPath } = await loadContext(ctx, id, query);
  const merged = mergeQuestions(versions).find((m) => m.question.code === query.question);
  if (!merged) throw notFound();
  const q = merged.question;
  const rows = await repo.countsOf(ctx.db, id, {
    versionId: query.versionId,
    regionPath,
    question: q.code,
    byCommunity: query.by === 'community',
  });
  const by: CrosstabDimension = query.by;
  const groupOf = new Map(versions.map((v) => [v.id, v.group]));
  const cells = group(rows, (r) => {
    if (by === 'group') return groupOf.get(r.version_id) ?? null;
    const idOf = by === 'district' ? r.district_id : by === 'street' ? r.street_id : r.community_id;
    return idOf ? String(idOf) : null;
  });
  const names = by === 'group' ? new Map<string, string>() : await namesOf(ctx, cells.keys());
  const columns = distribution(q, []).options.map((o) => ({ code: o.code, label: o.label }));
  const out = [...cells.entries()].map(([key, byVersion]) => {
    const pooled: AnswerCount[] = [];
    const tallies: RateTally[] = [];
    for (const v of versions) {
      const list = byVersion.get(v.id) ?? [];
      pooled.push(...list);
      const own = v.questions.find((x) => x.code === q.code && x.type === q.type);
      const vt = own ? rateTally(own, list) : null;
      if (vt) tallies.push(vt);
    }
    const tally = tallies.length > 0 ? tallies.reduce(poolTallies) : null;
    const d = distribution(q, pooled);
    return {
      key,
      name: by === 'group' ? groupName(ctx, key) : (names.get(key) ?? key),
      answered: d.answered,
      counts: d.options.map((o) => o.count),
      percents: d.options.map((o) => o.percent),
      rate: tally ? tallyRate(tally) : null,
    };
  });
  out.sort((a, b) => b.answered - a.answered || a.name.localeCompare(b.name, 'zh-CN'));
  return { question: q.code, title: q.title, columns, rows: out };
}

export async function listTextAnswers(ctx: Ctx, id: number, query: TextAnswersQuery) {
  assertCan(ctx.actor, 'survey.read');
  await loadSurvey(ctx.db, ctx, id);
  const { page, pageSize } = pageArgs(query);
  const { rows, total } = await repo.textAnswers(ctx.db, id, query.question, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      text: r.text,
      group: r.group as RespondentGroup,
      regionName: r.region_name,
      submittedAt: r.submitted_at.toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}

// ---------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------

const fixed = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Number(value.toFixed(2));

async function loadForExport(ctx: Ctx, id: number) {
  assertCan(ctx.actor, 'survey.read');
  const survey = await loadSurvey(ctx.db, ctx, id);
  if (!canManageSurvey(ctx.actor, survey.region_path)) throw new AppError('FORBIDDEN');
  return survey;
}

export async function exportSummary(ctx: Ctx, id: number, query: ResultsQuery) {
  const survey = await loadForExport(ctx, id);
  const results = await getResults(ctx, id, query);
  const l = ctx.locale;
  const rateColumns = RATE_KINDS.map((k) => ({ key: k, header: t(l, `SURVEY_RATE_${k}`), width: 12 }));
  const crossSheet = (name: string, rows: CrossRow[]): ExportSheet => ({
    name,
    columns: [
      { key: 'name', header: t(l, 'SURVEY_COL_NAME'), width: 24 },
      { key: 'responses', header: t(l, 'SURVEY_COL_RESPONSES'), width: 10 },
      ...rateColumns,
    ],
    rows: rows.map((r) => ({
      name: r.name,
      responses: r.responses,
      ...Object.fromEntries(RATE_KINDS.map((k) => [k, fixed(r.rates[k])])),
    })),
  });
  const optionRows: Record<string, unknown>[] = [];
  results.questions.forEach((q, i) => {
    const head = { no: i + 1, question: q.title, type: t(l, `SURVEY_TYPE_${q.type}`) };
    if (q.type === 'matrix') {
      for (const row of q.rows)
        for (const o of row.options)
          optionRows.push({ ...head, option: `${row.label} · ${o.label}`, count: o.count, percent: fixed(o.percent) });
    } else if (q.type === 'text') {
      optionRows.push({ ...head, option: t(l, 'SURVEY_TEXT_ANSWERED'), count: q.answered, percent: null });
    } else {
      for (const o of q.options)
        optionRows.push({ ...head, option: o.label, count: o.count, percent: fixed(o.percent) });
      if (q.type === 'rating')
        optionRows.push({ ...head, option: t(l, 'SURVEY_MEAN'), count: null, percent: fixed(q.mean) });
    }
  });
  const sheets: ExportSheet[] = [
    {
      name: t(l, 'SURVEY_SHEET_RATES'),
      columns: [
        { key: 'rate', header: t(l, 'SURVEY_COL_RATE'), width: 14 },
        { key: 'value', header: t(l, 'SURVEY_COL_VALUE'), width: 10 },
        { key: 'questions', header: t(l, 'SURVEY_COL_QUESTIONS'), width: 10 },
        { key: 'answers', header: t(l, 'SURVEY_COL_ANSWERS'), width: 10 },
        { key: 'formula', header: t(l, 'SURVEY_COL_FORMULA'), width: 80 },
      ],
      rows: [
        { rate: t(l, 'SURVEY_COL_RESPONSES'), value: results.responses, questions: null, answers: null, formula: null },
        ...results.rates.map((r) => ({
          rate: t(l, `SURVEY_RATE_${r.kind}`),
          value: fixed(r.value),
          questions: r.questions,
          answers: r.answers,
          formula: t(l, `SURVEY_FORMULA_${r.kind}`),
        })),
      ],
    },
    {
      name: t(l, 'SURVEY_SHEET_QUESTIONS'),
      columns: [
        { key: 'no', header: t(l, 'SURVEY_COL_NO'), width: 6 },
        { key: 'question', header: t(l, 'SURVEY_COL_QUESTION'), width: 40 },
        { key: 'type', header: t(l, 'SURVEY_COL_TYPE'), width: 10 },
        { key: 'option', header: t(l, 'SURVEY_COL_OPTION'), width: 30 },
        { key: 'count', header: t(l, 'SURVEY_COL_COUNT'), width: 10 },
        { key: 'percent', header: t(l, 'SURVEY_COL_PERCENT'), width: 10 },
      ],
      rows: optionRows,
    },
    crossSheet(t(l, 'SURVEY_SHEET_DISTRICTS'), results.byDistrict),
    crossSheet(t(l, 'SURVEY_SHEET_STREETS'), results.byStreet),
    crossSheet(t(l, 'SURVEY_SHEET_GROUPS'), results.byGroup),
  ];
  await auditFromCtx(ctx.db, ctx, {
    action: 'survey.export.summary',
    entityType: 'survey',
    entityId: id,
    after: query,
  });
  return {
    fileName: `${survey.title}-${t(l, 'SURVEY_SUMMARY_FILE')}.xlsx`,
    buffer: await buildWorkbook(sheets),
  };
}

/** Raw answers, one row per response, one column per question (per row for a matrix). */
export async function exportAnswers(ctx: Ctx, id: number, query: { versionId?: number }) {
  const survey = await loadForExport(ctx, id);
  const l = ctx.locale;
  const all = await repo.listVersions(ctx.db, [id]);
  const versions: Version[] = all
    .filter((v) => !query.versionId || v.id === query.versionId)
    .map((v) => ({
      id: v.id,
      group: v.respondent_group as RespondentGroup,
      questions: v.questions as SurveyQuestion[],
    }));
  if (query.versionId && versions.length === 0) throw notFound();
  const questionsByVersion = new Map(versions.map((v) => [v.id, new Map(v.questions.map((q) => [q.code, q]))]));
  const groupByVersion = new Map(versions.map((v) => [v.id, groupName(ctx, v.group)]));
  const merged = mergeQuestions(versions);
  const columns = [
    { key: 'receipt', header: t(l, 'SURVEY_COL_RECEIPT'), width: 12 },
    { key: 'submittedAt', header: t(l, 'SURVEY_COL_SUBMITTED'), width: 18 },
    { key: 'group', header: t(l, 'SURVEY_COL_GROUP'), width: 10 },
    { key: 'district', header: t(l, 'SURVEY_COL_DISTRICT'), width: 12 },
    { key: 'street', header: t(l, 'SURVEY_COL_STREET'), width: 14 },
    { key: 'community', header: t(l, 'SURVEY_COL_COMMUNITY'), width: 14 },
  ];
  merged.forEach((m, i) => {
    const q = m.question;
    if (q.type === 'matrix')
      for (const row of q.rows ?? [])
        columns.push({ key: `${q.code}.${row.code}`, header: `${i + 1}. ${q.title} · ${row.label}`, width: 16 });
    else columns.push({ key: q.code, header: `${i + 1}. ${q.title}`, width: q.type === 'text' ? 40 : 16 });
  });
  const regions = await repo.regionsUnder(ctx.db, survey.city_id, survey.region_path, [
    'district',
    'street',
    'community',
  ]);
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const nameAt = (path: string, depth: number) => {
    const part = path.split('/').filter(Boolean)[depth];
    return part ? (regionById.get(Number(part))?.name ?? null) : null;
  };
  const label = (options: SurveyQuestion['options'], code: string) =>
    options?.find((o) => o.code === code)?.label ?? code;
  await auditFromCtx(ctx.db, ctx, {
    action: 'survey.export.answers',
    entityType: 'survey',
    entityId: id,
    after: query,
  });
  const db = ctx.db;
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await repo.responsesPage(db, id, after, 1000, query.versionId);
      if (page.length === 0) return;
      for (const r of page) {
        after = r.id;
        const own = questionsByVersion.get(r.version_id);
        if (!own) continue;
        const path = regionById.get(r.region_id)?.path ?? '';
        const out: Record<string, unknown> = {
          receipt: `W${String(r.id).padStart(7, '0')}`,
          submittedAt: r.submitted_at,
          group: groupByVersion.get(r.version_id),
          district: nameAt(path, 1),
          street: nameAt(path, 2),
          community: nameAt(path, 3),
        };
        for (const [code, value] of Object.entries(r.answers)) {
          const q = own.get(code);
          if (!q) continue;
          if (q.type === 'single') out[code] = label(q.options, String(value));
          else if (q.type === 'multiple') out[code] = (value as string[]).map((c) => label(q.options, c)).join('、');
          else if (q.type === 'matrix')
            for (const [row, column] of Object.entries(value as Record<string, string>))
              out[`${code}.${row}`] = label(q.options, column);
          else out[code] = value;
        }
        yield out;
      }
    }
  }
  return {
    fileName: `${survey.title}-${t(l, 'SURVEY_ANSWERS_FILE')}.xlsx`,
    sheet: { name: t(l, 'SURVEY_SHEET_ANSWERS'), columns },
    rows: rows(),
  };
}
