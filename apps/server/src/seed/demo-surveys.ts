// Demo questionnaires of 示范市: 文明城市创建市民知晓率满意度调查 (residents, with a students'
// version; open, linked to the campaign, quotas per district) and 未成年人思想道德建设问卷 (students,
// parents, teachers; owned by the demo district account's district, closed last month) — about
// 5,000 answer sheets over the communities, each district with its own leaning so the cross-tabs
// differ. Sheets are generated in memory with the seed's PRNG, checked with the same checkAnswers
// a submission passes, and written set-based: responses, the counts they add to and the quotas'
// counts, consistent with what the public page would have written. Also used by the benchmark to generate its answers.

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import {
  checkAnswers,
  sheetKeys,
  type AnswerValue,
  type RespondentGroup,
  type SurveyOption,
  type SurveyQuestion,
} from '@cc/common/surveys';
import type { Executor } from '../platform/db.js';

export interface DemoSurveysContext {
  cityId: number;
  rootId: number;
  campaignId: number | null;
  now: Date;
  rand: () => number;
  communities: { id: number; districtId: number }[];
  users: { id: number; username: string; regionId: number | null }[];
}

const opts = (...labels: string[]): SurveyOption[] => labels.map((label, i) => ({ code: `o${i + 1}`, label }));
const SATISFACTION = opts('很满意', '比较满意', '一般', '不太满意', '很不满意', '不了解');
const SATISFACTION_SCORES = { o1: 100, o2: 80, o3: 60, o4: 30, o5: 0 };

function single(code: string, title: string, options: SurveyOption[], rate?: SurveyQuestion['rate']): SurveyQuestion {
  return { code, type: 'single', title, required: true, options, rate: rate ?? null };
}

const KNOWS_CWC = single('q1', '您是否知道本市正在创建全国文明城市？', opts('知道', '不知道'), {
  kind: 'awareness',
  positive: ['o1'],
});
const SUPPORTS_CWC = single('q3', '您是否支持本市创建全国文明城市？', opts('支持', '无所谓', '不支持'), {
  kind: 'support',
  positive: ['o1'],
});
const OVERALL_SCORE: SurveyQuestion = {
  code: 'q7',
  type: 'rating',
  title: '请您为本市文明城市创建的总体成效打分',
  required: true,
  min: 1,
  max: 10,
  minLabel: '很差',
  maxLabel: '很好',
  rate: { kind: 'satisfaction' },
};
const SUGGESTION: SurveyQuestion = {
  code: 'q9',
  type: 'text',
  title: '您对文明城市创建工作还有哪些意见和建议？',
  required: false,
  maxLength: 300,
};

export const DEMO_RESIDENT_QUESTIONS: SurveyQuestion[] = [
  KNOWS_CWC,
  single('q2', '您是否了解社会主义核心价值观的基本内容？', opts('了解', '部分了解', '不了解'), {
    kind: 'awareness',
    positive: ['o1', 'o2'],
  }),
  SUPPORTS_CWC,
  {
    code: 'q4',
    type: 'multiple',
    title: '您主要通过哪些渠道了解创建工作？（最多选三项）',
    required: true,
    maxChoices: 3,
    options: opts('电视广播', '报纸', '网络新媒体', '公益广告', '社区宣传', '其他'),
  },
  single('q5', '近一年您是否参加过志愿服务或文明创建活动？', opts('参加过多次', '参加过一次', '没有参加'), {
    kind: 'participation',
    positive: ['o1', 'o2'],
  }),
  {
    code: 'q6',
    type: 'matrix',
    title: '您对以下方面的满意程度',
    required: true,
    rows: opts('市容环境卫生', '交通秩序', '公共服务设施', '社区（小区）环境', '窗口单位服务'),
    options: SATISFACTION,
    rate: { kind: 'satisfaction', scores: SATISFACTION_SCORES },
  },
  OVERALL_SCORE,
  single('q8', '您对所在社区居民文明素质的评价', SATISFACTION, {
    kind: 'satisfaction',
    scores: SATISFACTION_SCORES,
  }),
  SUGGESTION,
];

