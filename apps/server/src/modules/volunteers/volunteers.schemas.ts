// API types of community registration and volunteer service: registrations, activities with their
// QR code and geofence, sign-ups, check-in/out and attendance, hours, and the weekly 五个一
// tracker. The web app reads the same shapes.

import { Type, type Static } from 'typebox';
import { ATTENDANCE_STATUSES, FIVE_ONE, ID_TYPES, REGISTRATION_STATUSES } from '@cc/common/volunteers';
import { FILE_ID_PATTERN } from '../../platform/files.js';
import { DateString, DateTime, Nullable, PageQuery, StringEnum } from '../../platform/http.js';

const id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });
const Ref = Type.Object({ id: Type.Integer(), name: Type.String() });
const Exact = { additionalProperties: false } as const;
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const RegistrationStatus = StringEnum(REGISTRATION_STATUSES);
export const AttendanceStatus = StringEnum(ATTENDANCE_STATUSES);
export const FiveOneItem = StringEnum(FIVE_ONE);

// ---------------------------------------------------------------------------------------------
// Registration (社区报到)
// ---------------------------------------------------------------------------------------------

const FamilyMember = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 20 }),
    relation: Type.String({ minLength: 1, maxLength: 10, description: 'e.g. 配偶, 子女, 父母' }),
  },
  Exact,
);

export const Registration = Type.Object({
  id: Type.Integer(),
  person: Type.Object({ id: Type.Integer(), name: Type.String(), phoneMasked: Nullable(Type.String()) }),
  community: Type.Object({ id: Type.Integer(), name: Type.String(), street: Nullable(Type.String()) }),
  status: RegistrationStatus,
  workUnit: Nullable(Ref),
  partyOrg: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  availableTimes: Type.Array(Type.String()),
  familyMembers: Type.Array(Type.Object({ name: Type.String(), relation: Type.String() })),
  volunteerNo: Nullable(Type.String()),
  idType: Nullable(StringEnum(ID_TYPES)),
  idNumberMasked: Nullable(Type.String({ description: 'e.g. 410***********1234' })),
  note: Nullable(Type.String()),
  registeredAt: DateTime,
  decidedAt: Nullable(DateTime),
  rejectReason: Nullable(Type.String()),
  canDecide: Type.Boolean(),
});
export type Registration = Static<typeof Registration>;

export const RegisterBody = Type.Object(
  {
    communityId: id,
    partyOrg: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    skills: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, uniqueItems: true }),
    ),
    availableTimes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10, uniqueItems: true }),
    ),
    familyMembers: Type.Optional(Type.Array(FamilyMember, { maxItems: 10 })),
    idType: Type.Optional(Nullable(StringEnum(ID_TYPES))),
    idNumber: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  {
    ...Exact,
    description: 'the signed-in member registers with the residential community; the ID is for the hours record',
  },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const MyRegistration = Type.Object({
  personLinked: Type.Boolean({ description: 'the account is linked to a member record' }),
  current: Nullable(Registration),
  history: Type.Array(Registration),
});
export type MyRegistration = Static<typeof MyRegistration>;

export const RegistrationListQuery = Type.Object({
  ...PageQuery,
  communityId: Type.Optional(id),
  status: Type.Optional(RegistrationStatus),
  partyOrg: Type.Optional(Type.String({ maxLength: 60 })),
  unitId: Type.Optional(id),
});
export type RegistrationListQuery = Static<typeof RegistrationListQuery>;

