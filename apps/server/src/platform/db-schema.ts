// Row types of every table, as Kysely sees them. Kept apart from API types (the *.schemas.ts files).

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Id = Generated<number>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface CitiesTable {
  id: Id;
  name: string;
  code: string;
  created_at: Timestamp;
}

export interface RegionsTable {
  id: Id;
  city_id: number;
  parent_id: number | null;
  level: string;
  code: string;
  name: string;
  path: string;
  sort: Generated<number>;
  polygon: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitsTable {
  id: Id;
  city_id: number;
  parent_id: number | null;
  region_id: number | null;
  name: string;
  short_name: string | null;
  type: string;
  head_name: string | null;
  head_phone: string | null;
  liaison_name: string | null;
  liaison_phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: Id;
  city_id: number;
  name: string;
  kind: string;
  gender: string | null;
  phone: string | null;
  unit_id: number | null;
  community_id: number | null;
  party_org: string | null;
  position: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Id;
  city_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  region_id: number | null;
  unit_id: number | null;
  person_id: number | null;
  status: Generated<string>;
  locale: Generated<string>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  city_id: number;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SecurityPoliciesTable {
  city_id: number;
  password_min_length: number;
  password_require_classes: number;
  password_expiry_days: number;
  lockout_threshold: number;
  lockout_minutes: number;
  idle_timeout_minutes: number;
  updated_at: Timestamp;
}

export interface PairingsTable {
  id: Id;
  city_id: number;
  unit_id: number;
  target_type: string;
  region_id: number | null;
  target_name: string;
  starts_on: string;
  ends_on: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupsTable {
  id: Id;
  city_id: number;
  kind: string;
  name: string;
  duty: string | null;
  lead_unit_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GroupMembersTable {
  id: Id;
  city_id: number;
  group_id: number;
  person_id: number;
  role: string;
  sort: Generated<number>;
}

export interface FilesTable {
  id: string;
  city_id: number;
  name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface AuditLogsTable {
  id: Id;
  city_id: number | null;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: Json;
  after: Json;
  result: string;
  message: string | null;
}

export interface WorkCalendarsTable {
  city_id: number;
  periods: Json;
  utc_offset_minutes: Generated<number>;
  updated_at: Timestamp;
}

export interface CalendarDaysTable {
  city_id: number;
  date: string;
  kind: string;
  name: string | null;
}

export interface Database {
  cities: CitiesTable;
  regions: RegionsTable;
  units: UnitsTable;
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  security_policies: SecurityPoliciesTable;
  pairings: PairingsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  files: FilesTable;
  audit_logs: AuditLogsTable;
  work_calendars: WorkCalendarsTable;
  calendar_days: CalendarDaysTable;
}

export type RegionRow = Selectable<RegionsTable>;
export type UnitRow = Selectable<UnitsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type UserRow = Selectable<UsersTable>;
export type PairingRow = Selectable<PairingsTable>;
export type GroupRow = Selectable<GroupsTable>;
export type AuditLogRow = Selectable<AuditLogsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type UnitUpdate = Updateable<UnitsTable>;
