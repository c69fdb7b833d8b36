// The Excel layer every import and export goes through: import templates built from column specs,
// strict parsing of uploaded .xlsx files into typed values plus a per-cell error report, and
// export workbooks (in memory or streamed). Formulas are never evaluated on import and never
// written from data on export.

import type { Stream } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';
import { t, type Locale } from './i18n.js';

// ---------------------------------------------------------------------------------------------
// Column specs
// ---------------------------------------------------------------------------------------------

export type CellType = 'string' | 'integer' | 'number' | 'date' | 'enum' | 'phone';

export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Templates use the locale's header; both languages are accepted when reading. */
  header: LocalizedText;
  type: CellType;
  required?: boolean;
  maxLength?: number;
  pattern?: RegExp;
  patternHint?: LocalizedText;
  /** A cell may hold the value, the zh label or the en label; parsing returns the value. */
  enumValues?: { value: string; label: LocalizedText }[];
  width?: number;
  example?: string | number;
}

export type ImportValue = string | number | null;

export interface ImportError {
  /** The Excel row number as the clerk sees it. */
  row: number;
  /** The column's header text in the request locale. */
  column: string;
  message: string;
}

export interface ImportRow<K extends string> {
  rowNumber: number;
  values: Record<K, ImportValue>;
}

export interface ImportResult<K extends string> {
  rows: ImportRow<K>[];
  errors: ImportError[];
  /** True when more than MAX_IMPORT_ERRORS errors were found and the report was cut. */
  truncated: boolean;
}

export interface ParseImportOptions {
  locale: Locale;
  maxRows?: number;
}

export const DEFAULT_MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_ERRORS = 500;
/** Excel's hard limit on characters in one cell; longer text makes Excel call the file corrupt. */
export const MAX_CELL_TEXT = 32_767;

const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const NOTES_SHEET_NAMES = new Set(['说明', 'notes']);
const LISTS_SHEET_NAME = '_lists';

// ---------------------------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------------------------

/**
 * An .xlsx import template: bold frozen header (required columns marked `*`), one grey example
 * row (ignored by parseImport), column widths and text/date formats, drop-downs for enum columns,
 * and a notes sheet describing every column.
 */
