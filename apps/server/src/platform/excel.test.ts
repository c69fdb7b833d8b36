import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { storedZip } from '../../test/fixtures.js';
import { AppError } from './errors.js';
import {
  buildTemplate,
  buildWorkbook,
  MAX_CELL_TEXT,
  MAX_IMPORT_ERRORS,
  parseImport,
  streamXlsx,
  validateUnique,
  type ColumnSpec,
} from './excel.js';

type Key = 'code' | 'name' | 'phone' | 'count' | 'area' | 'birth' | 'gender' | 'remark';

const COLUMNS: ColumnSpec<Key>[] = [
  {
    key: 'code',
    header: { 'zh-CN': '区划代码', 'en-US': 'Region code' },
    type: 'string',
    required: true,
    pattern: /^\d{12}$/,
    patternHint: { 'zh-CN': '12 位数字', 'en-US': '12 digits' },
    example: '110101001001',
  },
  {
    key: 'name',
    header: { 'zh-CN': '姓名', 'en-US': 'Name' },
    type: 'string',
    required: true,
    maxLength: 10,
    example: '张三',
  },
  { key: 'phone', header: { 'zh-CN': '联系电话', 'en-US': 'Phone' }, type: 'phone', example: '13800138000' },
  { key: 'count', header: { 'zh-CN': '人数', 'en-US': 'Head count' }, type: 'integer', example: 5 },
  { key: 'area', header: { 'zh-CN': '面积', 'en-US': 'Area' }, type: 'number' },
  {
    key: 'birth',
    header: { 'zh-CN': '出生日期', 'en-US': 'Birth date' },
    type: 'date',
    example: '1990-01-01',
  },
  {
    key: 'gender',
    header: { 'zh-CN': '性别', 'en-US': 'Gender' },
    type: 'enum',
    enumValues: [
      { value: 'male', label: { 'zh-CN': '男', 'en-US': 'Male' } },
      { value: 'female', label: { 'zh-CN': '女', 'en-US': 'Female' } },
    ],
    example: '男',
  },
  { key: 'remark', header: { 'zh-CN': '备注', 'en-US': 'Remark' }, type: 'string' },
];

const ZH_HEADERS = COLUMNS.map((column) => column.header['zh-CN']);

