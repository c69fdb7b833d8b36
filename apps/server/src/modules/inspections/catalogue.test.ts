// What inspections measure against, through the API: the index tree and its refusals, the sample,
// site registry scope and validation, checklist rules and the "try this rule" box, the Excel
// imports (all or nothing) and exports, material review with completeness, and the access matrix.

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { multipartBody } from '../../../test/fixtures.js';
import { setUp, type InspectionCity, type InspectionPeople } from '../../../test/inspection-fixtures.js';
import { as, createUser, type Client, type TestEnv } from '../../../test/harness.js';
import { uploadPdf } from '../../../test/campaign-fixtures.js';

let env: TestEnv;
let city: InspectionCity;
let people: InspectionPeople;

beforeAll(async () => {
  ({ env, city, people } = await setUp());
});
afterAll(async () => env?.close());

async function xlsx(header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入数据');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, url: string, file: Buffer) {
  const { payload, contentType } = multipartBody(file, { fileName: 'import.xlsx' });
  return env.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrf, 'content-type': contentType },
    payload,
  });
}

describe('the evaluation index', () => {
  it('starts from the editable sample and keeps the tree’s levels', async () => {
    const list = (await people.admin.get('/api/evaluation-index')).json();
    expect(list.isSample).toBe(true);
    expect(list.items.length).toBeGreaterThan(20);
    const standards = list.items.filter((n: { level: string }) => n.level === 'standard');
    expect(standards.every((n: { methods: string[] }) => n.methods.length > 0)).toBe(true);

    const project = await people.admin.post('/api/evaluation-index', {
      level: 'project',
      code: 'X01',
      name: '本地特色项目',
    });
    expect(project.statusCode, project.body).toBe(201);
    const skip = await people.admin.post('/api/evaluation-index', {
      level: 'content',
      code: 'X01.01',
      name: '跳级',
      parentId: project.json().id,
    });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().message).toBe('层级不对：此处应为「指标」');
    const scored = await people.admin.post('/api/evaluation-index', {
      level: 'indicator',
      code: 'X01.01',
      name: '指标',
      parentId: project.json().id,
      points: 2,
    });
    expect(scored.json().message).toBe('只有测评标准可以设置测评方法和分值');
    const dup = await people.admin.post('/api/evaluation-index', { level: 'project', code: 'X01', name: '重复' });
    expect(dup.json().message).toBe('该编码已被使用');
    expect((await people.admin.get('/api/evaluation-index')).json().isSample).toBe(false);
    const renamed = await people.admin.patch(`/api/evaluation-index/${project.json().id}`, {
      name: '本地特色',
      active: false,
    });
    expect(renamed.json()).toMatchObject({ name: '本地特色', active: false });
    // Region staff read the index but do not edit it.
    expect(
      (await people.district.post('/api/evaluation-index', { level: 'project', code: 'X02', name: '区' })).statusCode,
    ).toBe(403);
    expect((await people.district.get('/api/evaluation-index')).statusCode).toBe(200);
  });

  it('exports and imports the index, refusing a file with a bad row as a whole', async () => {
    const exported = await people.admin.get('/api/evaluation-index/export');
    expect(exported.statusCode).toBe(200);
    const header = ['编码', '层级', '名称', '上级编码', '测评方法', '分值', '适用点位类型', '排序'];
    const bad = await upload(
      people.admin,
      '/api/evaluation-index/import',
      await xlsx(header, [
        ['Y01', '测评项目', '新项目', null, null, null, null, 1],
        ['Y01.01', '指标', '新指标', 'Y01', null, null, null, 1],
        ['Y01.01.01', '测评内容', '新内容', 'Y01.01', null, null, null, 1],
        ['Y01.01.01.01', '测评标准', '新标准', 'Y01.01.01', '实地考察、飞行检查', 1, '测试报刊亭', 1],
        ['Y01.02', '测评标准', '层级错', 'Y01', null, null, null, 2],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().details.errors).toEqual([
      { row: 5, column: '测评方法', message: '找不到“飞行检查”' },
      { row: 6, column: '层级', message: '层级不对：此处应为「指标」' },
    ]);
    expect((await env.db.selectFrom('index_nodes').select('id').where('code', 'like', 'Y01%').execute()).length).toBe(
      0,
    );
    const ok = await upload(
      people.admin,
      '/api/evaluation-index/import',
      await xlsx(header, [
        ['Y01', '测评项目', '新项目', null, null, null, null, 1],
        ['Y01.01', '指标', '新指标', 'Y01', null, null, null, 1],
        ['Y01.01.01', '测评内容', '新内容', 'Y01.01', null, null, null, 1],
        ['Y01.01.01.01', '测评标准', '新标准', 'Y01.01.01', '实地考察、材料审核', 1.5, '测试报刊亭', 1],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ inserted: 4, updated: 0 });
    const node = (await people.admin.get('/api/evaluation-index'))
      .json()
      .items.find((n: { code: string }) => n.code === 'Y01.01.01.01');
    expect(node).toMatchObject({
      level: 'standard',
      methods: ['field', 'material'],
      points: 1.5,
      siteTypes: ['test_kiosk'],
    });
  });
});

describe('sites', () => {
  it('shows each office its region and each unit its own sites', async () => {
    const all = (await people.admin.get('/api/sites?typeCode=test_kiosk')).json();
    expect(all.total).toBe(4);
    expect(all.items[0].contactPhone).toBe('138****5678');
    const district = (await people.district.get('/api/sites?typeCode=test_kiosk')).json();
    expect(district.items.map((s: { id: number }) => s.id).sort()).toEqual([city.sites.a1, city.sites.a2].sort());
    const unit = (await people.unitA.get('/api/sites?typeCode=test_kiosk')).json();
    expect(unit.items.every((s: { unitId: number }) => s.unitId === city.unitA)).toBe(true);
    expect((await people.unitA.get(`/api/sites/${city.sites.b1}`)).statusCode).toBe(404);
    const map = (await people.admin.get('/api/sites/map?typeCode=test_kiosk')).json();
    expect(map.points).toHaveLength(4);
    // An office cannot register a site outside its region; bad input is refused clearly.
    const outside = await people.district.post('/api/sites', {
      typeCode: 'test_kiosk',
      name: '越界报刊亭',
      regionId: city.communities[1].id,
    });
    expect(outside.statusCode).toBe(400);
    const half = await people.admin.post('/api/sites', { typeCode: 'test_kiosk', name: '半个坐标', lng: 113.2 });
    expect(half.json().message).toBe('经度和纬度须同时填写');
    const dup = await people.admin.post('/api/sites', { typeCode: 'test_kiosk', name: '东社区一号报刊亭' });
    expect(dup.json().message).toBe('同类型下已有同名点位');
    const phone = await people.admin.post('/api/sites', {
      typeCode: 'test_kiosk',
      name: '电话错',
      contactPhone: '12ab',
    });
    expect(phone.json().message).toBe('联系电话格式不正确');
    const type = await people.admin.post('/api/sites', { typeCode: 'nowhere', name: '类型错' });
    expect(type.json().message).toBe('点位类型不存在');
  });

  it('imports sites all or nothing and exports them with the screen’s filters', async () => {
    const header = ['点位类型', '点位名称', '地址', '经度', '纬度', '所属社区', '包保单位', '联系人', '联系电话'];
    const bad = await upload(
      people.admin,
      '/api/sites/import',
      await xlsx(header, [
        ['测试报刊亭', '导入一号', '人民路1号', 113.251, 35.201, '东社区', '东区城管局', '王', '13900001111'],
        ['不存在类型', '导入二号', null, null, null, null, null, null, null],
        ['测试报刊亭', '导入三号', null, 113.25, null, '不存在社区', null, null, null],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().details.errors).toEqual([
      { row: 3, column: '点位类型', message: '找不到“不存在类型”' },
      { row: 4, column: '纬度', message: '经度和纬度须同时填写' },
      { row: 4, column: '所属社区', message: '找不到“不存在社区”' },
    ]);
    const ok = await upload(
      people.admin,
      '/api/sites/import',
      await xlsx(header, [
        ['测试报刊亭', '导入一号', '人民路1号', 113.251, 35.201, '东社区', '东区城管局', '王', '13900001111'],
        ['test_kiosk', '东社区一号报刊亭', '新地址', null, null, null, null, null, null],
      ]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ inserted: 1, updated: 1 });
    const updated = (await people.admin.get(`/api/sites/${city.sites.a1}`)).json();
    // An empty cell keeps what was stored.
    expect(updated).toMatchObject({ address: '新地址', unitId: city.unitA, lng: city.pointA.lng });
    const exported = await people.district.get('/api/sites/export?typeCode=test_kiosk');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].rowCount).toBe(1 + 3); // header + the district's three kiosks
  });
});

describe('checklists', () => {
  it('refuses a rule that cannot be applied and tries one in words', async () => {
    const bad = await people.admin.post('/api/checklist-items', {
      typeCode: 'test_kiosk',
      title: '坏规则',
      rule: { kind: 'ratio', of: 'area', thresholds: { normal: { minPercent: 130 } } },
      points: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('测评规则设置不完整或有误（thresholds.normal.minPercent）');
    const rule = {
      kind: 'rate',
      unit: 'minutes',
      thresholds: { normal: { min: 2, per: 10 }, pre_inspection: { min: 3, per: 10 } },
    };
    const tried = await people.inspector.post('/api/checklist-rules/try', {
      rule,
      value: { count: 5, observed: 20 },
      phase: 'pre_inspection',
    });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json()).toMatchObject({
      outcome: 'fail',
      seen: 2.5,
      required: 3,
      text: '不达标：折合每 10 分钟 2.5 条，要求不少于 3 条（迎检阶段标准）',
      ruleText: '每 10 分钟不少于 2 条（迎检阶段 每 10 分钟不少于 3 条）',
    });
    const wrong = await people.inspector.post('/api/checklist-rules/try', { rule, value: { count: 5, observed: 0 } });
    expect(wrong.statusCode).toBe(400);
    const list = (await people.admin.get('/api/checklist-items?typeCode=test_kiosk')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([city.items.sign, city.items.share, city.items.count]);
    expect(list.items[1].ruleText).toBe('占总量不低于 20%（迎检阶段 50%）');
    const off = await people.admin.patch(`/api/checklist-items/${city.items.count}`, { points: 2 });
    expect(off.json()).toMatchObject({ points: 2 });
    await people.admin.patch(`/api/checklist-items/${city.items.count}`, { points: 1 });
    // The sample gave every site type of the defaults a checklist.
    const types = (await people.admin.get('/api/site-types')).json().items;
    expect(types.find((t: { code: string }) => t.code === 'bus_stop').itemCount).toBeGreaterThan(2);
  });
});

describe('material review', () => {
  it('asks units for evidence of a standard, reviews it, and counts completeness', async () => {
    const standard = (await people.admin.get('/api/evaluation-index'))
      .json()
      .items.find((n: { methods: string[] }) => n.methods.includes('material'));
    const fieldOnly = (await people.admin.get('/api/evaluation-index'))
      .json()
      .items.find(
        (n: { methods: string[]; level: string }) => n.level === 'standard' && !n.methods.includes('material'),
      );
    expect(
      (await people.admin.post('/api/material-requirements', { standardId: fieldOnly.id, unitIds: [city.unitA] }))
        .statusCode,
    ).toBe(400);
    const created = await people.admin.post('/api/material-requirements', {
      standardId: standard.id,
      unitIds: [city.unitA, city.unitB],
      dueOn: '2026-04-30',
    });
    expect(created.json()).toEqual({ created: 2 });
    expect(
      (
        await people.admin.post('/api/material-requirements', { standardId: standard.id, unitIds: [city.unitA] })
      ).json(),
    ).toEqual({ created: 0 });
    const mine = (await people.unitA.get('/api/material-requirements')).json();
    expect(mine.items.map((m: { unit: { id: number } }) => m.unit.id)).toEqual([city.unitA]);
    const id = mine.items[0].id;
    const pdf = await uploadPdf(env, people.unitA);
    const submitted = await people.unitA.post(`/api/material-requirements/${id}/submissions`, {
      files: [pdf],
      note: '工作方案',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', canSubmit: false });
    expect((await people.unitA.post(`/api/material-requirements/${id}/submissions`, { files: [pdf] })).statusCode).toBe(
      409,
    );
    const submissionId = submitted.json().submissions[0].id;
    expect(
      (await people.admin.post(`/api/material-submissions/${submissionId}/review`, { decision: 'return' })).statusCode,
    ).toBe(400);
    const returned = await people.admin.post(`/api/material-submissions/${submissionId}/review`, {
      decision: 'return',
      note: '缺盖章页',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', canSubmit: false, canReview: false });
    expect((await people.unitA.get(`/api/material-requirements/${id}`)).json()).toMatchObject({ canSubmit: true });
    const again = await people.unitA.post(`/api/material-requirements/${id}/submissions`, {
      files: [pdf],
      note: '已补盖章页',
    });
    const accepted = await people.admin.post(`/api/material-submissions/${again.json().submissions[0].id}/review`, {
      decision: 'accept',
    });
    expect(accepted.json().status).toBe('accepted');
    const byUnit = (await people.admin.get('/api/material-completeness?by=unit')).json();
    expect(byUnit.total).toEqual({ required: 2, accepted: 1, percent: 50 });
    const byStandard = (await people.admin.get('/api/material-completeness?by=standard')).json();
    expect(byStandard.rows).toEqual([
      expect.objectContaining({ id: standard.id, required: 2, accepted: 1, percent: 50 }),
    ]);
    // The other unit's requirement is not unit A's business.
    const other = (await people.admin.get('/api/material-requirements?unitId=' + city.unitB)).json().items[0];
    expect((await people.unitA.get(`/api/material-requirements/${other.id}`)).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('wrong role 403, another region or unit 404, the right role 2xx', async () => {
    const resident = await as(env.app, await createUser(env.db, city, ['resident'], { regionId: null }));
    for (const url of ['/api/sites', '/api/inspection-rounds', '/api/my-inspections', '/api/evaluation-index']) {
      expect((await resident.get(url)).statusCode, url).toBe(403);
    }
    const roundOf = async (client: Client, regionId: number) => {
      const res = await client.post('/api/inspection-rounds', {
        name: `区域轮次${regionId}`,
        startsOn: '2026-05-01',
        endsOn: '2026-05-31',
        regionId,
        criteria: { typeCodes: ['test_kiosk'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const ownRound = await roundOf(people.admin, city.districts[0].id);
    const otherRound = await roundOf(people.admin, city.districts[1].id);
    const pick = <T>(t: 'own' | 'other', a: T, b: T) => (t === 'own' ? a : b);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/sites/:id',
        allowed: 'region_staff',
        forbidden: 'resident',
        send: (c, t) => c.get(`/api/sites/${pick(t, city.sites.a1, city.sites.b1)}`),
      },
      {
        name: 'PATCH /api/sites/:id',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.patch(`/api/sites/${pick(t, city.sites.a2, city.sites.b2)}`, { contactName: '新联系人' }),
      },
      {
        name: 'GET /api/sites/:id (unit)',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/sites/${pick(t, city.sites.a1, city.sites.b1)}`),
      },
      {
        name: 'GET /api/inspection-rounds/:id',
        allowed: 'region_staff',
        forbidden: 'member',
        send: (c, t) => c.get(`/api/inspection-rounds/${pick(t, ownRound, otherRound)}`),
      },
      {
        name: 'POST /api/inspection-rounds/:id/assign',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) =>
          c.post(`/api/inspection-rounds/${pick(t, ownRound, otherRound)}/assign`, {
            inspectorIds: [people.ids.inspector],
          }),
      },
      {
        name: 'GET /api/inspection-rounds/:id/rollups',
        allowed: 'region_staff',
        forbidden: 'resident',
        send: (c, t) => c.get(`/api/inspection-rounds/${pick(t, ownRound, otherRound)}/rollups?by=type`),
      },
      {
        name: 'POST /api/checklist-items',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        okStatus: 201,
        send: (c) =>
          c.post('/api/checklist-items', {
            typeCode: 'test_kiosk',
            title: '矩阵测试项',
            rule: { kind: 'presence', expect: 'absent' },
            points: 1,
            active: false,
          }),
      },
      {
        name: 'GET /api/my-inspections',
        allowed: 'inspector',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/my-inspections'),
      },
    ]);
  });
});