export async function buildTemplate<K extends string>(
  columns: readonly ColumnSpec<K>[],
  locale: Locale,
  options: { maxRows?: number } = {},
): Promise<Buffer> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(t(locale, 'TEMPLATE_DATA_SHEET'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });

  columns.forEach((spec, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = spec.width ?? defaultWidth(spec.header[locale], 12);
    // Text-formatted columns keep codes and phone numbers the clerk types as text.
    if (spec.type === 'string' || spec.type === 'phone') column.numFmt = '@';
    if (spec.type === 'date') column.numFmt = 'yyyy-mm-dd';
  });

  const header = sheet.getRow(1);
  columns.forEach((spec, index) => {
    const cell = header.getCell(index + 1);
    cell.value = spec.required ? `${spec.header[locale]}*` : spec.header[locale];
    cell.font = { bold: true, color: spec.required ? { argb: 'FFC00000' } : undefined };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });

  if (columns.some((spec) => spec.example !== undefined)) {
    const example = sheet.getRow(2);
    columns.forEach((spec, index) => {
      if (spec.example === undefined) return;
      const cell = example.getCell(index + 1);
      cell.value = spec.type === 'integer' || spec.type === 'number' ? spec.example : String(spec.example);
      cell.font = { italic: true, color: { argb: 'FF808080' } };
    });
  }

  const lastRow = maxRows + 1;
  let listsSheet: ExcelJS.Worksheet | undefined;
  let listsColumn = 0;
  columns.forEach((spec, index) => {
    if (spec.type !== 'enum' || !spec.enumValues?.length) return;
    const labels = spec.enumValues.map((option) => option.label[locale]);
    const inline = `"${labels.join(',')}"`;
    let formula: string;
    // Inline lists are the most portable (Excel, WPS) but are capped at 255 characters and
    // cannot hold commas; longer lists live on a hidden sheet.
    if (inline.length <= 255 && labels.every((label) => !/[,"]/.test(label))) {
      formula = inline;
    } else {
      listsSheet ??= workbook.addWorksheet(LISTS_SHEET_NAME, { state: 'veryHidden' });
      listsColumn += 1;
      labels.forEach((label, i) => {
        listsSheet!.getCell(i + 1, listsColumn).value = label;
      });
      const letter = columnLetter(listsColumn);
      formula = `'${LISTS_SHEET_NAME}'!$${letter}$1:$${letter}$${labels.length}`;
    }
    const letter = columnLetter(index + 1);
    (sheet as SheetWithValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, {
      type: 'list',
      allowBlank: !spec.required,
      formulae: [formula],
      showErrorMessage: true,
      // A warning, not a stop: the parser also accepts the code value and the other language.
      errorStyle: 'warning',
      error: t(locale, 'CELL_BAD_ENUM', { values: labels.join('、') }),
    });
  });

  const notes = workbook.addWorksheet(t(locale, 'TEMPLATE_NOTES_SHEET'));
  notes.columns = [
    { header: t(locale, 'TEMPLATE_NOTES_COLUMN'), width: 20 },
    { header: t(locale, 'TEMPLATE_NOTES_REQUIRED'), width: 10 },
    { header: t(locale, 'TEMPLATE_NOTES_FORMAT'), width: 40 },
    { header: t(locale, 'TEMPLATE_NOTES_VALUES'), width: 40 },
    { header: t(locale, 'TEMPLATE_NOTES_EXAMPLE'), width: 20 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const spec of columns) {
    notes.addRow([
      spec.header[locale],
      t(locale, spec.required ? 'TEMPLATE_YES' : 'TEMPLATE_NO'),
      describeFormat(spec, locale),
      spec.enumValues?.map((option) => option.label[locale]).join('、') ?? '',
      spec.example === undefined ? '' : String(spec.example),
    ]);
  }
  notes.addRow([]);
  notes.addRow([t(locale, 'TEMPLATE_NOTES_TIP', { max: maxRows })]);

  return toBuffer(await workbook.xlsx.writeBuffer());
}

/** exceljs has range data validations at runtime but leaves them out of its typings. */
type SheetWithValidations = ExcelJS.Worksheet & {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

function describeFormat(spec: ColumnSpec, locale: Locale): string {
  const parts: string[] = [];
  switch (spec.type) {
    case 'string':
      parts.push(t(locale, 'TEMPLATE_TYPE_STRING'));
      break;
    case 'integer':
      parts.push(t(locale, 'TEMPLATE_TYPE_INTEGER'));
      break;
    case 'number':
      parts.push(t(locale, 'TEMPLATE_TYPE_NUMBER'));
      break;
    case 'date':
      parts.push(t(locale, 'TEMPLATE_TYPE_DATE'));
      break;
    case 'enum':
      parts.push(t(locale, 'TEMPLATE_TYPE_ENUM'));
      break;
    case 'phone':
      parts.push(t(locale, 'TEMPLATE_TYPE_PHONE'));
      break;
  }
  if (spec.maxLength !== undefined) parts.push(t(locale, 'TEMPLATE_MAX_LENGTH', { max: spec.maxLength }));
  if (spec.patternHint) parts.push(spec.patternHint[locale]);
  return parts.join(locale === 'zh-CN' ? '；' : '; ');
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

const FORMULA = Symbol('formula');
const CELL_ERROR = Symbol('cell-error');
/** What a cell holds once rich text and hyperlinks are flattened. */
type RawCell = string | number | boolean | Date | typeof FORMULA | { [CELL_ERROR]: string } | null;

type Converted = { value: ImportValue } | { error: string; params?: Record<string, unknown> };

interface PreparedColumn<K extends string> {
  spec: ColumnSpec<K>;
  index: number; // 1-based column in the sheet, 0 when absent from the file
  header: string;
  pattern?: RegExp;
  enumLookup?: Map<string, string>;
  enumLabels?: string;
  example?: string;
}

/**
 * Reads the first data sheet of an .xlsx upload. Throws AppError for whole-file problems (not an
 * xlsx, empty, no sheet, wrong header, no rows, too many rows); cell problems are collected in
 * `errors` (at most MAX_IMPORT_ERRORS) and the cell's value is null.
 */
export async function parseImport<K extends string>(
  buffer: Buffer | Uint8Array,
  columns: readonly ColumnSpec<K>[],
  options: ParseImportOptions,
): Promise<ImportResult<K>> {
  const { locale } = options;
  const maxRows = options.maxRows ?? DEFAULT_MAX_IMPORT_ROWS;
  const workbook = await loadWorkbook(buffer);

  const sheet = pickDataSheet(workbook);
  if (!sheet) throw new AppError('VALIDATION_FAILED', { messageKey: 'IMPORT_NO_SHEET' });
  const date1904 = Boolean(workbook.properties?.date1904);

  const headerRow = findHeaderRow(sheet, columns);
  if (!headerRow) throw new AppError('VALIDATION_FAILED', { messageKey: 'IMPORT_NO_ROWS' });
  const prepared = prepareColumns(columns, headerRow, locale);
  const missing = prepared.filter((column) => column.spec.required && column.index === 0);
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      messageKey: 'IMPORT_BAD_HEADER',
      params: { columns: missing.map((column) => column.header).join('、') },
    });
  }
  const present = prepared.filter((column) => column.index > 0);
  const hasExample = prepared.some((column) => column.example !== undefined);

  const rows: ImportRow<K>[] = [];
  const errors: ImportError[] = [];
  let truncated = false;
  const report = (row: number, column: string, key: string, params?: Record<string, unknown>) => {
    if (errors.length >= MAX_IMPORT_ERRORS) {
      truncated = true;
      return;
    }
    errors.push({ row, column, message: t(locale, key, params) });
  };

  const raws: RawCell[] = new Array(present.length);
  let isFirstDataRow = true;
  for (let rowNumber = headerRow.number + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.findRow(rowNumber);
    if (!row) continue;
    let isEmpty = true;
    for (let i = 0; i < present.length; i += 1) {
      const cell = row.findCell(present[i].index);
      raws[i] = cell ? readCell(cell) : null;
      if (raws[i] !== null) isEmpty = false;
    }
    if (isEmpty) continue;
    if (isFirstDataRow) {
      isFirstDataRow = false;
      // The template's example row, left in place by the clerk, is not data.
      if (hasExample && isExampleRow(present, raws)) continue;
    }
    if (rows.length >= maxRows) {
      throw new AppError('VALIDATION_FAILED', {
        messageKey: 'IMPORT_TOO_MANY_ROWS',
        params: { max: maxRows },
      });
    }

    const values = {} as Record<K, ImportValue>;
    for (const column of prepared) values[column.spec.key] = null;
    for (let i = 0; i < present.length; i += 1) {
      const column = present[i];
      const result = convertCell(raws[i], column, locale, date1904);
      if ('error' in result) report(rowNumber, column.header, result.error, result.params);
      else values[column.spec.key] = result.value;
    }
    rows.push({ rowNumber, values });
  }

  if (rows.length === 0) throw new AppError('VALIDATION_FAILED', { messageKey: 'IMPORT_NO_ROWS' });
  return { rows, errors, truncated };
}

/**
 * Errors for values that repeat within the file (empty values are skipped). Each repeat points at
 * the first row that holds the value.
 */
export function validateUnique<K extends string>(
  rows: readonly ImportRow<K>[],
  key: K,
  columnHeader: string,
  locale: Locale,
): ImportError[] {
  const firstRow = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const row of rows) {
    const value = row.values[key];
    if (value === null || value === '') continue;
    const normalized = typeof value === 'string' ? value.trim() : String(value);
    const first = firstRow.get(normalized);
    if (first === undefined) firstRow.set(normalized, row.rowNumber);
    else
      errors.push({
        row: row.rowNumber,
        column: columnHeader,
        message: t(locale, 'CELL_DUPLICATE', { row: first }),
      });
  }
  return errors;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function loadWorkbook(buffer: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  if (buffer.length === 0) throw new AppError('FILE_EMPTY');
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.length);
  const notXlsx = () => new AppError('UNSUPPORTED_FILE', { messageKey: 'IMPORT_NOT_XLSX' });
  if (bytes.length < 4 || ZIP_MAGIC.some((byte, i) => bytes[i] !== byte)) throw notXlsx();
  // A .docx or any other zip is not a workbook; zip entry names are stored uncompressed.
  if (!bytes.includes('xl/workbook.xml')) throw notXlsx();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx();
  }
  return workbook;
}

function pickDataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets;
  return (
    sheets.find(
      (sheet) =>
        sheet.state !== 'hidden' &&
        sheet.state !== 'veryHidden' &&
        !NOTES_SHEET_NAMES.has(sheet.name.trim().toLowerCase()),
    ) ?? sheets[0]
  );
}

/** Header text without spaces (half- or full-width), `*` markers or a （必填） suffix. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/(?:[*＊]|[（(](?:必填|required)[)）])+$/i, '')
    .toLowerCase();
}

/**
 * The header is the first non-empty row; a title row above it (a merged "XX 导入表" banner) is
 * skipped when it matches no column and a later row among the first few does.
 */
function findHeaderRow(sheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): ExcelJS.Row | undefined {
  const known = new Set(
    columns.flatMap((spec) => [normalizeHeader(spec.header['zh-CN']), normalizeHeader(spec.header['en-US'])]),
  );
  let first: ExcelJS.Row | undefined;
  let seen = 0;
  for (let rowNumber = 1; rowNumber <= sheet.rowCount && seen < 10; rowNumber += 1) {
    const row = sheet.findRow(rowNumber);
    if (!row || !row.hasValues) continue;
    const texts = rowTexts(row);
    if (texts.length === 0) continue;
    seen += 1;
    first ??= row;
    if (texts.some(({ text }) => known.has(normalizeHeader(text)))) return row;
  }
  return first;
}

