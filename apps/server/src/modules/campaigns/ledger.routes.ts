// Ledger routes: tasks (bulk assignment, list, detail, edit, cancel), the Excel ledger (export,
// template, import), task instances with the report cycle, and events. Thin: schema, permission,
// one service call. The report cycle's own side (unit or office) is checked by the service.

import { readUpload } from '../../platform/files.js';
import {
  ctxOf,
  errorResponses,
  IdParams,
  Paged,
  sendXlsx,
  sendXlsxStream,
  XlsxResponse,
  type App,
} from '../../platform/http.js';
import {
  CancelTaskBody,
  CreateTasksBody,
  CreateTasksResult,
  EventBody,
  EventDetail,
  EventListItem,
  EventListQuery,
  InstanceActionBody,
  InstanceActionParams,
  InstanceDetail,
  InstanceListItem,
  InstanceListQuery,
  LedgerImportResult,
  TaskDetail,
  TaskExportQuery,
  TaskListItem,
  TaskListQuery,
  UpdateEventBody,
  UpdateTaskBody,
} from './campaigns.schemas.js';
import * as events from './events.service.js';
import * as instances from './instances.service.js';
import * as ledger from './ledger.service.js';
import * as tasks from './tasks.service.js';

const tags = ['campaigns'];

export function registerLedgerRoutes(app: App) {
  // Tasks ----------------------------------------------------------------------------------------
  app.post(
    '/campaigns/:id/tasks',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Assign one task to many units at once (one ledger task per unit, one transaction)',
        params: IdParams,
        body: CreateTasksBody,
        response: { 201: CreateTasksResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await tasks.createTasks(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/campaign-tasks',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'The ledger: tasks in scope with their completion',
        querystring: TaskListQuery,
        response: { 200: Paged(TaskListItem), ...errorResponses },
      },
    },
    async (request) => tasks.listTasks(ctxOf(request), request.query),
  );

  app.get(
    '/campaign-tasks/export',
    {
      config: { permission: 'campaign.export' },
      schema: {
        tags,
        summary: 'The ledger as Excel (序号, 工作任务, 责任单位, 责任人, 完成时限, 完成情况, 备注), same filters',
        querystring: TaskExportQuery,
        response: { 200: XlsxResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { fileName, sheet, rows } = await ledger.exportLedger(ctxOf(request), request.query);
      return sendXlsxStream(request, reply, fileName, { sheet, rows });
    },
  );

  app.get(
    '/campaign-tasks/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, params: IdParams, response: { 200: TaskDetail, ...errorResponses } },
    },
    async (request) => tasks.getTask(ctxOf(request), request.params.id),
  );

  app.patch(
    '/campaign-tasks/:id',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Edit a task; the lead unit and schedule only while nothing has been reported',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskDetail, ...errorResponses },
      },
    },
    async (request) => tasks.updateTask(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    '/campaign-tasks/:id/cancel',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, body: CancelTaskBody, response: { 200: TaskDetail, ...errorResponses } },
    },
    async (request) => tasks.cancelTask(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/campaigns/:id/tasks/import-template',
    {
      config: { permission: 'campaign.manage' },
      schema: { tags, params: IdParams, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const { fileName, buffer } = await ledger.buildLedgerTemplate(ctxOf(request), request.params.id);
      return sendXlsx(reply, fileName, buffer);
    },
  );

  app.post(
    '/campaigns/:id/tasks/import',
    {
      config: { permission: 'campaign.manage' },
      schema: {
        tags,
        summary: 'Import a ledger from .xlsx (multipart field "file"); all or nothing',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: LedgerImportResult, ...errorResponses },
      },
    },
    async (request) => {
      const file = await readUpload(request, request.server.deps.config.importMaxBytes);
      return ledger.importLedger(ctxOf(request), request.params.id, file);
    },
  );

  // Instances ------------------------------------------------------------------------------------
  app.get(
    '/task-instances',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Task instances in scope by due date: "my tasks" for a unit, the overdue list for the office',
        querystring: InstanceListQuery,
        response: { 200: Paged(InstanceListItem), ...errorResponses },
      },
    },
    async (request) => instances.listInstances(ctxOf(request), request.query),
  );

  app.get(
    '/task-instances/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, params: IdParams, response: { 200: InstanceDetail, ...errorResponses } },
    },
    async (request) => instances.getInstance(ctxOf(request), request.params.id),
  );

  app.post(
    '/task-instances/:id/actions/:action',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Report cycle: the unit saves a draft or submits; the office accepts or returns (reason required)',
        params: InstanceActionParams,
        body: InstanceActionBody,
        response: { 200: InstanceDetail, ...errorResponses },
      },
    },
    async (request) => instances.actOnInstance(ctxOf(request), request.params.id, request.params.action, request.body),
  );

  // Events ---------------------------------------------------------------------------------------
  app.get(
    '/campaign-events',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, querystring: EventListQuery, response: { 200: Paged(EventListItem), ...errorResponses } },
    },
    async (request) => events.listEvents(ctxOf(request), request.query),
  );

  app.post(
    '/campaigns/:id/events',
    {
      config: { permission: 'campaign.read' },
      schema: {
        tags,
        summary: 'Record a meeting, publicity day or clean-up day (the office, or a unit for its own events)',
        params: IdParams,
        body: EventBody,
        response: { 201: EventDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await events.createEvent(ctxOf(request), request.params.id, request.body)),
  );

  app.get(
    '/campaign-events/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, params: IdParams, response: { 200: EventDetail, ...errorResponses } },
    },
    async (request) => events.getEvent(ctxOf(request), request.params.id),
  );

  app.patch(
    '/campaign-events/:id',
    {
      config: { permission: 'campaign.read' },
      schema: { tags, params: IdParams, body: UpdateEventBody, response: { 200: EventDetail, ...errorResponses } },
    },
    async (request) => events.updateEvent(ctxOf(request), request.params.id, request.body),
  );
}