export const DEMO_STUDENT_QUESTIONS: SurveyQuestion[] = [
  KNOWS_CWC,
  single('s1', '学校是否开展过文明城市主题教育活动？', opts('开展过', '没有', '不清楚'), {
    kind: 'awareness',
    positive: ['o1'],
  }),
  SUPPORTS_CWC,
  single('q5', '近一年你是否参加过学校或社区组织的志愿活动？', opts('参加过多次', '参加过一次', '没有参加'), {
    kind: 'participation',
    positive: ['o1', 'o2'],
  }),
  {
    code: 'q6',
    type: 'matrix',
    title: '你对以下方面的满意程度',
    required: true,
    rows: [
      { code: 'o1', label: '市容环境卫生' },
      { code: 'o2', label: '交通秩序' },
      { code: 's6', label: '校园周边环境' },
    ],
    options: SATISFACTION,
    rate: { kind: 'satisfaction', scores: SATISFACTION_SCORES },
  },
  OVERALL_SCORE,
  SUGGESTION,
];

const MINOR_AWARE = (title: string) =>
  single('m1', title, opts('知道', '听说过', '不知道'), { kind: 'awareness', positive: ['o1', 'o2'] });
const MINOR_SCHOOL: SurveyQuestion = {
  code: 'm3',
  type: 'rating',
  title: '对学校开展思想品德和心理健康教育的满意程度',
  required: true,
  min: 1,
  max: 5,
  minLabel: '很不满意',
  maxLabel: '很满意',
  rate: { kind: 'satisfaction' },
};
const MINOR_TEXT: SurveyQuestion = {
  code: 'm5',
  type: 'text',
  title: '对加强未成年人思想道德建设的建议',
  required: false,
  maxLength: 300,
};

export const DEMO_MINOR_VERSIONS: { group: RespondentGroup; title: string; questions: SurveyQuestion[] }[] = [
  {
    group: 'students',
    title: '学生卷',
    questions: [
      MINOR_AWARE('你是否知道“扣好人生第一粒扣子”的要求？'),
      single('m2', '本学期你是否参加过学校组织的志愿服务或劳动实践？', opts('参加过', '没有'), {
        kind: 'participation',
        positive: ['o1'],
      }),
      MINOR_SCHOOL,
      {
        code: 'm4',
        type: 'multiple',
        title: '你课余时间主要做什么？（可多选）',
        required: false,
        options: opts('阅读', '体育锻炼', '上网游戏', '兴趣班', '做家务', '其他'),
      },
      MINOR_TEXT,
    ],
  },
  {
    group: 'parents',
    title: '家长卷',
    questions: [
      MINOR_AWARE('您是否知道《中华人民共和国家庭教育促进法》？'),
      MINOR_SCHOOL,
      single('m6', '您是否支持学校开展劳动教育和志愿服务？', opts('支持', '无所谓', '不支持'), {
        kind: 'support',
        positive: ['o1'],
      }),
      MINOR_TEXT,
    ],
  },
  {
    group: 'teachers',
    title: '教师卷',
    questions: [
      MINOR_AWARE('您是否了解《未成年人思想道德建设实施纲要》？'),
      single('m2', '近一年您是否参加过未成年人思想道德建设相关培训？', opts('参加过', '没有'), {
        kind: 'participation',
        positive: ['o1'],
      }),
      MINOR_SCHOOL,
      single('m6', '您是否支持将志愿服务纳入学生综合素质评价？', opts('支持', '无所谓', '不支持'), {
        kind: 'support',
        positive: ['o1'],
      }),
    ],
  },
];

const SUGGESTIONS = [
  '希望加强背街小巷的环境卫生整治',
  '小区停车太乱，建议规划更多停车位',
  '公交站台的公益广告可以再多一些',
  '建议增加社区健身设施',
  '菜市场周边占道经营需要长期管理',
  '希望创建工作常态化，不要只在检查前突击',
  '夜间施工噪音扰民，请加强管理',
  '建议多开展面向老年人的文明宣传',
  '路口电动车闯红灯现象较多',
  '垃圾分类投放点要定时清运',
  '希望学校周边加强交通疏导',
  '多组织亲子志愿服务活动',
];