function rowTexts(row: ExcelJS.Row): { index: number; text: string }[] {
  const texts: { index: number; text: string }[] = [];
  row.eachCell((cell, index) => {
    const raw = readCell(cell);
    if (raw === null || raw === FORMULA) return;
    const text = rawToText(raw);
    if (text !== '') texts.push({ index, text });
  });
  return texts;
}

function prepareColumns<K extends string>(
  columns: readonly ColumnSpec<K>[],
  headerRow: ExcelJS.Row,
  locale: Locale,
): PreparedColumn<K>[] {
  const positions = new Map<string, number>();
  for (const { index, text } of rowTexts(headerRow)) {
    const normalized = normalizeHeader(text);
    if (!positions.has(normalized)) positions.set(normalized, index);
  }
  return columns.map((spec) => {
    const index =
      positions.get(normalizeHeader(spec.header['zh-CN'])) ?? positions.get(normalizeHeader(spec.header['en-US'])) ?? 0;
    const column: PreparedColumn<K> = { spec, index, header: spec.header[locale] };
    if (spec.pattern) column.pattern = new RegExp(spec.pattern.source, spec.pattern.flags.replace(/[gy]/g, ''));
    if (spec.type === 'enum') {
      const options = spec.enumValues ?? [];
      column.enumLookup = new Map();
      // Later entries never override earlier ones: values win over labels.
      const add = (text: string, value: string) => {
        const key = normalizeChoice(text);
        if (!column.enumLookup!.has(key)) column.enumLookup!.set(key, value);
      };
      for (const option of options) add(option.value, option.value);
      for (const option of options) add(option.label['zh-CN'], option.value);
      for (const option of options) add(option.label['en-US'], option.value);
      column.enumLabels = options.map((option) => option.label[locale]).join('、');
    }
    if (spec.example !== undefined) column.example = String(spec.example).trim();
    return column;
  });
}

function normalizeChoice(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '').toLowerCase();
}

function isExampleRow<K extends string>(present: PreparedColumn<K>[], raws: RawCell[]): boolean {
  let matched = 0;
  for (let i = 0; i < present.length; i += 1) {
    const raw = raws[i];
    const text = raw === null || raw === FORMULA || isCellError(raw) ? '' : rawToText(raw);
    const expected = present[i].example ?? '';
    if (text !== expected) return false;
    if (expected !== '') matched += 1;
  }
  return matched > 0;
}

/** Flattens a cell to a primitive; formulas become FORMULA and are never evaluated. */
function readCell(cell: ExcelJS.Cell): RawCell {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return value.trim() === '' ? null : value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const object = value as Record<string, unknown>;
  if ('formula' in object || 'sharedFormula' in object || cell.formula) return FORMULA;
  if ('error' in object) return { [CELL_ERROR]: String(object.error) };
  const text = objectText(object);
  return text.trim() === '' ? null : text;
}

/** Text of rich text and hyperlink values (a hyperlink's text may itself be rich text). */
function objectText(object: Record<string, unknown>): string {
  if (Array.isArray(object.richText)) {
    return (object.richText as { text?: unknown }[])
      .map((run) => (typeof run.text === 'string' ? run.text : ''))
      .join('');
  }
  if ('text' in object) {
    const text = object.text;
    if (typeof text === 'string') return text;
    if (typeof text === 'number') return String(text);
    if (text && typeof text === 'object') return objectText(text as Record<string, unknown>);
  }
  return '';
}

