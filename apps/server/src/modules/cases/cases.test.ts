// Cases over HTTP on a real database: intake (validation, location, routing, idempotency),
// the lifecycle end to end, refusals (409 / 404 / 403) that leave the case unchanged, racing
// dispatchers, duplicates and merging, the scoped list, export, counts and the access matrix.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import {
  casePeople,
  caseTestConfig,
  createCaseCity,
  report,
  step,
  uploadPhoto,
  type CaseCity,
  type CasePeople,
} from '../../../test/case-fixtures.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let city: CaseCity;
let people: CasePeople;

beforeAll(async () => {
  env = await createTestEnv(caseTestConfig());
  city = await createCaseCity(env.db, env.clock.now);
  people = await casePeople(env, city);
});
afterAll(() => env.close());

const inA = () => ({ lng: city.pointA.lng + 0.001, lat: city.pointA.lat + 0.001 });

describe('intake', () => {
  it('resolves grid and community from the point and suggests the paired unit (area first)', async () => {
    const photo = await uploadPhoto(env, people.inspector);
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '东社区菜市场门口垃圾桶破损，垃圾满溢',
      ...inA(),
      photos: [photo],
    });
    expect(c.status).toBe('reported');
    expect(c).toMatchObject({
      gridId: city.gridA,
      communityId: city.communities[0].id,
      regionId: city.gridA,
      source: 'inspector',
    });
    expect(c.routing).toMatchObject({ unitId: city.unitA, rule: 'area' });
    expect(c.routing.reason).toContain('东社区');
    expect(c.photos).toEqual([{ fileId: photo, kind: 'before', isPublic: false }]);
    expect((c.log as { action: string }[]).map((l) => l.action)).toEqual(['report']);
  });

  it('falls back to the street office when the community has no pairing, and to the owner for facilities', async () => {
    const area = await report(people.office, {
      categoryId: city.category('STREET.OCCUPY'),
      description: '西社区沿街商户出店经营',
      lng: city.pointB.lng,
      lat: city.pointB.lat,
    });
    expect(area.routing).toMatchObject({ unitId: city.unitOfficeB, rule: 'area' });
    const facility = await report(people.office, {
      categoryId: city.category('FAC.MANHOLE'),
      description: '人行道井盖缺失，存在安全隐患',
      ...inA(),
      ownerUnitId: city.unitB,
    });
    expect(facility.routing).toMatchObject({ unitId: city.unitB, rule: 'owner' });
    const noOwner = await report(people.office, {
      categoryId: city.category('FAC.LIGHT'),
      description: '路灯不亮',
      ...inA(),
    });
    expect(noOwner.routing.unitId).toBe(city.unitA);
  });

  it('treats null coordinates as no point (not 0, 0)', async () => {
    const c = await report(people.office, {
      categoryId: city.category('ENV.BIN'),
      description: '垃圾桶满溢',
      lng: null,
      lat: null,
      communityId: city.communities[1].id,
      address: null,
      ownerUnitId: null,
    });
    expect(c).toMatchObject({ lng: null, lat: null, communityId: city.communities[1].id });
  });

  it('takes the community when there is no point', async () => {
    const c = await report(people.office, {
      categoryId: city.category('ESTATE.CORRIDOR'),
      description: '楼道堆放杂物占用消防通道',
      communityId: city.communities[1].id,
    });
    expect(c).toMatchObject({ communityId: city.communities[1].id, gridId: null, regionId: city.communities[1].id });
  });

  it('refuses bad input with clear field errors and saves nothing', async () => {
    const before = await env.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const { multipartBody } = await import('../../../test/fixtures.js');
    const upload = multipartBody(pdf, { fileName: 'a.pdf', type: 'application/pdf' });
    const pdfRes = await env.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        cookie: people.inspector.cookie,
        'x-csrf-token': people.inspector.csrf,
        'content-type': upload.contentType,
      },
      payload: upload.payload,
    });
    expect(pdfRes.statusCode).toBe(200);
    const pdfId = (pdfRes.json() as { id: string }).id;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ categoryId: 999999, description: '垃圾', ...inA() }, 'body/categoryId', '问题分类不存在'],
      [
        { categoryId: city.category('ENV.BIN'), description: '垃圾', lng: 116.4, lat: 39.9 },
        'body/lng',
        '不在本市范围内',
      ],
      [{ categoryId: city.category('ENV.BIN'), description: '垃圾' }, 'body/communityId', '请提供定位'],
      [
        { categoryId: city.category('ENV.BIN'), description: '垃圾', ...inA(), photos: [pdfId] },
        'body/photos',
        '只能上传图片',
      ],
      [
        { categoryId: city.category('ENV.BIN'), description: '垃圾', ...inA(), photos: ['f'.repeat(64)] },
        'body/photos',
        '照片不存在',
      ],
      [
        { categoryId: city.category('ENV.BIN'), description: '垃圾', communityId: city.streets[0].id },
        'body/communityId',
        '所选社区不存在',
      ],
      [
        { categoryId: city.category('ENV.BIN'), description: '垃圾', lng: 113.26, lat: 35.2 },
        'body/communityId',
        '不在任何网格内',
      ],
    ];
    for (const [body, path, text] of cases) {
      const res = await people.inspector.post('/api/cases', body);
      expect(res.statusCode, res.body).toBe(400);
      const error = res.json() as { details: { fields: { path: string; message: string }[] } };
      expect(error.details.fields[0].path).toBe(path);
      expect(error.details.fields[0].message).toContain(text);
    }
    const missing = await people.inspector.post('/api/cases', { description: '垃圾' });
    expect(missing.statusCode).toBe(400);
    const english = await people.inspector.post(
      '/api/cases',
      { categoryId: 999999, description: '垃圾', ...inA() },
      {
        'accept-language': 'en-US',
      },
    );
    expect((english.json() as { details: { fields: { message: string }[] } }).details.fields[0].message).toContain(
      'category',
    );
    const after = await env.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers a retried submission with the first case (idempotency key), never a duplicate', async () => {
    const body = {
      categoryId: city.category('ENV.ADS'),
      description: '电线杆上小广告',
      ...inA(),
      idempotencyKey: 'retry-key-0001',
    };
    const first = await report(people.inspector, body);
    const again = await people.inspector.post('/api/cases', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.id, replayed: true });
    const parallel = await Promise.all(
      [1, 2, 3].map(() => people.inspector.post('/api/cases', { ...body, idempotencyKey: 'retry-key-0002' })),
    );
    const ids = new Set(parallel.map((r) => (r.json() as { id: number }).id));
    expect(ids.size).toBe(1);
    const rows = await env.db
      .selectFrom('cases')
      .select('id')
      .where('idempotency_key', '=', 'retry-key-0002')
      .execute();
    expect(rows).toHaveLength(1);
    // Someone else's key is not theirs to replay.
    const other = await people.office.post('/api/cases', body);
    expect(other.statusCode).toBe(409);
  });
});

