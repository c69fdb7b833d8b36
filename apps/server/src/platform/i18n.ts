// Server-side message catalogue: error texts and other words the API sends to people.
// The web app has its own catalogue for the UI; these are the texts a clerk sees in error toasts,
// import reports and exported files.

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Catalogue = Record<string, string>;

const zh: Catalogue = {
  UNAUTHENTICATED: '请先登录',
  SESSION_EXPIRED: '登录已超时，请重新登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '登录失败次数过多，账号已锁定，请于 {until} 后再试或联系安全管理员',
  ACCOUNT_DISABLED: '账号已停用，请联系系统管理员',
  PASSWORD_CHANGE_REQUIRED: '首次登录或密码已被重置，请先修改密码',
  PASSWORD_EXPIRED: '密码已过期，请先修改密码',
  PASSWORD_WRONG: '当前密码不正确',
  PASSWORD_TOO_SHORT: '密码长度至少 {min} 位',
  PASSWORD_TOO_SIMPLE: '密码需包含小写字母、大写字母、数字、符号中的至少 {classes} 类',
  PASSWORD_REUSED: '新密码不能与当前密码相同',
  PASSWORD_CONTAINS_USERNAME: '密码不能包含用户名',
  FORBIDDEN: '您没有执行此操作的权限',
  CSRF_FAILED: '页面已过期，请刷新后重试',
  NOT_FOUND: '记录不存在或您无权查看',
  ROUTE_NOT_FOUND: '请求的接口不存在',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  CONFLICT: '操作与现有数据冲突',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统内部错误，请稍后再试或联系管理员',
  SERVICE_UNAVAILABLE: '服务暂不可用',
  FILE_TOO_LARGE: '文件过大，上限为 {limit}',
  FILE_EMPTY: '文件为空',
  UNSUPPORTED_FILE: '不支持的文件类型：{detail}',
  FILE_REQUIRED: '请选择要上传的文件',
  IMPORT_REJECTED: '导入文件中有 {count} 处错误，整个文件未导入，请按报告修改后重新导入',
  IMPORT_NOT_XLSX: '文件不是有效的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再导入',
  IMPORT_NO_SHEET: '文件中没有工作表',
  IMPORT_NO_ROWS: '文件中没有数据行',
  IMPORT_TOO_MANY_ROWS: '文件行数超过上限 {max} 行，请分批导入',
  IMPORT_BAD_HEADER: '表头与模板不一致，缺少列：{columns}。请下载最新模板',
  // per-cell import messages
  CELL_REQUIRED: '必填',
  CELL_FORMULA: '不接受公式，请将单元格粘贴为数值',
  CELL_TOO_LONG: '长度不能超过 {max} 个字符',
  CELL_BAD_FORMAT: '格式不正确：{hint}',
  CELL_NOT_INTEGER: '应为整数',
  CELL_NOT_NUMBER: '应为数字',
  CELL_NOT_DATE: '应为日期（如 2026-03-31）',
  CELL_BAD_ENUM: '应为以下之一：{values}',
  CELL_DUPLICATE: '与第 {row} 行重复',
  CELL_UNKNOWN_REF: '找不到“{value}”',
  CELL_EXISTS: '“{value}”已存在',
  CELL_LONG_NUMBER: '数字超过 15 位，Excel 已丢失末尾数字，请将该列设为文本格式后重新填写',
  // import templates (platform/excel.ts)
  TEMPLATE_DATA_SHEET: '导入数据',
  TEMPLATE_NOTES_SHEET: '说明',
  TEMPLATE_NOTES_COLUMN: '列名',
  TEMPLATE_NOTES_REQUIRED: '是否必填',
  TEMPLATE_NOTES_FORMAT: '格式要求',
  TEMPLATE_NOTES_VALUES: '可选值',
  TEMPLATE_NOTES_EXAMPLE: '示例',
  TEMPLATE_NOTES_TIP: '第 2 行为示例，导入时自动忽略，可直接覆盖或删除；请勿修改表头；带 * 的列为必填；每次最多导入 {max} 行',
  TEMPLATE_YES: '是',
  TEMPLATE_NO: '否',
  TEMPLATE_TYPE_STRING: '文本',
  TEMPLATE_TYPE_INTEGER: '整数',
  TEMPLATE_TYPE_NUMBER: '数字',
  TEMPLATE_TYPE_DATE: '日期，如 2026-03-31',
  TEMPLATE_TYPE_ENUM: '从下拉列表中选择',
  TEMPLATE_TYPE_PHONE: '手机号或固定电话，如 13800138000、0371-12345678',
  TEMPLATE_MAX_LENGTH: '不超过 {max} 个字符',
  // domain messages
  REGION_HAS_CHILDREN: '该区划下还有下级区划，不能删除',
  REGION_IN_USE: '该区划仍被单位或人员使用，不能删除',
  REGION_CODE_TAKEN: '区划代码 {code} 已被使用',
  REGION_GRID_NO_CHILDREN: '网格下不能再建下级区划',
  REGION_ROOT_FIXED: '市级区划不能删除或移动',
  REGION_POLYGON_ONLY_GRID: '只有网格可以设置范围多边形',
  UNIT_HAS_DEPENDENTS: '该单位下还有下级单位、人员或包联关系，不能删除',
  UNIT_PARENT_CYCLE: '上级单位不能是本单位或其下级',
  UNIT_NAME_TAKEN: '单位名称“{name}”已存在',
  PERSON_HAS_ACCOUNT: '该人员绑定了登录账号，请先解除',
  PAIRING_DATES: '结束日期不能早于开始日期',
  PAIRING_TARGET_REQUIRED: '请填写包联对象',
  PAIRING_COMMUNITY_REQUIRED: '包联社区时必须选择社区',
  GROUP_MEMBER_EXISTS: '该人员已在此组中',
  USERNAME_TAKEN: '用户名“{username}”已被使用',
  USER_SELF_DISABLE: '不能停用自己的账号',
  USER_ROLE_CONFLICT: '系统管理员、安全管理员、审计管理员三种角色必须由不同账号担任，且不能与业务角色兼任',
  SCOPE_REQUIRED: '该角色需要指定所属区划或单位',
  OUT_OF_SCOPE: '所选区划或单位不在您的管理范围内',
};