/** A workbook whose first sheet holds `rows` (row 1 first); cells may be any exceljs value. */
async function xlsx(rows: unknown[][], setUp?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  rows.forEach((values, r) => {
    values.forEach((value, c) => {
      if (value !== undefined) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    });
  });
  setUp?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A valid row in template column order. */
function validRow(overrides: Partial<Record<Key, unknown>> = {}): ExcelJS.CellValue[] {
  const base: Record<Key, unknown> = {
    code: '110101001002',
    name: '李四',
    phone: '13900139000',
    count: 3,
    area: 12.5,
    birth: '2026-03-31',
    gender: '女',
    remark: '',
    ...overrides,
  };
  return COLUMNS.map((column) => base[column.key] as ExcelJS.CellValue);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('buildTemplate', () => {
  it('has a bold frozen Chinese header, an example row, widths, drop-downs and a notes sheet', async () => {
    const workbook = await load(await buildTemplate(COLUMNS, 'zh-CN'));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('导入数据');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '区划代码*',
      '姓名*',
      '联系电话',
      '人数',
      '面积',
      '出生日期',
      '性别',
      '备注',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A2').value).toBe('110101001001');
    expect(sheet.getCell('D2').value).toBe(5);
    expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    expect(sheet.getColumn(1).numFmt).toBe('@');
    const validation = (sheet.getCell('G3') as ExcelJS.Cell & { dataValidation?: ExcelJS.DataValidation })
      .dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"男,女"'] });

    const notes = workbook.getWorksheet('说明')!;
    expect(notes.getRow(1).values).toEqual([undefined, '列名', '是否必填', '格式要求', '可选值', '示例']);
    expect(notes.getRow(2).values).toEqual([undefined, '区划代码', '是', '文本；12 位数字', '', '110101001001']);
    expect(notes.getRow(8).getCell(4).value).toBe('男、女');
    expect(notes.getRow(7).getCell(3).value).toBe('日期，如 2026-03-31');
  });

  it('uses English headers and sheet names for en-US', async () => {
    const workbook = await load(await buildTemplate(COLUMNS, 'en-US'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Data', 'Notes']);
    expect(workbook.worksheets[0].getCell('A1').value).toBe('Region code*');
  });

  it('puts long enum lists on a hidden sheet', async () => {
    const many: ColumnSpec[] = [
      {
        key: 'street',
        header: { 'zh-CN': '街道', 'en-US': 'Street' },
        type: 'enum',
        enumValues: Array.from({ length: 40 }, (_, i) => ({
          value: `s${i}`,
          label: { 'zh-CN': `第${i}街道办事处`, 'en-US': `Street office ${i}` },
        })),
      },
    ];
    const workbook = await load(await buildTemplate(many, 'zh-CN'));
    const lists = workbook.getWorksheet('_lists')!;
    expect(lists.state).toBe('veryHidden');
    expect(lists.getCell('A40').value).toBe('第39街道办事处');
    const validation = (
      workbook.worksheets[0].getCell('A2') as ExcelJS.Cell & {
        dataValidation?: ExcelJS.DataValidation;
      }
    ).dataValidation;
    expect(validation?.formulae).toEqual(["'_lists'!$A$1:$A$40"]);
  });

  it('round-trips: template → fill in → parse, with the example row ignored', async () => {
    const workbook = await load(await buildTemplate(COLUMNS, 'zh-CN'));
    const sheet = workbook.worksheets[0];
    sheet.getRow(3).values = validRow();
    sheet.getRow(4).values = validRow({
      code: 110101001003,
      name: '王五',
      gender: 'male',
      birth: new Date(Date.UTC(2001, 4, 6)),
    });
    const result = await parseImport(Buffer.from(await workbook.xlsx.writeBuffer()), COLUMNS, {
      locale: 'zh-CN',
    });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        rowNumber: 3,
        values: {
          code: '110101001002',
          name: '李四',
          phone: '13900139000',
          count: 3,
          area: 12.5,
          birth: '2026-03-31',
          gender: 'female',
          remark: null,
        },
      },
      {
        rowNumber: 4,
        values: {
          code: '110101001003',
          name: '王五',
          phone: '13900139000',
          count: 3,
          area: 12.5,
          birth: '2001-05-06',
          gender: 'male',
          remark: null,
        },
      },
    ]);
  });

  it('keeps a row that only resembles the example', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({
        code: '110101001001',
        name: '张三',
        phone: '13800138000',
        count: 5,
        area: null,
        birth: '1990-01-01',
        gender: '男',
      }),
      validRow(),
    ]);
    const same = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(same.rows.map((row) => row.rowNumber)).toEqual([3]);
    const differs = await parseImport(
      await xlsx([
        ZH_HEADERS,
        validRow({
          code: '110101001001',
          name: '张三',
          phone: '13800138000',
          count: 6,
          area: null,
          birth: '1990-01-01',
          gender: '男',
        }),
      ]),
      COLUMNS,
      { locale: 'zh-CN' },
    );
    expect(differs.rows.map((row) => row.rowNumber)).toEqual([2]);
  });
});

