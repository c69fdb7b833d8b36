// Client routes. Every admin page is lazy-loaded so the first download is only the shell.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Permission } from '@cc/common/permissions';
import { RequireAuth, RequirePermission } from './auth/require-auth';
import { AdminLayout } from './layout/admin-layout';
import { MobileLayout } from './layout/mobile-layout';
import { FullPageSpin } from './layout/full-page-spin';
import { LoginPage } from './pages/login-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { NotFoundPage } from './pages/not-found-page';
import { HomeRedirect } from './pages/home-redirect';
import { MobileHomePage } from './pages/mobile-home-page';

const RegionsPage = lazy(() => import('../features/regions/pages/regions-page'));
const UnitsPage = lazy(() => import('../features/units/pages/units-page'));
const PeoplePage = lazy(() => import('../features/people/pages/people-page'));
const PairingsPage = lazy(() => import('../features/pairings/pages/pairings-page'));
const GroupsPage = lazy(() => import('../features/groups/pages/groups-page'));
const UsersPage = lazy(() => import('../features/users/pages/users-page'));
const SecurityPolicyPage = lazy(() => import('../features/security/pages/security-policy-page'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page'));
const ProfilePage = lazy(() => import('../features/profile/pages/profile-page'));
const MobileProfilePage = lazy(() => import('../features/profile/pages/mobile-profile-page'));
const CasesPage = lazy(() => import('../features/cases/pages/cases-page'));
const CaseDetailPage = lazy(() => import('../features/cases/pages/case-detail-page'));
const CaseInboxPage = lazy(() => import('../features/cases/pages/case-inbox-page'));
const CaseMapPage = lazy(() => import('../features/cases/pages/case-map-page'));
const CaseMetricsPage = lazy(() => import('../features/cases/pages/case-metrics-page'));
const NoticesPage = lazy(() => import('../features/cases/pages/notices-page'));
const CategoriesPage = lazy(() => import('../features/case-config/pages/categories-page'));
const CaseSettingsPage = lazy(() => import('../features/case-config/pages/case-settings-page'));
const CalendarPage = lazy(() => import('../features/case-config/pages/calendar-page'));
const NotificationsPage = lazy(() => import('../features/notifications/pages/notifications-page'));
const SmsPage = lazy(() => import('../features/notifications/pages/sms-page'));
const PublicReportPage = lazy(() => import('../features/public/pages/public-report-page'));
const PublicTrackPage = lazy(() => import('../features/public/pages/public-track-page'));
const PublicBoardPage = lazy(() => import('../features/public/pages/public-board-page'));
const FieldReportPage = lazy(() => import('../features/field/pages/report-page'));
const FieldMyReportsPage = lazy(() => import('../features/field/pages/my-reports-page'));
const FieldCasesPage = lazy(() => import('../features/field/pages/field-cases-page'));
const FieldCasePage = lazy(() => import('../features/field/pages/field-case-page'));
const CampaignsPage = lazy(() => import('../features/campaigns/pages/campaigns-page'));
const CampaignPage = lazy(() => import('../features/campaigns/pages/campaign-page'));
const MyTasksPage = lazy(() => import('../features/campaigns/pages/my-tasks-page'));
const OverduePage = lazy(() => import('../features/campaigns/pages/overdue-page'));
const TaskDetailPage = lazy(() => import('../features/campaigns/pages/task-detail-page'));
const InstanceDetailPage = lazy(() => import('../features/campaigns/pages/instance-detail-page'));
const MobileTasksPage = lazy(() => import('../features/campaigns/pages/mobile-tasks-page'));
const MobileTaskPage = lazy(() => import('../features/campaigns/pages/mobile-task-page'));
const EvaluationIndexPage = lazy(() => import('../features/inspections/pages/evaluation-index-page'));
const SitesPage = lazy(() => import('../features/inspections/pages/sites-page'));
const SiteDetailPage = lazy(() => import('../features/inspections/pages/site-detail-page'));
const SiteTypesPage = lazy(() => import('../features/inspections/pages/site-types-page'));
const ChecklistsPage = lazy(() => import('../features/inspections/pages/checklists-page'));
const RoundsPage = lazy(() => import('../features/inspections/pages/rounds-page'));
const RoundPage = lazy(() => import('../features/inspections/pages/round-page'));
const InspectionDetailPage = lazy(() => import('../features/inspections/pages/inspection-detail-page'));
const MaterialsPage = lazy(() => import('../features/inspections/pages/materials-page'));
const MaterialPage = lazy(() => import('../features/inspections/pages/material-page'));
const MobileInspectionsPage = lazy(() => import('../features/inspections/pages/mobile-inspections-page'));
const MobileInspectionPage = lazy(() => import('../features/inspections/pages/mobile-inspection-page'));
const CanvassDrivesPage = lazy(() => import('../features/canvass/pages/drives-page'));
const CanvassDrivePage = lazy(() => import('../features/canvass/pages/drive-page'));
const CanvassOpinionsPage = lazy(() => import('../features/canvass/pages/opinions-page'));
const CanvassInboxPage = lazy(() => import('../features/canvass/pages/inbox-page'));
const CanvassGroupsPage = lazy(() => import('../features/canvass/pages/groups-page'));
const CanvassBatchPage = lazy(() => import('../features/canvass/pages/batch-entry-page'));
const CanvassClassifierPage = lazy(() => import('../features/canvass/pages/classifier-page'));
const MobileCanvassPage = lazy(() => import('../features/canvass/pages/mobile-canvass-page'));
const MobileVisitPage = lazy(() => import('../features/canvass/pages/mobile-visit-page'));
const SurveysPage = lazy(() => import('../features/surveys/pages/surveys-page'));
const SurveyPage = lazy(() => import('../features/surveys/pages/survey-page'));
const SurveyPosterPage = lazy(() => import('../features/surveys/pages/survey-poster-page'));
const PublicSurveyPage = lazy(() => import('../features/surveys/pages/public-survey-page'));
const MobileVolunteerPage = lazy(() => import('../features/volunteers/pages/mobile-volunteer-page'));
const MobileVolunteerRegisterPage = lazy(() => import('../features/volunteers/pages/mobile-register-page'));
const MobileVolunteerActivitiesPage = lazy(() => import('../features/volunteers/pages/mobile-activities-page'));
const MobileVolunteerScanPage = lazy(() => import('../features/volunteers/pages/mobile-scan-page'));
const MobileVolunteerHoursPage = lazy(() => import('../features/volunteers/pages/mobile-hours-page'));
const MobileFiveOnePage = lazy(() => import('../features/volunteers/pages/mobile-five-one-page'));
const VolunteerDashboardPage = lazy(() => import('../features/volunteers/pages/dashboard-page'));
const VolunteerRegistrationsPage = lazy(() => import('../features/volunteers/pages/registrations-page'));
const VolunteerActivitiesPage = lazy(() => import('../features/volunteers/pages/activities-page'));
const VolunteerActivityPage = lazy(() => import('../features/volunteers/pages/activity-page'));
const VolunteerQrDisplayPage = lazy(() => import('../features/volunteers/pages/activity-qr-display-page'));
const VolunteerPosterPage = lazy(() => import('../features/volunteers/pages/activity-poster-page'));
const FiveOneReportsPage = lazy(() => import('../features/volunteers/pages/five-one-reports-page'));
const FiveOneCompliancePage = lazy(() => import('../features/volunteers/pages/compliance-page'));
const VolunteerRankingsPage = lazy(() => import('../features/volunteers/pages/rankings-page'));
const VolunteerCommendationsPage = lazy(() => import('../features/volunteers/pages/commendations-page'));
const VolunteerCommendationPage = lazy(() => import('../features/volunteers/pages/commendation-page'));
const VolunteerActivityTypesPage = lazy(() => import('../features/volunteers/pages/activity-types-page'));

/** Public pages (no sign-in) load on their own, outside the signed-in shells. */
function publicPage(page: ReactNode) {
  return <Suspense fallback={<FullPageSpin />}>{page}</Suspense>;
}

function guarded(permission: Permission | readonly Permission[], page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/public/:code/report', element: publicPage(<PublicReportPage />) },
  { path: '/public/:code/board', element: publicPage(<PublicBoardPage />) },
  { path: '/public/track/:token', element: publicPage(<PublicTrackPage />) },
  { path: '/public/survey/:token', element: publicPage(<PublicSurveyPage />) },
  {
    // The printable poster: signed in, but outside the admin shell so it prints alone.
    path: '/surveys/:id/poster',
    element: <RequireAuth>{publicPage(guarded('survey.read', <SurveyPosterPage />))}</RequireAuth>,
  },
  {
    // The activity's check-in code: a printable poster and a full-screen display at the venue.
    path: '/volunteer/activities/:id/poster',
    element: <RequireAuth>{publicPage(guarded('volunteer.organise', <VolunteerPosterPage />))}</RequireAuth>,
  },
  {
    path: '/volunteer/activities/:id/display',
    element: <RequireAuth>{publicPage(guarded('volunteer.organise', <VolunteerQrDisplayPage />))}</RequireAuth>,
  },
  {
    path: '/change-password',
    element: (
      <RequireAuth allowPasswordChange>
        <ChangePasswordPage />
      </RequireAuth>
    ),
  },
  {
    path: '/m',
    element: (
      <RequireAuth>
        <MobileLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MobileHomePage /> },
      { path: 'profile', element: <MobileProfilePage /> },
      { path: 'report', element: guarded('case.report', <FieldReportPage />) },
      { path: 'reports', element: guarded('case.report', <FieldMyReportsPage />) },
      { path: 'cases', element: guarded('case.read', <FieldCasesPage />) },
      { path: 'cases/:id', element: guarded('case.read', <FieldCasePage />) },
      { path: 'tasks', element: guarded('campaign.report', <MobileTasksPage />) },
      { path: 'tasks/:id', element: guarded('campaign.read', <MobileTaskPage />) },
      { path: 'inspections', element: guarded('inspection.perform', <MobileInspectionsPage />) },
      { path: 'inspections/:id', element: guarded('inspection.read', <MobileInspectionPage />) },
      { path: 'canvass', element: guarded('canvass.record', <MobileCanvassPage />) },
      { path: 'canvass/visit', element: guarded('canvass.record', <MobileVisitPage />) },
      { path: 'volunteer', element: guarded('volunteer.read', <MobileVolunteerPage />) },
      { path: 'volunteer/register', element: guarded('volunteer.join', <MobileVolunteerRegisterPage />) },
      { path: 'volunteer/activities', element: guarded('volunteer.read', <MobileVolunteerActivitiesPage />) },
      { path: 'volunteer/scan', element: guarded('volunteer.join', <MobileVolunteerScanPage />) },
      { path: 'volunteer/hours', element: guarded('volunteer.join', <MobileVolunteerHoursPage />) },
      { path: 'volunteer/five-one', element: guarded('volunteer.join', <MobileFiveOnePage />) },
    ],
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AdminLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'campaigns', element: guarded('campaign.read', <CampaignsPage />) },
      { path: 'campaigns/my-tasks', element: guarded('campaign.report', <MyTasksPage />) },
      { path: 'campaigns/overdue', element: guarded('campaign.manage', <OverduePage />) },
      { path: 'campaigns/:id', element: guarded('campaign.read', <CampaignPage />) },
      { path: 'campaigns/:id/:tab', element: guarded('campaign.read', <CampaignPage />) },
      { path: 'campaign-tasks/:id', element: guarded('campaign.read', <TaskDetailPage />) },
      { path: 'task-instances/:id', element: guarded('campaign.read', <InstanceDetailPage />) },
      { path: 'inspection-rounds', element: guarded('inspection.read', <RoundsPage />) },
      { path: 'inspection-rounds/:id', element: guarded('inspection.read', <RoundPage />) },
      { path: 'inspection-rounds/:id/:tab', element: guarded('inspection.read', <RoundPage />) },
      { path: 'surveys', element: guarded('survey.read', <SurveysPage />) },
      { path: 'surveys/:id', element: guarded('survey.read', <SurveyPage />) },
      { path: 'surveys/:id/:tab', element: guarded('survey.read', <SurveyPage />) },
      { path: 'inspections/:id', element: guarded('inspection.read', <InspectionDetailPage />) },
      { path: 'sites', element: guarded('site.read', <SitesPage />) },
      { path: 'sites/:id', element: guarded('site.read', <SiteDetailPage />) },
      { path: 'site-types', element: guarded('site.read', <SiteTypesPage />) },
      { path: 'checklists', element: guarded('index.read', <ChecklistsPage />) },
      { path: 'checklists/:code', element: guarded('index.read', <ChecklistsPage />) },
      { path: 'evaluation-index', element: guarded('index.read', <EvaluationIndexPage />) },
      { path: 'materials', element: guarded(['material.review', 'material.submit'], <MaterialsPage />) },
      { path: 'materials/completeness', element: guarded(['material.review', 'material.submit'], <MaterialsPage />) },
      { path: 'materials/:id', element: guarded(['material.review', 'material.submit'], <MaterialPage />) },
      { path: 'canvass/drives', element: guarded('canvass.read', <CanvassDrivesPage />) },
      { path: 'canvass/drives/:id', element: guarded('canvass.read', <CanvassDrivePage />) },
      { path: 'canvass/drives/:id/:tab', element: guarded('canvass.read', <CanvassDrivePage />) },
      { path: 'canvass/opinions', element: guarded('canvass.read', <CanvassOpinionsPage />) },
      { path: 'canvass/inbox', element: guarded('canvass.answer', <CanvassInboxPage />) },
      { path: 'canvass/groups', element: guarded('canvass.read', <CanvassGroupsPage />) },
      { path: 'canvass/batch', element: guarded('canvass.record', <CanvassBatchPage />) },
      { path: 'canvass/classifier', element: guarded('canvass.manage', <CanvassClassifierPage />) },
      { path: 'volunteer/dashboard', element: guarded('volunteer.manage', <VolunteerDashboardPage />) },
      { path: 'volunteer/registrations', element: guarded('volunteer.manage', <VolunteerRegistrationsPage />) },
      { path: 'volunteer/activities', element: guarded('volunteer.read', <VolunteerActivitiesPage />) },
      { path: 'volunteer/activities/:id', element: guarded('volunteer.read', <VolunteerActivityPage />) },
      { path: 'volunteer/activities/:id/:tab', element: guarded('volunteer.read', <VolunteerActivityPage />) },
      { path: 'volunteer/five-one/reports', element: guarded('volunteer.manage', <FiveOneReportsPage />) },
      { path: 'volunteer/five-one/compliance', element: guarded('volunteer.manage', <FiveOneCompliancePage />) },
      { path: 'volunteer/rankings', element: guarded('volunteer.manage', <VolunteerRankingsPage />) },
      { path: 'volunteer/commendations', element: guarded('volunteer.read', <VolunteerCommendationsPage />) },
      { path: 'volunteer/commendations/:id', element: guarded('volunteer.read', <VolunteerCommendationPage />) },
      { path: 'volunteer/activity-types', element: guarded('volunteer.manage', <VolunteerActivityTypesPage />) },
      { path: 'regions', element: guarded('org.region.read', <RegionsPage />) },
      { path: 'units', element: guarded('org.unit.read', <UnitsPage />) },
      { path: 'people', element: guarded('org.person.read', <PeoplePage />) },
      { path: 'pairings', element: guarded('org.pairing.read', <PairingsPage />) },
      { path: 'groups', element: guarded('org.group.read', <GroupsPage />) },
      { path: 'users', element: guarded('user.read', <UsersPage />) },
      { path: 'security', element: guarded('security.policy.read', <SecurityPolicyPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      { path: 'profile', element: guarded('account.self', <ProfilePage />) },
      { path: 'cases', element: guarded('case.read', <CasesPage />) },
      { path: 'cases/inbox', element: guarded('case.handle', <CaseInboxPage />) },
      { path: 'cases/map', element: guarded('case.manage', <CaseMapPage />) },
      { path: 'cases/metrics', element: guarded('case.manage', <CaseMetricsPage />) },
      { path: 'cases/notices', element: guarded('case.manage', <NoticesPage />) },
      { path: 'cases/:id', element: guarded('case.read', <CaseDetailPage />) },
      { path: 'case-categories', element: guarded('case.config', <CategoriesPage />) },
      { path: 'case-settings', element: guarded('case.config', <CaseSettingsPage />) },
      { path: 'calendar', element: guarded('calendar.read', <CalendarPage />) },
      { path: 'notifications', element: guarded('notification.read', <NotificationsPage />) },
      { path: 'sms', element: guarded('sms.read', <SmsPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
