import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessMatrix } from '../../../test/access-matrix.js';
import { multipartBody } from '../../../test/fixtures.js';
import {
  as,
  createCity,
  createTestEnv,
  createUser,
  type Client,
  type TestCity,
  type TestEnv,
} from '../../../test/harness.js';

let env: TestEnv;
let city: TestCity;
let admin: Client;
let districtStaff: Client;
const codes: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnv();
  city = await createCity(env.db);
  admin = await as(env.app, await createUser(env.db, city, ['city_admin']));
  districtStaff = await as(
    env.app,
    await createUser(env.db, city, ['region_staff'], { regionId: city.districts[0].id }),
  );
  const rows = await env.db.selectFrom('regions').select(['name', 'code']).where('city_id', '=', city.cityId).execute();
  for (const row of rows) codes[row.name] = row.code;
});
afterAll(() => env.close());

// ---------------------------------------------------------------------------------------------
// Helpers: workbooks and multipart bodies built by hand
// ---------------------------------------------------------------------------------------------

const HEADERS = {
  regions: ['区划代码', '名称', '级别', '上级区划代码', '排序'],
  units: ['单位名称', '简称', '单位类型', '上级单位', '所属区划', '负责人', '负责人电话', '联络员', '联络员电话'],
  people: ['姓名', '人员类别', '性别', '手机号', '工作单位', '居住社区', '党组织', '职务'],
};

