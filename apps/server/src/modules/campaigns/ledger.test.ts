// The Excel ledger: the import template, all-or-nothing import with a row/column report, and the
// export in the familiar layout with the screen's filters.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assign,
  instancesOf,
  makeActivity,
  makeCampaign,
  setUp,
  step,
  type CampaignCity,
  type CampaignPeople,
} from '../../../test/campaign-fixtures.js';
import { multipartBody } from '../../../test/fixtures.js';
import type { Client, TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: CampaignCity;
let people: CampaignPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUp());
});
afterAll(async () => env?.close());

const HEADER = [
  '序号',
  '所属活动',
  '来源条款',
  '工作任务*',
  '工作标准',
  '责任单位*',
  '配合单位',
  '责任人',
  '频次',
  '完成时限',
  '开始日期',
  '结束日期',
  '每期截止日',
  '照片数',
  '附件数',
  '数量指标',
  '计量单位',
  '权重',
  '备注',
];

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.addRow(HEADER);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, campaignId: number, file: Buffer) {
  const { payload, contentType } = multipartBody(file, { fileName: '工作台帐.xlsx' });
  return env.app.inject({
    method: 'POST',
    url: `/api/campaigns/${campaignId}/tasks/import`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType },
    payload,
  });
}

async function readSheet(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => {
    // Trailing empty cells are not stored.
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

describe('importing a ledger', () => {
  it('offers a template whose header it reads back', async () => {
    const campaign = await makeCampaign(people.admin);
    const res = await people.admin.get(`/api/campaigns/${campaign.id}/tasks/import-template`);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(HEADER);
  });

  it('reports every bad cell with its row and column, and saves nothing', async () => {
    const campaign = await makeCampaign(people.admin, { scope: { unitIds: [city.unitA, city.unitB] } });
    await makeActivity(people.admin, campaign.id, '单位下班社区报到');
    const file = await workbook([
      [
        1,
        '单位下班社区报到',
        '四、1',
        '组织党员干部社区报到',
        null,
        '东区城管局',
        null,
        '张三',
        '一次性',
        '2026-03-31',
      ],
      [2, '不存在的活动', null, '召开四方座谈会', null, '东区城管局', null, null, '一次性', '2026-04-15'],
      [3, null, null, '每周开展五个一', null, '东区第一小学', null, null, '每周', null, '2026-03-02', null, 7],
      [4, null, null, '提交方案', null, '东区城管局、不存在局', null, null, '一次性', '2026-02-01'],
      [5, null, null, '每月报送', null, '西区城管局', null, null, '每月', null, '2026-03-01', '2026-06-30', 25, 12],
    ]);
    const res = await upload(people.admin, campaign.id, file);
    expect(res.statusCode, res.body).toBe(422);
    const errors = res.json().details.errors as { row: number; column: string; message: string }[];
    expect(errors).toEqual([
      { row: 3, column: '所属活动', message: '找不到“不存在的活动”' },
      { row: 4, column: '责任单位', message: '“东区第一小学”不在本活动的参与范围内' },
      { row: 5, column: '责任单位', message: '找不到“不存在局”' },
      { row: 6, column: '照片数', message: '应在 0 至 9 之间' },
    ]);
    const tasks = await env.db
      .selectFrom('campaign_tasks')
      .select('id')
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(tasks).toEqual([]);
  });

  it('reports schedule problems on the cell that causes them', async () => {
    const campaign = await makeCampaign(people.admin);
    const file = await workbook([
      [1, null, null, '每周开展五个一', null, '东区城管局', null, null, '每周', null, '2026-03-02'],
      [2, null, null, '提交方案', null, '东区城管局', null, null, '一次性', '2026-02-01'],
      [3, null, null, '每月报送', null, '东区城管局', null, null, 'monthly', null, '2026-03-01', '2026-06-30', 45],
    ]);
    const res = await upload(people.admin, campaign.id, file);
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: '结束日期', message: '周期性任务请填写结束日期' },
      { row: 3, column: '完成时限', message: '完成时限不能早于活动开始日期（2026-03-01）' },
      { row: 4, column: '每期截止日', message: '截止日应为 1 至 31' },
    ]);
  });

  it('imports a valid ledger as one batch, one task per unit named in a row', async () => {
    const campaign = await makeCampaign(people.admin);
    const activity = await makeActivity(people.admin, campaign.id, '抓机关带家庭促社会');
    const file = await workbook([
      [
        1,
        '抓机关带家庭促社会',
        '四、2',
        '召开“四方”参与的服务四城联创座谈会',
        '机关支部、社区支部、物业公司和业主委员会参加',
        '东区城管局、西区城管局',
        '东区第一小学',
        null,
        '一次性',
        '2026-05-31',
        null,
        null,
        null,
        2,
        null,
        null,
        null,
        2,
        '会议纪要',
      ],
      [
        2,
        null,
        '四、1',
        '每周带领家庭成员开展五个一',
        null,
        '东区城管局',
        null,
        '王五',
        '每周',
        null,
        '2026-03-02',
        '2026-03-29',
        7,
        1,
        0,
        '参与人数',
        '人',
      ],
    ]);
    const res = await upload(people.admin, campaign.id, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ tasks: 3, instances: 1 + 1 + 4 });
    const list = (await people.admin.get(`/api/campaign-tasks?batchId=${res.json().batchId}&pageSize=10`)).json();
    expect(list.total).toBe(3);
    const meeting = list.items.find(
      (t: { leadUnit: { id: number }; activityId: number | null }) => t.leadUnit.id === city.unitB,
    );
    expect(meeting).toMatchObject({
      activityId: activity.id,
      sourceClause: '四、2',
      cooperatingUnits: [{ id: city.school, name: '东区第一小学' }],
      responsibleName: '张局长',
      weight: 2,
      evidence: { photos: 2, files: 0, metricName: null },
      note: '会议纪要',
    });
    const weekly = list.items.find((t: { recurrence: { kind: string } }) => t.recurrence.kind === 'weekly');
    expect(weekly).toMatchObject({
      responsibleName: '王五',
      recurrence: { kind: 'weekly', from: '2026-03-02', until: '2026-03-29', day: 7 },
      evidence: { photos: 1, metricName: '参与人数', metricUnit: '人' },
    });
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('after')
      .where('action', '=', 'campaign.ledger.import')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 2, tasks: 3 });
  });
});