describe('parseImport — whole-file problems', () => {
  it('rejects an empty buffer', async () => {
    const error = await rejection(parseImport(Buffer.alloc(0), COLUMNS, { locale: 'zh-CN' }));
    expect(error.code).toBe('FILE_EMPTY');
  });

  it.each([
    ['a CSV renamed to .xlsx', Buffer.from('区划代码,姓名\n110101001001,张三\n', 'utf8')],
    ['random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256))],
    [
      'an old .xls (OLE2)',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    ],
    ['a zip that is not a workbook', storedZip({ 'word/document.xml': '<w:document/>' })],
    [
      'a broken zip that names a workbook',
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), Buffer.alloc(64, 1)]),
    ],
  ])('rejects %s as not an xlsx', async (_name, buffer) => {
    const error = await rejection(parseImport(buffer, COLUMNS, { locale: 'zh-CN' }));
    expect(error.code).toBe('UNSUPPORTED_FILE');
    expect(error.messageKey).toBe('IMPORT_NOT_XLSX');
    expect(error.localize('zh-CN')).toContain('.xlsx');
  });

  it('rejects a truncated xlsx as not an xlsx', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow()]);
    const error = await rejection(parseImport(buffer.subarray(0, buffer.length / 2), COLUMNS, { locale: 'zh-CN' }));
    expect(error.messageKey).toBe('IMPORT_NOT_XLSX');
  });

  it('rejects a workbook without worksheets', async () => {
    const buffer = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const error = await rejection(parseImport(buffer, COLUMNS, { locale: 'zh-CN' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageKey).toBe('IMPORT_NO_SHEET');
  });

  it('rejects a header without data rows (blank rows do not count)', async () => {
    const error = await rejection(parseImport(await xlsx([ZH_HEADERS, [], ['  ']]), COLUMNS, { locale: 'zh-CN' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.localize('zh-CN')).toBe('文件中没有数据行');
  });

  it('rejects an empty sheet', async () => {
    const error = await rejection(parseImport(await xlsx([]), COLUMNS, { locale: 'zh-CN' }));
    expect(error.messageKey).toBe('IMPORT_NO_ROWS');
  });

  it('rejects more data rows than maxRows', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow(), validRow(), [], validRow(), validRow()]);
    const error = await rejection(parseImport(buffer, COLUMNS, { locale: 'zh-CN', maxRows: 3 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageKey).toBe('IMPORT_TOO_MANY_ROWS');
    expect(error.localize('zh-CN')).toBe('文件行数超过上限 3 行，请分批导入');
    const exact = await parseImport(buffer, COLUMNS, { locale: 'zh-CN', maxRows: 4 });
    expect(exact.rows).toHaveLength(4);
  });

  it('names the missing required columns', async () => {
    const buffer = await xlsx([
      ['联系电话', '人数', '无关列'],
      ['13800138000', 1, 'x'],
    ]);
    const error = await rejection(parseImport(buffer, COLUMNS, { locale: 'zh-CN' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.messageKey).toBe('IMPORT_BAD_HEADER');
    expect(error.params).toEqual({ columns: '区划代码、姓名' });
    const en = await rejection(parseImport(buffer, COLUMNS, { locale: 'en-US' }));
    expect(en.localize('en-US')).toBe(
      'The header does not match the template; missing columns: Region code、Name. Download the latest template',
    );
  });
});

describe('parseImport — headers', () => {
  it('accepts * and （必填） markers, spaces, English headers, any column order and extra columns', async () => {
    const buffer = await xlsx([
      ['无关列', ' 姓　名 *', 'Region code（必填）', '＊性别', 'head count'],
      ['x', '赵六', '110101001009', 'Female', '7'],
    ]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        rowNumber: 2,
        values: {
          code: '110101001009',
          name: '赵六',
          phone: null,
          count: 7,
          area: null,
          birth: null,
          gender: 'female',
          remark: null,
        },
      },
    ]);
  });

  it('takes the first non-empty row as the header and skips a title banner above it', async () => {
    const buffer = await xlsx([[], ['XX 社区人员导入表'], ZH_HEADERS, validRow()], (workbook) => {
      workbook.worksheets[0].mergeCells('A2:H2');
    });
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.rows.map((row) => row.rowNumber)).toEqual([4]);
  });

  it('reads the data sheet even when the notes sheet comes first', async () => {
    const buffer = await xlsx([['说明']], (workbook) => {
      workbook.worksheets[0].name = '说明';
      const data = workbook.addWorksheet('数据');
      data.addRow(ZH_HEADERS);
      data.addRow(validRow());
    });
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.rows).toHaveLength(1);
  });
});