/** A one-sheet workbook: header row, then rows (undefined leaves a cell empty). */
async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row.map((v) => (v === undefined ? null : v)) as ExcelJS.CellValue[]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(
  client: Client,
  kind: string,
  content: Buffer,
  options: { fileName?: string; field?: string; lang?: string } = {},
) {
  const body = multipartBody(content, {
    fileName: options.fileName ?? 'import.xlsx',
    field: options.field,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  return env.app.inject({
    method: 'POST',
    url: `/api/import/${kind}`,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrf,
      'content-type': body.contentType,
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    payload: body.payload,
  });
}

const count = async (table: 'regions' | 'units' | 'people') =>
  Number(
    (
      await env.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('city_id', '=', city.cityId)
        .executeTakeFirstOrThrow()
    ).n,
  );

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${++seq}`;
let codeSeq = 0;
const newCode = () => `41${String(Date.now() % 1e6).padStart(6, '0')}${String(++codeSeq).padStart(4, '0')}`;

// ---------------------------------------------------------------------------------------------

describe('access', () => {
  it('applies the access matrix to the templates and uploads', async () => {
    const regionsFile = () => xlsx(HEADERS.regions, [[newCode(), `矩阵社区${uniq()}`, '社区村', codes['东街道']]]);
    const unitsFile = () => xlsx(HEADERS.units, [[`矩阵单位${uniq()}`, undefined, '学校', undefined, codes['东区']]]);
    const peopleFile = () =>
      xlsx(HEADERS.people, [[`矩阵人员${uniq()}`, '工作人员', undefined, undefined, '东区城管局']]);
    await expectAccessMatrix(env, city, [
      ...(['regions', 'units', 'people'] as const).map((kind) => ({
        name: `GET /api/import/${kind}/template`,
        allowed: 'region_staff' as const,
        forbidden: 'inspector' as const,
        scoped: false,
        send: (c: Client) => c.get(`/api/import/${kind}/template`),
      })),
      {
        name: 'POST /api/import/regions',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: async (c) => upload(c, 'regions', await regionsFile()),
      },
      {
        name: 'POST /api/import/units',
        allowed: 'region_staff',
        forbidden: 'unit_staff',
        scoped: false,
        send: async (c) => upload(c, 'units', await unitsFile()),
      },
      {
        name: 'POST /api/import/people',
        allowed: 'unit_staff',
        scope: 'unit',
        forbidden: 'inspector',
        scoped: false,
        send: async (c) => upload(c, 'people', await peopleFile()),
      },
    ]);
  });

  it('rejects rows outside the uploader’s scope and leaves other regions alone', async () => {
    const before = await count('units');
    const res = await upload(
      districtStaff,
      'units',
      await xlsx(HEADERS.units, [
        [`越界单位${uniq()}`, undefined, '学校', undefined, codes['西区']],
        ['西区城管局', undefined, '学校'],
        [`无区划单位${uniq()}`, undefined, '学校'],
        [`越界下级${uniq()}`, undefined, '学校', '西区城管局', codes['东区']],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([
      { row: 2, column: '所属区划', message: `找不到“${codes['西区']}”` },
      { row: 3, column: '单位名称', message: '“西区城管局”已存在' },
      { row: 4, column: '所属区划', message: '导入后该记录将不在您的管理范围内，请填写您管辖范围内的单位或区划' },
      { row: 5, column: '上级单位', message: '找不到“西区城管局”' },
    ]);
    expect(await count('units')).toBe(before);
  });
});

describe('templates', () => {
  it('downloads templates that import once filled in', async () => {
    const fill = async (kind: 'regions' | 'units' | 'people', rows: unknown[][], lang = 'zh-CN') => {
      const res = await admin.get(`/api/import/${kind}/template`, { 'accept-language': lang });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent(lang === 'zh-CN' ? '导入模板' : 'import-template'),
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = workbook.worksheets[0];
      // Row 2 is the example; the clerk leaves it and types below.
      rows.forEach((values, i) => {
        values.forEach((value, c) => {
          if (value !== undefined) sheet.getCell(3 + i, c + 1).value = value as ExcelJS.CellValue;
        });
      });
      return upload(admin, kind, Buffer.from(await workbook.xlsx.writeBuffer()), { lang });
    };

    const zhHeader = (await admin.get('/api/import/people/template')).rawPayload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(zhHeader as unknown as ExcelJS.Buffer);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
      '姓名*',
      '人员类别*',
      '性别',
      '手机号',
      '工作单位',
      '居住社区',
      '党组织',
      '职务',
    ]);

    const communityCode = newCode();
    const regions = await fill('regions', [[communityCode, '模板社区', '社区村', codes['东街道'], 5]]);
    expect(regions.json()).toEqual({ inserted: 1, updated: 0 });
    const units = await fill('units', [
      ['模板单位', '模板', '事业单位', '东区城管局', '模板社区', '钱主任', '13812345678'],
    ]);
    expect(units.json()).toEqual({ inserted: 1, updated: 0 });
    const people = await fill(
      'people',
      [['模板人员', 'Staff', 'Female', '13987654321', '模板单位', communityCode, 'Branch 1', 'Clerk']],
      'en-US',
    );
    expect(people.json()).toEqual({ inserted: 1, updated: 0 });

    const unit = await env.db.selectFrom('units').selectAll().where('name', '=', '模板单位').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({
      short_name: '模板',
      type: 'public_institution',
      parent_id: city.unitA,
      head_phone: '13812345678',
    });
    const person = await env.db
      .selectFrom('people')
      .selectAll()
      .where('name', '=', '模板人员')
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({ kind: 'staff', gender: 'female', unit_id: unit.id, party_org: 'Branch 1' });
  });
});

describe('regions', () => {
  it('rejects the whole file for one bad row, then imports it once fixed, level by level', async () => {
    const [district, street, community, grid] = [newCode(), newCode(), newCode(), newCode()];
    const rows = [
      [district, '新区', '区县', codes['测试市'], 3],
      [street, '新区街道', '街道乡镇', district],
      [community, '新区社区', '街道乡镇', street],
      [grid, '新区一网格', '网格', community],
    ];
    const before = await count('regions');
    const bad = await upload(admin, 'regions', await xlsx(HEADERS.regions, rows));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('IMPORT_REJECTED');
    expect(bad.json().message).toContain('1 处错误');
    expect(bad.json().details.errors).toEqual([
      { row: 4, column: '级别', message: `“${street}”是街道乡镇，其下级只能是社区村` },
    ]);
    expect(await count('regions')).toBe(before);

    rows[2][2] = '社区村';
    const ok = await upload(admin, 'regions', await xlsx(HEADERS.regions, rows), { fileName: '区划-2026.xlsx' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ inserted: 4, updated: 0 });
    expect(await count('regions')).toBe(before + 4);
    const stored = await env.db
      .selectFrom('regions')
      .selectAll()
      .where('code', 'in', [district, grid])
      .orderBy('id')
      .execute();
    expect(stored[0]).toMatchObject({
      level: 'district',
      parent_id: city.root.id,
      sort: 3,
      path: `${city.root.path}${stored[0].id}/`,
    });
    expect(stored[1].path).toMatch(new RegExp(`^${stored[0].path}\\d+/\\d+/${stored[1].id}/$`));
    const tree = (await admin.get(`/api/regions/${stored[1].id}`)).json();
    expect(tree.path.map((p: { name: string }) => p.name)).toEqual([
      '测试市',
      '新区',
      '新区街道',
      '新区社区',
      '新区一网格',
    ]);

    const audit = await env.db
      .selectFrom('audit_logs')
      .select(['after'])
      .where('action', '=', 'import.regions')
      .where('city_id', '=', city.cityId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toEqual({ fileName: '区划-2026.xlsx', rows: 4, inserted: 4, updated: 0 });

    // Re-importing updates by code: renamed, nothing added.
    const again = await upload(
      admin,
      'regions',
      await xlsx(HEADERS.regions, [[grid, '新区第一网格', '网格', community]]),
    );
    expect(again.json()).toEqual({ inserted: 0, updated: 1 });
  });

  it('reports duplicates, unknown or later parents, moves and other regions’ codes', async () => {
    const a = newCode();
    const b = newCode();
    const res = await upload(
      districtStaff,
      'regions',
      await xlsx(HEADERS.regions, [
        [a, '甲社区', '社区村', codes['东街道']],
        [a, '甲社区二', '社区村', codes['东街道']],
        [newCode(), '乙网格', '网格', b],
        [b, '乙社区', '社区村', codes['东街道']],
        [newCode(), '丙社区', '社区村', '999999999999'],
        [codes['东社区'], '东社区', '社区村', codes['西街道']],
        [codes['西社区'], '西社区', '社区村', codes['西街道']],
        ['12345', '丁', '城市'],
      ]),
      { lang: 'en-US' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('nothing was imported');
    expect(res.json().details.errors).toEqual([
      { row: 3, column: 'Region code', message: 'Duplicates row 2' },
      { row: 4, column: 'Parent code', message: `Parent region “${b}” must come before this row` },
      { row: 6, column: 'Parent code', message: '“999999999999” not found' },
      { row: 7, column: 'Parent code', message: `“${codes['西街道']}” not found` },
      {
        row: 7,
        column: 'Parent code',
        message: `This region exists under “${codes['东街道']}”; an import cannot move it`,
      },
      { row: 8, column: 'Region code', message: `“${codes['西社区']}” already exists` },
      { row: 9, column: 'Region code', message: 'Wrong format: 12-digit statistical division code' },
      // A row without a valid code is reported for its cells and not checked further.
      { row: 9, column: 'Level', message: expect.stringContaining('Must be one of') },
    ]);
  });
});

describe('units', () => {
  it('upserts by name, links parents within the file, keeps stored values for empty cells', async () => {
    const parent = `局${uniq()}`;
    const child = `科${uniq()}`;
    const first = await upload(
      admin,
      'units',
      await xlsx(HEADERS.units, [
        [child, undefined, '委办局', parent, '东社区', '孙科长', '13811112222'],
        [parent, '某局', 'agency', undefined, codes['东区'], '周局长', '13833334444', '吴联络', '0391-2345678'],
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 2, updated: 0 });
    const second = await upload(
      admin,
      'units',
      await xlsx(HEADERS.units, [[parent, undefined, '事业单位', undefined, undefined, '郑局长']]),
    );
    expect(second.json()).toEqual({ inserted: 0, updated: 1 });
    const rows = await env.db.selectFrom('units').selectAll().where('name', 'in', [parent, child]).execute();
    const p = rows.find((r) => r.name === parent)!;
    const c = rows.find((r) => r.name === child)!;
    expect(c.parent_id).toBe(p.id);
    expect(c.region_id).toBe(city.communities[0].id);
    expect(p).toMatchObject({
      short_name: '某局',
      type: 'public_institution',
      region_id: city.districts[0].id,
      head_name: '郑局长',
      head_phone: '13833334444',
      liaison_phone: '0391-2345678',
    });
  });

  it('reports bad types, phones, unknown and ambiguous references and parent cycles', async () => {
    await admin.post('/api/regions', { parentId: city.streets[1].id, code: newCode(), name: '东社区' });
    const [a, b] = [`环甲${uniq()}`, `环乙${uniq()}`];
    const before = await count('units');
    const res = await upload(
      admin,
      'units',
      await xlsx(HEADERS.units, [
        [`单位${uniq()}`, undefined, '银行'],
        [`单位${uniq()}`, undefined, '学校', undefined, undefined, '某', '1234567'],
        [`单位${uniq()}`, undefined, '学校', '不存在的局'],
        [`单位${uniq()}`, undefined, '学校', undefined, '东社区'],
        [a, undefined, '学校', b],
        [b, undefined, '学校', a],
        ['东区城管局', undefined, '学校', '东区城管局'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().details.errors as { row: number; column: string; message: string }[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '单位类型'],
      [3, '负责人电话'],
      [4, '上级单位'],
      [5, '所属区划'],
      [6, '上级单位'],
      [7, '上级单位'],
      [8, '上级单位'],
    ]);
    expect(errors[0].message).toContain('应为以下之一');
    expect(errors[3].message).toBe('“东社区”对应多条记录，请改填区划代码');
    expect(errors[4].message).toBe('上级单位不能是本单位或其下级');
    expect(await count('units')).toBe(before);
  });
});

describe('people', () => {
  it('matches people by name and phone, adds the rest, and reports bad rows', async () => {
    const name = `钱${uniq()}`;
    const first = await upload(
      admin,
      'people',
      await xlsx(HEADERS.people, [
        [name, '党员干部/志愿者', '男', '13700001111', '东区城管局', codes['东社区']],
        [name, '党员干部/志愿者', '男'],
        [name, '党员干部/志愿者', '男'],
      ]),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 3, updated: 0 });
    const second = await upload(
      admin,
      'people',
      await xlsx(HEADERS.people, [[name, '工作人员', undefined, '13700001111', undefined, undefined, '第一支部']]),
    );
    expect(second.json()).toEqual({ inserted: 0, updated: 1 });
    const stored = await env.db
      .selectFrom('people')
      .selectAll()
      .where('name', '=', name)
      .where('phone', '=', '13700001111')
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: 'staff',
      gender: 'male',
      unit_id: city.unitA,
      community_id: city.communities[0].id,
      party_org: '第一支部',
    });

    const before = await count('people');
    const bad = await upload(
      admin,
      'people',
      await xlsx(HEADERS.people, [
        ['好人甲', '工作人员', undefined, '13700002222', '东区城管局'],
        ['好人乙', '工作人员', undefined, '13700002222', '东区城管局'],
        ['坏人', '学生', '未知', '110', '没有这个单位', codes['东街道']],
        ['好人乙', '工作人员', undefined, '137 0000 2222'],
        [undefined, '工作人员'],
      ]),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '4:人员类别',
      '4:性别',
      '4:手机号',
      '4:工作单位',
      '4:居住社区',
      '5:手机号',
      '6:姓名',
    ]);
    expect(bad.json().details.errors[5].message).toBe('与第 3 行重复');
    expect(await count('people')).toBe(before);
  });

  it('imports 10,000 people in one go', async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 10_000; i += 1) {
      rows.push([
        `批量${i}`,
        i % 3 === 0 ? '工作人员' : '党员干部/志愿者',
        i % 2 === 0 ? '男' : '女',
        `139${String(i).padStart(8, '0')}`,
        i % 2 === 0 ? '东区城管局' : '西区城管局',
        i % 2 === 0 ? codes['东社区'] : codes['西社区'],
        `第${i % 50}党支部`,
        undefined,
      ]);
    }
    const file = await xlsx(HEADERS.people, rows);
    const before = await count('people');
    const res = await upload(admin, 'people', file, { fileName: 'people-10k.xlsx' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toEqual({ inserted: 10_000, updated: 0 });
    expect(await count('people')).toBe(before + 10_000);
    const again = await upload(admin, 'people', file);
    expect(again.json()).toEqual({ inserted: 0, updated: 10_000 });
  }, 120_000);
});

describe('files', () => {
  it('refuses a missing, empty, non-xlsx, oversized or formula-laden file', async () => {
    const noFile = await admin.post('/api/import/people', {});
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ code: 'FILE_REQUIRED', message: '请选择要上传的文件' });
    const good = await xlsx(HEADERS.people, [['某人', '工作人员', undefined, undefined, '东区城管局']]);
    expect((await upload(admin, 'people', good, { field: 'attachment' })).json().code).toBe('FILE_REQUIRED');

    const empty = await upload(admin, 'people', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('FILE_EMPTY');

    const csv = await upload(admin, 'people', Buffer.from('姓名,人员类别\n张三,工作人员\n'), {
      fileName: 'people.xlsx',
    });
    expect(csv.statusCode).toBe(415);
    expect(csv.json()).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(csv.json().message).toContain('不是有效的 Excel');
    const csvEn = await upload(admin, 'people', Buffer.from('a,b\n'), { lang: 'en-US' });
    expect(csvEn.json().message).toContain('not a valid Excel');

    const noRows = await upload(admin, 'people', await xlsx(HEADERS.people, []));
    expect(noRows.statusCode).toBe(400);
    expect(noRows.json().message).toBe('文件中没有数据行');

    const formula = await upload(
      admin,
      'people',
      await xlsx(HEADERS.people, [
        ['某人', '工作人员', undefined, { formula: '"1380013"&"8000"', result: '13800138000' }],
      ]),
    );
    expect(formula.statusCode).toBe(422);
    expect(formula.json().details.errors).toEqual([
      { row: 2, column: '手机号', message: '不接受公式，请将单元格粘贴为数值' },
    ]);

    const limit = env.config.importMaxBytes;
    env.config.importMaxBytes = 1024;
    try {
      const big = await upload(admin, 'people', Buffer.concat([good, randomBytes(2048)]));
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: '文件过大，上限为 1 KB' });
    } finally {
      env.config.importMaxBytes = limit;
    }
  });
});
