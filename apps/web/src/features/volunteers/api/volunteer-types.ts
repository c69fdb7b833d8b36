// The API shapes of community registration and volunteer service, as the server declares them in
// volunteers.schemas.ts (field names exact). Kept apart from the hooks so pure helpers and tests
// import only types.
import type { AttendanceStatus, FiveOneItem, RegistrationStatus } from '@cc/common/volunteers';

export interface Ref {
  id: number;
  name: string;
}

export interface FamilyMember {
  name: string;
  relation: string;
}

// --- registrations ---------------------------------------------------------------------------

export interface Registration {
  id: number;
  person: { id: number; name: string; phoneMasked: string | null };
  community: { id: number; name: string; street: string | null };
  status: RegistrationStatus;
  workUnit: Ref | null;
  partyOrg: string | null;
  skills: string[];
  availableTimes: string[];
  familyMembers: FamilyMember[];
  volunteerNo: string | null;
  note: string | null;
  registeredAt: string;
  decidedAt: string | null;
  rejectReason: string | null;
  canDecide: boolean;
}

export interface RegisterBody {
  communityId: number;
  partyOrg?: string | null;
  skills?: string[];
  availableTimes?: string[];
  familyMembers?: FamilyMember[];
  note?: string | null;
}

export interface MyRegistration {
  personLinked: boolean;
  current: Registration | null;
  history: Registration[];
}

export interface DecideBody {
  decision: 'confirm' | 'reject';
  reason?: string | null;
}

export interface UnregisteredMember {
  id: number;
  name: string;
  unit: Ref | null;
  partyOrg: string | null;
  community: Ref | null;
  hasAccount: boolean;
}

export interface RemindBody {
  unitId?: number;
  partyOrg?: string;
  communityId?: number;
}

export interface RemindResult {
  members: number;
  notified: number;
}

// --- activities ------------------------------------------------------------------------------

export interface ActivityType {
  code: string;
  name: string;
  fiveOne: FiveOneItem | null;
  sort: number;
  active: boolean;
}

export interface ActivityTypeList {
  items: ActivityType[];
  canEdit: boolean;
}

export interface ActivityTypeBody {
  name: string;
  fiveOne: FiveOneItem | null;
  sort?: number;
}

export type ActivityStatus = 'published' | 'cancelled';

export interface ActivityListItem {
  id: number;
  title: string;
  type: { code: string; name: string; fiveOne: FiveOneItem | null };
  community: Ref | null;
  organiserUnit: Ref | null;
  organiserName: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  status: ActivityStatus;
  signups: number;
  checkedIn: number;
  mine: {
    signedUp: boolean;
    attendance: { status: AttendanceStatus; checkInAt: string; checkOutAt: string | null } | null;
  };
}

export interface ActivityDetail extends ActivityListItem {
  description: string | null;
  theme: string | null;
  campaign: Ref | null;
  lng: number;
  lat: number;
  radiusM: number;
  canManage: boolean;
  createdAt: string;
}

export interface ActivityBody {
  typeCode: string;
  title: string;
  description?: string | null;
  communityId?: number | null;
  campaignId?: number | null;
  theme?: string | null;
  place: string;
  lng: number;
  lat: number;
  radiusM?: number;
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
}

export interface QrResponse {
  token: string;
  expiresAt: string;
}

export interface AssignResult {
  assigned: number;
  already: number;
}

// --- attendance ------------------------------------------------------------------------------

export interface CheckInBody {
  token: string;
  lng: number;
  lat: number;
  accuracyM?: number;
  family?: FamilyMember[];
}

export interface CheckOutBody {
  token: string;
  lng: number;
  lat: number;
  accuracyM?: number;
}

export interface Signup {
  person: { id: number; name: string; phoneMasked: string | null };
  unit: Ref | null;
  partyOrg: string | null;
  source: 'self' | 'assigned';
  createdBy: Ref | null;
  createdAt: string;
  attendance: AttendanceStatus | null;
}

export interface Attendance {
  id: number;
  activity: { id: number; title: string; startsAt: string; endsAt: string };
  person: { id: number; name: string };
  family: FamilyMember[];
  checkInAt: string;
  checkInDistanceM: number | null;
  checkOutAt: string | null;
  checkOutDistanceM: number | null;
  manualReason: string | null;
  minutes: number | null;
  confirmedMinutes: number | null;
  status: AttendanceStatus;
  weekStart: string;
}

export interface ManualAttendanceBody {
  personId: number;
  checkInAt: string;
  checkOutAt?: string | null;
  reason: string;
  family?: FamilyMember[];
}