function isCellError(raw: RawCell): raw is { [CELL_ERROR]: string } {
  return typeof raw === 'object' && raw !== null && !(raw instanceof Date) && CELL_ERROR in raw;
}

function convertCell<K extends string>(
  raw: RawCell,
  column: PreparedColumn<K>,
  locale: Locale,
  date1904: boolean,
): Converted {
  const { spec } = column;
  if (raw === FORMULA) return { error: 'CELL_FORMULA' };
  if (raw === null) return spec.required ? { error: 'CELL_REQUIRED' } : { value: null };
  if (isCellError(raw)) return { error: 'CELL_BAD_FORMAT', params: { hint: raw[CELL_ERROR] } };

  let result: Converted;
  switch (spec.type) {
    case 'string':
      result = toStringValue(raw);
      break;
    case 'phone':
      result = toPhone(raw, spec, locale);
      break;
    case 'integer':
      result = toInteger(raw);
      break;
    case 'number':
      result = toNumber(raw);
      break;
    case 'date':
      result = toDate(raw, date1904);
      break;
    case 'enum': {
      const found = column.enumLookup?.get(normalizeChoice(rawToText(raw)));
      result =
        found === undefined ? { error: 'CELL_BAD_ENUM', params: { values: column.enumLabels } } : { value: found };
      break;
    }
  }
  if ('error' in result || typeof result.value !== 'string') return result;
  if (spec.type !== 'string' && spec.type !== 'phone') return result;

  const text = result.value;
  if (spec.maxLength !== undefined && codePointLength(text) > spec.maxLength) {
    return { error: 'CELL_TOO_LONG', params: { max: spec.maxLength } };
  }
  if (column.pattern && !column.pattern.test(text)) {
    return { error: 'CELL_BAD_FORMAT', params: { hint: spec.patternHint?.[locale] ?? '' } };
  }
  return result;
}

function toStringValue(raw: Exclude<RawCell, null | typeof FORMULA>): Converted {
  if (typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) >= 1e15) return { error: 'CELL_LONG_NUMBER' };
  const text = rawToText(raw);
  return { value: text === '' ? null : text };
}

const PHONE = /^\+?\d+(?:-\d+)*$/;

function toPhone(raw: Exclude<RawCell, null | typeof FORMULA>, spec: ColumnSpec, locale: Locale): Converted {
  const bad: Converted = {
    error: 'CELL_BAD_FORMAT',
    params: { hint: spec.patternHint?.[locale] ?? t(locale, 'TEMPLATE_TYPE_PHONE') },
  };
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw) || raw < 0) return bad;
    if (raw >= 1e15) return { error: 'CELL_LONG_NUMBER' };
    text = String(raw);
  } else if (typeof raw === 'string') {
    text = raw.replace(/[\s\u3000\u00a0]+/g, '').replace(/[－—–]/g, '-');
  } else {
    return bad;
  }
  const digits = text.replace(/\D/g, '').length;
  if (!PHONE.test(text) || digits < 3 || digits > 20) return bad;
  return { value: text };
}

const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

function parseNumericText(text: string): number | undefined {
  // Thousands separators are how clerks type big numbers; they are not decimal marks here.
  const cleaned = text.replace(/[\s\u3000\u00a0]+/g, '').replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!NUMERIC_TEXT.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

function toInteger(raw: Exclude<RawCell, null | typeof FORMULA>): Converted {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumericText(raw) : undefined;
  if (value === undefined || !Number.isSafeInteger(value)) return { error: 'CELL_NOT_INTEGER' };
  return { value: value === 0 ? 0 : value }; // no -0
}

function toNumber(raw: Exclude<RawCell, null | typeof FORMULA>): Converted {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumericText(raw) : undefined;
  if (value === undefined) return { error: 'CELL_NOT_NUMBER' };
  // Excel shows 15 significant digits; binary noise beyond them is not the clerk's number.
  const rounded = Number(value.toPrecision(15));
  return { value: rounded === 0 ? 0 : rounded };
}

const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Serial of 9999-12-31, the last day Excel knows. */
const MAX_EXCEL_SERIAL = 2_958_465;

function toDate(raw: Exclude<RawCell, null | typeof FORMULA>, date1904: boolean): Converted {
  const bad: Converted = { error: 'CELL_NOT_DATE' };
  if (raw instanceof Date) return { value: formatYmd(raw) };
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 10_000_000) {
      const compact = COMPACT_DATE.exec(String(raw));
      const ymd = compact && ymdOrNull(Number(compact[1]), Number(compact[2]), Number(compact[3]));
      return ymd ? { value: ymd } : bad;
    }
    const date = serialToDate(raw, date1904);
    return date ? { value: formatYmd(date) } : bad;
  }
  if (typeof raw !== 'string') return bad;
  const text = raw.trim();
  const match = DATE_TEXT.exec(text) ?? COMPACT_DATE.exec(text);
  const ymd = match && ymdOrNull(Number(match[1]), Number(match[2]), Number(match[3]));
  return ymd ? { value: ymd } : bad;
}

