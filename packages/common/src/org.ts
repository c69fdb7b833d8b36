// Organisation vocabulary shared by server and web: region levels, unit types, person kinds.

export const REGION_LEVELS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The level a child of each level must have. A grid has no children. */
export const CHILD_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  city: 'district',
  district: 'street',
  street: 'community',
  community: 'grid',
  grid: null,
};

export const UNIT_TYPES = [
  'party_government', // 党政机关
  'agency', // 委办局
  'district_office', // 区县/街道
  'public_institution', // 事业单位
  'school',
  'hospital',
  'enterprise',
  'media',
  'mass_organisation', // 群团 (妇联, 团委)
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const PERSON_KINDS = ['staff', 'member'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const PAIRING_TARGETS = ['community', 'site', 'road_segment'] as const;
export type PairingTarget = (typeof PAIRING_TARGETS)[number];

export const GROUP_KINDS = ['leading_group', 'task_force'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const PAGE_SIZE_MAX = 200;

/** 12-digit statistical division code (统计用区划代码). */
export const REGION_CODE_PATTERN = '^[0-9]{12}$';
/** Mainland mobile or landline with area code. */
export const PHONE_PATTERN = '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$';

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
