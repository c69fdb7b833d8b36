// Routes of community registration and volunteer service. Thin: schema, permission, one call.

import { Type } from 'typebox';
import { DateString, ctxOf, errorResponses, IdParams, Paged, PageQuery, type App } from '../../platform/http.js';
import * as activities from './activities.service.js';
import * as attendance from './attendance.service.js';
import * as dashboard from './dashboard.service.js';
import * as fiveOne from './fiveone.service.js';
import * as recognition from './recognition.service.js';
import * as registrations from './registrations.service.js';
import {
  ActivityDetail,
  ActivityListItem,
  ActivityListQuery,
  ActivityTypeList,
  ActivityTypeParams,
  CreateActivityTypeBody,
  UpdateActivityTypeBody,
  AssignBody,
  AssignResult,
  Attendance,
  AttendanceList,
  Certificate,
  CertificateBody,
  CheckInBody,
  Commendation,
  CommendationListQuery,
  CommunityList,
  CreateCommendationBody,
  EntryParams,
  RankingList,
  RankingQuery,
  CheckOutBody,
  ComplianceList,
  ComplianceQuery,
  CreateActivityBody,
  Dashboard,
  DashboardQuery,
  DecideAttendanceBody,
  DecideRegistrationBody,
  DecideReportBody,
  FiveOneReport,
  FiveOneReportBody,
  FiveOneReportQuery,
  FiveOneWeek,
  ManualAttendanceBody,
  MyHours,
  MyRegistration,
  QrQuery,
  QrResponse,
  RegisterBody,
  Registration,
  RegistrationListQuery,
  RemindBody,
  RemindResult,
  SignupList,
  SignupParams,
  UnregisteredMember,
  UnregisteredQuery,
  UpdateActivityBody,
} from './volunteers.schemas.js';

const tags = ['volunteers'];
const Docx = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word document (.docx)' });
const DayQuery = Type.Object({ day: Type.Optional(DateString) });
// The week and the members in scope for the idle list and its reminder.
const IdleScope = {
  day: Type.Optional(DateString),
  communityId: Type.Optional(Type.Integer({ minimum: 1 })),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  partyOrg: Type.Optional(Type.String({ maxLength: 60 })),
};
const IdleQuery = Type.Object({ ...PageQuery, ...IdleScope });