export const DecideRegistrationBody = Type.Object(
  {
    decision: StringEnum(['confirm', 'reject'] as const),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { ...Exact, description: 'a rejection needs the reason' },
);
export type DecideRegistrationBody = Static<typeof DecideRegistrationBody>;

export const UnregisteredQuery = Type.Object({
  ...PageQuery,
  unitId: Type.Optional(id),
  partyOrg: Type.Optional(Type.String({ maxLength: 60 })),
  communityId: Type.Optional(Type.Integer({ minimum: 1, description: 'members living in this community' })),
});
export type UnregisteredQuery = Static<typeof UnregisteredQuery>;
export const UnregisteredMember = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  unit: Nullable(Ref),
  partyOrg: Nullable(Type.String()),
  community: Nullable(Ref),
  hasAccount: Type.Boolean(),
});
export const RemindBody = Type.Object(
  {
    unitId: Type.Optional(id),
    partyOrg: Type.Optional(Type.String({ maxLength: 60 })),
    communityId: Type.Optional(id),
  },
  Exact,
);
export type RemindBody = Static<typeof RemindBody>;
export const RemindResult = Type.Object({ members: Type.Integer(), notified: Type.Integer() });

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

export const ActivityType = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fiveOne: Nullable(FiveOneItem),
  sort: Type.Integer(),
  active: Type.Boolean(),
});
export const ActivityTypeList = Type.Object({
  items: Type.Array(ActivityType),
  canEdit: Type.Boolean({ description: 'the actor is the city office, which sets the types' }),
});
export const CreateActivityTypeBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'lower-case letters, digits and _' }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
    fiveOne: Nullable(FiveOneItem),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
  },
  Exact,
);
export type CreateActivityTypeBody = Static<typeof CreateActivityTypeBody>;
export const UpdateActivityTypeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    fiveOne: Type.Optional(Nullable(FiveOneItem)),
    sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    active: Type.Optional(Type.Boolean()),
  },
  Exact,
);
export type UpdateActivityTypeBody = Static<typeof UpdateActivityTypeBody>;
export const ActivityTypeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

export const ActivityListItem = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  type: Type.Object({ code: Type.String(), name: Type.String(), fiveOne: Nullable(FiveOneItem) }),
  community: Nullable(Ref),
  organiserUnit: Nullable(Ref),
  organiserName: Type.String(),
  place: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  capacity: Nullable(Type.Integer()),
  status: StringEnum(['published', 'cancelled'] as const),
  signups: Type.Integer(),
  checkedIn: Type.Integer(),
  mine: Type.Object({
    signedUp: Type.Boolean(),
    attendance: Nullable(
      Type.Object({ status: AttendanceStatus, checkInAt: DateTime, checkOutAt: Nullable(DateTime) }),
    ),
  }),
});
export type ActivityListItem = Static<typeof ActivityListItem>;

export const ActivityDetail = Type.Object({
  ...ActivityListItem.properties,
  description: Nullable(Type.String()),
  theme: Nullable(Type.String()),
  campaign: Nullable(Ref),
  lng: Type.Number(),
  lat: Type.Number(),
  radiusM: Type.Integer(),
  canManage: Type.Boolean(),
  createdAt: DateTime,
});
export type ActivityDetail = Static<typeof ActivityDetail>;

export const ActivityListQuery = Type.Object({
  ...PageQuery,
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  communityId: Type.Optional(id),
  typeCode: Type.Optional(Type.String({ maxLength: 40 })),
  mine: Type.Optional(Type.Boolean({ description: 'activities the actor signed up for or attended' })),
  organised: Type.Optional(Type.Boolean({ description: 'activities the actor may manage' })),
});
export type ActivityListQuery = Static<typeof ActivityListQuery>;

const activityFields = {
  typeCode: Type.String({ minLength: 1, maxLength: 40 }),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  communityId: Type.Optional(Nullable(id)),
  campaignId: Type.Optional(Nullable(id)),
  theme: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  place: Type.String({ minLength: 1, maxLength: 100 }),
  lng: Lng,
  lat: Lat,
  radiusM: Type.Optional(Type.Integer({ minimum: 20, maximum: 5000 })),
  startsAt: DateTime,
  endsAt: DateTime,
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))),
};
export const CreateActivityBody = Type.Object(activityFields, {
  ...Exact,
  description: 'organised by the actor’s unit (or the office); a community activity names its community',
});
export type CreateActivityBody = Static<typeof CreateActivityBody>;
export const UpdateActivityBody = Type.Partial(Type.Object(activityFields), Exact);
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;

