// Shapes of the Excel imports of regions, units and people: the API answer, and the columns of
// each kind's file (they make the template and drive parsing).

import { Type, type Static } from 'typebox';
import { PERSON_KINDS, PHONE_PATTERN, REGION_CODE_PATTERN, REGION_LEVELS, UNIT_TYPES } from '@cc/common/org';
import type { Permission } from '@cc/common/permissions';
import type { ColumnSpec, LocalizedText } from '../../platform/excel.js';
import { t } from '../../platform/i18n.js';
import { GENDERS } from './people.schemas.js';

export const IMPORT_KINDS = ['regions', 'units', 'people'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Importing a kind needs the same permission as editing it by hand. */
export const IMPORT_PERMISSION: Record<ImportKind, Permission> = {
  regions: 'org.region.write',
  units: 'org.unit.write',
  people: 'org.person.write',
};

export const ImportResult = Type.Object({
  inserted: Type.Integer(),
  updated: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResult>;

/** The uploaded file as the route hands it to the service. */
export interface UploadedFile {
  fileName: string;
  buffer: Buffer;
}

const both = (key: string): LocalizedText => ({ 'zh-CN': t('zh-CN', key), 'en-US': t('en-US', key) });
const options = (values: readonly string[], prefix: string) =>
  values.map((value) => ({ value, label: both(`${prefix}${value}`) }));

/** A 12-digit statistical division code. */
export const CODE = new RegExp(REGION_CODE_PATTERN);
const PHONE = { type: 'phone', pattern: new RegExp(PHONE_PATTERN), patternHint: both('TEMPLATE_TYPE_PHONE') } as const;

// Examples are Chinese in both languages' templates, so the example row is recognised (and
// skipped) whatever language the file is uploaded in.
export const REGION_COLUMNS = [
  {
    key: 'code',
    header: both('COL_REGION_CODE'),
    type: 'string',
    required: true,
    pattern: CODE,
    patternHint: both('HINT_REGION_CODE'),
    width: 16,
    example: '410802001001',
  },
  {
    key: 'name',
    header: both('COL_NAME'),
    type: 'string',
    required: true,
    maxLength: 60,
    width: 24,
    example: '示例社区',
  },
  {
    key: 'level',
    header: both('COL_REGION_LEVEL'),
    type: 'enum',
    required: true,
    enumValues: options(REGION_LEVELS, 'LEVEL_'),
    example: t('zh-CN', 'LEVEL_community'),
  },
  {
    key: 'parentCode',
    header: both('COL_PARENT_CODE'),
    type: 'string',
    pattern: CODE,
    patternHint: both('HINT_REGION_CODE'),
    width: 16,
    example: '410802001000',
  },
  { key: 'sort', header: both('COL_SORT'), type: 'integer', width: 8, example: 1 },
] as const satisfies readonly ColumnSpec[];

export const UNIT_COLUMNS = [
  {
    key: 'name',
    header: both('COL_UNIT_NAME'),
    type: 'string',
    required: true,
    maxLength: 60,
    width: 28,
    example: '示例单位',
  },
  { key: 'shortName', header: both('COL_SHORT_NAME'), type: 'string', maxLength: 30, width: 14 },
  {
    key: 'type',
    header: both('COL_UNIT_TYPE'),
    type: 'enum',
    required: true,
    enumValues: options(UNIT_TYPES, 'UNIT_TYPE_'),
    width: 16,
    example: t('zh-CN', 'UNIT_TYPE_agency'),
  },
  {
    key: 'parentName',
    header: both('COL_PARENT_UNIT'),
    type: 'string',
    maxLength: 60,
    patternHint: both('HINT_UNIT_REF'),
    width: 28,
  },
  {
    key: 'region',
    header: both('COL_REGION'),
    type: 'string',
    maxLength: 60,
    patternHint: both('HINT_REGION_REF'),
    width: 18,
  },
  { key: 'headName', header: both('COL_HEAD_NAME'), type: 'string', maxLength: 30, width: 10, example: '张三' },
  { key: 'headPhone', header: both('COL_HEAD_PHONE'), ...PHONE, width: 16, example: '13800138000' },
  { key: 'liaisonName', header: both('COL_LIAISON_NAME'), type: 'string', maxLength: 30, width: 10 },
  { key: 'liaisonPhone', header: both('COL_LIAISON_PHONE'), ...PHONE, width: 16 },
] as const satisfies readonly ColumnSpec[];

export const PERSON_COLUMNS = [
  {
    key: 'name',
    header: both('COL_PERSON_NAME'),
    type: 'string',
    required: true,
    maxLength: 30,
    width: 10,
    example: '张三',
  },
  {
    key: 'kind',
    header: both('COL_KIND'),
    type: 'enum',
    required: true,
    enumValues: options(PERSON_KINDS, 'KIND_'),
    width: 16,
    example: t('zh-CN', 'KIND_member'),
  },
  {
    key: 'gender',
    header: both('COL_GENDER'),
    type: 'enum',
    enumValues: options(GENDERS, 'GENDER_'),
    width: 6,
    example: t('zh-CN', 'GENDER_male'),
  },
  { key: 'phone', header: both('COL_PHONE'), ...PHONE, width: 16, example: '13800138000' },
  {
    key: 'unit',
    header: both('COL_WORK_UNIT'),
    type: 'string',
    maxLength: 60,
    patternHint: both('HINT_UNIT_REF'),
    width: 28,
  },
  {
    key: 'community',
    header: both('COL_COMMUNITY'),
    type: 'string',
    maxLength: 60,
    patternHint: both('HINT_COMMUNITY_REF'),
    width: 18,
  },
  { key: 'partyOrg', header: both('COL_PARTY_ORG'), type: 'string', maxLength: 60, width: 24 },
  { key: 'position', header: both('COL_POSITION'), type: 'string', maxLength: 60, width: 14 },
] as const satisfies readonly ColumnSpec[];

export type Columns = readonly ColumnSpec[];
export type KeyOf<C extends Columns> = C[number]['key'];

export const COLUMNS: Record<ImportKind, Columns> = {
  regions: REGION_COLUMNS,
  units: UNIT_COLUMNS,
  people: PERSON_COLUMNS,
};