export function registerVolunteerRoutes(app: App) {
  // Registration -----------------------------------------------------------------------------------
  app.get(
    '/volunteer/communities',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'The city’s communities to register with',
        response: { 200: CommunityList, ...errorResponses },
      },
    },
    async (request) => registrations.listCommunities(ctxOf(request)),
  );
  app.post(
    '/volunteer/registrations',
    {
      config: { permission: 'volunteer.join' },
      schema: {
        tags,
        summary: 'Register with the residential community (单位下班，社区报到)',
        body: RegisterBody,
        response: { 201: Registration, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await registrations.register(ctxOf(request), request.body)),
  );
  app.get(
    '/volunteer/registrations/mine',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, response: { 200: MyRegistration, ...errorResponses } },
    },
    async (request) => registrations.myRegistration(ctxOf(request)),
  );
  app.post(
    '/volunteer/registrations/:id/withdraw',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, params: IdParams, response: { 200: Registration, ...errorResponses } },
    },
    async (request) => registrations.withdraw(ctxOf(request), request.params.id),
  );
  app.get(
    '/volunteer/registrations',
    {
      config: { permission: 'volunteer.manage' },
      schema: { tags, querystring: RegistrationListQuery, response: { 200: Paged(Registration), ...errorResponses } },
    },
    async (request) => registrations.listRegistrations(ctxOf(request), request.query),
  );
  app.post(
    '/volunteer/registrations/:id/decide',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'The community confirms a registration or rejects it with the reason',
        params: IdParams,
        body: DecideRegistrationBody,
        response: { 200: Registration, ...errorResponses },
      },
    },
    async (request) => registrations.decideRegistration(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/volunteer/unregistered',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Members on record who have not registered with a community',
        querystring: UnregisteredQuery,
        response: { 200: Paged(UnregisteredMember), ...errorResponses },
      },
    },
    async (request) => registrations.listUnregistered(ctxOf(request), request.query),
  );
  app.post(
    '/volunteer/unregistered/remind',
    {
      config: { permission: 'volunteer.manage' },
      schema: { tags, body: RemindBody, response: { 200: RemindResult, ...errorResponses } },
    },
    async (request) => registrations.remindUnregistered(ctxOf(request), request.body),
  );

  // Activities -------------------------------------------------------------------------------------
  app.get(
    '/volunteer/activity-types',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, response: { 200: ActivityTypeList, ...errorResponses } },
    },
    async (request) => activities.listActivityTypes(ctxOf(request)),
  );
  app.post(
    '/volunteer/activity-types',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'The city office adds an activity type (and which 五个一 item it counts as)',
        body: CreateActivityTypeBody,
        response: { 201: ActivityTypeList, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await activities.createActivityType(ctxOf(request), request.body)),
  );
  app.patch(
    '/volunteer/activity-types/:code',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Rename, re-sort or retire a type; its 五个一 item changes only while unused',
        params: ActivityTypeParams,
        body: UpdateActivityTypeBody,
        response: { 200: ActivityTypeList, ...errorResponses },
      },
    },
    async (request) => activities.updateActivityType(ctxOf(request), request.params.code, request.body),
  );
  app.get(
    '/volunteer/activities',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, querystring: ActivityListQuery, response: { 200: Paged(ActivityListItem), ...errorResponses } },
    },
    async (request) => activities.listActivities(ctxOf(request), request.query),
  );
  app.post(
    '/volunteer/activities',
    {
      config: { permission: 'volunteer.organise' },
      schema: { tags, body: CreateActivityBody, response: { 201: ActivityDetail, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await activities.createActivity(ctxOf(request), request.body)),
  );
  app.get(
    '/volunteer/activities/:id',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
    },
    async (request) => activities.getActivity(ctxOf(request), request.params.id),
  );
  app.patch(
    '/volunteer/activities/:id',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: ActivityDetail, ...errorResponses },
      },
    },
    async (request) => activities.updateActivity(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/volunteer/activities/:id/cancel',
    {
      config: { permission: 'volunteer.organise' },
      schema: { tags, params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
    },
    async (request) => activities.cancelActivity(ctxOf(request), request.params.id),
  );
  app.get(
    '/volunteer/activities/:id/qr',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        summary: 'A signed, time-limited check-in code for the activity',
        params: IdParams,
        querystring: QrQuery,
        response: { 200: QrResponse, ...errorResponses },
      },
    },
    async (request) => activities.activityQr(ctxOf(request), request.params.id, request.query),
  );
  app.post(
    '/volunteer/activities/:id/signup',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
    },
    async (request) => activities.signUp(ctxOf(request), request.params.id),
  );
  app.delete(
    '/volunteer/activities/:id/signup',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, params: IdParams, response: { 200: ActivityDetail, ...errorResponses } },
    },
    async (request) => activities.cancelSignUp(ctxOf(request), request.params.id),
  );
  app.post(
    '/volunteer/activities/:id/assign',
    {
      config: { permission: 'volunteer.organise' },
      schema: { tags, params: IdParams, body: AssignBody, response: { 200: AssignResult, ...errorResponses } },
    },
    async (request) => activities.assign(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/volunteer/activities/:id/signups',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        summary: 'Who signed up or was assigned, with their attendance so far',
        params: IdParams,
        response: { 200: SignupList, ...errorResponses },
      },
    },
    async (request) => activities.listSignups(ctxOf(request), request.params.id),
  );
  app.delete(
    '/volunteer/activities/:id/signups/:personId',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        summary: 'The organiser takes someone off the list (not after check-in)',
        params: SignupParams,
        response: { 200: SignupList, ...errorResponses },
      },
    },
    async (request) => activities.removeSignup(ctxOf(request), request.params.id, request.params.personId),
  );

  // Attendance and hours ---------------------------------------------------------------------------
  app.get(
    '/volunteer/activities/:id/attendance',
    {
      config: { permission: 'volunteer.organise' },
      schema: { tags, params: IdParams, response: { 200: AttendanceList, ...errorResponses } },
    },
    async (request) => attendance.listAttendance(ctxOf(request), request.params.id),
  );
  app.post(
    '/volunteer/activities/:id/manual-attendance',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        summary: 'The organiser records an attendance by hand, with the reason',
        params: IdParams,
        body: ManualAttendanceBody,
        response: { 200: Attendance, ...errorResponses },
      },
    },
    async (request) => attendance.manualAttendance(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/volunteer/check-in',
    {
      config: { permission: 'volunteer.join' },
      schema: {
        tags,
        summary: 'Check in by the scanned QR code, inside the geofence, in the time window',
        body: CheckInBody,
        response: { 201: Attendance, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await attendance.checkIn(ctxOf(request), request.body)),
  );
  app.post(
    '/volunteer/check-out',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, body: CheckOutBody, response: { 200: Attendance, ...errorResponses } },
    },
    async (request) => attendance.checkOut(ctxOf(request), request.body),
  );
  app.post(
    '/volunteer/attendance/:id/decide',
    {
      config: { permission: 'volunteer.organise' },
      schema: {
        tags,
        summary: 'Confirm the hours (at most the computed) or reject the attendance',
        params: IdParams,
        body: DecideAttendanceBody,
        response: { 200: Attendance, ...errorResponses },
      },
    },
    async (request) => attendance.decideAttendance(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/volunteer/my-hours',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, response: { 200: MyHours, ...errorResponses } },
    },
    async (request) => attendance.myHours(ctxOf(request)),
  );

  // The weekly 五个一 -------------------------------------------------------------------------------
  app.get(
    '/volunteer/five-one/me',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, querystring: DayQuery, response: { 200: FiveOneWeek, ...errorResponses } },
    },
    async (request) => fiveOne.myWeek(ctxOf(request), request.query.day),
  );
  app.post(
    '/volunteer/five-one/reports',
    {
      config: { permission: 'volunteer.join' },
      schema: { tags, body: FiveOneReportBody, response: { 201: FiveOneReport, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await fiveOne.reportItem(ctxOf(request), request.body)),
  );
  app.get(
    '/volunteer/five-one/reports',
    {
      config: { permission: 'volunteer.manage' },
      schema: { tags, querystring: FiveOneReportQuery, response: { 200: Paged(FiveOneReport), ...errorResponses } },
    },
    async (request) => fiveOne.listReports(ctxOf(request), request.query),
  );
  app.post(
    '/volunteer/five-one/reports/:id/decide',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        params: IdParams,
        body: DecideReportBody,
        response: { 200: FiveOneReport, ...errorResponses },
      },
    },
    async (request) => fiveOne.decideReport(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/volunteer/five-one/compliance',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Compliance = items done / (5 × members × weeks), per member, party organisation, unit or community',
        querystring: ComplianceQuery,
        response: { 200: ComplianceList, ...errorResponses },
      },
    },
    async (request) => fiveOne.compliance(ctxOf(request), request.query),
  );
  app.get(
    '/volunteer/dashboard',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary:
          'The community dashboard (社区看板) of a week: registrations, members not registered, the week’s activities, its 五个一 and the 8-week compliance trend',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    async (request) => dashboard.dashboard(ctxOf(request), request.query),
  );
  app.get(
    '/volunteer/five-one/idle',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Registered members with nothing in the week',
        querystring: IdleQuery,
        response: { 200: Paged(UnregisteredMember), ...errorResponses },
      },
    },
    async (request) => fiveOne.idleMembers(ctxOf(request), request.query),
  );

  app.post(
    '/volunteer/five-one/remind',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Remind the registered members who have nothing in the week',
        body: Type.Object(IdleScope, { additionalProperties: false }),
        response: { 200: RemindResult, ...errorResponses },
      },
    },
    async (request) => fiveOne.remindIdle(ctxOf(request), request.body),
  );

  // Recognition -------------------------------------------------------------------------------------
  app.get(
    '/volunteer/rankings',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Members, party organisations or units ranked by hours, activities or 五个一 items',
        querystring: RankingQuery,
        response: { 200: RankingList, ...errorResponses },
      },
    },
    async (request) => recognition.rankings(ctxOf(request), request.query),
  );
  app.get(
    '/volunteer/commendations',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, querystring: CommendationListQuery, response: { 200: Paged(Commendation), ...errorResponses } },
    },
    async (request) => recognition.listCommendations(ctxOf(request), request.query),
  );
  app.post(
    '/volunteer/commendations',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: 'Draw up a commendation list (表彰名单) from a ranking',
        body: CreateCommendationBody,
        response: { 201: Commendation, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await recognition.createCommendation(ctxOf(request), request.body)),
  );
  app.get(
    '/volunteer/commendations/:id',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, params: IdParams, response: { 200: Commendation, ...errorResponses } },
    },
    async (request) => recognition.getCommendation(ctxOf(request), request.params.id),
  );
  app.delete(
    '/volunteer/commendations/:id/entries/:entryId',
    {
      config: { permission: 'volunteer.manage' },
      schema: { tags, params: EntryParams, response: { 200: Commendation, ...errorResponses } },
    },
    async (request) => recognition.removeEntry(ctxOf(request), request.params.id, request.params.entryId),
  );
  app.post(
    '/volunteer/commendations/:id/publish',
    {
      config: { permission: 'volunteer.manage' },
      schema: { tags, params: IdParams, response: { 200: Commendation, ...errorResponses } },
    },
    async (request) => recognition.publishCommendation(ctxOf(request), request.params.id),
  );
  app.post(
    '/volunteer/certificates',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: 'Issue the printable hours record of oneself (members) or of a member in scope (staff)',
        body: CertificateBody,
        response: { 201: Certificate, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await recognition.issueCertificate(ctxOf(request), request.body)),
  );
  app.get(
    '/volunteer/certificates/:id/file',
    {
      config: { permission: 'volunteer.read' },
      schema: { tags, params: IdParams, response: { 200: Docx, ...errorResponses } },
    },
    async (request, reply) => {
      const file = await recognition.certificateFile(ctxOf(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.buffer);
    },
  );
}
