// Routes of what inspections measure against: the evaluation index (with its Excel), site types,
// sites (with the map and Excel) and checklists with the "try this rule" box. Thin: schema,
// permission, one service call.

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
import * as catalogue from './catalogue.service.js';
import * as excel from './inspections.excel.js';
import {
  ChecklistItem,
  ChecklistList,
  ChecklistQuery,
  CodeParams,
  CreateChecklistItemBody,
  CreateIndexNodeBody,
  CreateSiteBody,
  CreateSiteTypeBody,
  ImportResult,
  IndexList,
  IndexNode,
  Site,
  SiteDetail,
  SiteExportQuery,
  SiteListQuery,
  SiteMap,
  SiteType,
  SiteTypeList,
  TryRuleBody,
  TryRuleResult,
  UpdateChecklistItemBody,
  UpdateIndexNodeBody,
  UpdateSiteBody,
  UpdateSiteTypeBody,
} from './inspections.schemas.js';
import * as sites from './sites.service.js';

const tags = ['inspections'];
const upload = { consumes: ['multipart/form-data'] };

export function registerCatalogueRoutes(app: App) {
  // Evaluation index -----------------------------------------------------------------------------
  app.get(
    '/evaluation-index',
    { config: { permission: 'index.read' }, schema: { tags, response: { 200: IndexList, ...errorResponses } } },
    async (request) => catalogue.listIndex(ctxOf(request)),
  );
  app.post(
    '/evaluation-index',
    {
      config: { permission: 'index.manage' },
      schema: { tags, body: CreateIndexNodeBody, response: { 201: IndexNode, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await catalogue.createIndexNode(ctxOf(request), request.body)),
  );
  app.patch(
    '/evaluation-index/:id',
    {
      config: { permission: 'index.manage' },
      schema: { tags, params: IdParams, body: UpdateIndexNodeBody, response: { 200: IndexNode, ...errorResponses } },
    },
    async (request) => catalogue.updateIndexNode(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/evaluation-index/defaults',
    {
      config: { permission: 'index.manage' },
      schema: {
        tags,
        summary: 'Add the editable sample index, site types and checklists (existing codes are kept)',
        response: { 200: IndexList, ...errorResponses },
      },
    },
    async (request) => catalogue.importSampleIndex(ctxOf(request)),
  );
  app.get(
    '/evaluation-index/export',
    { config: { permission: 'index.read' }, schema: { tags, response: { 200: XlsxResponse, ...errorResponses } } },
    async (request, reply) => sendXlsxStream(request, reply, ...excelArgs(await excel.exportIndex(ctxOf(request)))),
  );
  app.get(
    '/evaluation-index/import-template',
    { config: { permission: 'index.manage' }, schema: { tags, response: { 200: XlsxResponse, ...errorResponses } } },
    async (request, reply) => {
      const { fileName, buffer } = await excel.indexTemplate(ctxOf(request));
      return sendXlsx(reply, fileName, buffer);
    },
  );
  app.post(
    '/evaluation-index/import',
    {
      config: { permission: 'index.manage' },
      schema: {
        tags,
        summary: 'Import the index from .xlsx; all or nothing',
        ...upload,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (request) =>
      excel.importIndex(ctxOf(request), await readUpload(request, request.server.deps.config.importMaxBytes)),
  );

  // Site types -----------------------------------------------------------------------------------
  app.get(
    '/site-types',
    { config: { permission: 'site.read' }, schema: { tags, response: { 200: SiteTypeList, ...errorResponses } } },
    async (request) => catalogue.listSiteTypes(ctxOf(request)),
  );
  app.post(
    '/site-types',
    {
      config: { permission: 'inspection.manage' },
      schema: { tags, body: CreateSiteTypeBody, response: { 201: SiteType, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await catalogue.createSiteType(ctxOf(request), request.body)),
  );
  app.patch(
    '/site-types/:code',
    {
      config: { permission: 'inspection.manage' },
      schema: { tags, params: CodeParams, body: UpdateSiteTypeBody, response: { 200: SiteType, ...errorResponses } },
    },
    async (request) => catalogue.updateSiteType(ctxOf(request), request.params.code, request.body),
  );

  // Sites ----------------------------------------------------------------------------------------
  app.get(
    '/sites',
    {
      config: { permission: 'site.read' },
      schema: { tags, querystring: SiteListQuery, response: { 200: Paged(Site), ...errorResponses } },
    },
    async (request) => sites.listSites(ctxOf(request), request.query),
  );
  app.get(
    '/sites/map',
    {
      config: { permission: 'site.read' },
      schema: { tags, querystring: SiteExportQuery, response: { 200: SiteMap, ...errorResponses } },
    },
    async (request) => sites.mapSites(ctxOf(request), request.query),
  );
  app.get(
    '/sites/export',
    {
      config: { permission: 'site.read' },
      schema: { tags, querystring: SiteExportQuery, response: { 200: XlsxResponse, ...errorResponses } },
    },
    async (request, reply) =>
      sendXlsxStream(request, reply, ...excelArgs(await excel.exportSites(ctxOf(request), request.query))),
  );
  app.get(
    '/sites/import-template',
    { config: { permission: 'site.manage' }, schema: { tags, response: { 200: XlsxResponse, ...errorResponses } } },
    async (request, reply) => {
      const { fileName, buffer } = await excel.siteTemplate(ctxOf(request));
      return sendXlsx(reply, fileName, buffer);
    },
  );
  app.post(
    '/sites/import',
    {
      config: { permission: 'site.manage' },
      schema: {
        tags,
        summary: 'Import sites from .xlsx; all or nothing',
        ...upload,
        response: { 200: ImportResult, ...errorResponses },
      },
    },
    async (request) =>
      excel.importSites(ctxOf(request), await readUpload(request, request.server.deps.config.importMaxBytes)),
  );
  app.get(
    '/sites/:id',
    {
      config: { permission: 'site.read' },
      schema: { tags, params: IdParams, response: { 200: SiteDetail, ...errorResponses } },
    },
    async (request) => sites.getSite(ctxOf(request), request.params.id),
  );
  app.post(
    '/sites',
    {
      config: { permission: 'site.manage' },
      schema: { tags, body: CreateSiteBody, response: { 201: SiteDetail, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await sites.createSite(ctxOf(request), request.body)),
  );
  app.patch(
    '/sites/:id',
    {
      config: { permission: 'site.manage' },
      schema: { tags, params: IdParams, body: UpdateSiteBody, response: { 200: SiteDetail, ...errorResponses } },
    },
    async (request) => sites.updateSite(ctxOf(request), request.params.id, request.body),
  );

  // Checklists -----------------------------------------------------------------------------------
  app.get(
    '/checklist-items',
    {
      config: { permission: 'index.read' },
      schema: { tags, querystring: ChecklistQuery, response: { 200: ChecklistList, ...errorResponses } },
    },
    async (request) => catalogue.listChecklist(ctxOf(request), request.query),
  );
  app.post(
    '/checklist-items',
    {
      config: { permission: 'inspection.manage' },
      schema: { tags, body: CreateChecklistItemBody, response: { 201: ChecklistItem, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await catalogue.createChecklistItem(ctxOf(request), request.body)),
  );
  app.patch(
    '/checklist-items/:id',
    {
      config: { permission: 'inspection.manage' },
      schema: {
        tags,
        params: IdParams,
        body: UpdateChecklistItemBody,
        response: { 200: ChecklistItem, ...errorResponses },
      },
    },
    async (request) => catalogue.updateChecklistItem(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/checklist-rules/try',
    {
      config: { permission: 'index.read' },
      schema: {
        tags,
        summary: 'Score a value against a rule in a phase, in words (nothing is stored)',
        body: TryRuleBody,
        response: { 200: TryRuleResult, ...errorResponses },
      },
    },
    async (request) => catalogue.tryRule(ctxOf(request), request.body),
  );
}

/** The arguments of sendXlsxStream from an export's file name, sheet and rows. */
export function excelArgs(x: {
  fileName: string;
  sheet: { name: string; columns: { key: string; header: string; width?: number }[] };
  rows: Record<string, unknown>[];
}): [string, { sheet: typeof x.sheet; rows: typeof x.rows }] {
  return [x.fileName, { sheet: x.sheet, rows: x.rows }];
}