/**
 * One answer sheet for the questions, leaning by `lean` (about 0.8–1.2: above 1 more positive
 * answers). Choice options are weighted down the list (the first ones are the favourable ones in
 * these questionnaires), ratings lean high, text is written by about one in five.
 */
export function demoSheet(
  questions: readonly SurveyQuestion[],
  lean: number,
  rand: () => number,
): Record<string, AnswerValue> {
  const sheet: Record<string, AnswerValue> = {};
  const pickWeighted = (weights: number[]) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let x = rand() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  };
  const favour = (n: number, strength: number) =>
    Array.from({ length: n }, (_, i) => Math.pow(strength * lean, n - i) + (i === n - 1 ? 0.15 : 0));
  for (const q of questions) {
    const options = q.options ?? [];
    switch (q.type) {
      case 'single':
        sheet[q.code] = options[pickWeighted(favour(options.length, 2.2))].code;
        break;
      case 'multiple': {
        const chosen = options.filter((_, i) => rand() < (0.55 - i * 0.07) * lean).map((o) => o.code);
        const max = q.maxChoices ?? options.length;
        const list = chosen.slice(0, max);
        if (list.length === 0) list.push(options[Math.floor(rand() * options.length)].code);
        sheet[q.code] = list;
        break;
      }
      case 'rating': {
        const min = q.min ?? 1;
        const max = q.max ?? 5;
        const weights = Array.from({ length: max - min + 1 }, (_, i) => Math.pow(1.35 * lean, i));
        sheet[q.code] = min + pickWeighted(weights);
        break;
      }
      case 'matrix': {
        const cells: Record<string, string> = {};
        (q.rows ?? []).forEach((row, ri) => {
          const weights = favour(options.length, 1.7 - ri * 0.08).map((w, i) => (i === options.length - 1 ? 0.3 : w));
          cells[row.code] = options[pickWeighted(weights)].code;
        });
        sheet[q.code] = cells;
        break;
      }
      case 'text':
        if (rand() < 0.2) sheet[q.code] = SUGGESTIONS[Math.floor(rand() * SUGGESTIONS.length)];
        break;
    }
  }
  return sheet;
}

export interface GeneratedResponses {
  versionIds: number[];
  regionIds: number[];
  deviceHashes: string[];
  answers: string[];
  keys: string[];
  submittedAt: Date[];
  /** version|region|question|answer → count */
  counts: Map<string, number>;
}

