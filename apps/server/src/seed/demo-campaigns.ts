// The demo campaign of 示范市: the “四创联万家，共建幸福城” activity of the Jiaozuo notice (its five
// activities, the 五个一 weekly duties, the 四方座谈会, the leading group of the five organisers),
// with monthly themes from the Wanping notice, a concentrated publicity day at the six places of the
// Zaoqiang plan and two 城市清洁日. Its period lies around the seed time (four months behind, two
// ahead), so the ledger of ~230 tasks has a past (mostly accepted, some returned, late or still
// open), a present (drafts, reports waiting for review) and a future. Every report, review,
// reminder and escalation is planned in memory with the seed's PRNG and logged as the service
// and its scheduler would; every insert is set-based. The texts and the ledger itself are in
// demo-campaigns-content.ts.

import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { sql } from 'kysely';
import type { TaskStatus } from '@cc/common/campaigns';
import { expandRecurrence, type RecurrenceRule } from '../modules/campaigns/campaigns.recurrence.js';
import { localDate } from '../platform/calendar.js';
import type { Executor } from '../platform/db.js';
import { storeFile } from '../platform/files.js';
import { t } from '../platform/i18n.js';
import {
  ACCEPT_NOTES,
  ACTIVITIES,
  DESCRIPTION,
  NAME,
  ORGANISERS,
  PHOTOS,
  PUBLICITY_PLACES,
  RETURN_REASONS,
  ROADSIDE_UNITS,
  taskSpecs,
  THEME_ORDER,
  THEMES,
  TITLES,
  type EventKey,
  type Schedule,
  type TaskSpec,
} from './demo-campaigns-content.js';
import { storeDemoPhotos, type DemoCasesContext } from './demo-cases.js';

/** What the cases seed gets too (`now`: the campaign started about four months before it). */
export interface DemoCampaignsContext extends Pick<DemoCasesContext, 'cityId' | 'config' | 'now' | 'rand' | 'units'> {
  /** The city's root region: the campaign belongs to it. */
  rootId: number;
  /** Communities with the unit paired with each (分包联建). */
  communities: readonly Pick<DemoCasesContext['communities'][number], 'id' | 'name' | 'pairedUnitId'>[];
  /** The demo accounts with their unit. */
  users: readonly Omit<DemoCasesContext['users'][number], 'regionId'>[];
}

