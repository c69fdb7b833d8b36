// Campaigns through the API: creating and editing with clear refusals, the phase switch and its
// audit entry, activities and themes, the calendar, bulk assignment (500 units in one
// transaction, all or nothing), and who sees what.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { as, createUser } from '../../../test/harness.js';
import {
  assign,
  makeActivity,
  makeCampaign,
  setUp,
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

function fieldPaths(body: string): string[] {
  return ((JSON.parse(body) as { details?: { fields?: { path: string }[] } }).details?.fields ?? []).map((f) => f.path);
}

describe('creating a campaign', () => {
  it('saves titles, period, scope, leading group and documents, and audits it', async () => {
    const group = await env.db
      .insertInto('groups')
      .values({ city_id: city.cityId, kind: 'leading_group', name: '活动领导小组', lead_unit_id: city.unitA })
      .returning('id')
      .executeTakeFirstOrThrow();
    const campaign = await makeCampaign(people.admin, {
      titles: ['civilized_city', 'garden_city', 'forest_city'],
      description: '以模范机关创建带动文明家庭创建',
      leadingGroupId: group.id,
      scope: { unitTypes: ['school'], unitIds: [city.unitA, city.unitB] },
      remindDaysBefore: 5,
    });
    const detail = (await people.admin.get(`/api/campaigns/${campaign.id}`)).json();
    expect(detail).toMatchObject({
      phase: 'normal',
      status: 'active',
      titles: ['civilized_city', 'garden_city', 'forest_city'],
      leadingGroup: { id: group.id, name: '活动领导小组' },
      scope: { allUnits: false, unitTypes: ['school'] },
      remindDaysBefore: 5,
      escalateEveryDays: 3,
      canManage: true,
    });
    expect(detail.scope.units.map((u: { id: number }) => u.id).sort()).toEqual([city.unitA, city.unitB].sort());
    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'campaign')
      .where('entity_id', '=', String(campaign.id))
      .execute();
    expect(audit).toEqual([{ action: 'campaign.create', actor_id: people.adminId }]);
  });

  it('refuses an end before the start, an empty scope, unknown units and files, in the user’s language', async () => {
    const base = { name: '测试活动', titles: ['civilized_city'], startsOn: '2026-03-01', endsOn: '2026-12-31' };
    const bad = await people.admin.post('/api/campaigns', { ...base, endsOn: '2026-02-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('结束日期不能早于开始日期');
    expect(fieldPaths(bad.body)).toEqual(['body/endsOn']);
    const en = await env.app.inject({
      method: 'POST',
      url: '/api/campaigns',
      headers: { cookie: people.admin.cookie, 'x-csrf-token': people.admin.csrf, 'accept-language': 'en-US' },
      payload: { ...base, endsOn: '2026-02-01' },
    });
    expect(en.json().message).toBe('The end date cannot be before the start date');
    expect((await people.admin.post('/api/campaigns', { ...base, scope: {} })).statusCode).toBe(400);
    expect((await people.admin.post('/api/campaigns', { ...base, scope: { unitIds: [99_999_999] } })).statusCode).toBe(
      400,
    );
    const noFile = await people.admin.post('/api/campaigns', {
      ...base,
      documents: [{ fileId: 'a'.repeat(64), title: '通知' }],
    });
    expect(noFile.statusCode).toBe(400);
    expect((await people.admin.post('/api/campaigns', { ...base, titles: [] })).statusCode).toBe(400);
    expect((await people.admin.post('/api/campaigns', { ...base, titles: ['capital'] })).statusCode).toBe(400);
    const count = await env.db
      .selectFrom('campaigns')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('city_id', '=', city.cityId)
      .where('name', '=', '测试活动')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('switches the phase with an audit entry, and refuses a switch to the same phase', async () => {
    const campaign = await makeCampaign(people.admin);
    const res = await people.admin.post(`/api/campaigns/${campaign.id}/phase`, {
      phase: 'pre_inspection',
      note: '国家测评组11月入驻',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'pre_inspection' });
    expect(res.json().phaseChangedAt).toBeTruthy();
    const again = await people.admin.post(`/api/campaigns/${campaign.id}/phase`, { phase: 'pre_inspection' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('迎检');
    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['before', 'after', 'message'])
      .where('action', '=', 'campaign.phase')
      .where('entity_id', '=', String(campaign.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      before: { phase: 'normal' },
      after: { phase: 'pre_inspection' },
      message: '国家测评组11月入驻',
    });
    // Units cannot switch it.
    expect((await people.staffA.post(`/api/campaigns/${campaign.id}/phase`, { phase: 'normal' })).statusCode).toBe(403);
  });

  it('keeps the period around the tasks already planned', async () => {
    const campaign = await makeCampaign(people.admin);
    await assign(people.admin, campaign.id, [city.unitA], { dueOn: '2026-06-30' });
    const res = await people.admin.patch(`/api/campaigns/${campaign.id}`, { endsOn: '2026-05-31' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('2026-06-30');
    const ok = await people.admin.patch(`/api/campaigns/${campaign.id}`, { endsOn: '2026-07-31', name: '新名称' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ endsOn: '2026-07-31', name: '新名称' });
  });
});

describe('activities, themes and the calendar', () => {
  it('keeps activities and monthly themes inside the campaign and shows them on the calendar', async () => {
    const campaign = await makeCampaign(people.admin);
    const outside = await people.admin.post(`/api/campaigns/${campaign.id}/activities`, {
      name: '小手拉大手',
      startsOn: '2026-02-01',
      endsOn: '2026-04-01',
    });
    expect(outside.statusCode).toBe(400);
    const activity = await people.admin.post(`/api/campaigns/${campaign.id}/activities`, {
      name: '小手拉大手，共创幸福城',
      content: '网上班会和征文活动',
      organiserUnitIds: [city.school],
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    });
    expect(activity.statusCode, activity.body).toBe(201);
    expect(activity.json()).toMatchObject({
      organiserUnits: [{ id: city.school, name: '东区第一小学' }],
      taskCount: 0,
    });
    const theme = await people.admin.post(`/api/campaigns/${campaign.id}/themes`, {
      month: '2026-03',
      title: '学雷锋志愿服务月',
    });
    expect(theme.statusCode, theme.body).toBe(201);
    const taken = await people.admin.post(`/api/campaigns/${campaign.id}/themes`, {
      month: '2026-03',
      title: '文明交通月',
    });
    expect(taken.statusCode).toBe(400);
    expect(
      (await people.admin.post(`/api/campaigns/${campaign.id}/themes`, { month: '2027-01', title: '科普月' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await people.admin.post(`/api/campaigns/${campaign.id}/themes`, { month: '2026-13', title: '科普月' }))
        .statusCode,
    ).toBe(400);
    await people.admin.post(`/api/campaigns/${campaign.id}/themes`, { month: '2026-04', title: '文明交通月' });

    await assign(people.admin, campaign.id, [city.unitA, city.unitB], {
      activityId: activity.json().id,
      dueOn: '2026-03-20',
    });
    const calendar = await people.admin.get(`/api/campaigns/${campaign.id}/calendar?from=2026-03-01&to=2026-03-31`);
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().themes.map((t: { title: string }) => t.title)).toEqual(['学雷锋志愿服务月']);
    expect(calendar.json().activities).toHaveLength(1);
    expect(calendar.json().dues).toEqual([{ date: '2026-03-20', total: 2, open: 2, overdue: 0 }]);

    // An activity with tasks cannot be deleted; an empty one can.
    expect((await people.admin.delete(`/api/campaign-activities/${activity.json().id}`)).statusCode).toBe(409);
    const empty = await makeActivity(people.admin, campaign.id, '四城联创大家说');
    expect((await people.admin.delete(`/api/campaign-activities/${empty.id}`)).statusCode).toBe(200);
    const detail = (await people.admin.get(`/api/campaigns/${campaign.id}`)).json();
    expect(detail.activities.map((a: { name: string }) => a.name)).toEqual(['小手拉大手，共创幸福城']);
    expect(detail.themes.map((t: { month: string }) => t.month)).toEqual(['2026-03', '2026-04']);
  });
});

describe('bulk assignment', () => {
  it('assigns one task to 500 units in one transaction, with one instance per period', async () => {
    const names = Array.from({ length: 500 }, (_, i) => `批量单位${i}`);
    const rows = await env.db
      .insertInto('units')
      .values(names.map((name) => ({ city_id: city.cityId, name, type: 'agency', region_id: city.root.id })))
      .returning('id')
      .execute();
    const campaign = await makeCampaign(people.admin);
    const result = await assign(
      people.admin,
      campaign.id,
      rows.map((r) => r.id),
      { recurrence: 'monthly', repeatFrom: '2026-03-01', repeatUntil: '2026-08-31', repeatDay: 25, dueOn: undefined },
    );
    expect(result.taskIds).toHaveLength(500);
    expect(result.instances).toBe(500 * 6);
    const instances = await env.db
      .selectFrom('task_instances')
      .select(['due_on', 'label'])
      .where('task_id', '=', result.taskIds[0])
      .orderBy('due_on')
      .execute();
    expect(instances.map((i) => i.due_on)).toEqual([
      '2026-03-25',
      '2026-04-25',
      '2026-05-25',
      '2026-06-25',
      '2026-07-25',
      '2026-08-25',
    ]);
    expect(instances[0].label).toBe('2026-03');
    const list = await people.admin.get(`/api/campaign-tasks?batchId=${result.batchId}&pageSize=5`);
    expect(list.json().total).toBe(500);
    // The unit's head is the responsible person unless the office names one.
    const task = (await people.admin.get(`/api/campaign-tasks/${result.taskIds[0]}`)).json();
    expect(task.responsibleName).toBeNull();
  });

  it('refuses the whole batch when one unit is outside the scope, and saves nothing', async () => {
    const campaign = await makeCampaign(people.admin, { scope: { unitTypes: ['school'] } });
    const before = await env.db
      .selectFrom('campaign_tasks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await people.admin.post(`/api/campaigns/${campaign.id}/tasks`, {
      content: '印发致学生家长的一封信',
      recurrence: 'once',
      dueOn: '2026-04-10',
      unitIds: [city.school, city.unitA],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('有 1 个单位不在本活动的参与范围内，不能分派任务');
    expect(res.json().details.unitIds).toEqual([city.unitA]);
    const after = await env.db
      .selectFrom('campaign_tasks')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const ok = await assign(people.admin, campaign.id, [city.school], { content: '印发致学生家长的一封信' });
    const task = (await people.admin.get(`/api/campaign-tasks/${ok.taskIds[0]}`)).json();
    expect(task).toMatchObject({ responsibleName: '东区第一小学负责人', leadUnit: { id: city.school } });
  });

  it('refuses deadlines outside the campaign, recurrence without an end and bad days', async () => {
    const campaign = await makeCampaign(people.admin);
    const send = (body: Record<string, unknown>) =>
      people.admin.post(`/api/campaigns/${campaign.id}/tasks`, {
        content: '开展三包三化',
        unitIds: [city.unitA],
        ...body,
      });
    const early = await send({ recurrence: 'once', dueOn: '2026-02-27' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('完成时限不能早于活动开始日期（2026-03-01）');
    expect(fieldPaths(early.body)).toEqual(['body/dueOn']);
    expect((await send({ recurrence: 'once', dueOn: '2027-01-05' })).statusCode).toBe(400);
    expect((await send({ recurrence: 'once' })).json().message).toBe('一次性任务请填写完成时限');
    const open = await send({ recurrence: 'weekly', repeatFrom: '2026-03-02' });
    expect(open.statusCode).toBe(400);
    expect(open.json().message).toBe('周期性任务请填写结束日期');
    expect((await send({ recurrence: 'weekly', repeatUntil: '2026-06-30', repeatDay: 9 })).statusCode).toBe(400);
    expect(
      (await send({ recurrence: 'monthly', repeatFrom: '2026-05-01', repeatUntil: '2026-04-01' })).statusCode,
    ).toBe(400);
    expect(
      (await send({ recurrence: 'monthly', repeatFrom: '2026-05-26', repeatUntil: '2026-06-24', repeatDay: 25 })).json()
        .message,
    ).toBe('起止日期之间没有一期截止日，请调整日期或截止日');
    expect((await send({ recurrence: 'once', dueOn: '2026-04-01', weight: 0 })).statusCode).toBe(400);
    expect((await send({ recurrence: 'once', dueOn: '2026-04-31' })).statusCode).toBe(400);
    // Weekly 五个一 from the campaign's start: due every Sunday.
    const weekly = await send({ recurrence: 'weekly', repeatUntil: '2026-03-31', repeatDay: 7 });
    expect(weekly.statusCode, weekly.body).toBe(201);
    expect(weekly.json().instances).toBe(5);
  });
});

describe('who sees what', () => {
  it('a unit sees its own tasks and campaign only; another district’s office sees nothing of it', async () => {
    const campaign = await makeCampaign(people.admin, { name: '可见性测试' });
    const { taskIds } = await assign(people.admin, campaign.id, [city.unitA, city.unitB]);
    const [taskA, taskB] = taskIds;
    const listA = (await people.staffA.get(`/api/campaign-tasks?campaignId=${campaign.id}`)).json();
    expect(listA.items.map((t: { id: number }) => t.id)).toEqual([taskA]);
    expect((await people.staffA.get(`/api/campaign-tasks/${taskB}`)).statusCode).toBe(404);
    expect((await people.staffA.get(`/api/campaign-tasks/${taskA}`)).statusCode).toBe(200);
    const seen = (await people.staffA.get(`/api/campaigns/${campaign.id}`)).json();
    expect(seen).toMatchObject({ canManage: false, taskCount: 1, completion: { total: 1 } });
    // The district office of districts[0] follows unitA's task, read only.
    const district = (await people.district.get(`/api/campaign-tasks?campaignId=${campaign.id}`)).json();
    expect(district.items.map((t: { id: number }) => t.id)).toEqual([taskA]);
    expect((await people.district.patch(`/api/campaign-tasks/${taskA}`, { content: '改一下' })).statusCode).toBe(403);
    // A campaign with only unitB's tasks is invisible to them.
    const other = await makeCampaign(people.admin, { name: '西区专项' });
    await assign(people.admin, other.id, [city.unitB]);
    expect((await people.staffA.get(`/api/campaigns/${other.id}`)).statusCode).toBe(404);
    expect((await people.district.get(`/api/campaigns/${other.id}`)).statusCode).toBe(404);
    const campaignsA = (await people.staffA.get('/api/campaigns?pageSize=100')).json();
    expect(campaignsA.items.map((c: { id: number }) => c.id)).not.toContain(other.id);
  });

  it('a district office manages its own campaigns and cannot create one for the whole city', async () => {
    const res = await people.district.post('/api/campaigns', {
      name: '东区创卫',
      titles: ['sanitary_city'],
      startsOn: '2026-03-01',
      endsOn: '2026-12-31',
      regionId: city.root.id,
    });
    expect(res.statusCode).toBe(400);
    const own = await makeCampaign(people.district, { name: '东区创卫', scope: { regionIds: [city.districts[0].id] } });
    expect(own.canManage).toBe(true);
    // Its scope is the district: unitB (西区) cannot be given a task.
    const scope = (await people.district.get(`/api/campaigns/${own.id}/scope-units`)).json();
    expect(scope.items.map((u: { id: number }) => u.id).sort()).toEqual([city.unitA, city.school, city.unitA1].sort());
    expect((await people.admin.get(`/api/campaigns/${own.id}`)).json().canManage).toBe(true);
  });

  it('every route refuses the wrong role', async () => {
    const campaign = await makeCampaign(people.admin);
    const resident = await as(
      env.app,
      await createUser(env.db, city, ['resident'], { regionId: city.communities[0].id }),
    );
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/campaigns'],
      ['GET', `/api/campaigns/${campaign.id}`],
      ['GET', `/api/campaigns/${campaign.id}/overview`],
      ['GET', `/api/campaigns/${campaign.id}/calendar?from=2026-03-01&to=2026-03-31`],
      ['GET', '/api/campaign-tasks'],
      ['GET', '/api/task-instances'],
      ['GET', '/api/campaign-events'],
      ['POST', '/api/campaigns', {}],
      ['POST', `/api/campaigns/${campaign.id}/tasks`, {}],
    ];
    for (const [method, url, body] of routes) {
      const res = await resident.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    // Unit staff read but never plan.
    expect((await people.staffA.post('/api/campaigns', {})).statusCode).toBe(403);
    expect((await people.staffA.post(`/api/campaigns/${campaign.id}/tasks`, {})).statusCode).toBe(403);
    expect((await people.staffA.get(`/api/campaigns/${campaign.id}/scope-units`)).statusCode).toBe(403);
  });
});

describe('access matrix', () => {
  it('wrong role 403, another region or unit 404, the right role 2xx', async () => {
    // District 0 runs its own campaign; district 1 another, with a task for unitB only.
    const own = await makeCampaign(people.admin, { name: '东区活动', regionId: city.districts[0].id });
    const other = await makeCampaign(people.admin, { name: '西区活动', regionId: city.districts[1].id });
    const ownTask = (await assign(people.admin, own.id, [city.unitA])).taskIds[0];
    const otherTask = (await assign(people.admin, other.id, [city.unitB])).taskIds[0];
    const instanceOf = async (taskId: number) =>
      (await env.db.selectFrom('task_instances').select('id').where('task_id', '=', taskId).executeTakeFirstOrThrow())
        .id;
    const ownInstance = await instanceOf(ownTask);
    const otherInstance = await instanceOf(otherTask);
    const event = async (campaignId: number) =>
      (
        await people.admin.post(`/api/campaigns/${campaignId}/events`, {
          kind: 'cleanup',
          title: '城市清洁日',
          startsAt: '2026-04-04T01:00:00Z',
        })
      ).json().id as number;
    const ownEvent = await event(own.id);
    const otherEvent = await event(other.id);
    const pick = <T>(target: 'own' | 'other', a: T, b: T) => (target === 'own' ? a : b);

    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/campaigns/:id',
        allowed: 'region_staff',
        forbidden: 'resident',
        send: (c, t) => c.get(`/api/campaigns/${pick(t, own.id, other.id)}`),
      },
      {
        name: 'PATCH /api/campaigns/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.patch(`/api/campaigns/${pick(t, own.id, other.id)}`, { description: '更新说明' }),
      },
      {
        name: 'GET /api/campaigns/:id/overview',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/campaigns/${pick(t, own.id, other.id)}/overview`),
      },
      {
        name: 'POST /api/campaigns/:id/themes',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) =>
          c.post(`/api/campaigns/${pick(t, own.id, other.id)}/themes`, {
            month: t === 'own' ? '2026-05' : '2026-06',
            title: '文明交通月',
          }),
      },
      {
        name: 'PATCH /api/campaign-tasks/:id',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.patch(`/api/campaign-tasks/${pick(t, ownTask, otherTask)}`, { note: '备注' }),
      },
      {
        name: 'GET /api/campaign-tasks/:id',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'canvasser',
        send: (c, t) => c.get(`/api/campaign-tasks/${pick(t, ownTask, otherTask)}`),
      },
      {
        name: 'GET /api/task-instances/:id',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        send: (c, t) => c.get(`/api/task-instances/${pick(t, ownInstance, otherInstance)}`),
      },
      {
        name: 'POST /api/task-instances/:id/actions/save_draft',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'resident',
        send: (c, t) =>
          c.post(`/api/task-instances/${pick(t, ownInstance, otherInstance)}/actions/save_draft`, { body: '草稿' }),
      },
      {
        name: 'GET /api/campaign-events/:id',
        allowed: 'region_staff',
        forbidden: 'resident',
        send: (c, t) => c.get(`/api/campaign-events/${pick(t, ownEvent, otherEvent)}`),
      },
      {
        name: 'GET /api/campaign-tasks/export',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.get('/api/campaign-tasks/export'),
      },
    ]);
  });
});
