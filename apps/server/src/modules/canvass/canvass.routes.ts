// Routes of door-to-door canvassing: drives, assignments and progress, visits (phone and paper
// batch), opinions (classify, group, route, reply, deliver), topics and the classifier. Thin:
// schema, permission, one service call.

import { Type } from 'typebox';
import { ctxOf, errorResponses, IdParams, OkResponse, Paged, type App } from '../../platform/http.js';
import {
  AcceptSuggestionsBody,
  AcceptSuggestionsResult,
  Assignment,
  AssignmentListQuery,
  BatchResult,
  BatchVisitsBody,
  ClassifierStatus,
  ClassifyBody,
  CreateAssignmentsBody,
  CreateDriveBody,
  CreateTopicBody,
  CreateVisitBody,
  DeliverBody,
  DriveDetail,
  DriveListItem,
  DriveListQuery,
  DriveStatusBody,
  GroupListQuery,
  KickoffBody,
  MyAssignmentList,
  Opinion,
  OpinionGroup,
  OpinionListQuery,
  PhoneResponse,
  ProgressList,
  ProgressQuery,
  RegroupResult,
  ReplyBody,
  RouteBody,
  RouteResult,
  SuggestBody,
  SuggestResponse,
  Topic,
  TopicList,
  TopicParams,
  UpdateAssignmentBody,
  UpdateDriveBody,
  UpdateTopicBody,
  Visit,
  VisitListQuery,
  VisitReceipt,
} from './canvass.schemas.js';
import * as classifier from './classifier.service.js';
import * as drives from './drives.service.js';
import * as groups from './groups.service.js';
import * as opinions from './opinions.service.js';
import * as topics from './topics.service.js';
import * as visits from './visits.service.js';

const tags = ['canvass'];