describe('lifecycle', () => {
  it('goes reported → checked → registered → dispatched → accepted → handled → verified → closed, and counts in the metrics', async () => {
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.GARBAGE'),
      description: '背街小巷卫生死角垃圾堆积',
      ...inA(),
    });
    const metricsBefore = await people.office.get('/api/cases/metrics?groupBy=unit&from=2026-03-01&to=2026-03-31');
    expect(metricsBefore.statusCode, metricsBefore.body).toBe(200);
    const closedBefore = (metricsBefore.json() as { total: { closed: number } }).total.closed;

    expect((await step(people.office, c.id, 'check')).status).toBe('checked');
    const registered = await step(people.office, c.id, 'register');
    expect(registered.allowedActions).toContain('dispatch');
    const dispatched = await step(people.office, c.id, 'dispatch', { unitId: city.unitA });
    expect(dispatched.status).toBe('dispatched');
    // Monday 2026-03-02 10:00 China time + 1 working day = Tuesday 10:00.
    expect(dispatched.deadlineAt).toBe('2026-03-03T02:00:00.000Z');

    const unitView = await people.unitA.get(`/api/cases/${c.id}`);
    expect(unitView.statusCode).toBe(200);
    expect((unitView.json() as { allowedActions: string[] }).allowedActions).toEqual(
      expect.arrayContaining(['accept', 'return', 'request_extension']),
    );
    const notified = await people.unitA.get('/api/notifications');
    expect((notified.json() as { items: { title: string }[] }).items[0].title).toContain('新派遣案件');

    await step(people.unitA, c.id, 'accept');
    const noPhoto = await people.unitA.post(`/api/cases/${c.id}/transitions/handle`, { note: '已清理' });
    expect(noPhoto.statusCode).toBe(400);
    env.clock.now = new Date('2026-03-02T06:00:00Z');
    const after = await uploadPhoto(env, people.unitA);
    const handled = await step(people.unitA, c.id, 'handle', { note: '已组织人员清理完毕', photos: [after] });
    expect(handled.status).toBe('handled');

    // The fixer's unit cannot verify its own work.
    const selfVerify = await people.unitA.post(`/api/cases/${c.id}/transitions/verify`, {});
    expect(selfVerify.statusCode).toBe(403);

    await step(people.inspector, c.id, 'verify', { note: '现场已整改' });
    const closed = await step(people.office, c.id, 'close');
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true });
    const log = closed.log as { action: string; fromStatus: string; toStatus: string; actorName: string }[];
    expect(log.map((l) => l.action)).toEqual([
      'report',
      'check',
      'register',
      'dispatch',
      'accept',
      'handle',
      'verify',
      'close',
    ]);
    expect(log[3]).toMatchObject({ fromStatus: 'registered', toStatus: 'dispatched' });
    expect(closed.photos).toEqual(expect.arrayContaining([{ fileId: after, kind: 'after', isPublic: false }]));

    const metricsAfter = await people.office.get('/api/cases/metrics?groupBy=unit&from=2026-03-01&to=2026-03-31');
    const total = (metricsAfter.json() as { total: { closed: number } }).total;
    expect(total.closed).toBe(closedBefore + 1);
    const audit = await env.db
      .selectFrom('audit_logs')
      .select('action')
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.report', 'case.dispatch', 'case.handle', 'case.verify', 'case.close']),
    );
    env.clock.now = new Date('2026-03-02T02:00:00Z');
  });

  it('refuses out-of-order steps with 409 and a clear message, leaving the case unchanged', async () => {
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '垃圾桶满溢',
      ...inA(),
    });
    const res = await people.office.post(`/api/cases/${c.id}/transitions/close`, {});
    expect(res.statusCode).toBe(409);
    expect((res.json() as { message: string }).message).toBe(
      '案件当前为「待核查」，不能「结案」。可能已被他人处理，请刷新后查看最新进展',
    );
    const en = await people.office.post(
      `/api/cases/${c.id}/transitions/dispatch`,
      { unitId: city.unitA },
      { 'accept-language': 'en-US' },
    );
    expect(en.statusCode).toBe(409);
    expect((en.json() as { message: string }).message).toContain('"to check"');
    const row = await env.db
      .selectFrom('cases')
      .select(['status', 'unit_id'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'reported', unit_id: null });
    const logs = await env.db.selectFrom('case_logs').select('action').where('case_id', '=', c.id).execute();
    expect(logs).toHaveLength(1);
  });

  it('lets exactly one of two racing dispatchers win; the other gets 409', async () => {
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '垃圾桶满溢',
      ...inA(),
    });
    await step(people.office, c.id, 'check');
    await step(people.office, c.id, 'register');
    const results = await Promise.all([
      people.office.post(`/api/cases/${c.id}/transitions/dispatch`, { unitId: city.unitA }),
      people.district.post(`/api/cases/${c.id}/transitions/dispatch`, { unitId: city.unitB }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const dispatches = await env.db
      .selectFrom('case_logs')
      .select('action')
      .where('case_id', '=', c.id)
      .where('action', '=', 'dispatch')
      .execute();
    expect(dispatches).toHaveLength(1);
  });

  it('keeps another unit out (404) and the wrong role out (403)', async () => {
    const c = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '垃圾桶满溢',
      ...inA(),
    });
    await step(people.office, c.id, 'check');
    await step(people.office, c.id, 'register');
    await step(people.office, c.id, 'dispatch', { unitId: city.unitA });
    expect((await people.unitB.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await people.unitB.post(`/api/cases/${c.id}/transitions/accept`, {})).statusCode).toBe(404);
    expect((await people.inspector.post(`/api/cases/${c.id}/transitions/accept`, {})).statusCode).toBe(403);
    expect((await people.resident.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    const row = await env.db.selectFrom('cases').select('status').where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('dispatched');
  });

  it('returns, re-dispatches, extends, reworks, suspends and resumes', async () => {
    const c = await report(people.inspector, {
      categoryId: city.category('STREET.BIKE'),
      description: '共享单车乱停放',
      ...inA(),
    });
    await step(people.office, c.id, 'check');
    await step(people.office, c.id, 'register');
    await step(people.office, c.id, 'dispatch', { unitId: city.unitA });
    const returned = await step(people.unitA, c.id, 'return', { note: '不属于本单位职责' });
    expect(returned).toMatchObject({ status: 'returned', returnCount: 1, deadlineAt: null });
    const again = await step(people.office, c.id, 'dispatch', { unitId: city.unitA });
    const deadline = new Date(again.deadlineAt!);
    const later = new Date(deadline.getTime() + 2 * 86_400_000).toISOString();
    await step(people.unitA, c.id, 'request_extension', { note: '需协调交警部门', deadline: later });
    const twice = await people.unitA.post(`/api/cases/${c.id}/transitions/request_extension`, {
      note: '再次申请',
      deadline: later,
    });
    expect(twice.statusCode).toBe(409);
    const approved = await step(people.office, c.id, 'approve_extension', { note: '同意' });
    expect(approved).toMatchObject({ deadlineAt: later, extensionCount: 1, extensionPending: false });
    expect((approved.extensions as { status: string }[])[0].status).toBe('approved');

    await step(people.unitA, c.id, 'accept');
    const photo = await uploadPhoto(env, people.unitA);
    await step(people.unitA, c.id, 'handle', { note: '已清理', photos: [photo] });
    const rework = await step(people.inspector, c.id, 'rework', { note: '仍有车辆乱停' });
    expect(rework).toMatchObject({ status: 'rework', reworkCount: 1 });
    const unitNotes = await people.unitA.get('/api/notifications?unread=true');
    expect((unitNotes.json() as { items: { title: string }[] }).items.some((n) => n.title.includes('返工'))).toBe(true);

    env.clock.now = new Date('2026-03-02T03:00:00Z');
    const suspended = await step(people.office, c.id, 'suspend', { note: '等待道路施工结束' });
    expect(suspended.status).toBe('suspended');
    env.clock.now = new Date('2026-03-02T05:00:00Z');
    const resumed = await step(people.office, c.id, 'resume');
    expect(resumed.status).toBe('rework');
    expect(new Date(resumed.deadlineAt!).getTime() - new Date(rework.deadlineAt!).getTime()).toBe(2 * 3_600_000);
    env.clock.now = new Date('2026-03-02T02:00:00Z');
  });

  it('voids with a reason only', async () => {
    const c = await report(people.resident, {
      categoryId: city.category('ENV.BIN'),
      description: '测试上报',
      ...inA(),
    });
    expect(c.source).toBe('resident');
    const noReason = await people.office.post(`/api/cases/${c.id}/transitions/void`, {});
    expect(noReason.statusCode).toBe(400);
    const voided = await step(people.office, c.id, 'void', { note: '重复测试数据' });
    expect(voided.status).toBe('voided');
    // The reporter still sees their own report.
    expect((await people.resident.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    const mine = await people.resident.get('/api/cases/reported');
    expect((mine.json() as { items: { id: number }[] }).items.map((i) => i.id)).toContain(c.id);
  });
});

describe('duplicates', () => {
  it('flags a similar nearby report of the same category, and merging keeps both reporters', async () => {
    const first = await report(people.inspector, {
      categoryId: city.category('ENV.BIN'),
      description: '人民路与解放路交叉口垃圾桶破损，垃圾满溢',
      lng: 113.2505,
      lat: 35.2005,
    });
    const second = await report(people.resident, {
      categoryId: city.category('ENV.BIN'),
      description: '解放路人民路口的垃圾桶坏了，垃圾满溢出来',
      lng: 113.2507,
      lat: 35.2006,
    });
    expect(second.duplicateOfId).toBe(first.id);
    const unrelated = await report(people.resident, {
      categoryId: city.category('ENV.BIN'),
      description: '小区楼道堆放杂物占用消防通道',
      lng: 113.2507,
      lat: 35.2006,
    });
    expect(unrelated.duplicateOfId).toBeNull();
    const far = await report(people.resident, {
      categoryId: city.category('ENV.BIN'),
      description: '人民路与解放路交叉口垃圾桶破损，垃圾满溢',
      lng: 113.2545,
      lat: 35.2045,
    });
    expect(far.duplicateOfId).toBeNull();

    const candidates = await people.office.get(`/api/cases/${second.id}/duplicates`);
    expect((candidates.json() as { items: { id: number; similarity: number }[] }).items[0].id).toBe(first.id);
    const merged = await step(people.office, second.id, 'merge', { targetCaseId: first.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: first.id });
    const target = await people.office.get(`/api/cases/${first.id}`);
    const reporters = (target.json() as { reporters: { source: string; mergedFromId: number | null }[] }).reporters;
    expect(reporters.map((r) => r.source).sort()).toEqual(['inspector', 'resident']);
    expect(reporters.find((r) => r.source === 'resident')!.mergedFromId).toBe(second.id);
    // The resident follows the merged report.
    const mine = await people.resident.get(`/api/cases/${first.id}`);
    expect(mine.statusCode).toBe(200);
    const self = await people.office.post(`/api/cases/${first.id}/transitions/merge`, { targetCaseId: first.id });
    expect(self.statusCode).toBe(400);
  });
});

describe('lists', () => {
  it('filters, scopes to the unit, counts and exports', async () => {
    const all = await people.office.get('/api/cases?pageSize=200');
    const items = (all.json() as { items: { id: number; status: string; unitId: number | null }[]; total: number })
      .items;
    expect(items.length).toBeGreaterThan(5);
    const onlyA = await people.unitA.get('/api/cases?pageSize=200');
    const unitItems = (onlyA.json() as { items: { unitId: number }[] }).items;
    expect(unitItems.length).toBeGreaterThan(0);
    expect(unitItems.every((i) => i.unitId === city.unitA)).toBe(true);
    const reported = await people.office.get('/api/cases?status=reported,checked&pageSize=200');
    expect(
      (reported.json() as { items: { status: string }[] }).items.every((i) =>
        ['reported', 'checked'].includes(i.status),
      ),
    ).toBe(true);
    const search = await people.office.get(`/api/cases?q=${encodeURIComponent('井盖')}`);
    expect((search.json() as { total: number }).total).toBe(1);
    const counts = await people.unitA.get('/api/cases/counts');
    expect(counts.statusCode).toBe(200);
    expect((counts.json() as { byStatus: Record<string, number> }).byStatus).toBeTypeOf('object');

    const res = await people.office.get('/api/cases/export?status=closed');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('案件编号');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('已结案');
  });

  it('keeps the district staff to their district', async () => {
    const west = await report(people.office, {
      categoryId: city.category('ENV.BIN'),
      description: '西社区垃圾桶满溢',
      lng: city.pointB.lng,
      lat: city.pointB.lat,
    });
    expect((await people.district.get(`/api/cases/${west.id}`)).statusCode).toBe(404);
    const list = await people.district.get('/api/cases?pageSize=200');
    expect((list.json() as { items: { id: number }[] }).items.map((i) => i.id)).not.toContain(west.id);
  });
});

describe('access matrix', () => {
  it('applies roles and scope to the case routes', async () => {
    const own = await report(people.office, {
      categoryId: city.category('ENV.BIN'),
      description: '东区垃圾',
      ...inA(),
    });
    const other = await report(people.office, {
      categoryId: city.category('ENV.BIN'),
      description: '西区垃圾',
      lng: city.pointB.lng,
      lat: city.pointB.lat,
    });
    const id = (target: 'own' | 'other') => (target === 'own' ? own.id : other.id);
    await expectAccessMatrix(env, city, [
      {
        name: 'GET /api/cases/:id',
        allowed: 'region_staff',
        forbidden: 'system_admin',
        send: (c, t) => c.get(`/api/cases/${id(t)}`),
      },
      {
        name: 'POST check',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        send: (c, t) => c.post(`/api/cases/${id(t)}/transitions/check`, {}),
      },
      {
        name: 'GET duplicates',
        allowed: 'region_staff',
        forbidden: 'inspector',
        send: (c, t) => c.get(`/api/cases/${id(t)}/duplicates`),
      },
      {
        name: 'GET /api/cases',
        allowed: 'region_staff',
        forbidden: 'audit_admin',
        scoped: false,
        send: (c) => c.get('/api/cases'),
      },
      {
        name: 'POST /api/cases',
        allowed: 'inspector',
        forbidden: 'security_admin',
        scoped: false,
        okStatus: 201,
        send: (c) => c.post('/api/cases', { categoryId: city.category('ENV.BIN'), description: '矩阵测试', ...inA() }),
      },
      {
        name: 'GET /api/cases/export',
        allowed: 'region_staff',
        forbidden: 'inspector',
        scoped: false,
        send: (c) => c.get('/api/cases/export'),
      },
      {
        name: 'GET /api/cases/map',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/cases/map'),
      },
      {
        name: 'PUT /api/case-settings',
        allowed: 'city_admin',
        forbidden: 'region_staff',
        scoped: false,
        send: (c) => c.put('/api/case-settings', { duplicateRadiusM: 150 }),
      },
      {
        name: 'GET /api/sms-messages',
        allowed: 'city_admin',
        forbidden: 'unit_staff',
        scoped: false,
        send: (c) => c.get('/api/sms-messages'),
      },
    ]);
  });

  it('answers 401 to anonymous callers of signed-in routes', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/cases' });
    expect(res.statusCode).toBe(401);
  });
});

