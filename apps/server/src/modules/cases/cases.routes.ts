// Case routes (signed in): categories and settings, intake, lists, detail, transitions,
// duplicates, publication, notices, metrics. Thin: schema, permission, one service call. Each
// transition's own permission is checked by the lifecycle table in the service.

import { Type } from 'typebox';
import { ctxOf, errorResponses, IdParams, Paged, sendXlsxStream, XlsxResponse, type App } from '../../platform/http.js';
import * as config from './cases.config.js';
import * as metrics from './cases.metrics.js';
import * as notices from './cases.notices.js';
import {
  CaseCounts,
  CaseDetail,
  CaseExportQuery,
  CaseListItem,
  CaseListQuery,
  CaseSettings,
  Category,
  CategoryList,
  CreateCaseBody,
  CreateCategoryBody,
  CreateNoticeBody,
  DuplicateList,
  MapPoints,
  MetricsQuery,
  MetricsResult,
  Notice,
  NoticeListQuery,
  PublishBody,
  TransitionBody,
  TransitionParams,
  UpdateCaseSettingsBody,
  UpdateCategoryBody,
} from './cases.schemas.js';
import * as service from './cases.service.js';
import { exportCases } from './cases.export.js';

const tags = ['cases'];
const Docx = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Word document (.docx)' });

export function registerCaseRoutes(app: App) {
  // Categories and settings ------------------------------------------------------------------
  app.get(
    '/case-categories',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The category tree (flat, with parentId)',
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (request) => config.listCategories(ctxOf(request)),
  );

  app.post(
    '/case-categories',
    {
      config: { permission: 'case.config' },
      schema: { tags, body: CreateCategoryBody, response: { 200: Category, ...errorResponses } },
    },
    async (request) => config.createCategory(ctxOf(request), request.body),
  );

  app.post(
    '/case-categories/defaults',
    {
      config: { permission: 'case.config' },
      schema: {
        tags,
        summary: 'Add the default sample tree (existing codes are kept)',
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async (request) => config.importDefaultCategories(ctxOf(request)),
  );

  app.patch(
    '/case-categories/:id',
    {
      config: { permission: 'case.config' },
      schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: Category, ...errorResponses } },
    },
    async (request) => config.updateCategory(ctxOf(request), request.params.id, request.body),
  );

  app.get(
    '/case-settings',
    {
      config: { permission: 'case.config' },
      schema: { tags, response: { 200: CaseSettings, ...errorResponses } },
    },
    async (request) => config.getSettings(ctxOf(request)),
  );

  app.put(
    '/case-settings',
    {
      config: { permission: 'case.config' },
      schema: { tags, body: UpdateCaseSettingsBody, response: { 200: CaseSettings, ...errorResponses } },
    },
    async (request) => config.updateSettings(ctxOf(request), request.body),
  );

  // Intake and lists -------------------------------------------------------------------------
  app.post(
    '/cases',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary: 'Report a problem; a repeated idempotencyKey returns the first case (replayed: true)',
        body: CreateCaseBody,
        response: { 200: CaseDetail, 201: CaseDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await service.createCase(ctxOf(request), request.body);
      return reply.code(detail.replayed ? 200 : 201).send(detail);
    },
  );

  app.get(
    '/cases',
    {
      config: { permission: 'case.read' },
      schema: { tags, querystring: CaseListQuery, response: { 200: Paged(CaseListItem), ...errorResponses } },
    },
    async (request) => service.listCases(ctxOf(request), request.query),
  );

  app.get(
    '/cases/export',
    {
      config: { permission: 'case.export' },
      schema: {
        tags,
        summary: 'The list as Excel, same filters',
        querystring: CaseExportQuery,
        response: { 200: XlsxResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await exportCases(ctxOf(request), request.query);
      return sendXlsxStream(request, reply, file.fileName, file);
    },
  );

  app.get(
    '/cases/counts',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Counts by status and overdue / escalated / due soon, in the caller’s scope',
        querystring: Type.Object({ unitId: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: CaseCounts, ...errorResponses },
      },
    },
    async (request) => service.countCases(ctxOf(request), request.query),
  );

  app.get(
    '/cases/reported',
    {
      config: { permission: 'case.report' },
      schema: {
        tags,
        summary: 'The caller’s own reports',
        querystring: Type.Object({
          page: Type.Optional(Type.Integer({ minimum: 1 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Paged(CaseListItem), ...errorResponses },
      },
    },
    async (request) => service.listMyReports(ctxOf(request), request.query),
  );

  app.get(
    '/cases/map',
    {
      config: { permission: 'case.manage' },
      schema: {
        tags,
        summary: 'Open cases with a location, and the grid outlines',
        querystring: Type.Object({
          regionId: Type.Optional(Type.Integer({ minimum: 1 })),
          categoryId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: MapPoints, ...errorResponses },
      },
    },
    async (request) => service.mapCases(ctxOf(request), request.query),
  );

  app.get(
    '/cases/metrics',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'Received, closed, 结案率, 按期结案率, 返工率, 延期率, handling time — per unit, region, category or month',
        querystring: MetricsQuery,
        response: { 200: MetricsResult, ...errorResponses },
      },
    },
    async (request) => metrics.caseMetrics(ctxOf(request), request.query),
  );

  // One case -----------------------------------------------------------------------------------
  app.get(
    '/cases/:id',
    {
      config: { permission: 'case.read' },
      schema: { tags, params: IdParams, response: { 200: CaseDetail, ...errorResponses } },
    },
    async (request) => service.getCase(ctxOf(request), request.params.id),
  );

  app.get(
    '/cases/:id/duplicates',
    {
      config: { permission: 'case.manage' },
      schema: { tags, params: IdParams, response: { 200: DuplicateList, ...errorResponses } },
    },
    async (request) => service.listDuplicates(ctxOf(request), request.params.id),
  );

  app.post(
    '/cases/:id/transitions/:action',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'One lifecycle step (the action’s own permission and the case state are checked; 409 if the case moved on)',
        params: TransitionParams,
        body: TransitionBody,
        response: { 200: CaseDetail, ...errorResponses },
      },
    },
    async (request) =>
      service.transitionCase(ctxOf(request), request.params.id, request.params.action, request.body ?? {}),
  );

  app.post(
    '/cases/:id/publish',
    {
      config: { permission: 'case.manage' },
      schema: { tags, params: IdParams, body: PublishBody, response: { 200: CaseDetail, ...errorResponses } },
    },
    async (request) => service.publishCase(ctxOf(request), request.params.id, request.body),
  );

  // Rectification notices ------------------------------------------------------------------------
  app.post(
    '/case-notices',
    {
      config: { permission: 'case.manage' },
      schema: {
        tags,
        summary: 'Issue a 限期整改通知单 (.docx) for open cases of one unit',
        body: CreateNoticeBody,
        response: { 200: Notice, ...errorResponses },
      },
    },
    async (request) => notices.createNotice(ctxOf(request), request.body),
  );

  app.get(
    '/case-notices',
    {
      config: { permission: 'case.manage' },
      schema: { tags, querystring: NoticeListQuery, response: { 200: Paged(Notice), ...errorResponses } },
    },
    async (request) => notices.listNotices(ctxOf(request), request.query),
  );

  app.get(
    '/case-notices/:id/file',
    {
      config: { permission: 'case.manage' },
      schema: { tags, params: IdParams, response: { 200: Docx, ...errorResponses } },
    },
    async (request, reply) => {
      const file = await notices.openNoticeFile(ctxOf(request), request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.buffer);
    },
  );
}