describe('parseImport — cells', () => {
  it('reports every cell error with its Excel row, header and message (zh-CN)', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({ code: '', name: '' }), // 2: required ×2
      validRow({ name: '一二三四五六七八九十十一' }), // 3: too long
      validRow({ code: '11010100100' }), // 4: pattern
      validRow({ count: 1.5 }), // 5: not integer
      validRow({ count: '三' }), // 6: not integer
      validRow({ area: 'abc' }), // 7: not number
      validRow({ birth: '2026-02-30' }), // 8: not a date
      validRow({ gender: '未知' }), // 9: bad enum
      validRow({ phone: '138-abc' }), // 10: bad phone
      validRow({ count: { formula: 'A1+1', result: 2 } }), // 11: formula
      // eslint-disable-next-line no-loss-of-precision -- the point: Excel already lost these digits
      validRow({ code: 110101199001011234 }), // 12: 18 digits typed as a number
      [], // 13: skipped
      validRow(), // 14: fine
    ]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([
      { row: 2, column: '区划代码', message: '必填' },
      { row: 2, column: '姓名', message: '必填' },
      { row: 3, column: '姓名', message: '长度不能超过 10 个字符' },
      { row: 4, column: '区划代码', message: '格式不正确：12 位数字' },
      { row: 5, column: '人数', message: '应为整数' },
      { row: 6, column: '人数', message: '应为整数' },
      { row: 7, column: '面积', message: '应为数字' },
      { row: 8, column: '出生日期', message: '应为日期（如 2026-03-31）' },
      { row: 9, column: '性别', message: '应为以下之一：男、女' },
      { row: 10, column: '联系电话', message: '格式不正确：手机号或固定电话，如 13800138000、0371-12345678' },
      { row: 11, column: '人数', message: '不接受公式，请将单元格粘贴为数值' },
      {
        row: 12,
        column: '区划代码',
        message: '数字超过 15 位，Excel 已丢失末尾数字，请将该列设为文本格式后重新填写',
      },
    ]);
    expect(result.truncated).toBe(false);
    expect(result.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
    expect(result.rows[3].values.count).toBeNull();
  });

  it('reports errors in English for en-US', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow({ count: 'many', gender: 'x', name: null })]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'en-US' });
    expect(result.errors).toEqual([
      { row: 2, column: 'Name', message: 'Required' },
      { row: 2, column: 'Head count', message: 'Must be a whole number' },
      { row: 2, column: 'Gender', message: 'Must be one of: Male、Female' },
    ]);
  });

  it('never evaluates formulas, shared ones included', async () => {
    const buffer = await xlsx(
      [ZH_HEADERS, validRow({ remark: { formula: 'HYPERLINK("http://x","y")', result: 'y' } }), validRow()],
      (workbook) => {
        const sheet = workbook.worksheets[0];
        sheet.getCell('D2').value = { formula: 'ROW()', result: 2 } as ExcelJS.CellFormulaValue;
        sheet.getCell('D3').value = { sharedFormula: 'D2', result: 3 } as ExcelJS.CellSharedFormulaValue;
      },
    );
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([
      { row: 2, column: '人数', message: '不接受公式，请将单元格粘贴为数值' },
      { row: 2, column: '备注', message: '不接受公式，请将单元格粘贴为数值' },
      { row: 3, column: '人数', message: '不接受公式，请将单元格粘贴为数值' },
    ]);
  });

  it('returns codes and phone numbers typed as numbers as exact strings', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow({ code: 110101001001, phone: 13800138000, remark: 42 })]);
    const [row] = (await parseImport(buffer, COLUMNS, { locale: 'zh-CN' })).rows;
    expect(row.values.code).toBe('110101001001');
    expect(row.values.phone).toBe('13800138000');
    expect(row.values.remark).toBe('42');
  });

  it('accepts landlines with a dash and trims strings', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow({ phone: ' 0371-12345678 ', name: '  孙七 ' })]);
    const [row] = (await parseImport(buffer, COLUMNS, { locale: 'zh-CN' })).rows;
    expect(row.values.phone).toBe('0371-12345678');
    expect(row.values.name).toBe('孙七');
  });

  it('reads dates as Date cells, serial numbers and three text forms', async () => {
    const forms: unknown[] = [
      new Date(Date.UTC(2026, 2, 31)),
      46112,
      '2026-03-31',
      '2026/3/31',
      '2026年3月31日',
      '20260331',
    ];
    const buffer = await xlsx([ZH_HEADERS, ...forms.map((birth) => validRow({ birth }))]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.values.birth)).toEqual(Array(forms.length).fill('2026-03-31'));
  });

  it('reads a date-formatted numeric cell written by Excel', async () => {
    const buffer = await xlsx([ZH_HEADERS, validRow({ birth: 46112 })], (workbook) => {
      workbook.worksheets[0].getCell('F2').numFmt = 'yyyy"年"m"月"d"日"';
    });
    const [row] = (await parseImport(buffer, COLUMNS, { locale: 'zh-CN' })).rows;
    expect(row.values.birth).toBe('2026-03-31');
  });

  it('keeps integers and numbers, accepting numeric text', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({ count: '12', area: '1,234.5' }),
      validRow({ count: 4, area: 0.1 + 0.2 }),
      validRow({ count: '7.0', area: -3 }),
    ]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.values.count, row.values.area])).toEqual([
      [12, 1234.5],
      [4, 0.3],
      [7, -3],
    ]);
  });

  it('matches enums by zh label, en label or value', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({ gender: '男' }),
      validRow({ gender: 'female' }),
      validRow({ gender: ' FEMALE ' }),
      validRow({ gender: 'Male' }),
    ]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => row.values.gender)).toEqual(['male', 'female', 'female', 'male']);
  });

  it('flattens rich text and hyperlinks to their text', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({
        name: { richText: [{ text: '周', font: { bold: true } }, { text: '八' }] },
        remark: { text: '官网', hyperlink: 'https://example.org' },
      }),
    ]);
    const [row] = (await parseImport(buffer, COLUMNS, { locale: 'zh-CN' })).rows;
    expect(row.values.name).toBe('周八');
    expect(row.values.remark).toBe('官网');
  });

  it(`stops the report at ${MAX_IMPORT_ERRORS} errors and says so`, async () => {
    const rows = Array.from({ length: 600 }, () => validRow({ count: 'x' }));
    const result = await parseImport(await xlsx([ZH_HEADERS, ...rows]), COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toHaveLength(MAX_IMPORT_ERRORS);
    expect(result.truncated).toBe(true);
    expect(result.rows).toHaveLength(600);
  });

  it('parses a 10,000-row × 8-column file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(ZH_HEADERS);
    for (let i = 0; i < 10_000; i += 1) {
      sheet.addRow([
        String(110101000000 + i),
        `居民${i}`,
        13800000000 + i,
        i % 50,
        i / 4,
        new Date(Date.UTC(2000, 0, 1 + (i % 3650))),
        i % 2 ? '男' : '女',
        `备注 ${i}`,
      ]);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
    expect(result.rows[9_999].values).toMatchObject({
      code: '110101009999',
      phone: '13800009999',
      count: 49,
    });
  });
});