function ymdOrNull(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null; // 2026-02-30 and the like
  return formatYmd(date);
}

/** Excel serial day → UTC date, in the 1900 system (with its phantom 1900-02-29) or the 1904 one. */
function serialToDate(serial: number, date1904: boolean): Date | null {
  if (serial < 1 || serial > MAX_EXCEL_SERIAL) return null;
  const days = Math.floor(serial);
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (days >= 61) epoch = Date.UTC(1899, 11, 30);
  else if (days === 60) return null;
  else epoch = Date.UTC(1899, 11, 31);
  return new Date(epoch + days * 86_400_000);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** Cells hold wall-clock dates in UTC fields (exceljs reads them that way). */
function formatYmd(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Text as the clerk sees it, without Excel's scientific notation or binary noise. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return String(Number(value.toPrecision(15)));
}

function rawToText(raw: Exclude<RawCell, null | typeof FORMULA>): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') return numberText(raw);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  if (raw instanceof Date) {
    const time = raw.getUTCHours() * 60 + raw.getUTCMinutes();
    return time === 0 ? formatYmd(raw) : `${formatYmd(raw)} ${pad(raw.getUTCHours())}:${pad(raw.getUTCMinutes())}`;
  }
  return raw[CELL_ERROR];
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}

// ---------------------------------------------------------------------------------------------
// The error report
// ---------------------------------------------------------------------------------------------

/**
 * Collects the cell errors of an import (from parsing and from the module's own checks) and rejects
 * the whole file with 422 and every error, in sheet order, if there is any: all or nothing.
 */
export class ImportReport<K extends string> {
  private readonly errors: ImportError[];
  private truncated: boolean;
  private readonly order: Map<string, number>;

  constructor(
    private readonly columns: readonly ColumnSpec<K>[],
    private readonly locale: Locale,
    parsed: { errors: ImportError[]; truncated: boolean },
  ) {
    this.errors = [...parsed.errors];
    this.truncated = parsed.truncated;
    this.order = new Map(columns.map((column, i) => [column.header[locale], i]));
  }

  get count() {
    return this.errors.length;
  }

  header(key: K): string {
    return this.columns.find((column) => column.key === key)!.header[this.locale];
  }

  add(row: number, key: K, messageKey: string, params?: Record<string, unknown>) {
    this.push([{ row, column: this.header(key), message: t(this.locale, messageKey, params) }]);
  }

  push(errors: ImportError[]) {
    for (const error of errors) {
      if (this.errors.length >= MAX_IMPORT_ERRORS) {
        this.truncated = true;
        return;
      }
      this.errors.push(error);
    }
  }