describe('categories and settings', () => {
  it('creates, edits and deactivates categories with validation', async () => {
    const created = await people.office.post('/api/case-categories', {
      parentId: city.category('ENV'),
      code: 'ENV.TEST',
      name: '测试分类',
      ownerRule: 'area',
      limitUnit: 'natural_days',
      limitAmount: 3,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { id: number }).id;
    const dup = await people.office.post('/api/case-categories', {
      code: 'ENV.TEST',
      name: '重复',
      ownerRule: 'area',
      limitUnit: 'natural_days',
      limitAmount: 3,
    });
    expect(dup.statusCode).toBe(400);
    const halfVerify = await people.office.patch(`/api/case-categories/${id}`, { verifyLimitUnit: 'working_days' });
    expect(halfVerify.statusCode).toBe(400);
    const off = await people.office.patch(`/api/case-categories/${id}`, { active: false });
    expect((off.json() as { active: boolean }).active).toBe(false);
    const refused = await people.inspector.post('/api/cases', { categoryId: id, description: '停用分类', ...inA() });
    expect(refused.statusCode).toBe(400);
    const defaults = await people.office.post('/api/case-categories/defaults', {});
    expect((defaults.json() as { items: unknown[] }).items.length).toBeGreaterThan(40);
  });

  it('reads and saves the settings', async () => {
    const before = await people.office.get('/api/case-settings');
    expect(before.json()).toMatchObject({
      duplicateRadiusM: expect.any(Number),
      noticePrefix: expect.stringContaining('创城办'),
    });
    const saved = await people.office.put('/api/case-settings', { duplicateRadiusM: 80, noticePrefix: '测试创城办' });
    expect(saved.json()).toMatchObject({ duplicateRadiusM: 80, noticePrefix: '测试创城办' });
    const bad = await people.office.put('/api/case-settings', { duplicateMinSimilarity: 2 });
    expect(bad.statusCode).toBe(400);
    await people.office.put('/api/case-settings', { duplicateRadiusM: 100 });
  });
});
