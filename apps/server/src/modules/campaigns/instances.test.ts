// The report cycle through the API: draft → submit with the evidence the task asks for → return
// with a reason → resubmit → accept, and everything refused on the way (wrong side, wrong status,
// missing or wrong evidence, a closed instance); the derived overdue status; completion per task,
// unit, activity and campaign against hand-computed figures; editing and cancelling; events cited
// as evidence; notifications to the other side.

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  act,
  assign,
  instancesOf,
  makeActivity,
  makeCampaign,
  setUp,
  step,
  uploadPdf,
  uploadPhoto,
  type CampaignCity,
  type CampaignPeople,
} from '../../../test/campaign-fixtures.js';
import type { TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: CampaignCity;
let people: CampaignPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUp());
});
afterAll(async () => env?.close());

const at = (iso: string) => (env.clock.now = new Date(iso));

describe('the report cycle', () => {
  it('runs draft → submit → return → resubmit → accept, with the evidence the task asks for', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin);
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA], {
      evidencePhotos: 1,
      evidenceFiles: 1,
      metricName: '悬挂横幅',
      metricUnit: '条',
    });
    const [instance] = await instancesOf(people.staffA, taskIds[0]);
    const photo = await uploadPhoto(env, people.staffA);
    const pdf = await uploadPdf(env, people.staffA);

    // The office cannot report for the unit; the unit cannot review.
    expect((await act(people.admin, instance.id, 'submit', { body: '已完成' })).statusCode).toBe(403);
    expect((await act(people.staffA, instance.id, 'accept')).statusCode).toBe(403);
    // Another unit does not even see it.
    expect((await act(people.staffB, instance.id, 'submit', { body: 'x' })).statusCode).toBe(404);

    const draft = await step(people.staffA, instance.id, 'save_draft', { body: '已起草方案', photos: [photo] });
    expect(draft).toMatchObject({ status: 'in_progress', draft: { body: '已起草方案', photos: [photo] }, reports: [] });

    // Submitting checks the evidence: text, the number, photos, files — and their type.
    const noMetric = await act(people.staffA, instance.id, 'submit', { files: [pdf] });
    expect(noMetric.statusCode).toBe(400);
    expect(noMetric.json().message).toBe('请填写“悬挂横幅”的数量');
    const pdfAsPhoto = await act(people.staffA, instance.id, 'submit', { photos: [pdf], metricValue: 12 });
    expect(pdfAsPhoto.statusCode).toBe(400);
    expect(pdfAsPhoto.json().message).toBe('照片栏只能上传图片，文档请放在附件栏');
    const noFile = await act(people.staffA, instance.id, 'submit', { metricValue: 12 });
    expect(noFile.json().message).toBe('该任务要求至少上传 1 个附件');
    expect((await act(people.staffA, instance.id, 'submit', { metricValue: -1, files: [pdf] })).statusCode).toBe(400);
    // Nothing of the refused submissions was kept.
    const still = (await people.staffA.get(`/api/task-instances/${instance.id}`)).json();
    expect(still).toMatchObject({ status: 'in_progress', reports: [], draft: { photos: [photo] } });

    const submitted = await step(people.staffA, instance.id, 'submit', { metricValue: 12, files: [pdf] });
    expect(submitted).toMatchObject({ status: 'submitted', draft: null });
    expect(submitted.reports).toHaveLength(1);
    expect(submitted.reports[0]).toMatchObject({ status: 'submitted', body: '已起草方案', photos: [photo] });
    expect(submitted.allowedActions).toEqual([]);
    // A second submit of the same instance is refused, not doubled.
    const twice = await act(people.staffA, instance.id, 'submit', { body: '再次报送', metricValue: 12, files: [pdf] });
    expect(twice.statusCode).toBe(409);

    const adminView = (await people.admin.get(`/api/task-instances/${instance.id}`)).json();
    expect(adminView.allowedActions).toEqual(['accept', 'return']);
    const noReason = await act(people.admin, instance.id, 'return', { note: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('请填写退回理由');
    const returned = await step(people.admin, instance.id, 'return', { note: '缺少主要负责人签字页' });
    expect(returned).toMatchObject({ status: 'returned', returnCount: 1 });
    expect(returned.reports[0]).toMatchObject({ status: 'returned', reviewNote: '缺少主要负责人签字页' });

    const unitView = (await people.staffA.get(`/api/task-instances/${instance.id}`)).json();
    expect(unitView.allowedActions).toEqual(['save_draft', 'submit']);
    const signed = await uploadPdf(env, people.staffA, 'signed');
    const again = await step(people.staffA, instance.id, 'submit', {
      body: '已补充签字页',
      photos: [photo],
      files: [signed],
      metricValue: 12,
    });
    expect(again.status).toBe('submitted');
    const accepted = await step(people.admin, instance.id, 'accept', { note: '材料齐全' });
    expect(accepted).toMatchObject({ status: 'accepted', displayStatus: 'accepted', allowedActions: [] });
    expect(accepted.reports.map((r) => r.status)).toEqual(['accepted', 'returned']);
    expect(accepted.log.map((l) => l.action)).toEqual(['accept', 'submit', 'return', 'submit', 'save_draft', 'create']);

    // An accepted instance is closed.
    for (const action of ['save_draft', 'submit'] as const) {
      const res = await act(people.staffA, instance.id, action, { body: '补充', metricValue: 1, files: [pdf] });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('已通过');
    }
    // Every step is audited.
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'task_instance')
      .where('entity_id', '=', String(instance.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'campaign.instance.save_draft',
      'campaign.instance.submit',
      'campaign.instance.return',
      'campaign.instance.submit',
      'campaign.instance.accept',
    ]);
    // The unit was told of the return and the acceptance.
    const notes = await env.db
      .selectFrom('notifications')
      .select(['kind', 'body'])
      .where('user_id', '=', people.staffAId)
      .where('kind', 'like', 'task.%')
      .orderBy('id')
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(['task.assigned', 'task.return', 'task.accept']);
    expect(notes[1].body).toContain('缺少主要负责人签字页');
  });

  it('links events of the campaign as evidence and refuses events of another', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin);
    const other = await makeCampaign(people.admin, { name: '另一个活动' });
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA], { content: '召开四方座谈会' });
    const [instance] = await instancesOf(people.staffA, taskIds[0]);
    // The unit records its own meeting.
    const meeting = await people.staffA.post(`/api/campaigns/${campaign.id}/events`, {
      kind: 'meeting',
      title: '服务四城联创四方座谈会',
      startsAt: '2026-03-05T07:00:00Z',
      place: '东社区党群服务中心',
      participants: '分包联建机关支部、社区支部、物业公司、业主委员会',
      attendance: 24,
      outcome: '收集金点子 12 条',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(meeting.json()).toMatchObject({ organiserUnit: { id: city.unitA }, canEdit: true });
    // It cannot claim another unit's event.
    const foreign = await people.staffA.post(`/api/campaigns/${campaign.id}/events`, {
      kind: 'meeting',
      title: '他人的会议',
      startsAt: '2026-03-05T07:00:00Z',
      organiserUnitId: city.unitB,
    });
    expect(foreign.statusCode).toBe(400);
    const elsewhere = await people.admin.post(`/api/campaigns/${other.id}/events`, {
      kind: 'cleanup',
      title: '城市清洁日',
      startsAt: '2026-03-06T01:00:00Z',
    });
    const wrong = await act(people.staffA, instance.id, 'submit', { body: '已召开', eventIds: [elsewhere.json().id] });
    expect(wrong.statusCode).toBe(400);
    const ok = await step(people.staffA, instance.id, 'submit', {
      body: '已召开座谈会',
      eventIds: [meeting.json().id],
    });
    expect(ok.reports[0]).toMatchObject({ status: 'submitted' });
    const event = (await people.admin.get(`/api/campaign-events/${meeting.json().id}`)).json();
    expect(event.linkedReports).toEqual([
      expect.objectContaining({ instanceId: instance.id, taskId: taskIds[0], content: '召开四方座谈会' }),
    ]);
  });

  it('records a publicity day with its places and assigned units', async () => {
    const campaign = await makeCampaign(people.admin);
    const res = await people.admin.post(`/api/campaigns/${campaign.id}/events`, {
      kind: 'publicity',
      title: '创建文明县城集中宣传日',
      startsAt: '2026-08-22T01:00:00Z',
      endsAt: '2026-08-22T04:00:00Z',
      organiserUnitId: city.unitA,
      places: [
        { place: '康成小区', unitIds: [city.unitA, city.school] },
        { place: '休闲广场', unitIds: [city.unitB] },
        { place: '火车站广场' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().places).toEqual([
      {
        place: '康成小区',
        units: [expect.objectContaining({ id: city.unitA }), expect.objectContaining({ id: city.school })],
      },
      { place: '休闲广场', units: [expect.objectContaining({ id: city.unitB })] },
      { place: '火车站广场', units: [] },
    ]);
    const late = await people.admin.post(`/api/campaigns/${campaign.id}/events`, {
      kind: 'publicity',
      title: '超出活动期',
      startsAt: '2027-01-22T01:00:00Z',
    });
    expect(late.statusCode).toBe(400);
    const backwards = await people.admin.patch(`/api/campaign-events/${res.json().id}`, {
      endsAt: '2026-08-21T01:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    // Unit B sees the campaign only through its tasks; it cannot edit the office's event.
    await assign(people.admin, campaign.id, [city.unitB]);
    expect((await people.staffB.get(`/api/campaign-events/${res.json().id}`)).json().canEdit).toBe(false);
    expect(
      (await people.staffB.patch(`/api/campaign-events/${res.json().id}`, { title: '改一下标题' })).statusCode,
    ).toBe(403);
    const list = (await people.staffB.get(`/api/campaign-events?campaignId=${campaign.id}`)).json();
    expect(list.total).toBe(1);
  });
});

describe('overdue and completion', () => {
  it('derives overdue from the due date and counts completion by weight', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin, { name: '完成率' });
    const activity = await makeActivity(people.admin, campaign.id);
    // Unit A: weekly (weight 1) Sundays 3-08 … 3-29 → 4 instances. Unit B: once on 3-10 (weight 3).
    const weekly = await assign(people.admin, campaign.id, [city.unitA], {
      activityId: activity.id,
      recurrence: 'weekly',
      dueOn: undefined,
      repeatFrom: '2026-03-02',
      repeatUntil: '2026-03-29',
      repeatDay: 7,
    });
    const once = await assign(people.admin, campaign.id, [city.unitB], { dueOn: '2026-03-10', weight: 3 });
    const weeks = await instancesOf(people.admin, weekly.taskIds[0]);
    expect(weeks.map((w) => w.dueOn)).toEqual(['2026-03-08', '2026-03-15', '2026-03-22', '2026-03-29']);
    const [onceInstance] = await instancesOf(people.admin, once.taskIds[0]);

    // Week 1 accepted, week 2 submitted; B's once task not done.
    for (const w of weeks.slice(0, 2)) await step(people.staffA, w.id, 'submit', { body: '本周五个一已完成' });
    await step(people.admin, weeks[0].id, 'accept');
    // Week 4 done early and accepted.
    await step(people.staffA, weeks[3].id, 'submit', { body: '提前完成' });
    await step(people.admin, weeks[3].id, 'accept');

    at('2026-03-17T02:00:00Z'); // 3-17: weeks 1–2 and B's task are due.
    const list = (await people.admin.get(`/api/task-instances?campaignId=${campaign.id}&status=overdue`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([onceInstance.id]);
    expect(list.items[0]).toMatchObject({ displayStatus: 'overdue', status: 'not_started', daysLeft: -7 });
    const open = (await people.staffA.get(`/api/task-instances?campaignId=${campaign.id}&open=true`)).json();
    expect(open.items.map((i: { dueOn: string }) => i.dueOn)).toEqual(['2026-03-22']);

    const overview = (await people.admin.get(`/api/campaigns/${campaign.id}/overview?unitSort=name`)).json();
    // Owed on 3-17: A weeks 1, 2 (+ week 4 accepted early) = 3 × 1, B once = 3 → 6; accepted 2.
    // Plan: 2 accepted of 4 × 1 + 3 = 7.
    expect(overview.total).toEqual({
      percent: 33.3,
      planPercent: 28.6,
      total: 5,
      counted: 4,
      accepted: 2,
      submitted: 1,
      overdue: 1,
    });
    expect(overview.byStatus).toEqual({ accepted: 2, submitted: 1, not_started: 1, overdue: 1 });
    const units = Object.fromEntries(
      overview.units.items.map((u: { unitId: number; completion: { percent: number } }) => [
        u.unitId,
        u.completion.percent,
      ]),
    );
    expect(units).toEqual({ [city.unitA]: 66.7, [city.unitB]: 0 });
    expect(overview.byActivity).toEqual([
      expect.objectContaining({ activityId: activity.id, completion: expect.objectContaining({ percent: 66.7 }) }),
      expect.objectContaining({ activityId: null, completion: expect.objectContaining({ percent: 0 }) }),
    ]);
    expect(overview.byMonth).toEqual([expect.objectContaining({ month: '2026-03' })]);
    // Lowest first by default; the unit sees only itself.
    const lowest = (await people.admin.get(`/api/campaigns/${campaign.id}/overview`)).json();
    expect(lowest.units.items[0].unitId).toBe(city.unitB);
    const mine = (await people.staffA.get(`/api/campaigns/${campaign.id}/overview`)).json();
    expect(mine.units.items.map((u: { unitId: number }) => u.unitId)).toEqual([city.unitA]);
    expect(mine.total.percent).toBe(66.7);

    const tasks = (await people.admin.get(`/api/campaign-tasks?campaignId=${campaign.id}&state=overdue`)).json();
    expect(tasks.items.map((t: { id: number }) => t.id)).toEqual([once.taskIds[0]]);
    const weeklyRow = (await people.admin.get(`/api/campaign-tasks/${weekly.taskIds[0]}`)).json();
    expect(weeklyRow.completion).toMatchObject({ percent: 66.7, accepted: 2, total: 4 });
    expect(weeklyRow.nextDueOn).toBe('2026-03-22');
    const listAll = (await people.admin.get(`/api/campaigns?q=${encodeURIComponent('完成率')}`)).json();
    expect(listAll.items[0].completion.percent).toBe(33.3);
  });
});

describe('editing and cancelling tasks', () => {
  it('reschedules a task nobody reported on, and locks the schedule once a unit reported', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin);
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA]);
    const moved = await people.admin.patch(`/api/campaign-tasks/${taskIds[0]}`, {
      recurrence: 'monthly',
      repeatFrom: '2026-04-01',
      repeatUntil: '2026-06-30',
      weight: 2,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().instances.map((i: { dueOn: string }) => i.dueOn)).toEqual([
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
    expect(moved.json().instances.every((i: { weight: number }) => i.weight === 2)).toBe(true);
    expect(moved.json().editableSchedule).toBe(true);
    const handover = await people.admin.patch(`/api/campaign-tasks/${taskIds[0]}`, { leadUnitId: city.unitB });
    expect(handover.statusCode, handover.body).toBe(200);
    expect(handover.json().leadUnit.id).toBe(city.unitB);
    const [first] = await instancesOf(people.admin, taskIds[0]);
    await step(people.staffB, first.id, 'save_draft', { body: '起草中' });
    const locked = await people.admin.patch(`/api/campaign-tasks/${taskIds[0]}`, { repeatUntil: '2026-09-30' });
    expect(locked.statusCode).toBe(409);
    // Content and weight stay editable.
    const text = await people.admin.patch(`/api/campaign-tasks/${taskIds[0]}`, {
      content: '每月报送创建工作进展',
      weight: 3,
    });
    expect(text.statusCode, text.body).toBe(200);
    expect(text.json()).toMatchObject({ content: '每月报送创建工作进展', weight: 3, editableSchedule: false });
    expect(text.json().log.map((l: { action: string }) => l.action)).toEqual([
      'update',
      'save_draft',
      'reschedule',
      'reschedule',
      'create',
    ]);
  });

  it('cancels a task with a reason; its instances leave the lists and reports are refused', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin);
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA]);
    const [instance] = await instancesOf(people.staffA, taskIds[0]);
    expect((await people.admin.post(`/api/campaign-tasks/${taskIds[0]}/cancel`, { reason: '' })).statusCode).toBe(400);
    const cancelled = await people.admin.post(`/api/campaign-tasks/${taskIds[0]}/cancel`, {
      reason: '任务合并到月度报送',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', instances: [] });
    expect((await people.admin.post(`/api/campaign-tasks/${taskIds[0]}/cancel`, { reason: '再次' })).statusCode).toBe(
      409,
    );
    expect((await act(people.staffA, instance.id, 'submit', { body: '完成' })).statusCode).toBe(404);
    const open = (await people.staffA.get(`/api/task-instances?campaignId=${campaign.id}`)).json();
    expect(open.total).toBe(0);
    const listed = (await people.admin.get(`/api/campaign-tasks?campaignId=${campaign.id}&state=cancelled`)).json();
    expect(listed.items.map((t: { id: number }) => t.id)).toEqual([taskIds[0]]);
  });

  it('refuses reports once the campaign is closed', async () => {
    at('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin);
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA]);
    const [instance] = await instancesOf(people.staffA, taskIds[0]);
    expect((await people.admin.patch(`/api/campaigns/${campaign.id}`, { status: 'closed' })).statusCode).toBe(200);
    const res = await act(people.staffA, instance.id, 'submit', { body: '完成' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('该创建活动已结束，不能再新增任务或报送');
    expect((await people.staffA.get(`/api/task-instances/${instance.id}`)).json().allowedActions).toEqual([]);
    expect(
      (
        await people.admin.post(`/api/campaigns/${campaign.id}/tasks`, {
          content: '新任务',
          recurrence: 'once',
          dueOn: '2026-04-01',
          unitIds: [city.unitA],
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('rollups', () => {
  it('equal the active instances after every kind of change made above', async () => {
    const unitRollups = await sql<{ k: string; n: number; w: number }>`
      SELECT campaign_id || '/' || unit_id || '/' || status AS k, n, w::float8 AS w FROM task_unit_rollups
      WHERE city_id = ${city.cityId} AND n <> 0 ORDER BY 1`.execute(env.db);
    const unitTruth = await sql<{ k: string; n: number; w: number }>`
      SELECT campaign_id || '/' || unit_id || '/' || status AS k, count(*)::int AS n, sum(weight)::float8 AS w
      FROM task_instances WHERE city_id = ${city.cityId} AND active GROUP BY 1 ORDER BY 1`.execute(env.db);
    expect(unitRollups.rows.length).toBeGreaterThanOrEqual(10);
    expect(unitRollups.rows).toEqual(unitTruth.rows);
    const periodRollups = await sql<{ k: string; n: number; w: number }>`
      SELECT campaign_id || '/' || activity_id || '/' || month || '/' || status AS k, n, w::float8 AS w
      FROM task_period_rollups WHERE city_id = ${city.cityId} AND n <> 0 ORDER BY 1`.execute(env.db);
    const periodTruth = await sql<{ k: string; n: number; w: number }>`
      SELECT campaign_id || '/' || coalesce(activity_id, 0) || '/' || date_trunc('month', due_on::timestamp)::date || '/' || status AS k,
        count(*)::int AS n, sum(weight)::float8 AS w
      FROM task_instances WHERE city_id = ${city.cityId} AND active GROUP BY 1 ORDER BY 1`.execute(env.db);
    expect(periodRollups.rows).toEqual(periodTruth.rows);
  });

  it('give the office the same figures per unit as each unit computes from its own instances', async () => {
    at('2026-03-17T02:00:00Z');
    const [campaign] = (await people.admin.get(`/api/campaigns?q=${encodeURIComponent('完成率')}`)).json().items;
    const office = (await people.admin.get(`/api/campaigns/${campaign.id}/overview`)).json();
    for (const [client, unitId] of [
      [people.staffA, city.unitA],
      [people.staffB, city.unitB],
    ] as const) {
      const own = (await client.get(`/api/campaigns/${campaign.id}/overview`)).json();
      const row = office.units.items.find((u: { unitId: number }) => u.unitId === unitId);
      expect(own.total).toEqual(row.completion);
      expect(own.units.items[0].completion).toEqual(row.completion);
    }
  });
});