  /** 422 with every error, in sheet order. */
  throwIfAny() {
    if (this.errors.length === 0) return;
    const errors = [...this.errors].sort(
      (a, b) => a.row - b.row || (this.order.get(a.column) ?? 99) - (this.order.get(b.column) ?? 99),
    );
    throw new AppError('IMPORT_REJECTED', {
      params: { count: errors.length },
      details: { errors, truncated: this.truncated },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
}

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
}

export interface ExportOptions {
  /** Date values are shown as wall-clock time in this zone. Default Asia/Shanghai. */
  timeZone?: string;
}

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** An .xlsx with one sheet per entry: bold frozen header, auto filter, dates as yyyy-mm-dd hh:mm. */
export async function buildWorkbook(sheets: readonly ExportSheet[], options: ExportOptions = {}): Promise<Buffer> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const workbook = new ExcelJS.Workbook();
  const names = new Set<string>();
  const list = sheets.length > 0 ? sheets : [{ name: 'Sheet1', columns: [], rows: [] }];
  for (const spec of list) {
    const sheet = workbook.addWorksheet(uniqueSheetName(spec.name, names), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    setUpExportSheet(sheet, spec.columns);
    for (const record of spec.rows) {
      styleDates(sheet.addRow(exportRowValues(spec.columns, record, timeZone)));
    }
  }
  return toBuffer(await workbook.xlsx.writeBuffer());
}

/**
 * Streams one sheet to `stream` (an HTTP reply, a file) without holding the workbook in memory.
 * Resolves once the stream has finished; if `rows` throws, the stream is destroyed and the error
 * rethrown.
 */
export async function streamXlsx(
  stream: NodeJS.WritableStream,
  sheet: { name: string; columns: ExportColumn[] },
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  options: ExportOptions = {},
): Promise<void> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: stream as unknown as Stream,
    useStyles: true,
    // Inline strings keep memory flat on big exports; they are plain text, never formulas.
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(uniqueSheetName(sheet.name, new Set()), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  setUpExportSheet(worksheet, sheet.columns);
  worksheet.getRow(1).commit();
  let count = 0;
  try {
    for await (const record of rows) {
      const row = worksheet.addRow(exportRowValues(sheet.columns, record, timeZone));
      styleDates(row);
      row.commit();
      count += 1;
      if (count % 1000 === 0) {
        // Let the zip encoder run, and hold back while the receiver is slow.
        await nextTurn();
        await waitForDrain(stream);
      }
    }
  } catch (error) {
    // Half a zip is no file: end the receiver with the error rather than leave it hanging.
    (stream as NodeJS.WritableStream & { destroy?: (error?: Error) => void }).destroy?.(
      error instanceof Error ? error : new Error(String(error)),
    );
    throw error;
  }
  worksheet.commit();
  await workbook.commit();
}

function setUpExportSheet(sheet: ExcelJS.Worksheet, columns: readonly ExportColumn[]): void {
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width ?? defaultWidth(column.header, 10);
  });
  const header = sheet.getRow(1);
  header.values = columns.map((column) => cleanText(column.header));
  header.font = { bold: true };
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
}

function exportRowValues(
  columns: readonly ExportColumn[],
  record: Record<string, unknown>,
  timeZone: string,
): ExcelJS.CellValue[] {
  return columns.map((column) => toExportValue(record[column.key], timeZone));
}

function styleDates(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = DATE_TIME_FORMAT;
  });
}

/**
 * Only primitives and dates reach exceljs: an object from user data (`{ formula: … }`,
 * `{ hyperlink: … }`) would otherwise be written as a formula or link. Strings — including ones
 * starting with = + - @ — are written as text cells, which Excel never evaluates.
 */
export function toExportValue(
  value: unknown,
  timeZone: string = DEFAULT_TIME_ZONE,
): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      return cleanText(value);
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : toWallClock(value, timeZone);
      if (Array.isArray(value))
        return cleanText(
          value
            .map((item) =>
              item === null || item === undefined ? '' : typeof item === 'object' ? JSON.stringify(item) : String(item),
            )
            .join('、'),
        );
      return cleanText(JSON.stringify(value) ?? '');
    default:
      return null;
  }
}

// Characters XML 1.0 cannot carry (exceljs drops most C0 controls itself; lone surrogates and
// U+FFFE/U+FFFF it does not).
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function cleanText(text: string): string {
  const clean = text.replace(INVALID_XML, '');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  let cut = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(clean[cut - 1])) cut -= 1; // do not split a surrogate pair
  return `${clean.slice(0, cut)}…`;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant as wall-clock fields in UTC, which is how Excel (zone-less) will show it. */
function toWallClock(date: Date, timeZone: string): Date {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return new Date(
    Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, date.getUTCMilliseconds()),
  );
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function uniqueSheetName(name: string, taken: Set<string>): string {
  const base =
    cleanText(name)
      .replace(/[:\\/?*[\]]/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function waitForDrain(stream: NodeJS.WritableStream): Promise<void> {
  const writable = stream as NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean };
  if (!writable.writableNeedDrain || writable.destroyed) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => {
      stream.removeListener('drain', onDrain);
      stream.removeListener('close', onDrain);
      stream.removeListener('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: unknown) => done(error ?? new Error('stream error'));
    stream.once('drain', onDrain);
    stream.once('close', onDrain);
    stream.once('error', onError);
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** Width in Excel character units; CJK characters are two wide. */
function defaultWidth(text: string, minimum: number): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
  return Math.min(60, Math.max(minimum, width + 4));
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function toBuffer(data: ExcelJS.Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data as ArrayBuffer);
}