export interface DecideAttendanceBody {
  decision: 'confirm' | 'reject';
  minutes?: number;
  reason?: string | null;
}

export interface MyHours {
  confirmedMinutes: number;
  pendingMinutes: number;
  activities: number;
  items: Attendance[];
}

// --- 五个一 ------------------------------------------------------------------------------------

export type FiveOneSource = 'activity' | 'report';

export interface FiveOneWeek {
  weekStart: string;
  items: { item: FiveOneItem; done: boolean; sources: FiveOneSource[]; pendingReport: boolean }[];
  count: number;
}

export interface FiveOneReportBody {
  item: FiveOneItem;
  photo: string;
  note?: string | null;
  day?: string;
}

export type ReportStatus = 'pending' | 'confirmed' | 'rejected';
export const REPORT_STATUSES: readonly ReportStatus[] = ['pending', 'confirmed', 'rejected'];

export interface FiveOneReport {
  id: number;
  person: Ref;
  community: Ref;
  weekStart: string;
  item: FiveOneItem;
  photo: string;
  note: string | null;
  status: ReportStatus;
  rejectReason: string | null;
  createdAt: string;
  canDecide: boolean;
}

export const COMPLIANCE_DIMENSIONS = ['member', 'party_org', 'unit', 'community'] as const;
export type ComplianceDimension = (typeof COMPLIANCE_DIMENSIONS)[number];
export const COMPLIANCE_PERIODS = ['week', 'month'] as const;
export type CompliancePeriod = (typeof COMPLIANCE_PERIODS)[number];

export interface ComplianceRow {
  key: string;
  name: string;
  members: number;
  itemsDone: number;
  rate: number | null;
  fullMembers: number;
  idleMembers: number;
}

export interface ComplianceList {
  from: string;
  to: string;
  weeks: number;
  items: ComplianceRow[];
  total: number;
  overall: ComplianceRow;
}

// --- recognition: rankings, commendation lists, hours certificates ---------------------------

export const RANKING_SUBJECTS = ['member', 'party_org', 'unit'] as const;
export type RankingSubject = (typeof RANKING_SUBJECTS)[number];
export const RANKING_BASES = ['hours', 'activities', 'five_one'] as const;
export type RankingBasis = (typeof RANKING_BASES)[number];

export interface RankingRow {
  rank: number;
  key: string;
  name: string;
  /** hours (1 decimal), attended activities, or 五个一 items done */
  value: number;
  /** registered members behind a party organisation or unit */
  members: number;
}

export interface RankingList {
  items: RankingRow[];
}

export interface CreateCommendationBody {
  title: string;
  subject: RankingSubject;
  basis: RankingBasis;
  from: string;
  to: string;
  top: number;
}

export type CommendationStatus = 'draft' | 'published';

export interface CommendationEntry {
  id: number;
  rank: number;
  key: string;
  name: string;
  value: number;
}

export interface Commendation {
  id: number;
  title: string;
  subject: RankingSubject;
  basis: RankingBasis;
  from: string;
  to: string;
  status: CommendationStatus;
  publishedAt: string | null;
  createdAt: string;
  entries: CommendationEntry[];
  canManage: boolean;
}

export interface CertificateBody {
  personId?: number;
  from: string;
  to: string;
}

export interface Certificate {
  id: number;
  number: string;
  person: Ref;
  from: string;
  to: string;
  minutes: number;
  activities: number;
  issuedByName: string;
  issuedAt: string;
}

// --- the community dashboard (社区看板) ----------------------------------------------------------

export interface DashboardActivity {
  id: number;
  title: string;
  type: { code: string; name: string; fiveOne: FiveOneItem | null };
  community: Ref | null;
  place: string;
  startsAt: string;
  endsAt: string;
  status: ActivityStatus;
  capacity: number | null;
  signups: number;
  checkedIn: number;
}

export interface DashboardWeek {
  weekStart: string;
  itemsDone: number;
  rate: number | null;
}

export interface Dashboard {
  weekStart: string;
  weekEnd: string;
  registrations: { confirmed: number; pending: number; newThisWeek: number };
  unregistered: number;
  activities: { count: number; cancelled: number; items: DashboardActivity[] };
  fiveOne: {
    members: number;
    itemsDone: number;
    rate: number | null;
    fullMembers: number;
    idleMembers: number;
    items: { item: FiveOneItem; members: number }[];
  };
  /** The 8 weeks ending with the week shown, oldest first. */
  trend: DashboardWeek[];
}