/** `n` sheets over the versions (with their shares) and communities (each district leaning its way). */
export function generateResponses(
  versions: { id: number; questions: SurveyQuestion[]; share: number }[],
  communities: { id: number; districtId: number }[],
  n: number,
  window: { from: Date; to: Date },
  rand: () => number,
): GeneratedResponses {
  const districts = [...new Set(communities.map((c) => c.districtId))];
  const lean = new Map(districts.map((d, i) => [d, 1.12 - (i % 5) * 0.07]));
  const out: GeneratedResponses = {
    versionIds: [],
    regionIds: [],
    deviceHashes: [],
    answers: [],
    keys: [],
    submittedAt: [],
    counts: new Map(),
  };
  const shares = versions.reduce((a, v) => a + v.share, 0);
  // One draw of random bytes for all device hashes and keys (22 + 16 characters each).
  const random = randomBytes(n * 29).toString('base64url');
  const span = window.to.getTime() - window.from.getTime();
  for (let i = 0; i < n; i++) {
    let x = rand() * shares;
    const version = versions.find((v) => (x -= v.share) < 0) ?? versions[versions.length - 1];
    const community = communities[Math.floor(rand() * communities.length)];
    const sheet = demoSheet(version.questions, lean.get(community.districtId) ?? 1, rand);
    const checked = checkAnswers(version.questions, sheet);
    if (!checked.ok) throw new Error(`demo sheet refused: ${JSON.stringify(checked.issue)}`);
    out.versionIds.push(version.id);
    out.regionIds.push(community.id);
    out.deviceHashes.push(random.slice(i * 38, i * 38 + 22));
    out.answers.push(JSON.stringify(checked.answers));
    out.keys.push(random.slice(i * 38 + 22, i * 38 + 38));
    // Answers come in during the day, more in the evening.
    const day = Math.floor(rand() * Math.max(1, span / 86_400_000));
    const hour = [8, 10, 12, 19, 20, 21][Math.floor(rand() * 6)];
    out.submittedAt.push(
      new Date(
        Math.min(window.to.getTime() - 60_000, window.from.getTime() + day * 86_400_000 + (hour - 8) * 3_600_000),
      ),
    );
    for (const k of sheetKeys(version.questions, checked.answers)) {
      const key = `${version.id}|${community.id}|${k.question}|${k.answer}`;
      out.counts.set(key, (out.counts.get(key) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Writes generated responses and adds their counts (set-based; callable in batches). No limit
 * counters: the generated devices are random and never answer again.
 */
export async function insertResponses(
  db: Executor,
  cityId: number,
  surveyId: number,
  generated: GeneratedResponses,
): Promise<void> {
  const g = generated;
  await sql`
    INSERT INTO survey_responses (city_id, survey_id, version_id, region_id, device_hash, ip_hash, answers, idempotency_key,
      submitted_at)
    SELECT ${cityId}, ${surveyId}, u.version_id, u.region_id, u.device_hash, NULL, u.answers::jsonb, u.key, u.submitted_at
    FROM unnest(${g.versionIds}::bigint[], ${g.regionIds}::bigint[], ${g.deviceHashes}::text[], ${g.answers}::text[],
      ${g.keys}::text[], ${g.submittedAt.map((d) => d.toISOString())}::timestamptz[])
      AS u(version_id, region_id, device_hash, answers, key, submitted_at)
`.execute(db);
  const entries = [...g.counts.entries()].map(([key, count]) => ({ parts: key.split('|'), count }));
  await sql`
    INSERT INTO survey_answer_counts (city_id, survey_id, version_id, region_id, question_code, answer_key, count)
    SELECT ${cityId}, ${surveyId}, u.v, u.r, u.q, u.a, u.n
    FROM unnest(${entries.map((e) => Number(e.parts[0]))}::bigint[], ${entries.map((e) => Number(e.parts[1]))}::bigint[],
      ${entries.map((e) => e.parts[2])}::text[], ${entries.map((e) => e.parts.slice(3).join('|'))}::text[],
      ${entries.map((e) => e.count)}::int[]) AS u(v, r, q, a, n)
    ON CONFLICT (survey_id, version_id, region_id, question_code, answer_key)
    DO UPDATE SET count = survey_answer_counts.count + EXCLUDED.count`.execute(db);
}

async function insertSurvey(
  db: Executor,
  ctx: DemoSurveysContext,
  values: {
    title: string;
    intro: string;
    status: 'open' | 'closed';
    opensAt: Date;
    closesAt: Date;
    campaignId: number | null;
    regionId: number;
  },
  versions: { group: RespondentGroup; title: string | null; questions: SurveyQuestion[] }[],
) {
  const admin = ctx.users.find((u) => u.username === 'admin')?.id ?? null;
  const survey = await db
    .insertInto('surveys')
    .values({
      city_id: ctx.cityId,
      region_id: values.regionId,
      campaign_id: values.campaignId,
      title: values.title,
      intro: values.intro,
      status: values.status,
      opens_at: values.opensAt,
      closes_at: values.closesAt,
      public_token: randomBytes(18).toString('base64url'),
      hash_salt: randomBytes(24).toString('base64url'),
      per_device_limit: 1,
      per_ip_daily_limit: 50,
      created_by: admin,
      created_at: new Date(values.opensAt.getTime() - 3 * 86_400_000),
      updated_at: values.opensAt,
      opened_at: values.opensAt,
      closed_at: values.status === 'closed' ? values.closesAt : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [i, v] of versions.entries()) {
    const row = await db
      .insertInto('survey_versions')
      .values({
        city_id: ctx.cityId,
        survey_id: survey.id,
        respondent_group: v.group,
        title: v.title,
        questions: JSON.stringify(v.questions),
        sort: i + 1,
        created_at: values.opensAt,
        updated_at: values.opensAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { id: survey.id, versionIds: ids };
}

export async function seedDemoSurveys(db: Executor, ctx: DemoSurveysContext) {
  const day = 86_400_000;
  const now = ctx.now.getTime();

  // 1. Residents and students, open: three weeks in, one week to go; quotas per district.
  const cwc = await insertSurvey(
    db,
    ctx,
    {
      title: '文明城市创建市民知晓率满意度调查',
      intro:
        '为了解广大市民对我市创建全国文明城市工作的知晓、支持和满意情况，特开展本次调查。问卷匿名填写，约需 3 分钟，感谢您的参与！',
      status: 'open',
      opensAt: new Date(now - 21 * day),
      closesAt: new Date(now + 7 * day),
      campaignId: ctx.campaignId,
      regionId: ctx.rootId,
    },
    [
      { group: 'residents', title: '市民卷', questions: DEMO_RESIDENT_QUESTIONS },
      { group: 'students', title: '学生卷', questions: DEMO_STUDENT_QUESTIONS },
    ],
  );
  const cwcAnswers = generateResponses(
    [
      { id: cwc.versionIds[0], questions: DEMO_RESIDENT_QUESTIONS, share: 0.8 },
      { id: cwc.versionIds[1], questions: DEMO_STUDENT_QUESTIONS, share: 0.2 },
    ],
    ctx.communities,
    3600,
    { from: new Date(now - 21 * day), to: ctx.now },
    ctx.rand,
  );
  await insertResponses(db, ctx.cityId, cwc.id, cwcAnswers);
  const districts = [...new Set(ctx.communities.map((c) => c.districtId))];
  const quota = Math.ceil(4500 / districts.length / 50) * 50;
  await sql`
    INSERT INTO survey_quotas (city_id, survey_id, region_id, quota, counted)
    SELECT ${ctx.cityId}, ${cwc.id}, d.id, ${quota},
      (SELECT count(*)::int FROM survey_responses sr JOIN regions r ON r.id = sr.region_id
        WHERE sr.survey_id = ${cwc.id} AND r.path LIKE rd.path || '%')
    FROM unnest(${districts}::bigint[]) AS d(id) JOIN regions rd ON rd.id = d.id`.execute(db);

  // 2. Minors' moral education in the district of the demo district account: students, parents
  // and teachers; closed ten days ago.
  const districtId = ctx.users.find((u) => u.username === 'district')?.regionId ?? districts[0];
  const own = ctx.communities.filter((c) => c.districtId === districtId);
  const minors = await insertSurvey(
    db,
    ctx,
    {
      title: '未成年人思想道德建设问卷',
      intro: '本问卷用于了解我市未成年人思想道德建设工作情况，分学生、家长、教师三类，匿名填写。',
      status: 'closed',
      opensAt: new Date(now - 45 * day),
      closesAt: new Date(now - 10 * day),
      campaignId: ctx.campaignId,
      regionId: districtId,
    },
    DEMO_MINOR_VERSIONS,
  );
  const minorAnswers = generateResponses(
    DEMO_MINOR_VERSIONS.map((v, i) => ({
      id: minors.versionIds[i],
      questions: v.questions,
      share: [0.55, 0.3, 0.15][i],
    })),
    own.length > 0 ? own : ctx.communities,
    1400,
    { from: new Date(now - 45 * day), to: new Date(now - 10 * day) },
    ctx.rand,
  );
  await insertResponses(db, ctx.cityId, minors.id, minorAnswers);
  return { surveys: 2, responses: cwcAnswers.answers.length + minorAnswers.answers.length };
}