export const QrQuery = Type.Object({
  validMinutes: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 60 * 24 * 30, description: 'default: until two hours after the end' }),
  ),
});
export type QrQuery = Static<typeof QrQuery>;
export const QrResponse = Type.Object({ token: Type.String(), expiresAt: DateTime });

export const AssignBody = Type.Object(
  { personIds: Type.Array(id, { minItems: 1, maxItems: 500, uniqueItems: true }) },
  Exact,
);
export type AssignBody = Static<typeof AssignBody>;
export const AssignResult = Type.Object({ assigned: Type.Integer(), already: Type.Integer() });

export const Signup = Type.Object({
  person: Type.Object({ id: Type.Integer(), name: Type.String(), phoneMasked: Nullable(Type.String()) }),
  unit: Nullable(Ref),
  partyOrg: Nullable(Type.String()),
  source: StringEnum(['self', 'assigned'] as const),
  createdBy: Nullable(Ref),
  createdAt: DateTime,
  attendance: Nullable(StringEnum(ATTENDANCE_STATUSES, { description: 'the attendance so far, if any' })),
});
export type Signup = Static<typeof Signup>;
export const SignupList = Type.Object({ items: Type.Array(Signup) });
export const SignupParams = Type.Object({ id, personId: id });

// ---------------------------------------------------------------------------------------------
// Check-in, check-out, attendance and hours
// ---------------------------------------------------------------------------------------------

export const CheckInBody = Type.Object(
  {
    token: Type.String({ minLength: 8, maxLength: 200, description: 'the scanned QR payload' }),
    lng: Lng,
    lat: Lat,
    accuracyM: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
    family: Type.Optional(Type.Array(FamilyMember, { maxItems: 10 })),
  },
  { ...Exact, description: 'always for the signed-in member: nobody checks in for someone else' },
);
export type CheckInBody = Static<typeof CheckInBody>;
export const CheckOutBody = Type.Object(
  { token: Type.String({ minLength: 8, maxLength: 200 }), lng: Lng, lat: Lat, accuracyM: Type.Optional(Type.Number()) },
  Exact,
);
export type CheckOutBody = Static<typeof CheckOutBody>;

export const Attendance = Type.Object({
  id: Type.Integer(),
  activity: Type.Object({ id: Type.Integer(), title: Type.String(), startsAt: DateTime, endsAt: DateTime }),
  person: Type.Object({ id: Type.Integer(), name: Type.String() }),
  family: Type.Array(Type.Object({ name: Type.String(), relation: Type.String() })),
  checkInAt: DateTime,
  checkInDistanceM: Nullable(Type.Number()),
  checkOutAt: Nullable(DateTime),
  checkOutDistanceM: Nullable(Type.Number()),
  manualReason: Nullable(Type.String()),
  minutes: Nullable(Type.Integer({ description: 'computed: the part of the stay inside the activity' })),
  confirmedMinutes: Nullable(Type.Integer()),
  status: AttendanceStatus,
  weekStart: DateString,
});
export type Attendance = Static<typeof Attendance>;
export const AttendanceList = Type.Object({ items: Type.Array(Attendance) });

export const ManualAttendanceBody = Type.Object(
  {
    personId: id,
    checkInAt: DateTime,
    checkOutAt: Type.Optional(Nullable(DateTime)),
    reason: Type.String({ minLength: 4, maxLength: 200 }),
    family: Type.Optional(Type.Array(FamilyMember, { maxItems: 10 })),
  },
  { ...Exact, description: 'the organiser records attendance by hand (e.g. no GPS signal), with the reason' },
);
export type ManualAttendanceBody = Static<typeof ManualAttendanceBody>;

export const DecideAttendanceBody = Type.Object(
  {
    decision: StringEnum(['confirm', 'reject'] as const),
    minutes: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 24 * 60, description: 'override, at most the computed' }),
    ),
    reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  Exact,
);
export type DecideAttendanceBody = Static<typeof DecideAttendanceBody>;

export const MyHours = Type.Object({
  confirmedMinutes: Type.Integer(),
  pendingMinutes: Type.Integer(),
  activities: Type.Integer(),
  items: Type.Array(Attendance),
});
export type MyHours = Static<typeof MyHours>;