describe('exporting the ledger', () => {
  it('writes 序号, 工作任务, 责任单位, 责任人, 完成时限, 完成情况, 备注 with the screen’s filters', async () => {
    env.clock.now = new Date('2026-03-02T02:00:00Z');
    const campaign = await makeCampaign(people.admin, { name: '导出测试' });
    const once = await assign(people.admin, campaign.id, [city.unitA, city.unitB], {
      content: '提交分包社区创建工作方案',
      cooperatingUnitIds: [city.school],
      note: '3月底前',
    });
    const monthly = await assign(people.admin, campaign.id, [city.unitA], {
      content: '每月报送创建工作进展',
      standard: '附照片',
      recurrence: 'monthly',
      dueOn: undefined,
      repeatFrom: '2026-03-01',
      repeatUntil: '2026-05-31',
      repeatDay: 31,
    });
    const [a] = await instancesOf(people.staffA, once.taskIds[0]);
    await step(people.staffA, a.id, 'submit', { body: '方案已报送' });
    env.clock.now = new Date('2026-03-20T02:00:00Z');
    await step(people.admin, a.id, 'accept');
    env.clock.now = new Date('2026-04-02T02:00:00Z');

    const res = await people.admin.get(`/api/campaign-tasks/export?campaignId=${campaign.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('工作台帐-导出测试'));
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]).toEqual(['序号', '工作任务', '责任单位', '责任人', '完成时限', '完成情况', '备注']);
    expect(rows.slice(1)).toEqual([
      [
        '1',
        '提交分包社区创建工作方案\n标准：方案含责任分工、时间节点，经单位主要负责人签字',
        '东区城管局\n配合：东区第一小学',
        '张局长',
        '2026-03-31',
        '已完成（2026-03-20 审核通过）',
        '3月底前',
      ],
      [
        '2',
        '提交分包社区创建工作方案\n标准：方案含责任分工、时间节点，经单位主要负责人签字',
        '西区城管局\n配合：东区第一小学',
        '张局长',
        '2026-03-31',
        '已逾期，未报送',
        '3月底前',
      ],
      [
        '3',
        '每月报送创建工作进展\n标准：附照片',
        '东区城管局',
        '张局长',
        '每月月底前（2026-03-01 至 2026-05-31）',
        '共 3 期，应报 1 期，已完成 0 期，待审核 0 期，逾期 1 期；完成率 0%',
      ],
    ]);
    // Filters: only what is overdue, and a unit's own export holds only its rows.
    const overdue = await readSheet(
      (await people.admin.get(`/api/campaign-tasks/export?campaignId=${campaign.id}&state=overdue`)).rawPayload,
    );
    expect(overdue.slice(1).map((r) => r[2].split('\n')[0])).toEqual(['西区城管局', '东区城管局']);
    const own = await readSheet(
      (await people.staffB.get(`/api/campaign-tasks/export?campaignId=${campaign.id}`)).rawPayload,
    );
    expect(own.slice(1).map((r) => r[2].split('\n')[0])).toEqual(['西区城管局']);
    expect(monthly.taskIds).toHaveLength(1);
  });
});
