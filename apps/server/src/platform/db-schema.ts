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

export interface CaseCategoriesTable {
  id: Id;
  city_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  owner_rule: string;
  limit_unit: string;
  limit_amount: number;
  verify_limit_unit: string | null;
  verify_limit_amount: number | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseSettingsTable {
  city_id: number;
  duplicate_radius_m: Generated<number>;
  duplicate_days: Generated<number>;
  duplicate_min_similarity: Generated<number>;
  remind_before_ratio: Generated<number>;
  escalate_every_minutes: Generated<number>;
  notice_issuer: string | null;
  notice_prefix: string | null;
  updated_at: Timestamp;
}

type NullableTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CasesTable {
  id: Id;
  city_id: number;
  category_id: number;
  source: string;
  status: string;
  description: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_id: number | null;
  community_id: number | null;
  grid_id: number | null;
  site_name: string | null;
  owner_unit_id: number | null;
  responsible_unit_id: number | null;
  suggested_unit_id: number | null;
  unit_id: number | null;
  reporter_id: number | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  tracking_token: string | null;
  idempotency_key: string | null;
  source_ref: string | null;
  is_public: Generated<boolean>;
  deadline_at: NullableTime;
  original_deadline_at: NullableTime;
  verify_deadline_at: NullableTime;
  registered_at: NullableTime;
  dispatched_at: NullableTime;
  accepted_at: NullableTime;
  handled_at: NullableTime;
  handled_by: number | null;
  verified_at: NullableTime;
  closed_at: NullableTime;
  closed_on_time: boolean | null;
  suspended_from: string | null;
  suspended_at: NullableTime;
  extension_pending: Generated<boolean>;
  extension_count: Generated<number>;
  rework_count: Generated<number>;
  return_count: Generated<number>;
  reopen_count: Generated<number>;
  escalation_count: Generated<number>;
  reminded_at: NullableTime;
  escalated_at: NullableTime;
  merged_into_id: number | null;
  duplicate_of_id: number | null;
  duplicate_score: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CaseLogsTable {
  id: Id;
  city_id: number;
  case_id: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: Json;
  photos: Generated<string[]>;
}

export interface CasePhotosTable {
  id: Id;
  city_id: number;
  case_id: number;
  kind: string;
  file_id: string;
  is_public: Generated<boolean>;
  created_at: Timestamp;
}

export interface CaseReportersTable {
  id: Id;
  city_id: number;
  case_id: number;
  user_id: number | null;
  name: string | null;
  phone: string | null;
  source: string;
  tracking_token: string | null;
  reported_at: Timestamp;
  merged_from_id: number | null;
}

export interface CaseExtensionsTable {
  id: Id;
  city_id: number;
  case_id: number;
  requested_by: number | null;
  requested_at: Timestamp;
  reason: string;
  requested_deadline: Timestamp;
  status: Generated<string>;
  decided_by: number | null;
  decided_at: NullableTime;
  decision_note: string | null;
}

export interface DocCountersTable {
  city_id: number;
  kind: string;
  year: number;
  last_number: number;
}

export interface RectificationNoticesTable {
  id: Id;
  city_id: number;
  year: number;
  seq: number;
  number: string;
  unit_id: number;
  case_ids: ColumnType<number[], string, string>;
  deadline_at: Timestamp;
  file_id: string;
  issued_by: number | null;
  issued_at: Timestamp;
}

export interface NotificationsTable {
  id: Id;
  city_id: number;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  entity_type: string | null;
  entity_id: string | null;
  read_at: NullableTime;
  created_at: Timestamp;
}

export interface SmsMessagesTable {
  id: Id;
  city_id: number;
  phone: string;
  recipient: string | null;
  body: string;
  driver: string;
  status: string;
  error: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Timestamp;
}

// Campaigns and the work ledger ---------------------------------------------------------------

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CampaignsTable {
  id: Id;
  city_id: number;
  region_id: number;
  name: string;
  titles: Defaulted<string[]>;
  starts_on: string;
  ends_on: string;
  status: Generated<string>;
  phase: Generated<string>;
  phase_changed_at: NullableTime;
  description: string | null;
  leading_group_id: number | null;
  scope_all_units: Defaulted<boolean>;
  scope_unit_types: Defaulted<string[]>;
  scope_region_ids: Defaulted<number[]>;
  remind_days_before: Defaulted<number>;
  escalate_every_days: Defaulted<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignScopeUnitsTable {
  campaign_id: number;
  unit_id: number;
  city_id: number;
}

export interface CampaignDocumentsTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  file_id: string;
  title: string;
  sort: Generated<number>;
  created_at: Timestamp;
}

export interface CampaignActivitiesTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  name: string;
  content: string | null;
  participants: string | null;
  organiser_unit_ids: Defaulted<number[]>;
  starts_on: string;
  ends_on: string;
  sort: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignThemesTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  month: string;
  title: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CampaignTasksTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  activity_id: number | null;
  batch_id: number;
  source_clause: string | null;
  content: string;
  standard: string | null;
  lead_unit_id: number;
  cooperating_unit_ids: Defaulted<number[]>;
  responsible_name: string | null;
  recurrence: string;
  due_on: string | null;
  repeat_from: string | null;
  repeat_until: string | null;
  repeat_day: number | null;
  evidence_photos: Defaulted<number>;
  evidence_files: Defaulted<number>;
  metric_name: string | null;
  metric_unit: string | null;
  weight: Defaulted<number>;
  note: string | null;
  status: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskInstancesTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  task_id: number;
  activity_id: number | null;
  unit_id: number;
  weight: number;
  period_start: string;
  period_end: string;
  due_on: string;
  label: string;
  status: Generated<string>;
  active: Generated<boolean>;
  submitted_at: NullableTime;
  accepted_at: NullableTime;
  returned_at: NullableTime;
  return_count: Generated<number>;
  reminded_on: string | null;
  escalated_on: string | null;
  escalation_count: Generated<number>;
  updated_at: Timestamp;
}

export interface TaskReportsTable {
  id: Id;
  city_id: number;
  instance_id: number;
  status: string;
  body: string | null;
  metric_value: number | null;
  photos: Defaulted<string[]>;
  files: Defaulted<string[]>;
  event_ids: Defaulted<number[]>;
  created_by: number | null;
  created_by_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: NullableTime;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: NullableTime;
  review_note: string | null;
}

export interface TaskLogsTable {
  id: Id;
  city_id: number;
  task_id: number;
  instance_id: number | null;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: Json;
}

export interface CampaignEventsTable {
  id: Id;
  city_id: number;
  campaign_id: number;
  kind: string;
  title: string;
  starts_at: Timestamp;
  ends_at: NullableTime;
  place: string | null;
  organiser_unit_id: number | null;
  participants: string | null;
  attendance: number | null;
  outcome: string | null;
  photos: Defaulted<string[]>;
  files: Defaulted<string[]>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskUnitRollupsTable {
  campaign_id: number;
  unit_id: number;
  status: string;
  city_id: number;
  n: number;
  w: number;
}

export interface TaskPeriodRollupsTable {
  campaign_id: number;
  activity_id: number;
  month: string;
  status: string;
  city_id: number;
  n: number;
  w: number;
}

export interface CampaignEventPlacesTable {
  id: Id;
  city_id: number;
  event_id: number;
  place: string;
  unit_ids: Defaulted<number[]>;
  sort: Generated<number>;
}

// Evaluation index, sites and inspections -----------------------------------------------------

export interface IndexNodesTable {
  id: Id;
  city_id: number;
  parent_id: number | null;
  level: string;
  code: string;
  name: string;
  methods: Defaulted<string[]>;
  points: number | null;
  site_types: Defaulted<string[]>;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SiteTypesTable {
  city_id: number;
  code: string;
  name: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface SitesTable {
  id: Id;
  city_id: number;
  type_code: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  region_id: number | null;
  unit_id: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ChecklistItemsTable {
  id: Id;
  city_id: number;
  type_code: string;
  standard_id: number | null;
  title: string;
  guidance: string | null;
  rule: Json;
  points: number;
  photo_required: Generated<boolean>;
  case_category_code: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionRoundsTable {
  id: Id;
  city_id: number;
  region_id: number;
  campaign_id: number | null;
  name: string;
  starts_on: string;
  ends_on: string;
  status: Generated<string>;
  draw_seed: number;
  criteria: Json;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  opened_at: NullableTime;
  closed_at: NullableTime;
}

export interface InspectionsTable {
  id: Id;
  city_id: number;
  kind: Generated<string>;
  round_id: number | null;
  origin_case_id: number | null;
  site_id: number;
  inspector_id: number | null;
  status: Generated<string>;
  type_code: string;
  region_id: number | null;
  unit_id: number | null;
  draft: Json;
  phase: string | null;
  earned: number | null;
  applicable: number | null;
  score: number | null;
  failed: number | null;
  idempotency_key: string | null;
  submitted_at: NullableTime;
  submitted_lng: number | null;
  submitted_lat: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InspectionResultsTable {
  id: Id;
  city_id: number;
  inspection_id: number;
  item_id: number;
  outcome: string;
  value: Json;
  points: number;
  earned: number;
  seen: string;
  photos: Defaulted<string[]>;
  note: string | null;
  case_id: number | null;
  created_at: Timestamp;
}

export interface InspectionPhotosTable {
  id: Id;
  city_id: number;
  inspection_id: number;
  item_id: number | null;
  file_id: string;
  taken_at: NullableTime;
  lng: number | null;
  lat: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  far: Generated<boolean>;
  created_at: Timestamp;
}

export interface MaterialRequirementsTable {
  id: Id;
  city_id: number;
  standard_id: number;
  unit_id: number;
  due_on: string | null;
  status: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MaterialSubmissionsTable {
  id: Id;
  city_id: number;
  requirement_id: number;
  status: string;
  note: string | null;
  files: string[];
  submitted_by: number | null;
  submitted_by_name: string | null;
  submitted_at: Timestamp;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: NullableTime;
  review_note: string | null;
}

export interface CanvassDrivesTable {
  id: Id;
  city_id: number;
  region_id: number;
  campaign_id: number | null;
  name: string;
  description: string | null;
  starts_on: string;
  ends_on: string;
  kickoff_due_on: string | null;
  records_due_on: string | null;
  materials: Generated<string[]>;
  answer_days: Generated<number>;
  escalate_every_days: Generated<number>;
  status: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanvassAssignmentsTable {
  id: Id;
  city_id: number;
  drive_id: number;
  unit_id: number;
  community_id: number;
  target_households: number;
  kicked_off_on: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanvassBuildingsTable {
  id: Id;
  city_id: number;
  assignment_id: number;
  name: string;
  target_households: number;
  sort: Generated<number>;
}

export interface CanvassVisitsTable {
  id: Id;
  city_id: number;
  drive_id: number;
  assignment_id: number;
  unit_id: number;
  community_id: number;
  building_id: number | null;
  household: string | null;
  interviewee_name: string | null;
  name_consent: Generated<boolean>;
  phone: string | null;
  recorder_id: number;
  recorder_name: string;
  visited_at: Timestamp;
  materials: Generated<string[]>;
  photos: Generated<string[]>;
  note: string | null;
  source: string;
  idempotency_key: string;
  created_at: Timestamp;
}

export interface OpinionTopicsTable {
  city_id: number;
  code: string;
  parent_code: string | null;
  name: string;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface OpinionGroupsTable {
  id: Id;
  city_id: number;
  drive_id: number;
  label: string;
  opinion_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CanvassOpinionsTable {
  id: Id;
  city_id: number;
  drive_id: number;
  visit_id: number;
  seq: number;
  unit_id: number;
  community_id: number;
  text: string;
  scope: string | null;
  topic_code: string | null;
  subtopic_code: string | null;
  classified_by: number | null;
  classified_at: NullableTime;
  suggested_topic: string | null;
  suggested_subtopic: string | null;
  suggested_unit_id: number | null;
  suggested_confidence: number | null;
  group_id: number | null;
  status: Generated<string>;
  route_kind: string | null;
  routed_unit_id: number | null;
  routed_by: number | null;
  routed_at: NullableTime;
  case_id: number | null;
  answer_due_on: string | null;
  reply_kind: string | null;
  reply_text: string | null;
  reply_promised_on: string | null;
  replied_by: number | null;
  replied_by_name: string | null;
  replied_at: NullableTime;
  delivered_via: string | null;
  delivered_note: string | null;
  delivered_by: number | null;
  delivered_at: NullableTime;
  reminded_on: string | null;
  escalated_on: string | null;
  escalation_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OpinionClassifiersTable {
  city_id: number;
  trained_at: Timestamp;
  trained_by: number | null;
  sample_count: number;
  holdout_count: number;
  accuracy: number | null;
  unit_accuracy: number | null;
  train_ms: number;
  evaluation: Json;
  model: Json;
}

export interface CommunityRegistrationsTable {
  id: Id;
  city_id: number;
  person_id: number;
  community_id: number;
  status: Generated<string>;
  work_unit_id: number | null;
  party_org: string | null;
  skills: Generated<string[]>;
  available_times: Generated<string[]>;
  family_members: ColumnType<unknown, string | undefined, string>;
  volunteer_no: string | null;
  id_type: string | null;
  id_number: string | null;
  note: string | null;
  registered_at: Timestamp;
  decided_by: number | null;
  decided_at: NullableTime;
  reject_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivityTypesTable {
  city_id: number;
  code: string;
  name: string;
  five_one: string | null;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface VolunteerActivitiesTable {
  id: Id;
  city_id: number;
  type_code: string;
  title: string;
  description: string | null;
  community_id: number | null;
  organiser_unit_id: number | null;
  organiser_id: number;
  organiser_name: string;
  campaign_id: number | null;
  theme: string | null;
  place: string;
  lng: number;
  lat: number;
  radius_m: Generated<number>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number | null;
  status: Generated<string>;
  qr_key: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActivitySignupsTable {
  id: Id;
  city_id: number;
  activity_id: number;
  person_id: number;
  source: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ActivityAttendanceTable {
  id: Id;
  city_id: number;
  activity_id: number;
  person_id: number;
  week_start: string;
  family: ColumnType<unknown, string | undefined, string>;
  check_in_at: Timestamp;
  check_in_lng: number | null;
  check_in_lat: number | null;
  check_in_distance_m: number | null;
  check_out_at: NullableTime;
  check_out_lng: number | null;
  check_out_lat: number | null;
  check_out_distance_m: number | null;
  manual_reason: string | null;
  manual_by: number | null;
  minutes: number | null;
  status: Generated<string>;
  confirmed_minutes: number | null;
  decided_by: number | null;
  decided_at: NullableTime;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FiveOneReportsTable {
  id: Id;
  city_id: number;
  person_id: number;
  community_id: number;
  week_start: string;
  item: string;
  photo: string;
  note: string | null;
  status: Generated<string>;
  decided_by: number | null;
  decided_at: NullableTime;
  reject_reason: string | null;
  created_at: Timestamp;
}

export interface FiveOneWeeksTable {
  city_id: number;
  person_id: number;
  week_start: string;
  items: Generated<number>;
  community_id: number | null;
  unit_id: number | null;
  party_org: string | null;
}

export interface CommendationListsTable {
  id: Id;
  city_id: number;
  title: string;
  subject: string;
  basis: string;
  period_from: string;
  period_to: string;
  status: Generated<string>;
  created_by: number | null;
  created_at: Timestamp;
  published_by: number | null;
  published_at: NullableTime;
}

export interface CommendationEntriesTable {
  id: Id;
  city_id: number;
  list_id: number;
  rank: number;
  subject_key: string;
  subject_name: string;
  value: number;
  note: string | null;
}

export interface HoursCertificatesTable {
  id: Id;
  city_id: number;
  person_id: number;
  number: string;
  period_from: string;
  period_to: string;
  minutes: number;
  activities: number;
  issued_by: number | null;
  issued_by_name: string;
  issued_at: Timestamp;
  file_id: string;
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
  case_categories: CaseCategoriesTable;
  case_settings: CaseSettingsTable;
  cases: CasesTable;
  case_logs: CaseLogsTable;
  case_photos: CasePhotosTable;
  case_reporters: CaseReportersTable;
  case_extensions: CaseExtensionsTable;
  doc_counters: DocCountersTable;
  rectification_notices: RectificationNoticesTable;
  notifications: NotificationsTable;
  sms_messages: SmsMessagesTable;
  campaigns: CampaignsTable;
  campaign_scope_units: CampaignScopeUnitsTable;
  campaign_documents: CampaignDocumentsTable;
  campaign_activities: CampaignActivitiesTable;
  campaign_themes: CampaignThemesTable;
  campaign_tasks: CampaignTasksTable;
  task_instances: TaskInstancesTable;
  task_reports: TaskReportsTable;
  task_logs: TaskLogsTable;
  campaign_events: CampaignEventsTable;
  campaign_event_places: CampaignEventPlacesTable;
  task_unit_rollups: TaskUnitRollupsTable;
  task_period_rollups: TaskPeriodRollupsTable;
  index_nodes: IndexNodesTable;
  site_types: SiteTypesTable;
  sites: SitesTable;
  checklist_items: ChecklistItemsTable;
  inspection_rounds: InspectionRoundsTable;
  inspections: InspectionsTable;
  inspection_results: InspectionResultsTable;
  inspection_photos: InspectionPhotosTable;
  material_requirements: MaterialRequirementsTable;
  material_submissions: MaterialSubmissionsTable;
  canvass_drives: CanvassDrivesTable;
  canvass_assignments: CanvassAssignmentsTable;
  canvass_buildings: CanvassBuildingsTable;
  canvass_visits: CanvassVisitsTable;
  opinion_topics: OpinionTopicsTable;
  opinion_groups: OpinionGroupsTable;
  canvass_opinions: CanvassOpinionsTable;
  opinion_classifiers: OpinionClassifiersTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_quotas: SurveyQuotasTable;
  survey_responses: SurveyResponsesTable;
  survey_answer_counts: SurveyAnswerCountsTable;
  survey_limit_counters: SurveyLimitCountersTable;
  community_registrations: CommunityRegistrationsTable;
  activity_types: ActivityTypesTable;
  volunteer_activities: VolunteerActivitiesTable;
  activity_signups: ActivitySignupsTable;
  activity_attendance: ActivityAttendanceTable;
  five_one_reports: FiveOneReportsTable;
  five_one_weeks: FiveOneWeeksTable;
  commendation_lists: CommendationListsTable;
  commendation_entries: CommendationEntriesTable;
  hours_certificates: HoursCertificatesTable;
}

// Questionnaires (问卷): see migrations/20261203010000_create_surveys.ts.
export interface SurveysTable {
  id: Id;
  city_id: number;
  region_id: number;
  campaign_id: number | null;
  title: string;
  intro: string | null;
  status: Generated<string>;
  opens_at: NullableTime;
  closes_at: NullableTime;
  public_token: string;
  hash_salt: string;
  per_device_limit: Generated<number>;
  per_ip_daily_limit: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  opened_at: NullableTime;
  closed_at: NullableTime;
}

export interface SurveyVersionsTable {
  id: Id;
  city_id: number;
  survey_id: number;
  respondent_group: string;
  title: string | null;
  questions: Json;
  sort: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SurveyQuotasTable {
  city_id: number;
  survey_id: number;
  region_id: number;
  quota: number;
  counted: Generated<number>;
}

export interface SurveyResponsesTable {
  id: Id;
  city_id: number;
  survey_id: number;
  version_id: number;
  region_id: number;
  device_hash: string;
  ip_hash: string | null;
  answers: Json;
  idempotency_key: string;
  submitted_at: Timestamp;
}

export interface SurveyAnswerCountsTable {
  city_id: number;
  survey_id: number;
  version_id: number;
  region_id: number;
  question_code: string;
  answer_key: string;
  count: number;
}

export interface SurveyLimitCountersTable {
  city_id: number;
  survey_id: number;
  key: string;
  count: number;
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
export type CaseRow = Selectable<CasesTable>;
export type CaseCategoryRow = Selectable<CaseCategoriesTable>;