// ---------------------------------------------------------------------------------------------
// The weekly 五个一
// ---------------------------------------------------------------------------------------------

export const FiveOneWeek = Type.Object({
  weekStart: DateString,
  items: Type.Array(
    Type.Object({
      item: FiveOneItem,
      done: Type.Boolean(),
      sources: Type.Array(StringEnum(['activity', 'report'] as const)),
      pendingReport: Type.Boolean(),
    }),
  ),
  count: Type.Integer(),
});
export type FiveOneWeek = Static<typeof FiveOneWeek>;

export const FiveOneReportBody = Type.Object(
  {
    item: FiveOneItem,
    photo: Type.String({ pattern: FILE_ID_PATTERN }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    day: Type.Optional(DateString),
  },
  { ...Exact, description: 'a self-reported item of this week (or of `day`’s week, at most last week)' },
);
export type FiveOneReportBody = Static<typeof FiveOneReportBody>;

export const FiveOneReport = Type.Object({
  id: Type.Integer(),
  person: Ref,
  community: Ref,
  weekStart: DateString,
  item: FiveOneItem,
  photo: Type.String(),
  note: Nullable(Type.String()),
  status: StringEnum(['pending', 'confirmed', 'rejected'] as const),
  rejectReason: Nullable(Type.String()),
  createdAt: DateTime,
  canDecide: Type.Boolean({ description: 'pending, and the actor confirms reports of its community' }),
});
export type FiveOneReport = Static<typeof FiveOneReport>;
export const FiveOneReportQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StringEnum(['pending', 'confirmed', 'rejected'] as const)),
  communityId: Type.Optional(id),
});
export type FiveOneReportQuery = Static<typeof FiveOneReportQuery>;
export const DecideReportBody = DecideRegistrationBody;