export interface DemoCampaignsResult {
  campaignId: number;
  tasks: number;
  instances: number;
  reports: number;
  logs: number;
  events: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const CHINA = 8 * HOUR;
/** The campaign's reminder and escalation settings (the column defaults). */
const REMIND_DAYS_BEFORE = 3;
const ESCALATE_EVERY_DAYS = 3;
/** How long after midnight, or after a step, the scheduler's tick comes. */
const TICK = 40_000;

interface UnitInfo {
  id: number;
  name: string;
  type: string;
  liaison: string | null;
}

/** Seeds the campaign and its ledger into the demo city (an empty campaign side), in `trx`. */
export async function seedDemoCampaigns(trx: Executor, ctx: DemoCampaignsContext): Promise<DemoCampaignsResult> {
  const { cityId, rand } = ctx;
  const now = ctx.now.getTime();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const chance = (p: number) => rand() < p;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

  // Days: UTC day numbers of the city's calendar dates; instants at local wall-clock minutes.
  const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
  const dayAt = (ms: number) => Math.floor((ms + CHINA) / DAY);
  const instant = (day: number, minutes: number) => day * DAY + minutes * MINUTE - CHINA;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const weekday = (day: number) => ((new Date(day * DAY).getUTCDay() + 6) % 7) + 1;
  const onOrAfter = (day: number, wd: number) => day + ((wd - weekday(day) + 7) % 7);
  const today = dayOf(localDate(ctx.now));
  const [year, month] = dateOf(today).split('-').map(Number);
  const monthDay = (offset: number, d: number) => Date.UTC(year, month - 1 + offset, d) / DAY;
  const start = monthDay(-4, 1);
  const end = monthDay(2, 0);
  const createdOn = start - 3;

  const user = (username: string) => {
    const found = ctx.users.find((u) => u.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return found;
  };
  const admin = user('admin');
  const focusUnit = user('unit').unitId!;
  const unitRows = await trx
    .selectFrom('units')
    .select(['id', 'name', 'type', 'liaison_name'])
    .where('city_id', '=', cityId)
    .orderBy('id')
    .execute();
  const units: UnitInfo[] = unitRows.map((u) => ({ id: u.id, name: u.name, type: u.type, liaison: u.liaison_name }));
  const unitByName = new Map(units.map((u) => [u.name, u]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const unit = (name: string) => {
    const found = unitByName.get(name);
    if (!found || ctx.units.get(name) !== found.id) throw new Error(`demo unit ${name} is missing`);
    return found;
  };
  const namesOf = (...types: string[]) => units.filter((u) => types.includes(u.type)).map((u) => u.name);
  const communityOf = new Map<number, string>();
  for (const c of ctx.communities) if (!communityOf.has(c.pairedUnitId)) communityOf.set(c.pairedUnitId, c.name);
  /** Who acts for a unit: its demo account when it has one, else its liaison by name. */
  const unitActors = new Map(
    ctx.users.filter((u) => u.unitId !== null && u.username !== 'canvasser').map((u) => [u.unitId!, u]),
  );
  const unitActor = (unitId: number) => {
    const account = unitActors.get(unitId);
    if (account) return { id: account.id as number | null, name: account.displayName };
    const u = unitById.get(unitId)!;
    return { id: null, name: `${u.name} ${u.liaison ?? ''}`.trim() };
  };

  // ------------------------------------------------------------------------------------------
  // Files: photos, the notice and two evidence documents
  // ------------------------------------------------------------------------------------------

  const docs = {
    notice: {
      name: '关于开展“四创联万家，共建幸福城”活动的通知.docx',
      title: '关于开展“四创联万家，共建幸福城”活动的通知',
    },
    plan: { name: '“四创联万家，共建幸福城”活动实施方案.docx', title: '活动实施方案' },
    minutes: { name: '“四方”服务“四城联创”座谈会会议纪要.docx', title: '座谈会会议纪要' },
  };
  const [photoIds, noticeBytes, planBytes, minutesBytes] = await Promise.all([
    storeDemoPhotos(
      trx,
      ctx,
      PHOTOS.map((p, i) => ({ ...p, name: `示例照片-${p.label}.jpg`, userId: i < 2 ? user('unit').id : admin.id })),
    ),
    demoDocument('关于开展“四创联万家，共建幸福城”活动的通知', [
      '全市各级机关党组织、妇联、学校：',
      DESCRIPTION,
      ...ACTIVITIES.map((a, i) => `${i + 1}.${a.name}。${a.content}`),
    ]),
    demoDocument('“四创联万家，共建幸福城”活动实施方案', [
      '为认真落实市委市直机关工委等五部门《关于开展“四创联万家，共建幸福城”活动的通知》要求，结合本单位实际，制定本方案。',
      '一、成立工作专班。由主要负责同志任组长，分管负责同志任副组长，各科室负责人为成员。',
      '二、细化分解任务。对照通知要求逐项分解，建立工作台帐，明确责任人和完成时限。',
      '三、落实分包责任。组织党员干部到分包社区和居住社区报到，每周开展“五个一”活动。',
    ]),
    demoDocument('“四方”服务“四城联创”座谈会会议纪要', [
      '参会：分包联建机关支部、社区支部、物业公司、业主委员会代表。',
      '议题：楼院环境卫生整治、车辆停放秩序、垃圾分类投放、服务创建“金点子”征集。',
      '议定事项：一、机关支部每月组织党员到社区开展一次集中志愿服务；二、物业公司一周内清理楼道堆积物；三、业主委员会牵头制定楼院文明公约。',
    ]),
  ]);
  const photo = new Map(PHOTOS.map((p, i) => [p.label, photoIds[i]]));
  const fileIds: Record<string, string> = {};
  for (const [key, buffer] of [
    ['notice', noticeBytes],
    ['plan', planBytes],
    ['minutes', minutesBytes],
  ] as const) {
    const stored = await storeFile(trx, ctx.config, {
      cityId,
      userId: admin.id,
      name: docs[key].name,
      buffer,
      now: new Date(instant(createdOn, 600)),
    });
    fileIds[key] = stored.id;
  }

  // ------------------------------------------------------------------------------------------
  // The campaign, its leading group, documents, activities and themes
  // ------------------------------------------------------------------------------------------

  const group = await trx
    .insertInto('groups')
    .values({
      city_id: cityId,
      kind: 'leading_group',
      name: `${NAME}领导小组`,
      duty: '市委市直机关工委、市妇联、市教育局、示范日报社、示范广播电视台联合成立，统筹推进创建任务的落实',
      lead_unit_id: unit('市委市直机关工委').id,
      created_at: new Date(instant(createdOn, 570)),
      updated_at: new Date(instant(createdOn, 570)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO group_members (city_id, group_id, person_id, role, sort)
    SELECT ${cityId}, ${group.id}, p.id,
           CASE WHEN p.ord = 1 THEN '组长' WHEN p.rank = 1 THEN '副组长' ELSE '成员' END, p.ord - 1
    FROM (
      SELECT id, rank, row_number() OVER (ORDER BY rank, array_position(${ORGANISERS.map((n) => unit(n).id)}::bigint[], unit_id)) AS ord
      FROM (SELECT id, unit_id, row_number() OVER (PARTITION BY unit_id ORDER BY id) AS rank
            FROM people WHERE city_id = ${cityId} AND unit_id = ANY(${ORGANISERS.map((n) => unit(n).id)}::bigint[])) x
      WHERE rank <= 2
    ) p`.execute(trx);

  const campaignCreated = new Date(instant(createdOn, 600));
  const campaign = await trx
    .insertInto('campaigns')
    .values({
      city_id: cityId,
      region_id: ctx.rootId,
      name: NAME,
      titles: TITLES,
      starts_on: dateOf(start),
      ends_on: dateOf(end),
      phase: 'normal',
      description: DESCRIPTION,
      leading_group_id: group.id,
      scope_all_units: true,
      remind_days_before: REMIND_DAYS_BEFORE,
      escalate_every_days: ESCALATE_EVERY_DAYS,
      created_by: admin.id,
      created_at: campaignCreated,
      updated_at: campaignCreated,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const campaignId = campaign.id;
  await trx
    .insertInto('campaign_documents')
    .values({
      city_id: cityId,
      campaign_id: campaignId,
      file_id: fileIds.notice,
      title: docs.notice.title,
      sort: 0,
      created_at: campaignCreated,
    })
    .execute();
  const activityRows = await sql<{ id: number }>`
    INSERT INTO campaign_activities (city_id, campaign_id, name, content, participants, organiser_unit_ids, starts_on, ends_on,
                                     sort, created_at, updated_at)
    SELECT ${cityId}, ${campaignId}, n, c, p, coalesce(string_to_array(o, ',')::bigint[], '{}'), ${dateOf(start)}::date,
           ${dateOf(end)}::date, ord::int, ${campaignCreated}, ${campaignCreated}
    FROM unnest(${ACTIVITIES.map((a) => a.name)}::text[], ${ACTIVITIES.map((a) => a.content)}::text[],
                ${ACTIVITIES.map((a) => a.participants)}::text[],
                ${ACTIVITIES.map((a) => a.organisers.map((n) => unit(n).id).join(','))}::text[])
         WITH ORDINALITY AS x(n, c, p, o, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const activityIds = activityRows.rows.map((r) => r.id);
  const months = THEME_ORDER.map((_, i) => dateOf(monthDay(i - 4, 1)));
  await sql`
    INSERT INTO campaign_themes (city_id, campaign_id, month, title, description, created_at, updated_at)
    SELECT ${cityId}, ${campaignId}, m, ti, d, ${campaignCreated}, ${campaignCreated}
    FROM unnest(${months}::date[], ${THEME_ORDER.map((i) => THEMES[i][0])}::text[],
                ${THEME_ORDER.map((i) => THEMES[i][1])}::text[]) AS x(m, ti, d)`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // Events: the 四方座谈会, the concentrated publicity day, two 城市清洁日 (the second ahead)
  // ------------------------------------------------------------------------------------------

  const focusCommunity = communityOf.get(focusUnit) ?? '幸福社区';
  const eventDay: Record<EventKey, number> = {
    meeting: onOrAfter(start + 30, 4),
    publicity: onOrAfter(start + 50, 6),
    cleanup1: onOrAfter(start + 85, 6),
    cleanup2: onOrAfter(today + 8, 6),
  };
  const events: {
    key: EventKey;
    kind: string;
    title: string;
    from: number;
    to: number;
    place: string;
    organiser: string;
    participants: string;
    attendance: number | null;
    outcome: string | null;
    photos: string[];
    files: string[];
  }[] = [
    {
      key: 'meeting',
      kind: 'meeting',
      title: `${focusCommunity}“四方”服务“四城联创”座谈会`,
      from: instant(eventDay.meeting, 15 * 60),
      to: instant(eventDay.meeting, 17 * 60),
      place: `${focusCommunity}党群服务中心`,
      organiser: unitById.get(focusUnit)!.name,
      participants: `分包联建机关支部（${unitById.get(focusUnit)!.name}机关第一党支部）、${focusCommunity}党支部、物业公司、业主委员会`,
      attendance: 26,
      outcome:
        '收集服务创建“金点子”12条；议定机关支部每月组织一次集中志愿服务、物业公司一周内清理楼道堆积物、业主委员会牵头制定楼院文明公约等5项共建事项。',
      photos: [photo.get('四方座谈会')!],
      files: [fileIds.minutes],
    },
    {
      key: 'publicity',
      kind: 'publicity',
      title: '创建文明城市集中宣传日',
      from: instant(eventDay.publicity, 8 * 60 + 30),
      to: instant(eventDay.publicity, 11 * 60 + 30),
      place: PUBLICITY_PLACES.map(([p]) => p).join('、'),
      organiser: '市文明办',
      participants: '各单位指派人员、志愿者',
      attendance: 236,
      outcome:
        '发放明白纸、致全体市民倡议书和《示范文明市民手册》共1.2万份，现场解答群众咨询600余人次，收集意见建议85条。',
      photos: [photo.get('集中宣传')!, photo.get('宣传横幅')!],
      files: [],
    },
    // The 城市清洁日: the past one with its record, the coming one still to be held.
    ...(['cleanup1', 'cleanup2'] as const).map((key) => ({
      key,
      kind: 'cleanup',
      title: '“清洁城市、美化家园”城市清洁日',
      from: instant(eventDay[key], 8 * 60),
      to: instant(eventDay[key], 11 * 60),
      place: '各单位责任区、分包社区',
      organiser: '市城市管理局',
      participants: '驻区单位干部职工、社区居民、志愿者',
      ...(key === 'cleanup1'
        ? {
            attendance: 1850,
            outcome: '清理暴露垃圾36吨，清除非法小广告4200余处，清洗栏杆、灯杆、公交站牌等公共设施1100余处。',
            photos: [photo.get('城市清洁日')!],
          }
        : { attendance: null, outcome: null, photos: [] }),
      files: [],
    })),
  ];
  const eventRows = await sql<{ id: number }>`
    INSERT INTO campaign_events (city_id, campaign_id, kind, title, starts_at, ends_at, place, organiser_unit_id, participants,
                                 attendance, outcome, photos, files, created_by, created_at, updated_at)
    SELECT ${cityId}, ${campaignId}, k, ti, f, t, pl, o, pa, a, oc, coalesce(string_to_array(ph, ','), '{}'),
           coalesce(string_to_array(fi, ','), '{}'), ${admin.id}, c, greatest(c, least(t, ${iso(now)}::timestamptz))
    FROM unnest(${events.map((e) => e.kind)}::text[], ${events.map((e) => e.title)}::text[],
                ${events.map((e) => iso(e.from))}::timestamptz[], ${events.map((e) => iso(e.to))}::timestamptz[],
                ${events.map((e) => e.place)}::text[], ${events.map((e) => unit(e.organiser).id)}::bigint[],
                ${events.map((e) => e.participants)}::text[], ${events.map((e) => e.attendance)}::int[],
                ${events.map((e) => e.outcome)}::text[], ${events.map((e) => e.photos.join(',') || null)}::text[],
                ${events.map((e) => e.files.join(',') || null)}::text[],
                ${events.map((e) => iso(Math.min(e.from - 9 * DAY, now - HOUR)))}::timestamptz[])
         WITH ORDINALITY AS x(k, ti, f, t, pl, o, pa, a, oc, ph, fi, c, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const eventId = new Map(events.map((e, i) => [e.key, eventRows.rows[i].id]));
  await sql`
    INSERT INTO campaign_event_places (city_id, event_id, place, unit_ids, sort)
    SELECT ${cityId}, ${eventId.get('publicity')!}, p, string_to_array(u, ',')::bigint[], ord::int - 1
    FROM unnest(${PUBLICITY_PLACES.map(([p]) => p)}::text[],
                ${PUBLICITY_PLACES.map(([, us]) => us.map((n) => unit(n).id).join(','))}::text[]) WITH ORDINALITY AS x(p, u, ord)`.execute(
    trx,
  );
  const placeOf = new Map(PUBLICITY_PLACES.flatMap(([p, us]) => us.map((n) => [unit(n).id, p] as const)));

  // ------------------------------------------------------------------------------------------
  // The ledger
  // ------------------------------------------------------------------------------------------

  const specs = taskSpecs({
    start,
    end,
    today,
    createdOn: createdOn + 1,
    eventDay,
    units: { namesOf, all: units.map((u) => u.name) },
  });
  const batchRows = await sql<{ id: number }>`
    SELECT nextval('campaign_task_batches')::bigint AS id FROM generate_series(1, ${specs.length}::int)`.execute(trx);

  interface TaskPlan {
    spec: TaskSpec;
    batchId: number;
    unit: UnitInfo;
    responsible: string | null;
    createdAt: number;
    /** The schedule's columns: due_on, or repeat_from, repeat_until and repeat_day. */
    dates: { due: string | null; from: string | null; until: string | null; day: number | null };
  }
  const datesOf = (s: Schedule) =>
    s.kind === 'once'
      ? { due: dateOf(s.due), from: null, until: null, day: null }
      : { due: null, from: dateOf(s.from), until: dateOf(s.until), day: s.day };
  const tasks: TaskPlan[] = specs.flatMap((spec, si) =>
    spec.leads.map((name) => ({
      spec,
      batchId: batchRows.rows[si].id,
      unit: unit(name),
      responsible: unit(name).liaison,
      createdAt: instant(spec.createdOn, 15 * 60 + si),
      dates: datesOf(spec.schedule),
    })),
  );
  const col = <T>(fn: (p: TaskPlan) => T) => tasks.map(fn);
  const taskRows = await sql<{ id: number }>`
    INSERT INTO campaign_tasks (city_id, campaign_id, activity_id, batch_id, source_clause, content, standard, lead_unit_id,
                                cooperating_unit_ids, responsible_name, recurrence, due_on, repeat_from, repeat_until,
                                repeat_day, evidence_photos, evidence_files, metric_name, metric_unit, weight, note,
                                created_by, created_at, updated_at)
    SELECT ${cityId}, ${campaignId}, a, b, sc, c, st, u, coalesce(string_to_array(co, ',')::bigint[], '{}'), rn, r, d, rf, ru,
           rd, ph, fi, mn, mu, w, n, ${admin.id}, ca, ca
    FROM unnest(${col((p) => (p.spec.activity === null ? null : activityIds[p.spec.activity]))}::bigint[],
                ${col((p) => p.batchId)}::bigint[], ${col((p) => p.spec.clause)}::text[], ${col((p) => p.spec.content)}::text[],
                ${col((p) => p.spec.standard)}::text[], ${col((p) => p.unit.id)}::bigint[],
                ${col((p) => (p.spec.cooperating ?? []).map((n) => unit(n).id).join(',') || null)}::text[],
                ${col((p) => p.responsible)}::text[], ${col((p) => p.spec.schedule.kind)}::text[],
                ${col((p) => p.dates.due)}::date[], ${col((p) => p.dates.from)}::date[],
                ${col((p) => p.dates.until)}::date[], ${col((p) => p.dates.day)}::smallint[],
                ${col((p) => p.spec.photos ?? 0)}::smallint[],
                ${col((p) => p.spec.files ?? 0)}::smallint[], ${col((p) => p.spec.metric?.name ?? null)}::text[],
                ${col((p) => p.spec.metric?.unit ?? null)}::text[], ${col((p) => p.spec.weight)}::numeric[],
                ${col((p) => p.spec.note ?? null)}::text[], ${col((p) => iso(p.createdAt))}::timestamptz[])
         WITH ORDINALITY AS x(a, b, sc, c, st, u, co, rn, r, d, rf, ru, rd, ph, fi, mn, mu, w, n, ca, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);
  const taskIds = taskRows.rows.map((r) => r.id);

  // ------------------------------------------------------------------------------------------
  // Instances and their report cycle, planned in memory
  // ------------------------------------------------------------------------------------------

  type StepKind = 'save_draft' | 'submit' | 'accept' | 'return';
  interface Step {
    kind: StepKind;
    at: number;
    note?: string | null;
  }
  interface InstancePlan {
    task: TaskPlan;
    taskIndex: number;
    periodStart: string;
    periodEnd: string;
    label: string;
    due: number;
    steps: Step[];
    /** When the scheduler reminded, and escalated (instants). */
    reminded: number | null;
    escalations: number[];
  }
  const instances: InstancePlan[] = tasks.flatMap((task, taskIndex) =>
    expandRecurrence(ruleOf(task.spec.schedule, dateOf)).map((p) => ({
      task,
      taskIndex,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      label: p.label,
      due: dayOf(p.dueOn),
      steps: [],
      reminded: null,
      escalations: [],
    })),
  );

  /** Target outcome of an instance by how far its due date lies behind or ahead. */
  type Target = 'accepted' | 'accepted_late' | 'submitted' | 'returned' | 'in_progress' | 'not_started';
  const roll = (shares: [Target, number][]): Target => {
    let x = rand();
    for (const [target, share] of shares) {
      x -= share;
      if (x < 0) return target;
    }
    return shares[shares.length - 1][0];
  };
  const targetOf = (i: InstancePlan, windowStart: number): Target => {
    const age = today - i.due;
    if (windowStart > today) return 'not_started';
    // Long past: settled, but for the odd unit that never reported.
    if (age >= 45) {
      return roll([
        ['accepted', 0.88],
        ['accepted_late', 0.105],
        ['returned', 0.005],
        ['not_started', 0.01],
      ]);
    }
    if (age >= 10) {
      return roll([
        ['accepted', 0.83],
        ['accepted_late', 0.09],
        ['submitted', 0.01],
        ['returned', 0.02],
        ['in_progress', 0.015],
        ['not_started', 0.035],
      ]);
    }
    if (age > 0) {
      return roll([
        ['accepted', 0.4],
        ['accepted_late', 0.05],
        ['submitted', 0.27],
        ['returned', 0.1],
        ['in_progress', 0.08],
        ['not_started', 0.1],
      ]);
    }
    if (age > -7) {
      return roll([
        ['accepted', 0.08],
        ['submitted', 0.22],
        ['in_progress', 0.3],
        ['not_started', 0.4],
      ]);
    }
    return age > -30
      ? roll([
          ['submitted', 0.02],
          ['in_progress', 0.06],
          ['not_started', 0.92],
        ])
      : 'not_started';
  };

  /** The first day a unit can report: the period has begun, the task exists, the event took place. */
  const windowOf = (i: InstancePlan) => {
    const created = dayAt(i.task.createdAt);
    return Math.max(dayOf(i.periodStart), created, i.task.spec.reportFrom ?? created);
  };
  // The demo `unit` account's unit: its two latest weekly duties are overdue, its latest monthly
  // report was returned, its latest 三包三化 report waits for review, and its next weekly report
  // was returned before it is due.
  const forced = new Map<InstancePlan, Target>();
  const focusPast = (match: (s: TaskSpec) => boolean) =>
    instances
      .filter((i) => i.task.unit.id === focusUnit && match(i.task.spec) && i.due < today)
      .sort((a, b) => b.due - a.due);
  const weekly = focusPast((s) => s.schedule.kind === 'weekly');
  if (weekly[0]) forced.set(weekly[0], 'in_progress');
  if (weekly[1]) forced.set(weekly[1], 'not_started');
  const monthly = focusPast((s) => s.schedule.kind === 'monthly' && s.activity === null);
  if (monthly[0]) forced.set(monthly[0], 'returned');
  const roadside = focusPast((s) => s.leads === ROADSIDE_UNITS);
  if (roadside[0]) forced.set(roadside[0], 'submitted');
  const upcoming = instances.find(
    (i) =>
      i.task.unit.id === focusUnit &&
      i.task.spec.schedule.kind === 'weekly' &&
      i.due >= today &&
      windowOf(i) < today - 1,
  );
  if (upcoming) forced.set(upcoming, 'returned');

  const nowMinutes = (now + CHINA - today * DAY) / MINUTE;
  for (const i of instances) {
    const windowStart = windowOf(i);
    const isForced = forced.has(i);
    // Apart from the outcomes above, the demo unit has done its past work.
    const diligent =
      i.task.unit.id === focusUnit && i.due < today ? (chance(0.85) ? 'accepted' : 'accepted_late') : null;
    // Nothing is done today before office hours; forced outcomes must hold whatever the time of
    // day, so their steps happen by yesterday noon.
    const lastDay = isForced || nowMinutes < 10 * 60 ? today - 1 : today;
    const target = windowStart > lastDay ? 'not_started' : (forced.get(i) ?? diligent ?? targetOf(i, windowStart));
    const unitMinutes = () => (isForced ? int(8 * 60 + 30, 10 * 60) : int(8 * 60 + 30, 21 * 60));
    const officeMinutes = () => (isForced ? int(8 * 60 + 40, 10 * 60) : int(8 * 60 + 40, 17 * 60 + 30));
    let cursor = Math.max(i.task.createdAt, instant(windowStart, 8 * 60));
    const at = (day: number, minutes: number) => {
      const wanted = instant(Math.min(Math.max(day, windowStart), lastDay), minutes);
      cursor = wanted > cursor ? wanted : cursor + int(20, isForced ? 40 : 240) * MINUTE;
      return cursor;
    };
    const submitDay = (late: boolean) =>
      late
        ? Math.min(i.due + int(1, 5), lastDay)
        : Math.min(i.due - int(0, Math.max(0, Math.min(6, i.due - windowStart))), lastDay);
    const steps: Step[] = [];
    const submitRound = (day: number) => {
      if (chance(0.3)) steps.push({ kind: 'save_draft', at: at(day - int(0, 2), unitMinutes()) });
      steps.push({ kind: 'submit', at: at(day, unitMinutes()) });
    };
    const review = (kind: 'accept' | 'return', after: number) =>
      steps.push({
        kind,
        at: at(after, officeMinutes()),
        note: kind === 'return' ? pick(RETURN_REASONS) : pick(ACCEPT_NOTES),
      });
    switch (target) {
      case 'accepted':
      case 'accepted_late': {
        let day = submitDay(target === 'accepted_late');
        submitRound(day);
        if (chance(0.12)) {
          day += int(1, 2);
          review('return', day);
          day += int(1, 3);
          submitRound(day);
        }
        review('accept', day + int(0, 3));
        break;
      }
      case 'submitted':
      case 'returned': {
        let day = submitDay(i.due < today && chance(0.4));
        if (target === 'submitted' && chance(0.2) && day < lastDay - 2) {
          submitRound(day);
          review('return', day + 1);
          day += int(2, 3);
        }
        submitRound(day);
        if (target === 'returned') review('return', day + int(1, 2));
        break;
      }
      case 'in_progress':
        steps.push({
          kind: 'save_draft',
          at: at(windowStart + int(0, Math.max(0, lastDay - windowStart)), unitMinutes()),
        });
        if (chance(0.3)) steps.push({ kind: 'save_draft', at: at(lastDay, unitMinutes()) });
        break;
      case 'not_started':
        break;
    }
    // Nothing happens after the seed time: later steps are dropped (the outcome is an earlier one).
    const cut = steps.findIndex((s) => s.at > now - MINUTE);
    i.steps = cut < 0 ? steps : steps.slice(0, cut);

    // The scheduler ticks every minute: one reminder from `remind_days_before` days before the due
    // date, escalations from the day after it and again every `escalate_every_days` days — at the
    // first tick of a day on which the instance is open (just after midnight, or after a return).
    const statusAt = (ms: number) => replay(i.steps.filter((s) => s.at <= ms));
    const open = (ms: number) => ['not_started', 'in_progress', 'returned'].includes(statusAt(ms));
    const firstOpen = (day: number, from: number): number | null => {
      const dayEnd = instant(day + 1, 0);
      const returns = i.steps
        .filter((s) => s.kind === 'return' && s.at >= from && s.at < dayEnd)
        .map((s) => s.at + TICK);
      return [from, ...returns].find((ms) => ms < dayEnd && ms <= now && open(ms)) ?? null;
    };
    const remindFrom = Math.max(instant(i.due - REMIND_DAYS_BEFORE, 0), i.task.createdAt) + TICK;
    for (let day = dayAt(remindFrom); day <= i.due && i.reminded === null; day++) {
      i.reminded = firstOpen(day, Math.max(remindFrom, instant(day, 0) + TICK));
    }
    let last: number | null = null;
    for (let day = i.due + 1; instant(day, 0) + TICK <= now; day++) {
      if (last !== null && day < last + ESCALATE_EVERY_DAYS) continue;
      const at = firstOpen(day, instant(day, 0) + TICK);
      if (at === null) continue;
      i.escalations.push(at);
      last = day;
    }
  }

  const statusOf = (i: InstancePlan) => replay(i.steps);
  const lastOf = (i: InstancePlan, kind: StepKind) => i.steps.findLast((s) => s.kind === kind)?.at ?? null;
  const icol = <T>(fn: (i: InstancePlan) => T) => instances.map(fn);
  const instanceRows = await sql<{ id: number }>`
    INSERT INTO task_instances (city_id, campaign_id, task_id, activity_id, unit_id, weight, period_start, period_end, due_on,
                                label, status, active, submitted_at, accepted_at, returned_at, return_count, reminded_on,
                                escalated_on, escalation_count, updated_at)
    SELECT ${cityId}, ${campaignId}, t.id, t.activity_id, t.lead_unit_id, t.weight, x.ps, x.pe, x.d, x.l, x.s, true, x.sa,
           x.aa, x.ra, x.rc, x.rm, x.eo, x.ec, x.u
    FROM unnest(${icol((i) => taskIds[i.taskIndex])}::bigint[], ${icol((i) => i.periodStart)}::date[],
                ${icol((i) => i.periodEnd)}::date[], ${icol((i) => dateOf(i.due))}::date[], ${icol((i) => i.label)}::text[],
                ${icol(statusOf)}::text[], ${icol((i) => iso(lastOf(i, 'submit')))}::timestamptz[],
                ${icol((i) => iso(lastOf(i, 'accept')))}::timestamptz[], ${icol((i) => iso(lastOf(i, 'return')))}::timestamptz[],
                ${icol((i) => i.steps.filter((s) => s.kind === 'return').length)}::int[],
                ${icol((i) => (i.reminded === null ? null : dateOf(dayAt(i.reminded))))}::date[],
                ${icol((i) => (i.escalations.length ? dateOf(dayAt(i.escalations.at(-1)!)) : null))}::date[],
                ${icol((i) => i.escalations.length)}::int[],
                ${icol((i) => iso(Math.max(i.task.createdAt, i.steps.at(-1)?.at ?? 0, i.reminded ?? 0, ...i.escalations)))}::timestamptz[])
         WITH ORDINALITY AS x(tid, ps, pe, d, l, s, sa, aa, ra, rc, rm, eo, ec, u, ord)
    JOIN campaign_tasks t ON t.id = x.tid
    ORDER BY x.ord
    RETURNING id`.execute(trx);
  const instanceId = new Map(instances.map((i, n) => [i, instanceRows.rows[n].id]));

  // ------------------------------------------------------------------------------------------
  // Reports: one per submission (reviewed or waiting), one draft while in progress
  // ------------------------------------------------------------------------------------------

  interface ReportRow {
    instanceId: number;
    status: string;
    body: string;
    metric: number | null;
    photos: string[];
    files: string[];
    events: number[];
    by: { id: number | null; name: string };
    createdAt: number;
    updatedAt: number;
    submittedAt: number | null;
    reviewedAt: number | null;
    note: string | null;
  }
  const reports: ReportRow[] = [];
  /** The report each step wrote: drafts and the submission share one row, its review updates it. */
  const reportOf = new Map<Step, number>();
  for (const i of instances) {
    const { spec, unit: u } = i.task;
    const evidence = () => {
      const n = spec.metric ? int(spec.metric.min, spec.metric.max) : null;
      const body = pick(spec.bodies)
        .replaceAll('{unit}', u.name)
        .replaceAll('{community}', communityOf.get(u.id) ?? '居住社区')
        .replaceAll('{place}', placeOf.get(u.id) ?? '指定点位')
        .replaceAll('{label}', i.label)
        .replaceAll('{n}', String(n ?? ''));
      const labels = spec.photoLabels ?? [];
      return {
        body,
        metric: n,
        photos: Array.from({ length: Math.min(spec.photos ?? 0, labels.length) }, (_, k) => photo.get(labels[k])!),
        files: spec.file ? [fileIds[spec.file]] : [],
        events:
          spec.event && (!spec.event.unit || unit(spec.event.unit).id === u.id) ? [eventId.get(spec.event.key)!] : [],
      };
    };
    let draftAt: number | null = null;
    let draftFirst: number | null = null;
    let round = 0;
    for (const [k, s] of i.steps.entries()) {
      if (s.kind === 'save_draft') {
        draftFirst ??= s.at;
        draftAt = s.at;
        reportOf.set(s, reports.length);
      } else if (s.kind === 'submit') {
        const review = i.steps[k + 1];
        const reviewed = review && (review.kind === 'accept' || review.kind === 'return') ? review : null;
        reportOf.set(s, reports.length);
        if (reviewed) reportOf.set(reviewed, reports.length);
        const e = evidence();
        reports.push({
          instanceId: instanceId.get(i)!,
          status: reviewed ? (reviewed.kind === 'accept' ? 'accepted' : 'returned') : 'submitted',
          ...e,
          body: round > 0 ? `已按审核意见补充完善。${e.body}` : e.body,
          by: unitActor(u.id),
          createdAt: draftFirst ?? s.at,
          updatedAt: reviewed?.at ?? s.at,
          submittedAt: s.at,
          reviewedAt: reviewed?.at ?? null,
          note: reviewed?.note ?? null,
        });
        draftAt = null;
        draftFirst = null;
        round++;
      }
    }
    if (draftAt !== null) {
      const e = evidence();
      reports.push({
        instanceId: instanceId.get(i)!,
        status: 'draft',
        ...e,
        // A draft is work in progress: part of the text, not all the evidence yet.
        body: e.body.slice(0, Math.max(12, Math.floor(e.body.length / 2))),
        photos: e.photos.slice(0, 1),
        by: unitActor(u.id),
        createdAt: draftFirst!,
        updatedAt: draftAt,
        submittedAt: null,
        reviewedAt: null,
        note: null,
      });
    }
  }
  const rcol = <T>(fn: (r: ReportRow) => T) => reports.map(fn);
  const reportRows = await sql<{ id: number }>`
    INSERT INTO task_reports (city_id, instance_id, status, body, metric_value, photos, files, event_ids, created_by,
                              created_by_name, created_at, updated_at, submitted_at, reviewed_by, reviewed_by_name,
                              reviewed_at, review_note)
    SELECT ${cityId}, i, s, b, m, coalesce(string_to_array(ph, ','), '{}'), coalesce(string_to_array(fi, ','), '{}'),
           coalesce(string_to_array(ev, ',')::bigint[], '{}'), cb, cn, ca, ua, sa,
           CASE WHEN ra IS NULL THEN NULL ELSE ${admin.id}::bigint END,
           CASE WHEN ra IS NULL THEN NULL ELSE ${admin.displayName} END, ra, n
    FROM unnest(${rcol((r) => r.instanceId)}::bigint[], ${rcol((r) => r.status)}::text[], ${rcol((r) => r.body)}::text[],
                ${rcol((r) => r.metric)}::numeric[], ${rcol((r) => r.photos.join(',') || null)}::text[],
                ${rcol((r) => r.files.join(',') || null)}::text[], ${rcol((r) => r.events.join(',') || null)}::text[],
                ${rcol((r) => r.by.id)}::bigint[], ${rcol((r) => r.by.name)}::text[], ${rcol((r) => iso(r.createdAt))}::timestamptz[],
                ${rcol((r) => iso(r.updatedAt))}::timestamptz[], ${rcol((r) => iso(r.submittedAt))}::timestamptz[],
                ${rcol((r) => iso(r.reviewedAt))}::timestamptz[], ${rcol((r) => r.note)}::text[])
         WITH ORDINALITY AS x(i, s, b, m, ph, fi, ev, cb, cn, ca, ua, sa, ra, n, ord)
    ORDER BY ord
    RETURNING id`.execute(trx);

  // ------------------------------------------------------------------------------------------
  // The task log: creation of each task, every step, reminder and escalation, in time order
  // ------------------------------------------------------------------------------------------

  interface LogRow {
    taskId: number;
    instanceId: number | null;
    at: number;
    actor: { id: number | null; name: string };
    action: string;
    from: string | null;
    to: string | null;
    note: string | null;
    data: string | null;
  }
  const system = { id: null, name: t('zh-CN', 'SYSTEM_ACTOR') };
  const office = { id: admin.id as number | null, name: admin.displayName };
  const counts = new Map<number, number>();
  for (const i of instances) counts.set(i.taskIndex, (counts.get(i.taskIndex) ?? 0) + 1);
  const logs: LogRow[] = tasks.map((task, n) => ({
    taskId: taskIds[n],
    instanceId: null,
    at: task.createdAt,
    actor: office,
    action: 'create',
    from: null,
    to: null,
    note: null,
    data: JSON.stringify({ batchId: task.batchId, source: 'form', instances: counts.get(n) ?? 0 }),
  }));
  for (const i of instances) {
    const base = { taskId: taskIds[i.taskIndex], instanceId: instanceId.get(i)! };
    let status: TaskStatus = 'not_started';
    for (const s of i.steps) {
      const to = nextStatus(s.kind);
      logs.push({
        ...base,
        at: s.at,
        actor: s.kind === 'accept' || s.kind === 'return' ? office : unitActor(i.task.unit.id),
        action: s.kind,
        from: status,
        to,
        note: s.note ?? null,
        data: JSON.stringify({ reportId: reportRows.rows[reportOf.get(s)!].id }),
      });
      status = to;
    }
    const scheduled = [
      ...(i.reminded === null ? [] : [{ action: 'remind', at: i.reminded, count: 0 }]),
      ...i.escalations.map((at, k) => ({ action: 'escalate', at, count: k + 1 })),
    ];
    for (const { action, at, count } of scheduled) {
      const current = replay(i.steps.filter((step) => step.at <= at));
      logs.push({
        ...base,
        at,
        actor: system,
        action,
        from: current,
        to: current,
        note: null,
        data: JSON.stringify(action === 'remind' ? { dueOn: dateOf(i.due) } : { dueOn: dateOf(i.due), count }),
      });
    }
  }
  // Log ids follow time, as they would in real use.
  logs.sort((a, b) => a.at - b.at || a.taskId - b.taskId);
  const lcol = <T>(fn: (l: LogRow) => T) => logs.map(fn);
  await sql`
    INSERT INTO task_logs (city_id, task_id, instance_id, at, actor_id, actor_name, action, from_status, to_status, note, data)
    SELECT ${cityId}, ti, ii, a, ai, an, ac, f, t, n, d::jsonb
    FROM unnest(${lcol((l) => l.taskId)}::bigint[], ${lcol((l) => l.instanceId)}::bigint[], ${lcol((l) => iso(l.at))}::timestamptz[],
                ${lcol((l) => l.actor.id)}::bigint[], ${lcol((l) => l.actor.name)}::text[], ${lcol((l) => l.action)}::text[],
                ${lcol((l) => l.from)}::text[], ${lcol((l) => l.to)}::text[], ${lcol((l) => l.note)}::text[],
                ${lcol((l) => l.data)}::text[]) WITH ORDINALITY AS x(ti, ii, a, ai, an, ac, f, t, n, d, ord)
    ORDER BY ord`.execute(trx);

  return {
    campaignId,
    tasks: tasks.length,
    instances: instances.length,
    reports: reports.length,
    logs: logs.length,
    events: events.length,
  };
}

function nextStatus(kind: 'save_draft' | 'submit' | 'accept' | 'return'): TaskStatus {
  return ({ save_draft: 'in_progress', submit: 'submitted', accept: 'accepted', return: 'returned' } as const)[kind];
}

/** The status after a sequence of steps. */
function replay(steps: readonly { kind: 'save_draft' | 'submit' | 'accept' | 'return' }[]): TaskStatus {
  const last = steps.at(-1);
  return last ? nextStatus(last.kind) : 'not_started';
}

function ruleOf(s: Schedule, dateOf: (day: number) => string): RecurrenceRule {
  switch (s.kind) {
    case 'once':
      return { kind: 'once', dueOn: dateOf(s.due) };
    case 'weekly':
      return { kind: 'weekly', from: dateOf(s.from), until: dateOf(s.until), weekday: s.day };
    case 'monthly':
    case 'quarterly':
      return { kind: s.kind, from: dateOf(s.from), until: dateOf(s.until), day: s.day };
  }
}

/** A plain Word document: a title and paragraphs. */
export function demoDocument(title: string, paragraphs: string[]): Promise<Buffer> {
  const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: title, size: 44, font: { eastAsia: '方正小标宋简体' } })],
          }),
          ...paragraphs.map(
            (text) => new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text, size: 32, font })] }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