describe('validateUnique', () => {
  it('points each repeat at the first row with that value', async () => {
    const buffer = await xlsx([
      ZH_HEADERS,
      validRow({ code: '110101001001' }),
      validRow({ code: '110101001002' }),
      validRow({ code: 110101001001 }),
      validRow({ code: '110101001001' }),
    ]);
    const { rows } = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(validateUnique(rows, 'code', '区划代码', 'zh-CN')).toEqual([
      { row: 4, column: '区划代码', message: '与第 2 行重复' },
      { row: 5, column: '区划代码', message: '与第 2 行重复' },
    ]);
    expect(validateUnique(rows, 'remark', 'Remark', 'en-US')).toEqual([]);
    expect(validateUnique(rows, 'phone', 'Phone', 'en-US')[0]).toEqual({
      row: 3,
      column: 'Phone',
      message: 'Duplicates row 2',
    });
  });
});

describe('buildWorkbook', () => {
  const columns = [
    { header: '名称', key: 'name', width: 20 },
    { header: '数量', key: 'count' },
    { header: '提交时间', key: 'at' },
    { header: '备注', key: 'note' },
  ];

  it('writes a bold frozen header with auto filter, values that read back, and dates in Beijing time', async () => {
    const buffer = await buildWorkbook([
      {
        name: '案件',
        columns,
        rows: [
          { name: '占道经营', count: 3, at: new Date('2026-03-31T02:30:00Z'), note: null },
          { name: '=1+1', count: 0, at: null, note: '+86 138' },
          { name: '@SUM(A1)', count: -1, note: { formula: 'A1*2' } },
        ],
      },
      { name: '案件', columns: [{ header: 'x', key: 'x' }], rows: [{ x: 'y' }] },
    ]);
    const workbook = await load(buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['案件', '案件 (2)']);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '名称', '数量', '提交时间', '备注']);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBe(20);

    expect(sheet.getCell('A2').value).toBe('占道经营');
    expect(sheet.getCell('B2').value).toBe(3);
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-03-31T10:30:00.000Z');
    expect(sheet.getCell('D2').value).toBeNull();

    // Formula-looking text stays text; objects from data never become formulas.
    for (const address of ['A3', 'D3', 'A4', 'D4']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).formula).toBeUndefined();
    }
    expect(sheet.getCell('A3').value).toBe('=1+1');
    expect(sheet.getCell('D4').value).toBe('{"formula":"A1*2"}');
  });

  it('cuts text longer than an Excel cell holds and drops characters XML cannot carry', async () => {
    const buffer = await buildWorkbook([
      {
        name: 'a/b:c',
        columns: [{ header: 'text', key: 'text' }],
        rows: [{ text: 'x'.repeat(40_000) }, { text: 'a\u0001b\uFFFEc\uD800' }],
      },
    ]);
    const sheet = (await load(buffer)).worksheets[0];
    expect(sheet.name).toBe('a b c');
    expect((sheet.getCell('A2').value as string).length).toBe(MAX_CELL_TEXT);
    expect(sheet.getCell('A3').value).toBe('abc');
  });

  it('round-trips an export through parseImport', async () => {
    const buffer = await buildWorkbook([
      {
        name: '导出',
        columns: COLUMNS.map((column) => ({ header: column.header['zh-CN'], key: column.key })),
        rows: [
          {
            code: '110101001001',
            name: '张三',
            count: 2,
            birth: '2026-03-31',
            gender: '男',
            phone: '13800138000',
          },
        ],
      },
    ]);
    const result = await parseImport(buffer, COLUMNS, { locale: 'zh-CN' });
    expect(result.errors).toEqual([]);
    expect(result.rows[0].values).toEqual({
      code: '110101001001',
      name: '张三',
      phone: '13800138000',
      count: 2,
      area: null,
      birth: '2026-03-31',
      gender: 'male',
      remark: null,
    });
  });
});