export const ComplianceQuery = Type.Object({
  by: StringEnum(['member', 'party_org', 'unit', 'community'] as const),
  period: StringEnum(['week', 'month'] as const),
  day: Type.Optional(DateString),
  communityId: Type.Optional(id),
  unitId: Type.Optional(id),
  partyOrg: Type.Optional(Type.String({ maxLength: 60 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type ComplianceQuery = Static<typeof ComplianceQuery>;
export const ComplianceRow = Type.Object({
  key: Type.String(),
  name: Type.String(),
  members: Type.Integer(),
  itemsDone: Type.Integer(),
  rate: Nullable(Type.Number({ description: 'items done / (5 × members × weeks), 0–1' })),
  fullMembers: Type.Integer({ description: 'members who did all five in every week of the period' }),
  idleMembers: Type.Integer({ description: 'members who did nothing in the period' }),
});
export const ComplianceList = Type.Object({
  from: DateString,
  to: DateString,
  weeks: Type.Integer(),
  items: Type.Array(ComplianceRow),
  total: Type.Integer(),
  overall: ComplianceRow,
});
export type ComplianceList = Static<typeof ComplianceList>;

// The community dashboard (社区看板): one week at a glance for the office.
export const DashboardQuery = Type.Object({
  day: Type.Optional(DateString),
  communityId: Type.Optional(id),
});
export type DashboardQuery = Static<typeof DashboardQuery>;
export const DashboardActivity = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  type: Type.Object({ code: Type.String(), name: Type.String(), fiveOne: Nullable(FiveOneItem) }),
  community: Nullable(Ref),
  place: Type.String(),
  startsAt: DateTime,
  endsAt: DateTime,
  status: StringEnum(['published', 'cancelled'] as const),
  capacity: Nullable(Type.Integer()),
  signups: Type.Integer(),
  checkedIn: Type.Integer(),
});
export const DashboardWeek = Type.Object({
  weekStart: DateString,
  itemsDone: Type.Integer(),
  rate: Nullable(Type.Number({ description: 'items done / (5 × members), 0–1; members as registered now' })),
});
export const Dashboard = Type.Object({
  weekStart: DateString,
  weekEnd: DateString,
  registrations: Type.Object({
    confirmed: Type.Integer({ description: 'registered (confirmed) members now' }),
    pending: Type.Integer({ description: 'registrations awaiting the community’s decision' }),
    newThisWeek: Type.Integer({ description: 'confirmed in the week shown' }),
  }),
  unregistered: Type.Integer({ description: 'members on record in scope with no live registration' }),
  activities: Type.Object({
    count: Type.Integer({ description: 'activities starting in the week, cancelled ones included' }),
    cancelled: Type.Integer(),
    items: Type.Array(DashboardActivity, { description: 'the first 20 by start' }),
  }),
  fiveOne: Type.Object({
    members: Type.Integer(),
    itemsDone: Type.Integer(),
    rate: Nullable(Type.Number({ description: 'items done / (5 × members), 0–1' })),
    fullMembers: Type.Integer({ description: 'members who did all five' }),
    idleMembers: Type.Integer({ description: 'members who did nothing' }),
    items: Type.Array(Type.Object({ item: FiveOneItem, members: Type.Integer() })),
  }),
  trend: Type.Array(DashboardWeek, { description: 'the 8 weeks ending with the week shown, oldest first' }),
});
export type Dashboard = Static<typeof Dashboard>;

// ---------------------------------------------------------------------------------------------
// Recognition: rankings, commendation lists, hours certificates
// ---------------------------------------------------------------------------------------------

export const RankingSubject = StringEnum(['member', 'party_org', 'unit'] as const);
export const RankingBasis = StringEnum(['hours', 'activities', 'five_one'] as const);

export const RankingQuery = Type.Object({
  subject: RankingSubject,
  basis: RankingBasis,
  from: DateString,
  to: DateString,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  communityId: Type.Optional(id),
});
export type RankingQuery = Static<typeof RankingQuery>;
export const RankingRow = Type.Object({
  rank: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  value: Type.Number({ description: 'hours (1 decimal), attended activities, or 五个一 items done' }),
  members: Type.Integer({ description: 'registered members behind a party organisation or unit' }),
});
export const RankingList = Type.Object({ items: Type.Array(RankingRow) });
export type RankingList = Static<typeof RankingList>;

export const CreateCommendationBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    subject: RankingSubject,
    basis: RankingBasis,
    from: DateString,
    to: DateString,
    top: Type.Integer({ minimum: 1, maximum: 500 }),
  },
  { ...Exact, description: 'a draft list drawn from the ranking; entries can be removed before publishing' },
);
export type CreateCommendationBody = Static<typeof CreateCommendationBody>;
export const Commendation = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  subject: RankingSubject,
  basis: RankingBasis,
  from: DateString,
  to: DateString,
  status: StringEnum(['draft', 'published'] as const),
  publishedAt: Nullable(DateTime),
  createdAt: DateTime,
  entries: Type.Array(
    Type.Object({
      id: Type.Integer(),
      rank: Type.Integer(),
      key: Type.String(),
      name: Type.String(),
      value: Type.Number(),
    }),
  ),
  canManage: Type.Boolean(),
});
export type Commendation = Static<typeof Commendation>;
export const CommendationListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StringEnum(['draft', 'published'] as const)),
});
export type CommendationListQuery = Static<typeof CommendationListQuery>;
export const EntryParams = Type.Object({ id, entryId: id });

export const CertificateBody = Type.Object(
  {
    personId: Type.Optional(id),
    from: DateString,
    to: DateString,
  },
  { ...Exact, description: 'without personId: the signed-in member’s own record' },
);
export type CertificateBody = Static<typeof CertificateBody>;
export const Certificate = Type.Object({
  id: Type.Integer(),
  number: Type.String(),
  person: Ref,
  from: DateString,
  to: DateString,
  minutes: Type.Integer(),
  activities: Type.Integer(),
  issuedByName: Type.String(),
  issuedAt: DateTime,
});
export type Certificate = Static<typeof Certificate>;

export const CommunityList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), code: Type.String(), street: Nullable(Type.String()) }),
  ),
});