const en: Catalogue = {
  UNAUTHENTICATED: 'Please sign in first',
  SESSION_EXPIRED: 'Your session timed out; please sign in again',
  INVALID_CREDENTIALS: 'Wrong user name or password',
  ACCOUNT_LOCKED:
    'Too many failed sign-ins: the account is locked until {until}; try again later or ask the security administrator',
  ACCOUNT_DISABLED: 'This account is disabled; contact the system administrator',
  PASSWORD_CHANGE_REQUIRED: 'First sign-in or reset password: please change your password first',
  PASSWORD_EXPIRED: 'Your password has expired; please change it first',
  PASSWORD_WRONG: 'The current password is wrong',
  PASSWORD_TOO_SHORT: 'The password must have at least {min} characters',
  PASSWORD_TOO_SIMPLE:
    'The password must mix at least {classes} of: lower-case, upper-case, digits, symbols',
  PASSWORD_REUSED: 'The new password must differ from the current one',
  PASSWORD_CONTAINS_USERNAME: 'The password must not contain the user name',
  FORBIDDEN: 'You are not allowed to do this',
  CSRF_FAILED: 'This page has expired; reload it and try again',
  NOT_FOUND: 'Not found, or you may not see it',
  ROUTE_NOT_FOUND: 'No such API endpoint',
  VALIDATION_FAILED: 'Some of the input is invalid; please check and try again',
  CONFLICT: 'This conflicts with existing data',
  RATE_LIMITED: 'Too many requests; please wait a moment',
  INTERNAL: 'Internal error; please try again later or contact the administrator',
  SERVICE_UNAVAILABLE: 'Service unavailable',
  FILE_TOO_LARGE: 'The file is too large; the limit is {limit}',
  FILE_EMPTY: 'The file is empty',
  UNSUPPORTED_FILE: 'Unsupported file type: {detail}',
  FILE_REQUIRED: 'Please choose a file to upload',
  IMPORT_REJECTED:
    'The file has {count} error(s); nothing was imported. Fix them as the report says and import again',
  IMPORT_NOT_XLSX:
    'This is not a valid Excel (.xlsx) file; save it as .xlsx in Excel or WPS and import again',
  IMPORT_NO_SHEET: 'The file has no worksheet',
  IMPORT_NO_ROWS: 'The file has no data rows',
  IMPORT_TOO_MANY_ROWS: 'The file has more than {max} rows; import it in parts',
  IMPORT_BAD_HEADER:
    'The header does not match the template; missing columns: {columns}. Download the latest template',
  CELL_REQUIRED: 'Required',
  CELL_FORMULA: 'Formulas are not accepted; paste the cell as a value',
  CELL_TOO_LONG: 'At most {max} characters',
  CELL_BAD_FORMAT: 'Wrong format: {hint}',
  CELL_NOT_INTEGER: 'Must be a whole number',
  CELL_NOT_NUMBER: 'Must be a number',
  CELL_NOT_DATE: 'Must be a date (e.g. 2026-03-31)',
  CELL_BAD_ENUM: 'Must be one of: {values}',
  CELL_DUPLICATE: 'Duplicates row {row}',
  CELL_UNKNOWN_REF: '“{value}” not found',
  CELL_EXISTS: '“{value}” already exists',
  CELL_LONG_NUMBER:
    'More than 15 digits: Excel has dropped the last digits; format the column as text and enter it again',
  TEMPLATE_DATA_SHEET: 'Data',
  TEMPLATE_NOTES_SHEET: 'Notes',
  TEMPLATE_NOTES_COLUMN: 'Column',
  TEMPLATE_NOTES_REQUIRED: 'Required',
  TEMPLATE_NOTES_FORMAT: 'Format',
  TEMPLATE_NOTES_VALUES: 'Allowed values',
  TEMPLATE_NOTES_EXAMPLE: 'Example',
  TEMPLATE_NOTES_TIP:
    'Row 2 is an example and is ignored on import; overwrite or delete it. Do not change the header. Columns marked * are required. At most {max} rows per import',
  TEMPLATE_YES: 'Yes',
  TEMPLATE_NO: 'No',
  TEMPLATE_TYPE_STRING: 'Text',
  TEMPLATE_TYPE_INTEGER: 'Whole number',
  TEMPLATE_TYPE_NUMBER: 'Number',
  TEMPLATE_TYPE_DATE: 'Date, e.g. 2026-03-31',
  TEMPLATE_TYPE_ENUM: 'Pick from the drop-down list',
  TEMPLATE_TYPE_PHONE: 'Mobile or landline number, e.g. 13800138000, 0371-12345678',
  TEMPLATE_MAX_LENGTH: 'At most {max} characters',
  REGION_HAS_CHILDREN: 'This region still has sub-regions and cannot be deleted',
  REGION_IN_USE: 'This region is still used by units or people and cannot be deleted',
  REGION_CODE_TAKEN: 'Region code {code} is already used',
  REGION_GRID_NO_CHILDREN: 'A grid cannot have sub-regions',
  REGION_ROOT_FIXED: 'The city region cannot be deleted or moved',
  REGION_POLYGON_ONLY_GRID: 'Only grids can carry a boundary polygon',
  UNIT_HAS_DEPENDENTS: 'This unit still has sub-units, people or pairings and cannot be deleted',
  UNIT_PARENT_CYCLE: 'The parent unit cannot be this unit or one of its sub-units',
  UNIT_NAME_TAKEN: 'A unit named “{name}” already exists',
  PERSON_HAS_ACCOUNT: 'This person is linked to a user account; unlink it first',
  PAIRING_DATES: 'The end date cannot be before the start date',
  PAIRING_TARGET_REQUIRED: 'Please enter what is paired',
  PAIRING_COMMUNITY_REQUIRED: 'Choose the community for a community pairing',
  GROUP_MEMBER_EXISTS: 'This person is already in the group',
  USERNAME_TAKEN: 'User name “{username}” is already taken',
  USER_SELF_DISABLE: 'You cannot disable your own account',
  USER_ROLE_CONFLICT:
    'System, security and audit administrator must be three different accounts and hold no business role',
  SCOPE_REQUIRED: 'This role needs a region or unit',
  OUT_OF_SCOPE: 'The chosen region or unit is outside your scope',
};

const CATALOGUES: Record<Locale, Catalogue> = { 'zh-CN': zh, 'en-US': en };

export function t(locale: Locale, key: string, params?: Record<string, unknown>): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

export function hasMessage(key: string): boolean {
  return key in zh;
}

/** Picks zh-CN or en-US from an Accept-Language header; Chinese is the default. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const tags = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of tags) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return DEFAULT_LOCALE;
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

/** Catalogue keys, exported for the completeness test. */
export const catalogueKeys = { zh: Object.keys(zh), en: Object.keys(en) };