export function registerCanvassRoutes(app: App) {
  // Drives -----------------------------------------------------------------------------------------
  app.get(
    '/canvass-drives',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, querystring: DriveListQuery, response: { 200: Paged(DriveListItem), ...errorResponses } },
    },
    async (request) => drives.listDrives(ctxOf(request), request.query),
  );
  app.post(
    '/canvass-drives',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Plan a drive: period, kick-off and records milestones, materials, answer time limit',
        body: CreateDriveBody,
        response: { 201: DriveDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await drives.createDrive(ctxOf(request), request.body)),
  );
  app.get(
    '/canvass-drives/:id',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, params: IdParams, response: { 200: DriveDetail, ...errorResponses } },
    },
    async (request) => drives.getDrive(ctxOf(request), request.params.id),
  );
  app.patch(
    '/canvass-drives/:id',
    {
      config: { permission: 'canvass.manage' },
      schema: { tags, params: IdParams, body: UpdateDriveBody, response: { 200: DriveDetail, ...errorResponses } },
    },
    async (request) => drives.updateDrive(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/canvass-drives/:id/status',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Open a drive (draft → open), close it, or reopen a closed one',
        params: IdParams,
        body: DriveStatusBody,
        response: { 200: DriveDetail, ...errorResponses },
      },
    },
    async (request) => drives.setDriveStatus(ctxOf(request), request.params.id, request.body.status),
  );
  app.get(
    '/canvass-drives/:id/assignments',
    {
      config: { permission: 'canvass.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: AssignmentListQuery,
        response: { 200: Paged(Assignment), ...errorResponses },
      },
    },
    async (request) => drives.listAssignments(ctxOf(request), request.params.id, request.query),
  );
  app.post(
    '/canvass-drives/:id/assignments',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Assign units to communities (with buildings and household targets), all or nothing',
        params: IdParams,
        body: CreateAssignmentsBody,
        response: { 201: Type.Object({ created: Type.Integer() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await drives.createAssignments(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/canvass-assignments/:id',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        params: IdParams,
        body: UpdateAssignmentBody,
        response: { 200: Assignment, ...errorResponses },
      },
    },
    async (request) => drives.updateAssignment(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    '/canvass-assignments/:id',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Remove an assignment that has no visits',
        params: IdParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => drives.deleteAssignment(ctxOf(request), request.params.id),
  );
  app.post(
    '/canvass-assignments/:id/kickoff',
    {
      config: { permission: 'canvass.read' },
      schema: {
        tags,
        summary: 'Record the date of the unit’s kick-off (启动仪式); the unit itself or the office',
        params: IdParams,
        body: KickoffBody,
        response: { 200: Assignment, ...errorResponses },
      },
    },
    async (request) => drives.kickoff(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    '/canvass-drives/:id/progress',
    {
      config: { permission: 'canvass.read' },
      schema: {
        tags,
        summary: 'Households visited / target per unit, community or building',
        params: IdParams,
        querystring: ProgressQuery,
        response: { 200: ProgressList, ...errorResponses },
      },
    },
    async (request) => drives.progress(ctxOf(request), request.params.id, request.query),
  );
  app.post(
    '/canvass-drives/:id/regroup',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Regroup every opinion of the drive from scratch',
        params: IdParams,
        response: { 200: RegroupResult, ...errorResponses },
      },
    },
    async (request) => groups.regroupDrive(ctxOf(request), request.params.id),
  );
  app.get(
    '/canvass-groups',
    {
      config: { permission: 'canvass.read' },
      schema: {
        tags,
        summary: 'Groups of near-identical opinions, largest first',
        querystring: GroupListQuery,
        response: { 200: Paged(OpinionGroup), ...errorResponses },
      },
    },
    async (request) => groups.listGroups(ctxOf(request), request.query),
  );

  // Visits -----------------------------------------------------------------------------------------
  app.get(
    '/canvass/my-assignments',
    {
      config: { permission: 'canvass.record' },
      schema: { tags, response: { 200: MyAssignmentList, ...errorResponses } },
    },
    async (request) => drives.myAssignments(ctxOf(request)),
  );
  app.post(
    '/canvass-visits',
    {
      config: { permission: 'canvass.record' },
      schema: {
        tags,
        summary: 'Record a visit (群众意见建议征询表); a repeated idempotencyKey returns the first record (200)',
        body: CreateVisitBody,
        response: { 200: VisitReceipt, 201: VisitReceipt, ...errorResponses },
      },
    },
    async (request, reply) => {
      const receipt = await visits.createVisit(ctxOf(request), request.body);
      return reply.code(receipt.replayed ? 200 : 201).send(receipt);
    },
  );
  app.post(
    '/canvass-visits/batch',
    {
      config: { permission: 'canvass.record' },
      schema: {
        tags,
        summary: 'Type in a stack of paper forms: all checked, saved together or refused with per-row errors',
        body: BatchVisitsBody,
        response: { 201: BatchResult, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await visits.createVisitBatch(ctxOf(request), request.body.visits)),
  );
  app.get(
    '/canvass-visits',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, querystring: VisitListQuery, response: { 200: Paged(Visit), ...errorResponses } },
    },
    async (request) => visits.listVisits(ctxOf(request), request.query),
  );
  app.get(
    '/canvass-visits/:id',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, params: IdParams, response: { 200: Visit, ...errorResponses } },
    },
    async (request) => visits.getVisit(ctxOf(request), request.params.id),
  );
  app.get(
    '/canvass-visits/:id/phone',
    {
      config: { permission: 'canvass.phone' },
      schema: {
        tags,
        summary: 'The resident’s unmasked phone number (the view is audited)',
        params: IdParams,
        response: { 200: PhoneResponse, ...errorResponses },
      },
    },
    async (request) => visits.revealPhone(ctxOf(request), request.params.id),
  );

  // Opinions ---------------------------------------------------------------------------------------
  app.get(
    '/canvass-opinions',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, querystring: OpinionListQuery, response: { 200: Paged(Opinion), ...errorResponses } },
    },
    async (request) => opinions.listOpinions(ctxOf(request), request.query),
  );
  app.get(
    '/canvass-opinions/:id',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, params: IdParams, response: { 200: Opinion, ...errorResponses } },
    },
    async (request) => opinions.getOpinion(ctxOf(request), request.params.id),
  );
  app.post(
    '/canvass-opinions/:id/classify',
    {
      config: { permission: 'canvass.manage' },
      schema: { tags, params: IdParams, body: ClassifyBody, response: { 200: Opinion, ...errorResponses } },
    },
    async (request) => opinions.classifyOpinion(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/canvass-opinions/accept-suggestions',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Confirm the suggested topic of several opinions',
        body: AcceptSuggestionsBody,
        response: { 200: AcceptSuggestionsResult, ...errorResponses },
      },
    },
    async (request) => opinions.acceptSuggestions(ctxOf(request), request.body),
  );
  app.post(
    '/canvass-opinions/:id/route',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Route to a unit, as a case (filed in the cases module) or for a direct answer',
        params: IdParams,
        body: RouteBody,
        response: { 200: RouteResult, ...errorResponses },
      },
    },
    async (request) => opinions.routeOpinion(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/canvass-opinions/:id/reply',
    {
      config: { permission: 'canvass.answer' },
      schema: {
        tags,
        summary: 'The routed unit’s answer: solved, will be solved by a date, or cannot be solved now (explained)',
        params: IdParams,
        body: ReplyBody,
        response: { 200: Opinion, ...errorResponses },
      },
    },
    async (request) => opinions.replyOpinion(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/canvass-opinions/:id/deliver',
    {
      config: { permission: 'canvass.answer' },
      schema: {
        tags,
        summary: 'Record that the answer reached the resident (by SMS: the message is sent)',
        params: IdParams,
        body: DeliverBody,
        response: { 200: Opinion, ...errorResponses },
      },
    },
    async (request) => opinions.deliverOpinion(ctxOf(request), request.params.id, request.body),
  );

  // Topics and the classifier ----------------------------------------------------------------------
  app.get(
    '/opinion-topics',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, response: { 200: TopicList, ...errorResponses } },
    },
    async (request) => topics.listTopics(ctxOf(request)),
  );
  app.post(
    '/opinion-topics',
    {
      config: { permission: 'canvass.manage' },
      schema: { tags, body: CreateTopicBody, response: { 201: Topic, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await topics.createTopic(ctxOf(request), request.body)),
  );
  app.patch(
    '/opinion-topics/:code',
    {
      config: { permission: 'canvass.manage' },
      schema: { tags, params: TopicParams, body: UpdateTopicBody, response: { 200: Topic, ...errorResponses } },
    },
    async (request) => topics.updateTopic(ctxOf(request), request.params.code, request.body),
  );
  app.get(
    '/canvass-classifier',
    {
      config: { permission: 'canvass.manage' },
      schema: { tags, response: { 200: ClassifierStatus, ...errorResponses } },
    },
    async (request) => classifier.classifierStatus(ctxOf(request)),
  );
  app.post(
    '/canvass-classifier/train',
    {
      config: { permission: 'canvass.manage' },
      schema: {
        tags,
        summary: 'Retrain on the opinions staff have classified; accuracy measured on a held-out split',
        response: { 200: ClassifierStatus, ...errorResponses },
      },
    },
    async (request) => classifier.trainNow(ctxOf(request)),
  );
  app.post(
    '/canvass-classifier/suggest',
    {
      config: { permission: 'canvass.read' },
      schema: { tags, body: SuggestBody, response: { 200: SuggestResponse, ...errorResponses } },
    },
    async (request) => classifier.tryText(ctxOf(request), request.body.text),
  );
}