describe('streamXlsx', () => {
  it('destroys the stream and rethrows when the rows fail', async () => {
    const out = new PassThrough();
    out.on('data', () => undefined);
    out.on('error', () => undefined);
    async function* rows() {
      yield { name: 'a' };
      throw new Error('cursor lost');
    }
    await expect(streamXlsx(out, { name: 'x', columns: [{ header: 'n', key: 'name' }] }, rows())).rejects.toThrow(
      'cursor lost',
    );
    expect(out.destroyed).toBe(true);
  });

  it('streams rows from an async iterable into a readable workbook', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    async function* rows() {
      for (let i = 0; i < 2_500; i += 1) {
        yield { name: i === 0 ? '=1+1' : `第${i}行`, count: i, at: new Date('2026-03-31T16:00:00Z') };
      }
    }
    await streamXlsx(
      out,
      {
        name: '导出',
        columns: [
          { header: '名称', key: 'name' },
          { header: '数量', key: 'count' },
          { header: '时间', key: 'at' },
        ],
      },
      rows(),
    );
    const sheet = (await load(Buffer.concat(chunks))).worksheets[0];
    expect(sheet.name).toBe('导出');
    expect(sheet.rowCount).toBe(2_501);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2501').value).toBe(2_499);
    expect(sheet.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});
