// The admin side menu: each entry names the permission that shows it. Only pages that exist are
// listed, so a user never sees an entry that leads nowhere.
import type { ReactNode } from 'react';
import {
  AimOutlined,
  AlertOutlined,
  DashboardOutlined,
  AppstoreOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  PushpinOutlined,
  FlagOutlined,
  OrderedListOutlined,
  WarningOutlined,
  BellOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FileWordOutlined,
  InboxOutlined,
  LineChartOutlined,
  MessageOutlined,
  SettingOutlined,
  TagsOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
  UsergroupAddOutlined,
  IdcardOutlined,
  CommentOutlined,
  HomeOutlined,
  FormOutlined,
  RobotOutlined,
  ProfileOutlined,
  GroupOutlined,
  HeartOutlined,
  CheckCircleOutlined,
  BarChartOutlined,
  SolutionOutlined,
  TrophyOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { Permission } from '@cc/common/permissions';
import type { MessageKey } from '../i18n/catalogues';

export type MenuGroup =
  'campaigns' | 'inspections' | 'canvass' | 'volunteers' | 'cases' | 'org' | 'system' | 'personal';

/** The order of the side menu's groups. */
export const MENU_GROUPS: readonly MenuGroup[] = [
  'campaigns',
  'inspections',
  'canvass',
  'volunteers',
  'cases',
  'org',
  'system',
  'personal',
];

export interface MenuEntry {
  key: string;
  path: string;
  permission: Permission;
  labelKey: MessageKey;
  icon: ReactNode;
  group: MenuGroup;
}

export const MENU_ENTRIES: readonly MenuEntry[] = [
  // A unit's staff open their tasks first (the first entry a user may open is the landing page).
  {
    key: 'campaign-my-tasks',
    path: '/campaigns/my-tasks',
    permission: 'campaign.report',
    labelKey: 'menu.campaignMyTasks',
    icon: <OrderedListOutlined />,
    group: 'campaigns',
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    permission: 'campaign.read',
    labelKey: 'menu.campaigns',
    icon: <FlagOutlined />,
    group: 'campaigns',
  },
  {
    key: 'campaign-overdue',
    path: '/campaigns/overdue',
    permission: 'campaign.manage',
    labelKey: 'menu.campaignOverdue',
    icon: <WarningOutlined />,
    group: 'campaigns',
  },
  {
    key: 'inspection-rounds',
    path: '/inspection-rounds',
    permission: 'inspection.read',
    labelKey: 'menu.inspectionRounds',
    icon: <AimOutlined />,
    group: 'inspections',
  },
  {
    key: 'sites',
    path: '/sites',
    permission: 'site.read',
    labelKey: 'menu.sites',
    icon: <PushpinOutlined />,
    group: 'inspections',
  },
  {
    key: 'site-types',
    path: '/site-types',
    permission: 'site.read',
    labelKey: 'menu.siteTypes',
    icon: <AppstoreOutlined />,
    group: 'inspections',
  },
  {
    key: 'checklists',
    path: '/checklists',
    permission: 'index.read',
    labelKey: 'menu.checklists',
    icon: <CheckSquareOutlined />,
    group: 'inspections',
  },
  {
    key: 'evaluation-index',
    path: '/evaluation-index',
    permission: 'index.read',
    labelKey: 'menu.evaluationIndex',
    icon: <ClusterOutlined />,
    group: 'inspections',
  },
  // One page, two entries: the office reviews (material.review), a unit submits (material.submit).
  {
    key: 'materials-review',
    path: '/materials',
    permission: 'material.review',
    labelKey: 'menu.materials',
    icon: <FileDoneOutlined />,
    group: 'inspections',
  },
  {
    key: 'materials-submit',
    path: '/materials',
    permission: 'material.submit',
    labelKey: 'menu.materialsMine',
    icon: <FileDoneOutlined />,
    group: 'inspections',
  },
  // Canvassing: a unit's staff open their inbox of routed opinions first; the office the drives.
  {
    key: 'canvass-inbox',
    path: '/canvass/inbox',
    permission: 'canvass.answer',
    labelKey: 'canvass.menu.inbox',
    icon: <CommentOutlined />,
    group: 'canvass',
  },
  {
    key: 'canvass-drives',
    path: '/canvass/drives',
    permission: 'canvass.read',
    labelKey: 'canvass.menu.drives',
    icon: <HomeOutlined />,
    group: 'canvass',
  },
  {
    key: 'canvass-opinions',
    path: '/canvass/opinions',
    permission: 'canvass.manage',
    labelKey: 'canvass.menu.opinions',
    icon: <MessageOutlined />,
    group: 'canvass',
  },
  {
    key: 'canvass-groups',
    path: '/canvass/groups',
    permission: 'canvass.manage',
    labelKey: 'canvass.menu.groups',
    icon: <GroupOutlined />,
    group: 'canvass',
  },
  {
    key: 'canvass-batch',
    path: '/canvass/batch',
    permission: 'canvass.record',
    labelKey: 'canvass.menu.batch',
    icon: <FormOutlined />,
    group: 'canvass',
  },
  {
    key: 'canvass-classifier',
    path: '/canvass/classifier',
    permission: 'canvass.manage',
    labelKey: 'canvass.menu.classifier',
    icon: <RobotOutlined />,
    group: 'canvass',
  },
  {
    key: 'surveys',
    path: '/surveys',
    permission: 'survey.read',
    labelKey: 'menu.surveys',
    icon: <ProfileOutlined />,
    group: 'canvass',
  },
  // Community service: the office's dashboard first; the community's office confirms
  // registrations; organisers see activities.
  {
    key: 'volunteer-dashboard',
    path: '/volunteer/dashboard',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.dashboard',
    icon: <DashboardOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-registrations',
    path: '/volunteer/registrations',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.registrations',
    icon: <SolutionOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-activities',
    path: '/volunteer/activities',
    permission: 'volunteer.organise',
    labelKey: 'volunteers.menu.activities',
    icon: <HeartOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-reports',
    path: '/volunteer/five-one/reports',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.reports',
    icon: <CheckCircleOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-compliance',
    path: '/volunteer/five-one/compliance',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.compliance',
    icon: <BarChartOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-rankings',
    path: '/volunteer/rankings',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.rankings',
    icon: <TrophyOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-commendations',
    path: '/volunteer/commendations',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.commendations',
    icon: <StarOutlined />,
    group: 'volunteers',
  },
  {
    key: 'volunteer-activity-types',
    path: '/volunteer/activity-types',
    permission: 'volunteer.manage',
    labelKey: 'volunteers.menu.activityTypes',
    icon: <TagsOutlined />,
    group: 'volunteers',
  },
  {
    key: 'case-inbox',
    path: '/cases/inbox',
    permission: 'case.handle',
    labelKey: 'menu.caseInbox',
    icon: <InboxOutlined />,
    group: 'cases',
  },
  {
    key: 'cases',
    path: '/cases',
    permission: 'case.read',
    labelKey: 'menu.cases',
    icon: <AlertOutlined />,
    group: 'cases',
  },
  {
    key: 'case-map',
    path: '/cases/map',
    permission: 'case.manage',
    labelKey: 'menu.caseMap',
    icon: <EnvironmentOutlined />,
    group: 'cases',
  },
  {
    key: 'case-metrics',
    path: '/cases/metrics',
    permission: 'case.manage',
    labelKey: 'menu.caseMetrics',
    icon: <LineChartOutlined />,
    group: 'cases',
  },
  {
    key: 'case-notices',
    path: '/cases/notices',
    permission: 'case.manage',
    labelKey: 'menu.caseNotices',
    icon: <FileWordOutlined />,
    group: 'cases',
  },
  {
    key: 'case-categories',
    path: '/case-categories',
    permission: 'case.config',
    labelKey: 'menu.caseCategories',
    icon: <TagsOutlined />,
    group: 'cases',
  },
  {
    key: 'case-settings',
    path: '/case-settings',
    permission: 'case.config',
    labelKey: 'menu.caseSettings',
    icon: <SettingOutlined />,
    group: 'cases',
  },
  {
    key: 'calendar',
    path: '/calendar',
    permission: 'calendar.read',
    labelKey: 'menu.calendar',
    icon: <CalendarOutlined />,
    group: 'cases',
  },
  {
    key: 'regions',
    path: '/regions',
    permission: 'org.region.read',
    labelKey: 'menu.regions',
    icon: <ApartmentOutlined />,
    group: 'org',
  },
  {
    key: 'units',
    path: '/units',
    permission: 'org.unit.read',
    labelKey: 'menu.units',
    icon: <BankOutlined />,
    group: 'org',
  },
  {
    key: 'people',
    path: '/people',
    permission: 'org.person.read',
    labelKey: 'menu.people',
    icon: <TeamOutlined />,
    group: 'org',
  },
  {
    key: 'pairings',
    path: '/pairings',
    permission: 'org.pairing.read',
    labelKey: 'menu.pairings',
    icon: <LinkOutlined />,
    group: 'org',
  },
  {
    key: 'groups',
    path: '/groups',
    permission: 'org.group.read',
    labelKey: 'menu.groups',
    icon: <UsergroupAddOutlined />,
    group: 'org',
  },
  {
    key: 'users',
    path: '/users',
    permission: 'user.read',
    labelKey: 'menu.users',
    icon: <IdcardOutlined />,
    group: 'system',
  },
  {
    key: 'security',
    path: '/security',
    permission: 'security.policy.read',
    labelKey: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    group: 'system',
  },
  {
    key: 'audit',
    path: '/audit',
    permission: 'audit.read',
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    group: 'system',
  },
  {
    key: 'sms',
    path: '/sms',
    permission: 'sms.read',
    labelKey: 'menu.sms',
    icon: <MessageOutlined />,
    group: 'system',
  },
  {
    key: 'notifications',
    path: '/notifications',
    permission: 'notification.read',
    labelKey: 'menu.notifications',
    icon: <BellOutlined />,
    group: 'personal',
  },
  {
    key: 'profile',
    path: '/profile',
    permission: 'account.self',
    labelKey: 'menu.profile',
    icon: <UserOutlined />,
    group: 'personal',
  },
];

export const MENU_GROUP_LABELS: Record<MenuGroup, MessageKey> = {
  campaigns: 'menu.group.campaigns',
  inspections: 'menu.group.inspections',
  canvass: 'menu.group.canvass',
  volunteers: 'menu.group.volunteers',
  cases: 'menu.group.cases',
  org: 'menu.group.org',
  system: 'menu.group.system',
  personal: 'menu.group.personal',
};

export function visibleMenuEntries(permissions: readonly Permission[]): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => permissions.includes(entry.permission));
}

/** The entry of the page at `pathname`: the longest path that is it or one of its parents. */
export function menuEntryAt(entries: readonly MenuEntry[], pathname: string): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    if ((pathname === e.path || pathname.startsWith(`${e.path}/`)) && (!best || e.path.length > best.path.length))
      best = e;
  }
  return best;
}
